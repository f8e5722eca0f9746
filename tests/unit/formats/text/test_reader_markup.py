"""Markup in a plain-text page stays text: the reader's Markdown escapes it.

Only the Markdown is checked here (rendered with markdown-it, raw HTML on, no sanitizer); the
sanitizer and the templates are tested with the render package and the apps.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from cyclopedia.document import Document
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.text.reader import TextPageReader

DATA = Path(__file__).resolve().parents[3] / "data" / "text"

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "<a href=javascript:alert(1)>click</a>",
    "*emphasis*",
    "**strong** and _under_",
    "`code`",
    "~~struck~~",
    "{{ template }}",
    "{% block content %}",
    "&lt;script&gt; &amp;",
    "<https://example.org/autolink>",
    "| a | b |",
    "![img](x.png)",
]
# Only at the start of a line do these mean anything.
BLOCK_HOSTILE = ["# not a heading", "1. not a list", "2) nor this", "- nor this", "> not a quote"]

MARKUP_TAGS = {"script", "img", "a", "em", "strong", "code", "del", "s", "table", "h1", "h2"}
MARKUP_TAGS |= {"ol", "ul", "li", "blockquote", "pre", "hr"}


def read(path: Path) -> Document:
    [document] = TextPageReader().read(path, ReadOptions())
    assert isinstance(document, Document)
    return document


def plain(markdown_text: str) -> str:
    """Citation markers "[^n]" back in the source's "[n]" form, whitespace normalised."""
    return " ".join(re.sub(r"\[\^([^\]]+)\]", r"[\1]", markdown_text).split())


@pytest.fixture(scope="module")
def hostile_page() -> Document:
    return read(DATA / "hostile-markup.txt")


def test_the_title_is_plain_text(hostile_page: Document) -> None:
    # A title is not Markdown: it is kept as written and escaped where it is shown.
    assert hostile_page.title == "*emphasis* javascript:alert(1)"
    assert hostile_page.attribution.source_title == "*emphasis* javascript:alert(1)"


def test_the_title_is_escaped_where_it_goes_into_markdown(
    hostile_page: Document, render_markdown: Any
) -> None:
    [reference] = hostile_page.references
    assert r"“\*emphasis\* javascript:alert(1)”" in reference.text
    rendered = render_markdown(reference.text)
    assert rendered.tags == {"p"}
    assert "“*emphasis* javascript:alert(1)”" in rendered.text


def test_infobox_values_are_escaped(hostile_page: Document, render_markdown: Any) -> None:
    assert hostile_page.infobox is not None
    values = {field.label: field.value for field in hostile_page.infobox.fields}
    assert values == {
        "Also known as": "{{ template }}",
        "Born": "\\<script\\>alert(1)\\</script\\>\n1\\. not a list",
        "Occupation": "\\[click\\](javascript:alert(1))\n\\# not a heading",
        "Website": "\\<img src=x onerror=alert(1)\\>",
    }
    source_lines = (DATA / "hostile-markup.txt").read_text(encoding="utf-8").split("\n")
    for label, value in values.items():
        rendered = render_markdown(value)
        assert rendered.tags == {"p"}, rendered.html
        # The value reads exactly as the page's row and its continuation lines did.
        start = next(i for i, line in enumerate(source_lines) if line.startswith(label))
        lines = [source_lines[start].removeprefix(label)]
        for line in source_lines[start + 1 :]:
            if not line or any(line.startswith(other) for other in values):
                break
            lines.append(line)
        assert plain(rendered.text) == plain("\n".join(lines))


def test_the_body_is_escaped(hostile_page: Document, render_markdown: Any) -> None:
    body = hostile_page.body
    for escaped in [
        r"\<script\>alert(1)\</script\>",
        r"\<img src=x onerror=alert(1)\>",
        r"\[click\](javascript:alert(1))",
        r"\*emphasis\*",
        "\n\\# not a heading\n",
        "\n1\\. not a list\n",
        "\n\\- not a list either\n",
        "\n\\> not a quote\n",
        "{{ template }} and {% block %}",  # no Markdown meaning; the templates never evaluate it
    ]:
        assert escaped in body
    rendered = render_markdown(body)
    assert rendered.tags == {"p"}, rendered.html
    text = (DATA / "hostile-markup.txt").read_text(encoding="utf-8")
    assert plain(rendered.text) == plain(text[text.index("<script>alert(1)</script> opens") :])


@pytest.mark.parametrize("snippet", HOSTILE + BLOCK_HOSTILE)
def test_a_snippet_stays_text_in_the_infobox_and_the_body(
    tmp_path: Path, snippet: str, render_markdown: Any
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        f"Some Title\n\nBorn {snippet}\n{snippet}\n\n"
        f"First paragraph, {snippet} inside.[1]\n{snippet}\n\n{snippet}\n",
        encoding="utf-8",
    )
    document = read(path)
    assert document.infobox is not None
    [born] = document.infobox.fields
    assert born.label == "Born"
    markdown_parts = {"infobox": born.value, "body": document.body}
    expected = {
        "infobox": f"{snippet} {snippet}",
        "body": f"First paragraph, {snippet} inside.[1] {snippet} {snippet}",
    }
    for part, markdown in markdown_parts.items():
        rendered = render_markdown(markdown)
        assert not rendered.tags & MARKUP_TAGS, (part, rendered.html)
        assert plain(rendered.text) == plain(expected[part]), (part, rendered.html)


def test_hostile_citation_lookalikes_are_not_citations(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "Some Title\n\nText [^1] and [^x](javascript:alert(1)) and [[Wiki link]] and [a](b).\n",
        encoding="utf-8",
    )
    document = read(path)
    assert document.references == ()
    assert r"\[^1\]" in document.body
    assert r"\[\[Wiki link\]\]" in document.body
