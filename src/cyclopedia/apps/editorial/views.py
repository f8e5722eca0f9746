"""Thin views of the editorial workflow: parse the form, call a service, show the outcome.

A refused request (EditorialError) comes back to the page it was made from with the service's
message; a submission the user may not see is a 404, so its existence is not disclosed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cyclopedia.apps.accounts.roles import can_review
from cyclopedia.apps.articles import selectors as article_selectors
from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.apps.editorial import selectors, services
from cyclopedia.apps.editorial.approval import (
    approval_plan,
    submission_approve,
    submission_update_to_current,
)
from cyclopedia.apps.editorial.forms import CommentForm, DecisionForm, EditorForm, VersionForm
from cyclopedia.apps.editorial.models import Submission
from cyclopedia.document.titles import TitleError, normalize_title

QUEUE_PAGE_SIZE = 50


def _see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _visible(request: HttpRequest, pk: int) -> Submission:
    found = selectors.submission_for(pk=pk, user=request.user)
    if found is None:
        raise Http404("There is no submission with that number, or it is not yours to see.")
    return found


def _published_article(title: str) -> Article:
    try:
        normal = normalize_title(title)
    except TitleError as error:
        raise Http404(f"“{title[:200]}” is not a valid title: {error}.") from error
    found = article_selectors.article_lookup(title=normal).article
    if found is None:
        raise Http404(f"There is no article titled “{normal}”.")
    return found


def _editor(
    request: HttpRequest,
    *,
    form: EditorForm,
    submission: Submission | None,
    article: Article | None,
    status: int = 200,
) -> HttpResponse:
    base: Revision | None = (
        submission.base_revision
        if submission
        else (article.published_revision if article else None)
    )
    text = form["source_text"].value() or ""
    preview = (
        selectors.preview(source_text=str(text), base=base) if request.method == "POST" else None
    )
    context: dict[str, Any] = {
        "form": form,
        "submission": submission,
        "article": article or (submission.article if submission else None),
        "preview": preview,
    }
    return render(request, "editorial/editor.html", context, status=status)


def _posted(
    request: HttpRequest, *, submission: Submission | None, article: Article | None
) -> tuple[EditorForm, str] | HttpResponse:
    """The posted editor form and its action (save, submit), or the editor shown again: with
    the preview asked for, or with what is wrong in the form."""
    form = EditorForm(request.POST)
    action = request.POST.get("action", "preview")
    if form.is_valid() and action in ("save", "submit"):
        return form, action
    status = 200 if form.is_valid() else 400
    return _editor(request, form=form, submission=submission, article=article, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def propose_new(request: HttpRequest) -> HttpResponse:
    """The editor for a new article; saving or submitting makes the submission."""
    title = request.GET.get("title", "")[:255]
    if request.method != "POST":
        form = EditorForm(
            initial={"source_text": services.NEW_ARTICLE_TEMPLATE.format(title=title or "Title")}
        )
        return _editor(request, form=form, submission=None, article=None)
    return _start(request, article=None)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def propose_edit(request: HttpRequest, title: str) -> HttpResponse:
    """The editor for an edit of a published article, starting from its current text."""
    article = _published_article(title)
    if request.method != "POST":
        assert article.published_revision is not None
        form = EditorForm(initial={"source_text": article.published_revision.source_text})
        return _editor(request, form=form, submission=None, article=article)
    return _start(request, article=article)


def _start(request: HttpRequest, *, article: Article | None) -> HttpResponse:
    posted = _posted(request, submission=None, article=article)
    if isinstance(posted, HttpResponse):
        return posted
    form, action = posted
    try:
        submission = services.submission_start(
            author=request.user,  # type: ignore[arg-type]
            article=article,
            source_text=form.cleaned_data["source_text"],
            summary=form.cleaned_data["summary"],
        )
    except services.EditorialError as error:
        form.add_error(None, str(error))
        return _editor(request, form=form, submission=None, article=article, status=400)
    if action == "submit":
        return _submit(request, submission, form, version=submission.version)
    messages.success(request, "Draft saved. Only you and the reviewers can see it.")
    return _see_other(reverse("submission-edit", args=[submission.pk]))


def _submit(
    request: HttpRequest, submission: Submission, form: EditorForm, *, version: int
) -> HttpResponse:
    try:
        services.submission_submit(
            submission=submission,
            actor=request.user,  # type: ignore[arg-type]
            version=version,
            license_declared=bool(form.cleaned_data["license_declared"]),
        )
    except services.EditorialError as error:
        messages.error(request, f"Saved as a draft, not submitted: {error}")
        return _see_other(reverse("submission-edit", args=[submission.pk]))
    messages.success(request, "Submitted for review. You will hear when a reviewer decides.")
    return _see_other(submission.get_absolute_url())


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def submission_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The author's editor for their draft or a submission sent back for changes."""
    submission = _visible(request, pk)
    if submission.author_id != request.user.pk:
        raise Http404("There is no submission with that number, or it is not yours to edit.")
    if not submission.editable:
        messages.info(
            request,
            f"This submission is “{submission.get_state_display()}”: it can no longer be edited.",
        )
        return _see_other(submission.get_absolute_url())
    if request.method != "POST":
        form = EditorForm(
            initial={
                "source_text": submission.source_text,
                "summary": submission.summary,
                "version": submission.version,
            }
        )
        return _editor(request, form=form, submission=submission, article=submission.article)
    posted = _posted(request, submission=submission, article=submission.article)
    if isinstance(posted, HttpResponse):
        return posted
    form, action = posted
    try:
        saved = services.submission_save(
            submission=submission,
            actor=request.user,
            version=form.cleaned_data["version"] or 0,
            source_text=form.cleaned_data["source_text"],
            summary=form.cleaned_data["summary"],
        )
    except services.EditorialError as error:
        form.add_error(None, str(error))
        return _editor(
            request, form=form, submission=submission, article=submission.article, status=409
        )
    if action == "submit":
        return _submit(request, saved, form, version=saved.version)
    messages.success(request, "Draft saved.")
    return _see_other(reverse("submission-edit", args=[saved.pk]))


