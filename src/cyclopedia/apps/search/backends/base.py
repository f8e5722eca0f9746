"""What every search backend does, and the SQL that is the same on every database.

A backend answers four questions with its database's own full-text machinery: which published
articles match a parsed query (ranked, with a snippet, filtered, counted); which titles start
with some text; which titles and which title words look like some text (typo tolerance). The
selectors (``selectors.py``) build reader features on these answers, so that SQLite and
PostgreSQL behave the same.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from django.db import connection

from cyclopedia.apps.articles.models import Article, Category, Revision, Source
from cyclopedia.apps.search.models import SearchTitle, SearchWord
from cyclopedia.apps.search.query import ParsedQuery

# A folded prefix's upper bound: above every string that starts with it (byte order).
PREFIX_END = "\U0010ffff"


@dataclass(frozen=True)
class Filters:
    """Narrow results to one source (by name), licence (SPDX id), category or language."""

    source: str = ""
    license: str = ""
    category: str = ""
    language: str = ""

    def __bool__(self) -> bool:
        return bool(self.source or self.license or self.category or self.language)


@dataclass(frozen=True)
class Hit:
    article_id: int
    score: float
    snippet: str  # plain text with folding.MARK_START/MARK_END around matched words
    tier: int  # see SearchBackend._tier_sql


@dataclass(frozen=True)
class HitPage:
    hits: list[Hit]
    total: int


@dataclass(frozen=True)
class TitleCandidate:
    article_id: int
    title: str  # the title or alias as written
    folded: str
    kind: str
    importance: int


class SearchBackend(ABC):
    vendor: str

    @abstractmethod
    def search(
        self, query: ParsedQuery, filters: Filters, *, offset: int, limit: int
    ) -> HitPage: ...

    @abstractmethod
    def count(self, query: ParsedQuery, filters: Filters) -> int: ...

    @abstractmethod
    def titles_like(self, folded: str, *, limit: int) -> list[TitleCandidate]:
        """Titles and aliases that share much of their spelling with ``folded`` (trigrams)."""

    @abstractmethod
    def words_like(self, word: str, *, limit: int) -> list[tuple[str, int]]:
        """Title words (with how many titles hold them) spelled much like ``word``."""

    @abstractmethod
    def _prefix_condition(self, column: str = "t.folded") -> str:
        """SQL comparing ``column`` with two parameters: a prefix and its upper bound."""

    # The rest is standard SQL, the same on both databases.

    def titles_with_prefix(self, folded: str, *, limit: int) -> list[TitleCandidate]:
        """Titles and aliases starting with ``folded``, the most linked-to first."""
        sql = f"""
            SELECT t.article_id, t.title, t.folded, t.kind, t.importance
            FROM {SearchTitle._meta.db_table} t
            WHERE {self._prefix_condition()}
            ORDER BY t.importance DESC, CASE t.kind WHEN 'title' THEN 0 ELSE 1 END,
                     length(t.folded), t.folded
            LIMIT %s"""
        return [
            TitleCandidate(*row) for row in self._rows(sql, [folded, folded + PREFIX_END, limit])
        ]

    def known_words(self, words: list[str]) -> dict[str, int]:
        """Of these words, those in the title vocabulary, with their counts."""
        return dict(SearchWord.objects.filter(word__in=words).values_list("word", "freq"))

    def words_near(self, word: str, *, limit: int) -> list[tuple[str, int]]:
        """Title words that begin with the same letter as ``word`` and are about as long, the
        commonest first: a misspelling that leaves no trigram whole is still among them."""
        sql = f"""
            SELECT w.word, w.freq FROM {SearchWord._meta.db_table} w
            WHERE {self._prefix_condition("w.word")}
              AND length(w.word) BETWEEN %s AND %s
            ORDER BY w.freq DESC, w.word LIMIT %s"""
        first = word[:1]
        params = [first, first + PREFIX_END, len(word) - 1, len(word) + 1, limit]
        return [(str(w), int(f)) for w, f in self._rows(sql, params)]

    def _tier_sql(self, id_column: str) -> str:
        """A rank tier from five parameters: the query folded and as typed, folded again, and
        its prefix bounds.

        0: a title or alias is the query as typed; 1: the same once folded (case, accents,
        punctuation aside); 2: a title or alias starts with it; 3: the text matches.
        """
        table = SearchTitle._meta.db_table
        # Uncorrelated subqueries: each is read once (a few rows, by index), not once per match.
        return f"""CASE
            WHEN {id_column} IN (SELECT t.article_id FROM {table} t
                                 WHERE t.folded = %s AND t.title = %s) THEN 0
            WHEN {id_column} IN (SELECT t.article_id FROM {table} t WHERE t.folded = %s) THEN 1
            WHEN {id_column} IN (SELECT t.article_id FROM {table} t
                                 WHERE {self._prefix_condition()}) THEN 2
            ELSE 3 END"""

    def _tier_params(self, query: ParsedQuery) -> list[object]:
        folded = query.folded
        if not folded:  # an empty fold matches no title (titles are never empty)
            return [""] * 5
        return [folded, query.text, folded, folded, folded + PREFIX_END]

    def _filter_sql(self, id_column: str, filters: Filters) -> tuple[str, str, list[object]]:
        """JOINs and WHERE conditions that keep published articles passing the filters."""
        articles, revisions = Article._meta.db_table, Revision._meta.db_table
        joins = (
            f" JOIN {articles} a ON a.id = {id_column}"
            f" JOIN {revisions} r ON r.id = a.published_revision_id"
        )
        where: list[str] = []
        params: list[object] = []
        if filters.source:
            where.append(f"r.source_id IN (SELECT id FROM {Source._meta.db_table} WHERE name = %s)")
            params.append(filters.source)
        if filters.license:
            where.append("r.license = %s")
            params.append(filters.license)
        if filters.language:
            where.append("a.language = %s")
            params.append(filters.language)
        if filters.category:
            through = Article.categories.through._meta.db_table
            where.append(
                f"EXISTS (SELECT 1 FROM {through} ac JOIN {Category._meta.db_table} c"
                " ON c.id = ac.category_id WHERE ac.article_id = a.id AND c.name = %s)"
            )
            params.append(filters.category)
        condition = "".join(" AND " + clause for clause in where)
        return joins, condition, params

    @staticmethod
    def _rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())
