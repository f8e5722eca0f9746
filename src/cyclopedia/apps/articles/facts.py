"""Writes of infobox facts: derived from an article's published revision, in its transaction.

``facts_sync`` is called by ``article_publish`` (the one path every publication takes) and
``facts_clear`` by ``_withdraw``. Each writes in a few statements whatever the infobox's size:
one delete (none for a new article), one lookup of the titles values may name, one insert
(``rows.py``), one update of the facts elsewhere that were waiting for this article.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from cyclopedia.apps.articles.conversion import document_of
from cyclopedia.apps.articles.models import Article, InfoboxFact, Revision
from cyclopedia.apps.articles.rows import insert_rows
from cyclopedia.apps.articles.title_lookups import alias_ids, published_ids
from cyclopedia.document import Document
from cyclopedia.document.facts import Fact, fact_candidates, infobox_facts
from cyclopedia.document.titles import TitleError, normalize_title

MAX_LINK_TITLE = 255


def _article_ids(titles: Iterable[str]) -> dict[str, int]:
    """The published articles these titles lead to, directly or through an alias."""
    wanted = set(titles)
    found = published_ids(wanted)
    for alias_title, article_id in alias_ids(wanted - found.keys(), published=True).items():
        found.setdefault(alias_title, article_id)
    return found


def _link_title(fact: Fact) -> str:
    """The title a fact names: its link, or (an undated single value) its own text, so that
    it is linked when an article of that name is published later."""
    if fact.link:
        return fact.link
    if fact.date is not None or "\n" in fact.text or len(fact.text) > MAX_LINK_TITLE:
        return ""
    try:
        return normalize_title(fact.text)
    except TitleError:
        return ""


# The fields of a fact's row, in the order of _row's values.
_FIELDS = (
    "article", "revision", "position", "part", "key", "label", "text", "date", "date_end",
    "date_precision", "date_approximate", "place", "detail", "link_title", "linked_article",
)  # fmt: skip


def _row(article: Article, revision: Revision, fact: Fact, ids: dict[str, int]) -> tuple[Any, ...]:
    date = fact.date
    link_title = _link_title(fact)
    return (
        article.pk,
        revision.pk,
        fact.position,
        fact.part,
        fact.key[:255],
        fact.label[:255],
        fact.text,
        date.value if date else None,
        date.end if date else None,
        date.precision.value if date else "",
        date.approximate if date else False,
        fact.place,
        fact.detail,
        link_title,
        ids.get(link_title) if link_title else None,
    )


def facts_sync(
    *, article: Article, revision: Revision, document: Document, new: bool = False
) -> int:
    """Make the article's facts those of the document it publishes; link the facts of other
    articles that name this one (by its title or a name). Returns the number of facts. A
    ``new`` article (created in this transaction) has no facts to replace."""
    if not new:
        InfoboxFact.objects.filter(article=article).delete()
    candidates = fact_candidates(document.infobox)
    ids = _article_ids(candidates) if candidates else {}
    facts = infobox_facts(document.infobox, is_article=ids.__contains__)
    rows = [_row(article, revision, fact, ids) for fact in facts]
    insert_rows(InfoboxFact, _FIELDS, rows)  # rows, not model instances (rows.py)
    names = [article.title, *document.aliases]
    InfoboxFact.objects.filter(link_title__in=names, linked_article__isnull=True).update(
        linked_article=article
    )
    return len(rows)


def facts_clear(*, article: Article) -> None:
    """Forget a withdrawn article's facts (facts elsewhere naming it stop showing the link)."""
    InfoboxFact.objects.filter(article=article).delete()


def facts_rebuild(*, chunk_size: int = 200) -> int:
    """Compute the facts of every published article again (after an upgrade, or to link values
    to articles imported after them); returns the number of articles. One transaction per
    chunk, so that a long run holds no lock for long."""
    ids = list(
        Article.objects.filter(published_revision__isnull=False)
        .order_by("id")
        .values_list("id", flat=True)
    )
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        with transaction.atomic():
            articles = Article.objects.filter(pk__in=chunk).select_related(
                "published_revision__source"
            )
            for article in articles:
                revision = article.published_revision
                if revision is not None:
                    facts_sync(article=article, revision=revision, document=document_of(revision))
    return len(ids)
