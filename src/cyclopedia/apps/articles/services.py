"""Writes to articles. Callers hold the transaction (the ingest service commits per batch)."""

from __future__ import annotations

import datetime as dt
import enum
import logging
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from cyclopedia.apps.articles.facts import facts_clear, facts_sync
from cyclopedia.apps.articles.links import (
    mark_links_as_published,
    point_links,
    refresh_links_to,
    resolved_titles,
    sync_links,
    unlink_titles,
    with_missing_links,
)
from cyclopedia.apps.articles.models import Alias, Article, Category, Revision, Source
from cyclopedia.apps.articles.redirects import (
    alias_destination,
    newer_redirect,
    redirect_destination,
)
from cyclopedia.apps.articles.revisions import revision_for
from cyclopedia.apps.search.services import search_index_later
from cyclopedia.document import Document
from cyclopedia.document.titles import normalize_title
from cyclopedia.render import RenderedArticle
from cyclopedia.render.prepared import PreparedDocument, prepare

logger = logging.getLogger(__name__)


class ImportOutcome(enum.Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    HELD = "held"  # saved but not published: the article carries a local edit


class UnpublishableError(ValueError):
    """A document whose licence does not allow publishing it (POLICY.md §3)."""


class RedirectError(ValueError):
    """A redirect that cannot be kept: it leads to itself."""


def source_get_or_create(*, name: str, kind: str, homepage: str = "") -> Source:
    source, _ = Source.objects.get_or_create(
        name=name, defaults={"kind": kind, "homepage": homepage}
    )
    return source


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
    if not created:
        # Serialise writers of one article (PostgreSQL; SQLite writers are serial already).
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.revisions.filter(content_hash=digest).exists():
            return ImportOutcome.UNCHANGED
        if _newer_from_same_source(article, document, source):
            return ImportOutcome.UNCHANGED
    unpublished = article.published_revision_id is None
    named = _named_by_aliases(article.title)
    # The source's page became a redirect after this text (an older dump imported after a newer
    # one): the text is kept in the history, the redirect stays.
    superseded = (
        unpublished
        and named
        and newer_redirect(
            article.title, source=source, timestamp=document.attribution.source_timestamp
        )
    )
    links = resolved_titles(prepared.rendered.links)
    rendered = with_missing_links(prepared.rendered, links)
    revision = revision_for(
        document=document,
        rendered=rendered,
        source_text=source_text,
        article=article,
        parent=None if created else article.published_revision or article.revisions.first(),
        import_run_id=import_run_id,
        summary="Imported from " + (document.attribution.source_name or source.name),
        content_hash=digest,
        source=source,
    )
    revision.save()
    if superseded:
        return ImportOutcome.UNCHANGED
    if _has_local_edit(article):
        # A re-import never replaces an edit made here: the new source revision is kept in the
        # history, unpublished, for an editor to merge.
        return ImportOutcome.HELD
    if unpublished and named:
        _take_over_name(article)
    leading = article_publish(
        article=article,
        revision=revision,
        document=document,
        rendered=rendered,
        new=created,
        named=named,
        links=links if created else None,
    )
    mark_links_as_published(revision, prepared.rendered, before=links, after=leading)
    if unpublished and named:
        _follow_hops_to(article)
    return ImportOutcome.CREATED if created else ImportOutcome.UPDATED


def _named_by_aliases(title: str) -> bool:
    """Whether an alias has this title or leads to it.

    When none does (most articles an import creates), the article has no redirect to take over,
    to wait for it or to hop to it, and the eight queries that would look for them are left out.
    The writes between this check and publishing only add the article's own names, which lead
    to it already, so the answer holds until then for this writer. (On PostgreSQL a concurrent
    importer may commit a redirect to the title in between; it is left waiting until the
    article is next published, as one committed just after the lookups this check replaces
    was.)
    """
    return Alias.objects.filter(Q(title=title) | Q(target_title=title)).exists()


def _take_over_name(article: Article) -> None:
    """An article about to be published takes over its title: a redirect of that name (standing
    in for it, or its own page's redirect while it was one) gives way, and the redirects that
    led elsewhere through that name wait to lead here (``article_publish`` attaches waiting
    ones)."""
    replaced = Alias.objects.filter(title=article.title)
    losing = list(replaced.exclude(article=None).values_list("article_id", flat=True))
    replaced.delete()
    through = Alias.objects.filter(target_title=article.title).exclude(article=None)
    losing += through.values_list("article_id", flat=True)
    through.update(article=None)
    for previous in set(losing):
        search_index_later(article_id=previous)  # search no longer finds it by that name


def _follow_hops_to(article: Article) -> None:
    """Redirects to redirects to a newly published article now lead to it (one hop)."""
    titles = Alias.objects.filter(kind=Alias.Kind.REDIRECT, target_title=article.title)
    waiting = Alias.objects.filter(
        kind=Alias.Kind.REDIRECT,
        target_title__in=titles.values("title"),
        article__isnull=True,
    ).exclude(title=article.title)
    hopping = set(waiting.values_list("title", flat=True))
    if not hopping:
        return
    waiting.update(article=article)
    refresh_links_to(article, hopping)
    search_index_later(article_id=article.pk)


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


def article_publish(
    *,
    article: Article,
    revision: Revision,
    document: Document,
    rendered: RenderedArticle,
    new: bool = False,
    named: bool = True,
    links: dict[str, int] | None = None,
) -> dict[str, int]:
    """Make a saved revision the article's published one: categories, names, links and the
    search index follow it, in the caller's transaction (so nothing unpublished is searchable).

    ``new``: the article was created in this transaction, so it has no categories, names, links
    or facts yet, and the queries that would replace them are left out (an import's writer
    publishes thousands of new articles; each query saved counts). ``named=False``: no alias
    has the article's title or leads to it (``_named_by_aliases``), so no redirect waits for it.
    ``links``: where the rendering's links led before this publication (``resolved_titles``),
    for a ``new`` article only; what publishing changes (its own title, its new names and the
    redirects now leading to it) is added here, and the lookup is not made again.

    Returns the article each of the rendering's links leads to now, for those that lead to one.
    """
    article.published_revision = revision
    article.language = document.language
    article.updated = timezone.now()
    article.save(update_fields=["published_revision", "language", "updated"])
    categories = _categories(document.categories)
    if new:
        article.categories.add(*categories)
    else:
        article.categories.set(categories)
    new_titles = _sync_aliases(article, document.aliases, new=new)
    # Redirects that arrived before their target now lead to it.
    redirected: list[str] = []
    if named:
        waiting = Alias.objects.filter(target_title=article.title, article__isnull=True)
        redirected = list(waiting.values_list("title", flat=True))
        waiting.update(article=article)
    if links is not None:
        if not new:
            raise ValueError("links looked up in advance are for a new article only")
        taken = dict.fromkeys((article.title, *new_titles, *redirected), article.pk)
        links = {**links, **taken}
    leading = sync_links(article, rendered.links, new=new, resolved=links)
    refresh_links_to(article, {article.title, *new_titles, *redirected})
    facts_sync(article=article, revision=revision, document=document, new=new)
    search_index_later(article_id=article.pk)
    return leading


def alias_import(
    *,
    title: str,
    target: str,
    source: Source | None = None,
    timestamp: dt.datetime | None = None,
) -> ImportOutcome:
    """Record a redirect from ``title`` to ``target`` (which may not exist yet).

    ``source`` and ``timestamp`` (of the redirect page) tell a page that became a redirect: when
    ``title`` is a published article imported from the same source, with no revision as new as
    the redirect, the article is withdrawn (unpublished, its revisions kept; see
    ``_withdraw``) and its title becomes this redirect, unless it was edited here: then it stays
    as it is (HELD), for an editor to decide. An article of another source by that name wins.
    Raises RedirectError for a redirect to itself.
    """
    target_title = normalize_title(target.split("#", 1)[0])
    title = normalize_title(title)
    if title == target_title:
        raise RedirectError(f"“{title}” redirects to itself")
    with transaction.atomic():
        article = (
            Article.objects.select_for_update()
            .filter(title=title, published_revision__isnull=False)
            .first()
        )
        withdrawn = None
        if article is not None:
            refusal = _redirect_over(article, source=source, timestamp=timestamp)
            if refusal is not None:
                return refusal
            _withdraw(article)
            withdrawn = article
        outcome = _save_redirect(title, target_title, source=source, timestamp=timestamp)
        if withdrawn is not None:
            # What led to the article leads where its title does now.
            _reresolve(Alias.objects.filter(article=withdrawn))
            return ImportOutcome.UPDATED
    return outcome


def _redirect_over(
    article: Article, *, source: Source | None, timestamp: dt.datetime | None
) -> ImportOutcome | None:
    """Why a redirect does not replace this published article of its title, or None when it
    does: the source's page of that title is a redirect now."""
    imported = article.revisions.filter(source=source) if source is not None else None
    if imported is None or not imported.exists():
        return ImportOutcome.UNCHANGED  # an article by that name from elsewhere wins
    if timestamp is not None and imported.filter(source_timestamp__gte=timestamp).exists():
        return ImportOutcome.UNCHANGED  # the article is newer than the redirect
    if _has_local_edit(article):
        return ImportOutcome.HELD  # never silently destroyed: an editor decides
    return None


def _withdraw(article: Article) -> None:
    """Unpublish an article whose source page became a redirect. Its revisions stay (published
    again when the page is an article again); the links of its text go, as that text is no
    longer shown; search forgets it. The caller makes its title a redirect."""
    article.published_revision = None
    article.updated = timezone.now()
    article.save(update_fields=["published_revision", "updated"])
    article.links_out.all().delete()
    facts_clear(article=article)
    search_index_later(article_id=article.pk)


def _save_redirect(
    title: str, target_title: str, *, source: Source | None, timestamp: dt.datetime | None
) -> ImportOutcome:
    destination = redirect_destination(target_title, origin=title)
    alias, created = Alias.objects.get_or_create(
        title=title,
        defaults={
            "target_title": target_title,
            "article": destination,
            "kind": Alias.Kind.REDIRECT,
            "source": source,
            "source_timestamp": timestamp,
        },
    )
    previous = None if created else alias.article_id
    if not created:
        if alias.kind == Alias.Kind.NAME or _older_than(alias, source, timestamp):
            return ImportOutcome.UNCHANGED  # names given by articles are theirs to change
        if alias.target_title == target_title:
            if timestamp is not None and source is not None:
                alias.source, alias.source_timestamp = source, timestamp  # the same redirect
                alias.save(update_fields=["source", "source_timestamp"])
            return ImportOutcome.UNCHANGED
        alias.target_title, alias.article = target_title, destination
        alias.source, alias.source_timestamp = source, timestamp
        alias.save(update_fields=["target_title", "article", "source", "source_timestamp"])
    point_links(title, destination)
    # The redirect is one of the names search finds its target by.
    for article_id in (previous, destination.pk if destination else None):
        if article_id is not None:
            search_index_later(article_id=article_id)
    # Redirects to this redirect lead where it leads (one hop).
    _reresolve(Alias.objects.filter(target_title=title).exclude(pk=alias.pk))
    return ImportOutcome.CREATED if created else ImportOutcome.UPDATED


def _older_than(alias: Alias, source: Source | None, timestamp: dt.datetime | None) -> bool:
    """Whether the alias holds a later page of the same source than ``timestamp``."""
    return (
        source is not None
        and timestamp is not None
        and alias.source_id == source.pk
        and alias.source_timestamp is not None
        and alias.source_timestamp > timestamp
    )


def _reresolve(aliases: Iterable[Alias]) -> None:
    """Point these aliases, and the links through them, where their targets lead now."""
    for alias in list(aliases):
        destination = alias_destination(alias)
        new = destination.pk if destination else None
        if new == alias.article_id:
            continue
        previous = alias.article_id
        alias.article = destination
        alias.save(update_fields=["article"])
        point_links(alias.title, destination)
        for article_id in (previous, new):
            if article_id is not None:
                search_index_later(article_id=article_id)


def _categories(names: tuple[str, ...]) -> list[int]:
    """The ids of the categories of these names, those missing created in one statement (an
    import's articles mostly share categories that exist already)."""
    if not names:
        return []
    ids = dict(Category.objects.filter(name__in=names).values_list("name", "id"))
    missing = [name for name in dict.fromkeys(names) if name not in ids]
    if missing:
        # ignore_conflicts: a concurrent import may be creating the same category.
        Category.objects.bulk_create(
            (Category(name=name) for name in missing), ignore_conflicts=True
        )
        ids.update(Category.objects.filter(name__in=missing).values_list("name", "id"))
    return list(ids.values())


def _sync_aliases(article: Article, aliases: Iterable[str], *, new: bool) -> list[str]:
    """Make the article's alternative names those of the document; returns the added titles.
    A ``new`` article has none to drop."""
    wanted = [title for title in aliases if title != article.title]
    if not new:
        dropped = article.aliases.filter(kind=Alias.Kind.NAME).exclude(title__in=wanted)
        gone = list(dropped.values_list("title", flat=True))
        dropped.delete()
        unlink_titles(gone)
    taken = set(Alias.objects.filter(title__in=wanted).values_list("title", flat=True))
    taken |= set(Article.objects.filter(title__in=wanted).values_list("title", flat=True))
    added = [title for title in wanted if title not in taken]
    if not added:
        return []
    # ignore_conflicts: a concurrent import may claim the same name first; it keeps it, and
    # only the names this article did get are returned.
    Alias.objects.bulk_create(
        (
            Alias(article=article, title=title, target_title=article.title, kind=Alias.Kind.NAME)
            for title in added
        ),
        ignore_conflicts=True,
    )
    return list(
        Alias.objects.filter(title__in=added, article=article).values_list("title", flat=True)
    )
