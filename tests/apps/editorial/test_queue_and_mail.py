"""The review queue, the contributor's list, and who gets which e-mail."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from cyclopedia.apps.accounts.roles import Role
from cyclopedia.apps.accounts.selectors import profile_of
from cyclopedia.apps.editorial import services
from cyclopedia.apps.editorial.models import Submission

from .conftest import imported_article, logged_in, make_user
from .test_rules import approve, submitted

pytestmark = pytest.mark.django_db


def _queue_titles(client: Any, query: str = "") -> list[str]:
    page = client.get("/review" + query)
    assert page.status_code == 200
    return [s.title for s in page.context["page"].object_list]


def test_the_queue_lists_waiting_submissions_oldest_first_with_filters(
    alice: User, bob: User, rita: User
) -> None:
    article = imported_article("Basra")
    first = submitted(alice, "---\ntitle: Umm Qasr\n---\nA port town.\n")
    second = submitted(bob, article.published_revision.source_text + "\nMore.\n", article)
    services.submission_start(author=alice, source_text="---\ntitle: Draft only\n---\nx\n")
    client = logged_in(rita)
    assert _queue_titles(client) == [first.title, second.title]
    assert _queue_titles(client, "?kind=edit") == ["Basra"]
    assert _queue_titles(client, "?kind=new") == ["Umm Qasr"]
    assert _queue_titles(client, "?author=bob") == ["Basra"]
    assert _queue_titles(client, "?article=umm") == ["Umm Qasr"]
    assert _queue_titles(client, "?kind=bogus&author=" + "x" * 5000) == []


def test_a_contributor_sees_their_own_submissions_and_states(alice: User, rita: User) -> None:
    approve(submitted(alice), rita)
    services.submission_start(author=alice, source_text="---\ntitle: Second\n---\nx\n")
    page = logged_in(alice).get("/submissions").content.decode()
    assert "Fao Peninsula" in page
    assert "Approved and published" in page
    assert "Draft" in page


def test_reviewers_who_opted_out_get_no_mail_and_authors_likewise(
    alice: User, rita: User, rex: User, django_capture_on_commit_callbacks: Any
) -> None:
    quiet = profile_of(rex)
    quiet.notify_submissions = False
    quiet.save()
    with django_capture_on_commit_callbacks(execute=True):
        submission = submitted(alice)
    assert [m.to for m in mail.outbox] == [["rita@example.org"]]
    mail.outbox.clear()
    settings_of_alice = profile_of(alice)
    settings_of_alice.notify_decisions = False
    settings_of_alice.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_request_changes(
            submission=submission, actor=rex, version=submission.version, text="More"
        )
    assert mail.outbox == []


def test_a_reviewer_is_not_mailed_about_their_own_submission(
    rita: User, rex: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        submitted(rita)
    assert [m.to for m in mail.outbox] == [["rex@example.org"]]


def test_a_decision_that_fails_sends_no_mail(
    alice: User, rita: User, django_capture_on_commit_callbacks: Any
) -> None:
    submission = submitted(alice)
    make_user("other", Role.CONTRIBUTOR)
    # The title is taken by the time the reviewer approves: the approval rolls back.
    imported_article("Fao Peninsula")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.EditorialError):
        approve(submission, rita)
    assert mail.outbox == []
    submission.refresh_from_db()
    assert submission.state == Submission.State.SUBMITTED


def test_the_profile_shows_submissions_to_their_author_and_reviewers_only(
    alice: User, bob: User, rita: User
) -> None:
    submitted(alice)
    assert "Fao Peninsula" in logged_in(alice).get("/user/alice").content.decode()
    assert "Fao Peninsula" in logged_in(rita).get("/user/alice").content.decode()
    assert "Fao Peninsula" not in logged_in(bob).get("/user/alice").content.decode()
    assert "Fao Peninsula" not in Client().get("/user/alice").content.decode()
