"""URLs of MediaWiki pages: the page, its history and a revision permalink."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from cyclopedia.formats.mediawiki.urls import WikiPage, parse_page_url


def test_the_seed_page_url() -> None:
    page = parse_page_url("https://en.wikipedia.org/wiki/Qais_al-Khazali")
    assert page == WikiPage(base="https://en.wikipedia.org", title="Qais al-Khazali")
    assert page.url == "https://en.wikipedia.org/wiki/Qais_al-Khazali"
    assert page.history_url == (
        "https://en.wikipedia.org/w/index.php?title=Qais_al-Khazali&action=history"
    )
    assert page.revision_url("1234567") == (
        "https://en.wikipedia.org/w/index.php?title=Qais_al-Khazali&oldid=1234567"
    )
    assert page.site_name == "Wikipedia (English)"


@pytest.mark.parametrize(
    ("url", "title", "canonical"),
    [
        (
            "https://en.wikipedia.org/wiki/Asa%27ib_Ahl_al-Haq",
            "Asa'ib Ahl al-Haq",
            "https://en.wikipedia.org/wiki/Asa'ib_Ahl_al-Haq",
        ),
        ("https://en.wikipedia.org/wiki/C%2B%2B", "C++", "https://en.wikipedia.org/wiki/C%2B%2B"),
        ("https://en.wikipedia.org/wiki/AC/DC", "AC/DC", "https://en.wikipedia.org/wiki/AC/DC"),
        ("https://en.wikipedia.org/wiki/What%3F", "What?", "https://en.wikipedia.org/wiki/What%3F"),
        (
            "https://de.wikipedia.org/wiki/Z%C3%BCrich",
            "Zürich",
            "https://de.wikipedia.org/wiki/Z%C3%BCrich",
        ),
        (
            "https://de.wikipedia.org/wiki/Zürich",
            "Zürich",
            "https://de.wikipedia.org/wiki/Z%C3%BCrich",
        ),
        ("https://en.wikipedia.org/wiki/Foo#History", "Foo", "https://en.wikipedia.org/wiki/Foo"),
        (
            "https://en.wikipedia.org/wiki/Foo?oldid=5",
            "Foo",
            "https://en.wikipedia.org/wiki/Foo",
        ),
        ("http://en.wikipedia.org/wiki/Foo", "Foo", "http://en.wikipedia.org/wiki/Foo"),
    ],
)
def test_titles_are_read_from_the_path(url: str, title: str, canonical: str) -> None:
    page = parse_page_url(url)
    assert page is not None
    assert page.title == title
    assert page.url == canonical


@pytest.mark.parametrize("title", ["C++", "AT&T", "What?", "100% Pure", "a=b", "Zürich", "AC/DC"])
def test_history_and_revision_urls_carry_the_whole_title_in_the_query(title: str) -> None:
    page = WikiPage(base="https://en.wikipedia.org", title=title)
    for url, extra in (
        (page.history_url, ("action", "history")),
        (page.revision_url("9"), ("oldid", "9")),
    ):
        parts = urlsplit(url)
        assert parts.path == "/w/index.php"
        query = parse_qs(parts.query, strict_parsing=True)
        assert query == {"title": [title.replace(" ", "_")], extra[0]: [extra[1]]}


@pytest.mark.parametrize(
    ("host", "name"),
    [
        ("en.wikipedia.org", "Wikipedia (English)"),
        ("de.wikipedia.org", "Wikipedia (German)"),
        ("ar.wikipedia.org", "Wikipedia (Arabic)"),
        ("xx.wikipedia.org", "Wikipedia (xx)"),
        ("wiki.example.org", "wiki.example.org"),
        ("en.wikibooks.org", "en.wikibooks.org"),
    ],
)
def test_site_name(host: str, name: str) -> None:
    page = parse_page_url(f"https://{host}/wiki/Main_Page")
    assert page is not None
    assert page.site_name == name


@pytest.mark.parametrize(
    "url",
    [
        "ftp://en.wikipedia.org/wiki/Foo",
        "javascript:alert(1)//en.wikipedia.org/wiki/Foo",
        "https://en.wikipedia.org/",
        "https://en.wikipedia.org/wiki/",
        "https://en.wikipedia.org/w/index.php?title=Foo",
        "https:///wiki/Foo",
        "/wiki/Foo",
        "en.wikipedia.org/wiki/Foo",
        "not a url",
        "",
    ],
)
def test_other_urls_name_no_wiki_page(url: str) -> None:
    assert parse_page_url(url) is None
