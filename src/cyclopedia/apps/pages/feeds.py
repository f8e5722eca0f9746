"""An Atom feed of new articles (``/feeds/new.atom``).

Titles go out as Atom text; summaries are declared HTML by Django's Atom writer, so the plain
lead is HTML-escaped first: a title or lead saying ``<script>`` stays words in every reader.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from cyclopedia.apps.articles.models import Article

FEED_SIZE = 50


class NewArticlesFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed

    def title(self) -> str:
        return f"{settings.SITE_NAME}: new articles"

    def subtitle(self) -> str:
        return f"The newest articles of {settings.SITE_NAME}, with their sources and licences."

    def link(self) -> str:
        return reverse("home")

    def items(self) -> QuerySet[Article]:
        return (
            Article.objects.filter(published_revision__isnull=False)
            .select_related("published_revision__source")
            .order_by("-created", "-id")[:FEED_SIZE]
        )

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        revision = item.published_revision
        if revision is None:
            return ""
        license = revision.license_info
        credit = (
            f"From “{revision.source_title}” ({revision.source.name}), "
            f"{license.name}{f' <{license.url}>' if license.url else ''}."
        )
        return "<p>" + escape(revision.lead) + "</p><p>" + escape(credit) + "</p>"

    def item_link(self, item: Article) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Article) -> str:
        return f"{settings.SITE_NAME}:article:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Article) -> dt.datetime:
        return item.created

    def item_updateddate(self, item: Article) -> dt.datetime:
        return item.updated

    def item_author_name(self, item: Article) -> str:
        revision = item.published_revision
        return f"The authors of {revision.source.name}" if revision else ""
