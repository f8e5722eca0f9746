"""The quarantine: items whose licence may not be published yet, and editors' decisions on them.

An item is quarantined with its reason and evidence (POLICY.md §3). Material under a licence that
is unknown or was only recognised in prose waits for an editor, who confirms a licence (the item
is then published, with the confirmation added to its licence evidence) or discards it. Refused
licences (NC, ND, GFDL-only) are never published as they are: an editor may publish such an item
only by naming, after checking the source, another licence that may be published. Decisions are
recorded once on the item (who, when, what, why) and never changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from cyclopedia.apps.articles.models import Article, Source
from cyclopedia.apps.articles.services import (
    ImportOutcome,
    article_import_document,
    source_get_or_create,
)
from cyclopedia.apps.editorial.audit import audit_record
from cyclopedia.apps.editorial.models import AuditEntry
from cyclopedia.apps.ingest.models import ImportRun, Quarantine
from cyclopedia.apps.ingest.sources import source_kind
from cyclopedia.document import Attribution, Document, License, LicenseStatus, get_license
from cyclopedia.document.source import from_source, to_source
from cyclopedia.formats.urls import site_root

logger = logging.getLogger(__name__)


class QuarantineError(ValueError):
    """A decision that cannot be taken, with the reason."""


def attribution_to_json(attribution: Attribution) -> dict[str, Any]:
    return {
        "source_title": attribution.source_title,
        "source_name": attribution.source_name,
        "source_url": attribution.source_url,
        "revision_url": attribution.revision_url,
        "history_url": attribution.history_url,
        "authors": list(attribution.authors),
        "source_revision_id": attribution.source_revision_id,
        "source_timestamp": attribution.source_timestamp.isoformat()
        if attribution.source_timestamp
        else None,
        "copyright_notice": attribution.copyright_notice,
        "upstream_notices": list(attribution.upstream_notices),
    }


def _attribution_from_json(data: dict[str, Any]) -> Attribution:
    stamp = data.get("source_timestamp")
    return Attribution(
        source_title=data["source_title"],
        source_name=data.get("source_name") or "",
        source_url=data.get("source_url"),
        revision_url=data.get("revision_url"),
        history_url=data.get("history_url"),
        authors=tuple(data.get("authors") or ()),
        source_revision_id=data.get("source_revision_id"),
        source_timestamp=dt.datetime.fromisoformat(stamp) if stamp else None,
        copyright_notice=data.get("copyright_notice") or "",
        upstream_notices=tuple(data.get("upstream_notices") or ()),
    )


def quarantine_document(*, run: ImportRun, document: Document) -> Quarantine:
    """Keep a refused item with its reason; the same item quarantined again adds no row."""
    lic = document.license
    source_text = to_source(document)
    item, _ = Quarantine.objects.get_or_create(
        content_hash=hashlib.sha256(source_text.encode("utf-8")).hexdigest(),
        defaults={
            "run": run,
            "source_key": document.source_key,
            "title": document.title,
            "reason": f"licence {lic.spdx} ({lic.name}): {lic.reason}",
            "license": lic.spdx,
            "license_evidence": document.license_evidence,
            "source_text": source_text,
            "attribution": attribution_to_json(document.attribution),
            "source_revision": document.source_revision,
            "format": run.format,
        },
    )
    return item


def quarantine_pending(*, evidence: str = "", reason: str = "") -> QuerySet[Quarantine]:
    """Items waiting for an editor, oldest first; narrowed to those whose licence evidence or
    reason contains the given text."""
    items = Quarantine.objects.filter(status=Quarantine.Status.PENDING).order_by("created", "id")
    if evidence:
        items = items.filter(license_evidence__contains=evidence)
    if reason:
        items = items.filter(reason__icontains=reason)
    return items


def _document_of(item: Quarantine) -> Document:
    if not item.attribution:
        raise QuarantineError(
            f"#{item.pk} {item.title!r} was quarantined before attribution was kept with it: "
            "import its file again, then decide"
        )
    template = Document(
        title=item.title,
        body="",
        attribution=_attribution_from_json(item.attribution),
        license_evidence=item.license_evidence,
        source_key=item.source_key,
        source_revision=item.source_revision,
    )
    return from_source(item.source_text, template=template)


def _locked(item_id: int) -> Quarantine:
    """The item, locked for the decision (two editors deciding at once: one wins)."""
    item = Quarantine.objects.select_for_update().filter(pk=item_id).first()
    if item is None:
        raise QuarantineError(f"there is no quarantined item #{item_id}")
    _decided(item)
    return item


def _decided(item: Quarantine) -> None:
    if item.status != Quarantine.Status.PENDING:
        raise QuarantineError(
            f"#{item.pk} {item.title!r} was already decided ({item.status} by {item.decided_by} "
            f"on {item.decided_at:%Y-%m-%d}); decisions are not changed"
        )


def _check_editor(editor: str) -> str:
    editor = " ".join(editor.split())
    if not editor:
        raise QuarantineError("say who decides: an editor's name is recorded with each decision")
    return editor[:150]


def quarantine_confirm(
    *, item_id: int, editor: str, license: License | None = None, note: str = ""
) -> ImportOutcome:
    """Confirm an item's licence (or the given one) and publish it, in one transaction."""
    editor = _check_editor(editor)
    with transaction.atomic():
        item = _locked(item_id)
        stored = get_license(item.license)
        chosen = license or stored
        if chosen.status is LicenseStatus.REFUSE:
            raise QuarantineError(
                f"#{item.pk} {item.title!r}: {chosen.spdx} may not be published "
                f"({chosen.reason}); name the licence you verified with --license"
            )
        now = timezone.now()
        confirmed = get_license(chosen.spdx)  # the licence itself, not a held reading of it
        document = _document_of(item)
        evidence = (
            (f"{item.license_evidence}\n" if item.license_evidence else "")
            + f"Licence {confirmed.spdx} confirmed by {editor} on {now:%Y-%m-%d}"
            + (f": {note}" if note else "")
        )
        document = _with_license(document, confirmed, evidence)
        source = _source(document, item.format)
        outcome = article_import_document(document=document, source=source)
        item.status = Quarantine.Status.PUBLISHED
        item.confirmed_license = confirmed.spdx
        item.decided_by, item.decided_at, item.decision_note = editor, now, note
        item.save(
            update_fields=[
                "status",
                "confirmed_license",
                "decided_by",
                "decided_at",
                "decision_note",
            ]
        )
        audit_record(
            action=AuditEntry.Action.LICENSE_CONFIRMED,
            actor_name=editor,
            subject=f"quarantine #{item.pk} “{item.title}”",
            article=Article.objects.filter(title=document.title).first(),
            before={"license": stored.spdx, "status": Quarantine.Status.PENDING},
            after={"license": confirmed.spdx, "outcome": outcome.value},
            reason=note,
        )
    logger.info("quarantine #%s confirmed as %s by %s", item.pk, confirmed.spdx, editor)
    return outcome


