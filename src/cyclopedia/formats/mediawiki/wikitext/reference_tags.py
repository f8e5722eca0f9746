"""References as the walk meets them: ``<ref>`` (named, reused, grouped), ``{{#tag:ref}}``, and
the references a list defines (``<references>...</references>``, ``{{reflist|refs=}}``). A
reference that is one citation template is formatted as a citation, with its URL and DOI.
"""

from __future__ import annotations

from mwparserfromhell.nodes import Comment, Tag, Template
from mwparserfromhell.wikicode import Wikicode

from cyclopedia.formats.mediawiki.wikitext import citations
from cyclopedia.formats.mediawiki.wikitext.citation_names import encyclopedia_params
from cyclopedia.formats.mediawiki.wikitext.template_calls import unknown_citation
from cyclopedia.formats.mediawiki.wikitext.templates import NOTE_TEMPLATES, template_key
from cyclopedia.formats.mediawiki.wikitext.walker import Walker, attribute


class ReferenceTags(Walker):
    """The part of the walk that takes references."""

    def ref(self, node: Tag) -> str:
        name = attribute(node, "name")
        group = attribute(node, "group")
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
            if known or unknown_citation(key, templates[0]):
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
                name = attribute(node, "name")
                own_group = attribute(node, "group") or group
                self.references.define(text, name=name, group=own_group, url=url, doi=doi)
