"""Reads for the editorial pages: who sees which submission, the queue, diffs, previews."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from cyclopedia.apps.accounts.roles import can_review
from cyclopedia.apps.articles.contributions import contribution_document
from cyclopedia.apps.articles.links import render_with_links
from cyclopedia.apps.articles.models import Revision
from cyclopedia.apps.editorial.models import ReviewEvent, Submission
from cyclopedia.document import DocumentError
from cyclopedia.document.source import SourceError
from cyclopedia.document.titles import TitleError
from cyclopedia.render import RenderedArticle
from cyclopedia.render.diff import Diff, diff_texts

QUEUE_KINDS = {kind.value for kind in Submission.Kind}


def submission_for(*, pk: int, user: User | AnonymousUser) -> Submission | None:
    """The submission if the user may see it (its author, or a reviewer); None otherwise, so
    that nobody else can even tell it exists."""
    if not user.is_authenticated:
        return None
    found = (
        Submission.objects.select_related("author", "article", "base_revision", "reviewer")
        .filter(pk=pk)
        .first()
    )
    if found is None or (found.author_id != user.pk and not can_review(user)):
        return None
    return found


def submissions_of(*, user: User) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(author=user).select_related("article").order_by("-updated", "-id")
    )


def review_queue(*, kind: str = "", article: str = "", author: str = "") -> QuerySet[Submission]:
    """Submissions waiting for a decision, oldest first, optionally filtered."""
    queue = Submission.objects.filter(state=Submission.State.SUBMITTED).select_related(
        "author", "article"
    )
    if kind in QUEUE_KINDS:
        queue = queue.filter(kind=kind)
    if article:
        queue = queue.filter(title__icontains=article[:255])
    if author:
        queue = queue.filter(author__username__iexact=author[:150])
    return queue.order_by("submitted", "id")


def submission_events(*, submission: Submission) -> QuerySet[ReviewEvent]:
    return submission.events.select_related("actor").order_by("created", "id")


@dataclass(frozen=True, slots=True)
class Preview:
    rendered: RenderedArticle | None
    error: str = ""


def preview(*, source_text: str, base: Revision | None) -> Preview:
    """The text rendered exactly as publishing would render it, or why it cannot be."""
    try:
        document = contribution_document(source_text=source_text, base=base, author_name="preview")
    except (SourceError, DocumentError, TitleError, ValueError) as error:
        return Preview(None, f"The text cannot be shown as an article yet: {error}")
    return Preview(render_with_links(document))


@dataclass(frozen=True, slots=True)
class SubmissionDiffs:
    against_base: Diff | None  # the change the author made
    against_current: Diff | None  # what publishing would change now (None when the same)


def submission_diffs(*, submission: Submission) -> SubmissionDiffs:
    base = submission.base_revision
    current = submission.article.published_revision if submission.article else None
    against_base = diff_texts(base.source_text if base else "", submission.source_text)
    against_current = None
    if current is not None and (base is None or current.pk != base.pk):
        against_current = diff_texts(current.source_text, submission.source_text)
    return SubmissionDiffs(against_base, against_current)
