"""Approving a submission, and bringing one up to date with its article (three-way merge).

Approval publishes the contributor's text as their own revision. A reviewer who edits before
approving adds a second revision on top, in their own name, so the history credits each for
their own words. When the article changed since the submission was written, the submission's
change is replayed on the current text (merge3): a clean merge is what gets published; an
overlap is a conflict that the author resolves in the editor (after "update to the current
version") or the reviewer resolves in the approval form.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from cyclopedia.apps.articles.contributions import (
    TitleChangeError,
    TitleTakenError,
    contribution_document,
    revision_contribute,
)
from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.apps.editorial import notifications
from cyclopedia.apps.editorial.models import ReviewEvent, Submission
from cyclopedia.apps.editorial.services import (
    MAX_SOURCE_CHARS,
    MAX_SUMMARY_CHARS,
    EditorialError,
    InvalidSourceError,
    MergeConflictError,
    StateChangedError,
    clean_text,
    record_event,
    require_author,
    require_reviewer,
    submission_check,
    submission_hash,
    transition,
)
from cyclopedia.document import Document, DocumentError
from cyclopedia.document.merge import merge_texts
from cyclopedia.document.source import SourceError
from cyclopedia.document.titles import TitleError

State = Submission.State
Action = ReviewEvent.Action


@dataclass(frozen=True, slots=True)
class ApprovalPlan:
    """What approving the submission would publish now."""

    text: str  # the text to publish: the submission's, or merged onto the current revision
    parent: Revision | None  # the revision it follows in the history
    current: Revision | None  # the article's published revision now (edits)
    stale: bool  # the article changed since the submission's base
    conflicts: int  # overlapping changes in the merge; ``text`` then holds conflict markers

    @property
    def current_id(self) -> int | None:
        return self.current.pk if self.current is not None else None


def approval_plan(*, submission: Submission) -> ApprovalPlan:
    if submission.kind == Submission.Kind.NEW or submission.article is None:
        return ApprovalPlan(submission.source_text, None, None, False, 0)
    current = submission.article.published_revision
    if current is None:
        raise EditorialError(
            f"“{submission.article.title}” is no longer published: there is nothing to edit."
        )
    base = submission.base_revision
    if base is None or current.pk == base.pk:
        return ApprovalPlan(submission.source_text, current, current, False, 0)
    merged = merge_texts(
        base=base.source_text, proposed=submission.source_text, published=current.source_text
    )
    if merged.clean:
        return ApprovalPlan(merged.text, current, current, True, 0)
    # The contributor's text stays as written, after the revision it was written against.
    return ApprovalPlan(merged.text, base, current, True, merged.conflicts)


def _document(text: str, base: Revision | None, name: str, declared: str = "") -> Document:
    try:
        return contribution_document(
            source_text=text, base=base, author_name=name, declared=declared
        )
    except (SourceError, DocumentError, TitleError, TitleChangeError) as error:
        raise InvalidSourceError(f"The text cannot be published as it is: {error}") from error


@transaction.atomic
def submission_approve(
    *,
    submission: Submission,
    actor: User,
    version: int,
    content_hash: str,
    current_revision_id: int | None,
    edited_text: str | None = None,
    note: str = "",
) -> Submission:
    """Publish the submission exactly as the reviewer saw it (``content_hash``, ``version``,
    and the article's revision ``current_revision_id``), optionally with the reviewer's edit."""
    require_reviewer(submission, actor)
    if content_hash != submission.content_hash:
        raise StateChangedError("The submission's text changed since you opened it: look again.")
    note = clean_text(note, limit=MAX_SUMMARY_CHARS, what="note").replace("\n", " ").strip()
    # Claim the decision first: a second approval, or a concurrent rejection, finds no row.
    approved = transition(
        submission,
        version=version,
        allowed=(State.SUBMITTED,),
        to=State.APPROVED,
        reviewer=actor,
    )
    if approved.article_id is not None:
        Article.objects.select_for_update().get(pk=approved.article_id)  # serialise its writers
    plan = approval_plan(submission=approved)
    if plan.current_id != current_revision_id:
        raise StateChangedError(
            "The article was changed while you were reviewing: look at the submission again."
        )
    edited = None
    if edited_text is not None:
        edited = clean_text(edited_text, limit=MAX_SOURCE_CHARS, what="text")
        if edited == plan.text:
            edited = None
    if plan.conflicts and edited is None:
        raise MergeConflictError(
            f"The article changed since this was written and {plan.conflicts} change(s) overlap: "
            "resolve the conflict in the text below, or ask the author to update it."
        )
    if edited is not None:
        submission_check(submission=approved, source_text=edited)
    author = approved.author
    declared = (
        f", declared {approved.license_declared:%Y-%m-%d}" if approved.license_declared else ""
    )
    contributed = plan.text if not plan.conflicts else approved.source_text
    try:
        first = revision_contribute(
            document=_document(contributed, plan.parent, author.get_username(), declared),
            article=approved.article,
            author=author,
            summary=approved.summary or _default_summary(approved),
            parent=plan.parent,
            publish=edited is None,
        )
        final = first
        if edited is not None:
            final = revision_contribute(
                document=_document(edited, first, actor.get_username()),
                article=first.article,
                author=actor,
                summary=note or "Edited in review",
                parent=first,
            )
    except TitleTakenError as error:
        raise EditorialError(f"{error}: propose an edit of that article instead.") from error
    Submission.objects.filter(pk=approved.pk).update(
        published_revision=final, article=final.article
    )
    approved.refresh_from_db()
    if edited is not None:
        ReviewEvent.objects.create(
            submission=approved,
            actor=actor,
            action=Action.EDITED,
            text=note,
            content_hash=submission_hash(source_text=edited, summary=note),
        )
    record_event(approved, actor, Action.APPROVED, note)
    notifications.notify_decision(approved, Action.APPROVED, note)
    return approved


def _default_summary(submission: Submission) -> str:
    if submission.kind == Submission.Kind.NEW:
        return "New article"
    return "Edit"


@transaction.atomic
def submission_update_to_current(
    *, submission: Submission, actor: User, version: int
) -> ApprovalPlan:
    """Replay the author's change on the article's current text, for the author to go on from
    there: merged cleanly, or with conflict markers to resolve before submitting again."""
    require_author(submission, actor)
    if not submission.editable:
        raise PermissionDenied("Only a draft or a submission sent back for changes is edited.")
    plan = approval_plan(submission=submission)
    if not plan.stale:
        raise EditorialError("The submission is already based on the current version.")
    updated = transition(
        submission,
        version=version,
        allowed=(State.DRAFT, State.CHANGES_REQUESTED),
        to=submission.state,
        source_text=plan.text,
        base_revision=plan.current,
        content_hash=submission_hash(source_text=plan.text, summary=submission.summary),
    )
    outcome = f"{plan.conflicts} conflict(s) to resolve" if plan.conflicts else "merged cleanly"
    record_event(updated, actor, Action.MERGED, outcome)
    return plan
