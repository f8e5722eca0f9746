"""The gate of a JATS file: hostile XML is refused before and while lxml reads it.

JATS files carry a document type declaration naming their DTD (NLM 2.3, 3.0, JATS 1.x), so a
DOCTYPE cannot be refused as the MediaWiki reader does. What is refused instead:

- entity declarations in the internal subset (billion laughs, quadratic blowup, external
  entities), on the bytes before the parser sees them and again as libxml2 read them;
- anything but a well-formed document within the size and depth limits (``huge_tree`` off keeps
  libxml2's own limits on text nodes and nesting; ours is lower, for the converter's recursion).

The parser never loads a DTD, never resolves an entity and never touches the network: the external
DTD of the DOCTYPE is inert. Entity references that the DTD would have defined (``&nbsp;``) are
read as the HTML character of that name, and an unknown one is kept as visible text.

After parsing, element names are reduced to their local names (JATS has no namespace of its own,
MathML and ``ali:`` names do not collide with JATS ones), and comments and processing
instructions are removed, so that the converter sees plain JATS.
"""

from __future__ import annotations

import html.entities
import re
from pathlib import Path
from typing import Any

from lxml import etree

from cyclopedia.formats.base import MAX_ITEM_BYTES, ReadError

XLINK = "{http://www.w3.org/1999/xlink}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_DEPTH = 120  # elements nested deeper than this are refused (real articles stay under 40)
_PROLOG_WINDOW = 1 << 16
_BYTE_ORDER_MARKS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_XML_SPACE = re.compile(r"[ \t\r\n]+")
_DOCTYPE = re.compile(r"<!DOCTYPE\b", re.IGNORECASE)
_ENTITIES_REFUSED = (
    "its DTD declares entities; refused: JATS articles never need their own, and entity "
    "expansion and external entities are how XML parsers are attacked"
)


def _decode_start(head: bytes) -> str:
    """The start of an XML document as text, well enough to see its markup."""
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


def check_prolog(path: Path, data: bytes) -> None:
    """Refuse, on the bytes, a DOCTYPE whose internal subset declares entities."""
    text = _decode_start(data[:_PROLOG_WINDOW])
    match = _DOCTYPE.search(text)
    if not match:
        return
    rest = text[match.end() :]
    bracket, close = rest.find("["), rest.find(">")
    if bracket < 0 or (0 <= close < bracket):
        return  # no internal subset: only the (never loaded) external DTD is named
    subset_end = rest.find("]", bracket)
    subset = rest[bracket:] if subset_end < 0 else rest[bracket:subset_end]
    if "<!ENTITY" in subset.upper() or "%" in subset:
        raise ReadError(path, _ENTITIES_REFUSED)
    if subset_end < 0:
        raise ReadError(path, "its DTD internal subset does not end within the first 64 KiB")


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_ITEM_BYTES:
            raise ReadError(
                path, f"the file is {size:,} bytes; an article may be {MAX_ITEM_BYTES:,}"
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_ITEM_BYTES + 1)
    except OSError as error:
        raise ReadError(path, f"cannot read: {error.strerror or error}") from error
    if len(data) > MAX_ITEM_BYTES:
        raise ReadError(path, f"the file is larger than {MAX_ITEM_BYTES:,} bytes")
    if not data.strip():
        raise ReadError(path, "the file is empty")
    return data


def _parser() -> etree.XMLParser:
    # Only these options: lxml's ``collect_ids=False`` (XML_PARSE_NODICT's neighbour) makes
    # libxml2 load the external DTD of the DOCTYPE, a local file or a URL (tested).
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def parse_bytes(path: Path, data: bytes) -> etree._Element:
    """The root element of a JATS document, cleaned (see the module's docstring)."""
    check_prolog(path, data)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise ReadError(path, f"not well-formed XML: {error}") from error
    if root is None:
        raise ReadError(path, "no XML element in the file")
    dtd: Any = root.getroottree().docinfo.internalDTD  # the stubs lack iterentities()
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ReadError(path, _ENTITIES_REFUSED)  # an encoding the byte check did not read
    depth = _depth(root)
    if depth > MAX_DEPTH:
        raise ReadError(path, f"elements are nested {depth} deep; at most {MAX_DEPTH}")
    _clean(root)
    return root


def parse_file(path: Path) -> etree._Element:
    return parse_bytes(path, read_bytes(path))


def _depth(root: etree._Element) -> int:
    deepest = depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
    return deepest


def _entity_text(name: str) -> str:
    char = html.entities.html5.get(f"{name};")
    return char if char is not None else f"&{name};"


def _clean(root: etree._Element) -> None:
    """Local names, entity references as their characters, no comments or PIs."""
    removals: list[tuple[etree._Element, str]] = []
    for node in root.iter():
        if isinstance(node, etree._Entity):
            removals.append((node, _entity_text(str(node.name))))
        elif isinstance(node, etree._Comment | etree._ProcessingInstruction):
            removals.append((node, ""))
        elif isinstance(node.tag, str) and node.tag.startswith("{"):
            node.tag = etree.QName(node).localname
    for node, text in removals:
        _replace_with_text(node, text)
    etree.cleanup_namespaces(root)


def _replace_with_text(node: etree._Element, text: str) -> None:
    parent = node.getparent()
    if parent is None:
        return
    text += node.tail or ""
    previous = node.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(node)


def href(element: etree._Element) -> str:
    """An element's link (``xlink:href``, or a bare ``href`` in sloppy files), stripped."""
    value = element.get(f"{XLINK}href") or element.get("href") or ""
    return value.strip()


def all_text(element: etree._Element) -> str:
    """The whole text of an element, as it is."""
    return "".join(str(piece) for piece in element.itertext())


def text(element: etree._Element | None) -> str:
    """The whole text of an element, whitespace collapsed."""
    if element is None:
        return ""
    return _XML_SPACE.sub(" ", all_text(element)).strip(" ")


def child(element: etree._Element | None, *names: str) -> etree._Element | None:
    """The first child with one of ``names``."""
    if element is None:
        return None
    for item in element:
        if item.tag in names:
            return item
    return None


def children(element: etree._Element | None, *names: str) -> list[etree._Element]:
    if element is None:
        return []
    return [item for item in element if item.tag in names]
