"""Submissions: proposed new articles and edits, through the editorial services only.

Nobody but the author and the reviewers can tell that a submission exists (404 for anyone
else); reads need a token of either scope, changes a token with the write scope."""

from __future__ import annotations

from typing import Any, Literal

from django.contrib.auth.models import User
from django.http import Http404, HttpRequest
from ninja import Router, Status
from ninja.params.functions import Query

from cyclopedia.apps.accounts.roles import can_review
from cyclopedia.apps.api import present, selectors
from cyclopedia.apps.api.auth import ApiError, caller_of, read_auth, write_auth, writer_of
from cyclopedia.apps.api.errors import error_responses
from cyclopedia.apps.api.routers import paged
from cyclopedia.apps.api.schemas import (
    ApprovalPlanOut,
    CommentIn,
    DecisionIn,
    Id,
    Limit,
    Offset,
    SubmissionCreate,
    SubmissionList,
    SubmissionOut,
    SubmissionSubmit,
    SubmissionUpdate,
    VersionIn,
)
from cyclopedia.apps.editorial import approval, services
from cyclopedia.apps.editorial import selectors as editorial
from cyclopedia.apps.editorial.models import Submission

router = Router(tags=["submissions"])


def _reader(request: HttpRequest) -> User:
    user = caller_of(request).user
    if user is None:
        raise ApiError(
            401, "Submissions are seen with an API token: send “Authorization: Bearer <token>”."
        )
    return user


def _visible(request: HttpRequest, submission_id: int, user: User) -> Submission:
    found = editorial.submission_for(pk=submission_id, user=user)
    if found is None:
        raise Http404(f"There is no submission {submission_id} that you can see.")
    return found


def _shown(request: HttpRequest, submission: Submission) -> dict[str, Any]:
    return present.submission_full(request, submission)


@router.get(
    "/submissions",
    auth=read_auth,
    response={200: SubmissionList, **error_responses(403)},
    summary="Your submissions, or (reviewers) the review queue",
)
def submission_list(
    request: HttpRequest,
    view: Literal["mine", "queue"] = Query("mine", description="queue: reviewers only"),
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    user = _reader(request)
    if view == "queue":
        if not can_review(user):
            raise ApiError(403, "Only reviewers see the review queue.")
        found = editorial.review_queue()
    else:
        found = editorial.submissions_of(user=user).select_related("author")
    return paged(
        request,
        found,
        limit=limit,
        offset=offset,
        present=lambda submission: present.submission_summary(request, submission),
    )


@router.post(
    "/submissions",
    auth=write_auth,
    response={201: SubmissionOut, **error_responses(400, 403, 404, 409)},
    summary="Start a draft: a new article, or an edit of a published one",
)
def submission_create(request: HttpRequest, body: SubmissionCreate) -> Status[dict[str, Any]]:
    user = writer_of(request)
    article = None
    if body.article_id is not None:
        article = selectors.article_published(pk=body.article_id)
        if article is None:
            raise Http404(f"There is no published article {body.article_id} to edit.")
    submission = services.submission_start(
        author=user,
        article=article,
        title=body.title,
        source_text=body.source_text,
        summary=body.summary,
    )
    return Status(201, _shown(request, submission))


@router.get(
    "/submissions/{submission_id}",
    auth=read_auth,
    response={200: SubmissionOut, **error_responses(404)},
    summary="One submission, with its review history (its author and reviewers only)",
)
def submission_detail(request: HttpRequest, submission_id: Id) -> dict[str, Any]:
    return _shown(request, _visible(request, submission_id, _reader(request)))


@router.put(
    "/submissions/{submission_id}",
    auth=write_auth,
    response={200: SubmissionOut, **error_responses(400, 403, 404, 409)},
    summary="Save new text for your draft (or a submission sent back for changes)",
)
def submission_update(
    request: HttpRequest, submission_id: Id, body: SubmissionUpdate
) -> dict[str, Any]:
    user = writer_of(request)
    saved = services.submission_save(
        submission=_visible(request, submission_id, user),
        actor=user,
        version=body.version,
        source_text=body.source_text,
        summary=body.summary,
    )
    return _shown(request, saved)


@router.post(
    "/submissions/{submission_id}/submit",
    auth=write_auth,
    response={200: SubmissionOut, **error_responses(400, 403, 404, 409)},
    summary="Send your draft to the reviewers (declaring its licence)",
)
def submission_submit(
    request: HttpRequest, submission_id: Id, body: SubmissionSubmit
) -> dict[str, Any]:
    user = writer_of(request)
    submitted = services.submission_submit(
        submission=_visible(request, submission_id, user),
        actor=user,
        version=body.version,
        license_declared=body.license_declared,
    )
    return _shown(request, submitted)


@router.post(
    "/submissions/{submission_id}/withdraw",
    auth=write_auth,
    response={200: SubmissionOut, **error_responses(400, 403, 404, 409)},
    summary="Withdraw your submission",
)
def submission_withdraw(request: HttpRequest, submission_id: Id, body: VersionIn) -> dict[str, Any]:
    user = writer_of(request)
    withdrawn = services.submission_withdraw(
        submission=_visible(request, submission_id, user), actor=user, version=body.version
    )
    return _shown(request, withdrawn)


@router.post(
    "/submissions/{submission_id}/comments",
    auth=write_auth,
    response={201: SubmissionOut, **error_responses(400, 403, 404, 409)},
    summary="Comment on a submission (its author and reviewers)",
)
def submission_comment(
    request: HttpRequest, submission_id: Id, body: CommentIn
) -> Status[dict[str, Any]]:
    user = writer_of(request)
    submission = _visible(request, submission_id, user)
    services.submission_comment(submission=submission, actor=user, text=body.text)
    return Status(201, _shown(request, submission))


@router.get(
    "/submissions/{submission_id}/approval",
    auth=read_auth,
    response={200: ApprovalPlanOut, **error_responses(403, 404, 409)},
    summary="What approving would publish now, and the values an approval must send back",
)
def submission_approval_plan(request: HttpRequest, submission_id: Id) -> dict[str, Any]:
    submission = _visible(request, submission_id, _reader(request))
    plan = approval.approval_plan(submission=submission)
    return {
        "submission_id": submission.pk,
        "version": submission.version,
        "content_hash": submission.content_hash,
        "current_revision_id": plan.current_id,
        "stale": plan.stale,
        "conflicts": plan.conflicts,
        "text": plan.text,
    }


@router.post(
    "/submissions/{submission_id}/decision",
    auth=write_auth,
    response={200: SubmissionOut, **error_responses(400, 403, 404, 409)},
    summary="A reviewer's decision: approve (bound to what was reviewed), request changes, reject",
)
def submission_decide(request: HttpRequest, submission_id: Id, body: DecisionIn) -> dict[str, Any]:
    user = writer_of(request)
    submission = _visible(request, submission_id, user)
    if body.decision == "approve":
        if not body.content_hash:
            raise ApiError(
                422,
                "Approving needs the content_hash and current_revision_id you reviewed "
                "(GET the submission's approval plan).",
            )
        decided = approval.submission_approve(
            submission=submission,
            actor=user,
            version=body.version,
            content_hash=body.content_hash,
            current_revision_id=body.current_revision_id,
            edited_text=body.edited_text,
            note=body.text,
        )
    elif body.decision == "request_changes":
        decided = services.submission_request_changes(
            submission=submission, actor=user, version=body.version, text=body.text
        )
    else:
        decided = services.submission_reject(
            submission=submission, actor=user, version=body.version, text=body.text
        )
    return _shown(request, decided)
