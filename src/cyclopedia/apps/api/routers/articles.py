"""Articles, their revisions and diffs: published content only."""

from __future__ import annotations

from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Router
from ninja.params.functions import Query

from cyclopedia.apps.api import present, selectors
from cyclopedia.apps.api.auth import READ_SECURITY, read_auth
from cyclopedia.apps.api.errors import error_responses
from cyclopedia.apps.api.routers import clean, moment, paged
from cyclopedia.apps.api.schemas import (
    ArticleList,
    ArticleOut,
    DiffOut,
    Id,
    IsoDateTime,
    Limit,
    LongText,
    Offset,
    RevisionList,
    RevisionOut,
    Text,
)
from cyclopedia.apps.articles import selectors as articles
from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.document.titles import TitleError, normalize_title
from cyclopedia.render.diff import diff_texts

router = Router(tags=["articles"], auth=read_auth)


def _article(article_id: int) -> Article:
    found = selectors.article_published(pk=article_id)
    if found is None:
        raise Http404(f"There is no published article {article_id}.")
    return found


def _revision(article: Article, revision_id: int, name: str) -> Revision:
    found = articles.revision_of(article=article, revision_id=revision_id)
    if found is None:
        raise Http404(f"“{article.title}” has no revision {revision_id} ({name}).")
    return found


@router.get(
    "/articles",
    response={200: ArticleList, **error_responses()},
    openapi_extra=READ_SECURITY,
    summary="List published articles",
)
def article_list(
    request: HttpRequest,
    limit: Limit = 20,
    offset: Offset = 0,
    source: Text = Query("", description="A source's name"),
    license: Text = Query("", description="An SPDX id, e.g. CC-BY-SA-4.0"),
    category: Text = Query("", description="A category's name"),
    language: Text = Query("", description="A language code, e.g. en"),
    updated_since: IsoDateTime = Query("", description="Changed at or after (ISO 8601)"),
    order: Literal["title", "updated", "-updated", "id"] = "title",
) -> dict[str, Any]:
    found = selectors.articles_filtered(
        source=clean(source),
        license=clean(license),
        category=clean(category),
        language=clean(language),
        updated_since=moment(updated_since, "updated_since"),
        order=order,
    )
    return paged(
        request,
        found,
        limit=limit,
        offset=offset,
        present=lambda article: present.article_summary(request, article),
    )


@router.get(
    "/articles/lookup",
    response={200: ArticleOut, **error_responses(404)},
    openapi_extra=READ_SECURITY,
    summary="One article by its title, URL slug or an alias",
)
def article_lookup(
    request: HttpRequest,
    title: LongText = Query(description="A title, a slug (Qais_al-Khazali) or an alias"),
) -> dict[str, Any]:
    try:
        normal = normalize_title(title)
    except TitleError as error:
        raise Http404(f"“{title[:100]}” is not a valid title: {error}.") from error
    found = articles.article_lookup(title=normal)
    if found.article is None:
        raise Http404(f"There is no article titled “{normal}”.")
    return present.article_full(request, found.article, via_alias=found.via_alias)


@router.get(
    "/articles/{article_id}",
    response={200: ArticleOut, **error_responses(404)},
    openapi_extra=READ_SECURITY,
    summary="One article by its id",
)
def article_detail(request: HttpRequest, article_id: Id) -> dict[str, Any]:
    return present.article_full(request, _article(article_id))


@router.get(
    "/articles/{article_id}/revisions",
    response={200: RevisionList, **error_responses(404)},
    openapi_extra=READ_SECURITY,
    summary="An article's revisions, newest first",
)
def revision_list(
    request: HttpRequest, article_id: Id, limit: Limit = 20, offset: Offset = 0
) -> dict[str, Any]:
    article = _article(article_id)
    current = article.published_revision_id
    return paged(
        request,
        articles.revision_history(article=article).select_related("author"),
        limit=limit,
        offset=offset,
        present=lambda revision: present.revision_summary(revision, current_id=current),
    )


@router.get(
    "/articles/{article_id}/revisions/{revision_id}",
    response={200: RevisionOut, **error_responses(404)},
    openapi_extra=READ_SECURITY,
    summary="One revision: its source text, rendering and attribution",
)
def revision_detail(request: HttpRequest, article_id: Id, revision_id: Id) -> dict[str, Any]:
    article = _article(article_id)
    revision = _revision(article, revision_id, "revision_id")
    return present.revision_full(request, article, revision)


@router.get(
    "/articles/{article_id}/diff",
    response={200: DiffOut, **error_responses(404)},
    openapi_extra=READ_SECURITY,
    summary="Two revisions compared, line by line and word by word",
)
def revision_diff(
    request: HttpRequest,
    article_id: Id,
    from_: Id | None = Query(None, alias="from", description="Default: the parent of `to`"),
    to: Id | None = Query(None, description="Default: the published revision"),
) -> dict[str, Any]:
    article = _article(article_id)
    new = _revision(article, to, "to") if to else article.published_revision
    assert new is not None
    old = None
    if from_:
        old = _revision(article, from_, "from")
    elif new.parent_id is not None:
        old = articles.revision_of(article=article, revision_id=new.parent_id)
    diff = diff_texts(old.source_text if old else "", new.source_text)
    return present.diff_out(article, old, new, diff)
