"""HTML tables as GFM tables, as the wikitext converter writes them.

The first row is the header when it has header cells (otherwise the header row is left empty),
row and column spans are expanded into empty cells, columns left empty (images) are dropped, line
breaks in cells become ``<br>``, and a caption becomes a bold line above. Nested tables are
flattened into their cells' text by the cell converter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from cyclopedia.formats.wikihtml.tree import tag

MAX_COLUMNS = 50
MAX_SPAN = 50
MAX_ROWS = 5000


@dataclass
class _Cell:
    text: str
    colspan: int
    rowspan: int
    header: bool


def rows_of(table: HtmlElement) -> Iterator[HtmlElement]:
    """The table's own rows (not those of tables nested in its cells)."""
    for child in table:
        name = tag(child)
        if name == "tr":
            yield child
        elif name in ("thead", "tbody", "tfoot"):
            yield from (row for row in child if tag(row) == "tr")


def cells_of(row: HtmlElement) -> list[HtmlElement]:
    return [cell for cell in row if tag(cell) in ("td", "th")]


def caption_of(table: HtmlElement) -> HtmlElement | None:
    return next((child for child in table if tag(child) == "caption"), None)


def _span(cell: HtmlElement, name: str) -> int:
    value = (cell.get(name) or "").strip()
    return max(1, min(MAX_SPAN, int(value))) if value.isdigit() else 1


def _grid(rows: list[list[_Cell]]) -> list[list[str]]:
    grid: list[list[str]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan above
    for row in rows:
        out: list[str] = []
        column = 0
        cells = iter(row)
        while column < MAX_COLUMNS:
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
        grid.append(out[:MAX_COLUMNS])
    return grid


def cell_markdown(text: str) -> str:
    """A cell's inline Markdown on one line: breaks as ``<br>``, pipes escaped for GFM."""
    text = "<br>".join(part.strip() for part in text.strip().split("\n") if part.strip())
    return text.replace("|", "\\|") or " "


def grid_markdown(grid: list[list[str]], *, header: bool, caption: str = "") -> str:
    """A GFM table of rows of cell texts; without ``header`` the header row is left empty."""
    width = max((len(row) for row in grid), default=0)
    if width == 0:
        return ""
    if not header:
        grid = [[""] * width, *grid]
    grid = [row + [""] * (width - len(row)) for row in grid]
    kept = [c for c in range(width) if any(row[c].strip() for row in grid)]
    if not kept:
        return ""
    grid = [[row[c] for c in kept] for row in grid]  # columns of images only are gone
    lines = []
    if caption.strip():
        lines.extend([f"**{caption.strip()}**", ""])
    for index, row in enumerate(grid):
        lines.append("| " + " | ".join(cell_markdown(text) for text in row) + " |")
        if index == 0:
            lines.append("|" + "---|" * len(kept))
    return "\n".join(lines)


def table_markdown(
    table: HtmlElement,
    cell: Callable[[HtmlElement], str],
    caption: Callable[[HtmlElement], str],
) -> str:
    """A GFM table (with a bold caption line) for an HTML table, or "" when it is empty."""
    rows: list[list[_Cell]] = []
    for row in rows_of(table):
        cells = [
            _Cell(cell(c), _span(c, "colspan"), _span(c, "rowspan"), header=tag(c) == "th")
            for c in cells_of(row)
        ]
        if cells:
            rows.append(cells)
        if len(rows) >= MAX_ROWS:
            break
    title = caption_of(table)
    header = bool(rows) and all(c.header for c in rows[0])
    return grid_markdown(
        _grid(rows), header=header, caption=caption(title) if title is not None else ""
    )