@login_required
@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """The live preview of the editor: the rendered text as an HTML fragment."""
    base = None
    if raw := request.POST.get("submission", ""):
        if raw.isdigit():
            base = _visible(request, int(raw)).base_revision
    elif title := request.POST.get("article", ""):
        base = _published_article(title).published_revision
    form = EditorForm(request.POST)
    text = form["source_text"].value() or ""
    shown = selectors.preview(source_text=str(text)[: services.MAX_SOURCE_CHARS], base=base)
    return render(request, "editorial/_preview.html", {"preview": shown})


@login_required
@require_safe
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _visible(request, pk)
    reviewing = can_review(request.user) and submission.author_id != request.user.pk
    plan = None
    plan_error = ""
    if not submission.closed:
        try:
            plan = approval_plan(submission=submission)
        except services.EditorialError as error:
            plan_error = str(error)
    context = {
        "submission": submission,
        "events": selectors.submission_events(submission=submission),
        "diffs": selectors.submission_diffs(submission=submission),
        "inline": request.GET.get("view") == "inline",
        "reviewing": reviewing and submission.state == Submission.State.SUBMITTED,
        "is_author": submission.author_id == request.user.pk,
        "plan": plan,
        "plan_error": plan_error,
        "comment_form": CommentForm(),
        "preview": selectors.preview(
            source_text=submission.source_text, base=submission.base_revision
        ),
    }
    return render(request, "editorial/detail.html", context)


@login_required
@require_POST
def submission_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """withdraw, submit, update (three-way merge), comment, decide."""
    submission = _visible(request, pk)
    user: Any = request.user
    target = submission.get_absolute_url()
    try:
        if action == "comment":
            form = CommentForm(request.POST)
            if not form.is_valid():
                raise services.EditorialError("The comment is empty or too long.")
            services.submission_comment(
                submission=submission, actor=user, text=form.cleaned_data["text"]
            )
            messages.success(request, "Comment added.")
        elif action == "decide":
            _decide(request, submission, user)
        else:
            version = VersionForm(request.POST)
            if not version.is_valid():
                raise services.EditorialError(
                    "The form is incomplete: reload the page and try again."
                )
            number = version.cleaned_data["version"]
            if action == "withdraw":
                services.submission_withdraw(submission=submission, actor=user, version=number)
                messages.success(request, "Withdrawn.")
            elif action == "update":
                plan = submission_update_to_current(
                    submission=submission, actor=user, version=number
                )
                if plan.conflicts:
                    messages.warning(
                        request,
                        f"Updated to the current version with {plan.conflicts} conflict(s): "
                        "resolve each between its <<<<<<< and >>>>>>> lines, then submit.",
                    )
                else:
                    messages.success(
                        request, "Updated to the current version: your change merged cleanly."
                    )
                target = reverse("submission-edit", args=[submission.pk])
            else:
                raise Http404("No such action.")
    except PermissionDenied:
        raise
    except services.EditorialError as error:
        messages.error(request, str(error))
    return _see_other(target)


def _decide(request: HttpRequest, submission: Submission, user: Any) -> None:
    form = DecisionForm(request.POST)
    if not form.is_valid():
        raise services.EditorialError(
            "The decision form is incomplete: reload the page and try again."
        )
    data = form.cleaned_data
    if data["decision"] == "approve":
        edited = data["edited_text"] if "edited_text" in request.POST else None
        services_result = submission_approve(
            submission=submission,
            actor=user,
            version=data["version"],
            content_hash=data["content_hash"],
            current_revision_id=data["current"],
            edited_text=edited,
            note=data["text"],
        )
        messages.success(request, "Approved and published.")
        assert services_result.published_revision is not None
    elif data["decision"] == "changes":
        services.submission_request_changes(
            submission=submission, actor=user, version=data["version"], text=data["text"]
        )
        messages.success(request, "Sent back to the author with your request.")
    else:
        services.submission_reject(
            submission=submission, actor=user, version=data["version"], text=data["text"]
        )
        messages.success(request, "Rejected; the author has been told why.")


@login_required
@require_safe
def my_submissions(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.submissions_of(user=request.user), QUEUE_PAGE_SIZE)  # type: ignore[arg-type]
    return render(request, "editorial/mine.html", {"page": page.get_page(request.GET.get("page"))})


@login_required
@require_safe
def review_queue(request: HttpRequest) -> HttpResponse:
    if not can_review(request.user):
        raise PermissionDenied("The review queue is for reviewers.")
    filters = {
        "kind": request.GET.get("kind", ""),
        "article": request.GET.get("article", "").strip(),
        "author": request.GET.get("author", "").strip(),
    }
    queue = selectors.review_queue(**filters)
    page = Paginator(queue, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "editorial/queue.html",
        {"page": page, "filters": filters, "kinds": Submission.Kind.choices},
    )
