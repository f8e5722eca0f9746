"""Text from wikitext as inline Cyclopedia Markdown, and the small Markdown constructs the walk
writes: emphasis, code spans and fences, lines joined as line breaks, lists of words.

Text is escaped so that it stays text (:func:`escape_inline`), without the markup the parser
left as text because it could not read it (unbalanced ``{{``, ``[[``, ``<ref>``, quotes) and
without magic words (``__NOTOC__``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from cyclopedia.document.markup import escape_text

MAGIC_WORD = re.compile(r"__[A-Z]{2,30}__")
# Markup the parser left as text (unbalanced or malformed in the source): never shown to readers.
_LEFTOVER = re.compile(
    r"<ref\b[^>]*?/?>|</ref\s*>|<references\b[^>]*/?>|</references\s*>|\{\{!\}\}|"
    r"\{\{|\}\}|\[\[|\]\]|\{\||\|\}|'{5}|'{2,3}",
    re.IGNORECASE,
)
# The characters that _LEFTOVER's matches start with, and those escape_text escapes in a line.
_LEFTOVER_START = re.compile(r"[<{}\[\]|']")
_ESCAPED = re.compile(r"[\\`*_\[\]<>&~|]")


def scrub(text: str) -> str:
    """Text without the wiki markup the parser could not read. Three apostrophes keep one, as
    MediaWiki reads an unbalanced triple."""
    return _LEFTOVER.sub(lambda m: "'" if m.group(0) == "'" * 3 else "", text)


def without_magic_words(text: str) -> str:
    return MAGIC_WORD.sub("", text) if "__" in text else text


def escape_inline(text: str) -> str:
    """Escape text for inline use: like escape_text, but keeps the surrounding spaces.

    Most text has nothing to scrub or escape, and this runs for every piece of text (it was a
    fifth of the walk's time): the regular expressions run only when a character they act on is
    there. escape_text changes a line only at the characters of _ESCAPED or when it starts as a
    block would; a unit test holds the two to the same results."""
    if _LEFTOVER_START.search(text):
        text = scrub(text)
    return literal_inline(text)


def literal_inline(text: str) -> str:
    """Text shown as it is written, wiki markup included (``<nowiki>``), for inline use: its
    spaces collapsed, as a reader sees them, the surrounding ones kept."""
    if not text:
        return ""
    core = text.strip()
    if not core:
        return " "
    words = " ".join(core.split())
    if _ESCAPED.search(words) or words[0] in "#-+=" or words[0].isdigit():
        words = escape_text(words)
    lead = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() else ""
    return lead + words + tail


def _punctuation(char: str) -> bool:
    # CommonMark's punctuation (symbols included: when in doubt, the HTML form below is right).
    return unicodedata.category(char)[0] in "PS"


def _run_can_mark(edge: str, outside: str) -> bool:
    """Whether a ``*`` run between an emphasised text's ``edge`` character and the character
    ``outside`` it ("" at a line's end) opens or closes emphasis, by CommonMark's flanking
    rules: always, unless the edge is punctuation and outside is a letter or a digit."""
    return not _punctuation(edge) or not outside or outside.isspace() or _punctuation(outside)


def emphasis(marker: str, inner: str, *, before: str = "", after: str = "") -> str:
    """``inner`` emphasised (``*``) or strong (``**``). ``before`` and ``after``: the
    characters around it in the text ("" where a line starts or ends). Where a ``*`` run
    would not open or close there (an italic title ending in an apostrophe before an "s", a
    bold link inside Japanese text), HTML tags do it."""
    core = inner.strip()
    if not core:
        return inner
    lead = " " if inner[0].isspace() else ""
    tail = " " if inner[-1].isspace() else ""
    if _run_can_mark(core[0], lead or before) and _run_can_mark(core[-1], tail or after):
        return f"{lead}{marker}{core}{marker}{tail}"
    tag = "strong" if marker == "**" else "em"
    return f"{lead}<{tag}>{core}</{tag}>{tail}"


def code_span(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def fence(text: str) -> str:
    text = text.strip("\n")
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`{3,}", text)), default=0) + 1)
    return f"{fence}\n{text}\n{fence}"


def join_words(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def collapse_lines(text: str) -> str:
    if "\n" not in text:
        return text.strip()
    lines = [line.strip() for line in text.split("\n")]
    return "<br>".join(line for line in lines if line)
