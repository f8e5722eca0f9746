"""The search page, suggestions, the JSON API and the OpenSearch description."""

from __future__ import annotations

import json
from typing import Any

import lxml.etree
import lxml.html
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .conftest import Publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(publish: Publish) -> None:
    publish(
        "Qais al-Khazali",
        "Qais al-Khazali founded Asa'ib Ahl al-Haq. He was arrested in Basra.",
        aliases=("Qayis Khazali",),
    )
    publish("Andorra", "A small country. Not Basra.", license="CC-BY-SA-3.0")


def test_search_page_lists_ranked_results(client: Client, articles: None) -> None:
    response = client.get("/search", {"q": "Basra"})
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content)
    assert sorted(page.xpath("//a[@class='search-result__title']/text()")) == [
        "Andorra",
        "Qais al-Khazali",
    ]
    assert "2 articles found" in page.xpath("string(//p[@class='search-count'])")
    assert page.xpath("//p[@class='search-result__snippet']/mark/text()")[0] == "Basra"


def test_an_exact_title_or_alias_goes_to_the_article(client: Client, articles: None) -> None:
    assert client.get("/search", {"q": "qayis khazali"})["Location"] == "/wiki/Qais_al-Khazali"
    assert client.get("/search", {"q": "ANDORRA"})["Location"] == "/wiki/Andorra"
    # ...unless the reader asks for full-text results.
    assert client.get("/search", {"q": "Andorra", "fulltext": "1"}).status_code == 200


def test_filters_and_pages_in_the_query_string(client: Client, articles: None) -> None:
    response = client.get("/search", {"q": "Basra", "license": "CC-BY-SA-3.0"})
    page = lxml.html.fromstring(response.content)
    assert page.xpath("//a[@class='search-result__title']/text()") == ["Andorra"]
    assert page.xpath("//select[@name='license']/option[@selected]/text()") == ["CC-BY-SA-3.0"]


def test_did_you_mean_links_to_the_respelled_search(client: Client, articles: None) -> None:
    page = lxml.html.fromstring(client.get("/search", {"q": "Andora country"}).content)
    link = page.xpath("//p[@class='did-you-mean']/a")[0]
    assert link.text_content() == "Andorra country"
    assert link.get("href") == "/search?q=Andorra%20country&fulltext=1"


def test_the_search_box_is_a_plain_form_on_every_page(client: Client, articles: None) -> None:
    page = lxml.html.fromstring(client.get("/wiki/Andorra").content)
    form = page.xpath("//form[@role='search']")[0]
    assert form.get("action") == "/search"
    assert form.get("method") == "get"
    assert form.xpath(".//input/@name") == ["q"]
    assert form.xpath(".//input/@data-suggest") == ["/search/suggest"]
    assert page.xpath("//link[@rel='search']/@href") == ["/opensearch.xml"]


def test_suggestions_in_the_opensearch_format(client: Client, articles: None) -> None:
    response = client.get("/search/suggest", {"q": "Qa"})
    assert response["Content-Type"] == "application/x-suggestions+json"
    query, titles, descriptions, urls = json.loads(response.content)
    assert query == "Qa"
    assert titles == ["Qais al-Khazali"]
    assert descriptions[0].startswith("Qais al-Khazali founded")
    assert urls == ["http://testserver/wiki/Qais_al-Khazali"]


def test_json_results(client: Client, articles: None) -> None:
    response = client.get("/api/v1/search", {"q": "Basra", "license": "CC-BY-SA-3.0"})
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["total"] == 1
    assert body["page"] == 1
    (result,) = body["results"]
    assert result["title"] == "Andorra"
    assert result["url"] == "http://testserver/wiki/Andorra"
    assert result["license"] == "CC-BY-SA-3.0"
    assert "<mark>Basra</mark>" in result["snippet"]
    assert isinstance(result["score"], float)


