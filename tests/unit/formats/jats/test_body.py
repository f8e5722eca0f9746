"""The conversion of JATS content to Cyclopedia Markdown, on small snippets: sections, inline
formatting, citation markers, lists, figures, tables, formulas, footnotes, front matter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cyclopedia.document.markup import escape_text
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.jats.markup import emphasis, escape, line_start
from cyclopedia.render.article import render_document
from tests.unit.formats.jats.conftest import article_xml, read_one, read_xml

REFS = (
    "<ref-list>"
    + "".join(
        f'<ref id="r{n}"><element-citation publication-type="journal"><person-group>'
        f"<name><surname>Author{n}</surname><given-names>A</given-names></name></person-group>"
        f"<year>200{n}</year><article-title>Title {n}</article-title><source>Journal</source>"
        f"<volume>{n}</volume><fpage>1</fpage><lpage>9</lpage></element-citation></ref>"
        for n in range(1, 7)
    )
    + "</ref-list>"
)


def _body(tmp_path: Path, body: str, back: str = REFS) -> str:
    document = read_xml(tmp_path, article_xml(body, back=back))
    return document.body.split("\n\n## Authors", 1)[0]


@pytest.mark.parametrize(
    "text",
    ["a*b_c", "1. x", "- y", "# z", "[^1] <b> & ~|`", "---", "+", "plain words", "2) two"],
)
def test_escaping_agrees_with_escape_text(text: str) -> None:
    assert line_start(escape(text)) == escape_text(text)


def test_emphasis_falls_back_to_html_where_markdown_would_not_read_it() -> None:
    assert emphasis("word", strong=False, before="") == "*word*"
    assert emphasis(" word ", strong=True, before="") == " **word** "
    assert emphasis("(x)", strong=False, before="") == "<em>(x)</em>"
    assert emphasis("b", strong=False, before="*a*") == "<em>b</em>"
    assert emphasis("Note:", strong=True, before="", space_after=True) == "**Note:**"


def test_sections_become_headings(tmp_path: Path) -> None:
    body = (
        "<sec><title>Intro</title><p>One.</p><sec><label>1.1</label><title>Deeper</title>"
        "<p>Two.</p><sec><title>Deepest</title><p>Three.</p></sec></sec></sec>"
        "<sec><title/><p>Untitled section.</p></sec>"
    )
    assert _body(tmp_path, body) == (
        "## Intro\n\nOne.\n\n### 1.1 Deeper\n\nTwo.\n\n#### Deepest\n\nThree.\n\nUntitled section."
    )


def test_inline_formatting(tmp_path: Path) -> None:
    body = (
        "<p><italic>E. coli</italic> and <bold>bold</bold>, H<sub>2</sub>O, x<sup>2</sup>, "
        "<underline>u</underline>, <monospace>code `x`</monospace>, <sc>small caps</sc>, "
        "<italic>(brackets)</italic>, a<break/>b.</p>"
    )
    assert _body(tmp_path, body) == (
        "*E. coli* and **bold**, H<sub>2</sub>O, x<sup>2</sup>, <u>u</u>, `` code `x` ``, "
        "small caps, <em>(brackets)</em>, a<br>b."
    )


def test_citation_markers(tmp_path: Path) -> None:
    body = (
        '<p>Numeric [<xref ref-type="bibr" rid="r1">1</xref>], '
        '[<xref ref-type="bibr" rid="r2">2</xref>]–[<xref ref-type="bibr" rid="r5">5</xref>]; '
        '<sup><xref ref-type="bibr" rid="r6">6</xref></sup>; '
        '(<xref ref-type="bibr" rid="r1">Author1, 2001</xref>; <xref ref-type="bibr" rid="r3">'
        'Author3 et al., 2003</xref>); <xref ref-type="bibr" rid="r1 r2">1,2</xref>; '
        '<xref ref-type="bibr" rid="nowhere">9</xref>; see <xref ref-type="fig" rid="f1">'
        "Figure 1</xref>.</p>"
    )
    assert _body(tmp_path, body) == (
        "Numeric [^1][^2][^3][^4][^5][^6]; (Author1, 2001[^1]; Author3 et al., 2003[^3]); "
        "[^1][^2]; 9; see Figure 1."
    )


def test_references_are_numbered_citations(tmp_path: Path) -> None:
    document = read_xml(
        tmp_path, article_xml('<p>x<xref ref-type="bibr" rid="r2">2</xref></p>', back=REFS)
    )
    assert [ref.label for ref in document.references] == ["1", "2", "3", "4", "5", "6"]
    assert document.references[1].text == "Author2 A (2002) Title 2. *Journal* 2: 1–9."


def test_lists(tmp_path: Path) -> None:
    body = (
        '<list list-type="order"><list-item><p>First.</p></list-item><list-item><p>Second.</p>'
        '<list list-type="bullet"><list-item><p>Inner.</p></list-item></list></list-item></list>'
        '<list list-type="alpha-lower"><list-item><p>Alpha.</p></list-item><list-item><p>Beta.'
        "</p></list-item></list>"
        "<def-list><def-item><term>DNA</term><def><p>deoxyribonucleic acid</p></def></def-item>"
        "</def-list>"
    )
    assert _body(tmp_path, body) == (
        "1. First.\n\n2. Second.\n\n   - Inner.\n\n- a. Alpha.\n- b. Beta.\n\n"
        "- **DNA**: deoxyribonucleic acid"
    )


def test_figures_keep_their_caption_and_lose_their_image(tmp_path: Path) -> None:
    body = (
        '<p>Before <fig id="f1"><label>Figure 1</label><caption><title>Bees.</title>'
        "<p>A bee.</p><p>DOI: 10.7554/eLife.00013.010</p></caption>"
        '<graphic xlink:href="f1.tif"/></fig> after.</p>'
    )
    assert _body(tmp_path, body) == "Before\n\n**Figure 1. Bees.** A bee.\n\nafter."


def test_simple_tables_are_gfm(tmp_path: Path) -> None:
    body = (
        '<table-wrap id="t1"><label>Table 1</label><caption><p>Counts | totals</p></caption>'
        "<table><thead><tr><th>Site</th><th>Count</th></tr></thead><tbody>"
        '<tr><td>A</td><td>1<xref ref-type="bibr" rid="r1">1</xref></td></tr>'
        "<tr><td><p>B</p><p>b</p></td><td>-</td></tr></tbody></table>"
        "<table-wrap-foot><fn><label>*</label><p>Note.</p></fn></table-wrap-foot></table-wrap>"
    )
    assert _body(tmp_path, body) == (
        "**Table 1.** Counts \\| totals\n\n| Site | Count |\n|---|---|\n| A | 1[^1] |\n"
        "| B<br>b | - |\n\n\\* Note."
    )


def test_tables_with_spans_are_html_around_markdown_cells(tmp_path: Path) -> None:
    body = (
        '<table-wrap><table><thead><tr><th colspan="2">Both <italic>x</italic></th></tr>'
        '<tr><th>A</th><th>B</th></tr></thead><tbody><tr><td rowspan="2">1</td><td>2'
        '<xref ref-type="bibr" rid="r1">1</xref></td></tr><tr><td></td></tr></tbody></table>'
        "</table-wrap>"
    )
    markdown = _body(tmp_path, body)
    assert markdown.startswith('<table>\n<thead>\n<tr>\n<th colspan="2">\n\nBoth *x*\n\n</th>')
    document = read_xml(tmp_path, article_xml(body, back=REFS))
    html = render_document(document).body_html
    assert '<th colspan="2">\n<p>Both <em>x</em></p>\n</th>' in html
    assert '<td rowspan="2">' in html
    assert re.search(r'<td>\s*<p>2<sup class="reference"', html)


def test_formulas_as_text(tmp_path: Path) -> None:
    body = (
        "<p>Area <inline-formula><mml:math><mml:mrow><mml:msup><mml:mi>r</mml:mi><mml:mn>2"
        "</mml:mn></mml:msup><mml:mo>×</mml:mo><mml:mi>π</mml:mi></mml:mrow></mml:math>"
        "</inline-formula>, ratio <inline-formula><mml:math><mml:mfrac><mml:mrow><mml:mi>a</mml:mi>"
        "<mml:mo>+</mml:mo><mml:mi>b</mml:mi></mml:mrow><mml:mi>c</mml:mi></mml:mfrac>"
        "</mml:math></inline-formula>, root <inline-formula><mml:math><mml:msqrt><mml:mi>x"
        "</mml:mi></mml:msqrt></mml:math></inline-formula>, mean <inline-formula><mml:math>"
        "<mml:mover><mml:mi>x</mml:mi><mml:mo>¯</mml:mo></mml:mover></mml:math></inline-formula>"
        ", TeX <inline-formula><tex-math>\\documentclass{minimal}\\begin{document}$a_1$"
        "\\end{document}</tex-math></inline-formula>:</p>"
        '<disp-formula id="e1"><label>(1)</label><mml:math><mml:mi>E</mml:mi><mml:mo>=</mml:mo>'
        "<mml:mi>m</mml:mi><mml:msup><mml:mi>c</mml:mi><mml:mn>2</mml:mn></mml:msup></mml:math>"
        "</disp-formula>"
    )
    assert _body(tmp_path, body) == (
        "Area r<sup>2</sup> × π, ratio (a + b)/c, root √x, mean x\u0304, TeX `a_1`:\n\n"
        "E = mc<sup>2</sup> (1)"
    )


def test_footnotes_in_the_text_become_references(tmp_path: Path) -> None:
    document = read_xml(
        tmp_path, article_xml("<p>Claim<fn><p>A note with <italic>style</italic>.</p></fn>.</p>")
    )
    assert document.body.startswith("Claim[^note-1].")
    assert document.references[-1].label == "note-1"
    assert document.references[-1].text == "A note with *style*."


def test_boxes_quotes_and_code(tmp_path: Path) -> None:
    body = (
        "<boxed-text><label>Box 1.</label><caption><title>Aside</title><p>Boxed.</p></caption>"
        "<sec><title>Inside</title><p>More.</p></sec></boxed-text>"
        "<disp-quote><p>Quoted.</p><attrib>Someone</attrib></disp-quote>"
        "<preformat>def f():\n    return 1</preformat>"
    )
    assert _body(tmp_path, body) == (
        "> **Box 1. Aside.** Boxed.\n>\n> **Inside**\n>\n> More.\n\n"
        "> Quoted.\n>\n> Someone\n\n```\ndef f():\n    return 1\n```"
    )


def test_front_matter(tmp_path: Path) -> None:
    document = read_xml(tmp_path, article_xml())
    fields = {field.label: field.value for field in document.infobox.fields}  # type: ignore[union-attr]
    assert fields == {
        "Journal": "*Journal of Tests*",
        "Article type": "Research article",
        "Published": "2 March 2015",
        "Volume": "1",
        "Article number": "e1",
        "DOI": "[10.5555/test.1](<https://doi.org/10.5555/test.1>)",
        "Publisher": "Test Press",
    }
    attribution = document.attribution
    assert attribution.source_name == "Journal of Tests"
    assert attribution.source_url == attribution.revision_url == "https://doi.org/10.5555/test.1"
    assert attribution.authors == ("Tess Tester",)
    assert attribution.source_timestamp is not None
    assert attribution.source_timestamp.isoformat() == "2015-03-02T00:00:00+00:00"
    assert document.source_key == "10.5555/test.1"
    assert document.language == "en"


def test_options_override_title_and_language(tmp_path: Path) -> None:
    path = tmp_path / "a.xml"
    path.write_text(article_xml(), encoding="utf-8")
    document = read_one(path, ReadOptions(title="Another title", language="de"))
    assert (document.title, document.language) == ("Another title", "de")


def test_authors_affiliations_and_orcids(tmp_path: Path) -> None:
    xml = article_xml().replace(
        '<contrib-group><contrib contrib-type="author"><name><surname>Tester</surname>\n'
        "<given-names>Tess</given-names></name></contrib></contrib-group>",
        '<contrib-group><contrib contrib-type="author"><name><surname>One</surname>'
        '<given-names>Ann</given-names></name><contrib-id contrib-id-type="orcid">'
        'https://orcid.org/0000-0002-1825-0097</contrib-id><xref ref-type="aff" rid="a1"/>'
        '</contrib><contrib contrib-type="author"><collab>The Group</collab>'
        '<xref ref-type="aff" rid="a2"/></contrib><contrib contrib-type="editor"><name>'
        "<surname>Ed</surname><given-names>E</given-names></name></contrib>"
        '<aff id="a1"><institution>Uni A</institution>, <country>Land</country></aff>'
        '<aff id="a2"><institution>Uni B</institution><country>Land</country></aff>'
        "</contrib-group>",
    )
    document = read_xml(tmp_path, xml)
    assert document.attribution.authors == ("Ann One", "The Group")
    assert document.body.endswith(
        "## Authors\n\nAnn One<sup>1</sup> (ORCID [0000-0002-1825-0097]"
        "(https://orcid.org/0000-0002-1825-0097)), The Group<sup>2</sup>\n\n"
        "1. Uni A, Land\n2. Uni B, Land\n"
    )
