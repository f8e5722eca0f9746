"""Wikitext tables as GFM tables.

Every table becomes a GFM table: its first row is the header when it has header cells (``!``;
otherwise the header row is left empty), row and column spans are expanded into empty cells,
columns left empty (images) are dropped, line breaks in cells become ``<br>``, and a caption
becomes a bold line above. A table inside a cell is flattened: each row a line, its cells
apart (:func:`table_text`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mwparserfromhell.nodes import Tag
from mwparserfromhell.wikicode import Wikicode

from cyclopedia.formats.mediawiki.wikitext.parsing import parse

MAX_COLUMNS = 50
MAX_SPAN = 50


@dataclass
class _Cell:
    text: str
    colspan: int
    rowspan: int
    header: bool = False


def _span(tag: Tag, name: str) -> int:
    if not tag.has(name):
        return 1
    value = str(tag.get(name).value).strip().strip("\"'")
    return max(1, min(MAX_SPAN, int(value))) if value.isdigit() else 1


def _rows(table: Tag, inline: Callable[[Wikicode], str]) -> tuple[str, list[list[_Cell]]]:
    caption = ""
    rows: list[list[_Cell]] = []
    implicit: list[_Cell] = []
    for node in table.contents.nodes:
        if not isinstance(node, Tag):
            continue
        tag = str(node.tag).lower()
        if tag == "caption":
            caption = inline(node.contents)
        elif tag == "tr":
            cells = [
                _Cell(
                    inline(cell.contents),
                    _span(cell, "colspan"),
                    _span(cell, "rowspan"),
                    header=str(cell.tag).lower() == "th",
                )
                for cell in node.contents.nodes
                if isinstance(cell, Tag) and str(cell.tag).lower() in ("td", "th")
            ]
            if implicit:
                rows.append(implicit)
                implicit = []
            if cells:
                rows.append(cells)
        elif tag == "td" and not rows and not implicit and _is_caption(node):
            # "|+ Caption": mwparserfromhell reads it as a cell whose text starts with "+".
            caption = inline(parse(str(node.contents).lstrip()[1:]))
        elif tag in ("td", "th"):  # cells before the first "|-"
            cell = _Cell(inline(node.contents), _span(node, "colspan"), 1, header=tag == "th")
            implicit.append(cell)
    if implicit:
        rows.insert(0, implicit)
    return caption, rows


def _is_caption(cell: Tag) -> bool:
    return cell.contents is not None and str(cell.contents).lstrip().startswith("+")


def _grid(rows: list[list[_Cell]]) -> list[list[str]]:
    grid: list[list[str]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan above
    for row in rows:
        out: list[str] = []
        column = 0
        cells = iter(row)
        while True:
            if pending.get(column, 0) > 0:
                pending[column] -= 1
                out.append("")
                column += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            for offset in range(cell.colspan):
                out.append(cell.text if offset == 0 else "")
                if cell.rowspan > 1:
                    pending[column + offset] = cell.rowspan - 1
            column += cell.colspan
            if column >= MAX_COLUMNS:
                break
        grid.append(out[:MAX_COLUMNS])
    return grid


def _cell(text: str) -> str:
    text = "<br>".join(part.strip() for part in text.strip().split("\n") if part.strip())
    return text.replace("|", "\\|") or " "


def table_text(table: Tag, inline: Callable[[Wikicode], str]) -> str:
    """A table where no table can be (in a table's cell, an infobox value): the caption and
    each row on a line of their own, the cells of a row apart ("2001 · Foo")."""
    caption, rows = _rows(table, inline)
    lines = [caption.strip()] if caption.strip() else []
    for row in rows:
        cells = [" ".join(cell.text.split()) for cell in row]
        line = " · ".join(cell for cell in cells if cell)
        if line:
            lines.append(line)
    return "\n".join(lines)


def table_markdown(table: Tag, inline: Callable[[Wikicode], str]) -> str:
    """A GFM table (with a bold caption line) for a wikitext table, or "" when it is empty."""
    caption, rows = _rows(table, inline)
    grid = _grid(rows)
    width = max((len(row) for row in grid), default=0)
    if width == 0:
        return ""
    if rows and not any(cell.header for cell in rows[0]):
        grid.insert(0, [""] * width)  # no header row in the source: an empty one
    grid = [row + [""] * (width - len(row)) for row in grid]
    kept = [c for c in range(width) if any(row[c].strip() for row in grid)]
    if not kept:
        return ""
    grid = [[row[c] for c in kept] for row in grid]  # columns of images only are gone
    width = len(kept)
    lines = []
    if caption.strip():
        lines.extend([f"**{caption.strip()}**", ""])
    for index, row in enumerate(grid):
        cells = [_cell(text) for text in row] + [" "] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)
