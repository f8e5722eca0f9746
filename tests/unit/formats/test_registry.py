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
    with pytest.raises(
        ValueError,
        match="unknown format 'pdf'; known formats: jats, jsonl, mediawiki, text, web, wikihtml, "
        "wikitext, zim",
    ):
        get_reader("pdf")


def test_detect_the_seed_as_a_text_page() -> None:
    assert detect(SEED) is READERS["text"]


@pytest.mark.parametrize("name", ["page.txt", "PAGE.TXT", "page.text", "page", "page.md"])
def test_detect_text_pages_by_name_or_content(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Title\n\nBody text.\n", encoding="utf-8")
    assert detect(path) is READERS["text"]


def test_wikitext_is_told_from_a_plain_page_by_its_markup(tmp_path: Path) -> None:
    path = tmp_path / "Page.txt"
    path.write_text("{{Infobox person|name=X}}\n'''X''' is a [[person]].\n", encoding="utf-8")
    assert detect(path) is READERS["wikitext"]
    named = tmp_path / "page.wiki"
    named.write_text("Plain words only.\n", encoding="utf-8")
    assert detect(named) is READERS["wikitext"]


@pytest.mark.parametrize(
    "head",
    [
        b'<?xml version="1.0"?>\n<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">',
        b"\xef\xbb\xbf  \n<mediawiki>",
        '<mediawiki xml:lang="bg">'.encode("utf-16"),
        '<?xml version="1.0" encoding="UTF-16"?><mediawiki>'.encode("utf-16-be"),
    ],
)
@pytest.mark.parametrize("name", ["dump.xml", "page.txt"])
def test_mediawiki_dumps_are_detected_by_content(tmp_path: Path, name: str, head: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(head)
    assert detect(path) is READERS["mediawiki"]


@pytest.mark.parametrize("head", [b"<?xml version='1.0'?><catalog>", b"<svg xmlns='x'>"])
def test_other_xml_is_refused(tmp_path: Path, head: bytes) -> None:
    path = tmp_path / "page.xml"
    path.write_bytes(head + b"\n" * 10)
    with pytest.raises(ReadError) as caught:
        detect(path)
    assert caught.value.path == str(path)
    assert "looks like XML but is none of the formats known here" in str(caught.value)


CORPUS = Path(__file__).parents[3].parent / "shared" / "corpus"


@pytest.mark.parametrize(
    ("relative", "reader"),
    [
        ("zim/libkiwix_zimfile_raycharles.zim", "zim"),
        ("zim/kiwixjs_foo-zstd.zim", "zim"),
        ("html/trafilatura/cache/creativecommons.org.html", "web"),
        ("html/trafilatura/cache/en.wikipedia.org.tsne.html", "wikihtml"),
        ("jats/elife_tools/elife-00666.xml", "jats"),
        ("jats/plos_allofplos/journal.pbio.0020188.xml", "jats"),
    ],
)
def test_corpus_files_are_detected_by_content(tmp_path: Path, relative: str, reader: str) -> None:
    # Copied under a name that says nothing: detection reads the content.
    path = tmp_path / "input.dat"
    path.write_bytes((CORPUS / relative).read_bytes())
    assert detect(path) is READERS[reader]


def test_a_plain_html_page_is_a_web_page_and_a_rendered_wiki_page_is_wikihtml(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"\n\n<!DOCTYPE html><html><body><p>Hello</p></body></html>")
    assert detect(page) is READERS["web"]
    wiki = tmp_path / "wiki.html"
    wiki.write_bytes(
        b'<!DOCTYPE html><html><head><meta name="generator" content="MediaWiki 1.41">'
        b'</head><body><div id="mw-content-text"><div class="mw-parser-output"><p>Hi</p>'
        b"</div></div></body></html>"
    )
    assert detect(wiki) is READERS["wikihtml"]


def test_compressed_input_goes_to_the_dump_reader_which_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt.gz"
    path.write_bytes(gzip.compress(SEED.read_bytes()))
    reader = detect(path)
    assert reader is READERS["mediawiki"]
    with pytest.raises(ReadError, match="MediaWiki"):
        list(reader.read(path, ReadOptions()))


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def test_binary_input_of_unknown_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(PNG)
    with pytest.raises(ReadError) as caught:
        detect(path)
    assert str(caught.value) == (
        f"{path}: cannot tell the format of this file; name one with --format"
    )


def test_a_binary_file_named_txt_goes_to_the_text_reader_which_refuses_it(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(PNG)
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
