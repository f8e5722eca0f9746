"""Rows inserted without model instances: the writer's largest inserts (an article's links and
infobox facts, hundreds a page) as one statement run many times.

``bulk_create`` builds a model instance per row and compiles each value through the ORM; for the
rows of an import that was most of the time spent writing them. Values still pass through their
field's ``get_db_prep_save`` (dates, for instance), as the ORM's own inserts do, unless the
caller says they are ready (ids and text).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import Field, Model


def insert_rows(
    model: type[Model],
    names: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    ready: bool = False,
) -> None:
    """Insert ``rows`` (values of the fields ``names``, in that order) into ``model``'s table.

    Every field the table needs a value for must be named: model defaults are not applied.
    ``ready``: the values need no preparation for the database (ints, text, None).
    """
    meta = model._meta
    fields: list[Field[Any, Any]] = [meta.get_field(name) for name in names]  # type: ignore[misc]
    columns = ", ".join(connection.ops.quote_name(str(field.column)) for field in fields)
    table = connection.ops.quote_name(meta.db_table)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 - names from the model
    if ready:
        params = [list(row) for row in rows]
    else:
        params = [
            [
                field.get_db_prep_save(value, connection)
                for field, value in zip(fields, row, strict=True)
            ]
            for row in rows
        ]
    if params:
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)
