"""Pages and JSON are gzip-compressed for clients that accept it, and still revalidate."""

from __future__ import annotations

import gzip

import pytest
from django.test import Client

from cyclopedia.formats.base import ReadOptions
from tests.apps.helpers import import_file
from tests.conftest import SEED, SEED_URL

pytestmark = pytest.mark.django_db

URL = "/wiki/Qais_al-Khazali"
GZIP = {"Accept-Encoding": "gzip, deflate, br"}


@pytest.fixture(autouse=True)
def _seed(db: None) -> None:
    import_file(SEED, ReadOptions(source_url=SEED_URL))


def test_an_article_page_is_compressed_and_revalidates(client: Client) -> None:
    plain = client.get(URL)
    assert "Content-Encoding" not in plain  # a client that does not ask gets it as it is
    packed = client.get(URL, headers=GZIP)
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2
    # The compressed page's (weak) ETag revalidates it, as a browser sends it back.
    assert packed["ETag"].startswith('W/"')
    again = client.get(URL, headers={**GZIP, "If-None-Match": packed["ETag"]})
    assert again.status_code == 304


def test_search_pages_and_json_are_compressed(client: Client) -> None:
    for path in ("/search?q=Khazali&fulltext=1", "/api/v1/search?q=Khazali", "/"):
        response = client.get(path, headers=GZIP)
        assert response.status_code == 200, path
        assert response["Content-Encoding"] == "gzip", path
        assert b"Khazali" in gzip.decompress(response.content), path
