"""Wiki links whose target or label is unusual: titles with a short prefix before a colon are
titles, not links to other languages; a label keeps its brackets and pipes, and a link inside
a label is its text (links do not nest)."""

from __future__ import annotations

import pytest

from cyclopedia.formats.mediawiki.wikitext.convert import convert
from tests.unit.formats.mediawiki.wikitext.helpers import shown


@pytest.mark.parametrize(
    ("wikitext", "body"),
    [
        ("In [[CSI: Miami]].", "In [[CSI: Miami]]."),
        ("In [[Sex: The Annabel Chong Story]].", "In [[Sex: The Annabel Chong Story]]."),
        ("See [[de:Berlin]].", "See ."),  # an interlanguage link: in no text
        ("See [[:de:Berlin|Berlin]].", "See Berlin."),
    ],
)
def test_short_prefixes(wikitext: str, body: str) -> None:
    assert convert(wikitext).body == body + "\n"


@pytest.mark.parametrize(
    ("wikitext", "label"),
    [
        ("[[Foo|<nowiki>[</nowiki>]]", "["),
        ("[[Foo|a [b] c]]", "a [b] c"),
        ("[[Foo|a|b]]", "a|b"),
        ("[[Foo|the [[Bar|baz]] x]]", "the baz x"),
        ("[[Foo|see [http://example.org bar] now]]", "see bar now"),
    ],
)
def test_labels_read_as_written(wikitext: str, label: str) -> None:
    assert shown(wikitext) == f'<p><a class="wikilink" href="/wiki/Foo" title="Foo">{label}</a></p>'


def test_a_citation_in_a_label_follows_the_link() -> None:
    conversion = convert("[[Foo|a<ref>R.</ref>]] b and [[Bar|<ref>S.</ref>]].")
    assert conversion.body == "[[Foo|a]][^1] b and [[Bar]][^2].\n"
    assert [reference.text for reference in conversion.references] == ["R.", "S."]
