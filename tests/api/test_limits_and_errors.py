"""Rate limits, JSON errors for hostile input, the docs page under the site's CSP."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from cyclopedia.apps.api.models import RateCounter
from cyclopedia.apps.pages.middleware import CONTENT_SECURITY_POLICY

from .conftest import Api, body, publish, secret

pytestmark = pytest.mark.django_db


def test_rate_limit_per_address_and_per_token(settings: Any, alice: User) -> None:
    settings.API_RATE_LIMITS = {"address": (3, 60), "token": (2, 60)}
    anonymous = Api()
    for _ in range(3):
        response = anonymous.get("/api/v1/sources")
        assert response.status_code == 200
    assert response["RateLimit-Remaining"] == "0"
    limited = anonymous.get("/api/v1/sources")
    assert limited.status_code == 429
    assert "Too many requests" in body(limited)["error"]
    assert int(limited["Retry-After"]) >= 1
    # Another address, and a token, have their own counts.
    assert Api(REMOTE_ADDR="192.0.2.9").get("/api/v1/sources").status_code == 200
    token = Api(secret(alice))
    assert [token.get("/api/v1/sources").status_code for _ in range(3)] == [200, 200, 429]
    assert RateCounter.objects.filter(key__startswith="token:").get().count == 3


def test_counters_of_past_windows_are_forgotten(settings: Any) -> None:
    settings.API_RATE_LIMITS = {"address": (100, 1)}
    RateCounter.objects.create(key="address:1:1:old", count=5, expires="2000-01-01T00:00:00Z")
    Api().get("/api/v1/sources")
    assert not RateCounter.objects.filter(key="address:1:1:old").exists()


HOSTILE_QUERIES = [
    "/api/v1/articles?limit=100000000000000000000000",
    "/api/v1/articles?limit=0",
    "/api/v1/articles?offset=-1",
    "/api/v1/articles?offset=99999999999999999999",
    "/api/v1/articles?source=%00",
    "/api/v1/articles?category=%ff%fe%00",
    "/api/v1/articles?updated_since=not-a-date",
    "/api/v1/articles?updated_since=0001-01-01T00:00:00%2B14:00",
    "/api/v1/articles?order=drop",
    "/api/v1/articles/99999999999999999999999",
    "/api/v1/articles/-1",
    "/api/v1/articles/%00",
    "/api/v1/articles/1/diff?from=abc",
    "/api/v1/articles/lookup?title=" + "x" * 10_000,
    "/api/v1/articles/lookup?title=%00",
    "/api/v1/articles/lookup?title=%ff%fe",
    "/api/v1/facts?from=%00",
    "/api/v1/facts?from=tomorrow",
    "/api/v1/facts?label=" + "y" * 10_000,
    "/api/v1/facts",
    "/api/v1/categories?prefix=%00",
    "/api/v1/search?q=%ff%fe&source=%00",
    "/api/v1/submissions/0",
    "/api/v1/no/such/thing",
]


@pytest.mark.parametrize("path", HOSTILE_QUERIES)
def test_hostile_queries_get_4xx_json(path: str) -> None:
    publish("Basra")
    response = Client().get(path)
    assert 400 <= response.status_code < 500, (path, response.status_code)
    assert body(response)["error"]


@pytest.mark.parametrize(
    "payload",
    [
        "{not json",
        b"\xff\xfe\x00",
        "[]",
        '{"title": "' + "t" * 10_000 + '"}',
        '{"title": "a\\u0000b"}',
        '{"article_id": 1e400}',
        '{"article_id": "1; DROP TABLE x"}',
    ],
)
def test_hostile_bodies_get_4xx_json(alice: User, payload: Any) -> None:
    response = Api(secret(alice, "write")).post("/api/v1/submissions", payload)
    assert 400 <= response.status_code < 500, (payload, response.content)
    assert body(response)["error"]


def test_nul_bytes_in_text_are_removed_not_stored(alice: User) -> None:
    api = Api(secret(alice, "write"))
    response = api.post("/api/v1/submissions", {"source_text": "---\ntitle: A\x00B\n---\nx\x00y\n"})
    assert response.status_code == 201
    assert "\x00" not in body(response)["source_text"]


def test_a_failure_is_json_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    def broken(**kwargs: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("cyclopedia.apps.api.selectors.sources_with_published_counts", broken)
    response = Client().get("/api/v1/sources")
    assert response.status_code == 500
    assert body(response) == {"error": "Something went wrong on our side; it has been logged."}
    assert b"secret internals" not in response.content
    assert b"Traceback" not in response.content
    assert "secret internals" in caplog.text


def test_docs_page_works_under_the_sites_csp() -> None:
    response = Client().get("/api/docs")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    html = response.content.decode()
    # Only this site's own script and style files; the one inline block is JSON data.
    assert "cdn" not in html.lower()
    assert "http" not in html.replace("http-equiv", "")
    assert html.count("<script") == 3
    assert '<script type="application/json" id="swagger-settings">' in html
    assert 'src="/static/ninja/swagger-ui-bundle.js"' in html
    assert 'href="/static/ninja/swagger-ui.css"' in html
    assert "style=" not in html
    assert "<style" not in html
    # The files are served by the site.
    from django.contrib.staticfiles import finders

    for name in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js", "ninja/swagger-ui.css"):
        assert finders.find(name), name
    schema = Client().get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert body(schema)["info"]["title"] == "Cyclopedia API"
