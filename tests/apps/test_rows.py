"""Rows inserted without model instances (apps/articles/rows.py): every column named, values
prepared as the ORM prepares them, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Model

from cyclopedia.apps.articles import facts, links
from cyclopedia.apps.articles.models import Article, InfoboxFact, Link, Revision
from cyclopedia.apps.articles.rows import insert_rows
from cyclopedia.apps.articles.services import source_get_or_create

pytestmark = pytest.mark.django_db


def columns(model: type[Model]) -> set[str]:
    meta = model._meta
    return {field.name for field in meta.concrete_fields if not field.primary_key}


@pytest.mark.parametrize(
    ("model", "names"), [(InfoboxFact, facts._FIELDS), (Link, links._LINK_FIELDS)]
)
def test_every_column_is_given_a_value(model: type[Model], names: tuple[str, ...]) -> None:
    # Model defaults are not applied to these rows: a new field must be named here too.
    assert set(names) == columns(model)
    assert len(names) == len(set(names))


def test_values_go_in_as_the_orm_would_put_them() -> None:
    article = Article.objects.create(title="Karbala")
    source = source_get_or_create(name="T", kind="text")
    revision = Revision.objects.create(
        article=article, source=source, source_text="x", content_hash="h"
    )
    row = {
        "article": article.pk,
        "revision": revision.pk,
        "position": 3,
        "part": 0,
        "key": "founded",
        "label": "Founded",
        "text": "c. 680 – ‘Ashura’",
        "date": dt.date(680, 1, 1),
        "date_end": dt.date(680, 12, 31),
        "date_precision": "year",
        "date_approximate": True,
        "place": "",
        "detail": "",
        "link_title": "",
        "linked_article": None,
    }
    insert_rows(InfoboxFact, facts._FIELDS, [tuple(row[name] for name in facts._FIELDS)])
    stored = InfoboxFact.objects.values(*(f"{name}_id" if name in ("article", "revision",
        "linked_article") else name for name in facts._FIELDS)).get()  # fmt: skip
    assert list(stored.values()) == [row[name] for name in facts._FIELDS]


def test_no_rows_no_statement() -> None:
    insert_rows(Link, links._LINK_FIELDS, [])
    assert not Link.objects.exists()
