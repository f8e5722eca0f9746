"""Who calls: an API token (``Authorization: Bearer <token>``) or nobody, counted against the
rate limits. Runs first in every operation; a refusal is an ApiError (JSON, see errors.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest
from ninja.security import HttpBearer

from cyclopedia.apps.accounts.client_address import client_address
from cyclopedia.apps.api.models import ApiToken
from cyclopedia.apps.api.ratelimit import RateDecision, rate_hit
from cyclopedia.apps.api.services import token_authenticate

SCHEME = "TokenAuth"  # ninja names the scheme after the class
MAX_HEADER_CHARS = 200


class ApiError(Exception):
    """A refusal with its HTTP status and a message for the caller."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True, slots=True)
class Caller:
    """Who made the request: a token's owner, or an anonymous reader (user None)."""

    user: User | None = None
    token: ApiToken | None = None

    @property
    def can_write(self) -> bool:
        return self.token is not None and self.token.scope == ApiToken.Scope.WRITE


class TokenAuth(HttpBearer):
    """``write=False``: anyone may call, a token (of either scope) identifies its owner;
    ``write=True``: a write-scope token is required."""

    def __init__(self, *, write: bool) -> None:
        super().__init__()
        self.write = write

    def __call__(self, request: HttpRequest) -> Caller:
        header = request.headers.get("Authorization", "").strip()
        if not header:
            if self.write:
                raise ApiError(
                    401,
                    "This needs an API token with the write scope, sent as "
                    "“Authorization: Bearer <token>”: make one on your profile page.",
                )
            return _counted(request, Caller(), "address", client_address(request) or "unknown")
        scheme, _, secret = header[:MAX_HEADER_CHARS].partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise ApiError(401, "Send the API token as “Authorization: Bearer <token>”.")
        token = token_authenticate(secret=secret.strip())
        if token is None:
            raise ApiError(
                401, "This API token is not valid: it was revoked, or it was never issued."
            )
        caller = _counted(request, Caller(user=token.user, token=token), "token", token.prefix)
        if self.write and not caller.can_write:
            raise ApiError(
                403,
                "This token has the read scope: changing anything needs a token with the "
                "write scope.",
            )
        return caller

    def authenticate(self, request: HttpRequest, token: str) -> Any:  # pragma: no cover
        raise NotImplementedError("TokenAuth.__call__ authenticates")


def _counted(request: HttpRequest, caller: Caller, kind: str, ident: str) -> Caller:
    decision = rate_hit(kind=kind, ident=ident)
    request.api_rate = decision  # type: ignore[attr-defined]  # headers of the response
    if not decision.allowed:
        raise ApiError(
            429,
            f"Too many requests: at most {decision.limit} per "
            f"{'token' if kind == 'token' else 'address'} in a window; try again in "
            f"{decision.reset_after} s.",
            {"Retry-After": str(decision.reset_after)},
        )
    return caller


def rate_headers(request: HttpRequest) -> dict[str, str]:
    decision: RateDecision | None = getattr(request, "api_rate", None)
    if decision is None:
        return {}
    return {
        "RateLimit-Limit": str(decision.limit),
        "RateLimit-Remaining": str(decision.remaining),
        "RateLimit-Reset": str(decision.reset_after),
    }


def caller_of(request: HttpRequest) -> Caller:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, Caller) else Caller()


def writer_of(request: HttpRequest) -> User:
    """The user behind a write-scope token (write operations only run with one)."""
    caller = caller_of(request)
    if caller.user is None or not caller.can_write:
        raise ApiError(403, "This needs an API token with the write scope.")
    return caller.user


read_auth = TokenAuth(write=False)
write_auth = TokenAuth(write=True)
# In the schema: reads may send a token, or none.
READ_SECURITY: dict[str, Any] = {"security": [{}]}  # added to ninja's [{SCHEME: []}]
