"""Search on PostgreSQL: weighted ``tsvector`` columns with GIN indexes, ``ts_rank``, and
``pg_trgm`` for typos."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

from cyclopedia.apps.search.backends.base import Filters, SearchBackend
from cyclopedia.apps.search.query import ParsedQuery, Term

# The tsvector searched at each level (SearchBackend.search): all, the weighted fields, the names.
_LEVEL_COLUMNS = ("document", "head", "names")


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

    def _count_upto(self, query: ParsedQuery, filters: Filters, level: int, cap: int) -> int:
        joins, condition, params = self._filter_sql("e.article_id", filters)
        column = _LEVEL_COLUMNS[level]
        sql = f"""
            SELECT count(*) FROM (
                SELECT 1 FROM search_searchentry e {joins}
                WHERE e.{column} @@ to_tsquery('cyclopedia', %s) {condition} LIMIT %s) s"""
        return int(self._rows(sql, [tsquery_text(query), *params, cap])[0][0])

    def _match_ids(self, query: ParsedQuery, filters: Filters, level: int, limit: int) -> list[int]:
        joins, condition, params = self._filter_sql("e.article_id", filters)
        column = _LEVEL_COLUMNS[level]
        sql = f"""
            SELECT e.article_id FROM search_searchentry e {joins}
            WHERE e.{column} @@ to_tsquery('cyclopedia', %s) {condition} LIMIT %s"""
        return [int(row[0]) for row in self._rows(sql, [tsquery_text(query), *params, limit])]

    def _scores_of(
        self, query: ParsedQuery, filters: Filters, level: int, ids: list[int]
    ) -> dict[int, float]:
        # By id, not by matching again: a phrase is checked against each candidate's stored
        # positions, the costly part, which the matching pass has done already.
        column = _LEVEL_COLUMNS[level]
        sql = f"""
            SELECT e.article_id, ts_rank(e.{column}, to_tsquery('cyclopedia', %s), 1)
            FROM search_searchentry e WHERE e.article_id = ANY(%s)"""
        return {int(i): float(score) for i, score in self._rows(sql, [tsquery_text(query), ids])}

    def _matching(self, query: ParsedQuery, ids: list[int]) -> set[int]:
        if not ids:
            return set()
        sql = """
            SELECT e.article_id FROM search_searchentry e
            WHERE e.article_id = ANY(%s) AND e.document @@ to_tsquery('cyclopedia', %s)"""
        return {int(row[0]) for row in self._rows(sql, [ids, tsquery_text(query)])}

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """One search's queries, read through the GIN indexes.

        The planner prices the index's rows as cheap to reach and a whole-table scan as cheap
        to filter, not seeing that each row's ``tsvector`` is stored out of line and must be
        fetched to test it: it picks the scan, 100 to 200 times slower (bench/search_speed.py).
        Within this transaction only, it is told not to.
        """
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            yield

    def words_like(self, word: str, *, limit: int) -> list[tuple[str, int]]:
        if len(word) < 3:
            return []
        sql = """
            SELECT w.word, w.freq FROM search_searchword w
            WHERE w.word %% %s ORDER BY similarity(w.word, %s) DESC LIMIT %s"""
        return [(str(w), int(f)) for w, f in self._rows(sql, [word, word, limit])]

    def _prefix_condition(self, column: str = "t.folded") -> str:
        return f'{column} COLLATE "C" >= %s AND {column} COLLATE "C" < %s'
