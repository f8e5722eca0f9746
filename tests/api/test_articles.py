"""Articles, revisions and diffs through the API: published content only, with attribution."""

from __future__ import annotations

import datetime as dt

import pytest

from cyclopedia.apps.articles.models import Article

from .conftest import Api, body, infobox_born, publish, withdraw

pytestmark = pytest.mark.django_db


@pytest.fixture
def basra() -> Article:
    return publish(
        "Basra",
        aliases=("Al-Basrah",),
        categories=("Cities in Iraq", "Ports"),
        infobox=infobox_born(),
    )


def test_one_article_by_id_has_everything_and_its_attribution(
    anonymous: Api, basra: Article
) -> None:
    data = body(anonymous.get(f"/api/v1/articles/{basra.pk}"))
    assert data["id"] == basra.pk
    assert data["title"] == "Basra"
    assert data["url"] == "http://testserver/wiki/Basra"
    assert data["revision_id"] == basra.published_revision_id
    assert "Shatt al-Arab" in data["html"]
    assert "<" in data["html"]
    assert "Shatt al-Arab" in data["plain_text"]
    assert "<p>" not in data["plain_text"]
    assert data["infobox"]["title"] == "Someone"
    assert [f["label"] for f in data["infobox"]["fields"]] == ["Born", "Arrested"]
    (reference,) = data["references"]
    assert reference["number"] == 1
    assert "gazetteer" in reference["html"]
    assert data["categories"] == ["Cities in Iraq", "Ports"]
    assert data["aliases"] == [{"title": "Al-Basrah", "kind": "name"}]
    attribution = data["attribution"]
    assert attribution["source_name"] == "Wikipedia (English)"
    assert attribution["source_title"] == "Basra"
    assert attribution["source_url"] == "https://en.wikipedia.org/wiki/Basra"
    assert attribution["revision_url"].endswith("oldid=1")
    assert attribution["history_url"].endswith("action=history")
    assert attribution["license"] == {
        "spdx": "CC-BY-SA-4.0",
        "name": attribution["license"]["name"],
        "short_name": "CC BY-SA 4.0",
        "url": "https://creativecommons.org/licenses/by-sa/4.0/",
    }
    assert attribution["modified"] is False
    assert attribution["source_timestamp"].startswith("2024-01-01")
    assert attribution["local_history_url"] == "http://testserver/history/Basra"
    assert attribution["local_diff_url"].startswith("http://testserver/diff/Basra?to=")


@pytest.mark.parametrize("title", ["Basra", " Basra ", "Al-Basrah", "Al-Basrah "])
def test_lookup_by_title_slug_or_alias(anonymous: Api, basra: Article, title: str) -> None:
    data = body(anonymous.get("/api/v1/articles/lookup", {"title": title}))
    assert data["id"] == basra.pk
    assert data["redirected_from"] == (None if "Al" not in title else "Al-Basrah")


def test_lookup_by_slug_with_underscores(anonymous: Api) -> None:
    article = publish("Shatt al-Arab")
    data = body(anonymous.get("/api/v1/articles/lookup", {"title": "Shatt_al-Arab"}))
    assert data["id"] == article.pk


def test_missing_and_invalid_titles_are_json_404s(anonymous: Api, basra: Article) -> None:
    response = anonymous.get("/api/v1/articles/lookup", {"title": "Nowhere"})
    assert response.status_code == 404
    assert body(response)["error"] == "There is no article titled “Nowhere”."
    response = anonymous.get("/api/v1/articles/lookup", {"title": "a|b"})
    assert response.status_code == 404
    assert "not a valid title" in body(response)["error"]
    response = anonymous.get("/api/v1/articles/lookup")
    assert response.status_code == 422
    assert body(response)["errors"][0]["location"] == "query.title"


def test_list_filters_and_pages(anonymous: Api) -> None:
    publish("Basra", categories=("Ports",))
    publish("Andorra", license="CC-BY-SA-3.0", language="ca")
    publish("Cairo", source="Web pages", license="CC-BY-4.0", categories=("Ports",))
    titles = lambda **params: [  # noqa: E731
        a["title"] for a in body(anonymous.get("/api/v1/articles", params))["results"]
    ]
    assert titles() == ["Andorra", "Basra", "Cairo"]
    assert titles(source="Web pages") == ["Cairo"]
    assert titles(license="CC-BY-SA-3.0") == ["Andorra"]
    assert titles(language="ca") == ["Andorra"]
    assert titles(category="Ports") == ["Basra", "Cairo"]
    assert titles(category="Ports", source="Wikipedia (English)") == ["Basra"]
    assert titles(source="Nobody") == []
    Article.objects.filter(title="Basra").update(updated=dt.datetime(2031, 5, 1, tzinfo=dt.UTC))
    assert titles(updated_since="2031-01-01T00:00:00Z") == ["Basra"]
    assert titles(updated_since="2031-01-01") == ["Basra"]
    assert titles(order="-updated")[0] == "Basra"

    first = body(anonymous.get("/api/v1/articles", {"limit": 2}))
    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert first["next"] == "http://testserver/api/v1/articles?limit=2&offset=2"
    second = body(anonymous.get(first["next"]))
    assert [a["title"] for a in second["results"]] == ["Cairo"]
    assert second["next"] is None
    summary = second["results"][0]
    assert summary["license"] == "CC-BY-4.0"
    assert summary["source"] == "Web pages"
    assert "html" not in summary


