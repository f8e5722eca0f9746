"""Category pages of a dump kept as category descriptions, and the page of a category."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from django.test import Client

from cyclopedia.apps.articles.models import Category
from cyclopedia.apps.ingest.models import ImportRun, Quarantine
from cyclopedia.apps.ingest.services import (
    documents_ingest,
    import_resume_point,
    import_run_finish,
    import_run_start,
)
from cyclopedia.document import get_license
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.mediawiki.reader import MediaWikiDumpReader
from tests.apps.helpers import import_file
from tests.apps.test_links import publish

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[1] / "data" / "mediawiki"
CATEGORIES = DATA / "dewiki-categories.xml"  # Kategorie:Stadt in Deutschland, Kategorie:Kaputt
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "mediawiki"
DEWIKI = CORPUS / "dbpedia_minidumps" / "dewiki-minidump.xml.bz2"  # Berlin, Schopenhauer
ENWIKI = CORPUS / "dbpedia_minidumps" / "enwiki-minidump.xml.bz2"  # has Category:Pininfarina
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason=f"{CORPUS} is not here")
GERMAN = ReadOptions(language="de")


def import_dump(path: Path, options: ReadOptions | None = None) -> ImportRun:
    return import_file(path, options or ReadOptions(), fmt="mediawiki")


def html(client: Client, path: str) -> lxml.html.HtmlElement:
    response = client.get(path)
    assert response.status_code == 200, response
    return lxml.html.fromstring(response.content)


@needs_corpus
@pytest.mark.parametrize("categories_first", [True, False])
def test_a_category_page_describes_the_category_its_articles_are_in(
    client: Client, categories_first: bool
) -> None:
    """The real Berlin of the German minidump is filed in "Kategorie:Stadt in Deutschland"; the
    category page of that name describes it, whichever of the two is imported first."""
    if categories_first:
        run = import_dump(CATEGORIES)
        import_dump(DEWIKI, GERMAN)
    else:
        import_dump(DEWIKI, GERMAN)
        run = import_dump(CATEGORIES)
    assert (run.read, run.categories, run.failed) == (2, 2, 0)
    category = Category.objects.get(name="Stadt in Deutschland")
    assert category.source_url == "https://de.wikipedia.org/wiki/Kategorie:Stadt_in_Deutschland"
    assert category.license == "CC-BY-SA-3.0"
    assert "title: Kategorie:Stadt in Deutschland" in category.description_source

    page = html(client, "/category/Stadt_in_Deutschland")
    assert page.xpath("//h1/text()") == ["Category: Stadt in Deutschland"]
    body = page.xpath('//div[@class="article__body"]')[0].text_content()
    assert "In diese Kategorie werden Städte in Deutschland eingeordnet" in body
    assert page.xpath('//section[@aria-labelledby="category-articles"]//li/a/@href') == [
        "/wiki/Berlin"
    ]
    # Attribution: the category page, its revision, its authors, its licence.
    footer = page.xpath('//footer[@class="attribution"]')[0]
    assert footer.xpath(".//a/@href")[:3] == [
        "https://de.wikipedia.org/wiki/Kategorie:Stadt_in_Deutschland",
        "https://de.wikipedia.org/w/index.php?title=Kategorie:Stadt_in_Deutschland&oldid=190000001",
        "https://de.wikipedia.org/w/index.php?title=Kategorie:Stadt_in_Deutschland&action=history",
    ]
    assert footer.xpath('.//a[@rel="license"]/@href') == [
        "https://creativecommons.org/licenses/by-sa/3.0/"
    ]
    # No article "Deutschland" here: its link is shown as missing.
    assert page.xpath('//a[@href="/wiki/Deutschland"]/@class') == ["wikilink new"]

    berlin = html(client, "/wiki/Berlin")
    assert "/category/Stadt_in_Deutschland" in berlin.xpath(
        '//section[@class="categories"]//a/@href'
    )


def test_links_in_a_description_turn_blue_when_their_article_arrives(client: Client) -> None:
    import_dump(CATEGORIES)
    publish("Deutschland", "Ein Staat.")
    page = html(client, "/category/Stadt_in_Deutschland")
    assert page.xpath('//a[@href="/wiki/Deutschland"]/@class') == ["wikilink"]


def test_importing_the_category_pages_again_changes_nothing() -> None:
    import_dump(CATEGORIES)
    saved = dict(Category.objects.values_list("name", "described"))
    again = import_dump(CATEGORIES)
    assert (again.read, again.categories, again.unchanged) == (2, 0, 2)
    assert dict(Category.objects.values_list("name", "described")) == saved


def newer(tmp_path: Path, text: str, *, when: str, revision: str = "190000009") -> Path:
    xml = CATEGORIES.read_text(encoding="utf-8")
    xml = xml.replace("<id>190000001</id>", f"<id>{revision}</id>", 1)
    xml = xml.replace("2019-06-01T10:00:00Z", when, 1)
    xml = xml.replace("In diese Kategorie werden", text, 1)
    path = tmp_path / f"dewiki-{revision}.xml"
    path.write_text(xml, encoding="utf-8")
    return path


def test_a_newer_category_page_replaces_the_description_and_an_older_one_does_not(
    tmp_path: Path,
) -> None:
    import_dump(CATEGORIES)
    later = import_dump(newer(tmp_path, "Hierher gehören", when="2024-01-01T00:00:00Z"))
    assert (later.categories, later.unchanged) == (1, 1)
    category = Category.objects.get(name="Stadt in Deutschland")
    assert "Hierher gehören" in category.description_html
    assert category.license == "CC-BY-SA-4.0"  # Wikimedia text after the 2023 switch
    assert "oldid=190000009" in category.revision_url
    # The older dump imported again does not bring the older description back.
    assert import_dump(CATEGORIES).categories == 0
    category.refresh_from_db()
    assert "Hierher gehören" in category.description_html


def test_a_category_page_of_a_wiki_without_a_known_licence_is_quarantined(tmp_path: Path) -> None:
    xml = CATEGORIES.read_text(encoding="utf-8").replace(
        "https://de.wikipedia.org/wiki/Wikipedia:Hauptseite", "https://wiki.example.org/wiki/Start"
    )
    path = tmp_path / "example.xml"
    path.write_text(xml, encoding="utf-8")
    run = import_dump(path)
    assert (run.categories, run.quarantined) == (0, 2)
    assert not Category.objects.exclude(description_hash="").exists()
    reasons = dict(Quarantine.objects.values_list("title", "reason"))
    assert set(reasons) == {"Kategorie:Stadt in Deutschland", "Kategorie:Kaputt"}
    non_commercial = import_dump(path, ReadOptions(license=get_license("CC-BY-NC-SA-4.0")))
    assert (non_commercial.categories, non_commercial.quarantined) == (0, 2)
    given = import_dump(path, ReadOptions(license=get_license("CC-BY-SA-4.0")))
    assert given.categories == 2
    category = Category.objects.get(name="Stadt in Deutschland")
    assert category.license == "CC-BY-SA-4.0"
    assert category.source_url == "https://wiki.example.org/wiki/Kategorie:Stadt_in_Deutschland"


def test_a_category_page_with_broken_markup_is_shown_inert(client: Client) -> None:
    import_dump(CATEGORIES)
    response = client.get("/category/Kaputt")
    assert response.status_code == 200
    content = response.content.decode()
    main = content.split('<main id="content"')[1].split("</main>")[0]
    for hostile in ("<script", "onmouseover", 'href="javascript'):
        assert hostile not in main, hostile
    for leak in ("{{", "}}", "[[", "]]", "{|", "|}", "<ref", "'''"):
        assert leak not in lxml.html.fromstring(main).text_content(), leak


@needs_corpus
def test_the_real_category_page_of_the_english_minidump(client: Client) -> None:
    run = import_dump(ENWIKI)
    assert run.categories == 1
    page = html(client, "/category/Pininfarina")
    assert page.xpath('//div[@class="article__body"]//a/@href') == ["/wiki/Pininfarina"]
    assert page.xpath('//section[@aria-labelledby="category-articles"]//p/text()') == [
        "No article is in this category yet."
    ]
    footer = page.xpath('//footer[@class="attribution"]')[0].text_content()
    assert "“Category:Pininfarina”" in footer
    assert "Creative Commons Attribution-ShareAlike 3.0" in footer


def test_the_articles_of_a_category_come_a_page_at_a_time(client: Client) -> None:
    for number in range(205):
        publish(f"Town {number:03}", "A town.", categories=("Towns",))
    first = html(client, "/category/Towns")
    listed = first.xpath('//ul[@class="category-list"]/li/a/text()')
    assert (len(listed), listed[0], listed[-1]) == (200, "Town 000", "Town 199")
    assert first.xpath('//nav[@class="pagination"]/a[@rel="next"]/@href') == ["?page=2"]
    second = html(client, "/category/Towns?page=2")
    assert second.xpath('//ul[@class="category-list"]/li/a/text()') == [
        f"Town {n}" for n in range(200, 205)
    ]
    # A page number that is not one shows the nearest page, never an error.
    assert html(client, "/category/Towns?page=abc").xpath("//ul/li/a/text()")[0] == "Town 000"
    assert html(client, "/category/Towns?page=999").xpath("//ul/li/a/text()")[0] == "Town 200"
    # A category without a description has no attribution to show.
    assert not first.xpath('//footer[@class="attribution"]')


def test_category_addresses(client: Client) -> None:
    publish("Bonn", "Eine Stadt.", categories=("Stadt in Deutschland",))
    response = client.get("/category/Stadt%20in%20Deutschland?page=1")
    assert response.status_code == 301
    assert response["Location"] == "/category/Stadt_in_Deutschland?page=1"
    assert client.get("/category/Nowhere").status_code == 404
    assert client.get("/category/a%5Bb").status_code == 404  # "[" is not in any name


def test_categories_saved_in_worker_processes_are_the_same(tmp_path: Path) -> None:
    run = import_run_start(path=CATEGORIES, format="mediawiki", options={})
    items = MediaWikiDumpReader().read(CATEGORIES, ReadOptions(workers=2))
    documents_ingest(run=run, items=items, workers=2)
    import_run_finish(run=run, status=ImportRun.Status.FINISHED)
    assert run.categories == 2
    html_in_workers = Category.objects.get(name="Stadt in Deutschland").description_html
    Category.objects.all().delete()
    import_dump(CATEGORIES)
    assert Category.objects.get(name="Stadt in Deutschland").description_html == html_in_workers


def test_a_killed_import_of_category_pages_resumes_without_loss_or_duplicates() -> None:
    from tests.apps.test_import_resume import Killed, killed_after

    import_dump(CATEGORIES)
    expected = sorted(Category.objects.values_list("name", "description_hash", "source_url"))
    Category.objects.all().delete()
    ImportRun.objects.all().delete()

    first = import_run_start(path=CATEGORIES, format="mediawiki", options={})
    items = killed_after(MediaWikiDumpReader().read(CATEGORIES, ReadOptions()), 1)
    with pytest.raises(Killed):
        documents_ingest(run=first, items=items, batch_size=1)
    skip = import_resume_point(path=CATEGORIES, format="mediawiki")
    assert skip == 1
    second = import_run_start(path=CATEGORIES, format="mediawiki", options={}, skip=skip)
    resumed = MediaWikiDumpReader().read(CATEGORIES, ReadOptions(skip=skip))
    documents_ingest(run=second, items=resumed, batch_size=1)
    assert (second.read, second.categories) == (1, 1)
    assert sorted(Category.objects.values_list("name", "description_hash", "source_url")) == (
        expected
    )
