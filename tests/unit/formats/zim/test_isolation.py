"""libzim runs in a child process: its crashes and hangs cost one entry, never the import.

The child runs the real reading code (``archive.serve``) with one method made to misbehave on an
entry named for it, as a crash or a hang inside the library would.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from cyclopedia.document import Document
from cyclopedia.formats.base import ItemError, ReadError, ReadOptions
from cyclopedia.formats.zim import archive
from cyclopedia.formats.zim.isolation import Limits, stream
from cyclopedia.formats.zim.messages import ArchiveInfo, Done, EntryContent, EntryProblem
from cyclopedia.formats.zim.reader import ZimReader

from .zimfiles import Archive, Entry, page, write_zim

FAST = Limits(entry_seconds=2, open_seconds=2, max_restarts=3)


def _misbehaving(how: str, when: str) -> Any:
    original = archive._Archive.message

    def message(self: archive._Archive, index: int, *, read: bool) -> Any:
        entry = self.archive._get_entry_by_id(index)
        if when in ("every", entry.path):
            if how == "crash":
                os.kill(os.getpid(), signal.SIGSEGV)
            if how == "hang":
                time.sleep(60)
            if how == "hog":
                raise MemoryError
        return original(self, index, read=read)

    return message


def serve_crashing(*args: Any) -> None:
    archive._Archive.message = _misbehaving("crash", "Crash")  # type: ignore[method-assign]
    archive.serve(*args)


def serve_hanging(*args: Any) -> None:
    archive._Archive.message = _misbehaving("hang", "Hang")  # type: ignore[method-assign]
    archive.serve(*args)


def serve_always_crashing(*args: Any) -> None:
    archive._Archive.message = _misbehaving("crash", "every")  # type: ignore[method-assign]
    archive.serve(*args)


def serve_out_of_memory(*args: Any) -> None:
    archive._Archive.message = _misbehaving("hog", "Hog")  # type: ignore[method-assign]
    archive.serve(*args)


def serve_crashing_on_open(*args: Any) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def serve_hanging_on_open(*args: Any) -> None:
    time.sleep(60)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    names = ["Alpha", "Crash", "Beta", "Hang", "Gamma", "Hog", "Delta"]
    entries = [Entry(name, name, page(f"<p>The article {name}.</p>")) for name in names]
    return write_zim(tmp_path_factory.mktemp("zim") / "pages.zim", Archive(entries=entries))


def titles(items: list[Any]) -> list[str]:
    return [item.title if isinstance(item, Document) else f"error:{item.key}" for item in items]


def test_the_archive_is_described_first_then_its_entries(pages: Path) -> None:
    messages = list(stream(pages, limits=FAST))
    assert isinstance(messages[0], ArchiveInfo)
    assert messages[0].checksum == "verified"
    assert [m.path for m in messages if isinstance(m, EntryContent)] == [
        "Alpha", "Beta", "Crash", "Delta", "Gamma", "Hang", "Hog",
    ]  # fmt: skip
    assert isinstance(messages[-1], Done)


def test_a_crash_inside_libzim_costs_one_entry(pages: Path) -> None:
    items = list(ZimReader(FAST, serve_crashing).read(pages, ReadOptions()))
    assert titles(items) == [
        "Alpha", "Beta", "error:pages.zim:Crash", "Delta", "Gamma", "Hang", "Hog",
    ]  # fmt: skip
    assert isinstance(items[2], ItemError)
    assert items[2].message == "libzim crashed (SIGSEGV)"


def test_a_hang_inside_libzim_costs_one_entry(pages: Path) -> None:
    started = time.monotonic()
    items = list(ZimReader(FAST, serve_hanging).read(pages, ReadOptions()))
    assert time.monotonic() - started < 30
    errors = [item for item in items if isinstance(item, ItemError)]
    assert [error.message for error in errors] == ["libzim gave no answer within 2 s (it hung)"]
    assert len([item for item in items if isinstance(item, Document)]) == 6


def test_running_out_of_memory_costs_one_entry(pages: Path) -> None:
    items = list(ZimReader(FAST, serve_out_of_memory).read(pages, ReadOptions()))
    errors = [item for item in items if isinstance(item, ItemError)]
    assert [(error.key, error.message) for error in errors] == [
        ("pages.zim:Hog", "out of memory reading it")
    ]


def test_a_crash_while_opening_refuses_the_archive(pages: Path) -> None:
    with pytest.raises(ReadError, match=r"not a readable ZIM archive: libzim crashed \(SIGSEGV\)"):
        list(ZimReader(FAST, serve_crashing_on_open).read(pages, ReadOptions()))


def test_a_hang_while_opening_refuses_the_archive(pages: Path) -> None:
    with pytest.raises(ReadError, match=r"libzim gave no answer within 2\.\d+ s \(it hung\)"):
        list(ZimReader(FAST, serve_hanging_on_open).read(pages, ReadOptions()))


def test_an_archive_that_crashes_libzim_again_and_again_is_given_up(pages: Path) -> None:
    items = list(ZimReader(FAST, serve_always_crashing).read(pages, ReadOptions()))
    assert all(isinstance(item, ItemError) for item in items)
    assert [item.message for item in items[:4]] == ["libzim crashed (SIGSEGV)"] * 4
    assert items[-1].message == "gave up on the rest of the archive after 4 failures of libzim"


def test_a_resumed_import_passes_over_the_crashed_entry_as_one_item(pages: Path) -> None:
    everything = list(ZimReader(FAST, serve_crashing).read(pages, ReadOptions()))
    for skip in range(len(everything) + 1):
        rest = list(ZimReader(FAST, serve_crashing).read(pages, ReadOptions(skip=skip)))
        assert titles(rest) == titles(everything[skip:])


def test_problems_keep_their_entry(pages: Path) -> None:
    messages = list(stream(pages, limits=FAST, target=serve_crashing))
    (problem,) = [m for m in messages if isinstance(m, EntryProblem)]
    assert problem.index == 2
