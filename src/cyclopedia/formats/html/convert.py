"""Trafilatura's XML of a page's main text as Cyclopedia Markdown.

Trafilatura gives the main text as its own small XML vocabulary: ``head`` (``rend="h2"``),
``p``, ``list``/``item`` (``rend="ul"``, ``"ol"``, ``"dl"``), ``table``/``row``/``cell``,
``quote``, ``code``, ``hi`` (``rend="#b"``, ``"#i"``, ``"#t"``, ``"#sub"``, ``"#sup"``...),
``ref`` (``target``), ``del``, ``lb``, and ``graphic`` for images. Everything is written here
from that tree: text through :mod:`inline` (escaped, so that it stays text: nothing in a page can
become Markdown or HTML), links only as :mod:`links` allows, no images. Headings are shifted
so that the highest is a section (``##``): the page's own title is the article's title.
"""

from __future__ import annotations

import re
import unicodedata

from lxml.etree import _Element

from cyclopedia.formats.html.inline import Inline, code_span, spaces_around, wrappable
from cyclopedia.formats.html.links import external_url

# Containers whose children are blocks of their own.
_BLOCK_TAGS = frozenset(
    {"p", "head", "list", "item", "table", "row", "cell", "quote", "div", "body", "details"}
)
_SKIPPED = frozenset({"graphic", "img", "figure", "script", "style", "noscript", "svg", "math"})
_EMPHASIS = {"#b": "**", "#i": "*"}
_RAW_HTML = {"#sub": "sub", "#sup": "sup"}
_SPACE = re.compile(r"\s+")
_BACKTICKS = re.compile(r"`+")
_LIST_START = re.compile(r"(?:-|\d{1,9}\.) ")  # escaped text never starts so
# Soft hyphen, zero-width space, word joiner, zero-width no-break space: hints for line breaking
# that only get in the way of reading and searching the text (joiners that shape scripts stay).
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))
MAX_HEADING_LEVEL = 6
SECTION_LEVEL = 2  # the highest heading of a body: the title is the page's only level 1


