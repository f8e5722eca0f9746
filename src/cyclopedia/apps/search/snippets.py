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
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from cyclopedia.apps.search.folding import APOSTROPHES, BASE_LETTERS, MARK_END, MARK_START, fold
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


# Between the letters of a word: nothing, or one apostrophe of any kind (Asa'ib, Asaʿib: asaib).
_APOSTROPHE = "[" + re.escape(APOSTROPHES) + "]?"


def _spelled(word: str) -> str:
    """A word as an expression that also takes it written with apostrophes."""
    return _APOSTROPHE.join(re.escape(letter) for letter in word)


@dataclass(frozen=True, slots=True)
class Words:
    """The query's words as expressions over folded text and over text as written (case
    aside). No look-around: a match is checked for word boundaries after it is found, which
    lets the expression engine skip ahead to the first letter."""

    folded: re.Pattern[str]
    written: re.Pattern[str]

    def spans(
        self, text: str, *, folded: bool, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int]]:
        expression = self.folded if folded else self.written
        end = len(text) if end is None else end
        for match in expression.finditer(text, start, end):
            before, after = match.start() - 1, match.end()
            if before >= 0 and text[before].isalnum():
                continue
            if after < len(text) and text[after].isalnum():
                continue
            yield match.start(), match.end()


def pattern(query: ParsedQuery) -> Words | None:
    """The query's words (prefix words as prefixes)."""
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
    expression = "|".join(sorted(alternatives, key=len, reverse=True))
    return Words(re.compile(expression), re.compile(expression, re.IGNORECASE))


def _first(text: str, words: Words) -> int:
    """Where the first match is: looked for in the text as written, case aside (fast), then
    in the text folded (diacritics aside) only when that finds nothing."""
    for start, _end in words.spans(text, folded=False):
        return start
    if text.isascii():
        return -1
    for start, _end in words.spans(fold_in_place(text[:FOLD_CHARS]), folded=True):
        return start
    return -1


def snippet(text: str, words: Words | None) -> str:
    """A window of ``text`` around the first match of ``words``, matches marked."""
    text = text[:SCAN_CHARS]
    first = _first(text, words) if words is not None else -1
    start = 0
    if first > BEFORE_CHARS:
        start = text.rfind(" ", 0, first - BEFORE_CHARS) + 1
    end = min(len(text), start + WINDOW_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    pieces = [ELLIPSIS if start else ""]
    at = 0
    if words is not None:
        for match_start, match_end in words.spans(fold_in_place(window), folded=True):
            pieces += [window[at:match_start], MARK_START, window[match_start:match_end]]
            pieces.append(MARK_END)
            at = match_end
    pieces.append(window[at:])
    if end < len(text):
        pieces.append(ELLIPSIS)
    return "".join(pieces)


def snippets(bodies: dict[int, str], *, query: ParsedQuery) -> dict[int, str]:
    words = pattern(query)
    return {article_id: snippet(body, words) for article_id, body in bodies.items()}
