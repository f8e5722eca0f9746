"""The published articles and redirects as export items, streamed from the database.

Thin: it reads with ``.iterator(chunk_size=...)`` (memory bounded by one chunk) and turns each
published revision into an ``ExportArticle`` (its Document, stored rendering, attribution); the
writers in ``cyclopedia.exports`` do the rest. Only published revisions whose licence may be
published leave the site (POLICY.md §3).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Prefetch

from cyclopedia.apps.articles.conversion import document_of
from cyclopedia.apps.articles.models import Alias, Article, Category
from cyclopedia.document import get_license
from cyclopedia.exports.model import (
    ExportArticle,
    ExportInfoboxField,
    ExportItem,
    ExportRedirect,
    ExportReference,
)

CHUNK_SIZE = 200


def _published() -> Any:
    return Article.objects.filter(published_revision__isnull=False)


def export_article_count() -> int:
    return int(_published().count())


def _item(article: Article, site_url: str) -> ExportArticle | None:
    revision = article.published_revision
    if revision is None or not get_license(revision.license).publishable:
        return None
    root = site_url.rstrip("/")
    infobox = revision.infobox or {}
    return ExportArticle(
        document=document_of(revision),
        url=root + article.get_absolute_url(),
        history_url=f"{root}/history/{article.get_absolute_url().removeprefix('/wiki/')}",
        source_name=revision.source.name,
        body_html=revision.html,
        infobox_title=str(infobox.get("title") or ""),
        infobox=tuple(
            ExportInfoboxField(label=str(f["label"]), html=str(f["html"]))
            for f in infobox.get("fields", [])
        ),
        references=tuple(
            ExportReference(
                number=int(r["number"]),
                label=str(r["label"]),
                html=str(r["html"]),
                backlinks=tuple(r.get("backlinks", [])),
            )
            for r in revision.references
        ),
        plain_text=revision.plain_text,
        lead=revision.lead,
        revision_id=revision.pk,
        modified=revision.created,
        categories=tuple(c.name for c in article.categories.all()),
    )


def export_articles(*, site_url: str, chunk_size: int = CHUNK_SIZE) -> Iterator[ExportArticle]:
    """Every published, publishable article, by id."""
    articles = (
        _published()
        .select_related("published_revision__source")
        .prefetch_related(Prefetch("categories", queryset=Category.objects.only("name")))
        .order_by("id")
    )
    for article in articles.iterator(chunk_size=chunk_size):
        item = _item(article, site_url)
        if item is not None:
            yield item


def export_redirects(*, chunk_size: int = CHUNK_SIZE * 10) -> Iterator[ExportRedirect]:
    """Every redirect to a published article (alternative names travel in the Documents)."""
    redirects = (
        Alias.objects.filter(kind=Alias.Kind.REDIRECT, article__published_revision__isnull=False)
        .order_by("id")
        .values_list("title", "article__title")
    )
    for title, target in redirects.iterator(chunk_size=chunk_size):
        yield ExportRedirect(title=title, target=target)


def export_items(*, site_url: str, chunk_size: int = CHUNK_SIZE) -> Iterator[ExportItem]:
    """The articles, then the redirects to them."""
    yield from export_articles(site_url=site_url, chunk_size=chunk_size)
    yield from export_redirects()
