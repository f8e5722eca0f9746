"""Search on PostgreSQL: a weighted ``tsvector`` with GIN, ``ts_rank``, ``ts_headline``, and
``pg_trgm`` for typos."""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction

from cyclopedia.apps.search.backends.base import (
    Filters,
    Hit,
    HitPage,
    SearchBackend,
    TitleCandidate,
)
from cyclopedia.apps.search.folding import MARK_END, MARK_START, fold
from cyclopedia.apps.search.query import ParsedQuery, Term

_HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
    "MaxFragments=1, FragmentDelimiter=…"
)
# Snippet windows (see PostgresBackend._headlines).
_SCAN_CHARS = 100_000
_BEFORE_CHARS = 200
_WINDOW_CHARS = 800


def _phrase(text: str, prefix: bool) -> str:
    # Terms hold only letters, digits and spaces (query.py): each word is a safe quoted lexeme.
    lexemes = [f"'{word}'" for word in text.split()]
    if prefix:
        lexemes[-1] += ":*"
    return "(" + " <-> ".join(lexemes) + ")"


def _term(term: Term) -> str:
    phrase = _phrase(" ".join(term.words), term.prefix)
    if term.joined:
        return f"({phrase} | {_phrase(term.joined, term.prefix)})"
    return phrase


def tsquery_text(query: ParsedQuery) -> str:
    """The ``to_tsquery`` text for a parsed query (which must not be empty)."""
    groups = ["(" + " | ".join(_term(term) for term in group) + ")" for group in query.groups]
    expression = " & ".join(groups)
    for term in query.excluded:
        expression = f"({expression}) & !{_term(term)}"
    return expression


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def search(self, query: ParsedQuery, filters: Filters, *, offset: int, limit: int) -> HitPage:
        joins, condition, params = self._filter_sql("e.article_id", filters)
        text = tsquery_text(query)
        sql = f"""
            SELECT e.article_id, ts_rank(e.document, q, 1) AS score,
                   {self._tier_sql("e.article_id")} AS tier, count(*) OVER () AS total
            FROM search_searchentry e CROSS JOIN to_tsquery('cyclopedia', %s) q {joins}
            WHERE e.document @@ q {condition}
            ORDER BY tier, score DESC, e.article_id
            LIMIT %s OFFSET %s"""
        rows = self._indexed_rows(sql, [*self._tier_params(query), text, *params, limit, offset])
        if not rows:
            total = self.count(query, filters) if offset else 0
            return HitPage(hits=[], total=total)
        snippets = self._headlines(query, text, [int(row[0]) for row in rows])
        hits = [
            Hit(
                article_id=int(row[0]),
                score=float(row[1]),
                snippet=snippets.get(int(row[0]), ""),
                tier=int(row[2]),
            )
            for row in rows
        ]
        return HitPage(hits=hits, total=int(rows[0][3]))

    def _indexed_rows(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        """Rows of a full-text query, read through the GIN index.

        The planner prices the index's rows as cheap to reach and a whole-table scan as cheap
        to filter, not seeing that each row's ``tsvector`` is stored out of line and must be
        fetched to test it: it picks the scan, 100 to 200 times slower (bench/search_speed.py).
        Within this transaction only, it is told not to.
        """
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            return list(cursor.fetchall())

    def _headlines(self, query: ParsedQuery, text: str, ids: list[int]) -> dict[int, str]:
        """Snippets around the first place the query's longest word is found in each body.

        ts_headline parses all the text it is given, so it is given a window: from a little
        before that place (found in the body's first :data:`_SCAN_CHARS`, folded), or from the
        start of the body.
        """
        if not ids:
            return {}
        words = sorted(query.words(), key=len, reverse=True)
        anchor = fold(words[0]) if words else ""
        sql = """
            SELECT e.article_id, ts_headline('cyclopedia', substr(e.body, greatest(1,
                       strpos(lower(unaccent(left(e.body, %s))), %s) - %s), %s),
                   to_tsquery('cyclopedia', %s), %s)
            FROM search_searchentry e WHERE e.article_id = ANY(%s)"""
        params = [_SCAN_CHARS, anchor or "\n", _BEFORE_CHARS, _WINDOW_CHARS]
        rows = self._rows(sql, [*params, text, _HEADLINE_OPTIONS, ids])
        return {int(article_id): str(snippet) for article_id, snippet in rows}

    def count(self, query: ParsedQuery, filters: Filters) -> int:
        joins, condition, params = self._filter_sql("e.article_id", filters)
        sql = f"""
            SELECT count(*) FROM search_searchentry e
            CROSS JOIN to_tsquery('cyclopedia', %s) q {joins}
            WHERE e.document @@ q {condition}"""
        return int(self._indexed_rows(sql, [tsquery_text(query), *params])[0][0])

    def titles_like(self, folded: str, *, limit: int) -> list[TitleCandidate]:
        if len(folded) < 3:
            return []
        sql = """
            SELECT t.article_id, t.title, t.folded, t.kind, t.importance
            FROM search_searchtitle t
            WHERE %s <%% t.folded
            ORDER BY word_similarity(%s, t.folded) DESC, t.importance DESC
            LIMIT %s"""
        return [TitleCandidate(*row) for row in self._rows(sql, [folded, folded, limit])]

    def words_like(self, word: str, *, limit: int) -> list[tuple[str, int]]:
        if len(word) < 3:
            return []
        sql = """
            SELECT w.word, w.freq FROM search_searchword w
            WHERE w.word %% %s ORDER BY similarity(w.word, %s) DESC LIMIT %s"""
        return [(str(w), int(f)) for w, f in self._rows(sql, [word, word, limit])]

    def _prefix_condition(self, column: str = "t.folded") -> str:
        return f'{column} COLLATE "C" >= %s AND {column} COLLATE "C" < %s'
