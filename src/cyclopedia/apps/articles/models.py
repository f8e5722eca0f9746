"""Source, Article, Revision, Alias, Category, Link."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from cyclopedia.document.license import License, get_license
from cyclopedia.document.titles import title_to_path


class Source(models.Model):
    """A provider of articles: a wiki, an archive, a journal, a web site, or local contributors."""

    class Kind(models.TextChoices):
        TEXT = "text", "Plain-text pages"
        MEDIAWIKI = "mediawiki", "MediaWiki wiki"
        ZIM = "zim", "ZIM archive"
        JATS = "jats", "JATS articles"
        WEB = "web", "Web pages"
        CONTRIBUTION = "contribution", "Contributions"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    homepage = models.URLField(max_length=2000, blank=True)
    created = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    """A category articles are filed in, with an optional description.

    The description comes from the source's own page about the category (a wiki's
    "Category:Towns"), converted and rendered as an article is; like a revision it keeps that
    page's attribution and licence (POLICY.md §1 and §2). Unlike an article it has no history
    here: a newer page replaces the description.
    """

    name = models.CharField(max_length=255, unique=True)
    description_source = models.TextField(
        blank=True, help_text="Editable source: front matter and Markdown body, as a revision's"
    )
    description_html = models.TextField(
        blank=True,
        help_text="The description rendered and sanitised (links to missing "
        "articles are marked when shown)",
    )
    description_links = models.JSONField(
        default=list, blank=True, help_text="Titles the description links to"
    )
    description_hash = models.CharField(
        max_length=64,
        blank=True,
        help_text="content_hash of the description (source, licence, "
        "attribution): the same page imported again changes nothing",
    )
    described = models.DateTimeField(null=True, blank=True, help_text="When it was last saved")
    # Where the description comes from, and under which licence.
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="categories"
    )
    source_key = models.CharField(max_length=1000, blank=True)
    source_title = models.CharField(max_length=500, blank=True)
    source_url = models.URLField(max_length=2000, blank=True)
    revision_url = models.URLField(max_length=2000, blank=True)
    history_url = models.URLField(max_length=2000, blank=True)
    source_timestamp = models.DateTimeField(null=True, blank=True)
    license = models.CharField(max_length=64, blank=True)
    license_evidence = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "categories"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return "/category/" + title_to_path(self.name)

    @property
    def url_name(self) -> str:
        """The name as URL routes take it (underscores, not yet percent-encoded)."""
        return self.name.replace(" ", "_")

    @property
    def license_info(self) -> License | None:
        return get_license(self.license) if self.license else None


class Article(models.Model):
    title = models.CharField(max_length=255, unique=True)
    language = models.CharField(max_length=20, default="en")
    published_revision = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    categories = models.ManyToManyField(Category, blank=True, related_name="articles")
    created = models.DateTimeField(default=timezone.now, db_index=True)
    updated = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["title"]
        # The languages search can be narrowed to, read without a scan (search/selectors.py).
        indexes = [models.Index(fields=["language"], name="article_language")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return "/wiki/" + title_to_path(self.title)

    @property
    def url_title(self) -> str:
        """The title as URL routes take it (underscores, not yet percent-encoded)."""
        return self.title.replace(" ", "_")


class Revision(models.Model):
    """One immutable version of an article: its editable source, rendering and attribution.

    The rendered fields (html, infobox, references, toc, plain_text) are derived from the source
    and are refreshed only when a linked article appears or disappears (red links).
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    created = models.DateTimeField(default=timezone.now, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    import_run = models.ForeignKey(
        "ingest.ImportRun", null=True, blank=True, on_delete=models.SET_NULL
    )
    summary = models.CharField(max_length=500, blank=True)

    source_text = models.TextField(help_text="Editable source: front matter and Markdown body")
    content_hash = models.CharField(max_length=64, db_index=True)
    html = models.TextField()
    infobox = models.JSONField(default=dict, blank=True, help_text="{title, fields: [...]}")
    references = models.JSONField(default=list, blank=True)
    toc = models.JSONField(default=list, blank=True)
    plain_text = models.TextField(blank=True)
    lead = models.TextField(blank=True, help_text="First paragraph as plain text")
    notices = models.JSONField(
        default=list, blank=True, help_text="Banners: retraction, correction (plain text)"
    )
    rendered = models.DateTimeField(default=timezone.now, help_text="When the rendering was made")

    # Attribution and licence (POLICY.md §1 and §2).
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="revisions")
    source_key = models.CharField(max_length=1000, blank=True)
    source_revision = models.CharField(max_length=100, blank=True)
    source_title = models.CharField(max_length=500)
    source_url = models.URLField(max_length=2000, blank=True)
    revision_url = models.URLField(max_length=2000, blank=True)
    history_url = models.URLField(max_length=2000, blank=True)
    authors = models.JSONField(default=list, blank=True)
    source_timestamp = models.DateTimeField(null=True, blank=True)
    copyright_notice = models.TextField(blank=True)
    upstream_notices = models.JSONField(default=list, blank=True)
    modified = models.BooleanField(default=False, help_text="Modified here beyond conversion")
    # An SPDX id from cyclopedia.document.license (validated by the Document, not by choices,
    # so that the catalogue can grow without a migration).
    license = models.CharField(max_length=64)
    license_evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["article", "-created"]),
            # The licences search can be narrowed to, read without a scan (search/selectors.py).
            models.Index(fields=["license"], name="revision_license"),
            # Articles per source (the home page) counted from this index alone.
            models.Index(fields=["source", "article"], name="revision_source_article"),
        ]
        constraints = [
            # One revision per content per article, whatever several importers do at once.
            models.UniqueConstraint(fields=["article", "content_hash"], name="unique_content")
        ]

    def __str__(self) -> str:
        return f"{self.article.title} @ {self.created:%Y-%m-%d %H:%M}"

    @property
    def license_info(self) -> License:
        return get_license(self.license)


