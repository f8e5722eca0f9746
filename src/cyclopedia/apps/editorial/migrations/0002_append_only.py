"""The review history and the audit log are append-only (POLICY.md §4): triggers refuse to
change or delete their rows, whatever code or person runs the statement.

PostgreSQL's TRUNCATE (used by test-database flushes) is not refused; nor is anything done by
a database superuser who drops the triggers first, which no application code does.
"""

from typing import Any

from django.db import migrations

TABLES = ("editorial_reviewevent", "editorial_auditentry")
MESSAGE = "append-only: rows of this table are never changed or deleted"

SQLITE = [
    f"""CREATE TRIGGER {table}_no_{event} BEFORE {event.upper()} ON {table}
        BEGIN SELECT RAISE(ABORT, '{table}: {MESSAGE}'); END"""
    for table in TABLES
    for event in ("update", "delete")
]
SQLITE_REVERSE = [
    f"DROP TRIGGER IF EXISTS {table}_no_{event}" for table in TABLES for event in ("update", "delete")
]

POSTGRES = [
    f"""CREATE FUNCTION editorial_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '%: {MESSAGE}', TG_TABLE_NAME; END $$""",
    *(
        f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION editorial_refuse_change()"""
        for table in TABLES
    ),
]
POSTGRES_REVERSE = [
    *(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}" for table in TABLES),
    "DROP FUNCTION IF EXISTS editorial_refuse_change()",
]


def _run(by_vendor: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        if vendor not in by_vendor:
            raise RuntimeError(f"no append-only triggers for {vendor}: SQLite or PostgreSQL")
        for statement in by_vendor[vendor]:
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
