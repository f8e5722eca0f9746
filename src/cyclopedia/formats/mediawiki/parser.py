"""One pass over one dump: lxml iterparse events in, site information and pages out.

The file is parsed incrementally with ``lxml.etree.iterparse`` over the decompressed stream; every
element is cleared, and removed from its parent, once it has been read, so that memory does not grow
with the dump. The parser is configured not to resolve entities, load DTDs or touch the network,
behind the check of the prolog (``prolog.py``).
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from cyclopedia.formats.base import MAX_ITEM_BYTES, ItemError, ReadError
from cyclopedia.formats.mediawiki.elements import forget, line_of, local_name
from cyclopedia.formats.mediawiki.pages import (
    PageRevision,
    PageState,
    Skip,
    oversize,
    parse_timestamp,
    read_revision,
)
from cyclopedia.formats.mediawiki.prolog import READ_CHUNK, RootInfo, check_prolog, read_root
from cyclopedia.formats.mediawiki.redirects import redirect_target
from cyclopedia.formats.mediawiki.siteinfo import SiteInfo, namespace_of, site_info

__all__ = ["DumpParser"]


class _StreamFailure(Exception):
    """A ReadError of the decompressed stream, carried through lxml to add our progress to it."""

    def __init__(self, error: ReadError) -> None:
        super().__init__(error.reason)
        self.error = error


class _Replay:
    """The bytes already read to check the prolog, then the rest of the stream; a stream's
    ReadError is wrapped so that the parser can report how far it got."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int = READ_CHUNK) -> bytes:
        if self._head:
            data, self._head = self._head[:size], self._head[size:]
            return data
        try:
            return self._rest.read(size)
        except ReadError as error:
            raise _StreamFailure(error) from error


