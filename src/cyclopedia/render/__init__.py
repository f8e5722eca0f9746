"""Rendering: Cyclopedia Markdown to sanitised HTML and plain text (pure Python, no Django)."""

from cyclopedia.render.article import (
    RenderedArticle,
    RenderedInfoboxField,
    RenderedReference,
    TocEntry,
    render_document,
)

__all__ = [
    "RenderedArticle",
    "RenderedInfoboxField",
    "RenderedReference",
    "TocEntry",
    "render_document",
]
