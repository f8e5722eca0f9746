"""The gate of a dump: nothing that XML parsers are attacked with gets to the parser.

A document type declaration is what every XML attack needs (entity expansion, external entities,
DTD fetches) and MediaWiki never writes one, so the start of the decompressed stream is read and
any DTD refused on the bytes, before libxml2 sees them (:func:`check_prolog`); the root element is
checked again as libxml2 saw it (:func:`read_root`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from cyclopedia.formats.base import ReadError
from cyclopedia.formats.mediawiki.elements import local_name

__all__ = ["READ_CHUNK", "RootInfo", "check_prolog", "read_root"]

READ_CHUNK = 1 << 16
# The prolog (XML declaration, comments) of a dump is a line or two; a megabyte is not a dump.
_PROLOG_LIMIT = 1 << 20
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_EXPORT_VERSION = re.compile(r"/xml/export-(\d+\.\d+)/?$")
# Byte-order marks, and (XML 1.0 appendix F) the width and order of "<" without one.
_BYTE_ORDER_MARKS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_PROLOG_REFUSALS = {
    "doctype": "it declares a DTD or entities; refused: MediaWiki dumps never have one, and "
    "entity expansion and external entities are how XML parsers are attacked",
    "html": "not a MediaWiki XML dump: this is an HTML page",
    "empty": "the file is empty (after decompression)",
    "none": "not a MediaWiki XML dump: there is no XML element in it",
}


@dataclass(frozen=True, slots=True)
class RootInfo:
    version: str
    language: str


def read_root(path: Path, root: etree._Element) -> RootInfo:
    """Check that the document is a MediaWiki dump without a DTD, and read the root's attributes.

    The document type declaration is checked again here, as libxml2 saw it, in case one got past
    ``check_prolog`` in an encoding it does not decode (UTF-7, EBCDIC)."""
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise ReadError(path, _PROLOG_REFUSALS["doctype"])
    name = local_name(root.tag)
    if name != "mediawiki":
        kind = " (an HTML page)" if name.lower() == "html" else ""
        raise ReadError(path, f"not a MediaWiki XML dump: its root element is <{name}>{kind}")
    namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    found = _EXPORT_VERSION.search(namespace)
    version = root.get("version") or (found[1] if found else "")
    return RootInfo(version=version, language=(root.get(_XML_LANG) or "").strip())


def check_prolog(path: Path, stream: BinaryIO) -> bytes:
    """Read the start of the decompressed stream up to the root element, and refuse a document
    type declaration there, the only place XML allows one: MediaWiki never writes one, and a DTD
    is what every XML attack needs (entity expansion, external entities, DTD fetches). This is
    done on the bytes, before libxml2 sees any of them. Returns the bytes read."""
    head = b""
    while True:
        chunk = stream.read(READ_CHUNK)
        head += chunk
        verdict = _prolog_verdict(_decode_start(head), at_end=not chunk)
        if verdict == "root":
            return head
        if verdict is not None:
            raise ReadError(path, _PROLOG_REFUSALS[verdict])
        if len(head) > _PROLOG_LIMIT:
            raise ReadError(path, "not a MediaWiki XML dump: no XML element in its first MiB")


def _decode_start(head: bytes) -> str:
    """The start of an XML document as text, well enough to see its markup: by its byte-order
    mark, or by where the zero bytes of "<" are, or else as Latin-1, which keeps the ASCII of
    UTF-8 and every other ASCII-compatible encoding as it is."""
    for mark, codec in _BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return head[len(mark) :].decode(codec, "replace")
    first = head[:4]
    if first.startswith(b"\0\0\0"):
        codec = "utf-32-be"
    elif first[1:4] == b"\0\0\0":
        codec = "utf-32-le"
    elif first.startswith(b"\0"):
        codec = "utf-16-be"
    elif first[1:2] == b"\0":
        codec = "utf-16-le"
    else:
        codec = "latin-1"
    return head.decode(codec, "replace")


def _prolog_verdict(text: str, *, at_end: bool) -> str | None:
    """ "root" when the root element starts after nothing but an XML declaration, processing
    instructions, comments and white space; the key of a refusal otherwise; None when more text
    is needed to tell."""
    position = 0
    while True:
        start = text.find("<", position)
        if start < 0:
            return ("empty" if not text else "none") if at_end else None
        if len(text) - start < 16 and not at_end:
            return None
        if text.startswith("<?", start):
            end, skip = text.find("?>", start + 2), 2
        elif text.startswith("<!--", start):
            end, skip = text.find("-->", start + 4), 3
        elif text.startswith("<!", start):
            return "html" if text[start : start + 14].upper() == "<!DOCTYPE HTML" else "doctype"
        else:
            return "root"
        if end < 0:
            return "none" if at_end else None
        position = end + skip
