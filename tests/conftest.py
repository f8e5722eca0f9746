"""Paths shared by the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SEED = DATA / "text" / "qais-al-khazali.txt"
SEED_URL = "https://en.wikipedia.org/wiki/Qais_al-Khazali"


# Whether a transactional test's flush left the SQLite append-only triggers dropped.
_TRIGGERS_DROPPED = False


@pytest.fixture(autouse=True)
def _append_only_tables(request: pytest.FixtureRequest) -> Iterator[None]:
    """Append-only tables stay append-only in every test; a transactional test's flush, which
    empties SQLite tables with DELETE, runs without their triggers, and the next database test
    makes them again. PostgreSQL flushes with TRUNCATE, which the triggers do not see."""
    global _TRIGGERS_DROPPED
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or bool(
        marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    )
    if marker is None and "db" not in request.fixturenames and not transactional:
        yield
        return
    from django.db import connection

    from cyclopedia.apps.editorial.append_only import sqlite_drop, sqlite_ensure

    request.getfixturevalue("transactional_db" if transactional else "db")
    if _TRIGGERS_DROPPED:
        sqlite_ensure(connection)
        _TRIGGERS_DROPPED = False
    yield
    if transactional and connection.vendor == "sqlite":
        sqlite_drop(connection)  # for the flush that follows
        _TRIGGERS_DROPPED = True


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """Each test starts with empty caches (a test's rolled-back data must not be found cached by
    the next one)."""
    yield
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
