"""The sanitiser: XSS vectors in every spelling come out inert; sanitising is idempotent."""

from __future__ import annotations

import lxml.html
import pytest

from cyclopedia.document import Attribution, Document
from cyclopedia.render import render_document
from cyclopedia.render.sanitize import sanitize

ATTRIBUTION = Attribution(source_title="T")

VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<iframe src="https://example.org"></iframe>',
    '<form action="https://example.org"><input name="x"></form>',
    '<base href="https://example.org/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<style>body{display:none}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<img name="getElementById"><form name="cookie">',
    '<div id="x y" class="infobox attribution">fake chrome</div>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<!--<img src=x onerror=alert(1)>-->",
    "<object data=x></object><embed src=x>",
    "<details open ontoggle=alert(1)>",
]

MARKDOWN_VECTORS = [
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](  javascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x]: javascript:alert(1)\n\n[x]",
]


def assert_inert(html: str) -> None:
    root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    for element in root.iter():
        assert element.tag not in {
            "script", "style", "iframe", "form", "input", "base", "meta", "svg", "math",
            "img", "object", "embed", "noscript",
        }, element.tag  # fmt: skip
        for name, value in element.attrib.items():
            assert not name.startswith("on"), name
            assert name not in ("style", "name", "src", "action", "formaction"), name
            if name == "href":
                scheme = value.split(":", 1)[0].strip().lower() if ":" in value else ""
                assert scheme in ("", "http", "https", "mailto"), value
            if name == "class":
                assert "infobox" not in value
                assert "attribution" not in value


@pytest.mark.parametrize("vector", VECTORS)
def test_html_vectors_are_inert(vector: str) -> None:
    assert_inert(sanitize(vector))


@pytest.mark.parametrize("vector", VECTORS + MARKDOWN_VECTORS)
def test_vectors_in_markdown_bodies_are_inert(vector: str) -> None:
    document = Document(title="T", body=vector, attribution=Attribution(source_title="T"))
    assert_inert(render_document(document).body_html)


@pytest.mark.parametrize("vector", VECTORS)
def test_sanitising_twice_equals_sanitising_once(vector: str) -> None:
    once = sanitize(vector)
    assert sanitize(once) == once


def test_allowed_markup_survives() -> None:
    html = (
        '<p>H<sub>2</sub>O <a href="https://example.org" rel="nofollow">x</a> '
        '<a href="/wiki/A">a</a></p>'
    )
    assert sanitize(html) == html


@pytest.mark.parametrize(
    "html",
    [
        '<a href="//evil.example/login">Log in</a>',
        '<a href="/\\evil.example/">x</a>',
        '<a href="/wiki\\..\\evil">x</a>',
    ],
)
def test_links_that_leave_the_site_while_looking_local_lose_their_href(html: str) -> None:
    assert "href" not in sanitize(html)


def test_markdown_protocol_relative_links_lose_their_href() -> None:
    document = Document(title="T", body="[Log in](//evil.example/login)", attribution=ATTRIBUTION)
    assert "href" not in render_document(document).body_html


def test_raw_external_links_get_nofollow() -> None:
    assert sanitize('<a href="https://spam.example">x</a>') == (
        '<a rel="nofollow noopener" href="https://spam.example">x</a>'
    )


@pytest.mark.parametrize(
    "raw",
    [
        '<a class="wikilink" href="https://evil.example">Real page</a>',
        '<div class="hatnote">Official notice</div>',
        '<sup class="reference"><a href="https://evil.example">[1]</a></sup>',
        '<span id="References">x</span>',
        '<p id="content" class="external">x</p>',
    ],
)
def test_raw_html_cannot_wear_the_renderers_classes_or_ids(raw: str) -> None:
    html = render_document(Document(title="T", body=raw, attribution=ATTRIBUTION)).body_html
    assert "class=" not in html
    assert 'id="References"' not in html
    assert 'id="content"' not in html
