"""Publishing a new article skips replacing what it cannot have yet; a later revision replaces
its categories, names, links and facts all the same. Its links to itself, its names and the
redirects that waited for it show as links to it."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cyclopedia.apps.articles.contributions import revision_contribute
from cyclopedia.apps.articles.links import resolved_titles
from cyclopedia.apps.articles.models import Alias, Article, InfoboxFact, Link, Source
from cyclopedia.apps.articles.services import (
    ImportOutcome,
    alias_import,
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


def import_plain(title: str) -> Source:
    """Import an article of that title with nothing in it; its source."""
    source = source_get_or_create(name="T", kind="text")
    plain = Document(
        title=title,
        body="Text.",
        attribution=Attribution(source_title=title, source_name="T"),
        license=get_license("CC-BY-SA-4.0"),
    )
    article_import_document(document=plain, source=source)
    return source


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


def alias_writes_and_redirect_reads(queries: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith(('UPDATE "articles_alias"', 'DELETE FROM "articles_alias"'))
        or "'redirect'" in q["sql"]
    ]


def test_an_article_no_alias_names_looks_for_no_redirect() -> None:
    doc = document("On the [[Euphrates]].", category="Cities", name="Kerbala", founded="680")
    with CaptureQueriesContext(connection) as queries:
        assert publish(doc) is ImportOutcome.CREATED
    # No redirect to take over, wait for or hop through: none is looked for or moved.
    assert alias_writes_and_redirect_reads(queries) == []
    assert state() == (["Cities"], ["Kerbala"], ["Euphrates"], ["680"])


def test_a_redirect_that_came_first_still_leads_to_the_new_article() -> None:
    source = source_get_or_create(name="T", kind="text")
    alias_import(title="Kerbela", target="Karbala", source=source)
    alias_import(title="Kerbelā", target="Kerbela", source=source)  # one hop further
    doc = document("On the [[Euphrates]].", category="Cities", name="Kerbala", founded="680")
    with CaptureQueriesContext(connection) as queries:
        assert publish(doc) is ImportOutcome.CREATED
    assert alias_writes_and_redirect_reads(queries) != []
    article = Article.objects.get(title="Karbala")
    leading = Alias.objects.filter(article=article).values_list("title", flat=True)
    assert sorted(leading) == ["Kerbala", "Kerbela", "Kerbelā"]


def test_the_links_of_a_new_article_lead_where_a_lookup_after_publishing_does() -> None:
    """The writer looks its links up once, before publishing; what publishing changes (the
    article's title, its names, the redirects that waited for it) must show all the same."""
    source = import_plain("Euphrates")
    alias_import(title="Kerbela", target="Karbala", source=source)  # waits for the article
    alias_import(title="Al-Furat", target="Euphrates", source=source)
    body = (
        "[[Karbala]] ([[Kerbala]], [[Kerbela]]) lies on the [[Euphrates]] ([[Al-Furat]]), "
        "not the [[Nowhere river]]."
    )
    doc = document(body, category="Cities", name="Kerbala", founded="680")
    with CaptureQueriesContext(connection) as queries:
        assert publish(doc) is ImportOutcome.CREATED
    # Stored right at once: no link is repaired afterwards (which would re-render the article).
    assert link_repairs(queries) == []
    article = Article.objects.get(title="Karbala")
    stored = dict(Link.objects.filter(from_article=article).values_list("target_title", "target"))
    fresh = resolved_titles(stored)
    assert stored == {title: fresh.get(title) for title in stored}
    assert stored["Karbala"] == stored["Kerbala"] == stored["Kerbela"] == article.pk
    assert stored["Al-Furat"] == stored["Euphrates"] != article.pk
    assert stored["Nowhere river"] is None
    # The page shows them as the links table has them: only the missing article is missing.
    assert missing_marked(article) == ["Nowhere river"]


def link_repairs(queries: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('UPDATE "articles_link"')
    ]


def missing_marked(article: Article) -> list[str]:
    revision = Article.objects.get(pk=article.pk).published_revision
    assert revision is not None
    return re.findall(
        r'class="wikilink new" href="[^"]*" title="([^"]*) \(no article', revision.html
    )


def test_a_contributed_article_links_to_itself_and_its_names() -> None:
    author = User.objects.create_user("writer")
    doc = document(
        "[[Karbala]], or [[Kerbala]], not [[Nowhere]].", category="C", name="Kerbala", founded="680"
    )
    revision = revision_contribute(
        document=doc, article=None, author=author, summary="New", parent=None
    )
    assert missing_marked(revision.article) == ["Nowhere"]


def test_an_article_taking_over_a_redirect_s_title_links_where_a_lookup_would() -> None:
    """The redirect "Karbala" led to the governorate, and "Kerbela" reached it through that
    one; published as an article, "Karbala" takes both over."""
    source = import_plain("Karbala Governorate")
    alias_import(title="Karbala", target="Karbala Governorate", source=source)
    alias_import(title="Kerbela", target="Karbala", source=source)
    body = "[[Karbala]] ([[Kerbela]]) is the seat of [[Karbala Governorate]]."
    with CaptureQueriesContext(connection) as queries:
        assert publish(document(body, category="C", name="Kerbala", founded="680")) is (
            ImportOutcome.CREATED
        )
    assert link_repairs(queries) == []
    article = Article.objects.get(title="Karbala")
    stored = dict(Link.objects.filter(from_article=article).values_list("target_title", "target"))
    fresh = resolved_titles(stored)
    assert stored == {title: fresh.get(title) for title in stored}
    assert stored["Karbala"] == stored["Kerbela"] == article.pk != stored["Karbala Governorate"]
    assert missing_marked(article) == []


def test_a_new_revision_shows_the_names_it_drops_and_adds_as_they_lead() -> None:
    first = document("[[Kerbala]].", category="C", name="Kerbala", founded="680")
    assert publish(first) is ImportOutcome.CREATED
    article = Article.objects.get(title="Karbala")
    assert missing_marked(article) == []
    second = document("[[Kerbala]] or [[Karbalā]].", category="C", name="Karbalā", founded="680")
    assert publish(second) is ImportOutcome.UPDATED
    assert missing_marked(article) == ["Kerbala"]  # no longer one of its names
