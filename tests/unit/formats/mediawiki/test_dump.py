"""The streaming MediaWiki XML dump reader: the real dumps of the corpus, every export schema,
history dumps, hostile XML, truncation, encodings, per-page limits and flat memory."""

from __future__ import annotations

import bz2
import os
import random
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

import pytest

from cyclopedia.formats.base import MAX_ITEM_BYTES, ItemError, ReadError
from cyclopedia.formats.mediawiki import dump, pages, parser, redirects, siteinfo
from cyclopedia.formats.mediawiki.compression import open_decompressed
from cyclopedia.formats.mediawiki.dump import (
    CANONICAL_NAMESPACES,
    DumpReader,
    PageRevision,
    redirect_target,
)

REPOSITORY = Path(__file__).resolve().parents[4]
CORPUS = REPOSITORY.parent / "shared" / "corpus" / "mediawiki"
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason=f"{CORPUS} is not here")
ENWIKI = "gensim_enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
BGWIKI = "gensim_bgwiki-latest-pages-articles-shortened.xml.bz2"

SITEINFO = """<siteinfo><sitename>Wikipedia</sitename><dbname>dewiki</dbname>
<base>https://de.wikipedia.org/wiki/Wikipedia:Hauptseite</base><case>first-letter</case>
<namespaces><namespace key="0" /><namespace key="1">Diskussion</namespace>
<namespace key="4">Wikipedia</namespace><namespace key="6">Datei</namespace>
<namespace key="14">Kategorie</namespace></namespaces></siteinfo>
"""


def page(
    title: str | None,
    text: str | None = "Some text.",
    *,
    ns: int | None = 0,
    page_id: int = 1,
    redirect: str | None = None,
    revision: str = "",
) -> str:
    """One <page> with one revision (or the given revision elements)."""
    parts = ["<page>"]
    if title is not None:
        parts.append(f"<title>{escape(title)}</title>")
    if ns is not None:
        parts.append(f"<ns>{ns}</ns>")
    parts.append(f"<id>{page_id}</id>")
    if redirect is not None:
        parts.append(f"<redirect title={quoteattr(redirect)} />")
    if not revision:
        body = "" if text is None else f'<text xml:space="preserve">{escape(text)}</text>'
        revision = revision_xml(page_id * 10, body)
    parts.append(revision)
    parts.append("</page>\n")
    return "".join(parts)


def revision_xml(revision_id: int, body: str, *, when: str = "2020-01-02T03:04:05Z") -> str:
    return (
        f"<revision><id>{revision_id}</id><timestamp>{when}</timestamp>"
        "<contributor><username>Ann</username><id>7</id></contributor>"
        f"<comment>edit</comment><model>wikitext</model><format>text/x-wiki</format>{body}"
        "</revision>"
    )


def dump_xml(*pages: str, version: str = "0.10", siteinfo: str = SITEINFO, lang: str = "de") -> str:
    return (
        f'<mediawiki xmlns="http://www.mediawiki.org/xml/export-{version}/" '
        f'version="{version}" xml:lang="{lang}">\n{siteinfo}{"".join(pages)}</mediawiki>\n'
    )


def write(directory: Path, content: str | bytes, name: str = "dump.xml") -> Path:
    path = directory / name
    data = content.encode() if isinstance(content, str) else content
    path.write_bytes(bz2.compress(data, 1) if name.endswith(".bz2") else data)
    return path


def items(path: Path, **options: str) -> list[PageRevision | ItemError]:
    return list(DumpReader(path, **options).pages())


def only_pages(path: Path) -> list[PageRevision]:
    found = items(path)
    assert all(isinstance(item, PageRevision) for item in found), found
    return [item for item in found if isinstance(item, PageRevision)]


def read_until_error(path: Path) -> tuple[list[PageRevision | ItemError], ReadError]:
    got: list[PageRevision | ItemError] = []
    with pytest.raises(ReadError) as caught:  # noqa: PT012
        for item in DumpReader(path).pages():
            got.append(item)
    return got, caught.value


# --- The corpus -----------------------------------------------------------------------------------