def quarantine_discard(*, item_id: int, editor: str, note: str = "") -> None:
    """Decide that an item will not be published."""
    editor = _check_editor(editor)
    with transaction.atomic():
        item = _locked(item_id)
        item.status = Quarantine.Status.DISCARDED
        item.decided_by, item.decided_at, item.decision_note = editor, timezone.now(), note
        item.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        audit_record(
            action=AuditEntry.Action.ITEM_DISCARDED,
            actor_name=editor,
            subject=f"quarantine #{item.pk} “{item.title}”",
            before={"license": item.license, "reason": item.reason},
            reason=note,
        )
    logger.info("quarantine #%s discarded by %s", item.pk, editor)


def quarantine_confirm_many(
    *, item_ids: Iterable[int], editor: str, license: License | None = None, note: str = ""
) -> dict[int, ImportOutcome | QuarantineError]:
    """Confirm several items, each in its own transaction: one that cannot be published is
    reported and the others go on."""
    results: dict[int, ImportOutcome | QuarantineError] = {}
    for item_id in item_ids:
        try:
            results[item_id] = quarantine_confirm(
                item_id=item_id, editor=editor, license=license, note=note
            )
        except QuarantineError as error:
            results[item_id] = error
    return results


def _with_license(document: Document, license: License, evidence: str) -> Document:
    return replace(document, license=license, license_evidence=evidence)


def _source(document: Document, format: str) -> Source:
    """The source its import would have given the item (see services._source_named)."""
    name = document.attribution.source_name or f"{format} import"
    root = site_root(document.attribution.source_url or "")
    kind = source_kind(format)
    return source_get_or_create(name=name, kind=kind, homepage=f"{root}/" if root else "")
