"""Conflicts (POLICY.md §4 Concurrency), history diffs, revert and recent changes."""

from __future__ import annotations

import threading

import pytest
from django.contrib.auth.models import User
from django.db import connection

from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.apps.editorial import services
from cyclopedia.apps.editorial.approval import submission_update_to_current
from cyclopedia.apps.editorial.models import Submission

from .conftest import imported_article, logged_in, make_user
from .test_rules import approve, submitted

pytestmark = pytest.mark.django_db


def _edit(article: Article, old: str, new: str) -> str:
    text = article.published_revision.source_text
    assert old in text
    return text.replace(old, new)


def test_two_edits_of_one_base_merge_cleanly(alice: User, bob: User, rita: User) -> None:
    article = imported_article("Basra")
    first = submitted(alice, _edit(article, "a city in Iraq", "a port city in Iraq"), article)
    second = submitted(bob, _edit(article, "main port", "largest port"), article)
    approve(first, rita)
    second.refresh_from_db()
    article.refresh_from_db()
    approve(second, rita)  # written against the old base: merged, not a lost update
    text = Article.objects.get(pk=article.pk).published_revision.source_text
    assert "a port city in Iraq" in text
    assert "largest port" in text
    history = list(
        article.revisions.order_by("created", "id").values_list("author__username", flat=True)
    )
    assert history == [None, "alice", "bob"]


def test_overlapping_edits_are_a_conflict_the_author_resolves(
    alice: User, bob: User, rita: User
) -> None:
    article = imported_article("Basra")
    first = submitted(alice, _edit(article, "a city in Iraq", "a city in southern Iraq"), article)
    stale = submitted(bob, _edit(article, "a city in Iraq", "a large city in Iraq"), article)
    approve(first, rita)
    stale.refresh_from_db()
    with pytest.raises(services.MergeConflictError):
        approve(stale, rita)
    stale.refresh_from_db()
    assert stale.state == Submission.State.SUBMITTED  # the refused approval changed nothing
    services.submission_request_changes(
        submission=stale, actor=rita, version=stale.version, text="Conflict"
    )
    stale.refresh_from_db()
    plan = submission_update_to_current(submission=stale, actor=bob, version=stale.version)
    assert plan.conflicts == 1
    stale.refresh_from_db()
    assert "<<<<<<< proposed" in stale.source_text
    with pytest.raises(services.InvalidSourceError, match="conflict markers"):
        services.submission_submit(
            submission=stale, actor=bob, version=stale.version, license_declared=True
        )
    before, rest = stale.source_text.split("<<<<<<< proposed\n")
    after = rest.split(">>>>>>> published\n")[1]
    resolved = before + "Basra is a large city in southern Iraq.\n" + after
    stale = services.submission_save(
        submission=stale, actor=bob, version=stale.version, source_text=resolved, summary=""
    )
    stale = services.submission_submit(
        submission=stale, actor=bob, version=stale.version, license_declared=True
    )
    approve(stale, rita)
    article.refresh_from_db()
    assert "a large city in southern Iraq" in article.published_revision.source_text
    assert article.published_revision.author == bob


def test_a_reviewer_can_resolve_a_conflict_when_approving(
    alice: User, bob: User, rita: User
) -> None:
    article = imported_article("Basra")
    base = article.published_revision
    first = submitted(alice, _edit(article, "a city in Iraq", "a city in southern Iraq"), article)
    second = submitted(bob, _edit(article, "a city in Iraq", "a large city in Iraq"), article)
    approve(first, rita)
    second.refresh_from_db()
    with pytest.raises(services.MergeConflictError):
        approve(second, rita)
    resolved = _edit(
        Article.objects.get(pk=article.pk),
        "a city in southern Iraq",
        "a large city in southern Iraq",
    )
    approve(second, rita, edited_text=resolved)
    article.refresh_from_db()
    published = article.published_revision
    assert published.author == rita
    assert "a large city in southern Iraq" in published.source_text
    bobs = published.parent
    assert bobs.author == bob
    assert bobs.parent_id == base.pk  # bob's words, as written, after the revision he edited


def test_the_article_changing_during_review_is_caught(alice: User, bob: User, rita: User) -> None:
    article = imported_article("Basra")
    first = submitted(alice, _edit(article, "a city in Iraq", "a port city in Iraq"), article)
    seen = article.published_revision_id
    approve(submitted(bob, _edit(article, "main port", "largest port"), article), rita)
    with pytest.raises(services.StateChangedError, match="changed while you were reviewing"):
        approve(first, rita, current_revision_id=seen)


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_approving_at_the_same_moment(alice: User, rita: User, rex: User) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions need a server database; SQLite writers are serial")
    submission = submitted(alice)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(reviewer: User) -> None:
        try:
            barrier.wait()
            approve(Submission.objects.get(pk=submission.pk), reviewer)
            outcomes.append("approved")
        except services.StateChangedError:
            outcomes.append("told")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(r,)) for r in (rita, rex)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["approved", "told"]
    assert Revision.objects.filter(article__title="Fao Peninsula").count() == 1


def test_history_diff_and_revert(alice: User, rita: User) -> None:
    article = imported_article("Basra")
    first = article.published_revision
    approve(
        submitted(alice, _edit(article, "a city in Iraq", "a city in southern Iraq"), article), rita
    )
    article.refresh_from_db()
    reader = logged_in(make_user("reader"))
    history = reader.get("/history/Basra").content.decode()
    assert "alice" in history
    assert "(+9)" in history  # size change of alice's revision
    diff = reader.get(
        f"/diff/Basra?from={first.pk}&to={article.published_revision_id}"
    ).content.decode()
    assert "<ins>southern </ins>" in diff or "<ins>southern</ins>" in diff
    inline = reader.get(f"/diff/Basra?from={first.pk}&view=inline").content.decode()
    assert "diff--inline" in inline
    assert "Revert to revision" not in diff  # only reviewers revert
    denied = reader.post(
        "/revert/Basra", {"revision": first.pk, "current": article.published_revision_id}
    )
    assert denied.status_code == 403
    response = logged_in(rita).post(
        "/revert/Basra",
        {"revision": first.pk, "current": article.published_revision_id, "reason": "Unsourced"},
    )
    assert response.status_code == 303
    article.refresh_from_db()
    assert article.published_revision.source_text == first.source_text
    assert article.published_revision.author == rita
    assert article.published_revision.license == first.license
    assert article.revisions.count() == 3
    stale = logged_in(rita).post(
        "/revert/Basra", {"revision": first.pk, "current": first.pk}, follow=True
    )
    assert "changed since you looked" in stale.content.decode()


def test_recent_changes_and_feed(alice: User, rita: User) -> None:
    approve(submitted(alice), rita)
    page = logged_in(alice).get("/recent-changes").content.decode()
    assert "Fao Peninsula" in page
    feed = logged_in(alice).get("/recent-changes.atom")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert b"Fao Peninsula" in feed.content
