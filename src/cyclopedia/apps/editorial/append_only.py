"""The tables that are append-only (POLICY.md §4) and the SQLite triggers that make them so.

Migrations editorial 0002/0003 and accounts 0002 create the triggers (PostgreSQL's live in those
migrations). Django's test runner empties SQLite tables with DELETE between transactional tests;
``sqlite_drop`` drops the triggers for that flush only, and ``sqlite_ensure`` puts them back.
"""

from __future__ import annotations

from typing import Any

TABLES = ("editorial_reviewevent", "editorial_auditentry", "accounts_rolechange")
MESSAGE = "append-only: rows of this table are never changed or deleted"
_EVENTS = ("update", "delete")


def sqlite_trigger_sql(table: str, event: str) -> str:
    return (
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_{event} BEFORE {event.upper()} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table}: {MESSAGE}'); END"
    )


def sqlite_ensure(connection: Any) -> None:
    """Create any missing append-only trigger (SQLite; nothing elsewhere)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for table in TABLES:
            for event in _EVENTS:
                cursor.execute(sqlite_trigger_sql(table, event))


def sqlite_drop(connection: Any) -> None:
    """Drop the append-only triggers (SQLite; nothing elsewhere): only for emptying a test
    database, after which ``sqlite_ensure`` makes them again."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for table in TABLES:
            for event in _EVENTS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_{event}")
