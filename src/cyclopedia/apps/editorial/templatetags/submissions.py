"""``{% submissions_on_profile profile_user %}``: a user's open and recent submissions on their
profile, shown to themself and to reviewers only (nobody else sees unpublished submissions)."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import User

from cyclopedia.apps.accounts.roles import can_review
from cyclopedia.apps.editorial.selectors import submissions_of

register = template.Library()

SHOWN = 20


@register.inclusion_tag("editorial/_profile_submissions.html", takes_context=True)
def submissions_on_profile(context: dict[str, Any], user: User) -> dict[str, Any]:
    viewer = context["request"].user
    visible = viewer.is_authenticated and (viewer.pk == user.pk or can_review(viewer))
    return {
        "visible": visible,
        "own": visible and viewer.pk == user.pk,
        "submissions": list(submissions_of(user=user)[:SHOWN]) if visible else [],
    }
