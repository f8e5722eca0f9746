"""Search pages: results, suggestions (OpenSearch JSON), the OpenSearch description (the JSON
search API is in apps/api). Thin: parse the request, call a selector, render."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from cyclopedia.apps.search import selectors
from cyclopedia.apps.search.backends import Filters
from cyclopedia.apps.search.caching import search_cached

_FILTER_CHARS = 255


def _filters(request: HttpRequest) -> Filters:
    def value(name: str) -> str:
        return " ".join(request.GET.get(name, "").split())[:_FILTER_CHARS]

    return Filters(
        source=value("source"),
        license=value("license"),
        category=value("category"),
        language=value("language"),
    )


def _page(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    return int(raw) if re.fullmatch(r"[0-9]{1,4}", raw) else 1


@dataclass(frozen=True)
class RenderedResults:
    """What a query found, as the results part of the page: the same for every reader."""

    html: SafeString
    found: bool  # False: nothing (the page is not for search engines)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    filters = _filters(request)
    page = _page(request)
    if q and not filters and page == 1 and "fulltext" not in request.GET:
        path = selectors.search_go_path(q=q)
        if path:
            return HttpResponseRedirect(path)
    kept = {"q": q, "fulltext": "1", **{k: v for k, v in vars(filters).items() if v}}
    results = None
    if q:
        # The rendered results part is cached as it is (rendering 20 results costs more than
        # finding them again in the cache): the same for every reader.
        question = [q, vars(filters), page]
        results = search_cached("results", question, lambda: _results(q, filters, page, kept))
    response = render(
        request,
        "search/results.html",
        {
            "q": q,
            "results": results,
            "filters": filters,
            "choices": selectors.filter_choices(),
        },
    )
    patch_cache_control(response, public=True, max_age=60)
    return response


def _results(q: str, filters: Filters, page: int, kept: dict[str, str]) -> RenderedResults:
    found = selectors.search_run(q=q, filters=filters, page=page)
    html = render_to_string(
        "search/_results.html",
        {
            "found": found,
            "start": (found.page - 1) * found.per_page + 1,
            "page_query": urlencode(kept),
        },
    )
    return RenderedResults(html=html, found=bool(found.results))


@require_safe
def suggest(request: HttpRequest) -> HttpResponse:
    """``[query, [titles], [descriptions], [urls]]``: the OpenSearch suggestions format."""
    q = request.GET.get("q", "")
    found = selectors.search_suggestions(q=q)
    body = [
        q[:200],
        [s.title for s in found],
        [s.description for s in found],
        [request.build_absolute_uri(s.path) for s in found],
    ]
    response = JsonResponse(body, safe=False, content_type="application/x-suggestions+json")
    patch_cache_control(response, public=True, max_age=300)
    return response


@require_safe
def opensearch(request: HttpRequest) -> HttpResponse:
    response = render(
        request,
        "search/opensearch.xml",
        {
            "search_url": request.build_absolute_uri(reverse("search")),
            "suggest_url": request.build_absolute_uri(reverse("search-suggest")),
            "home_url": request.build_absolute_uri(reverse("home")),
        },
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
    patch_cache_control(response, public=True, max_age=86400)
    return response
