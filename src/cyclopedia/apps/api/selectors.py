"""Reads for the API that the pages do not need: filtered article lists, counts of
published articles, a user's tokens. Only published content, always."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery

from cyclopedia.apps.api.models import ApiToken
from cyclopedia.apps.articles.models import Article, Category, Source

ORDERS = {
    "title": ("title", "id"),
    "updated": ("updated", "id"),
    "-updated": ("-updated", "-id"),
    "id": ("id",),
}


def articles_published() -> QuerySet[Article]:
    return Article.objects.filter(published_revision__isnull=False).select_related(
        "published_revision__source"
    )


def articles_filtered(
    *,
    source: str = "",
    license: str = "",
    category: str = "",
    language: str = "",
    updated_since: dt.datetime | None = None,
    order: str = "title",
) -> QuerySet[Article]:
    """Published articles, narrowed by the source and licence of their published revision,
    a category, a language, a last change at or after ``updated_since``."""
    found = articles_published().defer(
        "published_revision__html",
        "published_revision__plain_text",
        "published_revision__source_text",
        "published_revision__infobox",
        "published_revision__references",
        "published_revision__toc",
    )
    if source:
        found = found.filter(published_revision__source__name=source)
    if license:
        found = found.filter(published_revision__license=license)
    if category:
        found = found.filter(categories__name=category)
    if language:
        found = found.filter(language=language)
    if updated_since is not None:
        found = found.filter(updated__gte=updated_since)
    return found.order_by(*ORDERS.get(order, ORDERS["title"]))


def article_published(*, pk: int) -> Article | None:
    return articles_published().filter(pk=pk).first()


def categories_with_counts(*, prefix: str = "") -> QuerySet[Category]:
    """Categories with at least one published article, with how many, by name."""
    # EXISTS to choose the categories and a count per category shown: a grouped count of every
    # filed article took seconds at 100,000 articles, twice (the page and its total).
    filed = Article.categories.through.objects.filter(
        category=OuterRef("pk"), article__published_revision__isnull=False
    )
    counted = filed.order_by().values("category").annotate(n=Count("pk")).values("n")  # type: ignore[misc]
    found = Category.objects.filter(Exists(filed)).annotate(article_count=Subquery(counted))
    if prefix:
        found = found.filter(name__istartswith=prefix)
    return found.order_by("name", "id")


def sources_with_published_counts() -> QuerySet[Source]:
    """Sources with the number of published articles whose published revision came from them
    (withdrawn articles and older revisions are not counted)."""
    current = Q(revisions__article__published_revision=F("revisions__pk"))
    return (
        Source.objects.annotate(
            article_count=Count("revisions__article", filter=current, distinct=True)
        )
        .filter(article_count__gt=0)
        .order_by("-article_count", "name")
    )


def tokens_of(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by(
        F("revoked").asc(nulls_first=True), "-created", "-id"
    )
