"""Stream the pages of a MediaWiki XML export ("dump"), whatever its size, in bounded memory.

A dump is one ``<mediawiki>`` element holding an optional ``<siteinfo>`` and then ``<page>``
elements, each with one or more ``<revision>``s. Export schemas 0.3 to 0.11 put it in different XML
namespaces (``http://www.mediawiki.org/xml/export-0.N/``), so elements are matched by local name.

One bad page yields an :class:`ItemError` and the run goes on; a dump that cannot be read as a
whole (not a dump, hostile, truncated, corrupt) raises :class:`ReadError` naming the file, after
yielding every page that was complete before the problem.

This module is the reader's front: :class:`DumpReader`. The work is done in

- ``prolog.py``: hostile XML is refused before it reaches the parser;
- ``parser.py``: one pass of lxml iterparse over the decompressed stream;
- ``siteinfo.py``: the wiki's name, address, language and namespaces;
- ``pages.py``: what a page and its last revision hold;
- ``redirects.py``: ``#REDIRECT [[Target]]`` in any language.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from cyclopedia.formats.base import ItemError
from cyclopedia.formats.mediawiki.compression import open_decompressed
from cyclopedia.formats.mediawiki.pages import PageRevision
from cyclopedia.formats.mediawiki.parser import DumpParser
from cyclopedia.formats.mediawiki.redirects import redirect_target
from cyclopedia.formats.mediawiki.siteinfo import CANONICAL_NAMESPACES, SiteInfo

__all__ = ["CANONICAL_NAMESPACES", "DumpReader", "PageRevision", "SiteInfo", "redirect_target"]


class DumpReader:
    """The site information and the pages of one MediaWiki XML dump file (compressed or not).

    ``site`` is read from the ``<siteinfo>`` at the start of the dump on first use (or by
    :meth:`open`); :meth:`pages` then streams the pages from there. Each call of :meth:`pages`
    after the first reads the file again from its start.

    ``language`` overrides what the dump says, for dumps whose header is wrong (see
    ``siteinfo.py``).
    """

    def __init__(self, path: Path, *, language: str | None = None) -> None:
        self.path = path
        self._language = language
        self._site: SiteInfo | None = None
        self._pass: tuple[Generator[PageRevision | ItemError | None, None, None], BinaryIO] | None
        self._pass = None

    @property
    def site(self) -> SiteInfo:
        return self._site if self._site is not None else self.open()

    def open(self) -> SiteInfo:
        """Open the file and read up to its site information (once)."""
        if self._pass is None:
            self._pass = self._start()
        assert self._site is not None
        return self._site

    def _start(self) -> tuple[Generator[PageRevision | ItemError | None, None, None], BinaryIO]:
        stream = open_decompressed(self.path)
        try:
            parser = DumpParser(self.path, stream, self._language)
            items = parser.items()
            next(items)  # up to the site information
        except BaseException:
            stream.close()
            raise
        self._site = parser.site
        return items, stream

    def pages(self) -> Iterator[PageRevision | ItemError]:
        """Every page of the dump, in order, as a PageRevision or, when it cannot be read, an
        ItemError (the run goes on); ReadError when the dump as a whole cannot be read further."""
        items, stream = self._pass or self._start()
        self._pass = None
        try:
            for item in items:
                if item is not None:
                    yield item
        finally:
            items.close()
            stream.close()

    def close(self) -> None:
        if self._pass is not None:
            items, stream = self._pass
            self._pass = None
            items.close()
            stream.close()

    def __enter__(self) -> DumpReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
