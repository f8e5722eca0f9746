"""Cyclopedia Markdown's own syntax, and escaping plain text so that it stays text."""

from __future__ import annotations

import random
from typing import Any

import pytest

from cyclopedia.document.markup import (
    CITATION_RE,
    citation,
    cited_labels,
    escape_text,
)


def test_citation_marker() -> None:
    assert citation("1") == "[^1]"
    assert citation("note-3") == "[^note-3]"


def test_cited_labels_in_order_of_first_appearance() -> None:
    assert cited_labels("A.[^2] B.[^1][^2] C.[^note-3] D.[^1]") == ["2", "1", "note-3"]


def test_escaped_brackets_are_text_not_citation_markers() -> None:
    # An odd number of backslashes escapes the bracket; an even number is escaped backslashes.
    assert cited_labels(r"a \[^1\] b \[^2] c \\[^3] d [^4] e \\\[^5]") == ["3", "4"]
    assert cited_labels(escape_text("plain text [^1] and [^note]")) == []


@pytest.mark.parametrize(
    ("markdown", "labels"),
    [
        ("Code `[^1]` here.[^2]", ["2"]),
        ("```\n[^1]\n```\nAfter.[^2]", ["2"]),
        ("~~~ text\n[^1]\n~~~\nAfter.[^2]", ["2"]),
        ("Tildes ~~ and ~ are no fence.[^1]", ["1"]),
    ],
)
def test_markers_in_code_are_text(markdown: str, labels: list[str]) -> None:
    assert cited_labels(markdown) == labels


@pytest.mark.parametrize(
    "text", ["[^a b]", "[^]", "[^" + "x" * 65 + "]", "[1]", "^1", "[^a^b]", "[^a\nb]"]
)
def test_what_is_not_a_citation_marker(text: str) -> None:
    assert CITATION_RE.search(text) is None


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert(1)\>"),
        ("[click](javascript:alert(1))", r"\[click\](javascript:alert(1))"),
        ("*emphasis* and _more_", r"\*emphasis\* and \_more\_"),
        ("# not a heading", r"\# not a heading"),
        ("###### six", r"\###### six"),
        ("#hashtag", "#hashtag"),
        ("1. not a list", r"1\. not a list"),
        ("2) not a list", r"2\) not a list"),
        ("- not a list", r"\- not a list"),
        ("+ not a list", r"\+ not a list"),
        ("> not a quote", r"\> not a quote"),
        ("a | b", r"a \| b"),
        ("~~struck~~", r"\~\~struck\~\~"),
        ("`code`", r"\`code\`"),
        ("&amp; &copy;", r"\&amp; \&copy;"),
        ("back\\slash", r"back\\slash"),
        ("Title\n===", "Title\n\\==="),
        ("Title\n---", "Title\n\\---"),
        ("    indented code", "indented code"),
        ("hard break  \nnext", "hard break\nnext"),
        ("{{ template }} {% tag %}", "{{ template }} {% tag %}"),
        ("Qais al-Khazali (born 1974)", "Qais al-Khazali (born 1974)"),
    ],
)
def test_escape_text(text: str, markdown: str) -> None:
    assert escape_text(text) == markdown


# Strings that Markdown would happily turn into markup.
NASTY = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "<!-- comment --> <?php ?> <![CDATA[x]]>",
    "[click](javascript:alert(1))",
    "![image](https://example.org/x.png)",
    "[ref]: https://example.org/\n[ref]",
    "<https://example.org/> and <mailto:a@b.c>",
    "*emphasis* **strong** _under_ __dunder__ ***both***",
    "# not a heading\n## nor this\n###### nor this",
    "Setext\n===\nor\n---",
    "1. not a list\n2) nor this\n- nor\n+ this\n* or this",
    "> not a quote\n>> nested",
    "```\nnot code\n```",
    "~~~\nnot code\n~~~",
    "    indented\n\tor tabbed",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "~~struck~~ and ~single~",
    "&amp; &#60; &#x3c; &copy &nbsp;",
    "back\\slash\\\nand a trailing backslash\\",
    "line with two trailing spaces  \nnext",
    "***\n---\n___\n* * *",
    "[[Wiki link]] and [^1] and [^note]",
    "{{ template }} {% block %} ${x} #{y}",
    "1974[1]\nSadr City, Baghdad, Iraq",
    "<div>\n*block html*\n</div>",
    "a\rb\r# heading after a lone CR\r- list",
    "a\r\n# heading after CRLF",
    "1234567890. ten digits\n123456789. nine",
    "\u00a0# after a no-break space",
    "\u2028# after a line separator",
    "Zürich — «guillemets» and “quotes” ‘and’ 東京",
]


def _random_strings(count: int) -> list[str]:
    """Deterministic pseudo-random strings built from Markdown's syntax (hypothesis-style)."""
    pieces = [
        *"*_#-+>=<&[]()!`~|\\:^.",
        "**", "__", "1.", "2)", "```", "~~", "---", "===", "    ", "  ", " ", "\t",
        "\n", "\n\n", "\r", "\r\n", "a", "b c", "<b>", "</b>", "&amp;", "&#x41;",
        "http://x.y/z", "<http://x>", "[^1]", "[[T]]", "{{ x }}", "<!--", "-->",
        "9999999999.", "\u00a0", "é", "\u200b",
    ]  # fmt: skip
    rng = random.Random(1911)
    return ["".join(rng.choices(pieces, k=rng.randint(1, 16))) for _ in range(count)]


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_renders_back_to_the_same_text(text: str, render_markdown: Any) -> None:
    rendered = render_markdown(escape_text(text))
    assert rendered.tags <= {"p"}, rendered.html
    assert rendered.text == " ".join(text.split()), rendered.html


def test_escaped_random_text_renders_back_to_the_same_text(render_markdown: Any) -> None:
    failures = []
    for text in _random_strings(3000):
        rendered = render_markdown(escape_text(text))
        if not rendered.tags <= {"p"} or rendered.text != " ".join(text.split()):
            failures.append((text, escape_text(text), rendered.html))
    assert failures == []


@pytest.mark.parametrize("text", ["AT&T", "a *b* [c] <d> | e ~ f \\ g", "# 1. - x", ""])
def test_unescape_text_inverts_escape_text_on_one_line(text: str) -> None:
    from cyclopedia.document.markup import escape_text, unescape_text

    assert unescape_text(escape_text(text)) == text
