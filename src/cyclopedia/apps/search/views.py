"""Search pages: results, suggestions (OpenSearch JSON), the OpenSearch description (the JSON
search API is in apps/api). Thin: parse the request, call a selector, render."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from cyclopedia.apps.search import selectors
from cyclopedia.apps.search.backends import Filters

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


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    filters = _filters(request)
    page = _page(request)
    if q and not filters and page == 1 and "fulltext" not in request.GET:
        article = selectors.search_go(q=q)
        if article is not None:
            return HttpResponseRedirect(article.get_absolute_url())
    found = selectors.search_run(q=q, filters=filters, page=page) if q else None
    kept = {"q": q, "fulltext": "1", **{k: v for k, v in vars(filters).items() if v}}
    response = render(
        request,
        "search/results.html",
        {
            "q": q,
            "found": found,
            "filters": filters,
            "choices": selectors.filter_choices(),
            "start": (found.page - 1) * found.per_page + 1 if found else 1,
            "page_query": urlencode(kept),
        },
    )
    patch_cache_control(response, public=True, max_age=60)
    return response


@require_safe
def suggest(request: HttpRequest) -> HttpResponse:
    """``[query, [titles], [descriptions], [urls]]``: the OpenSearch suggestions format."""
    q = request.GET.get("q", "")
    found = selectors.search_suggest(q=q)
    body = [
        q[:200],
        [s.title for s in found],
        [s.description for s in found],
        [request.build_absolute_uri(s.url) for s in found],
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
