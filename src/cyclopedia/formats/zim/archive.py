"""The child process's side: libzim opens the archive, checks it, and reads its entries.

Only this module imports libzim, and it runs in a process of its own (:mod:`.isolation`), so a
crash or a hang inside the library ends that process, never the import. Before any entry is sent,
the archive's checksum (when it has one) is verified: a corrupt or truncated archive gives one
clear error and no partial import.

Which entries are articles: in the old layout (``A/``, ``I/``, ``-/``, ``M/`` namespaces), those
of namespace ``A`` that are HTML or plain text; in the new layout (no namespaces in paths), the
HTML entries of the content namespace ``C``. Redirects among them are sent when they lead, in at
most :data:`MAX_HOPS` steps, to such an article.
"""

from __future__ import annotations

import re
import resource
import signal
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path

from libzim.reader import Archive, Entry  # type: ignore[import-untyped]

from cyclopedia.formats.base import MAX_ITEM_BYTES
from cyclopedia.formats.zim.messages import (
    CYCLOPEDIA_DOCUMENT,
    CYCLOPEDIA_DOCUMENTS,
    CYCLOPEDIA_SCRAPER,
    ArchiveInfo,
    Done,
    EntryContent,
    EntryProblem,
    EntryRedirect,
    Fatal,
    Message,
)
from cyclopedia.formats.zim.titles import redirect_to_itself

HTML_TYPES = {"text/html", "application/xhtml+xml"}

TEXT_TYPES = {"text/plain"}
MAX_HOPS = 10
MAX_METADATA_CHARS = 4096
OLD_ARTICLE_NAMESPACE = "A"
SAMPLED_ARTICLES = 20
_PAGE_ADDRESS = re.compile(
    rb'<link[^>]*rel="canonical"[^>]*href="(https?://[^"]{1,500})"'
    rb'|href="(https?://[^"?]{1,500})\?oldid=\d+"'
)


def _base_type(mimetype: str) -> str:
    return mimetype.split(";", 1)[0].strip().lower()


