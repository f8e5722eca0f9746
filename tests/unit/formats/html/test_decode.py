"""A page's bytes as text: encodings declared or not, and what is refused with a clear error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cyclopedia.formats.base import ReadError, ReadWarning
from cyclopedia.formats.html import decode
from cyclopedia.formats.html.decode import declared_charset, decode_page, read_page
from tests.unit.formats.html.conftest import FILLER, Reader, page, read_items

PATH = Path("page.html")


def _page(charset: str, text: str) -> str:
    return page(f"<p>{text} {FILLER}</p>", charset=charset)


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("windows-1251", "Москва — столица России"),
        ("koi8-r", "Санкт-Петербург"),
        ("shift_jis", "東京は日本の首都です"),
        ("euc-kr", "서울은 한국의 수도입니다"),
        ("iso-8859-7", "Η Αθήνα είναι η πρωτεύουσα"),
        ("gb2312", "北京是中国的首都"),
        ("iso-8859-1", "Zürich, Genève, Besançon: 25 €"),  # read as windows-1252, as browsers do
    ],
)
def test_declared_charsets(read_html: Reader, charset: str, text: str) -> None:
    encoding = "cp1252" if charset == "iso-8859-1" else charset
    document = read_html(_page(charset, text).encode(encoding))
    assert text in document.body


def test_charset_in_http_equiv_and_in_an_xml_declaration() -> None:
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250">'
    assert declared_charset(html.encode()) == "windows-1250"
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-2"?><html>') == "iso-8859-2"
    assert declared_charset(b"<!-- <meta charset=koi8-r> --><html><p>x") is None


def test_utf8_bytes_win_over_a_wrong_declaration() -> None:
    data = _page("iso-8859-1", "Zürich").encode("utf-8")
    assert "Zürich" in decode_page(PATH, data).text


def test_byte_order_marks() -> None:
    text = _page("utf-8", "Ελληνικά")
    assert "Ελληνικά" in decode_page(PATH, "\ufeff".encode() + text.encode()).text
    assert "Ελληνικά" in decode_page(PATH, text.encode("utf-16")).text
    assert "Ελληνικά" in decode_page(PATH, text.encode("utf-16-le")).text  # no mark


def test_undeclared_legacy_bytes_are_read_as_windows_1252_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    html = page(f"<p>Gru\xdf aus M\xfcnchen. {FILLER}</p>", charset=None)
    path.write_bytes(html.encode("cp1252"))
    items = read_items(path)
    [warning] = [item for item in items if isinstance(item, ReadWarning)]
    assert "declares no charset and is not valid UTF-8" in warning.message
    assert "windows-1252" in warning.message
    assert "Gruß aus München" in items[-1].body  # type: ignore[union-attr]


def test_bytes_invalid_in_the_declared_charset_are_replaced_with_a_warning() -> None:
    data = _page("utf-8", "abc").encode() + b"\xff\xfe\xfa"
    result = decode_page(PATH, data)
    assert "\ufffd" in result.text
    assert any("undecodable bytes were replaced" in warning for warning in result.warnings)


def test_utf7_is_never_used() -> None:
    data = _page("utf-7", "+ADw-script+AD4-").encode("ascii") + b"\xff"
    result = decode_page(PATH, data)
    assert result.encoding == "cp1252"
    assert "+ADw-script+AD4-" in result.text
    assert any("not supported" in warning for warning in result.warnings)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b" \n\t \r\n", "the file is empty"),
        ("\ufeff  ".encode(), "the file is empty"),
        (b"<html>\x00\x00\x00\x01\x02binary", "binary file (it contains NUL bytes)"),
        (bytes(range(1, 32)) * 40, "binary file (it is full of control bytes)"),
        (b"Just some text, no markup at all.\n", "not an HTML page"),
    ],
)
def test_refused_with_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(ReadError, match=re.escape(message)):
        decode_page(PATH, data)


def test_random_binary_junk_is_refused(tmp_path: Path) -> None:
    import random

    junk = random.Random(7).randbytes(50_000)
    path = tmp_path / "junk.html"
    path.write_bytes(junk)
    with pytest.raises(ReadError, match=r"junk\.html: this is (a binary file|not text)"):
        read_items(path)


def test_a_huge_page_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(decode, "MAX_PAGE_BYTES", 1000)
    path = tmp_path / "huge.html"
    path.write_bytes(page("<p>" + "word " * 1000 + "</p>").encode())
    with pytest.raises(ReadError, match=r"huge\.html: the page is 5,\d{3} bytes; a web page may"):
        read_page(path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read"):
        read_page(tmp_path / "nothing.html")