def test_json_without_a_query_is_a_clear_error(client: Client) -> None:
    response = client.get("/api/v1/search")
    assert response.status_code == 400
    assert "q is required" in json.loads(response.content)["error"]


def test_opensearch_description(client: Client) -> None:
    response = client.get("/opensearch.xml")
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    root = lxml.etree.fromstring(response.content)
    ns = {"o": "http://a9.com/-/spec/opensearch/1.1/"}
    templates = {u.get("type"): u.get("template") for u in root.findall("o:Url", ns)}
    assert templates == {
        "text/html": "http://testserver/search?q={searchTerms}",
        "application/x-suggestions+json": "http://testserver/search/suggest?q={searchTerms}",
    }


HOSTILE = [
    "",
    " ",
    "x" * 10_000,
    "***",
    '"""',
    '"unbalanced',
    "-only -exclusions",
    "NEAR(a b",
    "title:Basra",
    "^Basra",
    "Basra*",
    "a OR OR OR",
    "'; DROP TABLE articles_article; --",
    "%_%",
    "\x00Basra",
    "%ff%fe",
    "<script>alert(1)</script>",
    "{{ settings.SECRET_KEY }}",
    "basra " * 500,
    '"' + " ".join(f"qw{n:03d}zx" for n in range(60)) + '"',  # a phrase of unknown words
]


def test_a_long_phrase_of_unknown_words_costs_a_few_queries(
    client: Client, articles: None, django_assert_max_num_queries: Any
) -> None:
    q = '"' + " ".join(f"qw{n:03d}zx" for n in range(60)) + '"'
    with django_assert_max_num_queries(30):  # at most 8 words respelled, not 60
        assert client.get("/search", {"q": q, "fulltext": "1"}).status_code == 200


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_fail(client: Client, articles: None, q: str) -> None:
    for path in ("/search", "/search/suggest", "/api/v1/search"):
        response = client.get(path, {"q": q, "page": "99999999999"})
        assert response.status_code in (200, 302, 400), (path, q)
        if response["Content-Type"].startswith("text/html"):
            assert b"<script>alert(1)" not in response.content
        else:  # JSON echoes the query as data, never as a page (nosniff)
            assert response["X-Content-Type-Options"] == "nosniff"


def test_invalid_utf8_in_the_query_string(client: Client, articles: None) -> None:
    response = client.get("/search?q=%ff%fe%00Basra")
    assert response.status_code == 200
    response = client.get("/api/v1/search?q=%C0%AF")
    assert response.status_code == 200


def test_a_long_query_says_it_was_cut(client: Client, articles: None) -> None:
    body = json.loads(client.get("/api/v1/search", {"q": "basra " * 500}).content)
    assert body["notices"]
    assert body["total"] == 2


@pytest.mark.django_db(transaction=True)  # committed: the filter choices are cached
def test_a_results_page_costs_the_same_few_queries_however_many_results(
    client: Client, publish: Publish, django_assert_max_num_queries: Any
) -> None:
    def queries_for(word: str) -> tuple[int, bytes]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/search", {"q": word, "fulltext": "1"})
        return len(captured), response.content

    for n in range(6):  # more than FEW_RESULTS: no "did you mean" either way
        publish(f"Lone {n}", "A rare word.")
    for n in range(12):
        publish(f"Article {n}", "Shared words [[Article 1]].")
    client.get("/search", {"q": "words", "fulltext": "1"})  # filter choices cached
    one, page = queries_for("rare")
    assert page.count(b'class="search-result"') == 6
    many, page = queries_for("shared")
    assert page.count(b'class="search-result"') == 12
    assert many == one
    # The index generation (for the results, for the filter choices); counted, tiered, ranked,
    # snippets, articles; PostgreSQL adds its planner setting.
    assert many <= (8 if connection.vendor == "sqlite" else 11)
    with django_assert_max_num_queries(4):
        client.get("/search/suggest", {"q": "Art"})
