"""Writes to articles. Callers hold the transaction (the ingest service commits per batch)."""

from __future__ import annotations

import contextlib
import contextvars
import enum
import logging
from collections.abc import Iterable, Iterator

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from cyclopedia.apps.articles.conversion import document_of
from cyclopedia.apps.articles.models import Alias, Article, Category, Link, Revision, Source
from cyclopedia.apps.search.services import search_index_later
from cyclopedia.document import Document, DocumentError
from cyclopedia.document.titles import TitleError, normalize_title
from cyclopedia.render import RenderedArticle, render_document
from cyclopedia.render.article import every_article
from cyclopedia.render.prepared import PreparedDocument, prepare

logger = logging.getLogger(__name__)


class ImportOutcome(enum.Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    HELD = "held"  # saved but not published: the article carries a local edit


class UnpublishableError(ValueError):
    """A document whose licence does not allow publishing it (POLICY.md §3)."""


def source_get_or_create(*, name: str, kind: str, homepage: str = "") -> Source:
    source, _ = Source.objects.get_or_create(
        name=name, defaults={"kind": kind, "homepage": homepage}
    )
    return source


def _existing_titles(candidates: Iterable[str]) -> set[str]:
    titles = set()
    for raw in candidates:
        try:
            titles.add(normalize_title(raw.split("#", 1)[0]))
        except TitleError:
            continue
    if not titles:
        return set()
    found = set(Article.objects.filter(title__in=titles).values_list("title", flat=True))
    aliases = Alias.objects.filter(title__in=titles, article__isnull=False)
    found |= set(aliases.values_list("title", flat=True))
    return found


def _with_missing_links(rendered: RenderedArticle) -> RenderedArticle:
    """A rendering made without the database, its links to missing articles marked."""
    links = rendered.links
    return rendered.with_missing_links(set(links) - _existing_titles(links))


def _render(document: Document) -> RenderedArticle:
    return _with_missing_links(render_document(document, link_exists=every_article))


def _store_rendering(revision: Revision, rendered: RenderedArticle) -> None:
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


def article_import_document(
    *,
    document: Document,
    source: Source,
    import_run_id: int | None = None,
    prepared: PreparedDocument | None = None,
) -> ImportOutcome:
    """Add a document as the newest published revision of its article, unless already there.

    Idempotent: a document whose content (source text, licence, attribution) is already a
    revision of the article changes nothing, so re-importing the same input adds nothing; and
    an older revision of the same source item (by its source timestamp) never replaces a newer.
    """
    if not document.license.publishable:
        raise UnpublishableError(
            f"{document.license.spdx}: {document.license.reason or 'not publishable'}"
        )
    prepared = prepared if prepared is not None else prepare(document)
    digest = prepared.digest
    try:
        with transaction.atomic():
            return _import(prepared, source, import_run_id)
    except IntegrityError:
        # Another writer added this very content first (the unique article/content_hash
        # constraint); the revision exists, which is all this import was to make sure of.
        if Revision.objects.filter(article__title=document.title, content_hash=digest).exists():
            return ImportOutcome.UNCHANGED
        raise


def _import(prepared: PreparedDocument, source: Source, import_run_id: int | None) -> ImportOutcome:
    document, source_text, digest = prepared.document, prepared.source_text, prepared.digest
    article, created = Article.objects.get_or_create(
        title=document.title, defaults={"language": document.language}
    )
    if created:
        # A redirect of this name was only standing in for an article: the article takes over
        # its name and the links to it.
        replaced = Alias.objects.filter(title=article.title)
        losing = list(replaced.exclude(article=None).values_list("article_id", flat=True))
        replaced.delete()
        for previous in losing:
            search_index_later(article_id=previous)  # search no longer finds it by that name
    if not created:
        # Serialise writers of one article (PostgreSQL; SQLite writers are serial already).
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.revisions.filter(content_hash=digest).exists():
            return ImportOutcome.UNCHANGED
        if _newer_from_same_source(article, document, source):
            return ImportOutcome.UNCHANGED
    rendered = _with_missing_links(prepared.rendered)
    a = document.attribution
    revision = Revision(
        article=article,
        parent=article.published_revision,
        import_run_id=import_run_id,
        summary="Imported from " + (a.source_name or source.name),
        source_text=source_text,
        content_hash=digest,
        source=source,
        source_key=document.source_key,
        source_revision=document.source_revision,
        source_title=a.source_title,
        source_url=a.source_url or "",
        revision_url=a.revision_url or "",
        history_url=a.history_url or "",
        authors=list(a.authors),
        source_timestamp=a.source_timestamp,
        copyright_notice=a.copyright_notice,
        upstream_notices=list(a.upstream_notices),
        modified=a.modified,
        license=document.license.spdx,
        license_evidence=document.license_evidence,
    )
    _store_rendering(revision, rendered)
    revision.save()
    if _has_local_edit(article):
        # A re-import never replaces an edit made here: the new source revision is kept in the
        # history, unpublished, for an editor to merge.
        return ImportOutcome.HELD
    _publish(article, revision, document, rendered)
    return ImportOutcome.CREATED if created else ImportOutcome.UPDATED


def _has_local_edit(article: Article) -> bool:
    published = article.published_revision
    return published is not None and (published.modified or published.author_id is not None)


def _newer_from_same_source(article: Article, document: Document, source: Source) -> bool:
    """Whether the article already has a later revision of the same source item."""
    stamp = document.attribution.source_timestamp
    if stamp is None:
        return False
    return article.revisions.filter(
        source=source, source_key=document.source_key, source_timestamp__gt=stamp
    ).exists()


def _publish(
    article: Article, revision: Revision, document: Document, rendered: RenderedArticle
) -> None:
    article.published_revision = revision
    article.language = document.language
    article.updated = timezone.now()
    article.save(update_fields=["published_revision", "language", "updated"])
    article.categories.set(_categories(document.categories))
    new_titles = _sync_aliases(article, document.aliases)
    # Redirects that arrived before their target now lead to it.
    waiting = Alias.objects.filter(target_title=article.title, article__isnull=True)
    redirected = list(waiting.values_list("title", flat=True))
    waiting.update(article=article)
    _sync_links(article, rendered.links)
    _refresh_links_to(article, {article.title, *new_titles, *redirected})
    search_index_later(article_id=article.pk)


def alias_import(*, title: str, target: str) -> ImportOutcome:
    """Record a redirect from ``title`` to the article ``target`` (which may not exist yet)."""
    target_title = normalize_title(target.split("#", 1)[0])
    title = normalize_title(title)
    if title == target_title or Article.objects.filter(title=title).exists():
        return ImportOutcome.UNCHANGED  # an article by that name wins over a redirect
    hop = Alias.objects.filter(title=target_title).values_list("target_title", flat=True).first()
    if hop is not None and hop != title:
        target_title = hop  # a redirect to a redirect: one hop, as MediaWiki follows them
    article = Article.objects.filter(title=target_title).first()
    with transaction.atomic():
        alias, created = Alias.objects.get_or_create(
            title=title,
            defaults={
                "target_title": target_title,
                "article": article,
                "kind": Alias.Kind.REDIRECT,
            },
        )
        previous = None if created else alias.article_id
        if not created:
            if alias.kind == Alias.Kind.NAME or alias.target_title == target_title:
                return ImportOutcome.UNCHANGED  # names given by articles are theirs to change
            alias.target_title, alias.article = target_title, article
            alias.save(update_fields=["target_title", "article"])
        _point_links(title, article)
        # The redirect is one of the names search finds its target by.
        for article_id in (previous, article.pk if article else None):
            if article_id is not None:
                search_index_later(article_id=article_id)
    return ImportOutcome.CREATED if created else ImportOutcome.UPDATED


def _point_links(title: str, article: Article | None) -> None:
    """Links to ``title`` now lead to ``article`` (or nowhere): re-render the pages that change."""
    if article is not None:
        _refresh_links_to(article, {title})
    else:
        _unlink_titles([title])


def _categories(names: tuple[str, ...]) -> list[Category]:
    """The categories of these names, created in one statement where missing."""
    if not names:
        return []
    Category.objects.bulk_create((Category(name=name) for name in names), ignore_conflicts=True)
    return list(Category.objects.filter(name__in=names))


def _sync_aliases(article: Article, aliases: Iterable[str]) -> list[str]:
    """Make the article's alternative names those of the document; returns the added titles."""
    wanted = [title for title in aliases if title != article.title]
    dropped = article.aliases.filter(kind=Alias.Kind.NAME).exclude(title__in=wanted)
    gone = list(dropped.values_list("title", flat=True))
    dropped.delete()
    _unlink_titles(gone)
    taken = set(Alias.objects.filter(title__in=wanted).values_list("title", flat=True))
    taken |= set(Article.objects.filter(title__in=wanted).values_list("title", flat=True))
    added = [title for title in wanted if title not in taken]
    # ignore_conflicts: a concurrent import may claim the same name first; it keeps it.
    Alias.objects.bulk_create(
        (
            Alias(article=article, title=title, target_title=article.title, kind=Alias.Kind.NAME)
            for title in added
        ),
        ignore_conflicts=True,
    )
    return added


def _unlink_titles(titles: list[str]) -> None:
    """Links to titles that no longer lead anywhere become missing links again."""
    if not titles:
        return
    stale = Link.objects.filter(target_title__in=titles, target__isnull=False)
    linking = list(stale.values_list("from_article_id", flat=True).distinct())
    stale.update(target=None)
    _rerender_published(linking)


def _sync_links(article: Article, targets: Iterable[str]) -> None:
    targets = list(targets)
    article.links_out.all().delete()
    resolved = dict(Article.objects.filter(title__in=targets).values_list("title", "id"))
    aliases = Alias.objects.filter(title__in=targets, article__isnull=False)
    for alias_title, article_id in aliases.values_list("title", "article_id"):
        resolved.setdefault(alias_title, article_id)
    Link.objects.bulk_create(
        Link(from_article=article, target_title=title, target_id=resolved.get(title))
        for title in targets
    )


def _refresh_links_to(article: Article, titles: set[str]) -> None:
    """Links to these titles (missing, or leading elsewhere through a redirect that the article
    replaced) now reach this article: re-render their pages."""
    changing = Link.objects.filter(target_title__in=titles).exclude(target=article)
    linking = list(changing.values_list("from_article_id", flat=True).distinct())
    if not linking:
        return
    changing.update(target=article)
    _rerender_published(linking)


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
    _rerender_now(sorted(pending))


def _rerender_published(article_ids: list[int]) -> None:
    pending = _DEFERRED.get()
    if pending is not None:
        pending.update(article_ids)
        return
    _rerender_now(article_ids)


def _rerender_now(article_ids: list[int]) -> None:
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
    _store_rendering(revision, _render(document_of(revision)))
    revision.save(
        update_fields=["html", "infobox", "references", "toc", "plain_text", "lead", "rendered"]
    )
