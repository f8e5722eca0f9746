"""Letters right after a wiki link ("[[bus]]es") join its label, as in MediaWiki; after a link
that shows nothing (a file, a category, a link to another language) they stay text."""

from __future__ import annotations

import pytest

from cyclopedia.formats.mediawiki.wikitext.convert import convert


@pytest.mark.parametrize(
    ("wikitext", "body"),
    [
        ("Many [[bus]]es.", "Many [[Bus|buses]]."),
        ("The [[bus|coach]]es left.", "The [[Bus|coaches]] left."),
        ("[[File:A.svg|left|thumb|A sign.]]At the end.", "At the end."),
        ("Text [[Image:X.png]]Begins here.", "Text Begins here."),
        ("Towns[[Category:Towns]]abc and more.", "Townsabc and more."),
        ("See [[de:Titel]]abc.", "See abc."),
        ("* [[File:X.png]]Item", "- Item"),
    ],
)
def test_letters_after_a_link(wikitext: str, body: str) -> None:
    assert convert(wikitext).body == body + "\n"


def test_a_category_link_followed_by_letters_still_files_the_page() -> None:
    assert convert("Text.[[Category:Towns]]Xyz").categories == ("Towns",)
