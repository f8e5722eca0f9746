"""Bold and italics read as MediaWiki shows them: written with "*" where CommonMark's rules let
a "*" open and close there, with HTML tags where they would not (an italic title ending in an
apostrophe before an "s", a bold link inside Japanese text), never as stray asterisks."""

from __future__ import annotations

import pytest

from cyclopedia.formats.mediawiki.wikitext.convert import convert
from tests.unit.formats.mediawiki.wikitext.helpers import shown

LINK = '<a class="wikilink" href="/wiki/{0}" title="{0}">{1}</a>'


@pytest.mark.parametrize(
    ("wikitext", "html"),
    [
        ("''A Modest Proposal'''s satire", "<p><em>A Modest Proposal'</em>s satire</p>"),
        ("''[[Foo|bar]]''s", f"<p><em>{LINK.format('Foo', 'bar')}</em>s</p>"),
        ("x'''(y)'''z", "<p>x<strong>(y)</strong>z</p>"),
        ("''[[Foo]]''{{small|y}}", f"<p><em>{LINK.format('Foo', 'Foo')}</em>y</p>"),
        ("'''(a)'''[[Wikipedia:About]]", "<p><strong>(a)</strong>About</p>"),
        ("''(a)''[ftp://example.org x]", "<p><em>(a)</em>x</p>"),
    ],
)
def test_where_a_star_cannot_open_or_close(wikitext: str, html: str) -> None:
    assert shown(wikitext) == html


def test_a_bold_link_inside_japanese_text() -> None:
    html = shown("は'''[[東京]]'''（とうきょう）")
    assert html.startswith('<p>は<strong><a class="wikilink"')
    assert html.endswith(">東京</a></strong>（とうきょう）</p>")


@pytest.mark.parametrize(
    ("wikitext", "body"),
    [
        ("Plain ''italic'' and '''bold''' text.", "Plain *italic* and **bold** text."),
        ("'''''[[Bugsy]]''''' won.", "***[[Bugsy]]*** won."),
        ("''[[El Gran Carlemany]]''<br/>y", "*[[El Gran Carlemany]]*<br>y"),
        ("A ''(quoted)'' word, ''[[Foo]]''.", "A *(quoted)* word, *[[Foo]]*."),
    ],
)
def test_stars_where_they_work(wikitext: str, body: str) -> None:
    assert convert(wikitext).body == body + "\n"
