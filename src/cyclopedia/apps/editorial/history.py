"""Reads and writes of article history: revisions, recent changes, revert."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, QuerySet

from cyclopedia.apps.accounts.roles import can_review
from cyclopedia.apps.articles.contributions import revision_contribute
from cyclopedia.apps.articles.conversion import document_of
from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.apps.articles.selectors import revision_of, with_sizes
from cyclopedia.apps.editorial.audit import audit_record
from cyclopedia.apps.editorial.models import AuditEntry
from cyclopedia.apps.editorial.services import EditorialError, StateChangedError, clean_text

_LIGHT = ("source_text", "html", "plain_text", "infobox", "references", "toc", "lead")


def audit_of(*, article: Article) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(article=article).select_related("actor")


def recent_revisions() -> QuerySet[Revision]:
    """Revisions of published articles, newest first."""
    published = Revision.objects.filter(article__published_revision__isnull=False)
    return (
        with_sizes(published)
        .select_related("article", "author", "source")
        .defer(*_LIGHT)
        .annotate(current=F("article__published_revision"))
        .order_by("-created", "-id")
    )


@transaction.atomic
def article_revert(
    *,
    article: Article,
    revision_id: int,
    actor: User,
    current_revision_id: int,
    reason: str = "",
) -> Revision:
    """Publish an earlier revision's text again, as a new revision in the reviewer's name, with
    its attribution and licence (the text is that revision's again). Recorded in the audit log."""
    if not can_review(actor):
        raise PermissionDenied("Only reviewers can revert an article.")
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.published_revision_id != current_revision_id:
        raise StateChangedError("The article changed since you looked at its history: look again.")
    target = revision_of(article=locked, revision_id=revision_id)
    if target is None:
        raise EditorialError(f"“{locked.title}” has no revision {revision_id}.")
    if target.pk == current_revision_id:
        raise EditorialError("That revision is the published one already.")
    reason = clean_text(reason, limit=500, what="reason").replace("\n", " ").strip()
    summary = f"Reverted to revision {target.pk} of {target.created:%Y-%m-%d %H:%M}"
    reverted = revision_contribute(
        document=document_of(target),
        article=locked,
        author=actor,
        summary=f"{summary}: {reason}" if reason else summary,
        parent=locked.published_revision,
        source=target.source,
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.REVERTED,
        subject=f"“{locked.title}” to revision {target.pk}",
        article=locked,
        revision=reverted,
        before={"revision": current_revision_id},
        after={"revision": reverted.pk, "text_of": target.pk},
        reason=reason,
    )
    return reverted
