"""Hostile HTML (POLICY §4, markup): whatever a page holds, the Document carries no script, event
handler, ``javascript:`` link, style, frame, base, form, SVG or MathML trick, and its rendering
has none either. The converter writes Markdown from text only; these tests hold it to that."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from cyclopedia.document import Attribution, Document
from cyclopedia.formats.wikihtml.tree import PageError, parse_html
from cyclopedia.render.article import every_article, render_document

from ...conftest import Rendered
from .helpers import article

ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<p onclick='alert(1)' onmouseover=alert(1)>click</p>",
    "<a href='javascript:alert(1)'>js</a>",
    "<a href='JaVaScRiPt:alert(1)'>js</a>",
    "<a href=' javascript:alert(1)'>js</a>",
    "<a href='java\tscript:alert(1)'>js</a>",
    "<a href='java&#x09;script:alert(1)'>js</a>",
    "<a href='&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)'>js</a>",
    "<a href='\u200bjavascript:alert(1)'>js</a>",
    "<a href='vbscript:msgbox(1)'>vb</a>",
    "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='>data</a>",
    "<a href='//evil.example/'>protocol relative</a>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<p style='background:url(javascript:alert(1))'>styled</p>",
    "<iframe src='https://evil.example/' srcdoc='<script>alert(1)</script>'></iframe>",
    "<base href='https://evil.example/'>",
    "<meta http-equiv='refresh' content='0;url=javascript:alert(1)'>",
    "<form action='https://evil.example/'><input name='password'><button>Go</button></form>",
    "<svg><script>alert(1)</script><a xlink:href='javascript:alert(1)'><text>svg</text></a></svg>",
    "<svg onload=alert(1)><animate attributeName=href to=javascript:alert(1)></animate></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table>"
    "</mtext></math>",
    "<math href='javascript:alert(1)'>m</math>",
    "<object data='javascript:alert(1)'></object><embed src='javascript:alert(1)'>",
    "<noscript><p title='</noscript><img src=x onerror=alert(1)>'></noscript>",
    "<template><script>alert(1)</script></template>",
    "<textarea><script>alert(1)</script></textarea>",
    "<xmp><script>alert(1)</script></xmp>",
    "<img id='location' name='cookie'><form id='document'></form>",
    "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    "<p>&lt;img src=x onerror=alert(1)&gt;</p>",
    "<p>{{ request.user }} {% debug %}</p>",
    "<a href='https://example.org/\"><script>alert(1)</script>'>quote</a>",
    "<a href='https://example.org/' onclick='alert(1)'>handler</a>",
    "<div><div><div><a href='javascript:alert(1)'><b>deep</b></a></div></div></div>",
    "<table class='infobox'><tr><th>Born</th><td><a href='javascript:alert(1)'>x</a>"
    "<script>alert(1)</script></td></tr></table>",
    "<ol class='references'><li id='cite_note-1'><a href='javascript:alert(1)'>bad</a>"
    "<script>alert(1)</script></li></ol><p>cited<sup class='reference'>"
    "<a href='#cite_note-1'>[1]</a></sup></p>",
]

# Raw HTML that is not escaped (escaped text, "\<script\>", is shown as it is).
RAW_HTML = re.compile(
    r"(?<!\\)<\s*/?\s*(script|style|iframe|frame|object|embed|base|meta|form|input|button|svg|"
    r"math|textarea|template|noscript|img|link|xmp)\b",
    re.IGNORECASE,
)
# A tag with an event handler or a script URL, or a tag that must never be there at all.
UNSAFE_TAG = re.compile(
    r"<[^>]*(\son[a-z]+\s*=|javascript:|vbscript:|data:)[^>]*>|<(script|style|iframe|base)\b",
    re.IGNORECASE,
)
LINK_DESTINATION = re.compile(r"\]\(([^)]*)\)")
ALLOWED_TAGS = {
    "p", "a", "strong", "em", "sup", "sub", "br", "code", "pre", "ul", "ol", "li", "table",
    "thead", "tbody", "tr", "th", "td", "h2", "h3", "div", "blockquote", "hr", "del",
}  # fmt: skip


def _document(html: str) -> Document:
    converted = article(html)
    conversion = converted.conversion
    return Document(
        title="Attack",
        body=conversion.body,
        attribution=Attribution(source_title="Attack"),
        infobox=conversion.infobox,
        references=conversion.references,
    )


@pytest.mark.parametrize("attack", ATTACKS)
def test_attacks_come_out_inert(attack: str, render_markdown: Callable[[str], Rendered]) -> None:
    document = _document(f"<p>Before.</p>{attack}<p>After.</p>")
    texts = [
        document.body,
        *(field.value for field in (document.infobox.fields if document.infobox else ())),
        *(reference.text for reference in document.references),
        *(reference.url or "" for reference in document.references),
    ]
    for text in texts:
        assert not RAW_HTML.search(text), text
        for destination in LINK_DESTINATION.findall(text):
            assert destination.startswith(("https://", "http://", "mailto:")), text
    for reference in document.references:
        assert reference.url is None or reference.url.startswith(("https://", "http://"))
    # Even before the sanitizer, Markdown with raw HTML on makes only harmless tags of it.
    rendered = render_markdown(document.body)
    assert rendered.tags <= ALLOWED_TAGS, rendered.html
    assert not UNSAFE_TAG.search(rendered.html), rendered.html
    # And the stored rendering of the whole article has none of it.
    stored = render_document(document, link_exists=every_article)
    html = " ".join(
        [stored.body_html, *(f.html for f in stored.infobox), *(r.html for r in stored.references)]
    )
    assert not UNSAFE_TAG.search(html), html
    assert "Before." in document.body
    assert "After." in document.body


def test_escaped_markup_stays_visible_text(render_markdown: Callable[[str], Rendered]) -> None:
    document = _document("<p>&lt;script&gt;alert(1)&lt;/script&gt; and [[x]] and *y*</p>")
    assert render_markdown(document.body).text == "<script>alert(1)</script> and [[x]] and *y*"


def test_control_characters_and_nul_bytes_are_removed() -> None:
    document = _document("<p>a\x00b\x01c\x7fd</p>")
    assert document.body == "abcd\n"


@pytest.mark.parametrize(
    "deep",
    [
        "<div>" * 5000 + "<p>deep text</p>" + "</div>" * 5000,
        "<p>" + "<span><b>" * 3000 + "inner" + "</b></span>" * 3000 + "</p>",
        "<ul><li>" * 2000 + "item" + "</li></ul>" * 2000,
    ],
)
def test_a_page_nested_too_deeply_is_refused_not_cut_short(deep: str) -> None:
    with pytest.raises(PageError, match="nested more than 256 elements deep"):
        article(f"<p>Before.</p>{deep}<p>After.</p>")


@pytest.mark.parametrize(
    "deep",
    [
        "<div>" * 240 + "<p>deep text</p>" + "</div>" * 240,
        "<p>" + "<span><b>" * 120 + "deep text" + "</b></span>" * 120 + "</p>",
        "<ul><li>" * 120 + "deep text" + "</li></ul>" * 120,
        "<table><tr><td>" * 80 + "deep text" + "</td></tr></table>" * 80,
        "<blockquote>" * 240 + "deep text" + "</blockquote>" * 240,
    ],
)
def test_a_page_nested_deeply_is_converted(deep: str) -> None:
    document = _document(f"<p>Before.</p>{deep}<p>After.</p>")
    assert "deep text" in document.body
    assert document.body.endswith("After.\n")


def test_a_huge_page_is_refused() -> None:
    with pytest.raises(PageError, match="a page may be"):
        parse_html(b"<p>" + b"x" * (9 * 1024 * 1024) + b"</p>")


@pytest.mark.parametrize("page", [b"", b"   \n", "\ufeff".encode()])
def test_an_empty_page_is_refused(page: bytes) -> None:
    with pytest.raises(PageError, match="empty"):
        parse_html(page)


def test_a_page_in_another_encoding() -> None:
    root = parse_html('<meta charset="windows-1251"><p>\u041f\u0440\u0438</p>'.encode("cp1251"))
    assert root.text_content().strip() == "\u041f\u0440\u0438"
