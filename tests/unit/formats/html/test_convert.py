"""Trafilatura's main-text XML as Cyclopedia Markdown: structure kept, text kept as text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lxml import etree

from cyclopedia.formats.html.convert import body_markdown
from cyclopedia.formats.html.links import external_url
from tests.unit.conftest import Rendered


def md(xml: str, *, host: str | None = "example.org", title: str = "") -> str:
    return body_markdown(etree.fromstring(f"<body>{xml}</body>"), page_host=host, title=title)


Render = Callable[[str], Rendered]


def test_headings_are_sections_under_the_title() -> None:
    markdown = md(
        '<head rend="h1">Title</head><p>Lead.</p><head rend="h1">Part</head>'
        '<head rend="h3">Detail</head><p>Text.</p>',
        title="Title",
    )
    assert markdown == "Lead.\n\n## Part\n\n#### Detail\n\nText."


def test_a_heading_ending_in_a_hash_keeps_it() -> None:
    assert md('<head rend="h2">Item #</head>') == "## Item \\#"


def test_paragraphs_breaks_and_formatting() -> None:
    markdown = md(
        '<p>One <hi rend="#b">bold</hi> and <hi rend="#i">italic</hi> word,<lb/>'
        'a line <hi rend="#t">code()</hi> H<hi rend="#sub">2</hi>O x<hi rend="#sup">2</hi>'
        ' <del>gone</del> <hi rend="#u">under</hi>.</p><p>Two.</p>'
    )
    assert markdown == (
        "One **bold** and *italic* word,\\\na line `code()` H<sub>2</sub>O x<sup>2</sup> "
        "~~gone~~ under.\n\nTwo."
    )


def test_emphasis_only_where_markdown_reads_it_as_such() -> None:
    # Emphasis starting or ending in punctuation would show its asterisks; spaces go outside.
    assert md('<p>a<hi rend="#b">"quoted"</hi>b and <hi rend="#i"> spaced </hi>c</p>') == (
        'a"quoted"b and *spaced* c'
    )


def test_lists_nested_and_ordered(render_markdown: Render) -> None:
    markdown = md(
        '<list rend="ul"><item>one</item><item>two<list rend="ol"><item>first</item>'
        "<item>second</item></list></item></list>"
    )
    assert markdown == "- one\n- two\n  1. first\n  2. second"
    rendered = render_markdown(markdown)
    assert rendered.html.count("<ul>") == 1
    assert rendered.html.count("<ol>") == 1


def test_definition_lists() -> None:
    markdown = md(
        '<list rend="dl"><item rend="dt-1">Term</item><item rend="dd-1">Meaning.</item></list>'
    )
    assert markdown == "**Term**\n\nMeaning."


def test_tables_with_a_header_row(render_markdown: Render) -> None:
    markdown = md(
        '<table><row><cell role="head">Name</cell><cell role="head">Value</cell></row>'
        "<row><cell>a | b</cell><cell><p>x</p><p>y</p></cell></row><row><cell>only</cell></row>"
        "</table>"
    )
    assert markdown == "| Name | Value |\n| --- | --- |\n| a \\| b | x y |\n| only |  |"
    rendered = render_markdown(markdown)
    assert rendered.tags >= {"table", "th", "td"}
    assert "a | b" in rendered.text


def test_quotes_and_code_blocks() -> None:
    markdown = md("<quote><p>Said.</p><p>Again.</p></quote><code>line 1\n```\nline 3</code>")
    assert markdown == "> Said.\n>\n> Again.\n\n````\nline 1\n```\nline 3\n````"


def test_links_to_other_sites_are_kept_and_own_site_links_become_text() -> None:
    markdown = md(
        '<p><ref target="https://other.example/a b(c)">other</ref>, '
        '<ref target="https://www.example.org/page">own</ref>, '
        '<ref target="/relative">relative</ref>, <ref target="https://sub.example.org/">sub</ref>'
        "</p>"
    )
    assert markdown == "[other](https://other.example/a%20b%28c%29), own, relative, sub"


def test_without_a_page_url_every_absolute_link_is_external() -> None:
    assert md('<p><ref target="https://example.org/x">x</ref></p>', host=None) == (
        "[x](https://example.org/x)"
    )


def test_a_link_around_nothing_is_dropped() -> None:
    assert md('<p>See <ref target="https://other.example/"><graphic src="x"/></ref>.</p>') == (
        "See ."
    )


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "https://user:secret@other.example/",
        "https://other.example:99999/",
        "mailto:someone@example.org",
        "",
    ],
)
def test_unsafe_link_targets_are_dropped(target: str) -> None:
    assert external_url(target, "example.org") is None


def test_text_that_looks_like_markup_stays_text(render_markdown: Render) -> None:
    text = (
        "# not a heading <script>alert(1)</script> [x](javascript:y) *a* _b_ `c` "
        "[[Wiki]] [^1] &amp; | ~~d~~ <b>e</b>"
    )
    markdown = md(f"<p>{text.replace('&', '&amp;').replace('<', '&lt;')}</p>")
    rendered = render_markdown(markdown)
    assert rendered.tags == {"p"}
    assert rendered.text == text


BLOCK_STARTS = ["# x", "- x", "+ x", "1. x", "2) x", "> x", "    x", "---", "==="]


@pytest.mark.parametrize("start", BLOCK_STARTS)
def test_block_syntax_at_line_starts_stays_text(render_markdown: Render, start: str) -> None:
    escaped = start.replace(">", "&gt;")
    markdown = md(f"<p>{escaped}</p><p>a<lb/>{escaped}</p>")
    rendered = render_markdown(markdown)
    assert rendered.tags <= {"p", "br"}
    assert start.strip() in rendered.text


def test_images_are_left_out() -> None:
    assert md('<p>Before <graphic src="a.png" alt="alt text"/> after.</p>') == "Before after."


def test_soft_hyphens_go_and_text_is_composed() -> None:
    assert md("<p>Ver\u00adsion u\u0308ber</p>") == "Version über"


def test_unknown_elements_keep_their_text() -> None:
    assert md("<div><span>inline</span> text<section><p>para</p></section></div>") == (
        "inline text\n\npara"
    )