class _Archive:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.new_scheme = bool(archive.has_new_namespace_scheme)
        self.exported = self._scraper().startswith(CYCLOPEDIA_SCRAPER)

    def _scraper(self) -> str:
        try:
            return bytes(self.archive.get_metadata("Scraper")).decode("utf-8", errors="replace")
        except (RuntimeError, KeyError):
            return ""

    def exported_document(self, entry: Entry) -> bytes | None:
        """The Document a Cyclopedia export keeps beside an article page, if any."""
        if not self.exported:
            return None
        try:
            item = self.archive.get_entry_by_path(CYCLOPEDIA_DOCUMENTS + entry.path).get_item()
        except KeyError:
            return None
        if _base_type(item.mimetype) != CYCLOPEDIA_DOCUMENT or item.size > MAX_ITEM_BYTES:
            return None
        return bytes(item.content)

    def metadata(self) -> dict[str, str]:
        values = {}
        for key in self.archive.metadata_keys:
            if key.startswith("Illustration_"):
                continue
            try:
                raw = self.archive.get_metadata(key)
            except (RuntimeError, KeyError):
                continue
            if b"\x00" in raw:
                continue  # binary, not text
            values[key] = raw[: MAX_METADATA_CHARS * 4].decode("utf-8", errors="replace")[
                :MAX_METADATA_CHARS
            ]
        return values

    def sample_url(self) -> str:
        """The source address of one of the first articles, for which wiki this is."""
        seen = 0
        start = 0 if self.new_scheme else self.first_of_namespace(OLD_ARTICLE_NAMESPACE)
        for index in range(start, min(self.archive.all_entry_count, start + 10 * SAMPLED_ARTICLES)):
            entry = self.archive._get_entry_by_id(index)
            if not self.is_article(entry, index) or entry.get_item().size > MAX_ITEM_BYTES:
                continue
            match = _PAGE_ADDRESS.search(bytes(entry.get_item().content))
            if match:
                return (match.group(1) or match.group(2)).decode("utf-8", errors="replace")
            seen += 1
            if seen >= SAMPLED_ARTICLES:
                break
        return ""

    def first_of_namespace(self, namespace: str) -> int:
        """The index of the first entry of a namespace of the old layout (entries are sorted
        by namespace, then path)."""
        low, high = 0, self.archive.all_entry_count
        while low < high:
            middle = (low + high) // 2
            if str(self.archive._get_entry_by_id(middle).path) < namespace + "/":
                low = middle + 1
            else:
                high = middle
        return low

    def in_content(self, entry: Entry, index: int) -> bool:
        """Whether an entry is in the article namespace (A in the old layout, C in the new)."""
        if not self.new_scheme:
            return bool(entry.path.startswith(OLD_ARTICLE_NAMESPACE + "/"))
        if index >= self.archive.entry_count:
            return False
        try:  # in the new layout, paths are looked up in the content namespace
            return bool(self.archive.get_entry_by_path(entry.path)._index == index)
        except KeyError:
            return False

    def is_article(self, entry: Entry, index: int) -> bool:
        if entry.is_redirect or not self.in_content(entry, index):
            return False
        if self.exported:  # a Cyclopedia export's articles are the pages with a Document
            return bool(self.archive.has_entry_by_path(CYCLOPEDIA_DOCUMENTS + entry.path))
        kind = _base_type(entry.get_item().mimetype)
        return kind in HTML_TYPES or (not self.new_scheme and kind in TEXT_TYPES)

    def message(self, index: int, *, read: bool) -> Message | None:
        """The message for one entry, or None for an entry that is not an article."""
        entry = self.archive._get_entry_by_id(index)
        if entry.is_redirect:
            return self.redirect(entry, index) if self.in_content(entry, index) else None
        if not self.is_article(entry, index):
            return None
        item = entry.get_item()
        title = entry.title if entry.title != entry.path else ""
        if item.size > MAX_ITEM_BYTES:
            return EntryProblem(
                index, entry.path, title,
                f"the entry is {item.size:,} bytes long; an article may be {MAX_ITEM_BYTES:,}",
            )  # fmt: skip
        copy_of = self.title_owner(entry, index)
        if copy_of is not None:
            # mwoffliner stores a page that redirects on the wiki as a copy of its target,
            # under its own path with the target's title: it is an alternative name.
            return EntryRedirect(index, entry.path, "", copy_of.path, title)
        duplicate = self.same_title(entry, index)
        if duplicate:
            return EntryProblem(
                index, entry.path, title,
                f"another article of the archive, {duplicate!r}, has the same title",
            )  # fmt: skip
        mimetype = _base_type(item.mimetype)
        if not read:
            return EntryContent(index, entry.path, title, mimetype, skipped=True)
        document = self.exported_document(entry)
        if document is not None:
            return EntryContent(index, entry.path, title, CYCLOPEDIA_DOCUMENT, document)
        return EntryContent(index, entry.path, title, mimetype, bytes(item.content))

    def title_owner(self, entry: Entry, index: int) -> Entry | None:
        """The article at the path its title makes, when that is another than this one."""
        if entry.title == entry.path:
            return None
        namespace = "" if self.new_scheme else OLD_ARTICLE_NAMESPACE + "/"
        natural = namespace + entry.title.replace(" ", "_")
        if natural in (entry.path, entry.path.removesuffix(".html")):
            return None
        for path in (natural, natural + ".html"):
            try:
                if not self.archive.has_entry_by_path(path):
                    continue
                owner = self.archive.get_entry_by_path(path)
            except (KeyError, RuntimeError):
                continue
            if owner._index != index and self.is_article(owner, owner._index):
                return owner
        return None

    def same_title(self, entry: Entry, index: int) -> str:
        """The path of an earlier article with the title of this one, or ""."""
        if entry.title == entry.path:
            return ""
        try:
            first = self.archive.get_entry_by_title(entry.title)
        except (KeyError, RuntimeError):
            return ""
        other = first._index
        if other == index or first.is_redirect or not self.is_article(first, other):
            return ""
        if self.title_owner(first, other) is not None:
            return ""  # the first is a copy, which will be an alternative name
        return str(first.path)

    def redirect(self, entry: Entry, index: int) -> Message | None:
        title = entry.title if entry.title != entry.path else ""
        target = entry
        seen = {index}
        for _hop in range(MAX_HOPS):
            target = target.get_redirect_entry()
            if target._index in seen:
                return EntryProblem(index, entry.path, title, "the redirect leads round in a loop")
            seen.add(target._index)
            if not target.is_redirect:
                break
        else:
            return EntryProblem(
                index, entry.path, title, f"the redirect takes more than {MAX_HOPS} steps"
            )
        if not self.is_article(target, target._index):
            return None  # to an image, a stylesheet: not an alternative name of an article
        target_title = target.title if target.title != target.path else ""
        if redirect_to_itself(
            title, entry.path, target_title, target.path, new_scheme=self.new_scheme
        ):
            return None
        return EntryRedirect(index, entry.path, title, target.path, target_title)


