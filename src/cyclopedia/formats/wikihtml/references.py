"""The reference lists of a rendered page and the markers in its text that cite them.

MediaWiki renders ``<ref>`` as a marker ``<sup class="reference"><a href="#cite_note-X">[1]</a>``
(``class="mw-ref"`` and ``href="./Page#cite_note-X"`` in Parsoid HTML and mwoffliner pages) and
the list as ``<ol class="references"><li id="cite_note-X">…``. The lists are taken out of the
page before it is converted; each marker becomes a citation ``[^n]``, numbered in order of first
citation (the infobox first, as the Document counts them), and the references nothing cites are
kept after the others, as the page lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

from lxml.html import HtmlElement

from cyclopedia.document import Reference
from cyclopedia.document.markup import citation
from cyclopedia.formats.wikihtml.tree import classes, squash, tag

MISSING_TEXT = "This reference is cited in the source, but its text is not given there."
REFERENCE_LIST_CLASSES = {"references", "mw-references"}
MARKER_CLASSES = {"reference", "mw-ref"}
_DOI = re.compile(r"(?:doi\.org/|^doi:)(10\.\d{4,9}/\S+)", re.IGNORECASE)


def is_marker(element: HtmlElement) -> bool:
    """Whether an element is a citation marker (a ``sup`` linking to a reference)."""
    if tag(element) not in ("sup", "span"):
        return False
    if classes(element) & MARKER_CLASSES:
        return True
    return tag(element) == "sup" and any(
        "#cite_note" in (link.get("href") or "") for link in element.iter("a")
    )


def _note_id(marker: HtmlElement) -> str:
    for link in marker.iter("a"):
        href = link.get("href") or ""
        if "#" in href:
            return unquote(href.rpartition("#")[2])
    return ""


def doi_of(url: str) -> str | None:
    match = _DOI.search(unquote(url))
    return match.group(1).rstrip(".,;") if match else None


class References:
    """The reference lists of one page, and the labels given to them as they are cited."""

    def __init__(self, root: HtmlElement) -> None:
        self._notes: dict[str, HtmlElement] = {}
        self._order: list[str] = []  # note ids as the lists give them
        self._labels: dict[str, str] = {}
        for element in list(root.iter("ol", "ul")):
            if classes(element) & REFERENCE_LIST_CLASSES:
                for item in element:
                    note = item.get("id") or ""
                    if tag(item) == "li" and note and note not in self._notes:
                        self._notes[note] = item
                        self._order.append(note)
                if element.getparent() is not None:
                    element.drop_tree()

    def __bool__(self) -> bool:
        return bool(self._notes)

    def marker(self, element: HtmlElement) -> str:
        """The citation for a marker; "" when it points at no reference of the page."""
        note = _note_id(element)
        if note not in self._notes:
            return ""
        label = self._labels.get(note)
        if label is None:
            label = self._labels[note] = str(len(self._labels) + 1)
        return citation(label)

    def build(self, text: Callable[[HtmlElement], tuple[str, str | None]]) -> tuple[Reference, ...]:
        """The references, cited ones first; ``text`` converts an item to its inline Markdown
        and the URL it names first."""
        for note in self._order:
            if note not in self._labels:
                self._labels[note] = str(len(self._labels) + 1)
        references = []
        for note, label in self._labels.items():
            item = self._notes[note]
            body = next(
                (
                    span
                    for span in item.iter("span", "div")
                    if classes(span) & {"reference-text", "mw-reference-text"}
                ),
                item,
            )
            markdown, url = text(body)
            markdown = squash(markdown)
            references.append(
                Reference(
                    label=label,
                    text=markdown or MISSING_TEXT,
                    url=url,
                    doi=_doi_in(body),
                )
            )
        return tuple(references)


def _doi_in(element: HtmlElement) -> str | None:
    for link in element.iter("a"):
        found = doi_of(link.get("href") or "")
        if found:
            return found
    return None
