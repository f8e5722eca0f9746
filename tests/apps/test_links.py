"""Wiki links: missing targets marked, refreshed when the target appears; what links here."""

from __future__ import annotations

import lxml.html
import pytest
from django.test import Client

from cyclopedia.apps.articles.models import Article, Link
from cyclopedia.apps.articles.services import article_import_document, source_get_or_create
from cyclopedia.document import Attribution, Document, get_license

pytestmark = pytest.mark.django_db

BODY = """Lead paragraph about the [[Mahdi Army]] and [[Karbala|a city]].

## History

Text.

## Organisation

Text.

## Legacy

Text.
"""


def publish(title: str, body: str, **kwargs: object) -> None:
    document = Document(
        title=title,
        body=body,
        attribution=Attribution(source_title=title, source_url="https://example.org/" + title),
        license=get_license("CC-BY-SA-4.0"),
        **kwargs,  # type: ignore[arg-type]
    )
    article_import_document(document=document, source=source_get_or_create(name="T", kind="text"))


def links(client: Client, path: str) -> dict[str, str]:
    page = lxml.html.fromstring(client.get(path).content)
    return {
        a.text_content(): a.get("class") for a in page.xpath("//a[contains(@class, 'wikilink')]")
    }


def test_a_red_link_turns_blue_when_its_target_is_imported(client: Client) -> None:
    publish("Asa'ib Ahl al-Haq", BODY, categories=("Militant groups",))
    assert links(client, "/wiki/Asa'ib_Ahl_al-Haq") == {
        "Mahdi Army": "wikilink new",
        "a city": "wikilink new",
    }
    publish("Mahdi Army", "A militia.")
    assert links(client, "/wiki/Asa'ib_Ahl_al-Haq") == {
        "Mahdi Army": "wikilink",
        "a city": "wikilink new",
    }
    link = Link.objects.get(target_title="Mahdi Army")
    assert link.target == Article.objects.get(title="Mahdi Army")


def test_an_alias_of_a_new_article_also_resolves_links(client: Client) -> None:
    publish("Asa'ib Ahl al-Haq", BODY)
    publish("City of Karbala", "A city.", aliases=("Karbala",))
    assert links(client, "/wiki/Asa'ib_Ahl_al-Haq")["a city"] == "wikilink"


def test_what_links_here_lists_linking_articles(client: Client) -> None:
    publish("Asa'ib Ahl al-Haq", BODY)
    publish("Mahdi Army", "A militia.")
    page = lxml.html.fromstring(client.get("/links-here/Mahdi_Army").content)
    assert page.xpath("//main//li/a/text()") == ["Asa'ib Ahl al-Haq"]
    empty = client.get("/links-here/Asa'ib_Ahl_al-Haq").content
    assert b"No article links here yet" in empty


def test_longer_articles_show_contents_and_categories(client: Client) -> None:
    publish("Asa'ib Ahl al-Haq", BODY, categories=("Militant groups", "Iraq"))
    page = lxml.html.fromstring(client.get("/wiki/Asa'ib_Ahl_al-Haq").content)
    # The body's sections, then the page's own: categories, source and licence.
    assert page.xpath('//nav[@class="toc"]//a/@href') == [
        "#History",
        "#Organisation",
        "#Legacy",
        "#categories-heading",
        "#attribution-heading",
    ]
    assert page.xpath('//h2[@id="History"]/text()') == ["History"]
    assert page.xpath('//section[@class="categories"]//li/a/text()') == ["Iraq", "Militant groups"]
    assert page.xpath('//section[@class="categories"]//li/a/@href') == [
        "/category/Iraq",
        "/category/Militant_groups",
    ]


def test_the_server_error_page_needs_no_database(rf: object) -> None:
    from cyclopedia.apps.pages.views import server_error

    response = server_error(rf.get("/"))  # type: ignore[attr-defined]
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


def test_a_link_to_a_removed_alternative_name_turns_red_again(client: Client) -> None:
    publish("Asa'ib Ahl al-Haq", BODY)
    publish("City of Karbala", "A city.", aliases=("Karbala",))
    assert links(client, "/wiki/Asa'ib_Ahl_al-Haq")["a city"] == "wikilink"
    publish("City of Karbala", "A city, renamed.")
    assert links(client, "/wiki/Asa'ib_Ahl_al-Haq")["a city"] == "wikilink new"
    assert client.get("/wiki/Karbala").status_code == 404


def test_links_to_articles_later_in_the_same_batch_turn_blue_at_its_end(client: Client) -> None:
    from cyclopedia.apps.ingest.services import documents_ingest, import_run_start

    def document(title: str, body: str) -> Document:
        return Document(
            title=title,
            body=body,
            attribution=Attribution(source_title=title, source_name="T"),
            license=get_license("CC-BY-SA-4.0"),
        )

    run = import_run_start(path="batch", format="text", options={})
    documents_ingest(
        run=run,
        items=[document("Asa'ib Ahl al-Haq", BODY), document("Mahdi Army", "A militia.")],
    )
    assert links(client, "/wiki/Asa'ib_Ahl_al-Haq")["Mahdi Army"] == "wikilink"


def test_a_retargeted_redirect_moves_the_links_that_use_it(client: Client) -> None:
    from cyclopedia.apps.articles.services import alias_import

    publish("Page", "See [[Old name]].")
    publish("First target", "One.")
    publish("Second target", "Two.")
    alias_import(title="Old name", target="First target")
    assert Link.objects.get(target_title="Old name").target.title == "First target"  # type: ignore[union-attr]
    alias_import(title="Old name", target="Second target")
    assert Link.objects.get(target_title="Old name").target.title == "Second target"  # type: ignore[union-attr]


def test_an_article_takes_over_the_name_of_a_redirect(client: Client) -> None:
    from cyclopedia.apps.articles.models import Alias
    from cyclopedia.apps.articles.services import alias_import

    publish("Page", "See [[Shared name]].")
    publish("Elsewhere", "One.")
    alias_import(title="Shared name", target="Elsewhere")
    publish("Shared name", "Now an article of its own.")
    assert not Alias.objects.filter(title="Shared name").exists()
    assert Link.objects.get(target_title="Shared name").target.title == "Shared name"  # type: ignore[union-attr]
    assert client.get("/wiki/Shared_name").status_code == 200


@pytest.mark.parametrize("order", ["article first", "redirects first", "outer redirect first"])
def test_a_redirect_to_a_redirect_follows_one_hop(order: str) -> None:
    """The alias keeps the title its source names and leads one hop further, whatever the order
    in which the three pages arrive."""
    from cyclopedia.apps.articles.models import Alias
    from cyclopedia.apps.articles.services import alias_import

    steps = {
        "final": lambda: publish("Final", "The article."),
        "middle": lambda: alias_import(title="Middle", target="Final"),
        "first": lambda: alias_import(title="First", target="Middle"),
    }
    sequence = {
        "article first": ["final", "middle", "first"],
        "redirects first": ["middle", "first", "final"],
        "outer redirect first": ["first", "middle", "final"],
    }[order]
    for step in sequence:
        steps[step]()
    alias = Alias.objects.get(title="First")
    assert (alias.target_title, alias.article.title) == ("Middle", "Final")  # type: ignore[union-attr]
    # When the middle title becomes an article of its own, the outer redirect leads there.
    publish("Middle", "An article now.")
    alias.refresh_from_db()
    assert alias.article.title == "Middle"  # type: ignore[union-attr]
