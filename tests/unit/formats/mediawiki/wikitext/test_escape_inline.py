"""escape_inline skips its regular expressions for text that has nothing they act on; the
result must be what scrubbing and escaping every piece of text gives."""

from __future__ import annotations

import string

from cyclopedia.document.markup import escape_text
from cyclopedia.formats.mediawiki.wikitext.markdown_text import escape_inline, scrub


def _escaped_the_long_way(text: str) -> str:
    text = scrub(text)
    if not text:
        return ""
    core = text.strip()
    if not core:
        return " "
    lead = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() else ""
    return lead + escape_text(" ".join(core.split())) + tail


_CHARACTERS = (
    string.printable
    + "\u00a0\u2009\u2028\u2029\u0085\x1c"  # spaces and line ends str.split() knows
    + "١٢³²⁴½ⅷ"  # digits of other scripts, superscripts, numerals: \d or isdigit() or neither
    + "ÉéßΩ中"
)
_SAMPLES = [
    "",
    " ",
    "\n",
    "\xa0",
    "plain text",
    "  spaced  out  ",
    "1. not a list",
    "1) nor this",
    "١. Arabic-Indic digit",
    "² superscript",
    "# not a heading",
    "- not an item",
    "+ nor this",
    "=== not an underline",
    "--- nor a rule",
    "'''bold''' left over",
    "''italic''",
    "a {{template}} and [[link]]",
    "<ref>x</ref> and <references/>",
    "{{!}} pipe",
    "a\rb\r\nc",
    "*emphasis* _under_ `code` <tag> &amp; ~strike~ |cell| \\back",
]


_TEXTS = (
    _SAMPLES
    + list(_CHARACTERS)
    + [f"{c}x" for c in _CHARACTERS]
    + [f" {c} y " for c in _CHARACTERS]
    + [f"{c}. z" for c in _CHARACTERS]
)


def test_escape_inline_is_scrubbing_and_escaping() -> None:
    differing = [text for text in _TEXTS if escape_inline(text) != _escaped_the_long_way(text)]
    assert differing == []
