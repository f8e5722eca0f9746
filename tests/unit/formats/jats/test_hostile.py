"""Hostile markup in imported JATS (POLICY.md §4, "Markup (XSS)"): ``javascript:`` and other
dangerous links in every spelling, script-like elements, event handlers, Markdown and HTML in
text. None of it may reach the body, the references or the rendered page as anything but text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cyclopedia.document import Document
from cyclopedia.document.source import to_source
from cyclopedia.render.article import render_document
from tests.unit.formats.jats.conftest import article_xml, read_xml

DANGEROUS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java&#x09;script:alert(1)",
    "java&#x0A;script:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&#x3A;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
    "livescript:alert(1)",
]
SCHEMES = ("javascript:", "vbscript:", "data:", "file:", "livescript:")


def _rendered(document: Document) -> str:
    rendered = render_document(document)
    return "\n".join(
        [rendered.body_html, *(ref.html for ref in rendered.references)]
        + [field.html for field in rendered.infobox]
    ).lower()


def _assert_clean(document: Document) -> None:
    source = to_source(document).lower().replace("\\", "")
    html = _rendered(document)
    for scheme in SCHEMES:
        assert scheme not in source
        assert scheme not in html
    for reference in document.references:
        assert reference.url is None or reference.url.startswith(("http://", "https://"))
    assert "<script" not in html
    assert "alert(1)" not in html
    assert not re.search(r"<[^>]*\son\w+=", html)


@pytest.mark.parametrize("url", DANGEROUS)
def test_dangerous_links_in_the_body_are_dropped(tmp_path: Path, url: str) -> None:
    body = (
        f'<p>See <ext-link ext-link-type="uri" xlink:href="{url}">the site</ext-link>, '
        f'<ext-link ext-link-type="uri" xlink:href="{url}">{url}</ext-link> and '
        f"<uri>{url}</uri> and "
        f'<uri xlink:href="{url}">there</uri>; <self-uri xlink:href="{url}"/>.</p>'
    )
    document = read_xml(tmp_path, article_xml(body))
    _assert_clean(document)
    assert "See the site" in document.body  # the words of a link stay, the link does not
    assert "there" in document.body


@pytest.mark.parametrize("url", DANGEROUS)
def test_dangerous_links_in_references_are_dropped(tmp_path: Path, url: str) -> None:
    back = (
        '<ref-list><ref id="r1"><mixed-citation publication-type="web">Site. '
        f'<ext-link ext-link-type="uri" xlink:href="{url}">{url}</ext-link>. '
        f'Accessed 2015.</mixed-citation></ref><ref id="r2"><element-citation>'
        f"<source>A page</source><year>2015</year><uri>{url}</uri>"
        f'<ext-link xlink:href="{url}">here</ext-link></element-citation></ref></ref-list>'
    )
    body = (
        '<p>Cited <xref ref-type="bibr" rid="r1">1</xref>'
        '<xref ref-type="bibr" rid="r2">2</xref>.</p>'
    )
    document = read_xml(tmp_path, article_xml(body, back=back))
    _assert_clean(document)
    assert [ref.url for ref in document.references] == [None, None]
    assert document.references[0].text.startswith("Site.")


def test_safe_links_are_kept(tmp_path: Path) -> None:
    body = (
        '<p><ext-link ext-link-type="uri" xlink:href="https://example.org/a b?x=(1)">site'
        '</ext-link>, <ext-link ext-link-type="doi" xlink:href="10.1000/xyz">doi</ext-link>, '
        '<email>someone@example.org</email>, <ext-link xlink:href="mailto:a@example.org">mail'
        "</ext-link>.</p>"
    )
    document = read_xml(tmp_path, article_xml(body))
    assert "[site](<https://example.org/a%20b?x=(1)>)" in document.body
    assert "[doi](<https://doi.org/10.1000/xyz>)" in document.body
    assert "[mail](<mailto:a@example.org>)" in document.body
    html = _rendered(document)
    assert 'href="https://example.org/a%20b?x=(1)"' in html


def test_script_like_elements_and_event_handlers_never_reach_the_page(tmp_path: Path) -> None:
    body = (
        '<p onclick="alert(1)" style="color:red">Safe <script>alert(1)</script>'
        '<style>p{}</style><iframe src="javascript:alert(1)">x</iframe>'
        '<img src="x" onerror="alert(1)"/><svg onload="alert(1)"><script>alert(1)</script></svg>'
        '<object data="javascript:alert(1)"/>text.</p>'
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; "
        '[link](javascript:alert(1)) &lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;</p>'
        '<table-wrap><table><tr><td onclick="alert(1)" colspan="2 onclick=alert(1)" '
        'style="x">cell</td></tr></table></table-wrap>'
    )
    document = read_xml(tmp_path, article_xml(body))
    html = render_document(document).body_html.lower()
    assert "<script" not in html
    assert "<iframe" not in html
    assert "<img" not in html
    assert "<svg" not in html
    assert "<object" not in html
    assert "<style" not in html
    assert not re.search(r"<[^>]*\s(on\w+|style)=", html)  # no handler or style in a tag
    assert not re.search(r"<a[^>]*href=\"\s*javascript", html)
    assert "safe text." in html
    # Text that looks like markup stays text, escaped.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markdown_and_citation_syntax_in_text_stays_text(tmp_path: Path) -> None:
    body = (
        "<p># Not a heading [^1] **not bold** [[Wiki link]] {{template}} {% tag %} | a | b |</p>"
        "<p>1. not a list</p><p>- not a list either</p><p>---</p>"
    )
    document = read_xml(tmp_path, article_xml(body))
    assert document.cited_labels() == []
    html = render_document(document).body_html
    assert re.findall(r"<h\d[^>]*>([^<]*)<", html) == ["Authors"]  # the byline's, only
    assert "<strong>" not in html
    assert "<ol" not in html
    assert "<ul" not in html
    assert "<hr" not in html
    assert 'class="wikilink' not in html
    assert "{{template}}" in html


def test_a_hostile_title_is_made_safe(tmp_path: Path) -> None:
    document = read_xml(tmp_path, article_xml(title="&lt;script&gt;x&lt;/script&gt; [a] {b} | #1"))
    assert document.title == "‹script›x‹/script› (a) (b) / №1"
    html = render_document(document).body_html
    assert "<script" not in html


def test_a_hostile_licence_link_is_no_licence(tmp_path: Path) -> None:
    permissions = (
        '<permissions><license xlink:href="javascript:alert(1)">'
        "<license-p>Free.</license-p></license></permissions>"
    )
    document = read_xml(tmp_path, article_xml(permissions=permissions))
    assert document.license.spdx == "NOASSERTION"
    assert not document.license.publishable
