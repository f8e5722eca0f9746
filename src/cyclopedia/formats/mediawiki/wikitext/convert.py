"""Walk a mwparserfromhell tree and write Cyclopedia Markdown.

Before parsing, bold and italics are closed at the end of each line as MediaWiki closes them
(:mod:`.quotes`; mwparserfromhell would let one unbalanced bold marker swallow the rest of the
page), and line breaks MediaWiki accepts in any spelling (``<br/ >``, ``</br>``) are written one
way.

Block structure (paragraphs, headings, lists, tables, quotes, code) is collected as lines with a
kind, so that the Markdown gets the blank lines it needs between blocks (a Markdown list or table
would otherwise swallow the paragraph after it). Inline content is converted recursively; text is
escaped so that it stays text. Templates go to the citation, date, infobox and text-template
modules; quotations and the rows of squad or twin-town lists make blocks of their own; an
infobox's lettered footnotes become references. The templates nobody knows are dropped and
counted.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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

from cyclopedia.document import Infobox, InfoboxField, Reference
from cyclopedia.document.markup import escape_text
from cyclopedia.document.titles import TitleError, normalize_title
from cyclopedia.formats.mediawiki.wikitext import citations, dates, infobox_labels
from cyclopedia.formats.mediawiki.wikitext.citation_names import (
    encyclopedia_params,
    is_unknown_citation,
)
from cyclopedia.formats.mediawiki.wikitext.magic_words import magic_word_text
from cyclopedia.formats.mediawiki.wikitext.namespaces import Namespaces as Namespaces
from cyclopedia.formats.mediawiki.wikitext.parsing import parse
from cyclopedia.formats.mediawiki.wikitext.quotes import balance_quotes
from cyclopedia.formats.mediawiki.wikitext.references import References
from cyclopedia.formats.mediawiki.wikitext.tables import table_markdown
from cyclopedia.formats.mediawiki.wikitext.templates import (
    DISAMBIGUATION_TEMPLATES,
    DROPPED_HATNOTES,
    HATNOTE_PLURALS,
    HATNOTES,
    LIST_TEMPLATES,
    NOTE_TEMPLATES,
    QUOTE_AUTHOR,
    QUOTE_SOURCE,
    QUOTE_TEMPLATES,
    QUOTE_TEXT,
    is_dropped,
    template_key,
    text_template,
)

MAX_LIST_DEPTH = 6
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Line breaks as MediaWiki accepts them but mwparserfromhell does not: <br/ >, </br>, <br.>.
_BREAK_VARIANTS = re.compile(r"<\s*/?\s*br\b[^<>]*>|<\s*/\s*br\s*>", re.IGNORECASE)
_FOOTNOTE_PARAMETER = re.compile(r"footnote_?([a-z])")
_FOOTNOTE_MARK = re.compile(r"\s?<sup>\s*[\[(]?([a-z])[\])]?\s*</sup>")
MAGIC_WORD = re.compile(r"__[A-Z]{2,30}__")
# Markup the parser left as text (unbalanced or malformed in the source): never shown to readers.
_LEFTOVER = re.compile(
    r"<ref\b[^>]*?/?>|</ref\s*>|<references\b[^>]*/?>|</references\s*>|\{\{!\}\}|"
    r"\{\{|\}\}|\[\[|\]\]|\{\||\|\}|'{5}|'{2,3}",
    re.IGNORECASE,
)
# The characters that _LEFTOVER's matches start with, and those escape_text escapes in a line.
_LEFTOVER_START = re.compile(r"[<{}\[\]|']")
_ESCAPED = re.compile(r"[\\`*_\[\]<>&~|]")
_TRAILING_LETTERS = re.compile(r"^[^\W\d_]+")
_URL_SCHEMES = ("http://", "https://", "mailto:", "//")
INLINE_HTML = {
    "sub", "sup", "s", "del", "ins", "u", "abbr", "kbd", "var", "samp", "mark", "q", "cite",
    "dfn", "bdi", "small", "time",
}  # fmt: skip
TRANSPARENT = {"span", "div", "center", "font", "big", "p", "strike", "tt", "em", "strong",
               "b", "i", "onlyinclude", "includeonly", "bdo", "section", "wbr"}  # fmt: skip
DROPPED_TAGS = {
    "gallery", "timeline", "imagemap", "score", "graph", "mapframe", "maplink", "templatestyles",
    "indicator", "noinclude", "templatedata", "categorytree", "inputbox", "hiero", "chem",
    "ce", "charinsert", "dynamicpagelist", "img", "image", "style", "script",
}  # fmt: skip
CODE_TAGS = {"pre", "syntaxhighlight", "source", "code"}
BLOCK_CODE_TAGS = CODE_TAGS - {"code"}
_LANGUAGE_PREFIX = re.compile(r"^[a-z]{2,3}(-[a-z]{2,8})*$")


@dataclass
class Conversion:
    body: str
    infobox: Infobox | None
    references: tuple[Reference, ...]
    categories: tuple[str, ...]
    unknown_templates: Counter[str]
    disambiguation: bool


@dataclass
class _Line:
    kind: str  # "text", "list", "heading", "block"
    text: str


class _Walker:
    def __init__(self, namespaces: Namespaces) -> None:
        self.namespaces = namespaces
        self.references = References()
        self.unknown: Counter[str] = Counter()
        self.categories: dict[str, None] = {}
        self.infobox: Infobox | None = None
        self.disambiguation = False
        self.lines: list[_Line] = []
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
                self.lines.append(_Line("list", _list_line(self.list_prefix, text)))
        elif text:
            self.lines.append(_Line("text", text))
        else:
            self.lines.append(_Line("blank", ""))
        self.current = []
        self.list_prefix = ""

    def block(self, kind: str, text: str) -> None:
        if "".join(self.current).strip() or self.list_prefix:
            self.end_line()
        self.current = []
        self.lines.append(_Line(kind, text))

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
            elif isinstance(node, Tag) and tag in BLOCK_CODE_TAGS:
                self.block("block", _fence(_raw(node)))
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
        text = self.skip_broken_tables(_without_magic_words(text))
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

    def hatnote(self, template: Template) -> bool:
        key = template_key(str(template.name))
        if key in DROPPED_HATNOTES:
            return True
        if key not in HATNOTES:
            return False
        positional = [p for p in template.params if not p.showkey]
        targets = []
        labels = {str(p.name).strip().lower(): str(p.value).strip() for p in template.params
                  if p.showkey}  # fmt: skip
        for number, param in enumerate(positional[:6], start=1):
            written = str(param.value).replace("{{!}}", "|").strip()
            if written.startswith("[[") and written.endswith("]]"):
                written = written[2:-2]  # {{main|[[Target]]}}
            target, _, label = written.partition("|")
            label = label or labels.get(f"l{number}", "")
            targets.append(self.link_markdown(target.strip(), escape_inline(label.strip())))
        targets = [t for t in targets if t]
        if targets:
            lead = HATNOTES[key]
            if len(targets) > 1:
                lead = HATNOTE_PLURALS.get(lead, lead)
            text = f"{lead}: {_join_words(targets)}"
            self.block("block", f'<div class="hatnote">\n\n{text}\n\n</div>')
        return True

    def block_template(self, template: Template) -> bool:
        """Templates that make a block of their own when they start a line: quotations, the
        rows of a football squad."""
        if not self.at_line_start() or self.list_prefix:
            return False
        key = template_key(str(template.name))
        if key in QUOTE_TEMPLATES:
            quote = self.block_quote(template)
            if quote:
                self.block("block", quote)
            return True
        if key in ("hatnote", "rellink", "dablink"):  # a hatnote in its own words
            positional, _named = self.params(template)
            text = positional[0].strip() if positional else ""
            if text:
                self.block("block", f'<div class="hatnote">\n\n{text}\n\n</div>')
            return True
        if key in ("fs player", "jumelage"):  # a row of a squad, of a list of twin towns
            positional, named = self.params(template)
            line = text_template(key, positional, named)
            if line:
                self.block("list", f"- {line}")
            return True
        return False

    def quote_parts(self, template: Template) -> tuple[Wikicode | None, str, str, str]:
        """A quotation template's text (as wikitext), author, source and the citation that
        follows the quote ({{Zitat|...|ref=<ref>...</ref>}}), as inline Markdown."""
        values: dict[str, Wikicode] = {}
        position = 0
        for param in template.params:
            if param.showkey:
                values.setdefault(str(param.name).strip().lower(), param.value)
            else:
                position += 1
                values.setdefault(str(position), param.value)
        if template_key(str(template.name)) == "cquote" and "4" in values:
            values["2"] = values["4"]
            values["3"] = values.get("5", parse(""))
        text = next((values[k] for k in QUOTE_TEXT if k in values and str(values[k]).strip()),
                    None)  # fmt: skip

        def first(keys: tuple[str, ...]) -> str:
            found = (self.inline(values[k]).strip() for k in keys if k in values)
            return next((value for value in found if value), "")

        return text, first(QUOTE_AUTHOR), first(QUOTE_SOURCE), first(("ref",))

    def block_quote(self, template: Template) -> str:
        text, author, source, cited = self.quote_parts(template)
        if text is None:
            return ""
        body = self.convert_nested(text).strip("\n")
        if not body:
            return ""
        lines = ["> " + line if line else ">" for line in (body + cited).split("\n")]
        signature = ", ".join(part for part in (author, source) if part)
        if signature:
            lines.extend([">", f"> — {signature}"])
        return "\n".join(lines)

    def inline_quote(self, template: Template) -> str:
        text, author, source, cited = self.quote_parts(template)
        quoted = self.inline(text).strip() if text is not None else ""
        if not quoted:
            return ""
        signature = ", ".join(part for part in (author, source) if part)
        return f"“{quoted}”{cited}" + (f" — {signature}" if signature else "")

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
                out.append(escape_inline(_without_magic_words(head)) + "\n")  # the item ends
                out.append(escape_inline(_without_magic_words(rest)))
                in_item = False
                index += 1
                continue
            if isinstance(node, Heading):
                out.append(self.inline(node.title))
                index += 1
                continue
            if isinstance(node, Tag) and str(node.tag).lower() == "table":
                out.append(self.inline(node.contents))
                index += 1
                continue
            index += self.inline_node(nodes, index, out)
        return _collapse_lines("".join(out))

    def inline_cell(self, code: Wikicode) -> str:
        return self.inline(code)

    def inline_node(self, nodes: Sequence[Node], index: int, out: list[str]) -> int:
        """Append the Markdown of ``nodes[index]``; returns how many nodes were consumed."""
        node = nodes[index]
        if isinstance(node, Text):
            # A blank line ends a paragraph, in a table cell or a value too: a line break there.
            text = _without_magic_words(str(node.value))
            if "\n" in text:
                out.append("\n".join(escape_inline(part) for part in _PARAGRAPH_BREAK.split(text)))
            else:
                out.append(escape_inline(text))
        elif isinstance(node, Wikilink):
            label = self.inline(node.text).strip() if node.text is not None else ""
            consumed = 1
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            if isinstance(following, Text) and (match := _TRAILING_LETTERS.match(following.value)):
                # [[bus]]es: the letters after the link belong to its label.
                label = (label or _link_text(str(node.title))) + match.group(0)
                out.append(self.link_markdown(str(node.title), label))
                rest = str(following.value)[match.end() :]
                if out is self.current:
                    self.block_text(rest)  # the rest may end lines and paragraphs
                else:
                    out.append(escape_inline(_without_magic_words(rest)))
                consumed = 2
            else:
                out.append(self.link_markdown(str(node.title), label))
            return consumed
        elif isinstance(node, ExternalLink):
            out.append(self.external_link(node))
        elif isinstance(node, Template):
            out.append(self.template(node))
        elif isinstance(node, Tag):
            out.append(self.tag(node))
        elif isinstance(node, HTMLEntity):
            out.append(escape_inline(node.normalize()))
        elif isinstance(node, Comment | Argument):
            pass
        return 1

    def link_markdown(self, raw_target: str, label: str) -> str:
        """A wiki link as Cyclopedia Markdown; files, categories and other wikis are handled."""
        target = raw_target.strip()
        leading_colon = target.startswith(":")
        target = target.lstrip(":").strip()
        prefix, colon, rest = target.partition(":")
        space = prefix.strip().lower().replace("_", " ")
        if colon and not leading_colon and space in self.namespaces.files:
            return ""  # media are out of scope (POLICY)
        if colon and space in self.namespaces.categories:
            if leading_colon:
                return label or escape_inline(rest.strip())
            self.add_category(rest.split("|", 1)[0])
            return ""
        if colon and (space in self.namespaces.others or _LANGUAGE_PREFIX.match(space)):
            if not leading_colon and _LANGUAGE_PREFIX.match(space) and not label:
                return ""  # an interlanguage link: [[de:Titel]]
            return label or escape_inline(rest.strip() or target)
        page = target.split("#", 1)[0]
        title = _page_title(page) if page else ""
        if title is None:
            return label or escape_inline(target)
        section = target.split("#", 1)[1].strip() if "#" in target else ""
        if not title:
            return label or escape_inline(section)
        destination = title + (f"#{section}" if section else "")
        text = _link_label(label) if label else ""
        shown = text or _link_text(target)
        if shown == destination:
            return f"[[{destination}]]"
        return f"[[{destination}|{shown}]]"

    def add_category(self, name: str) -> None:
        name = name.strip()
        try:
            # MediaWiki's first-letter case, as for links: [[Category:towns]] is "Towns".
            self.categories.setdefault(normalize_title(name[:1].upper() + name[1:]), None)
        except TitleError:
            return

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

    def tag(self, node: Tag) -> str:
        name = str(node.tag).lower()
        if node.wiki_markup in ("'''", "''"):
            marker = "**" if node.wiki_markup == "'''" else "*"
            source = str(node.contents) if node.contents is not None else ""
            if not source:
                return ""
            lead = " " if source[:1].isspace() else ""  # inline() trims; the spaces stay outside
            tail = " " if source[-1:].isspace() else ""
            return _emphasis(marker, lead + self.inline(node.contents) + tail)
        if name == "ref":
            return self.ref(node)
        if name == "references":
            self.list_defined_refs(node.contents, group=_attribute(node, "group"))
            return ""
        if name == "br":
            return "<br>"
        if name == "nowiki":
            return escape_inline(_raw(node))
        if name == "math":
            return _code(_raw(node))
        if name in CODE_TAGS:
            return _code(_raw(node))
        if name in INLINE_HTML:
            inner = self.inline(node.contents) if node.contents else ""
            return f"<{name}>{inner}</{name}>" if inner.strip() else ""
        if name == "poem":
            return self.inline(node.contents).replace("\n", "<br>") if node.contents else ""
        if name in DROPPED_TAGS:
            return ""
        if name in ("hr",):
            return ""
        # Unknown and layout tags (span, div, center...): their content, without the tag.
        return self.inline(node.contents) if node.contents else ""

    def ref(self, node: Tag) -> str:
        name = _attribute(node, "name")
        group = _attribute(node, "group")
        contents = node.contents if node.contents is not None and not node.self_closing else None
        written = str(contents) if contents is not None else ""
        if contents is None or not written.strip():
            return self.references.cite("", name=name, group=group) if name else ""
        text, url, doi = self.reference_text(contents)
        source = None if name else written
        return self.references.cite(text, url=url, doi=doi, name=name, group=group, source=source)

    def tag_ref(self, node: Template) -> str:
        """``{{#tag:ref|text|name=x|group=y}}``: a reference written as a parser function."""
        body = next((p.value for p in node.params if not p.showkey), None)
        named = {
            str(p.name).strip().lower(): str(p.value).strip() for p in node.params if p.showkey
        }
        name, group = named.get("name", ""), named.get("group", "")
        if body is None or not str(body).strip():
            return self.references.cite("", name=name, group=group) if name else ""
        text, url, doi = self.reference_text(body)
        source = None if name else str(body)
        return self.references.cite(text, url=url, doi=doi, name=name, group=group, source=source)

    def reference_text(self, contents: Wikicode) -> tuple[str, str | None, str | None]:
        """A reference's text: a citation template formatted, anything else converted."""
        templates = [n for n in contents.nodes if isinstance(n, Template)]
        others = "".join(
            str(n) for n in contents.nodes if not isinstance(n, Template | Comment)
        ).strip()
        if len(templates) == 1 and not others:
            key = template_key(str(templates[0].name))
            known = citations.is_citation_template(key)
            if known or _unknown_citation(key, templates[0]):
                name = key if known else "cite web"
                params = encyclopedia_params(key, self.citation_params(templates[0]))
                cite = citations.format_citation(name, params)
                return cite.text, cite.url, cite.doi
        text = self.inline(contents)
        if not text.strip() and templates:
            # Nothing of it could be converted: say so rather than show an empty reference.
            names = ", ".join(f"“{str(t.name).strip()}”" for t in templates[:3])
            text = f"The source gives this reference with a template not converted here: {names}."
        return text, None, None

    def list_defined_refs(self, contents: Wikicode | None, *, group: str = "") -> None:
        """The references defined in a reference list: each gives the text of one cited by name
        (a ``<ref name=x>`` or ``{{efn|name=x|text}}``)."""
        if contents is None:
            return
        for node in contents.nodes:
            if isinstance(node, Template) and template_key(str(node.name)) in NOTE_TEMPLATES:
                key = template_key(str(node.name))
                positional, named = self.params(node)
                name = named.get("name", "")
                text = positional[0] if positional else named.get("1", "")
                note_group = named.get("group", "") or NOTE_TEMPLATES[key]
                if name and text:
                    self.references.define(text, name=name, group=note_group)
                continue
            if isinstance(node, Tag) and str(node.tag).lower() == "ref" and node.contents:
                text, url, doi = self.reference_text(node.contents)
                name = _attribute(node, "name")
                own_group = _attribute(node, "group") or group
                self.references.define(text, name=name, group=own_group, url=url, doi=doi)

    def params(self, template: Template) -> tuple[list[str], dict[str, str]]:
        positional: list[str] = []
        named: dict[str, str] = {}
        for param in template.params:
            value = self.inline(param.value).strip()
            if param.showkey:
                named[str(param.name).strip().lower()] = value
            else:
                positional.append(value)
        # {{nowrap|1=a=b}}: a numbered argument is a positional one written by its number.
        for key in sorted((k for k in named if k.isdigit() and len(k) < 3), key=int):
            number = int(key)
            if number < 1:
                continue
            positional.extend([""] * (number - len(positional)))
            positional[number - 1] = named[key]
        return positional, named

    def citation_params(self, template: Template) -> dict[str, str]:
        """Named parameters, with positional ones as "1", "2"... ({{cite q|Q42}})."""
        positional, named = self.params(template)
        numbered = {str(number): value for number, value in enumerate(positional, start=1)}
        return {**numbered, **named}

    def template(self, node: Template) -> str:
        raw_name = str(node.name).strip()
        if raw_name.lower().replace(" ", "") == "#tag:ref":
            return self.tag_ref(node)
        if ":" in raw_name and not raw_name.startswith("#"):
            magic = magic_word_text(raw_name)
            if magic is not None:
                return magic
        if raw_name.startswith("#") or (":" in raw_name and raw_name.split(":")[0].isupper()):
            # Parser functions ({{#invoke:...}}, {{#if:...}}) and magic words ({{DEFAULTSORT:x}}).
            if raw_name.startswith("#"):
                self.unknown[raw_name.split(":")[0].lower()] += 1
            return ""
        key = template_key(raw_name)
        if key in DISAMBIGUATION_TEMPLATES:
            self.disambiguation = True
            return ""
        if infobox_labels.is_infobox(key):
            self.take_infobox(node, key)
            return ""
        if key == "citation" and _is_french_quotation(node):
            positional, _named = self.params(node)
            return f"«\u00a0{positional[0].strip()}\u00a0»" if positional[0].strip() else ""
        if citations.is_citation_template(key) or _unknown_citation(key, node):
            name = key if citations.is_citation_template(key) else "cite web"
            params = encyclopedia_params(key, self.citation_params(node))
            cite = citations.format_citation(name, params)
            link = f" <{cite.url}>" if cite.url else ""
            return cite.text + link
        if citations.is_short_citation_template(key):
            positional, named = self.params(node)
            short = citations.format_short_citation(key, positional, named)
            if not key.startswith("sfn"):
                return short  # {{harvnb}} and kin are inline text, often inside a <ref>
            return self.references.cite(short) if short else ""
        if key in NOTE_TEMPLATES and (key != "note" or _is_french_note(node)):
            positional, named = self.params(node)
            text = positional[0] if positional else named.get("1", "") or named.get("texte", "")
            name = named.get("name", "") or named.get("nom", "")
            group = named.get("group", "") or NOTE_TEMPLATES[key]
            return self.references.cite(text, name=name, group=group) if text or name else ""
        if key in QUOTE_TEMPLATES:
            return self.inline_quote(node)
        if key in LIST_TEMPLATES and node.has("refs"):
            group = str(node.get("group").value).strip() if node.has("group") else ""
            self.list_defined_refs(node.get("refs").value, group=group)
            return ""
        if dates.is_date_template(key):
            positional, named = self.params(node)
            date = dates.format_date_template(key, positional, named)
            if date is not None:
                return date
            if key == "date" and positional:  # the French {{date|15|mai|1955}}, {{date|1453}}
                return " ".join(p.strip() for p in positional[:3] if p.strip())
            self.unknown[key] += 1
            return ""
        if key in HATNOTES or key in DROPPED_HATNOTES:
            return ""  # a hatnote inside a paragraph or value: useless there
        positional, named = self.params(node)
        inline_text = text_template(key, positional, named)
        if inline_text is not None:
            return inline_text
        if not is_dropped(key):
            self.unknown[key] += 1
        return ""

    def take_infobox(self, node: Template, key: str) -> None:
        """The first infobox is the article's. One inside its parameters (a module of it, such
        as {{Infobox spaceflight/IP}}) adds its rows to it; a later one is dropped, though the
        references in its values are kept."""
        nested = self.infobox_depth > 0
        if self.infobox is not None and not nested:
            for param in node.params:
                self.inline(param.value)  # for the references only
            return
        self.infobox_depth += 1
        try:
            params = [(str(p.name).strip(), self.inline(p.value).strip()) for p in node.params]
        finally:
            self.infobox_depth -= 1
        params = self.infobox_footnotes(params)
        if nested:
            self.nested_rows.extend(infobox_labels.infobox_fields(key, params))
            return
        rows = infobox_labels.infobox_fields(key, params) + self.nested_rows
        self.nested_rows = []
        fields = tuple(
            InfoboxField(label=label, value=_value_lines(value))
            for label, value in rows
            if label.strip() and value.strip()
        )
        if fields:
            title = infobox_labels.infobox_title(key, params)
            self.infobox = Infobox(fields=fields, title=title or None)

    def infobox_footnotes(self, params: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """An infobox's lettered footnotes ({{Infobox country|footnote_a=...}}, shown below the
        box) become references: values that point to one (``<sup>a</sup>``) cite it, and one
        nothing points to is listed all the same. The other parameters are returned."""
        footnotes: dict[str, str] = {}
        kept: list[tuple[str, str]] = []
        for name, value in params:
            match = _FOOTNOTE_PARAMETER.fullmatch("_".join(name.lower().split()))
            if match is None:
                kept.append((name, value))
            elif value.strip():
                footnotes[match.group(1)] = value
        if not footnotes:
            return kept
        markers: dict[str, str] = {}

        def marker(letter: str) -> str:
            if letter not in markers:
                markers[letter] = self.references.cite(
                    footnotes[letter], name=f"footnote {letter}", group="infobox footnote"
                )
            return markers[letter]

        def point(match: re.Match[str]) -> str:
            letter = match.group(1)
            return marker(letter) if letter in footnotes else match.group(0)

        kept = [(name, _FOOTNOTE_MARK.sub(point, value)) for name, value in kept]
        for letter in sorted(footnotes):
            marker(letter)
        return kept

    def convert_nested(self, code: Wikicode) -> str:
        nested = _Walker(self.namespaces)
        nested.references = self.references
        nested.unknown = self.unknown
        nested.categories = self.categories
        nested.walk_blocks(code)
        nested.end_line()
        return _assemble(nested.lines)


@functools.lru_cache(maxsize=16384)
def _page_title(raw: str) -> str | None:
    """The title a link names, with MediaWiki's first-letter case, or None when it names none.
    Cached: pages link to the same titles again and again."""
    try:
        title = normalize_title(raw)
    except TitleError:
        return None
    return title[0].upper() + title[1:] if title[0].islower() else title


def _unknown_citation(key: str, node: Template) -> bool:
    names = {str(p.name).strip().lower() for p in node.params if p.showkey and str(p.value).strip()}
    return is_unknown_citation(key, names)


def _value_lines(value: str) -> str:
    """An infobox value with its line breaks as lines, each trimmed, none empty."""
    lines = (line.strip() for line in value.replace("<br>", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _is_french_note(node: Template) -> bool:
    """{{note|text}} is a footnote on the French Wikipedia and an anchor ({{note|name}}, the
    target of an old {{ref|name}}) on the English one: a note has words, an anchor has none."""
    first = next((str(p.value).strip() for p in node.params if not p.showkey), "")
    return " " in first or any(str(p.name).strip().lower() == "texte" for p in node.params)


def _is_french_quotation(node: Template) -> bool:
    """{{citation|text}} with nothing but the text is the French Wikipedia's inline quotation;
    the English {{citation}} always has named parameters."""
    return len(node.params) == 1 and not node.params[0].showkey


def _scrub(text: str) -> str:
    """Text without the wiki markup the parser could not read. Three apostrophes keep one, as
    MediaWiki reads an unbalanced triple."""
    return _LEFTOVER.sub(lambda m: "'" if m.group(0) == "'" * 3 else "", text)


def _without_magic_words(text: str) -> str:
    return MAGIC_WORD.sub("", text) if "__" in text else text


def escape_inline(text: str) -> str:
    """Escape text for inline use: like escape_text, but keeps the surrounding spaces.

    Most text has nothing to scrub or escape, and this runs for every piece of text (it was a
    fifth of the walk's time): the regular expressions run only when a character they act on is
    there. escape_text changes a line only at the characters of _ESCAPED or when it starts as a
    block would; a unit test holds the two to the same results."""
    if _LEFTOVER_START.search(text):
        text = _scrub(text)
    if not text:
        return ""
    core = text.strip()
    if not core:
        return " "
    words = " ".join(core.split())
    if _ESCAPED.search(words) or words[0] in "#-+=" or words[0].isdigit():
        words = escape_text(words)
    lead = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() else ""
    return lead + words + tail


def _emphasis(marker: str, inner: str) -> str:
    core = inner.strip()
    if not core:
        return inner
    lead = " " if inner[0].isspace() else ""
    tail = " " if inner[-1].isspace() else ""
    return f"{lead}{marker}{core}{marker}{tail}"


def _code(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _fence(text: str) -> str:
    text = text.strip("\n")
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`{3,}", text)), default=0) + 1)
    return f"{fence}\n{text}\n{fence}"


def _raw(node: Tag) -> str:
    return str(node.contents) if node.contents is not None else ""


def _attribute(node: Tag, name: str) -> str:
    if not node.has(name):
        return ""
    return str(node.get(name).value).strip().strip("\"'").strip()


def _link_text(target: str) -> str:
    """What MediaWiki shows for an unlabelled link: the target, section sign for sections."""
    page, _, section = target.strip().lstrip(":").partition("#")
    page = " ".join(page.replace("_", " ").split())
    if not page and section:
        return "§ " + section.strip()
    return page + (f" § {section.strip()}" if section.strip() else "")


def _link_label(label: str) -> str:
    """A link label in wiki-link syntax: no brackets, pipes or line breaks."""
    label = label.replace("<br>", " ").replace("\n", " ")
    return " ".join(re.sub(r"[\[\]|]", "", label).split())


def _join_words(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _list_line(prefix: str, text: str) -> str:
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


def _collapse_lines(text: str) -> str:
    if "\n" not in text:
        return text.strip()
    lines = [line.strip() for line in text.split("\n")]
    return "<br>".join(line for line in lines if line)


def _heading_level(line: _Line) -> int:
    return len(line.text) - len(line.text.lstrip("#")) if line.kind == "heading" else 0


def _without_empty_sections(lines: list[_Line]) -> list[_Line]:
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


def _assemble(lines: Iterable[_Line]) -> str:
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


def convert(wikitext: str, *, namespaces: Namespaces | None = None) -> Conversion:
    """Convert one page's wikitext."""
    walker = _Walker(namespaces or Namespaces())
    wikitext = _BREAK_VARIANTS.sub("<br />", wikitext)
    walker.walk_blocks(parse(balance_quotes(wikitext)))
    walker.end_line()
    body = _assemble(walker.lines)
    return Conversion(
        body=body,
        infobox=walker.infobox,
        references=walker.references.build(),
        categories=tuple(walker.categories),
        unknown_templates=walker.unknown,
        disambiguation=walker.disambiguation,
    )
