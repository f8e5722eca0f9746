"""Snippets: a few lines of an article's text around the first place the query's words are,
with those words marked; made here, the same on every database.

The database's own snippet functions (FTS5's ``snippet()``, PostgreSQL's ``ts_headline``) parse
each whole body; here a body is folded character for character (case and diacritics, so that
positions stay those of the text) and searched with one regular expression, which costs a
fraction of that. A body in which none of the words is found (they matched in the title, the
names or the infobox) gives its beginning.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from cyclopedia.apps.search.folding import (
    BASE_LETTERS,
    MARK_END,
    MARK_START,
    fold,
    normalize_apostrophes,
)
from cyclopedia.apps.search.query import ParsedQuery

# What is read of a body, and how much is shown: about 28 words.
SCAN_CHARS = 100_000
BEFORE_CHARS = 60
WINDOW_CHARS = 200
ELLIPSIS = "…"


# Past this, a body is not folded to look for a match (its beginning is shown instead).
FOLD_CHARS = 20_000
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One lower-case character without its diacritics, as one character (else itself)."""
    base = unicodedata.normalize("NFD", ch)[0].translate(BASE_LETTERS)
    return base if len(base) == 1 else ch


def fold_in_place(text: str) -> str:
    """The text in lower case without diacritics, every character where it was."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is two (İ): keep the case
        lowered = text
    if lowered.isascii():
        return lowered
    for ch in set(_NON_ASCII.findall(lowered)):
        lowered = lowered.replace(ch, _fold_char(ch))
    return lowered


def _spelled(word: str) -> str:
    """A word as an expression that also takes it written with apostrophes (asaib: Asa'ib)."""
    return "'?".join(re.escape(letter) for letter in word)


def pattern(query: ParsedQuery) -> re.Pattern[str] | None:
    """The query's words as one expression over folded text (prefix words as prefixes)."""
    alternatives = set()
    for group in query.groups:
        for term in group:
            for index, word in enumerate(term.words):
                folded = fold(word).replace(" ", "")
                if not folded:
                    continue
                prefix = term.prefix and index == len(term.words) - 1
                alternatives.add(_spelled(folded) + (r"[^\W_]*" if prefix else ""))
    if not alternatives:
        return None
    ordered = sorted(alternatives, key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(ordered) + r")(?![^\W_])")


def _first(text: str, found: re.Pattern[str]) -> int:
    """Where the first match is: looked for in the text as it is, case aside (fast), then in
    the text folded (diacritics aside), only when that finds nothing."""
    plain = re.compile(found.pattern, re.IGNORECASE).search(text)
    if plain is not None:
        return plain.start()
    if text.isascii():
        return -1
    folded = found.search(fold_in_place(text[:FOLD_CHARS]))
    return folded.start() if folded is not None else -1


def snippet(text: str, found: re.Pattern[str] | None) -> str:
    """A window of ``text`` around the first match of ``found``, matches marked."""
    original = text[:SCAN_CHARS]
    text = normalize_apostrophes(original)  # the same length: one character for one
    first = _first(text, found) if found is not None else -1
    start = 0
    if first > BEFORE_CHARS:
        start = text.rfind(" ", 0, first - BEFORE_CHARS) + 1
    end = min(len(text), start + WINDOW_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window, shown = text[start:end], original[start:end]
    pieces = [ELLIPSIS if start else ""]
    at = 0
    if found is not None:
        for match in found.finditer(fold_in_place(window)):
            pieces += [shown[at : match.start()], MARK_START, shown[match.start() : match.end()]]
            pieces.append(MARK_END)
            at = match.end()
    pieces.append(shown[at:])
    if end < len(text):
        pieces.append(ELLIPSIS)
    return "".join(pieces)


def snippets(bodies: dict[int, str], *, query: ParsedQuery) -> dict[int, str]:
    found = pattern(query)
    return {article_id: snippet(body, found) for article_id, body in bodies.items()}
