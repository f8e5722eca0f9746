"""The content of a rendered wiki page as Cyclopedia Markdown, its infobox and its references.

The tree is cleaned first (:mod:`.clean`: chrome, media and anything unsafe go), the reference
lists are taken out (:mod:`.references`), the first infobox becomes the Document's infobox
(:mod:`.infobox`), and the rest is walked: block elements become Markdown blocks (headings,
paragraphs, lists, quotations, code, GFM tables, hatnotes), inline elements become inline Markdown
(emphasis, wiki links, external links, citation markers, ``<sup>``/``<sub>``), and text is escaped
so that it stays text. No attribute of the page is ever copied into the Markdown: what is not
written from text by this module does not reach the Document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from cyclopedia.document import Infobox, InfoboxField, Reference
from cyclopedia.document.markup import unescape_text
from cyclopedia.formats.wikihtml.clean import clean
from cyclopedia.formats.wikihtml.infobox import infobox_fields, is_infobox
from cyclopedia.formats.wikihtml.links import LinkBase, Target, article_target, resolve
from cyclopedia.formats.wikihtml.references import References, is_marker
from cyclopedia.formats.wikihtml.tables import (
    cells_of,
    grid_markdown,
    rows_of,
    table_markdown,
)
from cyclopedia.formats.wikihtml.tree import classes, squash, tag

MAX_LIST_DEPTH = 6
MAX_DEPTH = 80  # deeper than this, an element's text is taken as it is
HEADINGS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div",
    "dl", "dt", "header", "hgroup", "hr", "html", "li", "main", "ol", "p", "pre", "section",
    "summary", "table", "ul", *HEADINGS,
}  # fmt: skip
HATNOTE_CLASSES = {"hatnote", "dablink", "rellink"}
BREAK = "<br>"
_SPACES = re.compile(r"\s+")
_SPACE_RUN = re.compile(r" {2,}")
_BREAK_RUN = re.compile(r"(?:\s*<br>\s*)+")
_LINK_UNSAFE = re.compile(r"[\[\]|]")
# As document/markup.py escapes text: inline punctuation anywhere, block markers at line starts
# only (text pieces between links are escaped inline; each line once assembled).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&~|])")
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+](?=\s|$)|=+\s*$|-+\s*$|(\d{1,9})([.)])(?=\s|$))")


def escape_inline(text: str) -> str:
    """Plain text as inline Markdown (block markers are escaped where lines start: _tidy)."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def _safe_line(line: str) -> str:
    """A line of Markdown that does not start a block: a leading "#", "-", "1." escaped."""
    match = _BLOCK_START.match(line)
    if not match:
        return line
    marker = f"{match.group(2)}\\{match.group(3)}" if match.group(2) else "\\" + match.group(1)
    return marker + line[match.end() :]


@dataclass(frozen=True, slots=True)
class Conversion:
    body: str
    infobox: Infobox | None
    references: tuple[Reference, ...]


@dataclass(frozen=True, slots=True)
class _Block:
    text: str
    level: int = 0  # a heading's level; 0 for any other block


def _emphasis(marker: str, inner: str) -> str:
    """``inner`` emphasised, line by line (a value's lines are separate), spaces outside."""
    out = []
    for line in inner.split("\n"):
        core = line.strip()
        if not core:
            out.append(line)
            continue
        lead = " " if line[0].isspace() else ""
        tail = " " if line[-1].isspace() else ""
        out.append(f"{lead}{marker}{core}{marker}{tail}")
    return "\n".join(out)


