"""The ZIM reader: every article of a Kiwix archive as a Document, every redirect to one as an
AliasItem, every entry that cannot be read as an ItemError.

libzim runs in a child process (:mod:`.isolation`, :mod:`.archive`); this process converts the
articles' HTML (:mod:`.article`, in worker processes with ``--workers``). An archive that cannot
be opened, or whose checksum does not match, is refused whole before any item: no partial
article. Split archives (``name.zimaa``, ``name.zimab``...) are read from their first part.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path

from cyclopedia.formats.base import ItemError, ReadError, ReadItem, ReadOptions
from cyclopedia.formats.pipeline import convert_pages
from cyclopedia.formats.zim.article import (
    ZimContext,
    entry_document,
    entry_key,
    problem_item,
    redirect_item,
)
from cyclopedia.formats.zim.isolation import Limits, stream
from cyclopedia.formats.zim.messages import (
    ArchiveInfo,
    EntryContent,
    EntryProblem,
    EntryRedirect,
    Fatal,
    Message,
)
from cyclopedia.formats.zim.metadata import ZimSource

ZIM_MAGIC = b"ZIM\x04"  # 0x044D495A, little-endian


def archive_path(path: Path) -> Path:
    """The path libzim opens: a split archive's parts are found from its name without "aa"."""
    suffix = path.suffix.lower()
    if suffix == ".zimaa":
        return path.with_suffix(path.suffix[:-2])
    if len(suffix) == 6 and suffix.startswith(".zim") and suffix[4:].isalpha():
        raise ReadError(path, "a later part of a split archive: import its first part (.zimaa)")
    return path


class ZimReader:
    name = "zim"
    many_items = True
    description = "Kiwix ZIM archive (old and new namespace layouts, xz and zstd), read by libzim"

    def __init__(
        self, limits: Limits | None = None, serve: Callable[..., None] | None = None
    ) -> None:
        self.limits = limits or Limits()
        self.serve = serve  # what the child process runs (archive.serve); tests change it

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        messages = stream(
            archive_path(path),
            skip=options.skip,
            limits=self.limits,
            **({"target": self.serve} if self.serve else {}),
        )
        first = next(messages, None)
        if first is None or isinstance(first, Fatal):
            reason = first.message if first is not None else "the reading process sent nothing"
            raise ReadError(path, f"not a readable ZIM archive: {reason}")
        if not isinstance(first, ArchiveInfo):
            raise ReadError(path, "the reading process did not describe the archive first")
        source = ZimSource.from_info(first)
        context = ZimContext(
            source=source,
            key_prefix=source.name or path.name,
            options=options,
        )
        convert: Callable[[EntryContent], ReadItem] = functools.partial(
            entry_document, context=context
        )
        yield from convert_pages(
            self._items(messages, context, options.skip),
            convert,
            key=entry_key,
            workers=options.workers,
            convert_if=EntryContent,
            finish=options.finish,
        )

    @staticmethod
    def _items(
        messages: Iterator[Message], context: ZimContext, skip: int
    ) -> Iterator[EntryContent | ReadItem]:
        """One item for each of the archive's items after the first ``skip``: articles to
        convert, redirects and problems made items here."""
        for message in messages:
            if isinstance(message, EntryContent | EntryRedirect | EntryProblem) and skip > 0:
                skip -= 1
                continue
            if isinstance(message, EntryContent) and message.skipped:
                # Passed over without its content, yet not to be passed over: never converted.
                yield ItemError(context.key(message.path), "not read (resuming went wrong)")
            elif isinstance(message, EntryContent):
                yield message
            elif isinstance(message, EntryRedirect):
                yield redirect_item(context, message)
            elif isinstance(message, EntryProblem):
                yield problem_item(context, message)
            elif isinstance(message, Fatal):
                yield ItemError(context.key("archive"), message.message, "the rest of the archive")
                return
