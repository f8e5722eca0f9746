"""``sitemap.xml`` (an index of sitemaps of at most 50,000 URLs each) and ``robots.txt``.

django.contrib.sitemaps does the paging: the index lists one sitemap per section, and a
section past ``Sitemap.limit`` URLs as several (``sitemap-articles.xml?p=2``), as the sitemaps
protocol asks. The templates are this site's own (the contrib app is not installed).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from cyclopedia.apps.articles.models import Article, Category

# The sitemaps protocol's limit of URLs in one sitemap file.
SITEMAP_LIMIT = 50_000


class ArticleSitemap(Sitemap):  # type: ignore[type-arg]
    limit = SITEMAP_LIMIT

    def items(self) -> QuerySet[Article]:
        return (
            Article.objects.filter(published_revision__isnull=False)
            .only("title", "updated")
            .order_by("id")
        )

    def location(self, item: Article) -> str:
        return item.get_absolute_url()

    def lastmod(self, item: Article) -> dt.datetime:
        return item.updated

    def get_latest_lastmod(self) -> dt.datetime | None:
        """For the index: one aggregate (Django would read every article to find it)."""
        return self.items().aggregate(latest=Max("updated"))["latest"]  # type: ignore[no-any-return]


class CategorySitemap(Sitemap):  # type: ignore[type-arg]
    limit = SITEMAP_LIMIT

    def items(self) -> QuerySet[Category]:
        # EXISTS per category, not DISTINCT over every filed article (a scan of the join).
        filed = Article.categories.through.objects.filter(
            category=OuterRef("pk"), article__published_revision__isnull=False
        )
        return Category.objects.filter(Exists(filed)).only("name").order_by("id")

    def location(self, item: Category) -> str:
        return item.get_absolute_url()


SITEMAPS: dict[str, type[Sitemap]] = {  # type: ignore[type-arg]
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
}


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    response = sitemap_views.index(
        request,
        SITEMAPS,  # type: ignore[arg-type]
        template_name="sitemaps/sitemap_index.xml",
        sitemap_url_name="sitemap-section",
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_safe
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    response = sitemap_views.sitemap(
        request,
        SITEMAPS,  # type: ignore[arg-type]
        section=section,
        template_name="sitemaps/sitemap.xml",
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response


# Pages crawlers have no business fetching: search results (endless), histories, diffs and old
# revisions (duplicates of articles), what links here, random and the editorial pages.
ROBOTS_DISALLOW = (
    "/search",
    "/history/",
    "/diff/",
    "/*?oldid=",
    "/*&oldid=",
    "/*?diff=",
    "/links-here/",
    "/random",
    "/facts?",
    "/submissions",
    "/submit",
    "/edit/",
    "/review",
    "/revert/",
    "/attribution/",
    "/audit",
    "/recent-changes",
    "/user/",
    "/accounts/",
    "/api/",
)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=86400)
    return response
