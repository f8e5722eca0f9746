"""Telling a saved page of rendered MediaWiki HTML from any other HTML page, by its first bytes."""

from __future__ import annotations

import re

# What MediaWiki's renderers leave in a page and other sites do not: its classes and ids, Parsoid's
# RDFa, its configuration, reference markers, the comment a saving tool writes with the address.
_MARKS = re.compile(
    rb"mw-parser-output|id=\"mw-content-text\"|typeof=\"mw:|property=\"mw:|rel=\"mw:|"
    rb"\"wgRevisionId\"|wgPageName|mw-headline|class=\"mw-|cite_note-|cite_ref-|"
    rb"class=\"infobox|This article is issued from|<!--\s*https?%3A//[a-z.-]*wiki[a-z]*\.org/wiki|"
    rb"<!--\s*saved from url=\(\d+\)https?://[a-z.-]*\.wiki[a-z]*\.org/wiki/|NewPP limit report|"
    rb"//upload\.wikimedia\.org/|//[a-z-]+\.wikipedia\.org/wiki/",
    re.IGNORECASE,
)
MIN_MARKS = 2


def looks_like_wiki_html(head: bytes) -> bool:
    """Whether the first bytes of an HTML file (8 KiB are plenty) are MediaWiki's rendering."""
    return len({match.group(0).lower() for match in _MARKS.finditer(head)}) >= MIN_MARKS