class Converter:
    """One page's main text as Markdown; ``page_host`` tells links to other sites."""

    def __init__(self, *, page_host: str | None, title: str = "") -> None:
        self.page_host = page_host
        self.title_key = _key(title)
        self.level_shift = 0

    def convert(self, body: _Element) -> str:
        levels = [_heading_level(head) for head in body.iter("head")]
        self.level_shift = SECTION_LEVEL - min(levels) if levels else 0
        blocks = self.blocks(body)
        if blocks and blocks[0].startswith("#") and self.title_key:
            first = blocks[0].lstrip("#").strip()
            if _key(first.replace("\\", "")) == self.title_key:
                blocks = blocks[1:]  # the page's headline, which is the article's title
        return "\n\n".join(blocks)

    # Blocks

    def blocks(self, element: _Element) -> list[str]:
        """The blocks of a container: its block children as blocks, the inline content
        between them as paragraphs."""
        blocks: list[str] = []
        run = Inline()
        run.text(element.text)
        for child in element:
            tag = _tag(child)
            if tag in _SKIPPED:
                pass
            elif self._is_block(child):
                _flush(run, blocks)
                run = Inline()
                blocks.extend(self.block(child))
            else:
                self.inline(child, run)
            run.text(child.tail)
        _flush(run, blocks)
        return blocks

    def _is_block(self, element: _Element) -> bool:
        tag = _tag(element)
        if tag == "code":
            return _is_code_block(element)
        if tag in _BLOCK_TAGS:
            return True
        # An unknown element is a block when blocks are inside it.
        return any(_tag(child) in _BLOCK_TAGS for child in element.iter() if child is not element)

    def block(self, element: _Element) -> list[str]:
        tag = _tag(element)
        if tag == "head":
            return self._heading(element)
        if tag == "list":
            return self._list(element)
        if tag == "table":
            return self._table(element)
        if tag == "quote":
            inner = self.blocks(element)
            if not inner:
                return []
            text = "\n\n".join(inner)
            return ["\n".join("> " + line if line else ">" for line in text.split("\n"))]
        if tag == "code":
            return self._code_block(element)
        return self.blocks(element)

    def _heading(self, element: _Element) -> list[str]:
        run = Inline()
        self.inline_children(element, run)
        text = run.render(breaks=False)
        if not text:
            return []
        if text.endswith("#"):
            text = text[:-1] + "\\#"  # not a closing sequence
        level = min(max(_heading_level(element) + self.level_shift, 1), MAX_HEADING_LEVEL)
        return [f"{'#' * level} {text}"]

    def _list(self, element: _Element) -> list[str]:
        kind = element.get("rend") or "ul"
        if kind == "dl":
            return self._definitions(element)
        items: list[str] = []
        for child in element:
            if _tag(child) in _SKIPPED:
                continue
            inner = self.blocks(child) if _tag(child) == "item" else self.block(child)
            if not inner:
                continue
            marker = f"{len(items) + 1}." if kind == "ol" else "-"
            indent = " " * (len(marker) + 1)
            lines = _join_item(inner).split("\n")
            rest = [indent + line if line else "" for line in lines[1:]]
            items.append("\n".join([f"{marker} {lines[0]}", *rest]))
        return ["\n".join(items)] if items else []

    def _definitions(self, element: _Element) -> list[str]:
        blocks: list[str] = []
        for child in element:
            inner = self.blocks(child)
            term = (child.get("rend") or "").startswith("dt")
            if term and len(inner) == 1 and "\n" not in inner[0] and wrappable(inner[0]):
                inner = [f"**{inner[0]}**"]
            blocks.extend(inner)
        return blocks

    def _table(self, element: _Element) -> list[str]:
        rows: list[list[str]] = []
        for row in element.iter("row"):
            if _nearest_table(row) is not element:
                continue  # a row of a table inside a cell: part of that cell's text
            cells = []
            for cell in row:
                if _tag(cell) != "cell":
                    continue
                run = Inline()
                self.inline_children(cell, run, in_cell=True)
                cells.append(run.render(breaks=False))
            if any(cells):
                rows.append(cells)
        if not rows:
            return []
        width = max(len(cells) for cells in rows)
        lines = []
        for index, cells in enumerate(rows):
            padded = cells + [""] * (width - len(cells))
            lines.append("| " + " | ".join(padded) + " |")
            if index == 0:
                lines.append("|" + " --- |" * width)
        return ["\n".join(lines)]

    def _code_block(self, element: _Element) -> list[str]:
        text = _code_text(element).strip("\n")
        if not text.strip():
            return []
        longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
        fence = "`" * max(3, longest + 1)
        return [f"{fence}\n{text}\n{fence}"]

    # Inline content

    def inline_children(self, element: _Element, run: Inline, *, in_cell: bool = False) -> None:
        run.text(element.text)
        for child in element:
            self.inline(child, run, in_cell=in_cell)
            run.text(child.tail)

    def inline(
        self, element: _Element, run: Inline, *, in_link: bool = False, in_cell: bool = False
    ) -> None:
        """An element inside running text (its tail is the caller's)."""
        tag = _tag(element)
        if tag in _SKIPPED:
            return
        if tag == "lb":
            run.line_break()
        elif tag == "ref" and not in_link:
            self._link(element, run, in_cell=in_cell)
        elif tag == "hi":
            self._formatting(element, run, in_link=in_link, in_cell=in_cell)
        elif tag == "del":
            self._wrapped(element, run, "~~", "~~", in_link=in_link, in_cell=in_cell)
        elif tag == "code":
            span = code_span(_code_text(element))
            run.markup(span.replace("|", "\\|") if in_cell else span)
        else:
            # Any other element, blocks included (in a table cell or a heading): its text, set
            # apart from its neighbours when it is a block.
            separate = tag in _BLOCK_TAGS
            if separate:
                run.text(" ")
            run.text(element.text)
            for child in element:
                self.inline(child, run, in_link=in_link, in_cell=in_cell)
                run.text(child.tail)
            if separate:
                run.text(" ")

    def _children_into(
        self, element: _Element, run: Inline, *, in_link: bool, in_cell: bool
    ) -> None:
        run.text(element.text)
        for child in element:
            self.inline(child, run, in_link=in_link, in_cell=in_cell)
            run.text(child.tail)

    def _link(self, element: _Element, run: Inline, *, in_cell: bool) -> None:
        url = external_url(element.get("target"), self.page_host)
        if url is None:
            self._children_into(element, run, in_link=True, in_cell=in_cell)
            return
        inner = Inline()
        self._children_into(element, inner, in_link=True, in_cell=in_cell)
        text = inner.render(breaks=False)
        if not text:
            return  # a link around an image, or around nothing
        if in_cell:
            url = url.replace("|", "%7C")
        spaces_around(inner, run, f"[{text}]({url})")

    def _formatting(self, element: _Element, run: Inline, *, in_link: bool, in_cell: bool) -> None:
        rend = element.get("rend") or ""
        if rend in _EMPHASIS:
            mark = _EMPHASIS[rend]
            self._wrapped(element, run, mark, mark, in_link=in_link, in_cell=in_cell)
        elif rend in _RAW_HTML:
            tag = _RAW_HTML[rend]
            self._wrapped(element, run, f"<{tag}>", f"</{tag}>", in_link=in_link, in_cell=in_cell)
        elif rend == "#t":
            span = code_span(_code_text(element))
            run.markup(span.replace("|", "\\|") if in_cell else span)
        else:  # underline and anything unknown: the text only
            self._children_into(element, run, in_link=in_link, in_cell=in_cell)

    def _wrapped(
        self,
        element: _Element,
        run: Inline,
        opening: str,
        closing: str,
        *,
        in_link: bool,
        in_cell: bool,
    ) -> None:
        """Content between delimiters, when Markdown would read them as delimiters there;
        otherwise the content alone."""
        inner = Inline()
        self._children_into(element, inner, in_link=in_link, in_cell=in_cell)
        text = inner.render(breaks=False)
        if text and (opening.startswith("<") or wrappable(text)):
            spaces_around(inner, run, f"{opening}{text}{closing}")
        else:
            self._children_into(element, run, in_link=in_link, in_cell=in_cell)