def test_withdrawn_articles_are_nowhere_in_the_api(anonymous: Api, basra: Article) -> None:
    publish("Basra (city)")
    revision_id = basra.published_revision_id
    withdraw(basra, "Basra (city)")
    assert anonymous.get(f"/api/v1/articles/{basra.pk}").status_code == 404
    assert anonymous.get(f"/api/v1/articles/{basra.pk}/revisions").status_code == 404
    assert anonymous.get(f"/api/v1/articles/{basra.pk}/revisions/{revision_id}").status_code == 404
    assert anonymous.get(f"/api/v1/articles/{basra.pk}/diff").status_code == 404
    listed = body(anonymous.get("/api/v1/articles"))["results"]
    assert [a["title"] for a in listed] == ["Basra (city)"]
    # Its title leads to what it redirects to now, never to the withdrawn text.
    found = body(anonymous.get("/api/v1/articles/lookup", {"title": "Basra"}))
    assert found["title"] == "Basra (city)"
    categories = body(anonymous.get("/api/v1/categories"))["results"]
    assert categories == []
    facts = body(anonymous.get("/api/v1/facts", {"label": "Born"}))
    assert facts["count"] == 0


def test_revisions_list_one_revision_and_diffs(anonymous: Api) -> None:
    first = publish("Basra", "Basra is a city.\n\nIt is old.\n")
    old_id = first.published_revision_id
    publish(
        "Basra",
        "Basra is a port city.\n\nIt is old.\n",
        timestamp=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
    )
    article = Article.objects.get(title="Basra")
    new_id = article.published_revision_id
    assert new_id != old_id

    listed = body(anonymous.get(f"/api/v1/articles/{article.pk}/revisions"))
    assert listed["count"] == 2
    newest, oldest = listed["results"]
    assert (newest["id"], oldest["id"]) == (new_id, old_id)
    assert newest["current"] is True
    assert oldest["current"] is False
    assert newest["author"] == "Wikipedia (English)"
    assert newest["author_is_user"] is False
    assert newest["parent_id"] == old_id
    assert newest["size"] > 0
    assert newest["size_change"] == len(" port")
    assert newest["license"] == "CC-BY-SA-4.0"

    one = body(anonymous.get(f"/api/v1/articles/{article.pk}/revisions/{old_id}"))
    assert "Basra is a city." in one["source_text"]
    assert one["attribution"]["source_name"] == "Wikipedia (English)"
    assert one["current"] is False

    diff = body(anonymous.get(f"/api/v1/articles/{article.pk}/diff"))
    assert (diff["from_revision"], diff["to_revision"]) == (old_id, new_id)
    assert diff["identical"] is False
    changed = [row for row in diff["rows"] if row["kind"] == "change"]
    assert changed, diff["rows"]
    words = [s["text"] for s in changed[0]["right"] if s["changed"]]
    assert any("port" in word for word in words)
    same = body(
        anonymous.get(f"/api/v1/articles/{article.pk}/diff", {"from": new_id, "to": new_id})
    )
    assert same["identical"] is True

    other = publish("Andorra")
    response = anonymous.get(
        f"/api/v1/articles/{article.pk}/revisions/{other.published_revision_id}"
    )
    assert response.status_code == 404
    response = anonymous.get(
        f"/api/v1/articles/{article.pk}/diff", {"from": other.published_revision_id}
    )
    assert response.status_code == 404
    assert "has no revision" in body(response)["error"]


def test_etag_and_304(anonymous: Api, basra: Article) -> None:
    path = f"/api/v1/articles/{basra.pk}"
    response = anonymous.get(path)
    etag = response["ETag"]
    assert etag.startswith('"')
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Authorization" in response["Vary"]
    again = anonymous.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert anonymous.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    # A change to the article changes the tag.
    publish("Basra", "Basra changed.", timestamp=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    changed = anonymous.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    # Lists are tagged as well; errors are not cached.
    listed = anonymous.get("/api/v1/articles")
    assert (
        anonymous.get("/api/v1/articles", headers={"If-None-Match": listed["ETag"]}).status_code
        == 304
    )
    missing = anonymous.get("/api/v1/articles/999999")
    assert missing.status_code == 404
    assert not missing.has_header("ETag")
    assert "no-store" in missing["Cache-Control"]
