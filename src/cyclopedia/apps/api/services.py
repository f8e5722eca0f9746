"""Writes of the API app: tokens made, revoked and used."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cyclopedia.apps.api.models import ApiToken

TOKEN_PREFIX = "cyc"  # noqa: S105 (the tokens' fixed start, not a secret)
MAX_NAME_CHARS = 100
MAX_ACTIVE_TOKENS = 20
# last_used is written at most this often per token: a read should rarely cost a write.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)
_PREFIX = re.compile(r"[0-9a-f]{12}")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class NewToken:
    token: ApiToken
    secret: str  # the whole token, shown to its owner once and never stored


@transaction.atomic
def token_create(*, user: User, name: str, scope: str) -> NewToken:
    """A new token for ``user``: ``cyc_<prefix>_<secret>``, of which only a hash is kept."""
    if not user.is_active:
        raise PermissionDenied("A closed account cannot have API tokens.")
    name = " ".join(name.replace("\x00", "").split())
    if not name:
        raise ValidationError("Give the token a name, to recognise it later.")
    if len(name) > MAX_NAME_CHARS:
        raise ValidationError(f"The name is too long (at most {MAX_NAME_CHARS} characters).")
    if scope not in ApiToken.Scope.values:
        raise ValidationError(f"The scope must be read or write, not “{scope[:20]}”.")
    # Serialise one user's token creations, so that the limit holds under double clicks.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if ApiToken.objects.filter(user=user, revoked__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(
            f"You have {MAX_ACTIVE_TOKENS} active tokens already: revoke one you no longer use."
        )
    prefix = secrets.token_hex(6)
    secret = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user, name=name, scope=scope, prefix=prefix, token_hash=token_hash(secret)
    )
    return NewToken(token=token, secret=secret)


@transaction.atomic
def token_revoke(*, user: User, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens (revoking it again changes nothing)."""
    token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
    if token is None:
        raise PermissionDenied("That is not one of your tokens.")
    if token.revoked is None:
        token.revoked = timezone.now()
        token.save(update_fields=["revoked"])
    return token


def token_authenticate(*, secret: str) -> ApiToken | None:
    """The active token of an active user that ``secret`` is, with its user; None otherwise.
    Marks it used (at most once a minute)."""
    parts = secret.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or not _PREFIX.fullmatch(parts[1]):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(prefix=parts[1], revoked__isnull=True, user__is_active=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.token_hash, token_hash(secret)):
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).filter(
            Q(last_used__isnull=True) | Q(last_used__lt=now - LAST_USED_RESOLUTION)
        ).update(last_used=now)
        token.last_used = now
    return token
