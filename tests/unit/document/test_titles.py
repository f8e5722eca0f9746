"""Article titles: the normal form, and the /wiki/Title path form."""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote, urlsplit

import pytest

from cyclopedia.document.titles import (
    MAX_TITLE_LENGTH,
    TitleError,
    normalize_title,
    path_to_title,
    strip_format_characters,
    title_to_path,
)


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Qais_al-Khazali", "Qais al-Khazali"),
        ("  Qais \t al-Khazali \n", "Qais al-Khazali"),
        ("Go", "Go"),
        ("GO", "GO"),  # case is kept
        ("Caf\u0065\u0301", "Caf\u00e9"),  # NFD to NFC
        ("A\u00a0B\u3000C", "A B C"),  # no-break and ideographic spaces
        ("...", "..."),
        (".NET", ".NET"),
        ("AC/DC", "AC/DC"),
    ],
)
def test_normal_form(raw: str, title: str) -> None:
    assert normalize_title(raw) == title


@pytest.mark.parametrize("character", list("#<>[]|{}"))
def test_characters_that_break_links_are_refused(character: str) -> None:
    with pytest.raises(TitleError) as caught:
        normalize_title(f"Foo {character} bar")
    assert str(caught.value).endswith(f"contains characters a title may not: {character}")


def test_length_limit() -> None:
    assert normalize_title("x" * MAX_TITLE_LENGTH) == "x" * MAX_TITLE_LENGTH
    with pytest.raises(TitleError, match=f"256 characters long; at most {MAX_TITLE_LENGTH}"):
        normalize_title("x" * (MAX_TITLE_LENGTH + 1))


@pytest.mark.parametrize("title", [".", "..", "../etc/passwd", "a/./b", "a/..", "./a"])
def test_dot_path_segments_are_refused(title: str) -> None:
    # "/wiki/.." is resolved away by URL parsers, and a path built from it climbs out of its
    # directory; MediaWiki refuses these titles for the same reason.
    with pytest.raises(TitleError, match=r"'\.' or '\.\.' path segment"):
        normalize_title(title)


ROUND_TRIP = [
    "Qais al-Khazali",
    "AC/DC",
    "C++",
    "Asa'ib Ahl al-Haq",
    "Z\u00fcrich",
    "\u0395\u03bb\u03bb\u03ac\u03b4\u03b1",
    "\u6771\u4eac",
    "\u0642\u064a\u0633 \u0627\u0644\u062e\u0632\u0639\u0644\u064a",
    "Emoji \U0001f600",
    "What?",
    "Who?what=where&why",
    "100%",
    "100% Pure",
    "Foo %41 %zz",
    "AT&T",
    "a+b=c",
    "Semi;colon, comma: colon",
    "Tilde~ and (parens) and *star* and 'quote' and \"double\"",
    "Back\\slash",
    "...",
]


@pytest.mark.parametrize("title", ROUND_TRIP)
def test_title_to_path_and_back(title: str) -> None:
    assert normalize_title(title) == title
    path = title_to_path(title)
    assert path_to_title(path) == title
    assert " " not in path
    assert not {"?", "#", "\\", '"'} & set(path)
    # As a URL, the whole title stays in the path: nothing spills into a query or a fragment.
    parts = urlsplit(f"https://example.org/wiki/{path}")
    assert (parts.query, parts.fragment) == ("", "")
    assert unquote(parts.path.removeprefix("/wiki/")).replace("_", " ") == title


@pytest.mark.parametrize(
    ("title", "path"),
    [
        ("Qais al-Khazali", "Qais_al-Khazali"),
        ("AC/DC", "AC/DC"),
        ("C++", "C%2B%2B"),
        ("Asa'ib Ahl al-Haq", "Asa'ib_Ahl_al-Haq"),
        ("Z\u00fcrich", "Z%C3%BCrich"),
        ("What?", "What%3F"),
        ("100% Pure", "100%25_Pure"),
        ("AT&T", "AT%26T"),
    ],
)
def test_path_form(title: str, path: str) -> None:
    assert title_to_path(title) == path


@pytest.mark.parametrize(
    ("path", "title"),
    [("Qais_al-Khazali", "Qais al-Khazali"), ("C%2B%2B", "C++"), ("C++", "C++"), ("a%2Fb", "a/b")],
)
def test_path_to_title(path: str, title: str) -> None:
    assert path_to_title(path) == title


@pytest.mark.parametrize(
    "raw", ["Cafe\u200d\u0301", "e\u200b\u0301x", "A\u202e\u0301B", "Caf\u0065\u0301 au lait"]
)
def test_normalising_twice_changes_nothing(raw: str) -> None:
    once = normalize_title(raw)
    assert normalize_title(once) == once
    assert unicodedata.is_normalized("NFC", once)


def test_format_and_control_characters_are_stripped_and_nothing_else() -> None:
    """Every code point: the printable fast path and the character check agree."""
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) == "Cs":
            continue  # a lone surrogate cannot be in a title read from UTF-8
        text = f"a{char}b"
        hidden = unicodedata.category(char) in ("Cf", "Cc") and char not in "\t\n\r"
        assert strip_format_characters(text) == ("ab" if hidden else text), hex(code)