def _limit_memory(memory_bytes: int) -> None:
    # The data segment, not the address space: libzim may map parts of a large archive into
    # memory, which costs address space but no memory of this process's own.
    _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    limit = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def serve(
    path: str,
    start: int,
    unread: int,
    verify: bool,
    memory_bytes: int,
    connection: Connection,
    progress: Synchronized[int],
    failed: EntryProblem | None = None,
) -> None:
    """Send the archive's messages from entry ``start`` on; the first ``unread`` items are sent
    without their content (they are passed over on a resumed import). ``failed`` is an entry
    that took the previous child down: it is sent first, named by its path and title."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the importing process's to handle
    _limit_memory(memory_bytes)
    try:
        archive = Archive(Path(path))
        if verify and archive.has_checksum and not archive.check():
            connection.send(Fatal("its checksum does not match its content: corrupt or truncated"))
            return
        reader = _Archive(archive)
        total = archive.all_entry_count
        connection.send(
            ArchiveInfo(
                metadata=reader.metadata(),
                new_namespace_scheme=reader.new_scheme,
                entry_count=total,
                checksum="verified" if archive.has_checksum else "absent",
                sample_url=reader.sample_url(),
            )
        )
    except (RuntimeError, OSError, ValueError, KeyError, MemoryError) as error:
        connection.send(Fatal("libzim cannot read it: " + " ".join(str(error).split())))
        return
    if failed is not None:
        progress.value = failed.index
        path, title = _names(archive, failed.index)
        connection.send(EntryProblem(failed.index, path, title, failed.message))
        unread -= 1
    for index in range(start, total):
        progress.value = index
        try:
            message = reader.message(index, read=unread <= 0)
        except MemoryError:
            message = EntryProblem(index, _path(archive, index), "", "out of memory reading it")
        except (RuntimeError, OSError, ValueError, KeyError, IndexError) as error:
            reason = " ".join(str(error).split())
            message = EntryProblem(index, _path(archive, index), "", f"libzim: {reason}")
        if message is None:
            continue
        unread -= 1
        connection.send(message)
    connection.send(Done(total))


def _path(archive: Archive, index: int) -> str:
    return _names(archive, index)[0]


def _names(archive: Archive, index: int) -> tuple[str, str]:
    """The path and title of an entry, as far as libzim can read them."""
    try:
        entry = archive._get_entry_by_id(index)
        path = str(entry.path)
        return path, str(entry.title) if entry.title != path else ""
    except (RuntimeError, KeyError, IndexError):
        return f"entry #{index}", ""