# file -> (pages, redirects, item errors), as observed, or the ReadError's telling words.
CORPUS_RESULTS: dict[str, tuple[int, int, int] | str] = {
    "dbpedia_minidumps/arwiki-minidump.xml.bz2": (3, 0, 0),
    "dbpedia_minidumps/dewiki-minidump.xml.bz2": (2, 0, 0),
    "dbpedia_minidumps/enwiki-minidump.xml.bz2": (27, 2, 0),
    "dbpedia_minidumps/eswiki-minidump.xml.bz2": (1, 0, 0),
    "dbpedia_minidumps/frwiki-minidump.xml.bz2": (3, 0, 0),
    "dbpedia_minidumps/jawiki-minidump.xml.bz2": (1, 0, 0),
    "dbpedia_minidumps/ruwiki-minidump.xml.bz2": (1, 0, 0),
    "dbpedia_minidumps/simplewiki-minidump.xml.bz2": (1, 0, 0),
    "dbpedia_minidumps/zhwiki-minidump.xml.bz2": (1, 0, 0),
    BGWIKI: (3, 0, 0),
    ENWIKI: (206, 100, 0),
    "gensim_enwiki-table-markup.xml.bz2": (5, 0, 0),
    "pywikibot_xml/article-pear-0.10.xml": (1, 0, 0),
    "pywikibot_xml/article-pear.xml": (1, 0, 0),
    "pywikibot_xml/article-pyrus-utf16.xml": (1, 1, 0),
    "pywikibot_xml/article-pyrus-utf16.xml.bz2": (1, 1, 0),
    "pywikibot_xml/article-pyrus.xml": (1, 1, 0),
    "pywikibot_xml/article-pyrus.xml.7z": "a 7z archive, which cannot be read directly",
    "pywikibot_xml/article-pyrus.xml.bz2": (1, 1, 0),
    "pywikibot_xml/article-pyrus.xml.gz": (1, 1, 0),
    "pywikibot_xml/article-pyrus.xml.lzma": (1, 1, 0),
    "pywikibot_xml/article-pyrus.xml.xz": (1, 1, 0),
    "pywikibot_xml/article-pyrus.xml_invalid.7z": "does not start with the 7z signature",
    "pywikibot_xml/dummy-reflinks.xml": (2, 0, 0),
    "pywikibot_xml/dummy-template.xml": (3, 0, 0),
    "pywikibot_xml/pair-0.10.xml": (2, 0, 0),
    "wikipedia2vec_enwiki-pages-articles-sample.xml.bz2": (3, 1, 0),
    "zulko_tiny_dump_enwiki-20250201.xml.bz2": (70, 64, 0),
}
DUMP_ENDINGS = (".xml", ".bz2", ".gz", ".xz", ".lzma", ".7z")


@needs_corpus
def test_every_dump_of_the_corpus_is_in_the_table() -> None:
    found = {
        str(path.relative_to(CORPUS))
        for path in CORPUS.rglob("*")
        if path.is_file() and path.name.endswith(DUMP_ENDINGS)
    }
    assert found == set(CORPUS_RESULTS)


@needs_corpus
@pytest.mark.parametrize("name", sorted(CORPUS_RESULTS))
def test_every_corpus_dump_reads_fully_or_is_refused_clearly(name: str) -> None:
    expected = CORPUS_RESULTS[name]
    path = CORPUS / name
    if isinstance(expected, str):
        with pytest.raises(ReadError, match=expected) as caught:
            items(path)
        assert caught.value.path == str(path)
        assert "7z x" in caught.value.reason
        return
    found = items(path)
    pages = [item for item in found if isinstance(item, PageRevision)]
    redirects = [item for item in pages if item.redirect_target]
    errors = [item for item in found if isinstance(item, ItemError)]
    assert (len(pages), len(redirects), len(errors)) == expected
    assert all(item.title and item.revision_id for item in pages)
    assert all(item.timestamp and item.timestamp.tzinfo == UTC for item in pages)


@needs_corpus
def test_the_enwiki_chunk() -> None:
    reader = DumpReader(CORPUS / ENWIKI)
    site = reader.site
    assert (site.sitename, site.dbname, site.schema_version) == ("Wikipedia", "enwiki", "0.10")
    assert site.base == "https://en.wikipedia.org/wiki/Main_Page"
    assert site.server == "https://en.wikipedia.org"
    assert (site.language, site.language_source) == ("en", "xml:lang")
    assert site.namespaces[14] == "Category"
    assert site.namespaces[0] == ""
    pages = {item.title: item for item in only_pages(CORPUS / ENWIKI)}
    articles = [p for p in pages.values() if not p.redirect_target]
    assert len(articles) == 106  # shared/corpus/README.md: 106 articles, 100 redirects
    first = pages["AccessibleComputing"]
    assert first.redirect_target == "Computer accessibility"
    assert (first.page_id, first.revision_id) == ("10", "631144794")
    assert first.timestamp == datetime(2014, 10, 26, 4, 50, 23, tzinfo=UTC)
    assert first.contributor == "Paine Ellsworth"
    anarchism = pages["Anarchism"]
    assert anarchism.redirect_target is None
    assert anarchism.text.startswith("{{Redirect2|Anarchist|Anarchists")
    assert "'''Anarchism''' is a [[political philosophy]]" in anarchism.text
    assert (anarchism.model, anarchism.format) == ("wikitext", "text/x-wiki")
    assert pages["Wikipedia:Adding Wikipedia articles to Nupedia"].namespace == 4


@needs_corpus
def test_an_export_0_11_dump_without_siteinfo() -> None:
    path = CORPUS / "zulko_tiny_dump_enwiki-20250201.xml.bz2"
    reader = DumpReader(path)
    assert reader.site.schema_version == "0.11"
    assert (reader.site.language, reader.site.language_source) == ("en", "default")
    assert reader.site.namespaces == CANONICAL_NAMESPACES
    assert reader.site.server == ""
    pages = list(reader.pages())
    first = pages[0]
    assert isinstance(first, PageRevision)
    assert (first.title, first.redirect_target) == ("AccessibleComputing", "Computer accessibility")
    assert first.parent_id == "1219062840"
    assert "Anarchism" in {p.title for p in pages if isinstance(p, PageRevision)}


