"""POLICY.md §4, editorial workflow: each protection has a test that fails without it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.test import Client

from cyclopedia.apps.accounts.roles import Role
from cyclopedia.apps.articles.conversion import document_of
from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.apps.articles.services import (
    ImportOutcome,
    article_import_document,
    source_get_or_create,
)
from cyclopedia.apps.editorial import services
from cyclopedia.apps.editorial.approval import submission_approve
from cyclopedia.apps.editorial.attribution import attribution_change
from cyclopedia.apps.editorial.models import AuditEntry, ReviewEvent, Submission

from .conftest import imported_article, logged_in, make_user

pytestmark = pytest.mark.django_db

TEXT = "---\ntitle: Fao Peninsula\n---\nThe Fao Peninsula lies south of [[Basra]].\n"


def submitted(author: User, text: str = TEXT, article: Article | None = None) -> Submission:
    draft = services.submission_start(author=author, article=article, source_text=text)
    return services.submission_submit(
        submission=draft, actor=author, version=draft.version, license_declared=True
    )


def approve(submission: Submission, reviewer: User, **kwargs: Any) -> Submission:
    current = submission.article.published_revision_id if submission.article else None
    arguments = {
        "submission": submission,
        "actor": reviewer,
        "version": submission.version,
        "content_hash": submission.content_hash,
        "current_revision_id": current,
        **kwargs,
    }
    return submission_approve(**arguments)


def test_nobody_else_sees_an_unpublished_submission(alice: User, bob: User, rita: User) -> None:
    submission = submitted(alice)
    url = submission.get_absolute_url()
    assert logged_in(bob).get(url).status_code == 404
    assert logged_in(bob).get(url + "/edit").status_code == 404
    assert Client().get(url).status_code == 302  # to the log-in page
    assert logged_in(alice).get(url).status_code == 200
    assert logged_in(rita).get(url).status_code == 200
    assert "Fao Peninsula" not in logged_in(bob).get("/submissions").content.decode()


def test_nobody_edits_another_users_submission(alice: User, bob: User, rita: User) -> None:
    draft = services.submission_start(author=alice, source_text=TEXT)
    for intruder in (bob, rita):
        with pytest.raises(PermissionDenied):
            services.submission_save(
                submission=draft, actor=intruder, version=draft.version, source_text="x", summary=""
            )
    response = logged_in(bob).post(
        f"/submissions/{draft.pk}/edit",
        {
            "source_text": "---\ntitle: Hijacked\n---\nx\n",
            "version": draft.version,
            "action": "save",
        },
    )
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.source_text == TEXT


def test_nobody_approves_their_own_submission(rita: User) -> None:
    own = submitted(rita)
    with pytest.raises(PermissionDenied):
        approve(own, rita)
    response = logged_in(rita).post(
        own.get_absolute_url() + "/decide",
        {"decision": "approve", "version": own.version, "content_hash": own.content_hash},
    )
    assert response.status_code == 403
    own.refresh_from_db()
    assert own.state == Submission.State.SUBMITTED
    assert not Article.objects.filter(title="Fao Peninsula").exists()


def test_contributors_cannot_decide(alice: User, bob: User) -> None:
    submission = submitted(alice)
    with pytest.raises(PermissionDenied):
        approve(submission, bob)
    with pytest.raises(PermissionDenied):
        services.submission_reject(
            submission=submission, actor=bob, version=submission.version, text="no"
        )
    assert logged_in(bob).get("/review").status_code == 403


def test_approval_is_bound_to_the_exact_content(alice: User, rita: User, rex: User) -> None:
    submission = submitted(alice)
    seen_version, seen_hash = submission.version, submission.content_hash
    # Meanwhile another reviewer sends it back and the author changes the text.
    services.submission_request_changes(
        submission=submission, actor=rex, version=submission.version, text="More, please."
    )
    submission.refresh_from_db()
    changed = TEXT + "\nA sentence the first reviewer never read.\n"
    services.submission_save(
        submission=submission,
        actor=alice,
        version=submission.version,
        source_text=changed,
        summary="",
    )
    submission.refresh_from_db()
    services.submission_submit(
        submission=submission, actor=alice, version=submission.version, license_declared=True
    )
    submission.refresh_from_db()
    with pytest.raises(services.StateChangedError):
        approve(submission, rita, version=seen_version, content_hash=seen_hash)
    with pytest.raises(services.StateChangedError):
        approve(submission, rita, content_hash=seen_hash)  # the current version, old content
    assert not Article.objects.filter(title="Fao Peninsula").exists()


def test_content_cannot_change_after_approval(alice: User, rita: User) -> None:
    approved = approve(submitted(alice), rita)
    with pytest.raises(services.EditorialError):
        services.submission_save(
            submission=approved, actor=alice, version=approved.version, source_text="x", summary=""
        )
    response = logged_in(alice).post(
        f"/submissions/{approved.pk}/edit",
        {
            "source_text": "---\ntitle: Fao Peninsula\n---\nChanged.\n",
            "version": approved.version,
            "action": "save",
        },
    )
    assert response.status_code == 303  # sent back to the submission, nothing saved
    article = Article.objects.get(title="Fao Peninsula")
    assert "Changed." not in article.published_revision.source_text


def test_forged_fields_are_ignored(alice: User, bob: User, rita: User) -> None:
    forged_text = TEXT.replace("---\nT", "---\nlicense: CC0-1.0\nauthors: [bob]\nT").replace(
        "title:", "license: CC0-1.0\ntitle:"
    )
    logged_in(alice).post(
        "/submit",
        {
            "source_text": forged_text,
            "summary": "mine",
            "license_declared": "on",
            "action": "submit",
            "state": "approved",
            "author": str(bob.pk),
            "author_id": str(bob.pk),
            "license": "CC0-1.0",
            "reviewer": str(rita.pk),
        },
    )
    submission = Submission.objects.get()
    assert submission.state == Submission.State.SUBMITTED
    assert submission.author == alice
    assert submission.reviewer is None
    approve(submission, rita)
    revision = Article.objects.get(title="Fao Peninsula").published_revision
    assert revision.license == "CC-BY-SA-4.0"
    assert revision.author == alice
    assert revision.authors == ["alice"]


@pytest.mark.parametrize(
    ("state", "attempt"),
    [
        (Submission.State.DRAFT, "approve"),
        (Submission.State.DRAFT, "reject"),
        (Submission.State.WITHDRAWN, "submit"),
        (Submission.State.WITHDRAWN, "changes"),
        (Submission.State.REJECTED, "submit"),
        (Submission.State.REJECTED, "withdraw"),
        (Submission.State.APPROVED, "withdraw"),
        (Submission.State.APPROVED, "reject"),
        (Submission.State.CHANGES_REQUESTED, "approve"),
    ],
)
def test_only_allowed_transitions_succeed(
    alice: User, rita: User, rex: User, state: str, attempt: str
) -> None:
    submission = services.submission_start(author=alice, source_text=TEXT)
    if state != Submission.State.DRAFT:
        submission = services.submission_submit(
            submission=submission, actor=alice, version=submission.version, license_declared=True
        )
    if state == Submission.State.WITHDRAWN:
        submission = services.submission_withdraw(
            submission=submission, actor=alice, version=submission.version
        )
    elif state == Submission.State.REJECTED:
        submission = services.submission_reject(
            submission=submission, actor=rex, version=submission.version, text="no"
        )
    elif state == Submission.State.APPROVED:
        submission = approve(submission, rex)
    elif state == Submission.State.CHANGES_REQUESTED:
        submission = services.submission_request_changes(
            submission=submission, actor=rex, version=submission.version, text="more"
        )
    version = submission.version
    actions = {
        "approve": lambda: approve(submission, rita),
        "reject": lambda: services.submission_reject(
            submission=submission, actor=rita, version=version, text="no"
        ),
        "changes": lambda: services.submission_request_changes(
            submission=submission, actor=rita, version=version, text="more"
        ),
        "submit": lambda: services.submission_submit(
            submission=submission, actor=alice, version=version, license_declared=True
        ),
        "withdraw": lambda: services.submission_withdraw(
            submission=submission, actor=alice, version=version
        ),
    }
    with pytest.raises(services.EditorialError):
        actions[attempt]()
    submission.refresh_from_db()
    assert submission.state == state


def test_double_approve_has_exactly_one_outcome(alice: User, rita: User, rex: User) -> None:
    submission = submitted(alice)
    stale = Submission.objects.get(pk=submission.pk)  # what the second click (or reviewer) saw
    approve(submission, rita)
    with pytest.raises(services.StateChangedError):
        approve(stale, rex)
    with pytest.raises(services.StateChangedError):
        services.submission_reject(submission=stale, actor=rex, version=stale.version, text="no")
    assert Revision.objects.filter(article__title="Fao Peninsula").count() == 1
    assert ReviewEvent.objects.filter(action=ReviewEvent.Action.APPROVED).count() == 1


def test_a_double_clicked_approve_through_the_view(alice: User, rita: User) -> None:
    submission = submitted(alice)
    client = logged_in(rita)
    form = {
        "decision": "approve",
        "version": submission.version,
        "content_hash": submission.content_hash,
        "current": "",
    }
    first = client.post(submission.get_absolute_url() + "/decide", form)
    second = client.post(submission.get_absolute_url() + "/decide", form, follow=True)
    assert first.status_code == 303
    assert "changed since you opened it" in second.content.decode()
    assert Revision.objects.filter(article__title="Fao Peninsula").count() == 1


def test_submitting_needs_the_licence_declaration(alice: User) -> None:
    draft = services.submission_start(author=alice, source_text=TEXT)
    with pytest.raises(services.EditorialError, match=r"CC BY-SA 4\.0"):
        services.submission_submit(
            submission=draft, actor=alice, version=draft.version, license_declared=False
        )


def test_a_new_article_cannot_take_an_existing_title(alice: User) -> None:
    imported_article("Basra")
    draft = services.submission_start(author=alice, source_text="---\ntitle: Basra\n---\nMine.\n")
    with pytest.raises(services.InvalidSourceError, match="already an article"):
        services.submission_submit(
            submission=draft, actor=alice, version=draft.version, license_declared=True
        )


def test_an_edit_cannot_rename_its_article(alice: User) -> None:
    article = imported_article("Basra")
    text = article.published_revision.source_text.replace("title: Basra", "title: Not Basra")
    draft = services.submission_start(author=alice, article=article, source_text=text)
    with pytest.raises(services.InvalidSourceError, match="must stay"):
        services.submission_submit(
            submission=draft, actor=alice, version=draft.version, license_declared=True
        )


def test_attribution_changes_only_by_an_administrator_and_audited(rita: User, alice: User) -> None:
    article = imported_article("Basra")
    current = article.published_revision
    changes = {"source_title": "Basra (city)", "license": "CC-BY-SA-4.0"}
    for not_admin in (alice, rita):
        with pytest.raises(PermissionDenied):
            attribution_change(
                article=article,
                actor=not_admin,
                current_revision_id=current.pk,
                changes=changes,
                reason="x",
            )
        response = logged_in(not_admin).post(
            "/attribution/Basra", {"current": current.pk, "source_title": "Forged", "reason": "x"}
        )
        assert response.status_code == 403
    assert not AuditEntry.objects.exists()
    admin = make_user("ada", Role.ADMINISTRATOR)
    form = {
        "current": current.pk,
        "source_title": "Basra (city)",
        "source_url": current.source_url,
        "revision_url": "",
        "history_url": current.history_url,
        "license": "CC-BY-SA-4.0",
        "license_evidence": "Checked on the source page",
        "reason": "The source page was renamed",
    }
    response = logged_in(admin).post("/attribution/Basra", form)
    assert response.status_code == 303
    article.refresh_from_db()
    assert article.published_revision.source_title == "Basra (city)"
    assert article.published_revision.source_text == current.source_text
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.before["source_title"], entry.after["source_title"]) == (
        admin,
        "Basra",
        "Basra (city)",
    )
    refused = logged_in(admin).post(
        "/attribution/Basra",
        {**form, "current": article.published_revision_id, "license": "CC-BY-NC-4.0"},
    )
    assert refused.status_code == 400
    assert "does not allow publishing" in refused.content.decode()


def test_the_audit_log_and_review_history_are_append_only(alice: User, rita: User) -> None:
    approve(submitted(alice), rita)
    event = ReviewEvent.objects.first()
    assert event is not None
    for attempt in (
        lambda: ReviewEvent.objects.filter(pk=event.pk).update(text="rewritten"),
        lambda: ReviewEvent.objects.filter(pk=event.pk).delete(),
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            attempt()
    assert ReviewEvent.objects.get(pk=event.pk).text == event.text


def test_a_reimport_never_overwrites_a_published_local_edit(alice: User, rita: User) -> None:
    article = imported_article("Basra")
    upstream = article.published_revision
    edit = upstream.source_text.replace("a city in Iraq", "a port city in southern Iraq")
    approve(submitted(alice, edit, article), rita)
    newer = replace(
        document_of(upstream), body=document_of(upstream).body + "\nNew upstream text.\n"
    )
    source = source_get_or_create(name="Wikipedia (English)", kind="mediawiki")
    assert article_import_document(document=newer, source=source) == ImportOutcome.HELD
    article.refresh_from_db()
    assert "a port city in southern Iraq" in article.published_revision.source_text
    assert "New upstream text." not in article.published_revision.source_text
