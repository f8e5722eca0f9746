"""Reads of infobox facts, for the facts page, article timelines, JSON-LD and the API."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet

from cyclopedia.apps.articles.models import Article, InfoboxFact
from cyclopedia.document.dates import parse_bound
from cyclopedia.document.facts import fact_key

MAX_QUERY_CHARS = 200


@dataclass(frozen=True)
class FactQuery:
    """A facts query as a page or the API takes it: a label, a value, a date range."""

    label: str = ""
    value: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    errors: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.label or self.value or self.date_from or self.date_to)


def fact_query_parse(
    *, label: str = "", value: str = "", date_from: str = "", date_to: str = ""
) -> FactQuery:
    """A query from its raw parameters; dates to their period ("2007" from its first day to its
    last), with an error for a bound that is not a date."""
    errors = []
    start = end = None
    if date_from.strip():
        start = parse_bound(date_from[:MAX_QUERY_CHARS])
        if start is None:
            errors.append(f"“{date_from[:50]}” is not a date (try 1974, 2007-03 or 2007-03-20).")
    if date_to.strip():
        end = parse_bound(date_to[:MAX_QUERY_CHARS], end=True)
        if end is None:
            errors.append(f"“{date_to[:50]}” is not a date (try 1974, 2007-03 or 2007-03-20).")
    return FactQuery(
        label=" ".join(label.split())[:MAX_QUERY_CHARS],
        value=" ".join(value.split())[:MAX_QUERY_CHARS],
        date_from=start,
        date_to=end,
        errors=tuple(errors),
    )


def facts_published() -> QuerySet[InfoboxFact]:
    """Facts of published articles' published revisions, with their articles."""
    return InfoboxFact.objects.filter(
        article__published_revision__isnull=False,
        revision_id=F("article__published_revision_id"),
    ).select_related("article", "linked_article")


def facts_find(*, query: FactQuery) -> QuerySet[InfoboxFact]:
    """Facts matching a query: the label (by its normal form, so "Date of birth" finds Born
    rows), a value (in the text, or the title of the article it names), a date range (every
    fact whose period overlaps it)."""
    found = facts_published()
    if query.label:
        found = found.filter(Q(key=fact_key(query.label)) | Q(label__iexact=query.label))
    if query.value:
        found = found.filter(Q(text__icontains=query.value) | Q(link_title__icontains=query.value))
    if query.date_from:
        found = found.filter(date_end__gte=query.date_from)
    if query.date_to:
        found = found.filter(date__lte=query.date_to)
    return found.order_by("date", "article__title", "position", "part")


def article_facts(*, article: Article) -> list[InfoboxFact]:
    """The facts of an article's published revision, in infobox order."""
    if article.published_revision_id is None:
        return []
    return list(
        InfoboxFact.objects.filter(article=article, revision_id=article.published_revision_id)
        .select_related("linked_article")
        .order_by("position", "part")
    )


def article_timeline(*, article: Article) -> list[InfoboxFact]:
    """The dated facts of an article's published revision, oldest first."""
    facts = [fact for fact in article_facts(article=article) if fact.date is not None]
    return sorted(facts, key=lambda fact: (fact.date or dt.date.min, fact.position))


def linked_published(fact: InfoboxFact) -> Article | None:
    """The published article a fact names, if there is one."""
    linked = fact.linked_article
    return linked if linked is not None and linked.published_revision_id else None