@needs_corpus
def test_a_utf16_dump_with_a_byte_order_mark() -> None:
    path = CORPUS / BGWIKI
    with bz2.open(path) as stream:
        assert stream.read(2) == b"\xff\xfe"  # UTF-16 little-endian, with its mark
    reader = DumpReader(path)
    assert (reader.site.sitename, reader.site.language) == ("Уикипедия", "bg")
    assert reader.site.server == "https://bg.wikipedia.org"
    assert reader.site.namespaces[14] == "Категория"
    pages = only_pages(path)
    assert [(p.title, p.namespace) for p in pages] == [
        ("Григориански календар", 0),
        ("Уикипедия:Редактиране на страници", 4),
        ("Уикипедия:Разговори/Архив/2005/октомври-ноември-декември", 4),
    ]
    assert "календар" in pages[0].text


@needs_corpus
def test_a_utf16_big_endian_dump_without_a_mark_reads_like_its_utf8_twin() -> None:
    directory = CORPUS / "pywikibot_xml"
    assert (directory / "article-pyrus-utf16.xml").read_bytes()[:4] == b"\x00<\x00?"  # no mark
    utf8 = only_pages(directory / "article-pyrus.xml")
    assert only_pages(directory / "article-pyrus-utf16.xml") == utf8
    assert only_pages(directory / "article-pyrus-utf16.xml.bz2") == utf8
    for suffix in (".bz2", ".gz", ".xz", ".lzma"):
        assert only_pages(directory / f"article-pyrus.xml{suffix}") == utf8
    assert utf8[0].title == "Pyrus"
    assert utf8[0].redirect_target == "Pear"  # export 0.3's empty <redirect />: from the text


@needs_corpus
def test_a_history_dump_gives_the_last_revision() -> None:
    pages = only_pages(CORPUS / "pywikibot_xml" / "pair-0.10.xml")
    article, talk = pages
    assert article.title == "Çullu, Agdam"
    assert article.revisions == 2
    assert article.revision_id == "237383099"  # the second: the first was a redirect
    assert article.parent_id == "237382899"
    assert article.redirect_target is None
    assert article.text.startswith("'''Çullu, Agdam''' may refer to:")
    assert (talk.title, talk.namespace, talk.text) == (
        "Talk:Çullu, Agdam",
        1,
        "{{DisambigProject}}",
    )


@needs_corpus
def test_an_export_0_3_history_without_ns() -> None:
    path = CORPUS / "pywikibot_xml" / "article-pear.xml"
    site = DumpReader(path).site
    assert (site.schema_version, site.dbname, site.server) == (
        "0.3",
        "",
        "https://en.wikipedia.org",
    )
    [pear] = only_pages(path)
    assert (pear.title, pear.namespace, pear.revisions, pear.revision_id) == (
        "Pear",
        0,
        4,
        "188924",
    )
    assert pear.model is None  # export 0.3 has no content model


@needs_corpus
def test_the_dbpedia_minidumps_claim_to_be_english() -> None:
    """Their header is enwiki's (xml:lang="en", <dbname>enwiki) whatever the pages' language:
    the header wins, with a warning when the file name says otherwise, and the operator can give
    the language."""
    path = CORPUS / "dbpedia_minidumps" / "dewiki-minidump.xml.bz2"
    site = DumpReader(path).site
    assert (site.dbname, site.language, site.language_source) == ("enwiki", "en", "xml:lang")
    [warning] = site.warnings
    assert "dewiki" in warning
    assert "'de'" in warning
    given = DumpReader(path, language="de").site
    assert (given.language, given.language_source, given.warnings) == ("de", "given", ())
    titles = {p.title for p in only_pages(path)}
    assert titles == {"Arthur Schopenhauer", "Berlin"}
    [ja] = only_pages(CORPUS / "dbpedia_minidumps" / "jawiki-minidump.xml.bz2")
    assert ja.title == "ベルリン"
    assert (
        DumpReader(CORPUS / "dbpedia_minidumps" / "simplewiki-minidump.xml.bz2").site.warnings == ()
    )


@needs_corpus
def test_legacy_redirects_of_the_enwiki_minidump() -> None:
    pages = only_pages(CORPUS / "dbpedia_minidumps" / "enwiki-minidump.xml.bz2")
    redirects = {p.title: p.redirect_target for p in pages if p.redirect_target}
    assert redirects["`Abdu'l-Bahá"] == "ʻAbdu'l-Bahá"


@needs_corpus
def test_text_redirects_agree_with_the_redirect_elements_of_the_corpus() -> None:
    """Wherever a dump has <redirect title=..>, reading the text alone finds the same target."""
    checked = 0
    for name in (ENWIKI, "zulko_tiny_dump_enwiki-20250201.xml.bz2"):
        for item in only_pages(CORPUS / name):
            assert redirect_target(item.text) == item.redirect_target, item.title
            checked += item.redirect_target is not None
    assert checked == 164


# --- Schemas, namespaces, site information --------------------------------------------------------


