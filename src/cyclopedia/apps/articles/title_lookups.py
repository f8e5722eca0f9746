"""Which articles titles lead to: the lookups made for every article written (its links and the
titles its infobox values may name, hundreds a page) and for every page shown.

Written as plain SQL over the models' own table and column names. Through the ORM, each title in
an ``IN (...)`` list went through the field's preparation one by one, which cost three times
the query itself (bench/import_stages.py, the write stage). Titles are normal titles (text),
which need no preparation. Long lists are asked in chunks, far below every backend's limit on
parameters.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from django.db import connection
from django.db.models import Field

from cyclopedia.apps.articles.models import Alias, Article

CHUNK = 2000


def _name(model: type[Article] | type[Alias], name: str) -> str:
    field: Field[Any, Any] = model._meta.get_field(name)  # type: ignore[assignment]
    return connection.ops.quote_name(str(field.column))


def _pairs(sql: str, titles: Collection[str]) -> Iterator[tuple[str, int]]:
    """Rows of ``sql`` (two columns, ``{titles}`` where the parameter list goes) for ``titles``."""
    wanted = list(titles)
    with connection.cursor() as cursor:
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            cursor.execute(sql.format(titles=", ".join(["%s"] * len(chunk))), chunk)
            yield from cursor.fetchall()


def published_ids(titles: Collection[str]) -> dict[str, int]:
    """The published articles with these titles: title -> article id."""
    if not titles:
        return {}
    table = connection.ops.quote_name(Article._meta.db_table)
    title, ident = _name(Article, "title"), _name(Article, "id")
    published = _name(Article, "published_revision")
    sql = (
        f"SELECT {title}, {ident} FROM {table} "  # noqa: S608 - names from the models
        f"WHERE {published} IS NOT NULL AND {title} IN ({{titles}})"
    )
    return dict(_pairs(sql, titles))


def alias_ids(titles: Collection[str], *, published: bool) -> dict[str, int]:
    """The aliases with these titles that lead to an article: alias title -> article id.
    ``published``: only those whose article is published."""
    if not titles:
        return {}
    aliases = connection.ops.quote_name(Alias._meta.db_table)
    title, article = _name(Alias, "title"), _name(Alias, "article")
    if published:
        articles = connection.ops.quote_name(Article._meta.db_table)
        sql = (
            f"SELECT a.{title}, a.{article} FROM {aliases} a "  # noqa: S608 - names from the models
            f"INNER JOIN {articles} b ON b.{_name(Article, 'id')} = a.{article} "
            f"WHERE b.{_name(Article, 'published_revision')} IS NOT NULL "
            f"AND a.{title} IN ({{titles}})"
        )
    else:
        sql = (
            f"SELECT {title}, {article} FROM {aliases} "  # noqa: S608 - names from the models
            f"WHERE {article} IS NOT NULL AND {title} IN ({{titles}})"
        )
    return dict(_pairs(sql, titles))
