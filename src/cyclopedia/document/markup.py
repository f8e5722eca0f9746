"""The Cyclopedia Markdown dialect's own syntax: citation markers and wiki links.

Cyclopedia Markdown is CommonMark + GFM tables + citation markers ``[^label]`` (pointing at
the Document's references) + wiki links ``[[Title]]`` / ``[[Title|label]]``. Readers that turn
plain text into Markdown use :func:`escape_text` so that text stays text.
"""

from __future__ import annotations

import re

CITATION_RE = re.compile(r"\[\^([^\]\s^\\]{1,64})\]")
WIKILINK_RE = re.compile(r"\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]*))?\]\]")
# A reference definition line in the editable source: "[^label]: text".
REFERENCE_DEFINITION_RE = re.compile(r"^\[\^([^\]\s^]{1,64})\]:[ \t]*(.*)$")

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&~|])")
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+](?=\s|$)|=+\s*$|-+\s*$|(\d{1,9})([.)])(?=\s|$))")


def citation(label: str) -> str:
    """The marker that cites the reference ``label``."""
    return f"[^{label}]"


_FENCED_CODE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


def _without_code(markdown: str) -> str:
    """Markdown with its code blocks and code spans blanked: markers there are text."""
    if "`" not in markdown and "~~~" not in markdown:
        return markdown  # no fence and no code span can start (most articles)
    return _CODE_SPAN.sub("", _FENCED_CODE.sub("", markdown))


def cited_labels(markdown: str) -> list[str]:
    """Reference labels cited in a piece of Markdown, in order of first appearance."""
    markdown = _without_code(markdown)
    seen: dict[str, None] = {}
    for match in CITATION_RE.finditer(markdown):
        start = match.start()
        while start > 0 and markdown[start - 1] == "\\":
            start -= 1
        if (match.start() - start) % 2:
            continue  # "\[^1]": an escaped bracket is text, not a marker
        seen.setdefault(match.group(1), None)
    return list(seen)


_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape_text(markdown: str) -> str:
    """The text of backslash-escaped Markdown: every ``\\x`` of ASCII punctuation as ``x``."""
    return _BACKSLASH_ESCAPE.sub(r"\1", markdown)


def escape_text(text: str) -> str:
    """Plain text as Cyclopedia Markdown that renders back to exactly that text.

    Inline punctuation that Markdown would read as syntax (emphasis, links, code, raw HTML,
    entities, tables, strikethrough) is backslash-escaped, and so is whatever would start a block
    (heading, quote, list, setext underline) at the beginning of a line.
    """
    lines = []
    # CommonMark ends a line at "\r" as well as "\n": split the same way, or a line after a lone
    # "\r" would escape nothing and could start a heading or a list.
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        # Leading spaces would make an indented code block, trailing ones a hard line break.
        line = _INLINE_SPECIAL.sub(r"\\\1", raw.strip())
        match = _BLOCK_START.match(line)
        if match:
            # "1." or "1)": escape the delimiter; anything else: escape the marker itself.
            marker = (
                f"{match.group(2)}\\{match.group(3)}" if match.group(2) else "\\" + match.group(1)
            )
            line = marker + line[match.end() :]
        lines.append(line)
    return "\n".join(lines)
