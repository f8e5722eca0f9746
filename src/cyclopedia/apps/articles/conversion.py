"""Between stored revisions and Documents."""

from __future__ import annotations

from cyclopedia.apps.articles.models import Revision
from cyclopedia.document import Attribution, Document, get_license
from cyclopedia.document.source import from_source


def attribution_of(revision: Revision) -> Attribution:
    return Attribution(
        source_title=revision.source_title,
        source_name=revision.source.name,
        source_url=revision.source_url or None,
        revision_url=revision.revision_url or None,
        history_url=revision.history_url or None,
        authors=tuple(revision.authors),
        source_revision_id=revision.source_revision or None,
        source_timestamp=revision.source_timestamp,
        copyright_notice=revision.copyright_notice,
        upstream_notices=tuple(revision.upstream_notices),
        modified=revision.modified,
    )


def document_of(revision: Revision) -> Document:
    """The Document a revision holds."""
    template = Document(
        title=revision.source_title,
        body="",
        attribution=attribution_of(revision),
        license=get_license(revision.license),
        license_evidence=revision.license_evidence,
        source_key=revision.source_key,
        source_revision=revision.source_revision,
    )
    return from_source(revision.source_text, template=template)
