"""Corrupt, truncated and hostile archives: a clear error, no partial article, and the run goes
on (``../shared/corpus/zim/invalid_zts_nons``: 16 archives broken in 16 ways)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyclopedia.document import Document
from cyclopedia.formats.base import ItemError, ReadError, ReadOptions
from cyclopedia.formats.zim.reader import ZimReader

from .zimfiles import CORPUS, Archive, Entry, page, write_zim

INVALID = CORPUS / "invalid_zts_nons"
needs_corpus = pytest.mark.skipif(not INVALID.exists(), reason=f"{INVALID} is not here")
BROKEN = sorted(INVALID.glob("*.zim")) if INVALID.exists() else []


@needs_corpus
def test_there_are_sixteen_broken_archives() -> None:
    assert len(BROKEN) == 16


@needs_corpus
@pytest.mark.parametrize("path", BROKEN, ids=[path.name for path in BROKEN])
def test_a_broken_archive_is_refused_whole(path: Path) -> None:
    items = ZimReader().read(path, ReadOptions())
    with pytest.raises(ReadError) as caught:
        next(items)
    assert caught.value.path == str(path)
    assert "not a readable ZIM archive" in caught.value.reason


@needs_corpus
def test_one_run_over_every_broken_archive_and_a_good_one_survives() -> None:
    reasons = {}
    documents = []
    for path in [*BROKEN, CORPUS / "zts_nons_small.zim"]:
        try:
            documents.extend(
                item for item in ZimReader().read(path, ReadOptions()) if isinstance(item, Document)
            )
        except ReadError as error:
            reasons[path.name] = error.reason
    assert len(reasons) == 16
    assert [document.title for document in documents] == ["Test ZIM file"]
    assert reasons["invalid.smaller_than_header.zim"].endswith(
        "zim-file is too small to contain a header"
    )
    assert reasons["invalid.nonsorted_title_index.zim"].endswith(
        "its checksum does not match its content: corrupt or truncated"
    )


def test_a_file_that_is_not_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "notes.zim"
    path.write_bytes(b"ZIM\x04" + b"\x00" * 100)
    with pytest.raises(ReadError, match="not a readable ZIM archive"):
        list(ZimReader().read(path, ReadOptions()))


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="No such file"):
        list(ZimReader().read(tmp_path / "gone.zim", ReadOptions()))


def test_a_truncated_archive(tmp_path: Path) -> None:
    good = write_zim(
        tmp_path / "good.zim",
        Archive(entries=[Entry(f"P{n}", f"Page {n}", page(f"<p>Text {n}</p>" * 200)) for n in
                         range(20)]),
    )  # fmt: skip
    data = good.read_bytes()
    for length in (len(data) - 1, len(data) // 2, 100):
        cut = tmp_path / f"cut-{length}.zim"
        cut.write_bytes(data[:length])
        with pytest.raises(ReadError, match="not a readable ZIM archive"):
            list(ZimReader().read(cut, ReadOptions()))


def test_a_flipped_byte_fails_the_checksum(tmp_path: Path) -> None:
    good = write_zim(
        tmp_path / "good.zim", Archive(entries=[Entry("P", "Page", page("<p>Some text.</p>"))])
    )
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x20
    bad = tmp_path / "bad.zim"
    bad.write_bytes(bytes(data))
    with pytest.raises(ReadError, match="not a readable ZIM archive"):
        list(ZimReader().read(bad, ReadOptions()))


def test_an_entry_far_larger_than_an_article(tmp_path: Path) -> None:
    huge = "<p>" + "word " * (2 * 1024 * 1024) + "</p>"  # 10 MiB, compressed to nothing
    path = write_zim(
        tmp_path / "huge.zim",
        Archive(
            entries=[Entry("Big", "Big", page(huge)), Entry("Small", "Small", page("<p>x</p>"))]
        ),
    )
    items = list(ZimReader().read(path, ReadOptions()))
    assert [type(item) for item in items] == [ItemError, Document]
    assert isinstance(items[0], ItemError)
    assert items[0].message.startswith("the entry is 10,485,")
    assert items[0].message.endswith("an article may be 8,388,608")
