"""Submissions through the API, only through the editorial services: who sees what, scopes,
the reviewers' decisions bound to what they reviewed."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from cyclopedia.apps.articles.models import Article
from cyclopedia.apps.editorial.models import Submission

from .conftest import Api, body, make_user, publish, secret

pytestmark = pytest.mark.django_db

NEW_TEXT = """---
title: Shatt al-Arab Bridge
categories: [Bridges in Iraq]
---
The **Shatt al-Arab Bridge** crosses the river near [[Basra]].
"""


def start(api: Api, **fields: Any) -> dict[str, Any]:
    response = api.post("/api/v1/submissions", fields)
    assert response.status_code == 201, response.content
    return body(response)


def test_new_article_from_draft_to_published(alice: User, rita: User, bob: User) -> None:
    author = Api(secret(alice, "write"))
    draft = start(author, source_text=NEW_TEXT, summary="A bridge")
    assert draft["state"] == "draft"
    assert draft["kind"] == "new"
    assert draft["author"] == "alice"
    assert draft["title"] == "Shatt al-Arab Bridge"
    assert [e["action"] for e in draft["events"]] == ["created"]

    # Nobody else sees the draft: not another user, not an anonymous reader, not the lists.
    path = f"/api/v1/submissions/{draft['id']}"
    other = Api(secret(bob, "write"))
    assert other.get(path).status_code == 404
    assert body(other.get("/api/v1/submissions"))["count"] == 0
    assert Api().get(path).status_code == 401
    assert body(Api().get("/api/v1/articles"))["count"] == 0
    assert body(Api().get("/api/v1/search", {"q": "bridge"}))["total"] == 0
    assert other.put(path, {"version": 1, "source_text": "x"}).status_code == 404
    assert other.post(path + "/withdraw", {"version": 1}).status_code == 404
    # The author's read token sees it.
    reader = Api(secret(alice, "read"))
    assert body(reader.get(path))["id"] == draft["id"]
    assert [s["id"] for s in body(reader.get("/api/v1/submissions"))["results"]] == [draft["id"]]

    edited = body(
        author.put(
            path, {"version": 1, "source_text": NEW_TEXT + "\nIt opened in 1979.\n", "summary": "s"}
        )
    )
    assert edited["version"] == 2
    assert "1979" in edited["source_text"]
    stale = author.put(path, {"version": 1, "source_text": NEW_TEXT})
    assert stale.status_code == 409
    assert "changed since" in body(stale)["error"]

    undeclared = author.post(path + "/submit", {"version": 2, "license_declared": False})
    assert undeclared.status_code == 409
    assert "declare" in body(undeclared)["error"]
    submitted = body(author.post(path + "/submit", {"version": 2, "license_declared": True}))
    assert submitted["state"] == "submitted"
    assert submitted["license_declared"]

    # Reviewers: the queue, the plan, a decision bound to the reviewed text.
    reviewer = Api(secret(rita, "write"))
    queue = body(reviewer.get("/api/v1/submissions", {"view": "queue"}))
    assert [s["id"] for s in queue["results"]] == [draft["id"]]
    assert Api(secret(bob)).get("/api/v1/submissions", {"view": "queue"}).status_code == 403
    plan = body(reviewer.get(path + "/approval"))
    assert plan["current_revision_id"] is None
    assert plan["conflicts"] == 0
    decide = path + "/decision"
    wrong = reviewer.post(
        decide,
        {"decision": "approve", "version": plan["version"], "content_hash": "0" * 64},
    )
    assert wrong.status_code == 409
    assert "changed" in body(wrong)["error"]
    missing = reviewer.post(decide, {"decision": "approve", "version": plan["version"]})
    assert missing.status_code == 422
    assert (
        author.post(
            decide,
            {
                "decision": "approve",
                "version": plan["version"],
                "content_hash": plan["content_hash"],
            },
        ).status_code
        == 403
    )  # nobody approves their own
    approved = body(
        reviewer.post(
            decide,
            {
                "decision": "approve",
                "version": plan["version"],
                "content_hash": plan["content_hash"],
                "current_revision_id": None,
                "text": "Thanks",
            },
        )
    )
    assert approved["state"] == "approved"
    assert approved["reviewer"] == "rita"
    article = Article.objects.get(title="Shatt al-Arab Bridge")
    assert approved["published_revision_id"] == article.published_revision_id
    shown = body(Api().get("/api/v1/articles/lookup", {"title": "Shatt al-Arab Bridge"}))
    assert "1979" in shown["plain_text"]
    assert shown["attribution"]["source_kind"] == "contribution"
    again = reviewer.post(
        decide,
        {
            "decision": "approve",
            "version": plan["version"],
            "content_hash": plan["content_hash"],
            "current_revision_id": None,
        },
    )
    assert again.status_code == 409


def test_edit_request_changes_reject_withdraw(alice: User, rita: User) -> None:
    basra = publish("Basra")
    author = Api(secret(alice, "write"))
    reviewer = Api(secret(rita, "write"))
    edit = start(author, article_id=basra.pk, summary="Typo")
    assert edit["kind"] == "edit"
    assert edit["base_revision_id"] == basra.published_revision_id
    assert "Shatt al-Arab" in edit["source_text"]
    path = f"/api/v1/submissions/{edit['id']}"
    text = edit["source_text"].replace("a city", "a port city")
    author.put(path, {"version": 1, "source_text": text})
    author.post(path + "/submit", {"version": 2, "license_declared": True})
    no_reason = reviewer.post(path + "/decision", {"decision": "request_changes", "version": 3})
    assert no_reason.status_code == 409
    assert "Say why" in body(no_reason)["error"]
    sent_back = body(
        reviewer.post(
            path + "/decision",
            {"decision": "request_changes", "version": 3, "text": "Cite a source."},
        )
    )
    assert sent_back["state"] == "changes_requested"
    commented = author.post(path + "/comments", {"text": "Done, see the new text."})
    assert commented.status_code == 201
    assert body(commented)["events"][-1]["text"] == "Done, see the new text."
    author.post(path + "/submit", {"version": 4, "license_declared": True})
    rejected = body(
        reviewer.post(path + "/decision", {"decision": "reject", "version": 5, "text": "No."})
    )
    assert rejected["state"] == "rejected"
    # Unpublished proposals never reach the article.
    shown = body(Api().get(f"/api/v1/articles/{basra.pk}"))
    assert "port city" not in shown["plain_text"]

    another = start(author, article_id=basra.pk)
    withdrawn = author.post(f"/api/v1/submissions/{another['id']}/withdraw", {"version": 1})
    assert body(withdrawn)["state"] == "withdrawn"
    closed = author.post(f"/api/v1/submissions/{another['id']}/withdraw", {"version": 2})
    assert closed.status_code == 409


def test_scopes_and_roles(alice: User, bob: User) -> None:
    reader = Api(secret(alice, "read"))
    refused = reader.post("/api/v1/submissions", {"title": "X"})
    assert refused.status_code == 403
    assert "read scope" in body(refused)["error"]
    anonymous = Api().post("/api/v1/submissions", {"title": "X"})
    assert anonymous.status_code == 401
    assert "write scope" in body(anonymous)["error"]
    assert Submission.objects.count() == 0
    # A contributor's write token cannot decide.
    draft = start(Api(secret(alice, "write")), title="Something new")
    Api(secret(alice, "write")).post(
        f"/api/v1/submissions/{draft['id']}/submit", {"version": 1, "license_declared": True}
    )
    carol = make_user("carol")
    decided = Api(secret(carol, "write")).post(
        f"/api/v1/submissions/{draft['id']}/decision",
        {"decision": "reject", "version": 2, "text": "No"},
    )
    assert decided.status_code == 404  # she cannot even see it
    # An edit of an article that is not published: 404.
    missing = Api(secret(bob, "write")).post("/api/v1/submissions", {"article_id": 999999})
    assert missing.status_code == 404


def test_invalid_text_is_a_400(alice: User) -> None:
    author = Api(secret(alice, "write"))
    draft = start(author, source_text="---\ntitle: [unclosed\n---\nBody\n")
    response = author.post(
        f"/api/v1/submissions/{draft['id']}/submit", {"version": 1, "license_declared": True}
    )
    assert response.status_code == 400
    assert "cannot be published" in body(response)["error"]