@pytest.mark.parametrize("version", [f"0.{minor}" for minor in range(3, 12)])
def test_every_export_schema_is_read_by_local_names(tmp_path: Path, version: str) -> None:
    ns = None if version == "0.3" else 14
    path = write(tmp_path, dump_xml(page("Kategorie:Obst", "Früchte", ns=ns), version=version))
    reader = DumpReader(path)
    assert reader.site.schema_version == version
    [item] = only_pages(path)
    assert (item.title, item.namespace, item.text) == ("Kategorie:Obst", 14, "Früchte")


def test_the_version_comes_from_the_namespace_when_the_attribute_is_missing(tmp_path: Path) -> None:
    xml = dump_xml(page("A")).replace(' version="0.10"', "")
    assert DumpReader(write(tmp_path, xml)).site.schema_version == "0.10"


def test_a_dump_without_any_xml_namespace(tmp_path: Path) -> None:
    xml = f"<mediawiki>{SITEINFO}{page('A', 'a')}</mediawiki>"
    assert [p.title for p in only_pages(write(tmp_path, xml))] == ["A"]


@pytest.mark.parametrize(
    ("title", "namespace"),
    [
        ("Kategorie:Obst", 14),  # the wiki's localised name
        ("Category:Fruit", 14),  # MediaWiki's canonical name works on every wiki
        ("Diskussion:Birne", 1),
        ("Datei:Birne.jpg", 6),
        ("Image:Pear.jpg", 6),  # File: was Image: before MediaWiki 1.14
        ("Project:About", 4),
        ("Template talk:Infobox", 11),
        ("category_talk:x", 15),  # case and underscores do not matter
        ("Birne", 0),
        ("Star Wars: A New Hope", 0),  # a colon is not a namespace
        ("Kategorie:", 0),
    ],
)
def test_export_0_3_namespaces_come_from_the_title(
    tmp_path: Path, title: str, namespace: int
) -> None:
    path = write(tmp_path, dump_xml(page(title, ns=None), version="0.3"))
    [item] = only_pages(path)
    assert item.namespace == namespace


def test_the_public_names_of_the_dump_module_stay_where_they_were() -> None:
    """dump.py was split into modules named after what they hold; its names still import."""
    assert dump.__all__ == [
        "CANONICAL_NAMESPACES",
        "DumpReader",
        "PageRevision",
        "SiteInfo",
        "redirect_target",
    ]
    assert dump.PageRevision is pages.PageRevision
    assert dump.SiteInfo is siteinfo.SiteInfo
    assert dump.CANONICAL_NAMESPACES is siteinfo.CANONICAL_NAMESPACES
    assert dump.redirect_target is redirects.redirect_target


def test_site_information(tmp_path: Path) -> None:
    site = DumpReader(write(tmp_path, dump_xml(page("A")))).site
    assert site.sitename == "Wikipedia"
    assert site.dbname == "dewiki"
    assert site.base == "https://de.wikipedia.org/wiki/Wikipedia:Hauptseite"
    assert site.server == "https://de.wikipedia.org"
    assert site.case == "first-letter"
    assert site.namespaces == {0: "", 1: "Diskussion", 4: "Wikipedia", 6: "Datei", 14: "Kategorie"}
    assert (site.language, site.language_source, site.warnings) == ("de", "xml:lang", ())


@pytest.mark.parametrize(
    ("dbname", "language", "source"),
    [
        ("dewiki", "de", "dbname"),
        ("frwiktionary", "fr", "dbname"),
        ("zh_yuewiki", "yue", "dbname"),
        ("simplewiki", "en", "dbname"),
        ("be_x_oldwiki", "be-tarask", "dbname"),
        ("commonswiki", "en", "default"),
        ("my_wiki_db", "en", "default"),
        ("", "en", "default"),
    ],
)
def test_without_xml_lang_the_language_comes_from_the_dbname(
    tmp_path: Path, dbname: str, language: str, source: str
) -> None:
    siteinfo = SITEINFO.replace("<dbname>dewiki</dbname>", f"<dbname>{dbname}</dbname>")
    xml = dump_xml(page("A"), siteinfo=siteinfo).replace(' xml:lang="de"', "")
    site = DumpReader(write(tmp_path, xml)).site
    assert (site.language, site.language_source) == (language, source)


def test_a_protocol_relative_base(tmp_path: Path) -> None:
    siteinfo = SITEINFO.replace("https://de.wikipedia.org", "//de.wikipedia.org")
    assert DumpReader(write(tmp_path, dump_xml(siteinfo=siteinfo))).site.server == (
        "https://de.wikipedia.org"
    )


def test_a_file_name_contradicting_the_header_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, dump_xml(page("A")), "frwiki-20240101-pages-articles.xml")
    [warning] = DumpReader(path).site.warnings
    assert "frwiki" in warning
    assert "'de'" in warning


def test_an_empty_dump_has_site_information_and_no_pages(tmp_path: Path) -> None:
    path = write(tmp_path, '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/"/>')
    reader = DumpReader(path)
    assert reader.site.schema_version == "0.10"
    assert list(reader.pages()) == []


# --- Pages ----------------------------------------------------------------------------------------


