"""Making a revision from a document: the one place that maps a Document to Revision fields."""

from __future__ import annotations

from typing import Any

from cyclopedia.apps.articles.links import store_rendering
from cyclopedia.apps.articles.models import Revision
from cyclopedia.document import Document
from cyclopedia.render import RenderedArticle


def revision_for(
    *, document: Document, rendered: RenderedArticle, source_text: str, **fields: Any
) -> Revision:
    """An unsaved revision holding a document: its source text, rendering, attribution and
    licence; ``fields`` give the rest (article, parent, author or import run, summary, ...)."""
    a = document.attribution
    revision = Revision(
        source_text=source_text,
        source_key=document.source_key,
        source_revision=document.source_revision,
        source_title=a.source_title,
        source_url=a.source_url or "",
        revision_url=a.revision_url or "",
        history_url=a.history_url or "",
        authors=list(a.authors),
        source_timestamp=a.source_timestamp,
        copyright_notice=a.copyright_notice,
        upstream_notices=list(a.upstream_notices),
        modified=a.modified,
        license=document.license.spdx,
        license_evidence=document.license_evidence,
        notices=list(document.notices),
        **fields,
    )
    store_rendering(revision, rendered)
    return revision
