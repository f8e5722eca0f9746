"""The API's routers, one module per kind of resource, and what they share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest

from cyclopedia.apps.api.auth import ApiError

T = TypeVar("T")


def paged(
    request: HttpRequest,
    rows: QuerySet[Any] | Sequence[T],
    *,
    limit: int,
    offset: int,
    present: Callable[[Any], dict[str, Any]],
) -> dict[str, Any]:
    """One page of ``rows``: the total, the page's rows presented, the next page's URL."""
    count = rows.count() if isinstance(rows, QuerySet) else len(rows)
    results = [present(row) for row in rows[offset : offset + limit]]
    following = None
    if offset + limit < count:
        query = request.GET.copy()
        query["offset"] = str(offset + limit)
        query["limit"] = str(limit)
        following = request.build_absolute_uri(request.path + "?" + query.urlencode())
    return {"count": count, "limit": limit, "offset": offset, "next": following, "results": results}


def moment(value: str, name: str) -> dt.datetime | None:
    """An ISO 8601 date or date and time from a query, in UTC (UTC when it names no zone)."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=dt.UTC)
        return parsed.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        raise ApiError(422, f"{name} is not a valid date and time: “{value[:40]}”.") from None


def clean(value: str) -> str:
    """A filter value with its whitespace collapsed."""
    return " ".join(value.split())
