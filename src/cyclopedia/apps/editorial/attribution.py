"""Correcting what the site says about a text's origin and licence: administrators only, each
change a new revision (revisions are immutable) and an entry in the append-only audit log."""

from __future__ import annotations

from dataclasses import replace

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from cyclopedia.apps.accounts.roles import is_administrator
from cyclopedia.apps.articles.contributions import revision_contribute
from cyclopedia.apps.articles.conversion import document_of
from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.apps.editorial.audit import audit_record
from cyclopedia.apps.editorial.models import AuditEntry
from cyclopedia.apps.editorial.services import EditorialError, StateChangedError, clean_text
from cyclopedia.document import DocumentError, get_license
from cyclopedia.document.license import UnknownLicenseError

# The attribution an administrator may correct, as Revision fields.
LABELS = {
    "source_title": "Title at the source",
    "source_url": "Source page (URL)",
    "revision_url": "Revision used (URL)",
    "history_url": "Authors or history (URL)",
    "license": "Licence (SPDX id, e.g. CC-BY-SA-4.0)",
    "license_evidence": "How the licence was determined",
}
FIELDS = tuple(LABELS)


def attribution_of(revision: Revision) -> dict[str, str]:
    return {name: str(getattr(revision, name) or "") for name in FIELDS}


@transaction.atomic
def attribution_change(
    *,
    article: Article,
    actor: User,
    current_revision_id: int,
    changes: dict[str, str],
    reason: str,
) -> Revision:
    """Publish the article's text again with corrected attribution, audited."""
    if not is_administrator(actor):
        raise PermissionDenied("Only an administrator can change an article's attribution.")
    reason = clean_text(reason, limit=2000, what="reason").strip()
    if not reason:
        raise EditorialError("Say why the attribution changes: the audit log keeps the reason.")
    locked = Article.objects.select_for_update().get(pk=article.pk)
    current = locked.published_revision
    if current is None or current.pk != current_revision_id:
        raise StateChangedError("The article changed since you opened the form: look again.")
    before = attribution_of(current)
    after = {name: changes.get(name, before[name]).strip() for name in FIELDS}
    if after == before:
        raise EditorialError("Nothing to change: the attribution is already so.")
    document = document_of(current)
    try:
        license_ = get_license(after["license"])
        document = replace(
            document,
            attribution=replace(
                document.attribution,
                source_title=after["source_title"],
                source_url=after["source_url"] or None,
                revision_url=after["revision_url"] or None,
                history_url=after["history_url"] or None,
            ),
            license=license_,
            license_evidence=after["license_evidence"],
        )
    except (DocumentError, UnknownLicenseError, ValueError) as error:
        raise EditorialError(f"The attribution is not valid: {error}") from error
    if not license_.publishable:
        raise EditorialError(
            f"{license_.spdx} does not allow publishing ({license_.reason or 'not publishable'})."
        )
    revision = revision_contribute(
        document=document,
        article=locked,
        author=actor,
        summary=f"Attribution corrected: {reason}"[:500],
        parent=current,
        source=current.source,
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.ATTRIBUTION_CHANGED,
        subject=f"“{locked.title}”",
        article=locked,
        revision=revision,
        before=before,
        after=after,
        reason=reason,
    )
    return revision
