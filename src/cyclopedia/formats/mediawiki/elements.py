"""Reading the elements of a dump: by local name (every export schema has its own XML
namespace), and forgetting them once read so that memory stays flat."""

from __future__ import annotations

from lxml import etree


def local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def children(element: etree._Element) -> dict[str, etree._Element]:
    return {local_name(child.tag): child for child in element}


def text_of(element: etree._Element | None) -> str | None:
    return None if element is None else (element.text or "")


def line_of(element: etree._Element) -> int:
    line = element.sourceline  # the stubs do not type it
    return line if isinstance(line, int) else 0


def forget(element: etree._Element) -> None:
    """Free an element that has been read, and its earlier siblings, so memory stays flat."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
