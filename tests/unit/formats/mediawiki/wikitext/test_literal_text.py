"""Text MediaWiki shows as written: <nowiki> (wiki markup shown, character references read),
<pre> (character references read, <nowiki> tags inside dropped), <syntaxhighlight> (everything
as written, and in its sentence when marked inline). <code> holds wikitext: links, entities and
italics inside it are read. Text styled ``display:none`` (sort keys) stays hidden."""

from __future__ import annotations

import pytest

from cyclopedia.formats.mediawiki.wikitext.convert import convert
from tests.unit.formats.mediawiki.wikitext.helpers import shown


@pytest.mark.parametrize(
    ("wikitext", "html"),
    [
        (
            "x <nowiki>[[a]] {{b}} ''c'' {|</nowiki> y",
            "<p>x [[a]] {{b}} ''c'' {| y</p>",
        ),
        ("<nowiki>&amp; &lt;b&gt;</nowiki>", "<p>&amp; &lt;b&gt;</p>"),
        ("Use <code>&lt;div&gt;</code> here.", "<p>Use <code>&lt;div&gt;</code> here.</p>"),
        ("In <code>a*b*c</code>.", "<p>In <code>a*b*c</code>.</p>"),
        ("<code>''it''</code>", "<p><code><em>it</em></code></p>"),
        ("<code>^<nowiki>[</nowiki></code>", "<p><code>^[</code></p>"),
        (
            "<code>[[Foo]]</code>",
            '<p><code><a class="wikilink" href="/wiki/Foo" title="Foo">Foo</a></code></p>',
        ),
        (
            "<pre>&lt;html&gt;\n  <nowiki>[[x]]</nowiki></pre>",
            "<pre><code>&lt;html&gt;\n  [[x]]\n</code></pre>",
        ),
        (
            "<syntaxhighlight lang=html>&lt;b&gt;</syntaxhighlight>",
            "<pre><code>&amp;lt;b&amp;gt;\n</code></pre>",
        ),
    ],
)
def test_shown_as_mediawiki_shows_it(wikitext: str, html: str) -> None:
    assert shown(wikitext) == html


def test_inline_code_stays_in_its_sentence() -> None:
    wikitext = "Call <syntaxhighlight lang=python inline>print(x)</syntaxhighlight> here."
    assert convert(wikitext).body == "Call `print(x)` here.\n"


@pytest.mark.parametrize(
    ("wikitext", "body"),
    [
        ('{|\n|<span style="display:none">0042</span>Forty-two\n|}', "|   |\n|---|\n| Forty-two |"),
        ('<div style="display: none">secret</div>Shown.', "Shown."),
        ('A <span style="color:red">red</span> word.', "A red word."),
        ('a <small style="display:none">key</small>b', "a b"),
    ],
)
def test_text_hidden_from_readers_stays_hidden(wikitext: str, body: str) -> None:
    assert convert(wikitext).body == body + "\n"
