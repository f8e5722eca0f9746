"""Writes to categories: the descriptions imported from a source's category pages.

Kept apart from ``services.py``, which writes articles; the rules are the same: a description is
saved only under a licence that may be published (the caller quarantines the others), the same
content imported again changes nothing, and an older page of the same source item never replaces
a newer one.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from cyclopedia.apps.articles.models import Category, Source
from cyclopedia.apps.articles.services import ImportOutcome, UnpublishableError
from cyclopedia.document import Document
from cyclopedia.document.titles import normalize_title
from cyclopedia.render.description import description_html
from cyclopedia.render.prepared import PreparedDocument, prepare


def category_import_description(
    *,
    name: str,
    document: Document,
    source: Source,
    prepared: PreparedDocument | None = None,
) -> ImportOutcome:
    """Make ``document`` the description of the category ``name`` (created if need be).

    CREATED for a category's first description, UPDATED when it replaces another, UNCHANGED when
    it is the same content or older than the description from the same source item.
    """
    if not document.license.publishable:
        raise UnpublishableError(
            f"{document.license.spdx}: {document.license.reason or 'not publishable'}"
        )
    name = normalize_title(name)
    prepared = prepared if prepared is not None else prepare(document)
    with transaction.atomic():
        # ignore_conflicts: an article filed in it may be creating the same category right now.
        Category.objects.bulk_create([Category(name=name)], ignore_conflicts=True)
        category = Category.objects.select_for_update().get(name=name)
        if category.description_hash == prepared.digest or _newer_there(category, document, source):
            return ImportOutcome.UNCHANGED
        outcome = ImportOutcome.UPDATED if category.description_hash else ImportOutcome.CREATED
        _describe(category, prepared, source)
        category.save()
    return outcome


def _newer_there(category: Category, document: Document, source: Source) -> bool:
    """Whether the category already holds a later page of the same source item."""
    stamp = document.attribution.source_timestamp
    return (
        stamp is not None
        and category.source_timestamp is not None
        and category.source_id == source.pk
        and category.source_key == document.source_key
        and category.source_timestamp > stamp
    )


def _describe(category: Category, prepared: PreparedDocument, source: Source) -> None:
    document, a = prepared.document, prepared.document.attribution
    category.description_source = prepared.source_text
    category.description_html = description_html(prepared.rendered)
    category.description_links = list(prepared.rendered.links)
    category.description_hash = prepared.digest
    category.described = timezone.now()
    category.source = source
    category.source_key = document.source_key
    category.source_title = a.source_title
    category.source_url = a.source_url or ""
    category.revision_url = a.revision_url or ""
    category.history_url = a.history_url or ""
    category.source_timestamp = a.source_timestamp
    category.license = document.license.spdx
    category.license_evidence = document.license_evidence
