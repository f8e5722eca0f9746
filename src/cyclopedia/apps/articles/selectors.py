"""Reads of articles for pages, the CLI and the API."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max, Min, QuerySet
from django.db.models.functions import Length

from cyclopedia.apps.articles.models import Alias, Article, Category, Link, Revision, Source
from cyclopedia.apps.articles.title_lookups import alias_ids, published_ids
from cyclopedia.render.article import mark_missing_links


@dataclass(frozen=True)
class TitleLookup:
    article: Article | None
    via_alias: Alias | None = None


def article_lookup(*, title: str) -> TitleLookup:
    """The published article a title names, directly or through an alias."""
    published = Article.objects.filter(published_revision__isnull=False)
    article = published.select_related("published_revision__source").filter(title=title).first()
    if article:
        return TitleLookup(article)
    alias = Alias.objects.select_related("article").filter(title=title).first()
    if alias and alias.article and alias.article.published_revision_id:
        return TitleLookup(alias.article, via_alias=alias)
    return TitleLookup(None)


def articles_recent(*, limit: int = 10) -> QuerySet[Article]:
    return (
        Article.objects.filter(published_revision__isnull=False)
        .select_related("published_revision")
        .order_by("-created", "-id")[:limit]
    )


def article_random() -> Article | None:
    """A random published article, by a random id (an index lookup, not a table sort)."""
    published = Article.objects.filter(published_revision__isnull=False)
    bounds = published.aggregate(low=Min("id"), high=Max("id"))
    if bounds["low"] is None:
        return None
    pick = random.randint(bounds["low"], bounds["high"])  # noqa: S311 (not for security)
    return published.filter(id__gte=pick).order_by("id").first()


def articles_random(*, limit: int) -> list[Article]:
    """Up to ``limit`` distinct random published articles, by random ids as ``article_random``
    picks one (a few index lookups, never a table sort); fewer when few are published."""
    chosen: dict[int, Article] = {}
    for _ in range(limit * 2):
        article = article_random()
        if article is None:
            break
        chosen.setdefault(article.pk, article)
        if len(chosen) == limit:
            break
    return list(chosen.values())


def articles_count() -> int:
    return Article.objects.filter(published_revision__isnull=False).count()


def sources_with_counts() -> QuerySet[Source]:
    return Source.objects.annotate(
        article_count=Count("revisions__article", distinct=True)
    ).order_by("-article_count", "name")


def with_sizes(revisions: QuerySet[Revision]) -> QuerySet[Revision]:
    """Revisions with ``size`` (characters of source) and ``size_change`` (against the parent
    revision; None for a first revision)."""
    return revisions.annotate(
        size=Length("source_text"),
        size_change=Length("source_text") - Length("parent__source_text"),
    )


def revision_history(*, article: Article) -> QuerySet[Revision]:
    """The article's revisions, newest first, with their sizes (:func:`with_sizes`)."""
    return (
        with_sizes(article.revisions.select_related("source", "author"))
        .defer("html", "plain_text", "infobox", "references", "toc")
        .order_by("-created", "-id")
    )


def revision_of(*, article: Article, revision_id: int) -> Revision | None:
    return article.revisions.select_related("source", "author").filter(pk=revision_id).first()


def links_here(*, article: Article) -> QuerySet[Article]:
    """Published articles whose text links to the article (directly or through an alias)."""
    titles = [article.title, *article.aliases.values_list("title", flat=True)]
    sources = Link.objects.filter(target_title__in=titles).values("from_article")
    return Article.objects.filter(pk__in=sources, published_revision__isnull=False)


def titles_existing(*, titles: Iterable[str]) -> set[str]:
    """Those of ``titles`` that lead to a published article, by its title or an alias."""
    wanted = set(titles)
    found = published_ids(wanted).keys()
    return found | alias_ids(wanted - found, published=True).keys()


def category_lookup(*, name: str) -> Category | None:
    return Category.objects.select_related("source").filter(name=name).first()


def category_articles(*, category: Category) -> QuerySet[Article]:
    """The published articles filed in a category, by title."""
    return category.articles.filter(published_revision__isnull=False).order_by("title", "id")


def category_description_html(*, category: Category) -> str:
    """The stored description, its links to articles that do not exist (now) marked."""
    links = [str(title) for title in category.description_links]
    missing = set(links) - titles_existing(titles=links)
    return mark_missing_links(category.description_html, missing)
