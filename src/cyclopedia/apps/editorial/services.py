"""Writes of the editorial workflow: submissions, their states, comments and decisions.

Every state change is one conditional UPDATE on the submission's state and ``version``: a form
made from an older version, a second click on "approve" or a second reviewer deciding at the
same moment matches no row and is told what happened instead (StateChangedError). A decision
and its effects (the published revision, the history, the search index, the links) commit
together or not at all; e-mails go out after the commit.
"""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cyclopedia.apps.accounts.roles import can_review
from cyclopedia.apps.articles.contributions import (
    TitleChangeError,
    contribution_document,
)
from cyclopedia.apps.articles.models import Alias, Article
from cyclopedia.apps.editorial import notifications
from cyclopedia.apps.editorial.models import ReviewEvent, Submission
from cyclopedia.document import DocumentError
from cyclopedia.document.merge import has_conflict_markers
from cyclopedia.document.source import SourceError, source_title
from cyclopedia.document.titles import TitleError

State = Submission.State
Action = ReviewEvent.Action

# A source text longer than this is refused (the longest Wikipedia articles are ~1.3 MB).
MAX_SOURCE_CHARS = 2_000_000
MAX_SUMMARY_CHARS = 500
MAX_COMMENT_CHARS = 10_000

NEW_ARTICLE_TEMPLATE = "---\ntitle: {title}\n---\nWrite the article here.\n"


class EditorialError(Exception):
    """A request the workflow refuses, with a message for the person who made it."""


class StateChangedError(EditorialError):
    """The submission (or the article) changed since the form was made."""


class InvalidSourceError(EditorialError):
    """The proposed text is not a valid article source."""


class MergeConflictError(EditorialError):
    """The article changed since the submission's base and the changes overlap."""


def submission_hash(*, source_text: str, summary: str) -> str:
    payload = source_text + "\x00" + summary
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def clean_text(value: str, *, limit: int, what: str) -> str:
    """User text as stored: NUL bytes (which PostgreSQL refuses) removed, line ends unified,
    length capped with a clear message."""
    value = value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    if len(value) > limit:
        raise EditorialError(
            f"The {what} is too long: {len(value):,} characters (at most {limit:,})."
        )
    return value


def _title_of(source_text: str, fallback: str) -> str:
    """The title the text's front matter gives, for lists; the fallback when unreadable."""
    return (source_title(source_text) or fallback)[:255]


def record_event(submission: Submission, actor: User, action: str, text: str = "") -> None:
    ReviewEvent.objects.create(
        submission=submission,
        actor=actor,
        action=action,
        text=text,
        content_hash=submission.content_hash,
    )


def transition(
    submission: Submission,
    *,
    version: int,
    allowed: tuple[str, ...],
    to: str,
    **fields: object,
) -> Submission:
    """Move the submission to state ``to`` if it is still at ``version`` in one of ``allowed``."""
    now = timezone.now()
    changed = Submission.objects.filter(
        pk=submission.pk, version=version, state__in=allowed
    ).update(state=to, version=F("version") + 1, updated=now, **fields)
    if not changed:
        current = Submission.objects.get(pk=submission.pk)
        if current.version != version:
            raise StateChangedError(
                "This submission changed since you opened it: it is now "
                f"“{current.get_state_display()}”. Look at it again before acting."
            )
        raise EditorialError(
            f"A submission that is “{current.get_state_display()}” cannot be "
            f"{Submission.State(to).label.lower()}."
        )
    return Submission.objects.get(pk=submission.pk)


def require_author(submission: Submission, actor: User) -> None:
    if submission.author_id != actor.pk:
        raise PermissionDenied("Only the author of a submission can do this.")


def require_reviewer(submission: Submission, actor: User) -> None:
    if not can_review(actor):
        raise PermissionDenied("Only reviewers can decide on submissions.")
    if submission.author_id == actor.pk:
        raise PermissionDenied("Nobody reviews their own submission: another reviewer decides.")


def submission_visible(*, submission: Submission, user: User) -> bool:
    """Its author and the reviewers see a submission; nobody else, whatever its state."""
    return bool(user.is_authenticated) and (submission.author_id == user.pk or can_review(user))


@transaction.atomic
def submission_start(
    *,
    author: User,
    article: Article | None = None,
    title: str = "",
    source_text: str | None = None,
    summary: str = "",
) -> Submission:
    """Open a draft: a new article (titled ``title``) or an edit of ``article``'s published
    text, which the draft starts from unless ``source_text`` is given."""
    if article is not None:
        base = article.published_revision
        if base is None:
            raise EditorialError(f"“{article.title}” is not published: it cannot be edited.")
        text = base.source_text if source_text is None else source_text
        kind, shown = Submission.Kind.EDIT, article.title
    else:
        base = None
        shown = title.strip()[:255] or "Untitled"
        text = NEW_ARTICLE_TEMPLATE.format(title=shown) if source_text is None else source_text
        kind = Submission.Kind.NEW
    text = clean_text(text, limit=MAX_SOURCE_CHARS, what="text")
    summary = clean_text(summary, limit=MAX_SUMMARY_CHARS, what="summary").replace("\n", " ")
    submission = Submission.objects.create(
        kind=kind,
        author=author,
        article=article,
        base_revision=base,
        title=_title_of(text, shown),
        source_text=text,
        summary=summary,
        content_hash=submission_hash(source_text=text, summary=summary),
    )
    record_event(submission, author, Action.CREATED)
    return submission


