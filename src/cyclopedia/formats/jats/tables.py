"""JATS tables (XHTML-like ``table`` inside ``table-wrap``) as GFM tables where they fit, else as
sanitisable HTML table structure around Markdown cells.

A table fits GFM when no cell spans rows or columns and it has at most one header row (``thead``
with one row, or a first row of ``th`` cells; without either the GFM header row is left empty).
Otherwise it is written as ``<table>`` markup with only ``colspan``/``rowspan`` attributes, each
non-empty cell's content a Markdown paragraph between blank lines, so that emphasis, links and
citation markers inside cells still work (CommonMark reads Markdown between HTML block lines).
Cell content with paragraphs or lists is flattened into one line with ``<br>`` between blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from cyclopedia.formats.jats.inline import Context, flat
from cyclopedia.formats.jats.markup import line_start

MAX_COLUMNS = 60
MAX_ROWS = 5000
MAX_SPAN = 60


@dataclass
class _Cell:
    markdown: str
    header: bool
    colspan: int = 1
    rowspan: int = 1


def _span(cell: etree._Element, name: str) -> int:
    value = (cell.get(name) or "").strip()
    return max(1, min(MAX_SPAN, int(value))) if value.isdigit() else 1


def _rows(table: etree._Element, ctx: Context) -> tuple[list[list[_Cell]], int]:
    """The rows of a table in order, and how many of them are in its ``thead``."""
    rows: list[list[_Cell]] = []
    head = 0
    for part in table:
        if part.tag in ("thead", "tbody", "tfoot"):
            trs = [tr for tr in part if tr.tag == "tr"]
        elif part.tag == "tr":
            trs = [part]
        else:
            continue
        for tr in trs:
            cells = [
                _Cell(
                    flat(cell, ctx),
                    header=cell.tag == "th" or part.tag == "thead",
                    colspan=_span(cell, "colspan"),
                    rowspan=_span(cell, "rowspan"),
                )
                for cell in tr
                if cell.tag in ("td", "th")
            ]
            rows.append(cells[:MAX_COLUMNS])
            if part.tag == "thead":
                head += 1
            if len(rows) >= MAX_ROWS:
                return rows, head
    return rows, head


def table_markdown(table: etree._Element, ctx: Context) -> str:
    """Markdown for one ``table`` element, or "" when it has no cells."""
    rows, head = _rows(table, ctx)
    rows = [row for row in rows if row]
    if not rows:
        return ""
    spans = any(cell.colspan > 1 or cell.rowspan > 1 for row in rows for cell in row)
    if spans or head > 1:
        if not head and all(cell.header for cell in rows[0]):
            head = 1
        return _html(rows, head)
    return _gfm(rows, has_header=head == 1 or all(cell.header for cell in rows[0]))


def _gfm(rows: list[list[_Cell]], *, has_header: bool) -> str:
    width = max(len(row) for row in rows)
    grid = [[cell.markdown for cell in row] + [""] * (width - len(row)) for row in rows]
    if not has_header:
        grid.insert(0, [""] * width)
    lines = []
    for index, row in enumerate(grid):
        lines.append("| " + " | ".join(cell or " " for cell in row) + " |")
        if index == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)


def _html(rows: list[list[_Cell]], head: int) -> str:
    lines = ["<table>"]
    for name, part in (("thead", rows[:head]), ("tbody", rows[head:])):
        if not part:
            continue
        lines.append(f"<{name}>")
        for row in part:
            lines.append("<tr>")
            lines.extend(_html_cell(cell) for cell in row)
            lines.append("</tr>")
        lines.append(f"</{name}>")
    lines.append("</table>")
    return "\n".join(lines)


def _html_cell(cell: _Cell) -> str:
    tag = "th" if cell.header else "td"
    attributes = "".join(
        f' {name}="{value}"'
        for name, value in (("colspan", cell.colspan), ("rowspan", cell.rowspan))
        if value > 1
    )
    if not cell.markdown:
        return f"<{tag}{attributes}></{tag}>"
    return f"<{tag}{attributes}>\n\n{line_start(cell.markdown)}\n\n</{tag}>"
