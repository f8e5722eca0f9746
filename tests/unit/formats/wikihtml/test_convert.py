"""Rendered MediaWiki HTML to Cyclopedia Markdown: blocks, inline markup, links, tables,
infoboxes and references."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cyclopedia.document import Infobox, InfoboxField

from ...conftest import Rendered
from .helpers import convert


def test_paragraphs_headings_and_emphasis() -> None:
    result = convert(
        "<p><b>Ray</b> was a <i>singer</i> and <b><i>pianist</i></b>.</p>"
        "<h2><span class='mw-headline' id='Life'>Life</span></h2><p>Born in 1930.</p>"
        "<h3>Early years</h3><p>In <sub>2</sub> and x<sup>2</sup>.</p>"
    )
    assert result.body == (
        "**Ray** was a *singer* and ***pianist***.\n\n## Life\n\nBorn in 1930.\n\n"
        "### Early years\n\nIn <sub>2</sub> and x<sup>2</sup>.\n"
    )


def test_text_stays_text() -> None:
    result = convert("<p>1. Not a list * [[not a link]] <b>R&amp;B</b> # x |a|</p><p>- no</p>")
    assert result.body == (
        "1\\. Not a list \\* \\[\\[not a link\\]\\] **R\\&B** # x \\|a\\|\n\n\\- no\n"
    )


def test_block_markers_are_escaped_only_where_lines_start() -> None:
    result = convert("<p><a href='/wiki/Ray_Charles'>Ray</a> 1986. She - he</p><p>1986. Then</p>")
    assert result.body == "[[Ray Charles|Ray]] 1986. She - he\n\n1986\\. Then\n"


@pytest.mark.parametrize(
    ("href", "title", "expected"),
    [
        ("/wiki/Ray_Charles", "Ray Charles", "[[Ray Charles|Brother Ray]]"),
        ("//en.wikipedia.org/wiki/Ray_Charles", "", "[[Ray Charles|Brother Ray]]"),
        ("https://en.wikipedia.org/wiki/Ray_Charles#Life", "", "[[Ray Charles#Life|Brother Ray]]"),
        ("./Ray_Charles", "Ray Charles", "[[Ray Charles|Brother Ray]]"),
        ("Ray_Charles", "", "[[Ray Charles|Brother Ray]]"),
        (
            "/w/index.php?title=Brother_Ray_(film)&action=edit&redlink=1",
            "Brother Ray (film) (page does not exist)",
            "[[Brother Ray (film)|Brother Ray]]",
        ),
        (
            "https://de.wikipedia.org/wiki/Ray_Charles",
            "",
            "[Brother Ray](https://de.wikipedia.org/wiki/Ray_Charles)",
        ),
        ("/wiki/File:Ray.jpg", "", "Brother Ray"),
        ("/wiki/Help:Contents", "", "Brother Ray"),
        ("/wiki/Talk:Ray_Charles", "", "Brother Ray"),
        ("#Life", "", "Brother Ray"),
        ("mailto:ray@example.org", "", "[Brother Ray](mailto:ray@example.org)"),
    ],
)
def test_links(href: str, title: str, expected: str) -> None:
    result = convert(f"<p><a href='{href}' title='{title}'>Brother Ray</a></p>")
    assert result.body == expected + "\n"


def test_a_link_whose_label_is_its_title() -> None:
    assert convert("<p><a href='/wiki/Georgia'>Georgia</a></p>").body == "[[Georgia]]\n"


def test_link_labels_lose_brackets_and_pipes() -> None:
    result = convert("<p><a href='/wiki/X'>a [b] | c</a></p>")
    assert result.body == "[[X|a b c]]\n"


def test_external_urls_are_written_safely() -> None:
    result = convert("<p><a href='https://example.org/a b(c)'>site</a></p>")
    assert result.body == "[site](https://example.org/a%20b%28c%29)\n"


def test_lists_nested_and_ordered() -> None:
    result = convert(
        "<ul><li>One<ul><li>One a</li></ul></li><li>Two</li></ul>"
        "<ol><li>First</li><li>Second</li></ol>"
        "<dl><dt>Term</dt><dd>Meaning</dd></dl>"
    )
    assert result.body == (
        "- One\n   - One a\n- Two\n\n1. First\n1. Second\n\n**Term**\n\nMeaning\n"
    )


def test_quotations_code_and_rules() -> None:
    result = convert(
        "<blockquote><p>To be.</p><p>Or not.</p></blockquote><pre>x = 1\n  y = 2</pre><hr>"
        "<p>Use <code>a*b</code>.</p>"
    )
    assert result.body == (
        "> To be.\n>\n> Or not.\n\n```\nx = 1\n  y = 2\n```\n\n---\n\nUse `a*b`.\n"
    )


def test_hatnotes() -> None:
    result = convert(
        "<div role='note' class='hatnote navigation-not-searchable'>For the film, see "
        "<a href='/wiki/Ray_(film)'>Ray (film)</a>.</div><p>Text.</p>"
    )
    assert result.body == (
        '<div class="hatnote">\n\nFor the film, see [[Ray (film)]].\n\n</div>\n\nText.\n'
    )


def test_tables_become_gfm_tables() -> None:
    result = convert(
        "<table class='wikitable'><caption>Singles</caption>"
        "<tr><th>Year</th><th>Title</th></tr>"
        "<tr><td rowspan='2'>1960</td><td><a href='/wiki/Georgia'>Georgia</a></td></tr>"
        "<tr><td>Ruby<br>(B-side)</td></tr>"
        "<tr><td colspan='2'>a | b</td></tr></table>"
    )
    assert result.body == (
        "**Singles**\n\n| Year | Title |\n|---|---|\n| 1960 | [[Georgia]] |\n"
        "|   | Ruby<br>(B-side) |\n| a \\\\| b |   |\n"
    )


def test_a_table_without_header_cells_gets_an_empty_header() -> None:
    result = convert("<table><tr><td>a</td><td>b</td></tr></table>")
    assert result.body == "|   |   |\n|---|---|\n| a | b |\n"


def test_a_layout_table_of_one_column_is_its_content() -> None:
    result = convert("<table><tr><td><p>Just a box.</p></td></tr></table>")
    assert result.body == "Just a box.\n"


def test_rendered_tables_are_tables(render_markdown: Callable[[str], Rendered]) -> None:
    result = convert(
        "<table><tr><th>A</th><th>B</th></tr><tr><td>[[x]] | y</td><td>z</td></tr></table>"
    )
    rendered = render_markdown(result.body)
    assert {"table", "th", "td"} <= rendered.tags
    assert "[[x]] | y" in rendered.text


INFOBOX = """
<table class="infobox vcard">
<tr><th colspan="2" class="infobox-above">Ray Charles</th></tr>
<tr><td colspan="2"><a href="/wiki/File:Ray.jpg"><img src="ray.jpg"></a>
  <div>Ray in 1968</div></td></tr>
