"""Search answers kept in the cache (caching.py): reused while the index is unchanged, never
served once a commit has changed it, never kept from an uncommitted change."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cyclopedia.apps.search import caching
from cyclopedia.apps.search.caching import search_generation
from cyclopedia.apps.search.models import SearchChange
from tests.apps.search.conftest import Publish

pytestmark = pytest.mark.django_db(transaction=True)


def _search(client: Client, q: str, **params: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/search", {"q": q, "fulltext": "1", **params})
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in captured]


def test_a_repeated_search_is_answered_from_the_cache(client: Client, publish: Publish) -> None:
    publish("Basra", "Basra is a port city on the Shatt al-Arab.")
    first, asked = _search(client, "port city")
    again, asked_again = _search(client, "port city")
    assert "Basra" in first
    assert again == first
    assert any("search_searchentry" in sql or "search_fts" in sql for sql in asked)
    # Only the generation is read: no full-text query, no article read.
    assert not any("search_searchentry" in sql or "search_fts" in sql for sql in asked_again)
    assert not any("articles_article" in sql for sql in asked_again)


def test_a_commit_that_changes_the_index_makes_older_answers_unreachable(
    client: Client, publish: Publish
) -> None:
    publish("Basra", "Basra is a port city.")
    before = search_generation()
    page, _ = _search(client, "harbour")
    assert "No article matches" in page
    publish("Umm Qasr", "Umm Qasr is a harbour town.")
    assert search_generation() != before
    page, _ = _search(client, "harbour")
    assert "Umm Qasr" in page
    assert 'name="robots" content="noindex"' not in page

    # A changed text: the old words are no longer found, from the cache or otherwise.
    publish("Umm Qasr", "Umm Qasr is a town on the Khawr az-Zubayr.")
    page, _ = _search(client, "harbour")
    assert "Umm Qasr" not in page
    assert 'name="robots" content="noindex"' in page


def test_suggestions_and_go_follow_the_index(client: Client, publish: Publish) -> None:
    publish("Basra", "A port city.")
    assert search_generation() is not None
    assert client.get("/search/suggest", {"q": "Bas"}).json()[1] == ["Basra"]
    assert client.get("/search", {"q": "Basrah"}).status_code == 200  # no such title yet
    publish("Basrah Governorate", "A governorate.", aliases=("Basrah",))
    assert client.get("/search/suggest", {"q": "Bas"}).json()[1] == ["Basra", "Basrah Governorate"]
    response = client.get("/search", {"q": "Basrah"})
    assert response.status_code == 302
    assert response["Location"].endswith("/wiki/Basrah_Governorate")


def test_an_uncommitted_change_is_never_cached(client: Client, publish: Publish) -> None:
    publish("Basra", "A port city.")
    _search(client, "governorate")  # cached: nothing found

    with transaction.atomic():
        publish("Basrah Governorate", "A governorate.")
        assert search_generation() is None  # this transaction sees its own change
        inside, _ = _search(client, "governorate")
        assert "Basrah Governorate" in inside
        transaction.set_rollback(True)
    page, _ = _search(client, "governorate")
    assert "Basrah Governorate" not in page
    page, asked = _search(client, "governorate")
    assert not any("search_fts" in sql or "search_searchentry" in sql for sql in asked)


def test_a_change_rolled_back_in_a_savepoint_changes_nothing(
    client: Client, publish: Publish
) -> None:
    publish("Basra", "A port city.")
    before = search_generation()
    with transaction.atomic():
        with transaction.atomic():
            publish("Umm Qasr", "A port town.")
            transaction.set_rollback(True)
        assert search_generation() == before  # nothing pending: the cache is used again
        assert "Umm Qasr" not in _search(client, "port")[0]
    assert search_generation() == before


def test_the_change_log_keeps_its_last_rows_and_every_commit_is_a_new_generation(
    client: Client, publish: Publish, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(caching, "KEEP", 2)
    seen = set()
    for n in range(6):
        publish(f"Port {n}", "A port.")
        seen.add(search_generation())
        assert f"Port {n}" in _search(client, "port")[0]
    assert len(seen) == 6
    assert SearchChange.objects.count() == caching.KEEP


def test_a_failed_prune_after_the_commit_loses_nothing(
    client: Client, publish: Publish, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish("Basra", "A port city.")
    assert "Umm Qasr" not in _search(client, "port")[0]

    def broken() -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(caching, "_prune", broken)
    publish("Umm Qasr", "A port town.")  # the commit made the new generation already
    assert "Umm Qasr" in _search(client, "port")[0]


def test_the_api_follows_the_index_too(client: Client, publish: Publish) -> None:
    publish("Basra", "A port city.")
    assert client.get("/api/v1/search", {"q": "harbour"}).json()["total"] == 0
    assert client.get("/api/v1/suggest", {"q": "Umm"}).json() == []
    publish("Umm Qasr", "A harbour town.")
    found = client.get("/api/v1/search", {"q": "harbour"}).json()
    assert [r["title"] for r in found["results"]] == ["Umm Qasr"]
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/api/v1/search", {"q": "harbour"}).json() == found
    assert not any("search_fts" in q["sql"] or "searchentry" in q["sql"] for q in captured)
    assert found["results"][0]["url"] == "http://testserver/wiki/Umm_Qasr"
    assert [s["title"] for s in client.get("/api/v1/suggest", {"q": "Umm"}).json()] == ["Umm Qasr"]
