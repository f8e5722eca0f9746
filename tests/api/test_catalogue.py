"""Search, suggestions, categories, sources and facts through the API."""

from __future__ import annotations

import datetime as dt

import pytest

from cyclopedia.apps.articles.models import Article
from cyclopedia.formats.base import ReadOptions
from tests.apps.helpers import import_file
from tests.conftest import SEED, SEED_URL

from .conftest import Api, body, publish, withdraw

pytestmark = pytest.mark.django_db


def test_search_and_suggestions(anonymous: Api) -> None:
    publish("Basra", aliases=("Al-Basrah",))
    publish("Andorra", "A small country. Not Basra.", license="CC-BY-SA-3.0")
    found = body(anonymous.get("/api/v1/search", {"q": "Basra"}))
    assert found["total"] == 2
    assert found["page"] == 1
    assert {r["title"] for r in found["results"]} == {"Basra", "Andorra"}
    filtered = body(anonymous.get("/api/v1/search", {"q": "Basra", "license": "CC-BY-SA-3.0"}))
    assert [r["title"] for r in filtered["results"]] == ["Andorra"]
    assert anonymous.get("/api/v1/search").status_code == 400
    suggestions = body(anonymous.get("/api/v1/suggest", {"q": "Al-B"}))
    assert suggestions[0]["title"] == "Al-Basrah"
    assert suggestions[0]["article_title"] == "Basra"
    assert suggestions[0]["url"] == "http://testserver/wiki/Basra"
    assert body(anonymous.get("/api/v1/suggest", {"q": ""})) == []


def test_categories_and_sources_count_published_articles_only(anonymous: Api) -> None:
    publish("Basra", categories=("Ports",))
    gone = publish("Umm Qasr", categories=("Ports", "Towns"))
    publish("Cairo", source="Web pages", license="CC-BY-4.0", categories=("Ports",))
    withdraw(gone, "Basra")
    categories = body(anonymous.get("/api/v1/categories"))["results"]
    assert categories == [
        {"name": "Ports", "url": "http://testserver/category/Ports", "article_count": 2}
    ]
    assert body(anonymous.get("/api/v1/categories", {"prefix": "to"}))["count"] == 0
    sources = body(anonymous.get("/api/v1/sources"))
    assert [(s["name"], s["article_count"]) for s in sources] == [
        ("Web pages", 1),
        ("Wikipedia (English)", 1),
    ]


def test_facts_of_the_seed_article(anonymous: Api) -> None:
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    article = Article.objects.get(title="Qais al-Khazali")
    born = body(anonymous.get("/api/v1/facts", {"label": "Born", "value": "Baghdad"}))
    assert born["count"] == 1
    (fact,) = born["results"]
    assert fact["article"]["id"] == article.pk
    assert (fact["date_display"], fact["date_precision"]) == ("1974", "year")
    assert fact["date"] == "1974-01-01"
    assert fact["date_end"] == "1974-12-31"
    ranged = body(anonymous.get("/api/v1/facts", {"from": "2007-03", "to": "2007-03"}))
    assert [(f["label"], f["date_display"]) for f in ranged["results"]] == [
        ("Arrested", "2007-03-20")
    ]
    bad = anonymous.get("/api/v1/facts", {"from": "someday"})
    assert bad.status_code == 400
    assert "is not a date" in body(bad)["error"]
    assert dt.date.fromisoformat(fact["date"]).year == 1974
