"""Telling, from a file's first bytes, a web page from HTML rendered by MediaWiki.

Both are HTML. Pages rendered by MediaWiki (``action=render``, Parsoid HTML, a saved wiki page)
carry marks of it near their start: the parser's output wrapper ``mw-parser-output``, Parsoid's
``typeof="mw:..."``/``data-mw``/RDF prefix, the generator meta tag, the skin's ``mediawiki``
body class and ``mw-content-text`` container, the ``wgPageName`` configuration, or the comment
with the ``action=render`` URL that saved render output begins with. Those belong to the
Wikipedia HTML reader, which reads infoboxes and references; every other HTML page is a web
page (this package's reader).
"""

from __future__ import annotations

import re

MEDIAWIKI_MARKS = re.compile(
    rb"mw-parser-output|typeof=[\"']mw:|property=[\"']mw:|\bdata-mw\b|mediawiki\.org/rdf"
    rb"|<meta[^>]+content=[\"']MediaWiki|class=[\"'][^\"']*\bmediawiki\b|[\"']wgPageName[\"']"
    rb"|%3Faction%3Drender|[?&]action=render|id=[\"']mw-content-text[\"']",
    re.IGNORECASE,
)
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|noscript|div|span|p|table"
    rb"|h[1-6]|header|nav|ul|ol|form|center|font)\b",
    re.IGNORECASE,
)
_PROLOG = re.compile(rb"\s*(?:<\?xml\b.*?\?>|<!--.*?-->)", re.DOTALL)
_SPACE = b" \t\r\n"


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a file (UTF-8 or ASCII-compatible) start an HTML document:
    after an XML declaration and comments, if any, an HTML doctype or element. (Not
    ``<article>``: JATS articles start with it too; XML roots are told apart before this.)"""
    rest = head.removeprefix(b"\xef\xbb\xbf").lstrip(_SPACE)
    while match := _PROLOG.match(rest):
        rest = rest[match.end() :]
    return bool(_HTML_START.match(rest.lstrip(_SPACE)))


def is_mediawiki_html(head: bytes) -> bool:
    """Whether HTML was rendered by MediaWiki (by its marks in the first bytes)."""
    return bool(MEDIAWIKI_MARKS.search(head))


def is_web_page(head: bytes) -> bool:
    """Whether a file is HTML for the web page reader: HTML, and not rendered by MediaWiki."""
    return looks_like_html(head) and not is_mediawiki_html(head)
