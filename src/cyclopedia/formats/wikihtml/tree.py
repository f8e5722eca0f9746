"""Parsing a page of untrusted HTML into an lxml tree, and reading text out of it.

The bytes are decoded here (UTF-8, a byte-order mark, or the page's own ``<meta charset>``),
NUL and other control characters are removed (a Document may not hold them), comments and
processing instructions are dropped by the parser, and nothing is ever fetched: libxml2's HTML
parser loads no DTD and follows no link. libxml2 caps the depth of the tree (256 levels) without
``huge_tree`` and stops reading deeper: such a page is refused, never silently cut short.
"""

from __future__ import annotations

import codecs
import re

import lxml.etree as etree
import lxml.html
from lxml.html import HtmlElement

from cyclopedia.formats.base import MAX_ITEM_BYTES


class PageError(ValueError):
    """A page that cannot be read as HTML at all, with the reason."""


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
# C0 controls other than tab, line feed and carriage return, DEL and the C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")

MAX_DEPTH = 256  # libxml2's limit without huge_tree: deeper, it stops reading the page


def _parser() -> lxml.html.HTMLParser:
    # A parser of its own for each page: its error log is the page's.
    return lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=False
    )


def decode(data: bytes) -> str:
    """The text of a page's bytes: UTF-8 (with or without a mark), UTF-16 with its mark, else
    the encoding its ``<meta charset>`` names, else Windows-1252 (what browsers assume)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _CHARSET.search(data[:4096])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass  # a charset Python does not know
    return data.decode("cp1252", errors="replace")


def parse_html(page: bytes | str) -> HtmlElement:
    """The ``<html>`` element of a page; PageError when there is none to be had."""
    if len(page) > MAX_ITEM_BYTES:
        raise PageError(f"the page is {len(page):,} bytes long; a page may be {MAX_ITEM_BYTES:,}")
    text = decode(page) if isinstance(page, bytes) else page
    text = _CONTROLS.sub("", _XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        raise PageError("the page is empty")
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise PageError(f"not readable as HTML: {error}") from error
    if root is None:
        raise PageError("not readable as HTML")
    for entry in parser.error_log:
        if entry.level_name == "FATAL":  # the parser stopped: the rest of the page is lost
            if entry.type_name == "ERR_RESOURCE_LIMIT":
                raise PageError(f"the page is nested more than {MAX_DEPTH} elements deep")
            raise PageError(f"not readable as HTML: {entry.message} (line {entry.line})")
    return root


def classes(element: HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def tag(element: HtmlElement) -> str:
    """The element's name in lower case; "" for comments and the like."""
    return element.tag.lower() if isinstance(element.tag, str) else ""


def text_of(element: HtmlElement) -> str:
    """The element's text, whitespace runs as single spaces."""
    return _SPACES.sub(" ", element.text_content()).strip()


def squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
