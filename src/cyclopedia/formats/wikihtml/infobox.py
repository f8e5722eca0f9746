"""An infobox table of a rendered page as the Document's infobox: a title and label/value rows.

A row with a header cell and a data cell (or two data cells, as some infoboxes are written) is a
field; the caption, or a first row of one header cell, is the title; rows of one cell across the
box (images, their captions, section headings such as "Personal information") are not fields,
except a heading with one such row below it ("Summer Games" / "1896 · 1900 · ..."), and the rows
of a table nested in such a row (some infoboxes nest their rows that way).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml.html import HtmlElement

from cyclopedia.formats.wikihtml.references import is_marker
from cyclopedia.formats.wikihtml.tables import caption_of, cells_of, rows_of
from cyclopedia.formats.wikihtml.tree import classes, squash, tag

INFOBOX_CLASSES = {"infobox", "infobox_v2", "infobox_v3", "biota", "taxobox", "sinottico"}
MAX_LABEL_CHARS = 120
MAX_NESTING = 3
_BLOCKS = {"div", "p", "ul", "ol", "li", "table", "tr", "dl", "dt", "dd"}


def is_infobox(element: HtmlElement) -> bool:
    return tag(element) == "table" and bool(classes(element) & INFOBOX_CLASSES)


def plain_text(element: HtmlElement) -> str:
    """An element's text without its citation markers; its line breaks and blocks as "\\n",
    other whitespace runs as single spaces."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            name = tag(child)
            if name == "br" or name in _BLOCKS:
                parts.append("\n")
            if not is_marker(child):
                walk(child)
            if name in _BLOCKS:
                parts.append("\n")
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lines = (squash(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def label_text(cell: HtmlElement) -> str:
    label = " ".join(plain_text(cell).split("\n")).rstrip(":： ").strip()
    return label if len(label) <= MAX_LABEL_CHARS else ""


def infobox_rows(
    table: HtmlElement,
) -> tuple[str | None, Iterator[tuple[str, HtmlElement]]]:
    """The title of an infobox table and its (label, value cell) rows."""
    caption = caption_of(table)
    title = _first_line(plain_text(caption)) if caption is not None else ""
    rows = list(rows_of(table))
    if not title and rows:
        first = cells_of(rows[0])
        if len(first) == 1 and tag(first[0]) == "th":
            title = _first_line(plain_text(first[0]))
            rows = rows[1:]
    return title or None, _fields(rows, 0)


def _fields(rows: list[HtmlElement], depth: int) -> Iterator[tuple[str, HtmlElement]]:
    """(label, value cell) of rows: a header cell and a data cell; a heading across the box and
    the row across it below ("Summer Games" / "1896 1900 ..."); the rows of a table nested in
    a row across the box."""
    heading = ""
    for row in rows:
        cells = cells_of(row)
        while len(cells) > 2 and not any(ch.isalnum() for ch in plain_text(cells[0])):
            cells = cells[1:]  # a bullet cell before the label: " - Monarch | Elizabeth II"
        if len(cells) >= 2:
            heading = ""
            label = label_text(cells[0])
            if label:
                yield label, cells[1]
            continue
        if len(cells) != 1:
            continue
        cell = cells[0]
        nested = next((table for table in cell.iter("table") if table is not cell), None)
        if nested is not None and depth < MAX_NESTING:
            heading = ""
            yield from _fields(list(rows_of(nested)), depth + 1)
        elif tag(cell) == "th":
            heading = label_text(cell)
        elif heading:
            yield heading, cell
            heading = ""


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0]


def value_lines(value: str) -> str:
    """An infobox value with its line breaks as lines, each trimmed, none empty."""
    lines = (squash(line) for line in value.split("\n"))
    return "\n".join(line for line in lines if line)


def infobox_fields(
    table: HtmlElement, value: Callable[[HtmlElement], str]
) -> tuple[str | None, list[tuple[str, str]]]:
    """The title and the (label, inline Markdown value) fields of an infobox table."""
    title, rows = infobox_rows(table)
    fields = []
    for label, cell in rows:
        text = value_lines(value(cell))
        if text:
            fields.append((label, text))
    return title, fields
