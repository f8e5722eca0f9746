"""Search on SQLite: FTS5 with BM25 ranking and ``snippet()``; trigram tables for typos."""

from __future__ import annotations

from cyclopedia.apps.search.backends.base import Filters, SearchBackend
from cyclopedia.apps.search.query import ParsedQuery, Term

# Column weights of search_fts: title, aliases, meta (infobox, categories), body, extra.
_BM25 = "bm25(search_fts, 10.0, 6.0, 2.0, 1.0, 1.0)"
_MAX_TRIGRAMS = 24


def _phrase(text: str, prefix: bool) -> str:
    # Terms hold only letters, digits and spaces (query.py), so no quote can end the string.
    return f'"{text}"' + (" *" if prefix else "")


def _term(term: Term) -> str:
    phrase = _phrase(" ".join(term.words), term.prefix)
    if term.joined:
        return f"({phrase} OR {_phrase(term.joined, term.prefix)})"
    return phrase


def match_expression(query: ParsedQuery) -> str:
    """The FTS5 query for a parsed query (which must not be empty)."""
    groups = ["(" + " OR ".join(_term(term) for term in group) + ")" for group in query.groups]
    expression = "(" + " AND ".join(groups) + ")"
    for term in query.excluded:
        expression = f"({expression} NOT {_term(term)})"
    return expression


def _trigram_expression(text: str) -> str:
    grams = list(dict.fromkeys(text[i : i + 3] for i in range(len(text) - 2)))
    return " OR ".join(f'"{gram}"' for gram in grams[:_MAX_TRIGRAMS])


# The columns searched at each level (SearchBackend.search): all, the weighted ones, the names.
_LEVEL_COLUMNS = ("", "{title aliases meta} : ", "{title aliases} : ")


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"

    def _match(self, query: ParsedQuery, level: int) -> str:
        return _LEVEL_COLUMNS[level] + match_expression(query)

    def _count_upto(self, query: ParsedQuery, filters: Filters, level: int, cap: int) -> int:
        joins, condition, params = self._filter_sql("f.rowid", filters)
        sql = f"""SELECT count(*) FROM (SELECT 1 FROM search_fts f {joins}
                  WHERE search_fts MATCH %s {condition} LIMIT %s)"""
        return int(self._rows(sql, [self._match(query, level), *params, cap])[0][0])

    def _match_ids(self, query: ParsedQuery, filters: Filters, level: int, limit: int) -> list[int]:
        joins, condition, params = self._filter_sql("f.rowid", filters)
        sql = f"""SELECT f.rowid FROM search_fts f {joins}
                  WHERE search_fts MATCH %s {condition} LIMIT %s"""
        return [int(row[0]) for row in self._rows(sql, [self._match(query, level), *params, limit])]

    def _scores_of(
        self, query: ParsedQuery, filters: Filters, level: int, ids: list[int]
    ) -> dict[int, float]:
        # All the matches again, in one statement: bm25() reads each term's whole list of
        # matches once per statement, and once per article if asked by rowid.
        joins, condition, params = self._filter_sql("f.rowid", filters)
        sql = f"""SELECT f.rowid, {_BM25} FROM search_fts f {joins}
                  WHERE search_fts MATCH %s {condition}"""
        wanted = set(ids)
        rows = self._rows(sql, [self._match(query, level), *params])
        return {int(i): -float(score) for i, score in rows if int(i) in wanted}

    def _matching(self, query: ParsedQuery, ids: list[int]) -> set[int]:
        if not ids:
            return set()
        marks = ", ".join(["%s"] * len(ids))
        sql = f"SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND rowid IN ({marks})"
        return {int(row[0]) for row in self._rows(sql, [self._match(query, 0), *ids])}

    def words_like(self, word: str, *, limit: int) -> list[tuple[str, int]]:
        if len(word) < 3:
            return []
        sql = """
            SELECT w.word, w.freq
            FROM search_searchword_trgm g JOIN search_searchword w ON w.id = g.rowid
            WHERE search_searchword_trgm MATCH %s
            ORDER BY g.rank LIMIT %s"""
        return [(str(w), int(f)) for w, f in self._rows(sql, [_trigram_expression(word), limit])]

    def _prefix_condition(self, column: str = "t.folded") -> str:
        return f"{column} >= %s AND {column} < %s"
