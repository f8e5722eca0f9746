"""Search and title suggestions, their answers cached as the search page's are (caching.py)."""

from __future__ import annotations

import re
from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.params.functions import Query

from cyclopedia.apps.api.auth import READ_SECURITY, ApiError, read_auth
from cyclopedia.apps.api.errors import error_responses
from cyclopedia.apps.api.routers import clean
from cyclopedia.apps.api.schemas import SearchOut, SuggestionOut, Text
from cyclopedia.apps.search import selectors
from cyclopedia.apps.search.backends import Filters
from cyclopedia.apps.search.caching import search_cached

router = Router(tags=["search"], auth=read_auth)

_FILTER_CHARS = 255


def _page(raw: str) -> int:
    """A results page as the search page takes it: anything but a small number is page 1."""
    return int(raw) if re.fullmatch(r"[0-9]{1,4}", raw) else 1


@router.get(
    "/search",
    response={200: SearchOut, **error_responses(400)},
    openapi_extra=READ_SECURITY,
    summary="Full-text search of the published articles",
)
def search(
    request: HttpRequest,
    q: str = Query("", description="The words to search for (required)"),
    page: str = Query("1", description="Results page, from 1"),
    source: Text = "",
    license: Text = "",
    category: Text = "",
    language: Text = "",
) -> dict[str, Any]:
    if not q.strip():
        raise ApiError(400, "The parameter q is required: the words to search for.")
    filters = Filters(
        source=clean(source)[:_FILTER_CHARS],
        license=clean(license)[:_FILTER_CHARS],
        category=clean(category)[:_FILTER_CHARS],
        language=clean(language)[:_FILTER_CHARS],
    )
    question = [q, vars(filters), _page(page)]
    found = search_cached("api-search", question, lambda: _search(q, filters, _page(page)))
    results = [{**r, "url": request.build_absolute_uri(r["url"])} for r in found["results"]]
    return {**found, "results": results}


def _search(q: str, filters: Filters, page: int) -> dict[str, Any]:
    found = selectors.search_run(q=q, filters=filters, page=page)
    return {
        "query": found.query.text,
        "total": found.total,
        "total_exact": found.total_exact,
        "page": found.page,
        "pages": found.pages,
        "per_page": found.per_page,
        "did_you_mean": found.did_you_mean or None,
        "notices": list(found.notices),
        "results": [
            {
                "title": result.article.title,
                "url": result.url,
                "snippet": str(result.snippet),
                "score": None if result.score is None else round(result.score, 6),
                "language": result.article.language,
                "license": result.article.published_revision.license
                if result.article.published_revision
                else None,
            }
            for result in found.results
        ],
    }


@router.get(
    "/suggest",
    response={200: list[SuggestionOut], **error_responses()},
    openapi_extra=READ_SECURITY,
    summary="Titles (and aliases) for what has been typed so far",
)
def suggest(
    request: HttpRequest, q: str = Query("", description="The start of a title")
) -> list[dict[str, Any]]:
    return [
        {
            "title": s.title,
            "article_title": s.article_title,
            "description": s.description,
            "url": request.build_absolute_uri(s.path),
        }
        for s in selectors.search_suggestions(q=q)
    ]
