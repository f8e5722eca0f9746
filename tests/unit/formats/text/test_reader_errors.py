"""Hostile and garbage input: the text reader refuses the whole file, naming it and saying why."""

from __future__ import annotations

import gzip
import sys
import tracemalloc
from pathlib import Path

import pytest

from cyclopedia.formats import files as reader_module
from cyclopedia.formats.base import ReadError, ReadOptions
from cyclopedia.formats.text.reader import TextPageReader

SEED = Path(__file__).resolve().parents[3] / "data" / "text" / "qais-al-khazali.txt"


def refusal(path: Path) -> str:
    """The reason the reader gives for refusing a file (after checking it names the file)."""
    with pytest.raises(ReadError) as caught:
        list(TextPageReader().read(path, ReadOptions()))
    error = caught.value
    assert error.path == str(path)
    assert str(error) == f"{path}: {error.reason}"
    return error.reason


def write(tmp_path: Path, data: bytes | str, name: str = "page.txt") -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_gzip_file(tmp_path: Path) -> None:
    data = gzip.compress(SEED.read_bytes() * 4)
    assert b"\x00" in data
    reason = refusal(write(tmp_path, data, "seed.txt"))
    assert reason == "this is a binary file (it contains NUL bytes), not a text page"


def test_executable(tmp_path: Path) -> None:
    data = Path(sys.executable).resolve().read_bytes()[:4096]
    reason = refusal(write(tmp_path, data, "python.txt"))
    assert reason == "this is a binary file (it contains NUL bytes), not a text page"


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    data = bytes(range(1, 32)) * 64 + b"Title\n\nText.\n"
    reason = refusal(write(tmp_path, data))
    assert reason == "this is a binary file (it is full of control bytes), not a page"


def test_utf16_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    for encoding in ("utf-16", "utf-16-be", "utf-16-le"):
        data = "Title\n\nText with a ü.\n".encode(encoding)
        if encoding != "utf-16":
            data = ("\ufeff" + "Title\n\nText with a ü.\n").encode(encoding)
        [document] = TextPageReader().read(write(tmp_path, data), ReadOptions())
        assert document.title == "Title"
        assert "ü" in document.body


def test_utf16_without_a_byte_order_mark_is_refused_as_binary(tmp_path: Path) -> None:
    # Without the mark nothing says it is text: every ASCII character carries a NUL byte.
    data = "Title\n\nText.\n".encode("utf-16-le")
    assert "binary" in refusal(write(tmp_path, data))


def test_broken_utf16_is_refused_naming_the_encoding(tmp_path: Path) -> None:
    data = b"\xff\xfe" + "Title\n\nText".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    assert "not valid UTF-16" in refusal(write(tmp_path, data))


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b" ",
        b"\n\n\n",
        b" \t\r\n \n\t\f",
        b"\xef\xbb\xbf",  # a byte order mark and nothing else
        b"\xef\xbb\xbf\r\n",
        "\u00a0\n\u3000\n\u2028".encode(),  # spaces that bytes.strip() does not know
    ],
)
def test_empty_and_whitespace_only_files(tmp_path: Path, data: bytes) -> None:
    assert refusal(write(tmp_path, data)) == "the file is empty"


@pytest.mark.parametrize(
    ("data", "byte"),
    [
        (b"Title\n\nBody text \xff more text.\n", 0xFF),
        ("Zürich\n\nA city in Switzerland.\n".encode("latin-1"), 0xFC),
        (b"Title\n\nA truncated character: caf\xc3", 0xC3),
        (b"Title\n\nAn overlong slash \xc0\xaf here.\n", 0xC0),
        (b"Title\n\nA surrogate \xed\xa0\x80 here.\n", 0xED),
    ],
)
def test_invalid_utf8_names_the_byte_and_its_offset(tmp_path: Path, data: bytes, byte: int) -> None:
    offset = data.index(bytes([byte]))
    reason = refusal(write(tmp_path, data))
    assert reason == f"not valid UTF-8: byte 0x{byte:02x} at offset {offset}"


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    [document] = TextPageReader().read(
        write(tmp_path, b"\xef\xbb\xbfTitle\n\nText.\n"), ReadOptions()
    )
    assert document.title == "Title"  # type: ignore[union-attr]


def test_first_line_a_long_paragraph(tmp_path: Path) -> None:
    paragraph = ("This first line is a paragraph of prose and not a title at all " * 7)[:400]
    assert len(paragraph) == 400
    reason = refusal(write(tmp_path, f"{paragraph}\n\nMore text.\n"))
    assert reason == f"no recognisable title: the first line is {paragraph[:60]!r}…"


@pytest.mark.parametrize(
    "line",
    [
        "1974 — 2007 !!!",
        "12345",
        "* * *",
        "[1] A footnote line",
        "Qais al-Khazali (born 1974) is best known.",
        "Is this a title?",
        " ".join(["word"] * 21),
    ],
)
def test_first_line_is_not_a_title(tmp_path: Path, line: str) -> None:
    reason = refusal(write(tmp_path, f"{line}\n\nSome body text.\n"))
    assert reason.startswith("no recognisable title: the first line is ")
    assert repr(line[:60]) in reason


def test_a_page_that_is_only_a_footer(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    footer = text[text.index("This article was sourced from") :]
    reason = refusal(write(tmp_path, footer))
    assert reason == "the page has no text before its licence footer"


def test_a_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_module, "MAX_ITEM_BYTES", 1000)
    size = SEED.stat().st_size
    assert size > 1000
    reason = refusal(write(tmp_path, SEED.read_bytes()))
    assert reason == f"the file is {size:,} bytes; a page may be 1,000"


def test_a_file_at_the_size_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_module, "MAX_ITEM_BYTES", SEED.stat().st_size)
    [document] = TextPageReader().read(SEED, ReadOptions())
    assert document.title == "Qais al-Khazali"  # type: ignore[union-attr]


def test_a_missing_file(tmp_path: Path) -> None:
    reason = refusal(tmp_path / "missing.txt")
    assert reason.startswith("cannot read: ")
    assert "No such file" in reason


def test_a_directory(tmp_path: Path) -> None:
    assert refusal(tmp_path).startswith("cannot read: ")


@pytest.mark.parametrize(
    ("title", "characters"),
    [
        ("<script>alert(1)</script>", "< >"),
        ("Foo [bar]", "[ ]"),
        ("{{ template }}", "{ }"),
        ("A | B", "|"),
    ],
)
def test_a_title_the_document_model_refuses(tmp_path: Path, title: str, characters: str) -> None:
    reason = refusal(write(tmp_path, f"{title}\n\nSome body text.\n"))
    assert reason.endswith(f"contains characters a title may not: {characters}")


def test_an_alias_the_document_model_refuses(tmp_path: Path) -> None:
    reason = refusal(write(tmp_path, "Title\n\n<img src=x onerror=alert(1)>\n\nBody text.\n"))
    assert reason.endswith("contains characters a title may not: < >")


def test_nul_bytes_never_reach_the_document(tmp_path: Path) -> None:
    assert "NUL" in refusal(write(tmp_path, b"Title\n\nText \x00 more.\n"))


def test_an_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    size = 200 * 1024 * 1024  # sparse: no disk space used
    with path.open("wb") as handle:
        handle.truncate(size)
    tracemalloc.start()
    try:
        reason = refusal(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reason == f"the file is {size:,} bytes; a page may be {8 * 1024 * 1024:,}"
    assert peak < 10 * 1024 * 1024, f"{peak:,} bytes allocated to refuse the file"
