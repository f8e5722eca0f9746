"""Search on SQLite: FTS5 with BM25 ranking and ``snippet()``; trigram tables for typos."""

from __future__ import annotations

from cyclopedia.apps.search.backends.base import (
    Filters,
    Hit,
    HitPage,
    SearchBackend,
    TitleCandidate,
)
from cyclopedia.apps.search.folding import MARK_END, MARK_START
from cyclopedia.apps.search.query import ParsedQuery, Term

# Column weights of search_fts: title, aliases, meta (infobox, categories), body, extra.
_BM25 = "bm25(search_fts, 10.0, 6.0, 2.0, 1.0, 1.0)"
_SNIPPET_TOKENS = 28
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


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"

    def search(self, query: ParsedQuery, filters: Filters, *, offset: int, limit: int) -> HitPage:
        joins, condition, params = self._filter_sql("f.rowid", filters)
        # Rank every match (and count them in the same pass), keep one page...
        sql = f"""
            SELECT id, score, tier, count(*) OVER () AS total FROM (
                SELECT f.rowid AS id, {_BM25} AS score, {self._tier_sql("f.rowid")} AS tier
                FROM search_fts f {joins}
                WHERE search_fts MATCH %s {condition}
            )
            ORDER BY tier, score, id
            LIMIT %s OFFSET %s"""
        match = match_expression(query)
        rows = self._rows(sql, [*self._tier_params(query), match, *params, limit, offset])
        if not rows:
            total = self.count(query, filters) if offset else 0
            return HitPage(hits=[], total=total)
        # ...then make snippets for that page only: snippet() reads and tokenizes a whole body.
        ids = [int(row[0]) for row in rows]
        marks = ", ".join(["%s"] * len(ids))
        snippets = dict(
            self._rows(
                f"""SELECT rowid, snippet(search_fts, 3, %s, %s, '…', {_SNIPPET_TOKENS})
                    FROM search_fts WHERE search_fts MATCH %s AND rowid IN ({marks})""",
                [MARK_START, MARK_END, match, *ids],
            )
        )
        hits = [
            Hit(
                article_id=int(row[0]),
                score=-float(row[1]),
                snippet=str(snippets.get(row[0], "")),
                tier=int(row[2]),
            )
            for row in rows
        ]
        return HitPage(hits=hits, total=int(rows[0][3]))

    def count(self, query: ParsedQuery, filters: Filters) -> int:
        joins, condition, params = self._filter_sql("f.rowid", filters)
        sql = f"SELECT count(*) FROM search_fts f {joins} WHERE search_fts MATCH %s {condition}"
        return int(self._rows(sql, [match_expression(query), *params])[0][0])

    def titles_like(self, folded: str, *, limit: int) -> list[TitleCandidate]:
        if len(folded) < 3:
            return []
        sql = """
            SELECT t.article_id, t.title, t.folded, t.kind, t.importance
            FROM search_searchtitle_trgm g JOIN search_searchtitle t ON t.id = g.rowid
            WHERE search_searchtitle_trgm MATCH %s
            ORDER BY g.rank LIMIT %s"""
        rows = self._rows(sql, [_trigram_expression(folded), limit])
        return [TitleCandidate(*row) for row in rows]

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
