"""A page's blocks as lines with a kind, and the Markdown they make: the blank lines Markdown
needs between blocks of different kinds (a list or a table would otherwise swallow the paragraph
after it), list items at their depth, and no heading left over a section that lost everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MAX_LIST_DEPTH = 6


@dataclass
class Line:
    kind: str  # "text", "list", "heading", "block"
    text: str


def list_line(prefix: str, text: str) -> str:
    # Deeper levels are shown at the deepest one kept: Markdown renderers stop at a nesting
    # limit (markdown-it drops everything after it), and a taxonomy 15 levels deep reads as well.
    depth = min(len(prefix), MAX_LIST_DEPTH) - 1
    indent = "   " * depth
    last = prefix[-1]
    if last == "#":
        return f"{indent}1. {text}"
    if last == ";":
        return f"{indent}**{text}**" if text else ""
    if last == ":" and set(prefix) == {":"}:
        return text  # indentation only: a paragraph
    return f"{indent}- {text}"


def _heading_level(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip("#")) if line.kind == "heading" else 0


def _without_empty_sections(lines: list[Line]) -> list[Line]:
    """Headings whose section has nothing left (its content was a reference list, a navbox or
    links to other wikis, all dropped) are dropped too, innermost first."""
    kept = [line for line in lines if line.kind == "blank" or line.text.strip()]
    changed = True
    while changed:
        changed = False
        for index, line in enumerate(kept):
            level = _heading_level(line)
            if not level:
                continue
            following = next((n for n in kept[index + 1 :] if n.kind != "blank"), None)
            if following is None or 0 < _heading_level(following) <= level:
                del kept[index]
                changed = True
                break
    return kept


def assemble(lines: Iterable[Line]) -> str:
    """Lines with the blank lines Markdown needs between blocks of different kinds."""
    lines = _without_empty_sections(list(lines))
    out: list[str] = []
    previous = "blank"
    for line in lines:
        if line.kind == "blank":
            if out and out[-1] != "":
                out.append("")
            previous = "blank"
            continue
        if not line.text.strip():
            continue
        separate = previous != "blank" and (
            line.kind != previous or line.kind in ("heading", "block")
        )
        if separate and out and out[-1] != "":
            out.append("")
        out.append(line.text)
        previous = line.kind
    return "\n".join(out).strip("\n") + "\n"
