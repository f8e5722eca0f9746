"""The search index: one entry per published article, its titles, and the title vocabulary.

These tables hold derived data only (``cyclopedia search reindex`` rebuilds them from the
published revisions). The full-text index itself is database-specific and lives beside them,
kept in step by triggers made in the migrations: an FTS5 table on SQLite, a ``tsvector`` column
with a GIN index on PostgreSQL (see ``backends/``).
"""

from __future__ import annotations

from django.db import models

from cyclopedia.apps.articles.models import Article


class SearchEntry(models.Model):
    """The searchable text of an article's published revision."""

    article = models.OneToOneField(
        Article, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    title = models.TextField()
    aliases = models.TextField(blank=True, help_text="Alternative names and redirects, one a line")
    meta = models.TextField(blank=True, help_text="Infobox values and categories")
    body = models.TextField(blank=True, help_text="The plain text of the body")
    extra = models.TextField(blank=True, help_text="Other spellings of its words (folding.py)")

    def __str__(self) -> str:
        return self.title


class SearchTitle(models.Model):
    """A title or alias of a published article, folded, for exact and prefix matches."""

    class Kind(models.TextChoices):
        TITLE = "title", "Title"
        ALIAS = "alias", "Alias"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=255)
    folded = models.CharField(max_length=255, db_index=True)
    kind = models.CharField(max_length=5, choices=Kind.choices)
    importance = models.IntegerField(default=0, help_text="Links to the article")

    def __str__(self) -> str:
        return self.title


class SearchWord(models.Model):
    """A word of the titles and aliases, with how many contain it: "did you mean" picks here."""

    word = models.CharField(max_length=255, unique=True)
    freq = models.IntegerField(default=0)

    def __str__(self) -> str:
        return self.word


class SearchChange(models.Model):
    """A committed change to the index: the rows' count and the sum of their random tokens make
    the index *generation* that cached search answers are kept under (``caching.py``). Rows are
    only added, each in the transaction that changed the index, so they never wait for one
    another, and the generation changes exactly when such a transaction commits; all but the
    last rows are pruned."""

    token = models.BigIntegerField()

    def __str__(self) -> str:
        return str(self.token)