def test_a_page_and_its_fields(tmp_path: Path) -> None:
    [item] = only_pages(write(tmp_path, dump_xml(page("Birne", "Die '''Birne''' …", page_id=5))))
    assert item == PageRevision(
        title="Birne",
        namespace=0,
        page_id="5",
        redirect_target=None,
        revision_id="50",
        parent_id=None,
        timestamp=datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC),
        contributor="Ann",
        comment="edit",
        text="Die '''Birne''' …",
        model="wikitext",
        format="text/x-wiki",
    )


def test_an_ip_contributor_and_hidden_fields(tmp_path: Path) -> None:
    revision = (
        "<revision><id>3</id><parentid>2</parentid><timestamp>2001-01-15T13:15:00Z</timestamp>"
        '<contributor><ip>192.0.2.1</ip></contributor><comment deleted="deleted" />'
        '<text xml:space="preserve">x</text></revision>'
    )
    [item] = only_pages(write(tmp_path, dump_xml(page("A", revision=revision))))
    assert (item.contributor, item.comment, item.parent_id) == ("192.0.2.1", None, "2")
    assert item.timestamp == datetime(2001, 1, 15, 13, 15, tzinfo=UTC)
    hidden = revision.replace("<ip>192.0.2.1</ip>", "").replace(
        "<contributor>", '<contributor deleted="deleted">'
    )
    [item] = only_pages(write(tmp_path, dump_xml(page("A", revision=hidden))))
    assert item.contributor is None


def test_an_empty_text_is_an_empty_page(tmp_path: Path) -> None:
    body = '<text bytes="0" xml:space="preserve" />'
    [item] = only_pages(write(tmp_path, dump_xml(page("A", revision=revision_xml(1, body)))))
    assert item.text == ""


def test_several_revisions_give_the_last(tmp_path: Path) -> None:
    revisions = "".join(
        revision_xml(n, f"<text>version {n}</text>", when=f"2020-01-0{n}T00:00:00Z")
        for n in (1, 2, 3)
    )
    [item] = only_pages(write(tmp_path, dump_xml(page("A", revision=revisions))))
    assert (item.text, item.revision_id, item.revisions) == ("version 3", "3", 3)
    assert item.timestamp == datetime(2020, 1, 3, tzinfo=UTC)


def test_the_redirect_element_wins_over_the_text(tmp_path: Path) -> None:
    xml = dump_xml(
        page("A", "#WEITERLEITUNG [[B]]", redirect="C", page_id=1),
        page("D", "#WEITERLEITUNG [[e_f#Abschnitt|x]]", page_id=2),
        page("G", "Kein [[Redirect]]", page_id=3),
    )
    targets = [p.redirect_target for p in only_pages(write(tmp_path, xml))]
    assert targets == ["C", "E f", None]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("#REDIRECT [[Computer accessibility]]", "Computer accessibility"),
        ("#redirect [[pear]]", "Pear"),  # first letter capitalised, as the wiki does
        ("#Redirect[[Pear]]", "Pear"),
        ("  #REDIRECT: [[Pear]]\n{{R from move}}", "Pear"),
        ("#REDIRECT [[Pear#Cultivation|pears]]", "Pear"),
        ("#REDIRECT [[:Category:Pears]]", "Category:Pears"),
        ("#REDIRECT [[Pyrus_communis]]", "Pyrus communis"),
        ("#WEITERLEITUNG [[Birne]]", "Birne"),
        ("#Weiterleitung [[Birne]]", "Birne"),
        ("#REDIRECCIÓN [[Pera]]", "Pera"),
        ("#перенаправление [[Груша]]", "Груша"),
        ("#ПЕРЕНАПРАВЛЕНИЕ [[Груша]]", "Груша"),
        ("#تحويل [[كمثرى]]", "كمثرى"),
        ("#転送 [[ナシ]]", "ナシ"),
        ("#重定向 [[梨]]", "梨"),
        ("#REDIRECTION [[Poire]]", "Poire"),
        ("#DOORVERWIJZING [[Peer]]", "Peer"),
    ],
)
def test_redirects_in_every_language(text: str, target: str) -> None:
    assert redirect_target(text) == target


@pytest.mark.parametrize(
    "text",
    [
        "The pear. #REDIRECT [[Pear]]",  # not at the start
        "#1 [[Pear]] single of the year",  # a numbered list item
        "#see [[Pear]] for more",  # a lower-case word no wiki uses for redirects
        "# [[Pear]] is a fruit",
        "#REDIRECT Pear",
        "#REDIRECT [[]]",
        "#REDIRECT [[ : ]]",
        "#REDIRECT\n\n== Heading ==",
        "{{Redirect|Pyrus}}\nThe '''pear'''",
        "",
    ],
)
def test_text_that_is_not_a_redirect(text: str) -> None:
    assert redirect_target(text) is None


def test_a_long_run_of_spaces_does_not_make_the_redirect_pattern_backtrack() -> None:
    """With two optional runs of white space around the colon, this took minutes."""
    assert redirect_target("#REDIRECT" + " " * 200_000 + "x") is None
    assert redirect_target("#REDIRECT" + " " * 200_000 + "[[Pear]]") == "Pear"


