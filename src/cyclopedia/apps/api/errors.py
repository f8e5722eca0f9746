"""Every API error is JSON: ``{"error": "<message>"}`` (and ``errors``, a list of field
problems, for an invalid request). Nothing leaks a traceback."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from cyclopedia.apps.api.auth import ApiError, rate_headers
from cyclopedia.apps.editorial.services import (
    EditorialError,
    InvalidSourceError,
)

logger = logging.getLogger(__name__)


class FieldProblem(Schema):
    location: str
    message: str


class ErrorOut(Schema):
    error: str
    errors: list[FieldProblem] | None = None


# What every operation may answer besides its own results.
COMMON_ERRORS = (401, 422, 429)


def error_responses(*codes: int) -> dict[int, type[ErrorOut]]:
    return dict.fromkeys(sorted({*COMMON_ERRORS, *codes}), ErrorOut)


def error_response(
    api: NinjaAPI,
    request: HttpRequest,
    status: int,
    message: str,
    *,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {"error": message}
    if errors is not None:
        body["errors"] = errors
    response = api.create_response(request, body, status=status)
    for name, value in {**rate_headers(request), **(headers or {})}.items():
        response[name] = value
    return response


_MESSAGES = {
    "string_pattern_mismatch": "must not contain NUL characters",
}


def _problem(error: dict[str, Any]) -> dict[str, str]:
    location = ".".join(str(part) for part in error.get("loc", ()) if part != "__root__")
    message = _MESSAGES.get(str(error.get("type")), str(error.get("msg", "is not valid")))
    return {"location": location[:200], "message": message[:300]}


def install_handlers(api: NinjaAPI) -> None:
    def handle(exc_class: type[Exception]) -> Callable[[Callable[..., Any]], Any]:
        return api.exception_handler(exc_class)

    @handle(ApiError)
    def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return error_response(api, request, exc.status, exc.message, headers=exc.headers)

    @handle(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        problems = [_problem(error) for error in exc.errors[:20]]
        summary = "; ".join(f"{p['location']}: {p['message']}" for p in problems[:5])
        return error_response(
            api, request, 422, f"The request is not valid: {summary}.", errors=problems
        )

    @handle(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(api, request, 401, "This needs an API token.")

    @handle(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        message = str(exc.message)
        if message == "Cannot parse request body":
            message = "The request body is not valid JSON."
        return error_response(api, request, exc.status_code, message)

    @handle(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(api, request, 404, str(exc) if exc.args else "Not found.")

    @handle(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        message = str(exc) if exc.args else "You may not do this."
        return error_response(api, request, 403, message)

    @handle(EditorialError)
    def refused(request: HttpRequest, exc: EditorialError) -> HttpResponse:
        # The text itself is wrong: 400; the submission's state or version forbids it: 409.
        status = 400 if isinstance(exc, InvalidSourceError) else 409
        return error_response(api, request, status, str(exc))

    @handle(Exception)
    def failed(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API request failed: %s %s", request.method, request.path[:200])
        return error_response(
            api, request, 500, "Something went wrong on our side; it has been logged."
        )
