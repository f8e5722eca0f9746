"""The query language readers type, parsed into terms that every backend compiles safely.

- ``words`` must all be found (AND);
- ``"a phrase"`` is found as written (an unclosed quote runs to the end of the query);
- ``-word`` and ``-"a phrase"`` exclude;
- ``a OR b`` (capital OR) finds either;
- ``pref*`` finds words starting with ``pref`` (two letters at least).

Everything else is text: parentheses, ``NEAR(``, ``^``, ``:``, ``+`` and the like never reach a
database as syntax, because a term holds only letters and digits once parsed. Long queries are
cut to :data:`MAX_QUERY_CHARS` characters and :data:`MAX_TERMS` terms, and the parse says so.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from cyclopedia.apps.search.folding import fold, normalize_apostrophes

MAX_QUERY_CHARS = 300
MAX_TERMS = 12
MIN_PREFIX_CHARS = 2

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_TOKEN = re.compile(
    r"""
    (?P<neg>-)?
    (?:
        "(?P<phrase>[^"]*)(?:"|$)      # a phrase; an unclosed one runs to the end
      | (?P<bare>[^\s"]+)              # anything else up to a space or a quote
    )
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Term:
    """Words to find next to each other (one word, a hyphenated word, or a phrase).

    ``joined`` is the same text with its apostrophes taken out (``asa'ib`` → ``asaib``), an
    alternative spelling searched for as well, or empty.
    """

    words: tuple[str, ...]
    prefix: bool = False
    joined: str = ""


@dataclass(frozen=True)
class ParsedQuery:
    """A query as terms: every group must match (one of its terms), no excluded term may."""

    text: str
    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    notices: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        """Nothing to look for (no words, or only exclusions)."""
        return not self.groups

    @property
    def folded(self) -> str:
        """The query's words as titles are compared (for exact and prefix title matches)."""
        return fold(
            " ".join(term.joined or " ".join(term.words) for group in self.groups for term in group)
        )

    def words(self) -> list[str]:
        """Every word looked for, in order (not the excluded ones)."""
        return [word for group in self.groups for term in group for word in term.words]


def clean(raw: str) -> str:
    """The query text as searched: NFC, no control characters, apostrophes made one."""
    text = unicodedata.normalize("NFC", raw)
    text = normalize_apostrophes(text.replace("\x00", " "))
    return " ".join(text.split())


def _term(text: str, *, allow_prefix: bool) -> Term | None:
    prefix = allow_prefix and text.endswith("*")
    found = _WORD.findall(text)
    if not found:
        return None
    parts = tuple(part for word in found for part in word.lower().split("'"))
    if prefix and len(parts[-1]) < MIN_PREFIX_CHARS:
        prefix = False  # "a*" would list half the index: read it as the word "a"
    joined = ""
    if any("'" in word for word in found):
        joined = " ".join(word.lower().replace("'", "") for word in found)
    return Term(words=parts, prefix=prefix, joined=joined)


def parse(raw: str) -> ParsedQuery:
    """Parse what a reader typed. Never raises: whatever the input, the result is safe to run."""
    notices: list[str] = []
    text = clean(raw)
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0] or text[:MAX_QUERY_CHARS]
        notices.append(f"Only the first {MAX_QUERY_CHARS} characters of the query were used.")
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    count = 0
    for match in _TOKEN.finditer(text):
        phrase, bare, negated = match["phrase"], match["bare"], bool(match["neg"])
        if bare == "OR" and not negated:
            join_next = bool(groups)
            continue
        term = (
            _term(phrase, allow_prefix=False)
            if phrase is not None
            else _term(bare or "", allow_prefix=True)
        )
        if term is None:
            join_next = False
            continue
        count += 1
        if count > MAX_TERMS:
            notices.append(f"Only the first {MAX_TERMS} terms of the query were used.")
            break
        if negated:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return ParsedQuery(
        text=text,
        groups=tuple(tuple(group) for group in groups),
        excluded=tuple(excluded),
        notices=tuple(notices),
    )