def _code(text: str) -> str:
    text = squash(text)
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _fence(text: str) -> str:
    text = text.strip("\n")
    if not text.strip():
        return ""
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`{3,}", text)), default=0) + 1)
    return f"{fence}\n{text}\n{fence}"


def _tidy(text: str, breaks: str) -> str:
    """Inline Markdown with runs of spaces and of breaks made single, none at either end."""
    if breaks == BREAK:
        text = _BREAK_RUN.sub(BREAK, text)
        text = text.strip()
        while text.startswith(BREAK):
            text = text[len(BREAK) :].strip()
        while text.endswith(BREAK):
            text = text[: -len(BREAK)].strip()
    lines = (_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(_safe_line(line) for line in lines if line)


class _Converter:
    def __init__(self, base: LinkBase, references: References) -> None:
        self.base = base
        self.references = references
        self.infobox: Infobox | None = None
        self.in_link = False
        self.in_reference = False
        self.reference_url: str | None = None

    # Text ----------------------------------------------------------------------------------

    def text(self, raw: str) -> str:
        """Text as inline Markdown: whitespace runs as one space (kept at either end), escaped."""
        if self.in_link:
            raw = _LINK_UNSAFE.sub("", raw)
        collapsed = _SPACES.sub(" ", raw)
        core = collapsed.strip()
        if not core:
            return " " if collapsed else ""
        lead = " " if collapsed[0] == " " else ""
        tail = " " if collapsed[-1] == " " else ""
        return lead + escape_inline(core) + tail

    # Inline level --------------------------------------------------------------------------

    def inline(
        self, element: HtmlElement, breaks: str, depth: int, skip_lists: bool = False
    ) -> str:
        """The inline Markdown of an element's content (not of its tail)."""
        if depth > MAX_DEPTH:
            return self.text(element.text_content())
        parts = [self.text(element.text)] if element.text else []
        for child in element:
            if not (skip_lists and tag(child) in ("ul", "ol", "dl")):
                parts.append(self.inline_element(child, breaks, depth + 1))
            if child.tail:
                parts.append(self.text(child.tail))
        return "".join(parts)

    def inline_element(self, element: HtmlElement, breaks: str, depth: int) -> str:
        name = tag(element)
        if is_marker(element):
            if self.in_link or self.in_reference:
                return ""
            return self.references.marker(element)
        if name == "a":
            return self.link(element, breaks, depth)
        if name == "br":
            return breaks
        if name in ("code", "tt", "kbd", "samp"):
            return _code(element.text_content())
        if name == "table":
            return self.inline_table(element, breaks, depth)
        inner = self.inline(element, breaks, depth)
        if name in ("b", "strong"):
            return _emphasis("**", inner)
        if name in ("i", "em", "var", "dfn"):
            return _emphasis("*", inner)
        if name in ("s", "del", "strike"):
            return _emphasis("~~", inner)
        if name in ("sup", "sub"):
            core = inner.strip()
            return f"<{name}>{core}</{name}>" if core else ""
        if name == "q":
            return f"“{inner.strip()}”" if inner.strip() else ""
        if name in BLOCK_TAGS:
            return f"{breaks}{inner}{breaks}"  # a block inside a paragraph, a cell or a value
        return inner

    def inline_table(self, table: HtmlElement, breaks: str, depth: int) -> str:
        """A table inside a cell or a value, flattened: a row a line, cells apart by spaces."""
        lines = []
        for row in rows_of(table):
            cells = [self.inline(cell, " ", depth + 1).strip() for cell in cells_of(row)]
            line = " ".join(cell for cell in cells if cell)
            if line:
                lines.append(line)
        return breaks + breaks.join(lines) + breaks if lines else ""

    def link(self, element: HtmlElement, breaks: str, depth: int) -> str:
        href = element.get("href") or ""
        target = resolve(href, self.base)
        if self.in_link:  # a link inside a link: its text only
            return self.inline(element, breaks, depth)
        self.in_link = True
        try:
            label = _tidy(self.inline(element, " ", depth), " ")
        finally:
            self.in_link = False
        if target.kind == "article":
            named = element.get("title") or ""
            if named and "redlink=1" not in href and "action=edit" not in href:
                by_title = article_target(named)
                if by_title.kind == "article":
                    target = Target("article", by_title.value)
            if not label:
                return ""
            if unescape_text(label) == target.value:
                return f"[[{target.value}]]"
            return f"[[{target.value}|{label}]]"
        if target.kind == "external" and label:
            if self.in_reference and self.reference_url is None:
                self.reference_url = target.value
                return label
            return f"[{label}]({target.value})"
        return label

    # Block level ---------------------------------------------------------------------------

    def blocks(self, element: HtmlElement, depth: int) -> list[_Block]:
        """The Markdown blocks of a container's content."""
        if depth > MAX_DEPTH:
            text = _tidy(self.text(element.text_content()), BREAK)
            return [_Block(text)] if text else []
        out: list[_Block] = []
        run: list[str] = [self.text(element.text)] if element.text else []

        def flush() -> None:
            text = _tidy("".join(run), BREAK)
            if text:
                out.append(_Block(text))
            run.clear()

        for child in element:
            if tag(child) in BLOCK_TAGS:
                flush()
                out.extend(self.block(child, depth + 1))
            else:
                run.append(self.inline_element(child, BREAK, depth + 1))
            if child.tail:
                run.append(self.text(child.tail))
        flush()
        return out

    def block(self, element: HtmlElement, depth: int) -> list[_Block]:
        name = tag(element)
        if name in HEADINGS:
            text = _tidy(self.inline(element, " ", depth), " ")
            return [_Block("#" * HEADINGS[name] + " " + text, HEADINGS[name])] if text else []
        if name == "p":
            text = _tidy(self.inline(element, BREAK, depth), BREAK)
            return [_Block(text)] if text else []
        if name in ("ul", "ol"):
            lines = self.list_lines(element, 0, depth)
            return [_Block("\n".join(lines))] if lines else []
        if name == "hr":
            return [_Block("---")]
        if name == "pre":
            fenced = _fence(element.text_content())
            return [_Block(fenced)] if fenced else []
        if name == "blockquote":
            inner = assemble(self.blocks(element, depth))
            if not inner:
                return []
            return [_Block("\n".join("> " + line if line else ">" for line in inner.split("\n")))]
        if name == "dt":
            text = _tidy(self.inline(element, BREAK, depth), BREAK)
            return [_Block(_emphasis("**", text))] if text else []
        if name == "table":
            return self.table(element, depth)
        if name == "div" and (classes(element) & HATNOTE_CLASSES or element.get("role") == "note"):
            text = _tidy(self.inline(element, " ", depth), " ")
            return [_Block(f'<div class="hatnote">\n\n{text}\n\n</div>')] if text else []
        return self.blocks(element, depth)

    def list_lines(self, element: HtmlElement, level: int, depth: int) -> list[str]:
        ordered = tag(element) == "ol"
        indent = "   " * min(level, MAX_LIST_DEPTH - 1)
        lines: list[str] = []
        for item in element:
            name = tag(item)
            if name in ("ul", "ol"):  # a list straight inside a list, as pages write them
                lines.extend(self.list_lines(item, level + 1, depth + 1))
                continue
            if name != "li" or depth > MAX_DEPTH:
                continue
            text = _tidy(self.inline(item, BREAK, depth + 1, skip_lists=True), BREAK)
            if text:
                lines.append(f"{indent}{'1.' if ordered else '-'} {text}")
            for nested in item:
                if tag(nested) in ("ul", "ol"):
                    lines.extend(self.list_lines(nested, level + 1, depth + 1))
                elif tag(nested) == "dl":
                    lines.extend(
                        f"{indent}   - {block.text}"
                        for block in self.blocks(nested, depth + 1)
                        if "\n" not in block.text
                    )
        return lines

    def table(self, table: HtmlElement, depth: int) -> list[_Block]:
        if is_infobox(table):
            title, fields = infobox_fields(table, self.value)
            if self.infobox is None and fields:
                self.infobox = Infobox(tuple(InfoboxField(label, text) for label, text in fields),
                                       title=title)  # fmt: skip
                return []
            # A second infobox (a song's single after its anthem): a table of its fields.
            grid = [[escape_inline(label), text] for label, text in fields]
            text = grid_markdown(grid, header=False, caption=escape_inline(title or ""))
            return [_Block(text)] if text else []
        rows = list(rows_of(table))
        cells = [cells_of(row) for row in rows]
        if cells and all(len(row) <= 1 for row in cells):  # a layout box of one column
            return [block for row in cells for cell in row for block in self.blocks(cell, depth)]
        text = table_markdown(
            table,
            lambda cell: _tidy(self.inline(cell, BREAK, depth + 1), BREAK),
            lambda caption: _tidy(self.inline(caption, " ", depth + 1), " "),
        )
        return [_Block(text)] if text else []

    # Values and references -----------------------------------------------------------------

    def value(self, cell: HtmlElement) -> str:
        """An infobox value: inline Markdown, its line breaks as lines."""
        return _tidy(self.inline(cell, "\n", 1), "\n")

    def reference_text(self, element: HtmlElement) -> tuple[str, str | None]:
        self.in_reference = True
        self.reference_url = None
        try:
            text = _tidy(self.inline(element, " ", 1), " ")
        finally:
            self.in_reference = False
        return text, self.reference_url


def _without_empty_sections(blocks: list[_Block]) -> list[_Block]:
    """Headings whose section has nothing left (a reference list, a navbox, a gallery: all
    dropped) are dropped too, innermost first."""
    kept: list[_Block] = []
    for block in reversed(blocks):
        if block.level:
            following = next((b for b in reversed(kept) if b.text), None)
            if following is None or 0 < following.level <= block.level:
                continue
        kept.append(block)
    return list(reversed(kept))


def assemble(blocks: list[_Block]) -> str:
    return "\n\n".join(block.text for block in _without_empty_sections(blocks) if block.text)


def convert(content: HtmlElement, base: LinkBase) -> Conversion:
    """Convert the content element of a page (changed in place: cleaned, lists taken out)."""
    clean(content)
    references = References(content)
    converter = _Converter(base, references)
    first = next((table for table in content.iter("table") if is_infobox(table)), None)
    if first is not None:
        converter.table(first, 1)
        first.drop_tree()
    body = assemble(converter.blocks(content, 0))
    return Conversion(
        body=body + "\n" if body else "",
        infobox=converter.infobox,
        references=references.build(converter.reference_text),
    )
