"""The MediaWiki dump reader as an import sees it: which pages become which items."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from cyclopedia.document import Document
from cyclopedia.formats.base import (
    AliasItem,
    CategoryItem,
    ItemError,
    ReadItem,
    ReadOptions,
    ReadWarning,
)
from cyclopedia.formats.mediawiki.reader import MediaWikiDumpReader, category_name
from cyclopedia.render.description import description_html
from cyclopedia.render.prepared import PreparedDocument, prepare
from cyclopedia.render.text import html_to_text
from tests.unit.formats.mediawiki.test_dump import dump_xml, page, write

CORPUS = Path(__file__).resolve().parents[4].parent / "shared" / "corpus" / "mediawiki"
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason=f"{CORPUS} is not here")
DEWIKI_MINIDUMP = CORPUS / "dbpedia_minidumps" / "dewiki-minidump.xml.bz2"


@needs_corpus
def test_a_dump_whose_header_contradicts_its_file_name_warns_before_any_page() -> None:
    items = list(MediaWikiDumpReader().read(DEWIKI_MINIDUMP, ReadOptions()))
    warning, *pages = items
    assert isinstance(warning, ReadWarning)
    assert "file name says dewiki (language 'de')" in warning.message
    assert "header says 'en'" in warning.message
    assert pages
    assert all(isinstance(page, Document) for page in pages)


@needs_corpus
def test_no_warning_when_the_operator_gives_the_language() -> None:
    items = list(MediaWikiDumpReader().read(DEWIKI_MINIDUMP, ReadOptions(language="de")))
    assert not any(isinstance(item, ReadWarning) for item in items)
    assert {item.language for item in items if isinstance(item, Document)} == {"de"}


@needs_corpus
def test_a_resumed_read_warns_again_and_skips_only_pages() -> None:
    whole = list(MediaWikiDumpReader().read(DEWIKI_MINIDUMP, ReadOptions()))
    resumed = list(
        MediaWikiDumpReader().read(DEWIKI_MINIDUMP, dataclasses.replace(ReadOptions(), skip=1))
    )
    assert resumed[0] == whole[0]  # the warning
    assert resumed[1:] == whole[2:]  # one page passed over


# --- Category pages ---------------------------------------------------------------------------

DATA = Path(__file__).resolve().parents[3] / "data" / "mediawiki"
DEWIKI_CATEGORIES = DATA / "dewiki-categories.xml"
ENWIKI_MINIDUMP = CORPUS / "dbpedia_minidumps" / "enwiki-minidump.xml.bz2"
LEAKS = ("{{", "}}", "[[", "]]", "{|", "|}", "<ref", "'''")


def read(path: Path, **options: Any) -> list[ReadItem]:
    return list(MediaWikiDumpReader().read(path, ReadOptions(**options)))


@pytest.mark.parametrize("workers", [1, 2])
def test_finish_runs_on_each_document_where_the_reader_converts_it(workers: int) -> None:
    plain = read(ENWIKI_MINIDUMP)
    finished = read(ENWIKI_MINIDUMP, workers=workers, finish=prepare)
    kinds = {type(item) for item in plain}
    assert {Document, AliasItem, CategoryItem} <= kinds  # the minidump has all three
    assert len(finished) == len(plain)
    for before, after in zip(plain, finished, strict=True):
        if isinstance(before, Document):
            assert isinstance(after, PreparedDocument)
            assert after == prepare(before)
        else:
            assert after == before  # redirects and category pages as they were


def test_category_pages_become_descriptions_of_their_categories() -> None:
    """A German dump: "Kategorie:" pages (namespace 14) are kept, by the name after the wiki's own
    prefix; a category redirect and a template are not."""
    described, broken = read(DEWIKI_CATEGORIES)
    assert isinstance(described, CategoryItem)
    assert isinstance(broken, CategoryItem)
    assert (described.name, broken.name) == ("Stadt in Deutschland", "Kaputt")
    document = described.document
    assert document.title == "Kategorie:Stadt in Deutschland"
    assert document.language == "de"
    assert document.license.spdx == "CC-BY-SA-3.0"  # Wikimedia text of 2019
    assert document.attribution.source_url == (
        "https://de.wikipedia.org/wiki/Kategorie:Stadt_in_Deutschland"
    )
    assert document.attribution.revision_url is not None
    assert "oldid=190000001" in document.attribution.revision_url
    assert "Hauptartikel: [[Liste der Städte in Deutschland]]" in document.body
    assert [ref.text for ref in document.references] == ["Nach dem Recht des jeweiligen Landes."]
    assert document.categories == ("Ort in Deutschland", "Stadt nach Staat")


def test_a_category_page_with_broken_markup_leaks_nothing() -> None:
    [_, broken] = read(DEWIKI_CATEGORIES)
    assert isinstance(broken, CategoryItem)
    html = description_html(prepare(broken.document).rendered)
    visible = html_to_text(html)
    for leak in LEAKS:
        assert leak not in visible, leak
    for hostile in ("<script", "onmouseover", 'href="javascript'):
        assert hostile not in html, hostile


@needs_corpus
def test_the_real_category_page_of_the_english_minidump() -> None:
    [pininfarina] = [item for item in read(ENWIKI_MINIDUMP) if isinstance(item, CategoryItem)]
    assert pininfarina.name == "Pininfarina"
    document = pininfarina.document
    assert document.body == (
        '<div class="hatnote">\n\nMain article: [[Pininfarina]]\n\n</div>\n'
    )  # {{Cat main}}; {{commonscat}} is dropped
    assert document.attribution.source_url == "https://en.wikipedia.org/wiki/Category:Pininfarina"
    assert document.attribution.revision_url == (
        "https://en.wikipedia.org/w/index.php?title=Category:Pininfarina&oldid=1002371485"
    )
    assert document.license.spdx == "CC-BY-SA-3.0"
    assert "Italian automobile designers" in document.categories


ESPERANTO = """<siteinfo><sitename>Vikipedio</sitename><dbname>eowiki</dbname>
<base>https://eo.wikipedia.org/wiki/Vikipedio:%C4%88efpa%C4%9Do</base><case>first-letter</case>
<namespaces><namespace key="0" /><namespace key="10">Ŝablono</namespace>
<namespace key="14">Kategorio</namespace></namespaces></siteinfo>
"""


def test_localised_category_names_come_from_the_site_information(tmp_path: Path) -> None:
    """Export 0.3 has no <ns>: "Kategorio:" (Esperanto, a name the converter does not know by
    itself) is a category because the dump's site information says so, for the category page
    and for the articles filed in it (whose lower-case first letter MediaWiki capitalises)."""
    xml = dump_xml(
        page("Kategorio:Urboj en Germanio", "Urboj de [[Germanio]].", ns=None, page_id=1),
        page("Berlino", "Ĉefurbo.\n\n[[Kategorio:urboj en Germanio]]", ns=None, page_id=2),
        page("Ŝablono:Urbo", "Ŝablono.", ns=None, page_id=3),
        version="0.3",
        siteinfo=ESPERANTO,
        lang="eo",
    )
    category, article = read(write(tmp_path, xml))
    assert isinstance(category, CategoryItem)
    assert category.name == "Urboj en Germanio"
    assert isinstance(article, Document)
    assert article.categories == ("Urboj en Germanio",)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Category:towns", "Towns"),
        ("Kategorie:Stadt_in_Deutschland", "Stadt in Deutschland"),
        ("Catégorie:Ville : de France", "Ville : de France"),
        ("تصنيف:مدن ألمانيا", "مدن ألمانيا"),
    ],
)
def test_category_names(title: str, name: str) -> None:
    assert category_name(title) == name


def test_a_category_page_without_a_name_is_an_item_error(tmp_path: Path) -> None:
    xml = dump_xml(page("Kategorie:", "Leer.", ns=14, page_id=1), page("A", "Text.", page_id=2))
    error, article = read(write(tmp_path, xml))
    assert isinstance(error, ItemError)
    assert error.title == "Kategorie:"
    assert "the title is empty" in error.message
    assert isinstance(article, Document)


# --- Redirects ----------------------------------------------------------------------------------


def test_a_redirect_says_which_wiki_and_when(tmp_path: Path) -> None:
    """So that an import can tell an article whose page became a redirect since."""
    xml = dump_xml(page("Alt", "#WEITERLEITUNG [[Neu]]", page_id=5), lang="de")
    [item] = read(write(tmp_path, xml))
    assert item == AliasItem(
        title="Alt",
        target="Neu",
        key="dewiki:5",
        source_name="Wikipedia (German)",
        source_url="https://de.wikipedia.org/wiki/Alt",
        timestamp=datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC),
    )