def test_case_sensitive_wikis_keep_the_first_letter() -> None:
    assert redirect_target("#REDIRECT [[iPod]]", first_letter=False) == "iPod"
    assert redirect_target("#REDIRECT [[iPod]]") == "IPod"


@pytest.mark.parametrize(
    ("bad_page", "reason"),
    [
        (page(None, page_id=9), "the page has no title"),
        (page("  ", page_id=9), "the page has no title"),
        (page("Missing", None), "has no <text>"),
        (page("Deleted", revision=revision_xml(1, '<text deleted="deleted" />')), "deleted"),
        (page("Stub", revision=revision_xml(1, '<text bytes="120" id="4" />')), "stub dump"),
        (page("Markup", revision=revision_xml(1, "<text>a<b>c</b></text>")), "XML elements"),
        ("<page><title>Bare</title><ns>0</ns><id>3</id></page>", "has no revision"),
        (page("Badns").replace("<ns>0</ns>", "<ns>main</ns>"), "namespace 'main' is not a number"),
        (page("Badtime", revision=revision_xml(1, "<text>x</text>", when="yesterday")), "ISO 8601"),
    ],
)
def test_a_bad_page_is_an_item_error_and_the_run_goes_on(
    tmp_path: Path, bad_page: str, reason: str
) -> None:
    xml = dump_xml(page("Before", page_id=1), bad_page, page("After", page_id=2))
    found = items(write(tmp_path, xml))
    assert [getattr(item, "title", None) for item in (found[0], found[-1])] == ["Before", "After"]
    assert len(found) == 3
    error = found[1]
    assert isinstance(error, ItemError)
    assert reason in error.message
    title = bad_page.partition("<title>")[2].partition("</title>")[0]
    assert error.key == (title if title.strip() else "page id 9")


def test_a_page_without_ns_in_a_later_schema_takes_it_from_its_title(tmp_path: Path) -> None:
    [item] = only_pages(write(tmp_path, dump_xml(page("Kategorie:Obst", ns=None))))
    assert item.namespace == 14


def test_a_page_over_the_size_limit_is_an_item_error(tmp_path: Path) -> None:
    """Bytes count, not characters: 4.2 million Cyrillic letters are 8.4 MB of UTF-8."""
    letters = "ж" * (MAX_ITEM_BYTES // 2 + 10)
    assert len(letters) < MAX_ITEM_BYTES < len(letters.encode())
    xml = dump_xml(page("Huge", letters, page_id=1), page("Fine", "ж" * 1000, page_id=2))
    huge, fine = items(write(tmp_path, xml, "dump.xml.bz2"))
    assert isinstance(huge, ItemError)
    assert (huge.key, huge.title) == ("Huge", "Huge")
    assert f"a page may be {MAX_ITEM_BYTES:,}" in huge.message
    assert isinstance(fine, PageRevision)
    assert fine.title == "Fine"


def test_a_page_at_the_size_limit_is_read(tmp_path: Path) -> None:
    text = "a" * MAX_ITEM_BYTES
    [item] = only_pages(write(tmp_path, dump_xml(page("Big", text))))
    assert len(item.text) == MAX_ITEM_BYTES


def test_the_site_comes_first_and_pages_can_be_read_again(tmp_path: Path) -> None:
    path = write(tmp_path, dump_xml(page("A", page_id=1), page("B", page_id=2)), "d.xml.bz2")
    with DumpReader(path) as reader:
        assert reader.open().dbname == "dewiki"
        assert [p.title for p in reader.pages() if isinstance(p, PageRevision)] == ["A", "B"]
        assert [p.title for p in reader.pages() if isinstance(p, PageRevision)] == ["A", "B"]
        assert reader.site.dbname == "dewiki"


def test_the_site_during_iteration_does_not_reopen_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []

    def counting(path: Path) -> BinaryIO:
        opened.append(path)
        return open_decompressed(path)

    monkeypatch.setattr("cyclopedia.formats.mediawiki.dump.open_decompressed", counting)
    reader = DumpReader(write(tmp_path, dump_xml(page("A", page_id=1), page("B", page_id=2))))
    sites = [reader.site for _ in reader.pages()]
    assert [site.dbname for site in sites] == ["dewiki", "dewiki"]
    assert reader.site is sites[0]
    assert len(opened) == 1


def test_closing_an_opened_reader_closes_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, dump_xml(page("A")))
    reader = DumpReader(path)
    reader.open()
    opened = len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").exists() else None
    reader.close()
    if opened is not None:
        assert len(os.listdir("/proc/self/fd")) == opened - 1


# --- Encodings ------------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings(tmp_path: Path, codec: str) -> None:
    declared = codec.removesuffix("-sig").upper()
    declaration = f'<?xml version="1.0" encoding="{declared}"?>\n'
    data = (declaration + dump_xml(page("Ñandú", "Der Ñandú – ein Laufvogel 🐦"))).encode(codec)
    if codec == "utf-16-le":
        data = b"\xff\xfe" + data  # libxml2 wants the mark for little-endian
    [item] = only_pages(write(tmp_path, data))
    assert (item.title, item.text) == ("Ñandú", "Der Ñandú – ein Laufvogel 🐦")


