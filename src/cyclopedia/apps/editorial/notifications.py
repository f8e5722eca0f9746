"""E-mail about submissions: to reviewers when one arrives, to its author on every decision.

Plain text only, rendered with auto-escaping off (nothing here is HTML) and one message per
recipient, so that no address is shown to anyone else. Sent after the transaction commits: a
decision that rolls back sends nothing. Each user can opt out on their profile.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string

from cyclopedia.apps.accounts.selectors import profile_of, reviewers_to_notify
from cyclopedia.apps.editorial.models import ReviewEvent, Submission

_SUBJECTS: dict[str, str] = {
    ReviewEvent.Action.APPROVED: "Published: {title}",
    ReviewEvent.Action.CHANGES_REQUESTED: "Changes requested: {title}",
    ReviewEvent.Action.REJECTED: "Not accepted: {title}",
}


def _subject(template: str, submission: Submission) -> str:
    # A header holds one line: control characters (a forged line break) become spaces.
    title = "".join(ch if ch.isprintable() else " " for ch in submission.title)[:150]
    return f"[{settings.SITE_NAME}] " + template.format(title=title)


def _link(submission: Submission) -> str:
    return settings.SITE_URL.rstrip("/") + submission.get_absolute_url()


def notify_submitted(submission: Submission) -> None:
    """Tell the reviewers (but the author, if one of them) that a submission awaits review."""
    recipients = [u for u in reviewers_to_notify() if u.pk != submission.author_id]
    if not recipients:
        return
    body = render_to_string(
        "editorial/email/submitted.txt",
        {"submission": submission, "link": _link(submission), "site_name": settings.SITE_NAME},
    )
    subject = _subject("Waiting for review: {title}", submission)
    messages = [(subject, body, None, [user.email]) for user in recipients]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))


def notify_decision(submission: Submission, action: str, text: str) -> None:
    """Tell the author what a reviewer decided, unless they opted out."""
    author = submission.author
    if not author.email or not profile_of(author).notify_decisions:
        return
    body = render_to_string(
        "editorial/email/decision.txt",
        {
            "submission": submission,
            "action": ReviewEvent.Action(action).label,
            "text": text,
            "link": _link(submission),
            "site_name": settings.SITE_NAME,
        },
    )
    message = (_subject(_SUBJECTS[action], submission), body, None, [author.email])
    transaction.on_commit(lambda: send_mass_mail([message], fail_silently=False))
