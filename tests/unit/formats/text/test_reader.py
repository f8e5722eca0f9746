"""How the text reader reads a page's parts: title, alternative names, infobox, body, options."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyclopedia.document import Document, InfoboxField
from cyclopedia.formats.base import ReadError, ReadOptions
from cyclopedia.formats.text.reader import TextPageReader


def read(tmp_path: Path, text: str | bytes, **options: object) -> Document:
    path = tmp_path / "page.txt"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    items = list(TextPageReader().read(path, ReadOptions(**options)))  # type: ignore[arg-type]
    assert len(items) == 1
    [document] = items
    assert isinstance(document, Document)
    return document


def test_reader_identity() -> None:
    reader = TextPageReader()
    assert reader.name == "text"
    assert "plain-text" in reader.description


def test_title_option_overrides_the_title_but_not_the_source_title(tmp_path: Path) -> None:
    document = read(tmp_path, "Qais Al Khazali\n\nText.\n", title="Qais al-Khazali")
    assert document.title == "Qais al-Khazali"
    assert document.attribution.source_title == "Qais Al Khazali"


def test_language_option(tmp_path: Path) -> None:
    assert read(tmp_path, "Zürich\n\nEine Stadt.\n", language="de").language == "de"


def test_a_source_url_that_is_not_a_wiki_page(tmp_path: Path) -> None:
    document = read(tmp_path, "Title\n\nText.[1]\n", source_url="https://example.org/page/1")
    assert document.attribution.source_url == "https://example.org/page/1"
    assert (document.attribution.source_name, document.attribution.history_url) == ("", None)
    assert document.source_key == "https://example.org/page/1"
    assert document.references[0].url == "https://example.org/page/1"


def test_a_page_of_title_and_paragraphs(tmp_path: Path) -> None:
    document = read(tmp_path, "Title\n\nFirst paragraph.\n\n\n\nSecond paragraph.\n")
    assert (document.aliases, document.infobox) == ((), None)
    assert document.body == "First paragraph.\n\nSecond paragraph.\n"


def test_a_short_line_between_paragraphs_is_a_heading(tmp_path: Path) -> None:
    text = "Title\n\nIntro.\n\nEarly life\n\nBorn in a city.\n\nCareer\n\nWorked.\n\nLegacy\n"
    document = read(tmp_path, text)
    assert document.body == (
        "Intro.\n\n## Early life\n\nBorn in a city.\n\n## Career\n\nWorked.\n\nLegacy\n"
    )


@pytest.mark.parametrize("line", ["236", "3 6 5", "1-9", "* * *"])
def test_a_line_without_letters_is_not_a_heading(tmp_path: Path, line: str) -> None:
    # Page numbers of scanned books stand alone between paragraphs.
    document = read(tmp_path, f"Title\n\nText, first part.\n\n{line}\n\nText, second part.\n")
    assert "#" not in document.body


def test_a_heading_is_escaped(tmp_path: Path) -> None:
    document = read(tmp_path, "Title\n\nIntro.\n\n*Works* <b>\n\nText.\n")
    assert "\n## \\*Works\\* \\<b\\>\n" in document.body


def test_title_directly_above_the_infobox(tmp_path: Path) -> None:
    document = read(tmp_path, "Title\nOther Name\nBorn 1974\nBaghdad\nCitizenship Iraqi\n\nText.\n")
    assert document.aliases == ("Other Name",)
    assert document.infobox is not None
    assert document.infobox.fields == (
        InfoboxField("Born", "1974\nBaghdad"),
        InfoboxField("Citizenship", "Iraqi"),
    )
    assert document.body == "Text.\n"


def test_title_directly_above_a_one_line_paragraph(tmp_path: Path) -> None:
    text = "Qais al-Khazali\n" + "Qais al-Khazali (born 1974) is an Iraqi militia leader. " * 5
    document = read(tmp_path, text)
    assert document.title == "Qais al-Khazali"
    assert document.body.startswith("Qais al-Khazali (born 1974)")


def test_a_row_whose_value_is_on_the_following_lines(tmp_path: Path) -> None:
    document = read(tmp_path, "Title\n\nBorn\n1974\nSadr City\nReligion\n\nText.\n")
    assert document.infobox is not None
    # "Religion" has no value at all and is left out rather than shown empty.
    assert document.infobox.fields == (InfoboxField("Born", "1974\nSadr City"),)


def test_several_short_lines_without_a_row_are_body_text(tmp_path: Path) -> None:
    document = read(tmp_path, "Title\n\nOne line\nTwo line\nThree line\n\nText.\n")
    assert document.aliases == ()
    assert document.body.startswith("One line\nTwo line\nThree line\n\n")


def test_a_line_with_a_citation_is_not_an_alternative_name(tmp_path: Path) -> None:
    document = read(tmp_path, "Title\n\nShort claim[1]\nAnother\n\nMore text.\n")
    assert document.aliases == ()
    assert document.body.startswith("Short claim[^1]\nAnother")


def test_note_markers(tmp_path: Path) -> None:
    document = read(tmp_path, "Title\n\nClaim.[note 3] Other.[12]\n")
    assert document.body == "Claim.[^note-3] Other.[^12]\n"
    assert [ref.label for ref in document.references] == ["note-3", "12"]
    assert document.references[0].text.startswith("Reference note 3 of the source article")


def test_markers_in_the_infobox_come_first(tmp_path: Path) -> None:
    document = read(tmp_path, "Title\n\nBorn 1974[3]\n\nText.[1][2][3]\n")
    assert [ref.label for ref in document.references] == ["3", "1", "2"]


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_windows_and_old_mac_line_endings(tmp_path: Path, newline: bytes) -> None:
    lf = b"Title\n\nQayis\nBorn 1974\nBaghdad\n\nFirst.[1]\n\nSecond.\n"
    expected = read(tmp_path, lf)
    assert read(tmp_path, lf.replace(b"\n", newline)) == expected


def test_a_form_feed_is_a_line_break(tmp_path: Path) -> None:
    document = read(tmp_path, "Title\n\nFirst page.\f\fSecond page.\n")
    assert document.body == "First page.\n\nSecond page.\n"


def test_surrounding_spaces_are_ignored(tmp_path: Path) -> None:
    document = read(tmp_path, "   Title  \n \t \n  First paragraph.  \n")
    assert (document.title, document.body) == ("Title", "First paragraph.\n")


@pytest.mark.parametrize(
    ("first_block", "why"),
    [
        # The first line of a hard-wrapped paragraph: it runs on into the next line.
        ("ADYE, SIR JOHN MILLER (1819-1900), British general, son\nof Major James P. Adye", "run"),
        ("The word advocatus is not of-\nten used among the earlier jurists", "hyphen"),
        # An opening bracket that closes on a later line.
        ("ADVENTURE (from Lat. res adventura, a thing about to\nhappen), chance", "bracket"),
        # Filled to the width of the lines below it.
        (
            "AEGEUS, in Greek legend, son of Pandion and grandson of\n"
            "Cecrops, was king of Athens and the father of Theseus. He was\n"
            "deposed by his nephews, but Theseus defeated them and re-\n"
            "instated his father.",
            "width",
        ),
    ],
)
def test_the_first_line_of_a_paragraph_is_not_a_title(
    tmp_path: Path, first_block: str, why: str
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(first_block + "\n\nMore text.\n", encoding="utf-8")
    with pytest.raises(ReadError, match="no recognisable title: the first line") as caught:
        list(TextPageReader().read(path, ReadOptions()))
    assert first_block.split("\n")[0][:60] in str(caught.value), why


def test_a_title_above_a_hard_wrapped_paragraph_is_still_a_title(tmp_path: Path) -> None:
    text = (
        "Aegeus\n"
        "AEGEUS, in Greek legend, son of Pandion and grandson of\n"
        "Cecrops, was king of Athens and the father of Theseus. He was\n"
        "deposed by his nephews.\n"
    )
    document = read(tmp_path, text)
    assert document.title == "Aegeus"
    assert document.body.startswith("AEGEUS, in Greek legend")