def test_a_declared_legacy_encoding(tmp_path: Path) -> None:
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?>\n' + dump_xml(page("Café", "Crème brûlée"))
    [item] = only_pages(write(tmp_path, xml.encode("iso-8859-1")))
    assert (item.title, item.text) == ("Café", "Crème brûlée")


def test_an_unknown_encoding_is_refused(tmp_path: Path) -> None:
    xml = '<?xml version="1.0" encoding="x-martian"?>' + dump_xml(page("A"))
    with pytest.raises(ReadError, match="Unsupported encoding: x-martian"):
        items(write(tmp_path, xml))


def test_invalid_utf8_stops_the_run_with_the_line(tmp_path: Path) -> None:
    xml = dump_xml(page("Good", page_id=1), page("Bad", "caf\udce9", page_id=2))
    data = xml.encode("utf-8", "surrogateescape")
    got, error = read_until_error(write(tmp_path, data))
    assert [p.title for p in got if isinstance(p, PageRevision)] == ["Good"]
    assert "malformed at line" in error.reason
    assert "1 page was read before it" in error.reason


# --- Hostile XML ----------------------------------------------------------------------------------

LAUGHS = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)).replace(
    "&lol0;" * 10, "lol"
)
HOSTILE = {
    "billion laughs": f"<!DOCTYPE mediawiki [{LAUGHS}]>",
    "quadratic blowup": f'<!DOCTYPE mediawiki [<!ENTITY a "{"x" * 50_000}">]>',
    "external entity": '<!DOCTYPE mediawiki [<!ENTITY secret SYSTEM "file://{secret}">]>',
    "external DTD": '<!DOCTYPE mediawiki SYSTEM "http://127.0.0.1:{port}/mediawiki.dtd">',
    "parameter entity": (
        '<!DOCTYPE mediawiki [<!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/x">%remote;]>'
    ),
}
USES = {
    "billion laughs": "&lol9;",
    "quadratic blowup": "&a;" * 50_000,
    "external entity": "&secret;",
    "external DTD": "text",
    "parameter entity": "text",
}


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local port that notes any connection: the parser must never make one."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.setblocking(False)
    yield server
    server.close()