class DumpParser:
    """The state of one pass over one dump."""

    def __init__(self, path: Path, stream: BinaryIO, language: str | None) -> None:
        self.path = path
        self.site: SiteInfo | None = None
        self.pages_read = 0
        self.line = 0
        self._stream = stream
        self._language = language
        self._root: RootInfo | None = None
        self._page: PageState | None = None

    def items(self) -> Generator[PageRevision | ItemError | None, None, None]:
        """The pages in order. Before the first, None once: the site information is known."""
        head = check_prolog(self.path, self._stream)
        events: Iterator[tuple[str, etree._Element]] = etree.iterparse(
            _Replay(head, self._stream),
            events=("start", "end"),
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=False,  # keep libxml2's limits on text node size and nesting depth
            remove_comments=True,
            remove_pis=True,
        )
        try:
            yield from self._walk(events)
        except etree.XMLSyntaxError as error:
            raise self._syntax_error(error) from error
        except _StreamFailure as failure:
            raise ReadError(self.path, f"{failure.error.reason}; {self._progress()}") from failure

    def _walk(
        self, events: Iterator[tuple[str, etree._Element]]
    ) -> Iterator[PageRevision | ItemError | None]:
        depth = 0
        for event, element in events:
            if event == "start":
                depth += 1
                if depth == 1:
                    self._root = read_root(self.path, element)
                elif depth == 2:
                    yield from self._start_top(element)
                continue
            depth -= 1
            if depth == 2 and self._page is not None:
                self._page_field(element)
            elif depth == 1:
                yield from self._end_top(element)
            elif depth == 0 and self.site is None:  # a dump without siteinfo or pages
                self._set_site(None)
                yield None

    def _start_top(self, element: etree._Element) -> Iterator[None]:
        name = local_name(element.tag)
        if self.site is None and name != "siteinfo":
            self._set_site(None)
            yield None
        if name == "page":
            self._page = PageState()

    def _end_top(self, element: etree._Element) -> Iterator[PageRevision | ItemError | None]:
        name = local_name(element.tag)
        if name == "siteinfo" and self.site is None:
            self._set_site(element)
            yield None
        elif name == "page" and self._page is not None:
            page, self._page = self._page, None
            self.pages_read += 1
            self.line = line_of(element) or self.line
            yield self._finish(page)
        forget(element)

    def _set_site(self, element: etree._Element | None) -> None:
        assert self._root is not None
        self.site = site_info(
            element,
            schema_version=self._root.version,
            xml_lang=self._root.language,
            path=self.path,
            language=self._language,
        )

    def _page_field(self, element: etree._Element) -> None:
        page = self._page
        assert page is not None
        name = local_name(element.tag)
        if name == "title":
            page.title = element.text or ""
        elif name == "ns":
            page.namespace = (element.text or "").strip()
        elif name == "id":
            page.page_id = (element.text or "").strip()
        elif name == "redirect":
            page.redirect = element.get("title") or None
        elif name == "revision":
            page.revisions += 1
            page.revision = read_revision(element)
        forget(element)

    def _finish(self, page: PageState) -> PageRevision | ItemError:
        if page.title and page.title.strip():
            key = page.title
        else:
            key = f"page id {page.page_id}" if page.page_id else f"page {self.pages_read}"
        try:
            return self._page_revision(page)
        except Skip as skip:
            return ItemError(key=key, message=str(skip), title=page.title or "")

    def _page_revision(self, page: PageState) -> PageRevision:
        """The page as its last revision in the dump has it.

        History dumps hold every revision of a page, oldest first (MediaWiki exports them in
        ascending revision id order), so the last one is the page as it stands, which is what an
        encyclopedia imports; the earlier ones are counted (``revisions``) but not kept, so that
        a page with thousands of revisions takes the memory of one.
        """
        assert self.site is not None
        if not page.title or not page.title.strip():
            raise Skip("the page has no title")
        revision = page.revision
        if revision is None:
            raise Skip("the page has no revision")
        if revision.text is None:
            raise Skip(revision.missing_text)
        size = oversize(revision.text)
        if size is not None:
            raise Skip(f"its text is {size:,} bytes; a page may be {MAX_ITEM_BYTES:,}")
        first_letter = self.site.case == "first-letter"
        return PageRevision(
            title=page.title,
            namespace=self._namespace(page),
            page_id=page.page_id,
            redirect_target=page.redirect
            or redirect_target(revision.text, first_letter=first_letter),
            revision_id=revision.revision_id,
            parent_id=revision.parent_id,
            timestamp=parse_timestamp(revision.timestamp),
            contributor=revision.contributor,
            comment=revision.comment,
            text=revision.text,
            model=revision.model,
            format=revision.format,
            revisions=page.revisions,
        )

    def _namespace(self, page: PageState) -> int:
        assert self.site is not None
        assert page.title is not None
        if page.namespace is None:  # export 0.3 has no <ns>: the title's prefix tells
            return namespace_of(page.title, self.site)
        try:
            return int(page.namespace)
        except ValueError as error:
            raise Skip(f"its namespace {page.namespace[:20]!r} is not a number") from error

    def _progress(self) -> str:
        pages = "1 page was" if self.pages_read == 1 else f"{self.pages_read:,} pages were"
        where = f", up to line {self.line:,}" if self.line else ""
        return f"{pages} read before it{where}"

    def _syntax_error(self, error: etree.XMLSyntaxError) -> ReadError:
        line = error.position[0] if error.position else error.lineno
        message = re.sub(r", line \d+, column \d+$", "", str(error.msg))
        if self._root is None:
            return ReadError(
                self.path, f"not a MediaWiki XML dump: it is not well-formed XML ({message})"
            )
        if "Resource limit exceeded" in message or "Excessive depth" in message:
            return ReadError(
                self.path,
                f"refused at line {line:,}: it exceeds the XML parser's safety limits (a text "
                f"of over 10,000,000 bytes or elements nested over 256 deep: {message}); "
                f"{self._progress()}",
            )
        return ReadError(
            self.path,
            f"the dump is truncated or malformed at line {line:,} ({message}); {self._progress()}",
        )
