"""JATS mixed content (the inside of a paragraph, title, caption or table cell) as inline
Cyclopedia Markdown.

- ``italic``/``bold`` become emphasis, ``sup``/``sub``/``underline`` sanitisable HTML;
- ``xref`` to a bibliography entry becomes the citation marker of its reference (``[^3]``): a
  numeric xref ("[3]", "3–5") is replaced by its markers, an author-year one ("Smith et al.,
  2005") keeps its words and gets the marker after them; other xrefs keep their text;
- ``ext-link``/``uri`` become links when their target is an http(s) or mailto URL (DOIs and
  PubMed ids are made into their URLs); any other target (``javascript:``, ``data:``, relative
  paths) is dropped, and so is a link text that spells such a URL;
- formulas become text (``mathml.py``); images, media and anything script-like are dropped;
- a footnote in the text (``fn`` inside a paragraph) becomes a reference of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from cyclopedia.document import Reference
from cyclopedia.document.markup import citation
from cyclopedia.formats.jats.markup import (
    code_span,
    collapse,
    doi_url,
    emphasis,
    escape,
    link,
    normalize_doi,
    safe_url,
    unsafe_scheme,
    wrap,
)
from cyclopedia.formats.jats.mathml import math_markdown, tex_markdown
from cyclopedia.formats.jats.parsing import all_text, href, text

# Media are out of scope (captions are kept); script-like elements never carry article text.
DROPPED = frozenset(
    {
        "graphic", "inline-graphic", "media", "inline-media", "alt-text", "long-desc",
        "object-id", "script", "style", "iframe", "object", "embed", "applet", "form", "svg",
        "permissions", "x",
    }
)  # fmt: skip
# Elements that stand on their own between paragraphs, even when tagged inside one.
BLOCKS = frozenset(
    {
        "p", "sec", "list", "def-list", "fig", "fig-group", "table-wrap", "table-wrap-group",
        "disp-formula", "disp-formula-group", "disp-quote", "boxed-text", "preformat", "code",
        "statement", "speech", "verse-group", "chem-struct-wrap", "array", "supplementary-material",
        "table", "glossary", "ref-list", "address", "question-wrap", "answer", "question",
    }
)  # fmt: skip
_NUMERIC_CITATION = re.compile(r"[\[(]?\s*[\d\s,;–—−\-]*\d[a-z]?\s*[\])]?")
_YEAR = re.compile(r"\b1[5-9]\d\d\b|\b20\d\d\b")
_MARKERS_ONLY = re.compile(r"(?:\s|,|;|–|—|\\?-|\[\^[^\]\s]+\])*")
_MARKER = re.compile(r"\[\^[^\]\s]+\]")
# "[[^1], [^2]]": PLOS puts the brackets of "[1], [2]" outside its xrefs.
_ENCLOSED_MARKERS = re.compile(
    r"\\\[\s*(?:\[\^[^\]\s]+\](?:\s|,|;|–|—|\\?-)*)+\\\]"
    r"|\(\s*(?:\[\^[^\]\s]+\](?:\s|,|;|–|—|\\?-)*)+\)"
)
_BETWEEN_MARKERS = re.compile(r"(\[\^[^\]\s]+\])\s*[,;]\s*(?=\[\^)")
_MARKER_RANGE = re.compile(r"\[\^(\d+)\]\s*(?:–|—|\\?-)\s*\[\^(\d+)\]")
MAX_RANGE = 30
_SPACES = re.compile(r" {2,}")


@dataclass
class Context:
    """What converting one article shares: reference labels by ``ref`` id, and the footnotes
    met in the text, which become references."""

    ref_labels: dict[str, str] = field(default_factory=dict)
    notes: list[Reference] = field(default_factory=list)

    def note(self, markdown: str) -> str:
        label = f"note-{len(self.notes) + 1}"
        self.notes.append(Reference(label=label, text=markdown))
        return citation(label)


def tidy(markdown: str) -> str:
    """One line of inline Markdown: no double spaces, no space at either end, and numeric
    citation ranges ("[^3]–[^6]") spelled out as the markers they stand for."""
    markdown = _SPACES.sub(" ", markdown).strip()
    if "[^" not in markdown:
        return markdown
    markdown = _MARKER_RANGE.sub(_expand_range, markdown)  # "[[^3]–[^7]]" first
    markdown = _ENCLOSED_MARKERS.sub(lambda m: "".join(_MARKER.findall(m.group(0))), markdown)
    markdown = _MARKER_RANGE.sub(_expand_range, markdown)  # then "[[^2]]–[[^5]]"
    return _BETWEEN_MARKERS.sub(r"\1", markdown)


def _expand_range(match: re.Match[str]) -> str:
    first, last = int(match.group(1)), int(match.group(2))
    if not 0 < last - first <= MAX_RANGE:
        return match.group(0)
    return "".join(citation(str(number)) for number in range(first, last + 1))


def inline(element: etree._Element, ctx: Context) -> str:
    """The content of ``element`` (not its tail) as inline Markdown."""
    parts = [escape(element.text)]
    for item in element:
        if isinstance(item.tag, str):
            parts.append(convert(item, ctx, before="".join(parts)))
        parts.append(escape(item.tail))
    return "".join(parts)


def flat(element: etree._Element, ctx: Context, *, skip: frozenset[str] = frozenset()) -> str:
    """Like :func:`inline`, for content that may hold paragraphs and lists (a table cell, a
    footnote, a list item in a caption): the blocks are joined by line breaks. Children named
    in ``skip`` (a footnote's label) are left out, their tails kept."""
    lines: list[str] = []
    current = [escape(element.text)]
    for item in element:
        if isinstance(item.tag, str) and item.tag in skip:
            pass
        elif isinstance(item.tag, str) and item.tag in BLOCKS:
            lines.append(tidy("".join(current)))
            current = []
            if item.tag in ("list", "def-list"):
                lines.extend(flat(entry, ctx) for entry in item if isinstance(entry.tag, str))
            elif item.tag not in DROPPED:
                lines.append(flat(item, ctx))
        elif isinstance(item.tag, str):
            current.append(convert(item, ctx, before="".join(current)))
        current.append(escape(item.tail))
    lines.append(tidy("".join(current)))
    return "<br>".join(line for line in lines if line)


def convert(item: etree._Element, ctx: Context, *, before: str = "") -> str:
    """One element met in mixed content (without its tail)."""
    tag = item.tag
    if tag in DROPPED:
        return ""
    if tag in ("italic", "i", "em"):
        return emphasis(inline(item, ctx), strong=False, before=before)
    if tag in ("bold", "b", "strong"):
        return emphasis(inline(item, ctx), strong=True, before=before)
    if tag in ("sup", "sub"):
        inner = inline(item, ctx)
        if _MARKERS_ONLY.fullmatch(inner):  # "<sup>[1], [2]</sup>": the markers say it all
            return "".join(_MARKER.findall(tidy(inner)))
        return wrap(tag, inner)
    if tag == "underline":
        return wrap("u", inline(item, ctx))
    if tag in ("strike", "s"):
        return wrap("s", inline(item, ctx))
    if tag in ("monospace", "code", "preformat"):
        return code_span(all_text(item))
    if tag == "xref":
        return _xref(item, ctx)
    if tag in ("related-object", "element-citation", "nlm-citation", "mixed-citation"):
        from cyclopedia.formats.jats.citations import citation_markdown  # it uses this module

        return citation_markdown(item, ctx)
    if tag in ("ext-link", "uri", "self-uri", "related-article"):
        return _link(item, ctx)
    if tag in ("inline-formula", "disp-formula", "alternatives", "math", "tex-math"):
        return formula(item, ctx)
    if tag == "break":
        return "<br>"
    if tag == "fn":
        return ctx.note(flat(item, ctx)) if text(item) else ""
    if tag in BLOCKS:
        return " " + flat(item, ctx) + " "
    return inline(item, ctx)


def formula(item: etree._Element, ctx: Context) -> str:
    """A formula as text: its MathML, else its TeX, else whatever text it has."""
    if item.tag == "math":
        return math_markdown(item)
    if item.tag == "tex-math":
        return tex_markdown(item)
    math = next(item.iter("math"), None)
    if math is not None:
        return math_markdown(math)
    tex = next(item.iter("tex-math"), None)
    if tex is not None:
        return tex_markdown(tex)
    content = tidy(inline(item, ctx))
    return content or escape("[formula]")


def _xref(item: etree._Element, ctx: Context) -> str:
    content = inline(item, ctx)
    if item.get("ref-type") != "bibr":
        return content
    labels = [
        ctx.ref_labels[rid] for rid in (item.get("rid") or "").split() if rid in ctx.ref_labels
    ]
    if not labels:
        return content
    markers = "".join(citation(label) for label in dict.fromkeys(labels))
    words = text(item)
    if not words or (_NUMERIC_CITATION.fullmatch(words) and not _YEAR.search(words)):
        return markers  # "[3]", "3–5": the markers say it; "2004" (of "Smith 2003, 2004") not
    return content.rstrip() + markers


def link_target(item: etree._Element) -> str | None:
    """Where an ``ext-link``/``uri`` points, as a safe absolute URL, or None."""
    target = href(item) or (text(item) if item.tag == "uri" else "")
    kind = (item.get("ext-link-type") or "").lower()
    if kind == "doi" or target.lower().startswith(("doi:", "info:doi/")):
        doi = normalize_doi(target)
        return doi_url(doi) if doi else None
    if kind in ("pmid", "pubmed") and target.isdigit():
        return f"https://pubmed.ncbi.nlm.nih.gov/{target}/"
    if kind == "pmcid" and re.fullmatch(r"PMC\d+", target):
        return f"https://www.ncbi.nlm.nih.gov/pmc/articles/{target}/"
    doi = normalize_doi(target) if re.match(r"https?://(dx\.)?doi\.org/", target, re.I) else None
    return doi_url(doi) if doi else safe_url(target)


def _link(item: etree._Element, ctx: Context) -> str:
    label = tidy(inline(item, ctx))
    target = link_target(item)
    words = text(item)
    if target is None:
        return "" if unsafe_scheme(words) else label
    if not label or collapse(words).strip() in (href(item), target):
        return f"<{target}>"
    return link(label, target)