def no_connection(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return True
    connection.close()
    return False


def hostile_dump(kind: str, secret: Path, port: int, *, comment: bool = False) -> str:
    doctype = HOSTILE[kind].format(secret=secret, port=port)
    prolog = '<?xml version="1.0"?>\n' + ("<!-- a dump -->\n" if comment else "") + doctype
    return prolog + "\n" + dump_xml(page("Attack", "x").replace(">x<", f">{USES[kind]}<"))


@pytest.mark.parametrize("kind", sorted(HOSTILE))
@pytest.mark.parametrize("codec", ["utf-8", "utf-16"])
def test_dtds_and_entities_are_refused_before_parsing(
    tmp_path: Path, listener: socket.socket, kind: str, codec: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD")
    xml = hostile_dump(kind, secret, listener.getsockname()[1], comment=codec == "utf-16")
    path = write(tmp_path, xml.replace('"1.0"?>', f'"1.0" encoding="{codec}"?>').encode(codec))
    with pytest.raises(ReadError, match="declares a DTD or entities; refused") as caught:
        items(path)
    assert caught.value.path == str(path)
    assert "TOP-SECRET" not in str(caught.value)
    assert no_connection(listener)


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_the_parser_itself_resolves_nothing(
    tmp_path: Path, listener: socket.socket, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Even with the check of the prolog switched off, libxml2 neither expands entities nor
    reads files nor connects anywhere, and the DTD it saw is refused."""
    monkeypatch.setattr(parser, "check_prolog", lambda path, stream: b"")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD")
    path = write(tmp_path, hostile_dump(kind, secret, listener.getsockname()[1]))
    with pytest.raises(ReadError, match="declares a DTD or entities; refused") as caught:
        items(path)
    assert "TOP-SECRET" not in str(caught.value)
    assert no_connection(listener)


def test_a_dtd_hidden_in_utf7_is_refused(tmp_path: Path) -> None:
    """UTF-7 writes "<" as "+ADw-": the check of the prolog cannot see the DOCTYPE, libxml2 can,
    and it is refused all the same."""
    doctype = '+ADw-!DOCTYPE mediawiki +AFs-+ADw-!ENTITY x "boom"+AD4-+AF0-+AD4-'
    xml = f'<?xml version="1.0" encoding="UTF-7"?>\n{doctype}\n{dump_xml(page("A", "&x;"))}'
    xml = xml.replace(">&x;<", ">+ACY-x;<")
    with pytest.raises(ReadError, match="declares a DTD or entities; refused"):
        items(write(tmp_path, xml))


def test_deep_nesting_is_refused_by_the_parser_limits(tmp_path: Path) -> None:
    nested = "<x>" * 5000 + "</x>" * 5000
    xml = dump_xml(page("Fine", page_id=1), page("Deep", page_id=2).replace("<id>2</id>", nested))
    got, error = read_until_error(write(tmp_path, xml))
    assert [p.title for p in got if isinstance(p, PageRevision)] == ["Fine"]
    assert "safety limits" in error.reason
    assert "1 page was read before it" in error.reason


def test_a_text_node_over_the_parser_limit_is_refused(tmp_path: Path) -> None:
    xml = dump_xml(page("Fine", page_id=1), page("Enormous", "a" * 10_500_000, page_id=2))
    got, error = read_until_error(write(tmp_path, xml))
    assert [p.title for p in got if isinstance(p, PageRevision)] == ["Fine"]
    assert "safety limits" in error.reason


# --- Not dumps, truncated dumps -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<?xml version='1.0'?><rss version='2.0'><channel/></rss>", "its root element is <rss>"),
        ("<!DOCTYPE html><html><body><p>Hi</body></html>", "this is an HTML page"),
        ("<html><head><title>x</title></head><body><p>Hi<br></body></html>", "<html> (an HTML"),
        ("Pears are trees of the genus Pyrus.", "there is no XML element in it"),
        ("", "the file is empty"),
        ("   \n", "there is no XML element in it"),
        ("<?xml version='1.0'?>\n<3mediawiki>", "not well-formed XML"),
        ("<?xml version='1.0'?><!-- never closed", "there is no XML element in it"),
    ],
)
def test_what_is_not_a_dump_is_refused(tmp_path: Path, content: str, reason: str) -> None:
    for name in ("page.xml", "page.xml.bz2"):
        path = write(tmp_path, content, name)
        with pytest.raises(ReadError) as caught:
            items(path)
        assert caught.value.path == str(path)
        assert reason in caught.value.reason
        assert "MediaWiki" in reason or "empty" in reason or "MediaWiki" in caught.value.reason


def test_a_truncated_dump_gives_its_complete_pages_then_says_where(tmp_path: Path) -> None:
    xml = dump_xml(*(page(f"Page {n}", f"Text {n}\n" * 20, page_id=n) for n in range(1, 6)))
    cut = xml.index("Text 4")
    got, error = read_until_error(write(tmp_path, xml[:cut]))
    assert [p.title for p in got if isinstance(p, PageRevision)] == ["Page 1", "Page 2", "Page 3"]
    line = xml[:cut].count("\n") + 1
    assert f"truncated or malformed at line {line}" in error.reason
    assert "3 pages were read before it" in error.reason


def test_a_truncated_bz2_dump_gives_its_complete_pages(tmp_path: Path) -> None:
    rng = random.Random(4)
    pages = [page(f"Page {n}", rng.randbytes(3000).hex(), page_id=n) for n in range(1, 201)]
    compressed = bz2.compress(dump_xml(*pages).encode(), 1)  # 100 kB blocks: about 12
    path = tmp_path / "cut.xml.bz2"
    path.write_bytes(compressed[: len(compressed) // 2])
    got, error = read_until_error(path)
    assert 50 < len(got) < 150
    assert [p.title for p in got if isinstance(p, PageRevision)] == [
        f"Page {n}" for n in range(1, len(got) + 1)
    ]
    assert "the bz2 data is truncated" in error.reason
    assert f"{len(got)} pages were read before it, up to line" in error.reason


def test_content_after_the_dump_is_malformed(tmp_path: Path) -> None:
    got, error = read_until_error(write(tmp_path, dump_xml(page("A")) + "<page>"))
    assert len(got) == 1
    assert "truncated or malformed" in error.reason


# --- Memory ---------------------------------------------------------------------------------------

WIKITEXT_WORDS = ["pear", "tree", "[[fruit]]", "'''genus'''", "pome", "{{cite}}", "apple", "\n"]


def block_of_pages(seed: int, count: int = 200) -> bytes:
    rng = random.Random(seed)
    return "".join(
        page(f"Page {seed}-{n}", " ".join(rng.choices(WIKITEXT_WORDS, k=900)), page_id=n)
        for n in range(count)
    ).encode()


def resident_bytes() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs Linux /proc")
def test_memory_stays_flat_over_a_50_mb_dump(tmp_path: Path) -> None:
    """A multistream bz2 dump of 50 MB of XML: resident memory must not grow with it (it grows by
    about as much as the XML when elements are not freed after reading)."""
    blocks = [bz2.compress(block_of_pages(seed), 1) for seed in range(4)]
    size = len(block_of_pages(0))
    count = (50 << 20) // size + 1
    path = tmp_path / "big.xml.bz2"
    with path.open("wb") as out:
        out.write(bz2.compress(dump_xml(siteinfo=SITEINFO).removesuffix("</mediawiki>\n").encode()))
        for n in range(count):
            out.write(blocks[n % len(blocks)])
        out.write(bz2.compress(b"</mediawiki>\n"))
    samples = []
    pages = 0
    for item in DumpReader(path).pages():
        assert isinstance(item, PageRevision)
        pages += 1
        if pages % 500 == 0:
            samples.append(resident_bytes())
    assert pages == count * 200
    growth = max(samples) - samples[1]
    assert growth < 16 << 20, f"grew by {growth >> 20} MiB over {count * size >> 20} MiB of XML"
