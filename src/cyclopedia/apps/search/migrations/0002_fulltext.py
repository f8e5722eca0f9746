"""The database-specific full-text index beside the search tables.

SQLite: FTS5 tables over the entries (words; ``unicode61`` folds case and diacritics) and over
titles and title words (``trigram``, for typo-tolerant matches), kept in step by triggers.
PostgreSQL: a ``cyclopedia`` text search configuration (``simple`` with ``unaccent``), a
weighted ``tsvector`` column filled by a trigger, and GIN indexes (``pg_trgm`` for titles and
words).
"""

from collections.abc import Callable
from typing import Any

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, aliases, meta, body, extra,
        content='search_searchentry', content_rowid='article_id',
        tokenize="unicode61 remove_diacritics 2")""",
    """CREATE TRIGGER search_entry_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, aliases, meta, body, extra)
        VALUES (new.article_id, new.title, new.aliases, new.meta, new.body, new.extra);
    END""",
    """CREATE TRIGGER search_entry_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, aliases, meta, body, extra)
        VALUES ('delete', old.article_id, old.title, old.aliases, old.meta, old.body, old.extra);
    END""",
    """CREATE TRIGGER search_entry_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, aliases, meta, body, extra)
        VALUES ('delete', old.article_id, old.title, old.aliases, old.meta, old.body, old.extra);
        INSERT INTO search_fts(rowid, title, aliases, meta, body, extra)
        VALUES (new.article_id, new.title, new.aliases, new.meta, new.body, new.extra);
    END""",
]
for _table, _column in (("searchtitle", "folded"), ("searchword", "word")):
    SQLITE += [
        f"""CREATE VIRTUAL TABLE search_{_table}_trgm USING fts5(
            {_column}, content='search_{_table}', content_rowid='id', tokenize='trigram')""",
        f"""CREATE TRIGGER search_{_table}_ai AFTER INSERT ON search_{_table} BEGIN
            INSERT INTO search_{_table}_trgm(rowid, {_column}) VALUES (new.id, new.{_column});
        END""",
        f"""CREATE TRIGGER search_{_table}_ad AFTER DELETE ON search_{_table} BEGIN
            INSERT INTO search_{_table}_trgm(search_{_table}_trgm, rowid, {_column})
            VALUES ('delete', old.id, old.{_column});
        END""",
        f"""CREATE TRIGGER search_{_table}_au AFTER UPDATE OF {_column} ON search_{_table} BEGIN
            INSERT INTO search_{_table}_trgm(search_{_table}_trgm, rowid, {_column})
            VALUES ('delete', old.id, old.{_column});
            INSERT INTO search_{_table}_trgm(rowid, {_column}) VALUES (new.id, new.{_column});
        END""",
    ]

SQLITE_REVERSE = [
    *(
        f"DROP TRIGGER IF EXISTS search_{name}_{event}"
        for name in ("entry", "searchtitle", "searchword")
        for event in ("ai", "ad", "au")
    ),
    "DROP TABLE IF EXISTS search_fts",
    "DROP TABLE IF EXISTS search_searchtitle_trgm",
    "DROP TABLE IF EXISTS search_searchword_trgm",
]

POSTGRES = [
    # Both extensions are "trusted": a database owner may create them without being superuser.
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TEXT SEARCH CONFIGURATION cyclopedia (COPY = simple)",
    """ALTER TEXT SEARCH CONFIGURATION cyclopedia
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
        WITH unaccent, simple""",
    "ALTER TABLE search_searchentry ADD COLUMN document tsvector",
    """CREATE FUNCTION search_entry_document() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.document :=
            setweight(to_tsvector('cyclopedia', NEW.title), 'A')
            || setweight(to_tsvector('cyclopedia', NEW.aliases), 'B')
            || setweight(to_tsvector('cyclopedia', NEW.meta), 'C')
            || setweight(to_tsvector('cyclopedia', NEW.body), 'D')
            || setweight(to_tsvector('cyclopedia', NEW.extra), 'D');
        RETURN NEW;
    END
    $$""",
    """CREATE TRIGGER search_entry_document BEFORE INSERT OR UPDATE ON search_searchentry
        FOR EACH ROW EXECUTE FUNCTION search_entry_document()""",
    "CREATE INDEX search_entry_document ON search_searchentry USING gin (document)",
    'CREATE INDEX search_title_folded_c ON search_searchtitle ((folded COLLATE "C"))',
    "CREATE INDEX search_title_trgm ON search_searchtitle USING gin (folded gin_trgm_ops)",
    "CREATE INDEX search_word_trgm ON search_searchword USING gin (word gin_trgm_ops)",
]

POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_word_trgm",
    "DROP INDEX IF EXISTS search_title_trgm",
    "DROP INDEX IF EXISTS search_title_folded_c",
    "DROP TRIGGER IF EXISTS search_entry_document ON search_searchentry",
    "DROP FUNCTION IF EXISTS search_entry_document()",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS document",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS cyclopedia",
]


def _run(statements_by_vendor: dict[str, list[str]]) -> Callable[[Any, Any], None]:
    def run(apps: Any, schema_editor: Any) -> None:
        statements = statements_by_vendor.get(schema_editor.connection.vendor)
        if statements is None:
            raise RuntimeError(
                f"search has no backend for {schema_editor.connection.vendor}: "
                "use SQLite or PostgreSQL"
            )
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