<tr><th colspan="2">Background information</th></tr>
<tr><th scope="row">Born</th><td>Ray Charles Robinson<br>September 23, 1930<br>
  <a href="/wiki/Albany,_Georgia">Albany, Georgia</a><sup class="reference">
  <a href="#cite_note-born-1">[1]</a></sup></td></tr>
<tr><th scope="row">Genres</th><td><div class="hlist">
  <ul><li>R&amp;B</li><li><i>soul</i></li></ul></div></td></tr>
<tr><th scope="row">Years&#160;active:</th><td>1947–2004</td></tr>
<tr><th scope="row">Empty</th><td> </td></tr>
<tr><td class="label">Label</td><td>Atlantic</td></tr>
</table>
"""
REFERENCES = """
<div class="reflist"><ol class="references">
<li id="cite_note-born-1"><span class="mw-cite-backlink"><a href="#cite_ref-born_1-0">^</a></span>
<span class="reference-text"><cite>"Ray Charles".
<a class="external text" href="https://example.org/ray">Biography</a>. Retrieved 2010.
<a href="https://doi.org/10.1000%2F182">doi:10.1000/182</a></cite></span></li>
<li id="cite_note-2"><span class="reference-text">Smith, <i>Ray</i> (2004).</span></li>
<li id="cite_note-3"><span class="reference-text">Never cited.</span></li>
</ol></div>
"""


def test_the_infobox_becomes_fields() -> None:
    result = convert(INFOBOX + "<p>Text.</p>" + "<h2>References</h2>" + REFERENCES)
    assert result.infobox == Infobox(
        title="Ray Charles",
        fields=(
            InfoboxField(
                "Born", "Ray Charles Robinson\nSeptember 23, 1930\n[[Albany, Georgia]][^1]"
            ),
            InfoboxField("Genres", "R\\&B\n*soul*"),
            InfoboxField("Years active", "1947–2004"),
            InfoboxField("Label", "Atlantic"),
        ),
    )
    assert result.body == "Text.\n"  # the References section had nothing left but its list


def test_references_are_numbered_by_first_citation() -> None:
    result = convert(
        INFOBOX
        + "<p>Later<sup class='reference'><a href='#cite_note-2'>[2]</a></sup> and again"
        + "<sup class='reference'><a href='#cite_note-born-1'>[1]</a></sup>; "
        + "<sup class='reference'><a href='#cite_note-missing'>[9]</a></sup></p>"
        + REFERENCES
    )
    assert result.body == "Later[^2] and again[^1];\n"
    first, second, third = result.references
    assert (first.label, second.label, third.label) == ("1", "2", "3")
    assert first.text == (
        '"Ray Charles". Biography. Retrieved 2010. [doi:10.1000/182](https://doi.org/10.1000%2F182)'
    )
    assert first.url == "https://example.org/ray"
    assert first.doi == "10.1000/182"
    assert second.text == "Smith, *Ray* (2004)."
    assert third.text == "Never cited."


def test_parsoid_references() -> None:
    result = convert(
        '<p>Dogs<sup class="mw-ref reference" id="cite_ref-a_1-0" typeof="mw:Extension/ref">'
        '<a href="./Dog#cite_note-a-1"><span class="mw-reflink-text">[1]</span></a></sup>.</p>'
        '<div class="mw-references-wrap"><ol class="mw-references references">'
        '<li about="#cite_note-a-1" id="cite_note-a-1"><a href="./Dog#cite_ref-a_1-0" '
        'rel="mw:referencedBy"><span class="mw-linkback-text">↑ </span></a> '
        '<span id="mw-reference-text-cite_note-a-1" class="mw-reference-text">Wang 2016.</span>'
        "</li></ol></div>"
    )
    assert result.body == "Dogs[^1].\n"
    assert [(r.label, r.text) for r in result.references] == [("1", "Wang 2016.")]


def test_a_second_infobox_is_a_table_of_the_body() -> None:
    result = convert(
        "<table class='infobox'><tr><th>Anthem</th><td>Georgia</td></tr></table>"
        "<table class='infobox'><tr><th colspan='2'>Single</th></tr>"
        "<tr><th>Released</th><td>1930</td></tr></table>"
    )
    assert result.infobox == Infobox(fields=(InfoboxField("Anthem", "Georgia"),))
    assert result.body == "**Single**\n\n|   |   |\n|---|---|\n| Released | 1930 |\n"


def test_formulas_keep_their_tex() -> None:
    result = convert(
        '<p>Area <span class="mwe-math-element"><span class="mwe-math-mathml-inline" '
        'style="display: none;"><math><semantics><mi>r</mi><annotation '
        'encoding="application/x-tex">\\pi r^2</annotation></semantics></math></span>'
        '<img class="mwe-math-fallback-image-inline" alt="\\pi r^2"></span>.</p>'
    )
    assert result.body == "Area `\\pi r^2`.\n"


def test_images_galleries_and_chrome_are_dropped() -> None:
    result = convert(
        "<div class='thumb tright'><div class='thumbinner'><img src='a.jpg'>"
        "<div class='thumbcaption'>A caption</div></div></div>"
        "<figure><img src='b.jpg'><figcaption>Another</figcaption></figure>"
        "<p>Text<span class='mw-editsection'>[<a href='/w/index.php?action=edit'>edit</a>]</span>"
        "<sup class='noprint Inline-Template'>[citation needed]</sup>.</p>"
        "<div id='toc' class='toc'>Contents</div><ul class='gallery'><li>c.jpg</li></ul>"
        "<table class='navbox'><tr><td><a href='/wiki/Other'>Other</a></td></tr></table>"
        "<div class='navbox-styles'>x</div><div role='navigation' class='sidebar'>Series</div>"
        "<table class='metadata ambox'><tr><td>This article needs sources.</td></tr></table>"
        "<span style='display:none'>hidden</span><div class='printfooter'>Retrieved</div>"
    )
    assert result.body == "Text.\n"


def test_empty_sections_are_dropped_innermost_first() -> None:
    result = convert(
        "<p>Intro.</p><h2>See also</h2><h3>Lists</h3><div class='navbox'>x</div>"
        "<h2>Life</h2><p>Born.</p><h2>External links</h2>"
    )
    assert result.body == "Intro.\n\n## Life\n\nBorn.\n"


def test_sections_as_newer_mwoffliner_and_parsoid_write_them() -> None:
    result = convert(
        "<section data-mw-section-id='0'><p>Lead.</p></section>"
        "<details><summary class='section-heading'><h2 id='Life'>Life</h2></summary>"
        "<section><p>Born.</p></section></details>"
    )
    assert result.body == "Lead.\n\n## Life\n\nBorn.\n"


def test_infobox_rows_nested_or_under_a_heading() -> None:
    result = convert(
        "<table class='infobox'><tr><th colspan='3'>United States</th></tr>"
        "<tr><td colspan='3'><table><tr><th>IOC code</th><td><b>USA</b></td></tr></table></td></tr>"
        "<tr><th colspan='3'>Summer Games</th></tr>"
        "<tr><td colspan='3'><ul><li>1896</li><li>1900</li></ul></td></tr>"
        "<tr><td>&#160;-&#160;</td><td>Monarch</td><td>Elizabeth II</td></tr></table>"
    )
    assert result.infobox == Infobox(
        title="United States",
        fields=(
            InfoboxField("IOC code", "**USA**"),
            InfoboxField("Summer Games", "1896\n1900"),
            InfoboxField("Monarch", "Elizabeth II"),
        ),
    )
