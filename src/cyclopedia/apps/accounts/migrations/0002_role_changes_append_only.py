"""Role changes are part of the audit trail (POLICY.md §4): triggers refuse to change or delete
a recorded one, as for the editorial audit log."""

from typing import Any

from django.db import migrations

TABLE = "accounts_rolechange"
MESSAGE = "append-only: rows of this table are never changed or deleted"

SQLITE = [
    f"""CREATE TRIGGER {TABLE}_no_{event} BEFORE {event.upper()} ON {TABLE}
        BEGIN SELECT RAISE(ABORT, '{TABLE}: {MESSAGE}'); END"""
    for event in ("update", "delete")
]
SQLITE_REVERSE = [f"DROP TRIGGER IF EXISTS {TABLE}_no_{event}" for event in ("update", "delete")]
# editorial_refuse_change() is made by editorial's migration 0002.
POSTGRES = [
    f"""CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION editorial_refuse_change()"""
]
POSTGRES_REVERSE = [f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}"]


def _run(by_vendor: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        if vendor not in by_vendor:
            raise RuntimeError(f"no append-only triggers for {vendor}: SQLite or PostgreSQL")
        for statement in by_vendor[vendor]:
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("editorial", "0002_append_only")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
