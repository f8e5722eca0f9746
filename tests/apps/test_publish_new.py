"""Publishing a new article skips replacing what it cannot have yet; a later revision replaces
its categories, names, links and facts all the same."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cyclopedia.apps.articles.models import Alias, Article, InfoboxFact, Link
from cyclopedia.apps.articles.services import (
    ImportOutcome,
    article_import_document,
    source_get_or_create,
)
from cyclopedia.document import Attribution, Document, Infobox, InfoboxField, get_license

pytestmark = pytest.mark.django_db


def document(body: str, *, category: str, name: str, founded: str) -> Document:
    return Document(
        title="Karbala",
        body=body,
        attribution=Attribution(source_title="Karbala", source_name="T"),
        license=get_license("CC-BY-SA-4.0"),
        categories=(category,),
        aliases=(name,),
        infobox=Infobox((InfoboxField("Founded", founded),)),
    )


def publish(doc: Document) -> ImportOutcome:
    return article_import_document(document=doc, source=source_get_or_create(name="T", kind="text"))


def state() -> tuple[list[str], list[str], list[str], list[str]]:
    article = Article.objects.get(title="Karbala")
    return (
        sorted(article.categories.values_list("name", flat=True)),
        sorted(Alias.objects.filter(article=article).values_list("title", flat=True)),
        sorted(Link.objects.filter(from_article=article).values_list("target_title", flat=True)),
        sorted(InfoboxFact.objects.filter(article=article).values_list("text", flat=True)),
    )


def test_a_new_article_deletes_nothing_and_a_new_revision_replaces_everything() -> None:
    first = document("On the [[Euphrates]].", category="Cities", name="Kerbala", founded="680")
    with CaptureQueriesContext(connection) as queries:
        assert publish(first) is ImportOutcome.CREATED
    deletes = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('DELETE FROM "articles_')
    ]
    # Only a redirect that stood in for its title may go; nothing was the article's yet.
    assert all('"articles_alias"."title" =' in sql for sql in deletes), deletes
    assert state() == (["Cities"], ["Kerbala"], ["Euphrates"], ["680"])

    second = document("On the [[Tigris]].", category="Holy cities", name="Karbalā", founded="681")
    assert publish(second) is ImportOutcome.UPDATED
    assert state() == (["Holy cities"], ["Karbalā"], ["Tigris"], ["681"])
