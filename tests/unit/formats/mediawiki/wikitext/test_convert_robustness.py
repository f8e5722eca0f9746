"""Broken wikitext: what the parser cannot read never costs the rest of the page."""

from __future__ import annotations

import datetime as dt

from cyclopedia.document import get_license
from cyclopedia.formats.mediawiki.page import PageText, WikiSource, page_document
from cyclopedia.formats.mediawiki.wikitext.convert import convert


def test_a_table_never_closed_ends_at_the_next_paragraph() -> None:
    body = convert("Intro.\n{|\n| cell [[link\n\nAfter the table.\n== S ==\nText.").body
    assert body == "Intro.\n\nAfter the table.\n\n## S\n\nText.\n"


def test_a_table_with_junk_attributes_still_becomes_a_table() -> None:
    body = convert('Before.\n{| class="x" font-size:80%;"\n|-\n| a || b\n|}\nAfter.').body
    assert body == "Before.\n\n|   |   |\n|---|---|\n| a | b |\n\nAfter.\n"


def test_wikimedia_text_keeps_its_licence_whatever_the_option_says() -> None:
    page = PageText(title="T", wikitext="Text.", timestamp=dt.datetime(2016, 1, 1, tzinfo=dt.UTC))
    document = page_document(
        page,
        WikiSource(server="https://en.wikipedia.org", site_name="Wikipedia (English)"),
        license=get_license("CC0-1.0"),
        switch=dt.date(2023, 6, 7),
    )
    assert document.license.spdx == "CC-BY-SA-3.0"
    other = page_document(
        page,
        WikiSource(server="https://wiki.example.org", site_name="Example"),
        license=get_license("CC0-1.0"),
        switch=dt.date(2023, 6, 7),
    )
    assert other.license.spdx == "CC0-1.0"
