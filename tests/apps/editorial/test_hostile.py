"""Hostile content in submissions (POLICY.md §4, Markup) is inert everywhere it is shown, and
every state change of the workflow needs a CSRF token."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from cyclopedia.apps.editorial import services
from cyclopedia.apps.editorial.models import Submission

from .conftest import imported_article, logged_in
from .test_rules import approve, submitted

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
HOSTILE = f"""---
title: 'Hostile & "quoted" article'
infobox:
  fields:
  - "Born<img src=x onerror=alert(2)>": "<svg onload=alert(3)>"
---
Text {SCRIPT} and <iframe src="javascript:alert(4)"></iframe>, a
[link](javascript:alert(5)) and [another](JaVaScRiPt&#58;alert(6)),
<a href="data:text/html,x">data</a>,
<form action="https://evil.example"><input name=x></form>, <base href="https://evil.example/">,
<meta http-equiv="refresh" content="0;url=https://evil.example">, <b style="color:red">styled</b>,
<div id="__proto__" name="getElementById">clobber</div>, {{{{ 7*7 }}}} and {{% debug %}}.
"""
SUMMARY = f"summary {SCRIPT} {{{{ 7*7 }}}}"


def _inert(html: str) -> None:
    """No element of the page does anything the hostile text asked for: shown as text is fine."""
    tree = lxml.html.fromstring(html)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in ("iframe", "base", "object", "embed", "svg"), element.tag
        if element.tag == "script":
            assert "alert" not in (element.text or ""), element.text
            assert element.get("type") == "application/ld+json" or element.get("src")
        if element.tag == "meta":
            assert element.get("http-equiv") is None
        if element.tag == "form":
            assert not (element.get("action") or "").startswith("https://evil")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            lowered = value.strip().lower()
            assert not lowered.startswith(("javascript:", "vbscript:", "data:text")), value
            if name == "style":
                raise AssertionError(f"style attribute on {element.tag}")
    assert ">49<" not in html
    assert " 49 " not in tree.text_content()  # template syntax is never evaluated


def test_hostile_submission_is_inert_in_every_view(
    rita: User, alice: User, django_capture_on_commit_callbacks: Any
) -> None:
    author = logged_in(alice)
    preview = author.post("/submit", {"source_text": HOSTILE, "action": "preview"}).content.decode()
    _inert(preview.split('id="preview"')[1])
    live = author.post("/submissions/preview", {"source_text": HOSTILE}).content.decode()
    _inert(live)
    with django_capture_on_commit_callbacks(execute=True):
        author.post(
            "/submit",
            {
                "source_text": HOSTILE,
                "summary": SUMMARY,
                "license_declared": "on",
                "action": "submit",
            },
        )
    submission = Submission.objects.get()
    assert submission.state == Submission.State.SUBMITTED
    reviewer = logged_in(rita)
    detail = reviewer.get(submission.get_absolute_url()).content.decode()
    _inert(detail.split("<main")[1])
    inline = reviewer.get(submission.get_absolute_url() + "?view=inline").content.decode()
    _inert(inline.split("<main")[1])
    assert "&lt;script&gt;" in detail  # shown, as text
    queue = reviewer.get("/review").content.decode()
    _inert(queue)
    services.submission_comment(submission=submission, actor=rita, text=f"comment {SCRIPT}")
    _inert(reviewer.get(submission.get_absolute_url()).content.decode().split("<main")[1])
    for message in mail.outbox:
        assert "{{" not in message.subject
        assert "\n" not in message.subject
        assert "49" not in message.body
    with django_capture_on_commit_callbacks(execute=True):
        approve(Submission.objects.get(), rita, note=f"note {SCRIPT}")
    anonymous = Client()
    article_url = submission.__class__.objects.get().article.get_absolute_url()
    _inert(anonymous.get(article_url).content.decode().split("<main")[1])
    title = submission.__class__.objects.get().article.url_title
    _inert(anonymous.get(f"/history/{title}").content.decode().split("<main")[1])
    _inert(anonymous.get(f"/diff/{title}").content.decode().split("<main")[1])
    _inert(anonymous.get("/recent-changes").content.decode().split("<main")[1])
    feed = anonymous.get("/recent-changes.atom").content.decode()
    assert SCRIPT not in feed


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/submit", {"source_text": "---\ntitle: X\n---\nx\n", "action": "save"}),
        ("/submissions/preview", {"source_text": "x"}),
        ("/submissions/{pk}/edit", {"source_text": "x", "action": "save", "version": "1"}),
        ("/submissions/{pk}/withdraw", {"version": "1"}),
        ("/submissions/{pk}/comment", {"text": "x"}),
        ("/submissions/{pk}/decide", {"decision": "approve"}),
        ("/revert/Basra", {"revision": "1", "current": "2"}),
        ("/attribution/Basra", {"reason": "x"}),
    ],
)
def test_every_state_change_needs_a_csrf_token(
    alice: User, rita: User, path: str, data: dict[str, str]
) -> None:
    imported_article("Basra")
    submission = submitted(alice)
    for user in (alice, rita):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        response = client.post(path.format(pk=submission.pk), data)
        assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.state == Submission.State.SUBMITTED
    assert submission.events.count() == 2


def test_a_title_with_markup_is_refused_with_a_clear_message(alice: User) -> None:
    text = HOSTILE.replace("'Hostile & \"quoted\" article'", f"'Hostile {SCRIPT}'")
    assert SCRIPT in text
    response = logged_in(alice).post(
        "/submit", {"source_text": text, "license_declared": "on", "action": "submit"}, follow=True
    )
    page = response.content.decode()
    assert "not submitted" in page
    assert "characters a title may not" in page
    assert Submission.objects.get().state == Submission.State.DRAFT
    _inert(page.split("<main")[1])
