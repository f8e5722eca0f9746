"""PostgreSQL: the heavily weighted fields in small ``tsvector`` columns of their own.

A query matching very many articles is ranked among fewer of them (backends/base.py): those
that match in their title, names, infobox or categories (``head``), or in their title and names
(``names``). These vectors are small, so they are stored in the row (not out of line, as the
whole document's often is) and ranking them reads little. SQLite searches the same fields by
FTS5 column filters and needs nothing new.
"""

from collections.abc import Callable
from typing import Any

from django.db import migrations

_JOINERS = "-./:,;@_+~=&?#\\|<>()[]{}*!$^'\""  # as in 0003: punctuation made spaces
_SPACES = " " * len(_JOINERS)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _vector(column: str, weight: str) -> str:
    words = f"translate(NEW.{column}, {_literal(_JOINERS)}, {_literal(_SPACES)})"
    return f"setweight(to_tsvector('cyclopedia', {words}), '{weight}')"


FORWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN head tsvector, ADD COLUMN names tsvector",
    f"""CREATE OR REPLACE FUNCTION search_entry_document() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.names := {_vector("title", "A")} || {_vector("aliases", "B")};
        NEW.head := NEW.names || {_vector("meta", "C")};
        NEW.document := NEW.head || {_vector("body", "D")} || {_vector("extra", "D")};
        RETURN NEW;
    END
    $$""",
    "UPDATE search_searchentry SET body = body",
    "CREATE INDEX search_entry_head ON search_searchentry USING gin (head)",
    "CREATE INDEX search_entry_names ON search_searchentry USING gin (names)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_names",
    "DROP INDEX IF EXISTS search_entry_head",
    f"""CREATE OR REPLACE FUNCTION search_entry_document() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.document := {_vector("title", "A")} || {_vector("aliases", "B")}
            || {_vector("meta", "C")} || {_vector("body", "D")} || {_vector("extra", "D")};
        RETURN NEW;
    END
    $$""",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS names, DROP COLUMN IF EXISTS head",
]


def _run(statements: list[str]) -> Callable[[Any, Any], None]:
    def run(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_postgres_words")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
