"""JATS block content (body, sections, abstracts, back matter) as Cyclopedia Markdown blocks.

Sections become headings (``##`` for the top level of the body, deeper ones one level more, at
most ``######``); paragraphs are split where a figure, table, list or display formula is tagged
inside them; lists become Markdown lists, quotes block quotes, boxed text a quoted box (its
section titles in bold, not in the table of contents). Figures, tables and supplementary material
keep their label and caption (media are out of scope: images are dropped); their own
``permissions`` (a figure reproduced from elsewhere) are kept as upstream notices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from cyclopedia.formats.jats.inline import BLOCKS, DROPPED, Context, convert, flat, formula, tidy
from cyclopedia.formats.jats.inline import inline as inline_markdown
from cyclopedia.formats.jats.markup import emphasis, escape, line_start
from cyclopedia.formats.jats.parsing import all_text, child, children, text
from cyclopedia.formats.jats.permissions import object_notice
from cyclopedia.formats.jats.tables import table_markdown

MAX_HEADING_LEVEL = 6
_ELIFE_DOI_LINE = re.compile(r"^DOI:\s*\S+$")
_HANDLED = frozenset({"title", "label", "sec-meta", "caption", "object-id", "kwd-group"})
_DEFAULT_TITLES = {"ack": "Acknowledgments", "glossary": "Glossary"}
NOTE_PREFIXES = {
    "conflict": "Competing interests",
    "coi-statement": "Competing interests",
    "con": "Author contributions",
    "financial-disclosure": "Funding",
    "supported-by": "Funding",
    "present-address": "Present address",
    "current-aff": "Present address",
    "deceased": "Deceased",
    "equal": "Equal contribution",
}
_LIST_START = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:\s|$)")
_ORDERED = {"order", "ordered", "arabic", "number"}
_LETTERS = {"alpha-lower", "alpha-upper", "roman-lower", "roman-upper"}


def _ends_sentence(markdown: str) -> bool:
    return markdown.rstrip("*").rstrip()[-1:] in (".", ":", "?", "!")


def _roman(number: int) -> str:
    numerals = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )  # fmt: skip
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out, number = out + numeral, number - value
    return out


def _letter_label(kind: str, number: int) -> str:
    label = chr(ord("a") + (number - 1) % 26) if kind.startswith("alpha") else _roman(number)
    return (label.upper() if kind.endswith("upper") else label) + "."


@dataclass
class BodyWriter:
    """Writes the blocks of one article; collects the upstream notices of its objects."""

    ctx: Context
    notices: list[str] = field(default_factory=list)

    def inline(self, element: etree._Element | None) -> str:
        return "" if element is None else tidy(inline_markdown(element, self.ctx))

    # -- containers -------------------------------------------------------------------------

    def blocks(self, container: etree._Element, depth: int, *, boxed: bool = False) -> list[str]:
        """The blocks of a container's children; ``depth`` is the heading level of its
        sections."""
        out: list[str] = []
        for item in container:
            if isinstance(item.tag, str) and item.tag not in _HANDLED:
                out.extend(self.block(item, depth, boxed=boxed))
        return [block for block in out if block.strip()]

    def block(self, item: etree._Element, depth: int, *, boxed: bool = False) -> list[str]:
        tag = item.tag
        if tag in DROPPED or tag in ("ref-list", "fn-group-ref"):
            return []
        if tag in ("sec", "app", "ack", "notes", "glossary", "bio"):
            return self.section(item, depth, boxed=boxed, default=_DEFAULT_TITLES.get(tag, ""))
        if tag == "app-group":
            return (
                self.section(item, depth, boxed=boxed)
                if child(item, "title") is not None
                else (self.blocks(item, depth, boxed=boxed))
            )
        if tag == "p":
            return self.paragraph(item, depth, boxed=boxed)
        if tag in ("list", "def-list"):
            return [self.list_block(item, depth)]
        if tag in ("fig", "supplementary-material", "chem-struct-wrap"):
            return self.figure(item)
        if tag in ("fig-group", "table-wrap-group", "disp-formula-group"):
            return [*self.figure(item), *self.blocks(item, depth, boxed=boxed)]
        if tag == "table-wrap":
            return self.table(item)
        if tag == "disp-formula":
            return [self.display_formula(item)]
        if tag == "disp-quote":
            return [_quote(self.blocks(item, depth, boxed=True))]
        if tag == "boxed-text":
            return [_quote([*self.figure(item), *self.blocks(item, depth, boxed=True)])]
        if tag in ("preformat", "code"):
            return [_fenced(all_text(item))]
        if tag in ("statement", "question-wrap", "question", "answer"):
            head = self.caption_head(item)
            return [*([head] if head else []), *self.blocks(item, depth, boxed=boxed)]
        if tag == "fn-group":
            return self.footnotes(item, depth)
        if tag in ("fn", "attrib", "sig-block", "address", "verse-group", "speech"):
            line = _paragraph_line(flat(item, self.ctx))
            return [line] if line else []
        if any(isinstance(sub.tag, str) and sub.tag in BLOCKS for sub in item):
            return self.blocks(item, depth, boxed=boxed)
        line = _paragraph_line(self.inline(item))
        return [line] if line else []

    def section(
        self, sec: etree._Element, depth: int, *, boxed: bool = False, default: str = ""
    ) -> list[str]:
        title = self.heading_text(sec) or escape(default).strip()
        out: list[str] = []
        if title:
            if boxed or depth > MAX_HEADING_LEVEL:
                out.append(emphasis(title, strong=True, before=""))
            else:
                out.append("#" * depth + " " + title)
        out.extend(self.blocks(sec, depth + 1, boxed=boxed))
        return out

    def heading_text(self, sec: etree._Element) -> str:
        label = self.inline(child(sec, "label"))
        title = self.inline(child(sec, "title"))
        if label and title:
            return f"{label} {title}"
        return title or label

    # -- paragraphs and lists -----------------------------------------------------------------

    def paragraph(self, p: etree._Element, depth: int, *, boxed: bool = False) -> list[str]:
        """A paragraph, split where a block (figure, table, list, display formula) sits in it.
        eLife's "DOI: …" lines (the DOI of each part of an article) are left out."""
        if _ELIFE_DOI_LINE.match(text(p)):
            return []
        out: list[str] = []
        current = [escape(p.text)]
        for item in p:
            if not isinstance(item.tag, str):
                continue
            if item.tag in BLOCKS and item.tag not in ("address",):
                out.append(_paragraph_line(tidy("".join(current))))
                out.extend(self.block(item, depth, boxed=boxed))
                current = []
            else:
                current.append(convert(item, self.ctx, before="".join(current)))
            current.append(escape(item.tail))
        out.append(_paragraph_line(tidy("".join(current))))
        return [block for block in out if block]

    def list_block(self, lst: etree._Element, depth: int) -> str:
        if lst.tag == "def-list":
            items = []
            for entry in children(lst, "def-item"):
                term = self.inline(child(entry, "term"))
                definitions = [flat(d, self.ctx) for d in children(entry, "def")]
                definition = "<br>".join(d for d in definitions if d)
                head = emphasis(term, strong=True, before="") if term else ""
                items.append(
                    f"- {head}: {definition}"
                    if head and definition
                    else f"- {line_start(head or definition)}"
                )
            return "\n".join(item for item in items if item.strip("- "))
        kind = (lst.get("list-type") or "bullet").lower()
        ordered = kind in _ORDERED
        rendered: list[str] = []
        loose = False
        for number, entry in enumerate(children(lst, "list-item"), 1):
            label = self.inline(child(entry, "label"))
            if not label and kind in _LETTERS:
                label = _letter_label(kind, number)
            inner = self.blocks(entry, depth + 1, boxed=True)
            if label and not ordered:
                starts_list = bool(inner) and bool(_LIST_START.match(inner[0]))
                inner = (
                    [label, *inner]
                    if starts_list or not inner
                    else [f"{label} {inner[0]}", *inner[1:]]
                )
            loose = loose or len(inner) > 1
            marker = f"{number}." if ordered else "-"
            indent = " " * (len(marker) + 1)
            body = "\n\n".join(inner).replace("\n", "\n" + indent)
            body = "\n".join(line.rstrip() for line in body.split("\n"))
            rendered.append(f"{marker} {body}".rstrip())
        return ("\n\n" if loose else "\n").join(rendered)

    def footnotes(self, group: etree._Element, depth: int) -> list[str]:
        out = []
        title = self.inline(child(group, "title"))
        if title:
            out.append("#" * min(depth, MAX_HEADING_LEVEL) + " " + title)
        for note in children(group, "fn"):
            line = self.footnote(note)
            if line:
                out.append(line)
        return out

    def footnote(self, note: etree._Element) -> str:
        """A footnote as a paragraph: its label (or what its type says it is) first."""
        label = self.inline(child(note, "label"))
        line = flat(note, self.ctx, skip=frozenset({"label"}))
        prefix = NOTE_PREFIXES.get((note.get("fn-type") or "").lower())
        if not label and prefix and not line.lower().startswith(prefix.lower()):
            label = f"{prefix}:"
        if label.endswith(":"):
            label = emphasis(label, strong=True, before="", space_after=True)
        return _paragraph_line(f"{label} {line}".strip()) if line else ""

    # -- objects --------------------------------------------------------------------------------

    def caption_head(self, item: etree._Element) -> str:
        """The bold head of an object: its label and its caption's title ("**Figure 2.
        Diverse members of the phylum.**")."""
        label = self.inline(child(item, "label"))
        caption = child(item, "caption")
        title = self.inline(child(caption, "title")) or self.inline(child(item, "title"))
        if label and title and not _ends_sentence(label):
            label += "."
        head = " ".join(part for part in (label, title) if part)
        if head and not _ends_sentence(head):
            head += "."
        return emphasis(head, strong=True, before="", space_after=True) if head else ""

    def figure(self, item: etree._Element) -> list[str]:
        head = self.caption_head(item)
        caption = child(item, "caption")
        paragraphs = [
            line
            for p in children(caption, "p")
            if not _ELIFE_DOI_LINE.match(text(p))
            for line in [flat(p, self.ctx)]
            if line
        ]
        self._object_permissions(item, head)
        if paragraphs:
            paragraphs[0] = f"{head} {paragraphs[0]}".strip()
        elif head:
            paragraphs = [head]
        return [_paragraph_line(line) for line in paragraphs]

    def table(self, wrap: etree._Element) -> list[str]:
        out = self.figure(wrap)
        tables = [
            t for t in wrap.iter("table") if not any(a.tag == "table" for a in t.iterancestors())
        ]
        for table in tables:
            markdown = table_markdown(table, self.ctx)
            if markdown:
                out.append(markdown)
        for foot in children(wrap, "table-wrap-foot"):
            for item in foot:
                if item.tag == "fn-group":
                    out.extend(self.footnotes(item, MAX_HEADING_LEVEL + 1))
                elif item.tag == "fn":
                    line = self.footnote(item)
                    if line:
                        out.append(line)
                elif isinstance(item.tag, str) and item.tag not in _HANDLED:
                    line = flat(item, self.ctx)
                    if line:
                        out.append(_paragraph_line(line))
        return out

    def display_formula(self, item: etree._Element) -> str:
        label = text(child(item, "label"))
        math = formula(item, self.ctx)
        return _paragraph_line(f"{math} {escape(label)}".strip())

    def _object_permissions(self, item: etree._Element, head: str) -> None:
        for permissions in children(item, "permissions"):
            notice = object_notice(permissions, text(child(item, "label")) or "An object")
            if notice and notice not in self.notices:
                self.notices.append(notice)
        for attrib in children(item, "attrib"):
            words = text(attrib)
            if words:
                self.notices.append(f"{text(child(item, 'label')) or 'An object'}: {words}")


def _paragraph_line(markdown: str) -> str:
    """A paragraph's Markdown: without line breaks at either end, and nothing at its start
    that would make it another block."""
    while markdown.startswith("<br>"):
        markdown = markdown[4:].lstrip()
    while markdown.endswith("<br>"):
        markdown = markdown[:-4].rstrip()
    return line_start(markdown)


def _quote(blocks: list[str]) -> str:
    lines = "\n\n".join(block for block in blocks if block).split("\n")
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def _fenced(code: str) -> str:
    code = code.strip("\n")
    longest = max((len(run) for run in re.findall(r"`{3,}", code)), default=2)
    fence = "`" * (longest + 1)
    return f"{fence}\n{code}\n{fence}"
