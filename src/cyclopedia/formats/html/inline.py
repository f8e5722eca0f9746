"""Running text being written as Markdown: text runs escaped so that they stay text, Markdown
written here, and hard line breaks.

Adjacent text runs are merged before they are escaped, so that escaping sees them whole ("1"
and ". x" side by side would otherwise make a list item), and emphasis is only written where
Markdown reads its delimiters as such (not next to punctuation or space inside them).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from cyclopedia.document.markup import escape_text

_SPACE = re.compile(r"\s+")
_BACKTICKS = re.compile(r"`+")


def _is_edge_safe(char: str) -> bool:
    """Whether emphasis delimiters next to this character are read as delimiters."""
    return not (char.isspace() or unicodedata.category(char)[0] in "PS")


def code_span(text: str) -> str:
    text = _SPACE.sub(" ", text)
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _escape_inline(text: str) -> str:
    """A run of text (whitespace already collapsed) escaped, its edge spaces kept."""
    core = text.strip()
    if not core:
        return " " if text else ""
    lead = " " if text[0] == " " else ""
    trail = " " if text[-1] == " " else ""
    return lead + escape_text(core) + trail


@dataclass
class Inline:
    """Inline content being assembled: text (escaped at the end, adjacent runs merged first so
    that escaping sees them whole), Markdown written here, and line breaks."""

    parts: list[tuple[str, str]] = field(default_factory=list)

    def text(self, text: str | None) -> None:
        if text:
            self.parts.append(("text", text))

    def markup(self, markdown: str) -> None:
        if markdown:
            self.parts.append(("markup", markdown))

    def line_break(self) -> None:
        self.parts.append(("break", ""))

    def render(self, *, breaks: bool = True) -> str:
        merged: list[tuple[str, str]] = []
        for kind, value in self.parts:
            if kind == "break" and not breaks:
                kind, value = "text", " "
            if merged and kind == merged[-1][0] and kind in ("text", "break"):
                merged[-1] = (kind, merged[-1][1] + value)
            else:
                merged.append((kind, value))
        # A break at either end says nothing.
        while merged and _says_nothing(merged[-1]):
            merged.pop()
        while merged and _says_nothing(merged[0]):
            merged.pop(0)
        out: list[str] = []
        for kind, value in merged:
            if kind == "text":
                out.append(_escape_inline(_SPACE.sub(" ", value)))
            elif kind == "markup":
                out.append(value)
            else:
                out.append("\\\n")
        lines = [line.strip() for line in "".join(out).split("\n")]
        # A line that is only a break (between two breaks) says nothing either.
        return "\n".join(line for line in lines if line and line != "\\")


def spaces_around(inner: Inline, run: Inline, markdown: str) -> None:
    """Markup for ``inner`` into ``run``, with the spaces at inner's edges kept outside it."""
    texts = [value for kind, value in inner.parts if kind == "text"]
    if inner.parts and inner.parts[0][0] == "text" and texts[0][:1].isspace():
        run.text(" ")
    run.markup(markdown)
    if inner.parts and inner.parts[-1][0] == "text" and texts[-1][-1:].isspace():
        run.text(" ")


def _says_nothing(part: tuple[str, str]) -> bool:
    kind, value = part
    return kind == "break" or (kind == "text" and not value.strip())


def wrappable(markdown: str) -> bool:
    return bool(markdown) and _is_edge_safe(markdown[0]) and _is_edge_safe(markdown[-1])
