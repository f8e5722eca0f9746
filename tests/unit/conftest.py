"""Fixtures for the unit tests of the pure packages: no Django, no database, no settings."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from markdown_it import MarkdownIt

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")


@dataclass(frozen=True)
class Rendered:
    """Markdown as CommonMark (+ GFM tables and strikethrough) renders it."""

    html: str
    tags: frozenset[str]  # the names of the HTML elements in the output
    text: str  # the text content, entities decoded, whitespace runs as single spaces


@pytest.fixture(scope="session")
def render_markdown() -> Callable[[str], Rendered]:
    """Render Markdown the way Cyclopedia's dialect is parsed, before any sanitizing.

    Raw HTML is on ("commonmark" preset), so markup that escaping let through shows up as tags.
    """
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")

    def render(markdown: str) -> Rendered:
        output = parser.render(markdown)
        tags = frozenset(match.group(2).lower() for match in _TAG.finditer(output))
        text = html.unescape(_TAG.sub(" ", output))
        return Rendered(html=output, tags=tags, text=" ".join(text.split()))

    return render
