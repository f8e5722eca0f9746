"""The models and their migrations agree."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from cyclopedia.apps.editorial.append_only import TABLES


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_migrations_make_every_append_only_trigger(tmp_path: Path) -> None:
    """On a new SQLite database, the migrations alone (no test fixture) make each append-only
    trigger, including after migrations that rebuild those tables."""
    env = {**os.environ, "CYCLOPEDIA_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [str(Path(sys.executable).parent / "cyclopedia"), "manage", "migrate", "-v0"],
        env=env,
        check=True,
        capture_output=True,
    )
    database = tmp_path / "cyclopedia.sqlite3"
    with sqlite3.connect(database) as connection:
        names = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        for table in TABLES:
            assert {f"{table}_no_update", f"{table}_no_delete"} <= names, table
        connection.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name,"
            " email, is_staff, is_active, date_joined) VALUES ('x', 0, 'u', '', '', '', 0, 1,"
            " '2026-01-01')"
        )
        connection.execute(
            "INSERT INTO editorial_auditentry (actor_id, actor_name, action, subject, before,"
            " after, reason, created) VALUES (1, '', 'reverted', '', '{}', '{}', '',"
            " '2026-01-01')"
        )
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("UPDATE editorial_auditentry SET reason = 'changed'")
