"""The whole flow through the real views: sign up, propose, preview, submit, changes requested,
revise, reviewer edits and approves, published with both credited, searchable, e-mails sent."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from cyclopedia.apps.articles.models import Article
from cyclopedia.apps.editorial.models import ReviewEvent, Submission
from cyclopedia.apps.search.selectors import search_run

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=False)

NEW_TEXT = """---
title: Shatt al-Arab Bridge
aliases: [Basra Bridge]
infobox:
  fields:
  - Opened: "1979"
categories: [Bridges in Iraq]
---
The **Shatt al-Arab Bridge** crosses the river near [[Basra]].[^1]

[^1]: A source about the bridge <https://example.org/bridge>
"""


def _form_value(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, f"no {name} field"
    return match.group(1)


def test_the_whole_flow(rita: Any, django_capture_on_commit_callbacks: Any) -> None:
    # Sign up through the real form.
    author = Client()
    response = author.post(
        "/accounts/signup",
        {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code in (302, 303), response.content[:2000]

    # Propose a new article: the editor previews with the publishing renderer.
    assert author.get("/submit?title=Shatt al-Arab Bridge").status_code == 200
    response = author.post("/submit", {"source_text": NEW_TEXT, "action": "preview"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>Shatt al-Arab Bridge</strong>" in html
    assert 'class="infobox"' in html
    live = author.post(
        "/submissions/preview", {"source_text": NEW_TEXT, "action": "preview"}
    ).content.decode()
    assert "<strong>Shatt al-Arab Bridge</strong>" in live
    assert Submission.objects.count() == 0  # previews save nothing

    # Submit (with the licence declaration): the reviewer is told.
    with django_capture_on_commit_callbacks(execute=True):
        response = author.post(
            "/submit",
            {
                "source_text": NEW_TEXT,
                "summary": "A new bridge article",
                "license_declared": "on",
                "action": "submit",
            },
        )
    submission = Submission.objects.get()
    assert response.status_code == 303
    assert submission.state == Submission.State.SUBMITTED
    assert [m.to for m in mail.outbox] == [["rita@example.org"]]
    assert "Shatt al-Arab Bridge" in mail.outbox[0].subject
    url = submission.get_absolute_url()

    # The reviewer requests changes; the author is told.
    reviewer = Client()
    reviewer.force_login(rita)
    page = reviewer.get(url).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reviewer.post(
            url + "/decide",
            {
                "decision": "changes",
                "version": _form_value(page, "version"),
                "content_hash": _form_value(page, "content_hash"),
                "current": "",
                "text": "Please say when it was built.",
            },
        )
    submission.refresh_from_db()
    assert submission.state == Submission.State.CHANGES_REQUESTED
    assert mail.outbox[0].to == ["newcomer@example.org"]
    assert "Please say when it was built." in mail.outbox[0].body

    # The author revises and resubmits.
    revised = NEW_TEXT.replace("near [[Basra]].", "near [[Basra]], built in the 1970s.")
    response = author.post(
        url + "/edit",
        {
            "source_text": revised,
            "summary": "Built date added",
            "license_declared": "on",
            "version": str(submission.version),
            "action": "submit",
        },
    )
    submission.refresh_from_db()
    assert submission.state == Submission.State.SUBMITTED, response.content[:3000]

    # The reviewer edits, then approves: two revisions, each credited to its writer.
    page = reviewer.get(url).content.decode()
    edited = revised.replace("built in the 1970s", "built in the late 1970s")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer.post(
            url + "/decide",
            {
                "decision": "approve",
                "version": _form_value(page, "version"),
                "content_hash": _form_value(page, "content_hash"),
                "current": "",
                "text": "Dated more precisely",
                "edited_text": edited,
            },
        )
    assert response.status_code == 303
    submission.refresh_from_db()
    assert submission.state == Submission.State.APPROVED
    article = Article.objects.get(title="Shatt al-Arab Bridge")
    revisions = list(article.revisions.order_by("created", "id"))
    assert [r.author.username for r in revisions] == ["newcomer", "rita"]
    assert revisions[1].parent_id == revisions[0].pk
    assert article.published_revision_id == revisions[1].pk
    assert "late 1970s" in article.published_revision.plain_text
    assert revisions[0].license == revisions[1].license == "CC-BY-SA-4.0"
    assert revisions[1].authors == ["newcomer", "rita"]
    assert mail.outbox[0].to == ["newcomer@example.org"]
    actions = list(submission.events.values_list("action", flat=True))
    assert actions == [
        ReviewEvent.Action.CREATED,
        ReviewEvent.Action.SUBMITTED,
        ReviewEvent.Action.CHANGES_REQUESTED,
        ReviewEvent.Action.SAVED,
        ReviewEvent.Action.SUBMITTED,
        ReviewEvent.Action.EDITED,
        ReviewEvent.Action.APPROVED,
    ]

    # Published: the page, its history with both names, search, the alias.
    anonymous = Client()
    page = anonymous.get("/wiki/Shatt_al-Arab_Bridge").content.decode()
    assert "late 1970s" in page
    history = anonymous.get("/history/Shatt_al-Arab_Bridge").content.decode()
    assert "newcomer" in history
    assert "rita" in history
    assert "Dated more precisely" in history
    results = search_run(q="late 1970s bridge")
    assert [r.article.title for r in results.results][:1] == ["Shatt al-Arab Bridge"]
    assert anonymous.get("/wiki/Basra_Bridge").status_code == 301
    recent = anonymous.get("/recent-changes").content.decode()
    assert "Shatt al-Arab Bridge" in recent
