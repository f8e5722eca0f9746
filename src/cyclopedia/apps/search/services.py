"""Writes to the search index. Callers hold the transaction: an article is indexed in the same
transaction that publishes it, so unpublished text is never searchable."""

from __future__ import annotations

import contextlib
import contextvars
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from django.db import connection
from django.db.models import Count, QuerySet

from cyclopedia.apps.articles.models import Alias, Article, Link
from cyclopedia.apps.search.caching import search_changed
from cyclopedia.apps.search.folding import extra_forms, fold, normalize_apostrophes
from cyclopedia.apps.search.models import SearchEntry, SearchTitle, SearchWord
from cyclopedia.render.text import html_to_text

CHUNK = 200
# PostgreSQL's tsvector holds at most 1 MB: longer bodies are indexed up to here.
MAX_BODY_CHARS = 300_000

_PENDING: contextvars.ContextVar[set[int] | None] = contextvars.ContextVar(
    "search_pending", default=None
)


@contextlib.contextmanager
def search_indexing_batch() -> Iterator[None]:
    """Within this block, articles to (re)index are indexed together at its end.

    A bulk import indexes each batch in a few statements instead of row by row; the block must
    end inside the transaction that publishes the batch. Nothing is indexed if it raises.
    """
    pending: set[int] = set()
    token = _PENDING.set(pending)
    try:
        yield
    finally:
        _PENDING.reset(token)
    search_index_articles(article_ids=pending)


def search_index_later(*, article_id: int) -> None:
    """Index an article now, or at the end of the current :func:`search_indexing_batch`."""
    pending = _PENDING.get()
    if pending is not None:
        pending.add(article_id)
    else:
        search_index_articles(article_ids=[article_id])


def search_index_articles(*, article_ids: Iterable[int]) -> None:
    """Make the index of these articles what their published revisions say (or remove them)."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), CHUNK):
        _index_chunk(ids[start : start + CHUNK])
    if ids:
        search_changed()


def _index_chunk(ids: list[int]) -> None:
    published = list(
        Article.objects.filter(pk__in=ids, published_revision__isnull=False).values_list(
            "id",
            "title",
            "published_revision__plain_text",
            "published_revision__infobox",
        )
    )
    aliases: dict[int, list[str]] = {}
    for article_id, title in Alias.objects.filter(article_id__in=ids).values_list(
        "article_id", "title"
    ):
        aliases.setdefault(article_id, []).append(title)
    categories: dict[int, list[str]] = {}
    through = Article.categories.through.objects.filter(article_id__in=ids)
    for article_id, name in through.values_list("article_id", "category__name"):
        categories.setdefault(article_id, []).append(name)
    importance = _link_counts(ids)

    old_words = _title_words(SearchTitle.objects.filter(article_id__in=ids))
    SearchEntry.objects.filter(article_id__in=ids).delete()
    SearchTitle.objects.filter(article_id__in=ids).delete()

    entries, titles = [], []
    for article_id, title, plain_text, infobox in published:
        names = sorted(aliases.get(article_id, []))
        meta = _infobox_text(infobox) + "\n" + "\n".join(categories.get(article_id, []))
        body = plain_text[:MAX_BODY_CHARS]
        texts = [normalize_apostrophes(text) for text in (title, "\n".join(names), meta, body)]
        entries.append(
            SearchEntry(
                article_id=article_id,
                title=texts[0],
                aliases=texts[1],
                meta=texts[2],
                body=texts[3],
                extra=" ".join(dict.fromkeys(form for text in texts for form in extra_forms(text))),
            )
        )
        for kind, name in [(SearchTitle.Kind.TITLE, title)] + [
            (SearchTitle.Kind.ALIAS, alias) for alias in names
        ]:
            folded = fold(name)
            if folded:
                titles.append(
                    SearchTitle(
                        article_id=article_id,
                        title=name,
                        folded=folded[:255],
                        kind=kind,
                        importance=importance.get(article_id, 0),
                    )
                )
    SearchEntry.objects.bulk_create(entries)
    SearchTitle.objects.bulk_create(titles)
    _count_words(Counter(word for t in titles for word in set(t.folded.split())) - old_words)
    _uncount_words(old_words - Counter(word for t in titles for word in set(t.folded.split())))
    _refresh_importance_of_targets(ids)


def _infobox_text(infobox: dict[str, object]) -> str:
    fields = infobox.get("fields") if isinstance(infobox, dict) else None
    if not isinstance(fields, list):
        return ""
    return "\n".join(html_to_text(str(field.get("html", ""))) for field in fields)


def _link_counts(ids: list[int]) -> dict[int, int]:
    counts = Link.objects.filter(target_id__in=ids).values("target_id").annotate(n=Count("id"))
    return {row["target_id"]: row["n"] for row in counts}


def _refresh_importance_of_targets(ids: list[int]) -> None:
    """The articles these link to have gained (or lost) links: their importance follows."""
    targets = set(
        Link.objects.filter(from_article_id__in=ids, target_id__isnull=False).values_list(
            "target_id", flat=True
        )
    ) - set(ids)
    if not targets:
        return
    counts = _link_counts(sorted(targets))
    by_count: dict[int, list[int]] = {}
    for target in targets:
        by_count.setdefault(counts.get(target, 0), []).append(target)
    for count, articles in by_count.items():
        SearchTitle.objects.filter(article_id__in=articles).exclude(importance=count).update(
            importance=count
        )


def _title_words(titles: QuerySet[SearchTitle]) -> Counter[str]:
    return Counter(
        word for folded in titles.values_list("folded", flat=True) for word in set(folded.split())
    )


_UPSERT = f"""
    INSERT INTO {SearchWord._meta.db_table} (word, freq) VALUES (%s, %s)
    ON CONFLICT (word) DO UPDATE SET freq = {SearchWord._meta.db_table}.freq + excluded.freq"""


def _count_words(added: Counter[str]) -> None:
    if added:
        with connection.cursor() as cursor:
            cursor.executemany(_UPSERT, sorted(added.items()))


def _uncount_words(removed: Counter[str]) -> None:
    if not removed:
        return
    with connection.cursor() as cursor:
        cursor.executemany(_UPSERT, sorted((word, -n) for word, n in removed.items()))
    SearchWord.objects.filter(word__in=list(removed), freq__lte=0).delete()


def search_reindex(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the whole index from the published revisions; returns the articles indexed.

    Runs in chunks (each in the caller's transaction, or autocommitted): the site stays
    searchable while it runs, each article being replaced in one step.
    """
    ids = list(
        Article.objects.filter(published_revision__isnull=False)
        .order_by("id")
        .values_list("id", flat=True)
    )
    done = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        _index_chunk(chunk)
        search_changed()
        done += len(chunk)
        if progress:
            progress(done, len(ids))
    stale = SearchEntry.objects.exclude(article__published_revision__isnull=False)
    stale_ids = list(stale.values_list("article_id", flat=True))
    if stale_ids:
        search_index_articles(article_ids=stale_ids)
    _rebuild_vocabulary()
    search_changed()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    return done


def _rebuild_vocabulary() -> None:
    counts = _title_words(SearchTitle.objects.all())
    SearchWord.objects.all().delete()
    SearchWord.objects.bulk_create(
        (SearchWord(word=word[:255], freq=n) for word, n in sorted(counts.items())),
        batch_size=1000,
    )
