"""Lines MediaWiki shows apart stay apart: every line of a <poem>, every line only indented
with ":" (syllogisms, equations, replies)."""

from __future__ import annotations

from cyclopedia.formats.mediawiki.wikitext.convert import convert


def test_every_line_of_a_poem_ends_with_a_line_break() -> None:
    conversion = convert("<poem>\nO beautiful\nfor spacious skies,\n\nA ref.<ref>R.</ref>\n</poem>")
    assert conversion.body == "O beautiful<br> for spacious skies,<br> <br> A ref.[^1]\n"
    assert [reference.text for reference in conversion.references] == ["R."]


def test_a_poem_in_a_sentence_and_an_empty_one() -> None:
    body = convert("He wrote <poem>a\nb</poem> then.<poem></poem>").body
    assert body == "He wrote a<br> b then.\n"


def test_indented_lines_are_paragraphs_of_their_own() -> None:
    body = convert("Premises:\n:If P, then Q.\n:Q.\n::Therefore, P.\nAfter.").body
    assert body == "Premises:\n\nIf P, then Q.\n\nQ.\n\nTherefore, P.\n\nAfter.\n"


def test_a_definition_is_on_a_line_of_its_own() -> None:
    assert convert(";Term\n:One\n:Two").body == "**Term**\n\nOne\n\nTwo\n"


def test_lists_with_continued_items_are_unchanged() -> None:
    assert convert("* item\n*: continued\n* next").body == "- item\n   - continued\n- next\n"
