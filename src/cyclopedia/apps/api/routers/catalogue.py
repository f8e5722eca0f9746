"""Categories, sources and infobox facts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.params.functions import Query

from cyclopedia.apps.api import present, selectors
from cyclopedia.apps.api.auth import READ_SECURITY, ApiError, read_auth
from cyclopedia.apps.api.errors import error_responses
from cyclopedia.apps.api.routers import clean, paged
from cyclopedia.apps.api.schemas import (
    CategoryList,
    FactList,
    Limit,
    Offset,
    SourceOut,
    Text,
)
from cyclopedia.apps.articles import facts_selectors
from cyclopedia.apps.articles.models import Category, Source

router = Router(tags=["catalogue"], auth=read_auth)


@router.get(
    "/categories",
    response={200: CategoryList, **error_responses()},
    openapi_extra=READ_SECURITY,
    summary="Categories that hold published articles, with how many",
)
def category_list(
    request: HttpRequest,
    limit: Limit = 50,
    offset: Offset = 0,
    prefix: Text = Query("", description="Only names starting with this (any case)"),
) -> dict[str, Any]:
    def shown(category: Category) -> dict[str, Any]:
        return {
            "name": category.name,
            "url": request.build_absolute_uri(category.get_absolute_url()),
            "article_count": category.article_count,  # type: ignore[attr-defined]
        }

    found = selectors.categories_with_counts(prefix=clean(prefix))
    return paged(request, found, limit=limit, offset=offset, present=shown)


@router.get(
    "/sources",
    response={200: list[SourceOut], **error_responses()},
    openapi_extra=READ_SECURITY,
    summary="Where the published articles come from, with how many each",
)
def source_list(request: HttpRequest) -> list[dict[str, Any]]:
    def shown(source: Source) -> dict[str, Any]:
        return {
            "name": source.name,
            "kind": source.kind,
            "homepage": source.homepage,
            "article_count": source.article_count,  # type: ignore[attr-defined]
        }

    return [shown(source) for source in selectors.sources_with_published_counts()]


@router.get(
    "/facts",
    response={200: FactList, **error_responses(400)},
    openapi_extra=READ_SECURITY,
    summary="Infobox facts by label, value and date range",
)
def fact_list(
    request: HttpRequest,
    label: Text = Query("", description="An infobox label: Born, Released, Date of birth..."),
    value: Text = Query("", description="Words in the value, or the title it links to"),
    date_from: Text = Query("", alias="from", description="1974, 2007-03 or 2007-03-20"),
    date_to: Text = Query("", alias="to", description="1974, 2007-03 or 2007-03-20"),
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    query = facts_selectors.fact_query_parse(
        label=label, value=value, date_from=date_from, date_to=date_to
    )
    if query.errors:
        raise ApiError(400, " ".join(query.errors))
    if query.empty:
        raise ApiError(400, "Give a label, a value or a date range (from, to) to look for.")
    return paged(
        request,
        facts_selectors.facts_find(query=query),
        limit=limit,
        offset=offset,
        present=lambda fact: present.fact_out(request, fact),
    )
