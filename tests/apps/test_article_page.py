"""The seed article page, as the acceptance list of the foundation issue describes it."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from django.test import Client

from cyclopedia.apps.articles.models import Article
from cyclopedia.document import get_license
from cyclopedia.formats.base import ReadOptions
from tests.apps.helpers import import_file
from tests.conftest import SEED, SEED_URL

pytestmark = pytest.mark.django_db

URL = "/wiki/Qais_al-Khazali"
BOILERPLATE = [
    "World Heritage Encyclopedia",
    "This article was sourced from",
    "additional terms may apply",
    "FASTR",
    "World Public Library",
    "E-Government Act",
    "registered trademark",
]


@pytest.fixture
def page(client: Client) -> lxml.html.HtmlElement:
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    response = client.get(URL)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_title_and_alternative_name(page: lxml.html.HtmlElement) -> None:
    main = page.xpath("//main")
    assert len(main) == 1
    assert [text(h) for h in page.xpath("//h1")] == ["Qais al-Khazali"]
    assert [text(a) for a in page.xpath('//main//*[@class="alias"]')] == ["Qayis Khazali"]


def test_infobox_has_exactly_the_seed_rows(page: lxml.html.HtmlElement) -> None:
    (infobox,) = page.xpath('//main//*[contains(@class, "infobox")]')
    rows = [
        (text(row.xpath("th")[0]), [line.strip() for line in row.xpath("td")[0].itertext()])
        for row in infobox.xpath(".//tr")
    ]
    values = [(label, [v for v in parts if v and v != "[1]"]) for label, parts in rows]
    assert values == [
        ("Born", ["1974", "Sadr City, Baghdad, Iraq"]),
        ("Arrested", ["2007-03-20", "Basra, Iraq", "US forces"]),
        ("Released", ["2010-01", "Baghdad, Iraq"]),
        ("Citizenship", ["Iraqi"]),
        ("Alleged to be a member of", ["Mahdi Army, Asa'ib Ahl al-Haq"]),
    ]
    # The citation in the Born row is marker 1, linked to reference 1.
    assert infobox.xpath('.//sup[@class="reference"]/a/@href') == ["#cite_note-1"]


def test_body_paragraphs_carry_markers_one_to_seven_in_place(
    page: lxml.html.HtmlElement,
) -> None:
    paragraphs = page.xpath('//div[@class="article__body"]/p')
    assert len(paragraphs) == 2
    first, second = (lxml.html.tostring(p, encoding="unicode") for p in paragraphs)

    def markers(html: str) -> list[str]:
        return re.findall(r'href="#cite_note-(\d+)">\[(\d+)\]', html)

    assert markers(first) == [("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")]
    assert markers(second) == [("6", "6"), ("7", "7")]
    assert re.search(r"March 2007\.<sup[^>]*><a[^>]*>\[2\]", first)
    assert re.search(r"Karbala\.<sup[^>]*>.*?\[3\].*?\[4\]</a></sup> A former", first)
    assert re.search(r"until his release\.<sup[^>]*><a[^>]*>\[5\]", first)
    assert re.search(r"Asa'ib Ahl al-Haq\.<sup[^>]*><a[^>]*>\[6\]", second)
    assert re.search(r"after their return\.<sup[^>]*><a[^>]*>\[7\]</a></sup></p>\s*$", second)


def test_every_marker_links_to_its_reference_and_back(page: lxml.html.HtmlElement) -> None:
    items = page.xpath('//ol[@class="reference-list"]/li')
    assert [li.get("id") for li in items] == [f"cite_note-{n}" for n in range(1, 8)]
    for number, li in enumerate(items, start=1):
        (backlink,) = li.xpath(".//a[@class='backlink']/@href")
        assert backlink == f"#cite_ref-{number}-1"
        assert page.xpath(f'//sup[@id="cite_ref-{number}-1"]/a/@href') == [f"#cite_note-{number}"]
        assert SEED_URL in li.xpath(".//a/@href")


def test_attribution_names_and_links_the_source_and_the_licence(
    page: lxml.html.HtmlElement,
) -> None:
    (block,) = page.xpath('//footer[@class="attribution"]')
    links = {text(a): a.get("href") for a in block.xpath(".//a")}
    assert links["“Qais al-Khazali”"] == SEED_URL
    assert links["authors"].endswith("index.php?title=Qais_al-Khazali&action=history")
    assert links["Creative Commons Attribution-ShareAlike 3.0"] == (
        "https://creativecommons.org/licenses/by-sa/3.0/"
    )
    assert "CC BY-SA 3.0" in text(block)
    assert "Wikipedia (English)" in text(block)


def test_no_footer_boilerplate_anywhere_on_the_page(page: lxml.html.HtmlElement) -> None:
    whole = text(page)
    for phrase in BOILERPLATE:
        assert phrase not in whole


def test_aliases_and_non_canonical_spellings_redirect_permanently(client: Client) -> None:
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    for path in ("/wiki/Qayis_Khazali", "/wiki/Qais%20al-Khazali", "/wiki/Qais__al-Khazali"):
        response = client.get(path)
        assert response.status_code == 301, path
        assert response["Location"] == URL


def test_missing_article_and_invalid_title_are_404(client: Client) -> None:
    assert client.get("/wiki/No_such_article").status_code == 404
    response = client.get("/wiki/Bad%5BTitle%5D")
    assert response.status_code == 404
    assert b"not a valid title" in response.content


def test_article_answers_conditional_requests_with_304(client: Client) -> None:
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    response = client.get(URL)
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(URL, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_history_lists_both_revisions_and_old_ones_can_be_read(
    client: Client, tmp_path: Path
) -> None:
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    changed = tmp_path / "changed.txt"
    changed.write_text(
        SEED.read_text(encoding="utf-8").replace("Iraqi", "Iraqi (changed)"), encoding="utf-8"
    )
    import_file(changed, ReadOptions(source_url=SEED_URL))
    page = lxml.html.fromstring(client.get("/history/Qais_al-Khazali").content)
    items = page.xpath('//li[@class="history__item"]')
    assert len(items) == 2
    old_link = items[1].xpath(".//a/@href")[0]
    old = client.get(old_link)
    assert old.status_code == 200
    assert b"older revision" in old.content
    assert b"Iraqi (changed)" not in old.content
    assert client.get(URL + "?oldid=999999").status_code == 404
    assert client.get(URL + "?oldid=abc").status_code == 404


def test_home_lists_the_seed_and_its_source(client: Client) -> None:
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    page = lxml.html.fromstring(client.get("/").content)
    assert URL in page.xpath("//main//a/@href")
    assert "Wikipedia (English)" in text(page)


def test_help_pages_and_security_headers(client: Client) -> None:
    for path, needle in (
        ("/terms", b"CC BY-SA 4.0"),
        ("/privacy", b"Privacy Policy"),
        ("/about", b"About"),
    ):
        response = client.get(path)
        assert response.status_code == 200
        assert needle in response.content
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"


def test_random_redirects_to_an_article_or_home(client: Client) -> None:
    assert client.get("/random")["Location"] == "/"
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    assert client.get("/random")["Location"] == URL


def test_unsafe_methods_are_refused(client: Client) -> None:
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    assert client.post(URL).status_code in (403, 405)


def test_non_ascii_titles_link_and_redirect_without_double_encoding(
    client: Client, tmp_path: Path
) -> None:
    page = tmp_path / "p.txt"
    page.write_text("Qaïs 100% al-Khazali\n\nQayïs\n\nA paragraph of text.\n", encoding="utf-8")
    import_file(page, ReadOptions(license=get_license("CC0-1.0")))
    canonical = "/wiki/Qa%C3%AFs_100%25_al-Khazali"
    response = client.get(canonical)
    assert response.status_code == 200
    html = lxml.html.fromstring(response.content)
    history = html.xpath('//a[text()="History"]/@href')[0]
    assert history == "/history/Qa%C3%AFs_100%25_al-Khazali"
    assert client.get(history).status_code == 200
    assert client.get("/wiki/Qay%C3%AFs")["Location"] == canonical
    assert client.get("/wiki/Qa%C3%AFs 100%25 al-Khazali?oldid=1")["Location"] == (
        canonical + "?oldid=1"
    )


@pytest.mark.parametrize("oldid", ["²", "1" * 5000, "-1", "1.0", ""])
def test_malformed_oldids_are_404(client: Client, oldid: str) -> None:
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    assert client.get(URL, {"oldid": oldid}).status_code == 404


def test_an_old_revision_is_not_served_from_a_stale_etag(client: Client, tmp_path: Path) -> None:
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    first = Article.objects.get().published_revision
    assert first is not None
    etag = client.get(URL, {"oldid": first.pk})["ETag"]
    changed = tmp_path / "changed.txt"
    changed.write_text(SEED.read_text(encoding="utf-8").replace("Iraqi", "Iraqi."), "utf-8")
    import_file(changed, ReadOptions(source_url=SEED_URL))
    response = client.get(URL, {"oldid": first.pk}, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert b"older revision" in response.content
