"""A Document made ready to store, away from the database: source text, identity, rendering.

Preparing is the CPU-heavy part of saving an article, so an import does it in worker processes
(cyclopedia.formats.pipeline) and leaves the writer only what needs the database: marking the
links whose targets do not exist (RenderedArticle.with_missing_links) and writing.
"""

from __future__ import annotations

from dataclasses import dataclass

from cyclopedia.document import Document
from cyclopedia.document.source import content_hash, to_source
from cyclopedia.render.article import RenderedArticle, every_article, render_document


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    document: Document
    source_text: str
    digest: str  # content_hash of the document and its source text
    rendered: RenderedArticle  # every wiki link taken as existing


def prepare(document: Document) -> PreparedDocument:
    source_text = to_source(document)
    return PreparedDocument(
        document=document,
        source_text=source_text,
        digest=content_hash(document, source_text),
        rendered=render_document(document, link_exists=every_article),
    )


def prepared_key(document: Document) -> tuple[str, str]:
    """How a document is named in an error: its source key and title."""
    return document.source_key or document.title, document.title
