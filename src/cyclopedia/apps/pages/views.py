"""Thin views: parse the request, call a selector, render a template."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from cyclopedia import __version__
from cyclopedia.apps.articles import selectors
from cyclopedia.apps.articles.models import Alias, Article, Revision
from cyclopedia.document.titles import TitleError, normalize_title

# Articles listed on one page of a category, as on Wikipedia.
CATEGORY_PAGE_SIZE = 200

STATIC_PAGES = {
    "about": "pages/about.html",
    "terms": "pages/terms.html",
    "privacy": "pages/privacy.html",
}


class _Missing(Http404):
    def __init__(self, title: str) -> None:
        super().__init__(f"There is no article titled “{title}”.")
        self.title = title


def _article_for(request: HttpRequest, raw: str, route: str) -> Article | HttpResponse:
    """The article a URL path names, or the redirect to its canonical URL."""
    try:
        title = normalize_title(raw)
    except TitleError as error:
        raise Http404(f"“{raw[:200]}” is not a valid title: {error}.") from error
    found = selectors.article_lookup(title=title)
    if found.article is None:
        raise _Missing(title)
    if found.via_alias or raw != found.article.url_title:
        url = reverse(route, kwargs={"title": found.article.url_title})
        if request.META.get("QUERY_STRING"):
            url += "?" + request.META["QUERY_STRING"]
        return HttpResponsePermanentRedirect(url)
    return found.article


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pages/home.html",
        {
            "recent": selectors.articles_recent(limit=12),
            "random": selectors.articles_random(limit=3),
            "sources": selectors.sources_with_counts(),
            "article_count": selectors.articles_count(),
        },
    )


@require_safe
def article(request: HttpRequest, title: str) -> HttpResponse:
    found = _article_for(request, title, "article")
    if isinstance(found, HttpResponse):
        return found
    revision: Revision | None = found.published_revision
    old = request.GET.get("oldid")
    if old is not None:
        valid = re.fullmatch(r"[0-9]{1,18}", old)
        revision = selectors.revision_of(article=found, revision_id=int(old)) if valid else None
        if revision is None:
            raise Http404(f"“{found.title}” has no revision {old[:20]}.")
    assert revision is not None  # published articles only, by the selector
    # The published revision is part of the tag: an old revision's page says that it is old.
    stamp = int(max(revision.rendered, found.updated).timestamp())
    etag = f'"{revision.pk}-{found.published_revision_id}-{stamp}-{__version__}"'
    last_modified = stamp
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = render(
            request,
            "pages/article.html",
            {
                "article": found,
                "revision": revision,
                "is_current": revision.pk == found.published_revision_id,
                "aliases": found.aliases.filter(kind=Alias.Kind.NAME),
                "categories": found.categories.all(),
                "license": revision.license_info,
            },
        )
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=60)
    return response


def _about_article(
    request: HttpRequest,
    title: str,
    *,
    route: str,
    template: str,
    context: Callable[[Article], dict[str, object]],
) -> HttpResponse:
    """A page about an article (its history, what links to it), at its canonical URL."""
    found = _article_for(request, title, route)
    if isinstance(found, HttpResponse):
        return found
    return render(request, template, {"article": found, **context(found)})


@require_safe
def history(request: HttpRequest, title: str) -> HttpResponse:
    return _about_article(
        request,
        title,
        route="history",
        template="pages/history.html",
        context=lambda article: {"revisions": selectors.revision_history(article=article)},
    )


@require_safe
def links_here(request: HttpRequest, title: str) -> HttpResponse:
    return _about_article(
        request,
        title,
        route="links-here",
        template="pages/links_here.html",
        context=lambda article: {"linking": selectors.links_here(article=article)},
    )


@require_safe
def category(request: HttpRequest, name: str) -> HttpResponse:
    """A category: its description, if its source had one, and its articles, a page at a time."""
    try:
        canonical = normalize_title(name)
    except TitleError as error:
        raise Http404(f"“{name[:200]}” is not a valid category name: {error}.") from error
    found = selectors.category_lookup(name=canonical)
    if found is None:
        raise Http404(f"There is no category named “{canonical}”.")
    if name != found.url_name:
        url = reverse("category", kwargs={"name": found.url_name})
        if request.META.get("QUERY_STRING"):
            url += "?" + request.META["QUERY_STRING"]
        return HttpResponsePermanentRedirect(url)
    articles = Paginator(selectors.category_articles(category=found), CATEGORY_PAGE_SIZE)
    response = render(
        request,
        "pages/category.html",
        {
            "category": found,
            "description": selectors.category_description_html(category=found),
            "page": articles.get_page(request.GET.get("page")),  # a bad number: the nearest page
            "license": found.license_info,
        },
    )
    patch_cache_control(response, public=True, max_age=60)
    return response


@require_safe
def random_article(request: HttpRequest) -> HttpResponse:
    chosen = selectors.article_random()
    response = HttpResponseRedirect(chosen.get_absolute_url() if chosen else reverse("home"))
    patch_cache_control(response, no_store=True)
    return response


@require_safe
def static_page(request: HttpRequest, name: str) -> HttpResponse:
    return render(request, STATIC_PAGES[name])


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if isinstance(exception, Http404) and exception.args else ""
    context = {"message": message, "missing_title": getattr(exception, "title", "")}
    return render(request, "404.html", context, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors, no database: this page must render when everything else fails.
    template = loader.get_template("500.html")
    return HttpResponse(template.render({}), status=500)
