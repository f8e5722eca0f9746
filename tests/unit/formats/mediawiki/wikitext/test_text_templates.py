"""Inline templates whose arguments are what the reader reads: {{sic}}, {{frac}} and
{{sfrac}}, {{sub}}, {{color}}, the French {{Lien}}, amounts of money; and an album's
{{Track listing}}, a block of its own."""

from __future__ import annotations

import pytest

from cyclopedia.formats.mediawiki.wikitext.convert import convert


@pytest.mark.parametrize(
    ("wikitext", "body"),
    [
        ("The {{sic|teh}} cat.", "The teh \\[sic\\] cat."),
        ("As written{{sic}}.", "As written \\[sic\\]."),
        ("To {{sic|hide=y|recieve}} it.", "To recieve it."),
        ("The {{sic|?|teh}} cat.", "The teh \\[sic?\\] cat."),
        ("No text: {{color|red}}.", "No text: ."),
        ("{{frac|1|2}}, {{frac|4}}, {{sfrac|1|2|3}}", "1/2, 1/4, 1 2/3"),
        ("{{sfrac|3''n'' + 1|2}} O", "(3*n* \\+ 1)/2 O"),
        ("C{{sub|n}}H{{sub|2n+2}}", "C<sub>n</sub>H<sub>2n+2</sub>"),
        ("{{color|green|very high}}, {{font color|red|white|alert}}", "very high, alert"),
        ("Mayor {{lien|lang=de|Barbara Slowik}}.", "Mayor [[Barbara Slowik]]."),
        (
            "{{Lien|lang=de|fr=Deutsche Wasserball-Liga|texte=DWL}}",
            "[[Deutsche Wasserball-Liga|DWL]]",
        ),
        ("{{currency|13 billion|USD}}, {{currency|7}}", "US$13 billion, US$7"),
        ("{{currency|5|XYZ}} or {{euro|77.80}}", "5\u00a0XYZ or 77.80\u00a0€"),
    ],
)
def test_the_arguments_are_read(wikitext: str, body: str) -> None:
    conversion = convert(wikitext)
    assert conversion.body == body + "\n"
    assert not conversion.unknown_templates


def test_a_track_listing_is_a_numbered_list() -> None:
    wikitext = (
        "==Track listing==\n{{Tracklist\n| headline = Side one\n| total_length = 7:23\n"
        "| title1 = Savannah (Part One)\n| note1 = Demo\n| length1 = 2:33\n"
        "| title2 = [[The Great Salt Lake]]\n| writer2 = Ben Bridwell\n| length2 = 4:50\n}}\n"
        "After."
    )
    conversion = convert(wikitext)
    assert conversion.body == (
        "## Track listing\n\n**Side one**\n\n"
        '1. "Savannah (Part One)" (Demo) – 2:33\n'
        '2. "[[The Great Salt Lake]]" – Ben Bridwell – 4:50\n\n'
        "Total length: 7:23\n\nAfter.\n"
    )
    assert not conversion.unknown_templates


def test_a_track_listing_without_titles_leaves_nothing() -> None:
    assert convert("Before.\n{{Track listing\n| headline = Empty\n}}\nAfter.").body == (
        "Before.\n\nAfter.\n"
    )


def test_track_numbers_written_with_a_leading_zero() -> None:
    body = convert("{{Track listing|title01=Foo|length01=3:00|title1=Bar}}").body
    assert body == '1. "Foo" – 3:00\n'
