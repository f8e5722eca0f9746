"""Titles are no longer searched by trigrams: suggestions respell what was typed from the words
of titles (selectors.py), which costs a few lookups in the small word table where a trigram
search of every title cost up to 200 ms at 100,000 articles. The title word trigrams stay."""

from collections.abc import Callable
from typing import Any

from django.db import migrations

SQLITE = [
    *(f"DROP TRIGGER IF EXISTS search_searchtitle_{event}" for event in ("ai", "ad", "au")),
    "DROP TABLE IF EXISTS search_searchtitle_trgm",
]
SQLITE_REVERSE = [
    """CREATE VIRTUAL TABLE search_searchtitle_trgm USING fts5(
        folded, content='search_searchtitle', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER search_searchtitle_ai AFTER INSERT ON search_searchtitle BEGIN
        INSERT INTO search_searchtitle_trgm(rowid, folded) VALUES (new.id, new.folded);
    END""",
    """CREATE TRIGGER search_searchtitle_ad AFTER DELETE ON search_searchtitle BEGIN
        INSERT INTO search_searchtitle_trgm(search_searchtitle_trgm, rowid, folded)
        VALUES ('delete', old.id, old.folded);
    END""",
    """CREATE TRIGGER search_searchtitle_au AFTER UPDATE OF folded ON search_searchtitle BEGIN
        INSERT INTO search_searchtitle_trgm(search_searchtitle_trgm, rowid, folded)
        VALUES ('delete', old.id, old.folded);
        INSERT INTO search_searchtitle_trgm(rowid, folded) VALUES (new.id, new.folded);
    END""",
    "INSERT INTO search_searchtitle_trgm(search_searchtitle_trgm) VALUES ('rebuild')",
]
POSTGRES = ["DROP INDEX IF EXISTS search_title_trgm"]
POSTGRES_REVERSE = [
    "CREATE INDEX search_title_trgm ON search_searchtitle USING gin (folded gin_trgm_ops)"
]


def _run(statements_by_vendor: dict[str, list[str]]) -> Callable[[Any, Any], None]:
    def run(apps: Any, schema_editor: Any) -> None:
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0005_searchchange")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
