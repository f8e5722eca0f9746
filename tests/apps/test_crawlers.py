"""sitemap.xml (split past its limit), robots.txt and the Atom feed of new articles."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from cyclopedia.apps.articles.models import Article
from cyclopedia.apps.articles.services import article_import_document, source_get_or_create
from cyclopedia.apps.pages.sitemaps import ArticleSitemap
from cyclopedia.document import Attribution, Document, get_license

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = "</script><script>alert(1)</script>"


def publish(title: str, body: str = "Text.", categories: tuple[str, ...] = ()) -> None:
    source = source_get_or_create(name="Test wiki", kind="mediawiki")
    document = Document(
        title=title,
        body=body,
        categories=categories,
        attribution=Attribution(source_title=title, source_name="Test wiki"),
        license=get_license("CC-BY-SA-4.0"),
    )
    article_import_document(document=document, source=source)


def locations(client: Client, url: str, tag: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return [element.text or "" for element in root.iter(f"{SM}{tag}")]


def test_sitemap_lists_published_articles_and_categories(client: Client) -> None:
    publish("Alpha", categories=("Letters",))
    publish("Beta Gamma")
    index = locations(client, "/sitemap.xml", "loc")
    assert index == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-categories.xml",
    ]
    urls = locations(client, "/sitemap-articles.xml", "loc")
    assert urls == ["http://testserver/wiki/Alpha", "http://testserver/wiki/Beta_Gamma"]
    assert locations(client, "/sitemap-categories.xml", "loc") == [
        "http://testserver/category/Letters"
    ]
    Article.objects.filter(title="Alpha").update(published_revision=None)
    assert locations(client, "/sitemap-articles.xml", "loc") == [
        "http://testserver/wiki/Beta_Gamma"
    ]
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemap_splits_past_its_limit(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    for title in ("A1", "A2", "A3", "A4", "A5"):
        publish(title)
    index = locations(client, "/sitemap.xml", "loc")
    assert index[:3] == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-articles.xml?p=2",
        "http://testserver/sitemap-articles.xml?p=3",
    ]
    pages = [locations(client, f"/sitemap-articles.xml?p={n}", "loc") for n in (1, 2, 3)]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert sorted(url for page in pages for url in page) == [
        f"http://testserver/wiki/A{n}" for n in range(1, 6)
    ]
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404


def test_robots_points_at_the_sitemap_and_keeps_crawlers_out_of_search(client: Client) -> None:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/search", "/history/", "/diff/", "/*?oldid="):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /wiki/" not in lines


def test_atom_feed_of_new_articles_keeps_hostile_text_inert(client: Client) -> None:
    publish("Older")
    publish("Newer", body=HOSTILE.replace("<", "\\<") + " is what it says.")
    response = client.get("/feeds/new.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Newer", "Older"]
    assert entries[0].find(f"{ATOM}link").get("href") == "http://testserver/wiki/Newer"
    summary = entries[0].find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # Declared HTML: once the XML is parsed, the reader still sees escaped text, not tags.
    assert "&lt;script&gt;alert(1)" in summary.text
    assert "<script>" not in summary.text
    assert "CC BY-SA 4.0" in summary.text or "Attribution-ShareAlike 4.0" in summary.text
