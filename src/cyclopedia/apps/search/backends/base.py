"""What every search backend does, and the SQL that is the same on every database.

A backend answers four questions with its database's own full-text machinery: which published
articles match a parsed query (ranked, with a snippet, filtered, counted); which titles start
with some text; which titles and which title words look like some text (typo tolerance). The
selectors (``selectors.py``) build reader features on these answers, so that SQLite and
PostgreSQL behave the same.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models.functions import Substr

from cyclopedia.apps.articles.models import Article, Category, Revision, Source
from cyclopedia.apps.search.models import SearchEntry, SearchTitle, SearchWord
from cyclopedia.apps.search.query import ParsedQuery
from cyclopedia.apps.search.snippets import SCAN_CHARS, snippets

# A folded prefix's upper bound: above every string that starts with it (byte order).
PREFIX_END = "\U0010ffff"
# Titles and aliases that are, or start with, the query and come first: at most this many.
MAX_TIERED = 20


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
    score: float | None  # None: a title match of a query with more matches than are ranked
    snippet: str  # plain text with folding.MARK_START/MARK_END around matched words
    tier: int  # see SearchBackend._tier_sql


@dataclass(frozen=True)
class HitPage:
    hits: list[Hit]
    total: int
    total_exact: bool = True  # False: at least ``total`` articles match (COUNT_CAP)


# Matches are counted up to this many; past it the total is "more than" (pages stop long before).
COUNT_CAP = 10_000
# Ranking (BM25, ts_rank) costs a read of each match's positions: a query matching more articles
# than this is ranked among its matches in fewer fields (see SearchBackend.search).
RANK_CAP = 1_000


@dataclass(frozen=True)
class TitleCandidate:
    article_id: int
    title: str  # the title or alias as written
    folded: str
    kind: str
    importance: int


class SearchBackend(ABC):
    """Ranking: titles and aliases that are the query, or start with it, first (tiers 0 to 2,
    see :meth:`_tiers`), then relevance. Relevance is the database's own (BM25 on SQLite,
    ``ts_rank`` on PostgreSQL) over every match when there are at most :data:`RANK_CAP`; a
    query matching more (common words) is ranked among the articles that match it in their
    title, names, infobox or categories (the heavily weighted fields), then in their titles and
    names only, whichever is the first to have at most :data:`RANK_CAP` matches; articles that
    match only elsewhere follow in index order. The cost of a query so stays bounded whatever
    the size of the encyclopedia, and what a common word finds first is still what is about it.
    """

    vendor: str

    def search(self, query: ParsedQuery, filters: Filters, *, offset: int, limit: int) -> HitPage:
        with self._reading():
            return self._search(query, filters, offset=offset, limit=limit)

    def _reading(self) -> AbstractContextManager[object]:
        """What the queries of one search run in (PostgreSQL sets its planner up once)."""
        return nullcontext()

    def _search(self, query: ParsedQuery, filters: Filters, *, offset: int, limit: int) -> HitPage:
        # The matches, in index order and without scores (cheap), up to RANK_CAP + 1: when there
        # are no more, that is the total, and only they are scored.
        ids = self._match_ids(query, filters, 0, RANK_CAP + 1)
        level = 0
        if len(ids) <= RANK_CAP:
            total, exact = len(ids), True
            if total == 0:
                return HitPage(hits=[], total=0)
        else:
            counted = self._count_upto(query, filters, 0, COUNT_CAP + 1)
            total, exact = min(counted, COUNT_CAP), counted <= COUNT_CAP
            ids = []
            for level in range(1, self.levels):
                found = self._match_ids(query, filters, level, RANK_CAP + 1)
                if len(found) <= RANK_CAP:
                    ids = found
                    break
        scores = self._scores_of(query, filters, level, ids) if ids else {}
        need = offset + limit
        tiers = self._tiers(query, filters)
        ranked = sorted(scores, key=lambda i: (-scores[i], i))
        position = {i: n for n, i in enumerate(tiers)}  # by importance within a tier
        order = sorted(tiers, key=lambda i: (tiers[i], -scores.get(i, 0.0), position[i]))
        order += [i for i in ranked if i not in tiers]
        if len(order) < need:
            taken = set(order)
            more = self._match_ids(query, filters, 0, need + len(taken))
            order += [i for i in more if i not in taken][: need - len(order)]
        page = order[offset:need]
        snippets = self._snippets(query, page)
        hits = [
            Hit(
                article_id=i,
                score=scores.get(i),
                snippet=snippets.get(i, ""),
                tier=tiers.get(i, 3),
            )
            for i in page
        ]
        return HitPage(hits=hits, total=total, total_exact=exact)

    def count(self, query: ParsedQuery, filters: Filters) -> int:
        """How many published articles match (up to COUNT_CAP + 1)."""
        with self._reading():
            return self._count_upto(query, filters, 0, COUNT_CAP + 1)

    # What each database answers with its own full-text machinery. ``level`` 0 is the whole
    # text, 1 the heavily weighted fields (title, names, infobox, categories), 2 titles and
    # names only.
    levels = 3

    @abstractmethod
    def _count_upto(self, query: ParsedQuery, filters: Filters, level: int, cap: int) -> int:
        """How many articles match at this level, counting no further than ``cap``."""

    @abstractmethod
    def _match_ids(self, query: ParsedQuery, filters: Filters, level: int, limit: int) -> list[int]:
        """Up to ``limit`` matches at this level, in the index's order (cheap: no scores)."""

    @abstractmethod
    def _scores_of(
        self, query: ParsedQuery, filters: Filters, level: int, ids: list[int]
    ) -> dict[int, float]:
        """The scores at this level (higher is better) of these matches, which are all the
        matches at this level (at most RANK_CAP)."""

    @abstractmethod
    def _matching(self, query: ParsedQuery, ids: list[int]) -> set[int]:
        """Those of these articles that match the query (no score: cheap)."""

    def _snippets(self, query: ParsedQuery, ids: list[int]) -> dict[int, str]:
        """A snippet of each article's text around what the query found (snippets.py)."""
        if not ids:
            return {}
        bodies = SearchEntry.objects.filter(article_id__in=ids).values_list(
            "article_id", Substr("body", 1, SCAN_CHARS)
        )
        return snippets({int(i): str(body) for i, body in bodies}, query=query)

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

    def words_with_prefix(self, prefix: str, *, limit: int) -> list[tuple[str, int]]:
        """Title words starting with ``prefix``, the commonest first."""
        sql = f"""
            SELECT w.word, w.freq FROM {SearchWord._meta.db_table} w
            WHERE {self._prefix_condition("w.word")}
            ORDER BY w.freq DESC, w.word LIMIT %s"""
        return [(str(w), int(f)) for w, f in self._rows(sql, [prefix, prefix + PREFIX_END, limit])]

    def titles_with_words(self, query: ParsedQuery, *, limit: int) -> list[TitleCandidate]:
        """Titles and aliases of (at most ``limit``) articles whose titles or aliases hold the
        query's words, anywhere: the full-text index of names, in its own order (no ranking)."""
        with self._reading():
            ids = self._match_ids(query, Filters(), 2, limit)  # level 2: titles and names
        if not ids:
            return []
        marks = ", ".join(["%s"] * len(ids))
        sql = f"""
            SELECT t.article_id, t.title, t.folded, t.kind, t.importance
            FROM {SearchTitle._meta.db_table} t WHERE t.article_id IN ({marks})
            ORDER BY t.importance DESC, t.article_id, t.id"""
        return [TitleCandidate(*row) for row in self._rows(sql, ids)]

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

    def _tiers(self, query: ParsedQuery, filters: Filters) -> dict[int, int]:
        """Articles whose title or an alias is the query as typed (0), the query folded (1), or
        starts with its words (2; with the start of its last word for ``pref*``), that match
        the query and pass the filters: a few, the most linked-to first within a tier.

        Such a title holds every word of the query, so the article matches it, unless the query
        excludes words, which only its full text can tell.
        """
        folded = query.folded
        if not folded:
            return {}
        last = query.groups[-1][-1]
        start = folded if last.prefix else folded + " "
        table = SearchTitle._meta.db_table
        sql = f"""
            SELECT t.article_id, min(CASE WHEN t.folded = %s AND t.title = %s THEN 0
                                          WHEN t.folded = %s THEN 1 ELSE 2 END)
            FROM {table} t WHERE t.folded = %s OR ({self._prefix_condition()})
            GROUP BY t.article_id ORDER BY 2, max(t.importance) DESC, t.article_id LIMIT %s"""
        params = [folded, query.text, folded, folded, start, start + PREFIX_END, MAX_TIERED]
        tiers = {int(i): int(tier) for i, tier in self._rows(sql, params)}
        if not tiers:
            return {}
        matching = set(tiers)
        if query.excluded:
            matching = self._matching(query, list(tiers))
        if filters:
            matching &= self._passing(list(matching), filters)
        return {i: tier for i, tier in tiers.items() if i in matching}

    def _passing(self, ids: list[int], filters: Filters) -> set[int]:
        """Those of these articles that pass the filters."""
        if not ids:
            return set()
        joins, condition, params = self._filter_sql("x.id", filters)
        marks = ", ".join(["%s"] * len(ids))
        sql = f"""SELECT x.id FROM {Article._meta.db_table} x {joins}
                  WHERE x.id IN ({marks}) {condition}"""
        return {int(row[0]) for row in self._rows(sql, [*ids, *params])}

    def _filter_sql(self, id_column: str, filters: Filters) -> tuple[str, str, list[object]]:
        """JOINs and WHERE conditions that keep the articles passing the filters (none without
        filters: only published articles are in the index)."""
        if not filters:
            return "", "", []
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
