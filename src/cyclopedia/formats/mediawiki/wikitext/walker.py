"""The walk over a mwparserfromhell tree, writing Cyclopedia Markdown: block structure as lines
with a kind (:mod:`.lines`), inline content recursively, text escaped (:mod:`.markdown_text`),
wiki links (:mod:`.links`), tables (:mod:`.tables`), HTML-like tags.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Sequence
from html import unescape

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from cyclopedia.document import Infobox
from cyclopedia.document.markup import escape_text
from cyclopedia.formats.mediawiki.wikitext.lines import Line, assemble, list_line
from cyclopedia.formats.mediawiki.wikitext.links import link_text, wikilink_markdown
from cyclopedia.formats.mediawiki.wikitext.markdown_text import (
    code_span,
    collapse_lines,
    emphasis,
    escape_inline,
    fence,
    literal_inline,
    without_magic_words,
)
from cyclopedia.formats.mediawiki.wikitext.namespaces import Namespaces
from cyclopedia.formats.mediawiki.wikitext.parsing import parse
from cyclopedia.formats.mediawiki.wikitext.references import References
from cyclopedia.formats.mediawiki.wikitext.tables import table_markdown, table_text

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_TRAILING_LETTERS = re.compile(r"^[^\W\d_]+")
_URL_SCHEMES = ("http://", "https://", "mailto:", "//")
INLINE_HTML = {
    "sub", "sup", "s", "del", "ins", "u", "abbr", "kbd", "var", "samp", "mark", "q", "cite",
    "dfn", "bdi", "small", "time", "code",
}  # fmt: skip
# Wrappers of blocks: at the start of a block, their content is walked as blocks.
BLOCK_WRAPPERS = {"div", "center", "onlyinclude", "includeonly"}
DROPPED_TAGS = {
    "gallery", "timeline", "imagemap", "score", "graph", "mapframe", "maplink", "templatestyles",
    "indicator", "noinclude", "templatedata", "categorytree", "inputbox", "hiero", "chem",
    "ce", "charinsert", "dynamicpagelist", "img", "image", "style", "script",
}  # fmt: skip
# Code shown as written. (<code> is not among them: what it holds is wikitext, links and all.)
CODE_TAGS = {"pre", "syntaxhighlight", "source"}
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_NOWIKI_TAG = re.compile(r"</?nowiki\s*/?>", re.IGNORECASE)


class Walker(ABC):
    """The walk over one page's tree: its state, block level and inline level. Templates,
    hatnotes and quotations, and references are walked by the parts that complete it
    (:mod:`.template_calls`, :mod:`.block_templates`, :mod:`.reference_tags`); the converter's
    walker is made of them all (:func:`.convert.convert`)."""

    def __init__(self, namespaces: Namespaces) -> None:
        self.namespaces = namespaces
        self.references = References()
        self.unknown: Counter[str] = Counter()
        self.categories: dict[str, None] = {}
        self.infobox: Infobox | None = None
        self.disambiguation = False
        self.lines: list[Line] = []
        self.current: list[str] = []
        self.list_prefix = ""
        self.broken_table = False  # inside a table the parser could not read: skipped
        self.infobox_depth = 0  # inside the parameters of an infobox
        self.nested_rows: list[tuple[str, str]] = []  # rows of infoboxes inside the infobox

    # Block level ---------------------------------------------------------------------------

    def end_line(self) -> None:
        text = "".join(self.current).strip()
        if self.list_prefix:
            if text:  # an item whose content was all dropped (a navigation template) is none
                # A line only indented (":") is a paragraph of its own, not joined to the next.
                kind = "block" if set(self.list_prefix) == {":"} else "list"
                self.lines.append(Line(kind, list_line(self.list_prefix, text)))
        elif text:
            self.lines.append(Line("text", text))
        else:
            self.lines.append(Line("blank", ""))
        self.current = []
        self.list_prefix = ""

    def block(self, kind: str, text: str) -> None:
        if "".join(self.current).strip() or self.list_prefix:
            self.end_line()
        self.current = []
        self.lines.append(Line(kind, text))

    def at_line_start(self) -> bool:
        # From the end: the last piece is usually text, so this is constant time, not a re-join
        # of the whole line at every node (quadratic on a paragraph of thousands of refs).
        return not any(part.strip() for part in reversed(self.current))

    def walk_blocks(self, code: Wikicode) -> None:
        nodes = list(code.nodes)  # a plain list: indexing mwparserfromhell's SmartList is slow
        index = 0
        while index < len(nodes):
            node = nodes[index]
            if self.broken_table and not isinstance(node, Text):
                index += 1
                continue
            tag = str(node.tag).lower() if isinstance(node, Tag) else ""
            if isinstance(node, Text):
                self.block_text(str(node.value))
            elif isinstance(node, Heading):
                title = self.inline(node.title).strip()
                self.block("heading", "#" * max(1, min(6, node.level)) + " " + title)
            elif isinstance(node, Tag) and node.wiki_markup in ("*", "#", ";", ":"):
                if self.at_line_start() and not self.list_prefix.endswith(";"):
                    self.list_prefix += str(node.wiki_markup)
                elif str(node.wiki_markup) == ":" and self.list_prefix.endswith(";"):
                    self.end_line()  # ";term : definition" → the definition on its own line
                    self.list_prefix = ":"
                else:
                    self.current.append(escape_text(str(node.wiki_markup)))
            elif isinstance(node, Tag) and tag == "table":
                self.block("block", table_markdown(node, self.inline_cell))
            elif isinstance(node, Tag) and node.wiki_markup == "----":
                self.block("block", "---")
            elif isinstance(node, Tag) and tag in CODE_TAGS and not node.has("inline"):
                self.block("block", fence(code_contents(node)))
            elif isinstance(node, Tag) and tag in BLOCK_WRAPPERS and node.contents is not None:
                # <center>, <div>...: what they wrap is read as blocks (a table stays a table).
                if not _HIDDEN.search(attribute(node, "style")):
                    self.walk_blocks(node.contents)
            elif isinstance(node, Tag) and tag == "blockquote":
                quoted = self.convert_nested(node.contents)
                self.block("block", "\n".join("> " + line for line in quoted.split("\n")))
            elif (isinstance(node, Template) and self.hatnote(node)) or (
                isinstance(node, Template) and self.block_template(node)
            ):
                pass
            else:
                index += self.inline_node(nodes, index, self.current)
                continue
            index += 1

    def block_text(self, text: str) -> None:
        text = self.skip_broken_tables(without_magic_words(text))
        parts = text.split("\n")
        for position, part in enumerate(parts):
            if part:
                if self.at_line_start():
                    part = part.lstrip()  # leading spaces mean <pre> in wikitext; read as text
                self.current.append(escape_inline(part))
            if position < len(parts) - 1:
                self.end_line()

    def skip_broken_tables(self, text: str) -> str:
        """Drop tables the parser left as text: from a line starting ``{|`` to one starting
        ``|}``, or to the first blank line, so that a table never closed in the source does not
        take the rest of the page with it."""
        if not self.broken_table and "{|" not in text:
            return text  # no table starts here, none is open
        kept: list[str] = []
        for line in text.splitlines(keepends=True):
            stripped = line.strip()
            if not self.broken_table:
                if stripped.startswith("{|"):
                    self.broken_table = True
                else:
                    kept.append(line)
            elif stripped.startswith("|}"):
                self.broken_table = False
            elif not stripped and line.endswith("\n"):
                self.broken_table = False  # a paragraph break: the table is over
                kept.append(line)
        return "".join(kept)

    # Inline level --------------------------------------------------------------------------

    def inline(self, code: Wikicode | str) -> str:
        """Inline Markdown for a piece of wikitext; lists and line breaks become ``<br>``."""
        if isinstance(code, str):
            code = parse(code)
        out: list[str] = []
        nodes = list(code.nodes)
        index = 0
        in_item = False
        while index < len(nodes):
            node = nodes[index]
            if isinstance(node, Tag) and node.wiki_markup in ("*", "#", ";", ":"):
                out.append("\n")  # list markers inside a value: the items become lines
                in_item = True
                index += 1
                continue
            if in_item and isinstance(node, Text) and "\n" in str(node.value):
                head, _, rest = str(node.value).partition("\n")
                out.append(escape_inline(without_magic_words(head)) + "\n")  # the item ends
                out.append(escape_inline(without_magic_words(rest)))
                in_item = False
                index += 1
                continue
            if isinstance(node, Heading):
                out.append(self.inline(node.title))
                index += 1
                continue
            if isinstance(node, Tag) and str(node.tag).lower() == "table":
                out.append(table_text(node, self.inline_cell))
                index += 1
                continue
            index += self.inline_node(nodes, index, out)
        return collapse_lines("".join(out))

    def inline_cell(self, code: Wikicode) -> str:
        return self.inline(code)

    def inline_node(self, nodes: Sequence[Node], index: int, out: list[str]) -> int:
        """Append the Markdown of ``nodes[index]``; returns how many nodes were consumed."""
        node = nodes[index]
        if isinstance(node, Text):
            # A blank line ends a paragraph, in a table cell or a value too: a line break there.
            text = without_magic_words(str(node.value))
            if "\n" in text:
                out.append("\n".join(escape_inline(part) for part in _PARAGRAPH_BREAK.split(text)))
            else:
                out.append(escape_inline(text))
        elif isinstance(node, Wikilink):
            label = self.inline(node.text).strip() if node.text is not None else ""
            consumed = 1
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            linked = self.link_markdown(str(node.title), label)
            if not linked:
                # A file, a category, a link to another language: the link shows nothing, and
                # the letters after it stay text, as MediaWiki leaves them.
                return consumed
            if isinstance(following, Text) and (match := _TRAILING_LETTERS.match(following.value)):
                # [[bus]]es: the letters after the link belong to its label.
                label = (label or link_text(str(node.title))) + match.group(0)
                out.append(self.link_markdown(str(node.title), label))
                rest = str(following.value)[match.end() :]
                if out is self.current:
                    self.block_text(rest)  # the rest may end lines and paragraphs
                else:
                    out.append(escape_inline(without_magic_words(rest)))
                consumed = 2
            else:
                out.append(linked)
            return consumed
        elif isinstance(node, ExternalLink):
            out.append(self.external_link(node))
        elif isinstance(node, Template):
            out.append(self.template(node))
        elif isinstance(node, Tag) and node.wiki_markup in ("'''", "''"):
            after = _first_char(nodes, index + 1)
            out.append(self.styled(node, before=_last_char(out), after=after))
        elif isinstance(node, Tag):
            out.append(self.tag(node))
        elif isinstance(node, HTMLEntity):
            out.append(escape_inline(node.normalize()))
        elif isinstance(node, Comment | Argument):
            pass
        return 1

    def link_markdown(self, raw_target: str, label: str) -> str:
        """A wiki link as Cyclopedia Markdown; files, categories and other wikis are handled."""
        return wikilink_markdown(
            raw_target, label, namespaces=self.namespaces, categories=self.categories
        )

    def external_link(self, node: ExternalLink) -> str:
        url = str(node.url).strip()
        if url.startswith("//"):
            url = "https:" + url
        if not url.startswith(_URL_SCHEMES):
            return self.inline(node.title) if node.title else escape_inline(url)
        label = self.inline(node.title).strip() if node.title else ""
        destination = url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
        if not label:
            return f"<{destination}>"
        return f"[{label}](<{destination}>)"

    def styled(self, node: Tag, *, before: str = "", after: str = "") -> str:
        """Bold or italic text between the characters ``before`` and ``after`` ("" at the
        start or end of a line)."""
        marker = "**" if node.wiki_markup == "'''" else "*"
        source = str(node.contents) if node.contents is not None else ""
        if not source:
            return ""
        lead = " " if source[:1].isspace() else ""  # inline() trims; the spaces stay outside
        tail = " " if source[-1:].isspace() else ""
        inner = lead + self.inline(node.contents) + tail
        return emphasis(marker, inner, before=before, after=after)

    def tag(self, node: Tag) -> str:
        name = str(node.tag).lower()
        if node.wiki_markup in ("'''", "''"):
            return self.styled(node)
        if name == "ref":
            return self.ref(node)
        if name == "references":
            self.list_defined_refs(node.contents, group=attribute(node, "group"))
            return ""
        if name == "br":
            return "<br>"
        if name == "nowiki":  # shown as written; character references are still read
            return literal_inline(unescape(raw_contents(node)))
        if name == "math":
            return code_span(raw_contents(node))
        if name in CODE_TAGS:
            return code_span(code_contents(node))
        if name in DROPPED_TAGS or _HIDDEN.search(attribute(node, "style")):
            return ""  # hidden: sort keys and the like, which MediaWiki's readers never see
        if name in INLINE_HTML:
            inner = self.inline(node.contents) if node.contents else ""
            return f"<{name}>{inner}</{name}>" if inner.strip() else ""
        if name == "poem":
            # Every line of a poem ends with a line break, as the Poem extension writes it
            # before the text is parsed.
            lines = raw_contents(node).strip("\n")
            return self.inline(parse(lines.replace("\n", "<br />\n"))) if lines else ""
        if name in ("hr",):
            return ""
        # Unknown and layout tags (span, div, center...): their content, without the tag.
        return self.inline(node.contents) if node.contents else ""

    def convert_nested(self, code: Wikicode) -> str:
        nested = type(self)(self.namespaces)
        nested.references = self.references
        nested.unknown = self.unknown
        nested.categories = self.categories
        nested.walk_blocks(code)
        nested.end_line()
        return assemble(nested.lines)

    # What the other parts of the walk do (template_calls, block_templates, reference_tags) ---

    @abstractmethod
    def template(self, node: Template) -> str:
        """The inline Markdown of a template (or nothing, having taken what it says)."""

    @abstractmethod
    def params(self, template: Template) -> tuple[list[str], dict[str, str]]:
        """A template's arguments as inline Markdown: positional ones, named ones."""

    @abstractmethod
    def citation_params(self, template: Template) -> dict[str, str]:
        """A citation template's arguments, positional ones named "1", "2"..."""

    @abstractmethod
    def hatnote(self, template: Template) -> bool:
        """Whether the template is a hatnote, written as a block (or dropped)."""

    @abstractmethod
    def block_template(self, template: Template) -> bool:
        """Whether the template made a block of its own, at the start of a line."""

    @abstractmethod
    def inline_quote(self, template: Template) -> str:
        """A quotation template inside a sentence."""

    @abstractmethod
    def ref(self, node: Tag) -> str:
        """The citation marker of a ``<ref>``."""

    @abstractmethod
    def tag_ref(self, node: Template) -> str:
        """The citation marker of a ``{{#tag:ref}}``."""

    @abstractmethod
    def list_defined_refs(self, contents: Wikicode | None, *, group: str = "") -> None:
        """Take the references a reference list defines."""


