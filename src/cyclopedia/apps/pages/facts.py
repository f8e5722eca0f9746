"""The facts page: infobox facts by label, value and date range (``/facts?label=Born&value=
Baghdad&from=1970&to=1980``)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from cyclopedia.apps.articles.facts_selectors import fact_query_parse, facts_find

FACTS_PAGE_SIZE = 100


@require_safe
def facts(request: HttpRequest) -> HttpResponse:
    query = fact_query_parse(
        label=request.GET.get("label", ""),
        value=request.GET.get("value", ""),
        date_from=request.GET.get("from", ""),
        date_to=request.GET.get("to", ""),
    )
    page = None
    if not query.empty and not query.errors:
        found = Paginator(facts_find(query=query), FACTS_PAGE_SIZE)
        page = found.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    response = render(
        request,
        "pages/facts.html",
        {
            "query": query,
            "raw": {
                "label": request.GET.get("label", "")[:200],
                "value": request.GET.get("value", "")[:200],
                "from": request.GET.get("from", "")[:50],
                "to": request.GET.get("to", "")[:50],
            },
            "page": page,
            "params": params.urlencode(),
        },
        status=400 if query.errors else 200,
    )
    patch_cache_control(response, public=True, max_age=60)
    return response
