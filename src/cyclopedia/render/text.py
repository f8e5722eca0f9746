"""Plain text of rendered HTML: for search, previews and exports."""

from __future__ import annotations

import re

import lxml.html

_BLOCKS = {"p", "li", "h2", "h3", "h4", "h5", "h6", "tr", "dd", "dt", "blockquote", "pre", "div"}
_SPACE = re.compile(r"[ \t\r\f\v]+")


LEAD_MAX_CHARS = 300


def lead_text(body_text: str, *, limit: int = LEAD_MAX_CHARS) -> str:
    """The first paragraph of a body's plain text, cut at a word boundary to ``limit``."""
    first = body_text.split("\n", 1)[0].strip()
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment: one line per block, citation markers left out."""
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for marker in root.xpath('.//sup[@class="reference"]'):
        marker.drop_tree()
    for element in root.iter():
        if element.tag in _BLOCKS or element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in ("td", "th"):
            element.tail = "\t" + (element.tail or "")
    text = root.text_content()
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
