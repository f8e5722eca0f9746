"""Templates that make blocks: hatnotes ("Main article: ..."), quotations, track listings, and
the rows of a football squad or a list of twin towns when they start a line.
"""

from __future__ import annotations

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from cyclopedia.formats.mediawiki.wikitext.markdown_text import escape_inline, join_words
from cyclopedia.formats.mediawiki.wikitext.parsing import parse
from cyclopedia.formats.mediawiki.wikitext.row_templates import TRACK_LISTS, track_list
from cyclopedia.formats.mediawiki.wikitext.templates import (
    DROPPED_HATNOTES,
    HATNOTE_PLURALS,
    HATNOTES,
    QUOTE_AUTHOR,
    QUOTE_SOURCE,
    QUOTE_TEMPLATES,
    QUOTE_TEXT,
    template_key,
    text_template,
)
from cyclopedia.formats.mediawiki.wikitext.walker import Walker


class BlockTemplates(Walker):
    """The part of the walk that writes hatnotes, quotations and rows as blocks."""

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
            text = f"{lead}: {join_words(targets)}"
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
        if key in TRACK_LISTS:
            _positional, named = self.params(template)
            listing = track_list(named)
            if listing:
                self.block("block", listing)
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
