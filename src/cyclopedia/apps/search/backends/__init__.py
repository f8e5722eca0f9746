"""Search backends, one per database: the one in use is chosen by the connection's vendor."""

from __future__ import annotations

from django.db import connection

from cyclopedia.apps.search.backends.base import (
    Filters,
    Hit,
    HitPage,
    SearchBackend,
    TitleCandidate,
)
from cyclopedia.apps.search.backends.postgres import PostgresBackend
from cyclopedia.apps.search.backends.sqlite import SQLiteBackend

__all__ = ["Filters", "Hit", "HitPage", "SearchBackend", "TitleCandidate", "backend"]

_BACKENDS: dict[str, SearchBackend] = {
    "sqlite": SQLiteBackend(),
    "postgresql": PostgresBackend(),
}


def backend() -> SearchBackend:
    """The search backend of the default database."""
    try:
        return _BACKENDS[connection.vendor]
    except KeyError:
        raise RuntimeError(
            f"search has no backend for {connection.vendor}: use SQLite or PostgreSQL"
        ) from None