def _last_char(out: list[str]) -> str:
    """The last character written so far on the line ("" at its start)."""
    for part in reversed(out):
        if part:
            return "" if part[-1] == "\n" else part[-1]
    return ""


def _first_char(nodes: Sequence[Node], start: int) -> str:
    """The first character of what ``nodes[start:]`` write, as far as known: a text's own; a
    link or a reference starts with a bracket, a line break or bold text with punctuation;
    anything else (a template) is taken to start with a letter, the case where a "*" may not
    close. Comments and empty ``<nowiki/>`` (balance_quotes puts them between quote runs)
    write nothing."""
    for node in nodes[start:]:
        if isinstance(node, Comment) or (
            isinstance(node, Tag) and str(node.tag).lower() == "nowiki" and not node.contents
        ):
            continue
        if isinstance(node, Text):
            value = str(node.value)
            return "" if not value or value[0] == "\n" else value[0]
        if isinstance(node, Wikilink):
            # Links with a prefix (other namespaces and wikis) may be shown as their text.
            return "a" if ":" in str(node.title) else "["
        if isinstance(node, ExternalLink):
            return "[" if str(node.url).strip().startswith(_URL_SCHEMES) else "a"
        if isinstance(node, Tag):
            name = str(node.tag).lower()
            if name == "ref":
                return "["
            if name == "br" or name in INLINE_HTML or node.wiki_markup in ("'''", "''"):
                return "<"  # an HTML tag, or "*" or "<" for bold and italics
        return "a"
    return ""


def raw_contents(node: Tag) -> str:
    return str(node.contents) if node.contents is not None else ""


def code_contents(node: Tag) -> str:
    """The text of a code tag as MediaWiki shows it: ``<pre>`` reads character references
    and drops the ``<nowiki>`` tags inside it; ``<syntaxhighlight>`` shows everything as
    written."""
    text = raw_contents(node)
    if str(node.tag).lower() != "pre":
        return text
    return unescape(_NOWIKI_TAG.sub("", text))


def attribute(node: Tag, name: str) -> str:
    if not node.has(name):
        return ""
    return str(node.get(name).value).strip().strip("\"'").strip()