class Alias(models.Model):
    """Another title that leads to an article: an alternative name or a redirect.

    ``target_title`` is the title the source names; ``article`` is the published article it
    leads to: the article of that title or, when that title is itself a redirect, the article
    that one leads to (one hop, never back to this title). A redirect may arrive before its
    target (dumps list pages in any order): it then waits, with no ``article``, until there is
    one. A redirect remembers its source and the time of the source's page, so that an older
    version of the page (an article, in an older dump) never replaces a newer redirect.
    """

    class Kind(models.TextChoices):
        NAME = "name", "Alternative name"
        REDIRECT = "redirect", "Redirect"

    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="aliases"
    )
    target_title = models.CharField(max_length=255, db_index=True)
    title = models.CharField(max_length=255, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NAME)
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="redirects"
    )
    source_timestamp = models.DateTimeField(
        null=True, blank=True, help_text="When the source's redirect page was last changed"
    )

    class Meta:
        verbose_name_plural = "aliases"
        ordering = ["title"]

    def __str__(self) -> str:
        return f"{self.title} → {self.target_title}"


class Link(models.Model):
    """A wiki link from an article's published text to a title, which may not exist yet."""

    from_article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="links_out")
    target_title = models.CharField(max_length=255, db_index=True)
    target = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="links_in"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["from_article", "target_title"], name="unique_link")
        ]

    def __str__(self) -> str:
        return f"{self.from_article.title} → {self.target_title}"


class InfoboxFact(models.Model):
    """One infobox value of an article's published revision, normalised for queries.

    Derived data (cyclopedia.document.facts): rewritten whenever the published revision
    changes, removed when the article is withdrawn. ``link_title`` is the title the value names
    (a wiki link's target, or the value itself); ``linked_article`` is that article once it is
    published. A date is stored as the first and last day of its period, with its precision.
    """

    class Precision(models.TextChoices):
        YEAR = "year", "Year"
        MONTH = "month", "Month"
        DAY = "day", "Day"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="facts")
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="facts")
    position = models.PositiveIntegerField(help_text="The infobox row, from 0")
    part = models.PositiveIntegerField(default=0, help_text="The item within the row, from 0")
    key = models.CharField(max_length=255, help_text="The label's normal form (born, died...)")
    label = models.CharField(max_length=255)
    text = models.TextField()
    date = models.DateField(null=True, blank=True, help_text="First day of the date's period")
    date_end = models.DateField(null=True, blank=True, help_text="Last day of its period")
    date_precision = models.CharField(max_length=5, choices=Precision.choices, blank=True)
    date_approximate = models.BooleanField(default=False)
    place = models.TextField(blank=True)
    detail = models.TextField(blank=True, help_text="What else a dated value says")
    link_title = models.CharField(max_length=255, blank=True, db_index=True)
    linked_article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="facts_naming"
    )

    class Meta:
        ordering = ["article", "position", "part"]
        indexes = [
            models.Index(fields=["key", "date"]),
            models.Index(fields=["date"]),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.label} = {self.text[:40]}"

    @property
    def date_display(self) -> str:
        """The date as precise as it was given: 1974, 2010-01, 2007-03-20 (c. for circa)."""
        if self.date is None:
            return ""
        if self.date_precision == self.Precision.YEAR:
            shown = f"{self.date.year:04d}"
        elif self.date_precision == self.Precision.MONTH:
            shown = f"{self.date.year:04d}-{self.date.month:02d}"
        else:
            shown = self.date.isoformat()
        return f"c. {shown}" if self.date_approximate else shown