@transaction.atomic
def submission_save(
    *,
    submission: Submission,
    actor: User,
    version: int,
    source_text: str,
    summary: str,
) -> Submission:
    """The author's new text and summary for a draft or a submission sent back for changes."""
    require_author(submission, actor)
    text = clean_text(source_text, limit=MAX_SOURCE_CHARS, what="text")
    summary = clean_text(summary, limit=MAX_SUMMARY_CHARS, what="summary").replace("\n", " ")
    saved = transition(
        submission,
        version=version,
        allowed=(State.DRAFT, State.CHANGES_REQUESTED),
        to=submission.state,
        source_text=text,
        summary=summary,
        title=_title_of(text, submission.title),
        content_hash=submission_hash(source_text=text, summary=summary),
    )
    record_event(saved, actor, Action.SAVED)
    return saved


def submission_check(*, submission: Submission, source_text: str | None = None) -> None:
    """Raise InvalidSourceError when the text (the submission's own by default) cannot be
    published: unreadable front matter, an invalid title, a rename, a taken title, unresolved
    merge conflict markers."""
    text = submission.source_text if source_text is None else source_text
    if has_conflict_markers(text):
        raise InvalidSourceError(
            "The text still has merge conflict markers (<<<<<<<, =======, >>>>>>>): "
            "keep what should stay and remove the markers."
        )
    base = submission.article.published_revision if submission.article else None
    try:
        document = contribution_document(source_text=text, base=base, author_name="check")
    except (SourceError, DocumentError, TitleError, TitleChangeError) as error:
        raise InvalidSourceError(f"The text cannot be published as it is: {error}") from error
    if submission.kind == Submission.Kind.NEW and (
        Article.objects.filter(title=document.title, published_revision__isnull=False).exists()
        or Alias.objects.filter(title=document.title).exists()
    ):
        raise InvalidSourceError(
            f"There is already an article called “{document.title}”: propose an edit of it, "
            "or choose another title."
        )


@transaction.atomic
def submission_submit(
    *, submission: Submission, actor: User, version: int, license_declared: bool
) -> Submission:
    """Send a draft (or a revised submission) to the reviewers."""
    require_author(submission, actor)
    if not license_declared:
        raise EditorialError(
            "To submit, declare that the text is your own or under a licence compatible with "
            "CC BY-SA 4.0, and that you publish it under CC BY-SA 4.0 (Terms of Use)."
        )
    submission_check(submission=submission)
    now = timezone.now()
    submitted = transition(
        submission,
        version=version,
        allowed=(State.DRAFT, State.CHANGES_REQUESTED),
        to=State.SUBMITTED,
        submitted=now,
        license_declared=now,
    )
    record_event(submitted, actor, Action.SUBMITTED)
    notifications.notify_submitted(submitted)
    return submitted


@transaction.atomic
def submission_withdraw(*, submission: Submission, actor: User, version: int) -> Submission:
    require_author(submission, actor)
    withdrawn = transition(
        submission,
        version=version,
        allowed=(State.DRAFT, State.SUBMITTED, State.CHANGES_REQUESTED),
        to=State.WITHDRAWN,
    )
    record_event(withdrawn, actor, Action.WITHDRAWN)
    return withdrawn


@transaction.atomic
def submission_comment(*, submission: Submission, actor: User, text: str) -> None:
    if not submission_visible(submission=submission, user=actor):
        raise PermissionDenied("Only the author and reviewers can comment on a submission.")
    text = clean_text(text, limit=MAX_COMMENT_CHARS, what="comment").strip()
    if not text:
        raise EditorialError("The comment is empty.")
    record_event(submission, actor, Action.COMMENTED, text)


def _decide_against(
    submission: Submission, actor: User, version: int, text: str, *, to: str, action: str
) -> Submission:
    """A reviewer's decision that does not publish: it always says why, and the author hears."""
    require_reviewer(submission, actor)
    reason = clean_text(text, limit=MAX_COMMENT_CHARS, what="reason").strip()
    if not reason:
        raise EditorialError("Say why: the author needs to know what to do next.")
    decided = transition(
        submission, version=version, allowed=(State.SUBMITTED,), to=to, reviewer=actor
    )
    record_event(decided, actor, action, reason)
    notifications.notify_decision(decided, action, reason)
    return decided


@transaction.atomic
def submission_request_changes(
    *, submission: Submission, actor: User, version: int, text: str
) -> Submission:
    return _decide_against(
        submission,
        actor,
        version,
        text,
        to=State.CHANGES_REQUESTED,
        action=Action.CHANGES_REQUESTED,
    )


@transaction.atomic
def submission_reject(
    *, submission: Submission, actor: User, version: int, text: str
) -> Submission:
    return _decide_against(
        submission, actor, version, text, to=State.REJECTED, action=Action.REJECTED
    )
