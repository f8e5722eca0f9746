"""Wiki links between articles: kept in step with the published texts, and the pages whose
links change (a missing article appears, a redirect moves) re-rendered, once per batch in
imports. Callers hold the transaction."""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterable, Iterator, Mapping

from django.db import DatabaseError, transaction
from django.utils import timezone

from cyclopedia.apps.articles.conversion import document_of
from cyclopedia.apps.articles.models import Article, Link, Revision
from cyclopedia.apps.articles.rows import insert_rows
from cyclopedia.apps.articles.title_lookups import alias_ids, published_ids
from cyclopedia.document import Document, DocumentError
from cyclopedia.render import RenderedArticle, render_document
from cyclopedia.render.article import every_article

logger = logging.getLogger(__name__)


# The fields of a link's row, in the order sync_links gives them.
_LINK_FIELDS = ("from_article", "target_title", "target")


def resolved_titles(titles: Iterable[str]) -> dict[str, int]:
    """The article each of these normalised titles (a rendering's links) leads to, for those
    that lead to one: the published article of that title or, failing that, the article an
    alias of that name leads to."""
    wanted = set(titles)
    resolved = published_ids(wanted)
    for alias_title, article_id in alias_ids(wanted - resolved.keys(), published=False).items():
        resolved.setdefault(alias_title, article_id)
    return resolved


def with_missing_links(
    rendered: RenderedArticle, resolved: dict[str, int] | None = None
) -> RenderedArticle:
    """A rendering made without the database, its links to missing articles marked (those not
    in ``resolved``, when the caller looked them up already)."""
    links = rendered.links
    found = resolved_titles(links) if resolved is None else resolved
    return rendered.with_missing_links(set(links) - found.keys())


def render_with_links(document: Document) -> RenderedArticle:
    return with_missing_links(render_document(document, link_exists=every_article))


def store_rendering(revision: Revision, rendered: RenderedArticle) -> None:
    revision.html = rendered.body_html
    revision.infobox = (
        {
            "title": rendered.infobox_title,
            "fields": [{"label": f.label, "html": f.html} for f in rendered.infobox],
        }
        if rendered.infobox
        else {}
    )
    revision.references = [
        {"number": r.number, "label": r.label, "html": r.html, "backlinks": list(r.backlinks)}
        for r in rendered.references
    ]
    revision.toc = [{"level": t.level, "anchor": t.anchor, "text": t.text} for t in rendered.toc]
    revision.plain_text = rendered.plain_text
    revision.lead = rendered.lead
    revision.rendered = timezone.now()


def point_links(title: str, article: Article | None) -> None:
    """Links to ``title`` now lead to ``article`` (or nowhere): re-render the pages that change."""
    if article is not None:
        refresh_links_to(article, {title})
    else:
        unlink_titles([title])


def unlink_titles(titles: list[str]) -> None:
    """Links to titles that no longer lead anywhere become missing links again."""
    if not titles:
        return
    stale = Link.objects.filter(target_title__in=titles, target__isnull=False)
    linking = list(stale.values_list("from_article_id", flat=True).distinct())
    stale.update(target=None)
    rerender_published(linking)


def sync_links(
    article: Article,
    targets: Iterable[str],
    *,
    new: bool = False,
    resolved: dict[str, int] | None = None,
) -> dict[str, int]:
    """Make the article's links those to ``targets`` (a ``new`` article has none to replace).
    ``resolved``: where the targets lead (``resolved_titles``), when the caller knows already.
    Returns where they lead."""
    targets = list(dict.fromkeys(targets))
    if not new:
        article.links_out.all().delete()
    if resolved is None:
        resolved = resolved_titles(targets)
    # An article has hundreds of links: inserted as rows, not model instances (rows.py).
    rows = [(article.pk, title, resolved.get(title)) for title in targets]
    insert_rows(Link, _LINK_FIELDS, rows, ready=True)
    return resolved


def mark_links_as_published(
    revision: Revision,
    rendering: RenderedArticle,
    *,
    before: Mapping[str, int],
    after: Mapping[str, int],
) -> None:
    """Store a just-published revision's rendering again if publishing changed which of its
    links lead somewhere: a new article's links to its own title, to its new names or to the
    redirects that waited for it were marked missing (``before``), and lead to it now
    (``after``). ``rendering`` takes every link as existing. Nothing is written otherwise."""
    links = set(rendering.links)
    missing = links - after.keys()
    if missing == links - before.keys():
        return
    store_rendering(revision, rendering.with_missing_links(missing))
    revision.save(update_fields=["html", "infobox", "references", "rendered"])


def refresh_links_to(article: Article, titles: set[str]) -> None:
    """Links to these titles (missing, or leading elsewhere through a redirect that the article
    replaced) now reach this article: re-render their pages."""
    changing = Link.objects.filter(target_title__in=titles).exclude(target=article)
    linking = list(changing.values_list("from_article_id", flat=True).distinct())
    if not linking:
        return
    changing.update(target=article)
    rerender_published(linking)


# Articles to re-render at the end of the current batch (see deferred_rerenders), or None.
_DEFERRED: contextvars.ContextVar[set[int] | None] = contextvars.ContextVar(
    "deferred_rerenders", default=None
)


@contextlib.contextmanager
def deferred_rerenders() -> Iterator[None]:
    """Within this block, pages whose links changed are re-rendered once, at its end.

    A bulk import creates many articles that the same pages link to; re-rendering a page once per
    batch instead of once per new target keeps the writer's work linear.
    """
    pending: set[int] = set()
    token = _DEFERRED.set(pending)
    try:
        yield
    finally:
        _DEFERRED.reset(token)
    rerender_now(sorted(pending))


def rerender_published(article_ids: list[int]) -> None:
    pending = _DEFERRED.get()
    if pending is not None:
        pending.update(article_ids)
        return
    rerender_now(article_ids)


def rerender_now(article_ids: list[int]) -> None:
    for revision in Revision.objects.filter(
        pk__in=Article.objects.filter(pk__in=article_ids).values("published_revision")
    ).select_related("source"):
        try:
            with transaction.atomic():
                revision_rerender(revision=revision)
        except (DocumentError, ValueError, DatabaseError):
            # Another page's stored rendering stays as it was (its links' colours may lag);
            # that page must not cost the import of this batch.
            logger.exception("could not re-render revision %s", revision.pk)


def revision_rerender(*, revision: Revision) -> None:
    """Refresh a revision's stored rendering (its source text stays as it is)."""
    store_rendering(revision, render_with_links(document_of(revision)))
    revision.save(
        update_fields=["html", "infobox", "references", "toc", "plain_text", "lead", "rendered"]
    )
