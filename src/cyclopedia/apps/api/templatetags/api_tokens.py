"""The API tokens section of one's own profile page."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import User

from cyclopedia.apps.accounts.roles import can_review
from cyclopedia.apps.api import selectors
from cyclopedia.apps.api.models import ApiToken
from cyclopedia.apps.api.views import FRESH_SESSION_ENTRY

register = template.Library()


@register.inclusion_tag("api/tokens.html", takes_context=True)
def api_tokens_on_profile(context: dict[str, Any], profile_user: User) -> dict[str, Any]:
    """The signed-in user's tokens, and the secret of the one just made (shown this once);
    nothing on anyone else's profile."""
    request = context["request"]
    user = request.user
    if not isinstance(user, User) or user.pk != profile_user.pk:
        return {"shown": False}
    new = request.session.pop(FRESH_SESSION_ENTRY, None)
    return {
        "shown": True,
        "tokens": selectors.tokens_of(user=user),
        "new_secret": new.get("secret") if isinstance(new, dict) else None,
        "new_id": new.get("id") if isinstance(new, dict) else None,
        "scopes": ApiToken.Scope.choices,
        "can_review": can_review(user),
        "csrf_token": context.get("csrf_token"),
    }
