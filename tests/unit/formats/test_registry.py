"""Format detection and the readers by name."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from cyclopedia.formats.base import ReadError, ReadOptions
from cyclopedia.formats.registry import READERS, detect, get_reader
from cyclopedia.formats.text.reader import TextPageReader

SEED = Path(__file__).resolve().parents[2] / "data" / "text" / "qais-al-khazali.txt"


def test_text_reader_by_name() -> None:
    assert isinstance(get_reader("text"), TextPageReader)
    assert get_reader("text") is READERS["text"]


def test_unknown_format_name_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown format 'wikitext'; known formats: text"):
        get_reader("wikitext")


def test_detect_the_seed_as_a_text_page() -> None:
    assert detect(SEED) is READERS["text"]


@pytest.mark.parametrize("name", ["page.txt", "PAGE.TXT", "page.text", "page", "page.md"])
def test_detect_text_pages_by_name_or_content(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Title\n\nBody text.\n", encoding="utf-8")
    assert detect(path) is READERS["text"]


@pytest.mark.parametrize(
    "head",
    [
        b'<?xml version="1.0"?>\n<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">',
        b"\xef\xbb\xbf  \n<mediawiki>",
        b"\n\n<!DOCTYPE html><html><body>",
        b"<article>",
    ],
)
@pytest.mark.parametrize("name", ["dump.xml", "page.html", "page.txt"])
def test_xml_looking_input_is_refused_until_there_is_a_reader(
    tmp_path: Path, name: str, head: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(head + b"\n" * 10)
    with pytest.raises(ReadError) as caught:
        detect(path)
    assert caught.value.path == str(path)
    assert (
        str(caught.value) == f"{path}: looks like XML or HTML; no reader for it yet (use --format)"
    )


def test_binary_input_of_unknown_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt.gz"
    path.write_bytes(gzip.compress(SEED.read_bytes()))
    with pytest.raises(ReadError) as caught:
        detect(path)
    assert str(caught.value) == (
        f"{path}: cannot tell the format of this file; name one with --format"
    )


def test_a_binary_file_named_txt_goes_to_the_text_reader_which_refuses_it(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(gzip.compress(SEED.read_bytes()))
    reader = detect(path)
    assert reader is READERS["text"]
    with pytest.raises(ReadError, match="binary file"):
        list(reader.read(path, ReadOptions()))


def test_a_missing_file_cannot_be_opened(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    with pytest.raises(ReadError) as caught:
        detect(path)
    assert str(caught.value).startswith(f"{path}: cannot open: ")
    assert "No such file" in str(caught.value)