def _join_item(blocks: list[str]) -> str:
    """The blocks of a list item; a list right after its text keeps the item tight."""
    text = blocks[0]
    for block in blocks[1:]:
        text += ("\n" if _LIST_START.match(block) else "\n\n") + block
    return text


def _flush(run: Inline, blocks: list[str]) -> None:
    text = run.render()
    if text:
        blocks.append(text)


def _tag(element: _Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""  # comments and processing instructions


def _key(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _heading_level(element: _Element) -> int:
    rend = element.get("rend") or ""
    return int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 3


def _nearest_table(element: _Element) -> _Element | None:
    for ancestor in element.iterancestors():
        if _tag(ancestor) == "table":
            return ancestor
    return None


def _code_text(element: _Element) -> str:
    """The text of a code element, its line breaks as newlines."""
    parts = [element.text or ""]
    for child in element:
        if _tag(child) == "lb":
            parts.append("\n")
        else:
            parts.append(_code_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _is_code_block(element: _Element) -> bool:
    return "\n" in _code_text(element).strip("\n")


def body_markdown(body: _Element, *, page_host: str | None, title: str = "") -> str:
    """The Markdown of trafilatura's main-text tree, composed (NFC: "u" and a combining
    diaeresis are "ü", as a reader and a search see them), without soft hyphens and other
    invisible break hints."""
    markdown = Converter(page_host=page_host, title=title).convert(body)
    return unicodedata.normalize("NFC", markdown.translate(_INVISIBLE))
