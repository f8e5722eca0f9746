"""Templates as the walk meets them inline: each goes to what knows its meaning (citations,
short citations and notes, dates, infoboxes, text templates, reference lists); parser functions,
magic words, disambiguation markers and dropped templates leave nothing, and the templates
nobody knows are counted. The first infobox becomes the page's, its lettered footnotes
references.
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Template

from cyclopedia.document import Infobox, InfoboxField
from cyclopedia.formats.mediawiki.wikitext import citations, dates, infobox_labels
from cyclopedia.formats.mediawiki.wikitext.citation_names import (
    encyclopedia_params,
    is_unknown_citation,
)
from cyclopedia.formats.mediawiki.wikitext.magic_words import magic_word_text
from cyclopedia.formats.mediawiki.wikitext.templates import (
    DISAMBIGUATION_TEMPLATES,
    DROPPED_HATNOTES,
    HATNOTES,
    LIST_TEMPLATES,
    NOTE_TEMPLATES,
    QUOTE_TEMPLATES,
    is_dropped,
    template_key,
    text_template,
)
from cyclopedia.formats.mediawiki.wikitext.walker import Walker

_FOOTNOTE_PARAMETER = re.compile(r"footnote_?([a-z])")
_FOOTNOTE_MARK = re.compile(r"\s?<sup>\s*[\[(]?([a-z])[\])]?\s*</sup>")


class TemplateCalls(Walker):
    """The part of the walk that reads templates."""

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
        if citations.is_citation_template(key) or unknown_citation(key, node):
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


def unknown_citation(key: str, node: Template) -> bool:
    """Whether a citation template of a kind not known here has what a citation needs."""
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
