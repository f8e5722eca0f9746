"""The audit log: one append-only record per change to attribution, licences or roles."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db.models import QuerySet

from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.apps.editorial.models import AuditEntry


def audit_record(
    *,
    action: str,
    actor: User | None = None,
    actor_name: str = "",
    subject: str = "",
    article: Article | None = None,
    revision: Revision | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditEntry:
    """Append an entry (in the caller's transaction: a change that rolls back leaves none)."""
    if actor is None and not actor_name.strip():
        raise ValueError("an audit entry names who acted")
    return AuditEntry.objects.create(
        action=action,
        actor=actor,
        actor_name=actor_name.strip()[:150],
        subject=subject[:500],
        article=article,
        revision=revision,
        before=before or {},
        after=after or {},
        reason=reason,
    )


def audit_entries(*, action: str = "") -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("actor", "article").order_by("-created", "-id")
    if action in AuditEntry.Action.values:
        entries = entries.filter(action=action)
    return entries
