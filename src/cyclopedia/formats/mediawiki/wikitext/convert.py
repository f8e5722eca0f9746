"""Convert one page's wikitext: a mwparserfromhell tree walked into Cyclopedia Markdown.

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

import re
from collections import Counter
from dataclasses import dataclass

from cyclopedia.document import Infobox, Reference
from cyclopedia.formats.mediawiki.wikitext.block_templates import BlockTemplates
from cyclopedia.formats.mediawiki.wikitext.lines import assemble
from cyclopedia.formats.mediawiki.wikitext.namespaces import Namespaces as Namespaces
from cyclopedia.formats.mediawiki.wikitext.parsing import parse
from cyclopedia.formats.mediawiki.wikitext.quotes import balance_quotes
from cyclopedia.formats.mediawiki.wikitext.reference_tags import ReferenceTags
from cyclopedia.formats.mediawiki.wikitext.template_calls import TemplateCalls

# Line breaks as MediaWiki accepts them but mwparserfromhell does not: <br/ >, </br>, <br.>.
_BREAK_VARIANTS = re.compile(r"<\s*/?\s*br\b[^<>]*>|<\s*/\s*br\s*>", re.IGNORECASE)


@dataclass
class Conversion:
    body: str
    infobox: Infobox | None
    references: tuple[Reference, ...]
    categories: tuple[str, ...]
    unknown_templates: Counter[str]
    disambiguation: bool


class _PageWalker(BlockTemplates, TemplateCalls, ReferenceTags):
    """The whole walk: blocks and inline content (walker.py), templates (template_calls.py),
    hatnotes and quotations (block_templates.py), references (reference_tags.py)."""


def convert(wikitext: str, *, namespaces: Namespaces | None = None) -> Conversion:
    """Convert one page's wikitext."""
    walker = _PageWalker(namespaces or Namespaces())
    wikitext = _BREAK_VARIANTS.sub("<br />", wikitext)
    walker.walk_blocks(parse(balance_quotes(wikitext)))
    walker.end_line()
    body = assemble(walker.lines)
    return Conversion(
        body=body,
        infobox=walker.infobox,
        references=walker.references.build(),
        categories=tuple(walker.categories),
        unknown_templates=walker.unknown,
        disambiguation=walker.disambiguation,
    )
