"""The profile page's token forms (POST, CSRF-protected, back to the profile) and the JSON
answer for an unknown /api/v1/ path."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from cyclopedia.apps.api import services

# The new token's secret waits here for the profile page to show it, once.
FRESH_SESSION_ENTRY = "api_new_token"


def _profile(user: User) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("profile", args=[user.get_username()]) + "#api-tokens")


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    try:
        made = services.token_create(
            user=user,
            name=request.POST.get("name", "")[:1000],
            scope=request.POST.get("scope", "read")[:20],
        )
    except (ValidationError, PermissionDenied) as error:
        text = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, f"No token was made: {text}")
        return _profile(user)
    request.session[FRESH_SESSION_ENTRY] = {"id": made.token.pk, "secret": made.secret}
    return _profile(user)


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    try:
        token = services.token_revoke(user=user, token_id=token_id)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The token “{token.name}” is revoked: it no longer works.")
    return _profile(user)


def not_found(request: HttpRequest) -> HttpResponse:
    return JsonResponse(
        {"error": f"There is no API endpoint at {request.path[:200]}: see /api/docs."},
        status=404,
    )
