"""Read a plain-text encyclopedia page, as scraped from a mirror, into a Document.

The shape (see the seed page): a title line; optionally alternative-name lines and infobox rows
("Label value", continuation lines below); body paragraphs separated by blank lines, with ``[n]``
citation markers; optionally a licence footer, which is recognised, kept as licence evidence and
removed from the body. Anything that is not such a page is refused as a whole, naming the file.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cyclopedia.document import (
    Attribution,
    Document,
    DocumentError,
    Infobox,
    InfoboxField,
    License,
    Reference,
)
from cyclopedia.document.license import UNKNOWN_LICENSE
from cyclopedia.document.markup import citation, cited_labels, escape_text
from cyclopedia.document.titles import TitleError, normalize_title
from cyclopedia.formats.base import ItemError, ReadError, ReadOptions
from cyclopedia.formats.files import read_text_file
from cyclopedia.formats.mediawiki.urls import parse_page_url
from cyclopedia.formats.text.footer import detect_license, footer_start
from cyclopedia.formats.text.labels import split_label

MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 20
MAX_ALIAS_CHARS = 120
MAX_HEADER_LINE_CHARS = 300
MAX_HEADING_CHARS = 80
# A first line at least this fraction of the usual width of the lines below is filled like them.
WRAPPED_WIDTH_RATIO = 0.75

# "[1]" or "[note 3]" as escaped by escape_text: "\[1\]".
_ESCAPED_MARKER = re.compile(r"\\\[(\d{1,4}|note \d{1,4})\\\]")
_MARKER = re.compile(r"\[(\d{1,4}|note \d{1,4})\]")
_SENTENCE_END = (".", "!", "?", ":", ";", ",", "—")  # a line ending in a dash leads on


@dataclass
class _Page:
    title: str
    aliases: list[str] = field(default_factory=list)
    rows: list[tuple[str, list[str]]] = field(default_factory=list)
    blocks: list[list[str]] = field(default_factory=list)  # body blocks of lines
    footer: str = ""


def _is_title(line: str) -> bool:
    return (
        len(line) <= MAX_TITLE_CHARS
        and len(line.split()) <= MAX_TITLE_WORDS
        and not _MARKER.search(line)
        and any(ch.isalpha() for ch in line)
        and not line.endswith(_SENTENCE_END)
        and line.count("(") <= line.count(")")  # "ADVENTURE (from Lat. res" goes on below
    )


def _runs_on(line: str, following: str) -> bool:
    """Whether a line is the start of a hard-wrapped paragraph that goes on in the next line."""
    return line.endswith("-") or following[:1].islower()


def _starts_paragraph(block: list[str]) -> bool:
    """Whether the first line of a block is the first line of a hard-wrapped paragraph (as in
    scanned text), not a title: it runs on into the next line, or, when the lines below are not
    alternative names or infobox rows, it is filled to about their width."""
    if len(block) < 2:
        return False
    if _runs_on(block[0], block[1]):
        return True
    widths = [len(line) for line in block[1:-1]]  # the last line of a paragraph may be short
    return (
        bool(widths)
        and len(block[0]) >= WRAPPED_WIDTH_RATIO * statistics.median(widths)
        and _header(block[1:]) is None
    )


def _is_alias(line: str) -> bool:
    return (
        len(line) <= MAX_ALIAS_CHARS
        and not line.endswith(_SENTENCE_END)
        and any(ch.isalpha() for ch in line)  # not a page number
        and not _MARKER.search(line)  # a line citing a source is prose
    )


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _header(block: list[str]) -> tuple[list[str], list[tuple[str, list[str]]]] | None:
    """Alternative names and infobox rows of a header block, or None when it is prose."""
    aliases: list[str] = []
    rows: list[tuple[str, list[str]]] = []
    for index, line in enumerate(block):
        if len(line) > MAX_HEADER_LINE_CHARS:
            return None
        row = split_label(line)
        if row:
            label, value = row
            rows.append((label, [value] if value else []))
        elif rows:
            rows[-1][1].append(line)
        elif _is_alias(line) and not (index + 1 < len(block) and _runs_on(line, block[index + 1])):
            aliases.append(line)
        else:
            return None
    if not rows and len(aliases) > 2:
        return None  # several short lines without a single infobox row: that is body text
    return aliases, rows


def parse(path: Path, text: str) -> _Page:
    lines = [line.strip() for line in text.split("\n")]
    cut = footer_start(lines)
    footer = "\n".join(lines[cut:]).strip() if cut is not None else ""
    blocks = _blocks(lines[:cut] if cut is not None else lines)
    if not blocks:
        # Whitespace that ``bytes.strip`` in decode() does not know (a BOM, no-break spaces) ends
        # up here too: say that the file is empty unless there is a footer.
        reason = "the page has no text before its licence footer" if footer else "the file is empty"
        raise ReadError(path, reason)
    first = blocks[0]
    if not _is_title(first[0]):
        raise ReadError(path, f"no recognisable title: the first line is {first[0][:60]!r}…")
    if _starts_paragraph(first):
        raise ReadError(
            path,
            f"no recognisable title: the first line {first[0][:60]!r}… is the start of a "
            "paragraph (a title stands on a line of its own, followed by a blank line)",
        )
    page = _Page(title=first[0], footer=footer)
    rest = [first[1:], *blocks[1:]] if len(first) > 1 else blocks[1:]
    for index, block in enumerate(rest):
        header = _header(block)
        if header is None:
            page.blocks = rest[index:]
            break
        aliases, rows = header
        page.aliases.extend(aliases)
        page.rows.extend(rows)
    return page


def _markdown(text: str) -> str:
    """Plain text as Markdown, its ``[n]`` markers as citation markers."""
    return _ESCAPED_MARKER.sub(lambda m: citation(_label(m.group(1))), escape_text(text))


def _label(marker: str) -> str:
    return marker.replace(" ", "-")


def _body(blocks: list[list[str]]) -> str:
    parts = []
    for position, block in enumerate(blocks):
        is_last = position == len(blocks) - 1
        line = block[0]
        if (
            len(block) == 1
            and not is_last
            and len(line) <= MAX_HEADING_CHARS
            and not line.endswith(_SENTENCE_END)
            and not _MARKER.search(line)
            and any(ch.isalpha() for ch in line)  # a page number is not a heading
        ):
            parts.append("## " + escape_text(line))
        else:
            parts.append(_markdown("\n".join(block)))
    return "\n\n".join(parts)


class TextPageReader:
    name = "text"
    many_items = False
    description = "plain-text encyclopedia page (title, infobox rows, paragraphs, licence footer)"

    def read(self, path: Path, options: ReadOptions) -> Iterator[Document | ItemError]:
        page = parse(path, read_text_file(path))
        try:
            yield self.document(page, options, key=path.name)
        except (DocumentError, TitleError) as error:
            raise ReadError(path, str(error)) from error

    def document(self, page: _Page, options: ReadOptions, *, key: str) -> Document:
        title = normalize_title(options.title or page.title)
        fields = tuple(
            InfoboxField(label=label, value=_markdown("\n".join(values)))
            for label, values in page.rows
            if values
        )
        body = _body(page.blocks)
        infobox = Infobox(fields) if fields else None
        license, evidence = self._license(page, options)
        wiki = parse_page_url(options.source_url) if options.source_url else None
        attribution = Attribution(
            source_title=page.title,
            source_name=wiki.site_name if wiki else "",
            source_url=options.source_url,
            history_url=wiki.history_url if wiki else None,
        )
        references = tuple(
            Reference(
                label=label,
                text=f"Reference {label.replace('-', ' ')} of the source article "
                f"“{escape_text(page.title)}” (the copy imported did not include its text).",
                url=options.source_url,
            )
            for label in cited_labels("\n".join([*(f.value for f in fields), body]))
        )
        return Document(
            title=title,
            body=body,
            attribution=attribution,
            license=license,
            license_evidence=evidence,
            language=options.language or "en",
            aliases=tuple(page.aliases),
            infobox=infobox,
            references=references,
            source_key=options.source_url or key,
        )

    @staticmethod
    def _license(page: _Page, options: ReadOptions) -> tuple[License, str]:
        if options.license:
            return options.license, "given by the operator (--license)"
        found = detect_license(page.footer) if page.footer else None
        if found:
            return found.license, found.evidence
        return UNKNOWN_LICENSE, "the page states no licence and none was given with --license"
