"""PostgreSQL: words split as SQLite's tokenizer splits them; title words by prefix.

PostgreSQL's text parser keeps ``he/she``, ``2.5``, ``T-55``, ``example.com`` and hyphenated
words whole as file paths, numbers, hosts and compound words, where SQLite's ``unicode61`` (and
the query parser, ``query.py``) see separate words: the text is given to ``to_tsvector`` with
that punctuation made spaces, so that both databases find the same words. Title words get an
index in byte order for prefix ranges (SQLite compares bytes already).
"""

from collections.abc import Callable
from typing import Any

from django.db import migrations

# Characters PostgreSQL's parser joins words with; all are separators for unicode61.
_JOINERS = "-./:,;@_+~=&?#\\|<>()[]{}*!$^'\""
_SPACES = " " * len(_JOINERS)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_WORDS = f"translate(%s, {_literal(_JOINERS)}, {_literal(_SPACES)})"

FORWARD = [
    f"""CREATE OR REPLACE FUNCTION search_entry_document() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.document :=
            setweight(to_tsvector('cyclopedia', {_WORDS % "NEW.title"}), 'A')
            || setweight(to_tsvector('cyclopedia', {_WORDS % "NEW.aliases"}), 'B')
            || setweight(to_tsvector('cyclopedia', {_WORDS % "NEW.meta"}), 'C')
            || setweight(to_tsvector('cyclopedia', {_WORDS % "NEW.body"}), 'D')
            || setweight(to_tsvector('cyclopedia', {_WORDS % "NEW.extra"}), 'D');
        RETURN NEW;
    END
    $$""",
    # Entries made before this migration get their words again.
    "UPDATE search_searchentry SET body = body",
    'CREATE INDEX search_word_c ON search_searchword ((word COLLATE "C"))',
]

BACKWARD = [
    "DROP INDEX IF EXISTS search_word_c",
    """CREATE OR REPLACE FUNCTION search_entry_document() RETURNS trigger
    LANGUAGE plpgsql AS $$
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
]


def _run(statements: list[str]) -> Callable[[Any, Any], None]:
    def run(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
