"""The web page reader on real pages of the shared corpus and on hand-made ones."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from cyclopedia.document import Document, LicenseStatus
from cyclopedia.document.license import UNKNOWN_LICENSE
from cyclopedia.formats.base import ReadError
from cyclopedia.formats.html.reader import WebPageReader
from cyclopedia.render.article import every_article, render_document
from tests.unit.formats.html.conftest import (
    CACHE,
    CORPUS,
    DATA,
    FILLER,
    Reader,
    needs_corpus,
    page,
    read_items,
)

ReadCorpus = Callable[..., Document]


def test_reader_identity() -> None:
    reader = WebPageReader()
    assert reader.name == "web"
    assert "web page" in reader.description


@needs_corpus
@pytest.mark.parametrize(
    ("name", "spdx"),
    [
        ("creativecommons.org.html", "CC-BY-4.0"),  # rel="license" in the footer
        ("stackoverflow.com.rust.html", "CC-BY-SA-4.0"),
        ("en.wikipedia.org.tsne.html", "CC-BY-SA-3.0"),  # <link rel="license">, protocol-relative
        ("wikimediafoundation.org.turkey.html", "CC-BY-SA-3.0"),  # footer; photo credits aside
        ("netzpolitik.org.abmahnungen.html", "CC-BY-NC-SA-4.0"),  # rel=license only on images
        ("boingboing.net.millenials.html", "CC-BY-NC-SA-3.0"),  # a plain link in the footer
        ("blog.python.org.html", "CC-BY-NC-SA-3.0"),
        ("kulinariaathome.com.mandelplätzchen.html", "CC-BY-NC-ND-3.0"),
        ("jovelstefan.de.gefallt.html", "CC-BY-NC-3.0"),  # the German port of BY-NC 3.0
        # Pages about Creative Commons that state no licence of their own.
        ("creativecommons.at.faircoin.html", "NOASSERTION"),
        ("de.creativecommons.org.endlich.html", "NOASSERTION"),
        ("soundofscience.fr.1927.html", "NOASSERTION"),  # only an image credit
        ("theplanetarypress.com.forestlands.html", "NOASSERTION"),  # only an image credit
        ("nature.com.telescope.html", "NOASSERTION"),  # dc.rights: all rights reserved
        ("dw.com.colonial.html", "NOASSERTION"),
    ],
)
def test_licences_of_real_pages(read_corpus: ReadCorpus, name: str, spdx: str) -> None:
    document = read_corpus(name)
    assert document.license.spdx == spdx
    assert document.license_evidence


@needs_corpus
def test_the_licence_evidence_says_what_was_read_and_what_was_set_aside(
    read_corpus: ReadCorpus,
) -> None:
    evidence = read_corpus("netzpolitik.org.abmahnungen.html").license_evidence
    assert "Creative Commons link 'http://creativecommons.org/licenses/by-nc-sa/4.0/'" in evidence
    assert 'in <footer id="colophon">' in evidence
    assert 'Set aside: rel="license" link' in evidence
    assert "an image credit" in evidence
    nature = read_corpus("nature.com.telescope.html").license_evidence
    assert '<meta name="dc.rights">' in nature
    assert "all rights reserved" in nature


@needs_corpus
def test_metadata_of_a_real_page(read_corpus: ReadCorpus) -> None:
    document = read_corpus("stackoverflow.com.rust.html")
    assert document.title == "What is Rust and why is it so popular?"
    attribution = document.attribution
    assert attribution.source_title == document.title
    assert attribution.source_name == "Stack Overflow Blog"
    assert attribution.authors == ("Jake Goulding",)
    assert attribution.source_timestamp == dt.datetime(2020, 1, 20, tzinfo=dt.UTC)
    assert document.language == "en"
    assert attribution.source_url is not None
    assert attribution.source_url.startswith("https://stackoverflow.blog/2020/01/20/")
    assert document.source_key == attribution.source_url
    assert document.body.startswith("Rust has been [Stack Overflow’s most loved language")


@needs_corpus
def test_a_german_page(read_corpus: ReadCorpus) -> None:
    document = read_corpus("netzpolitik.org.abmahnungen.html")
    assert document.language == "de"
    assert document.attribution.authors == ("Markus Reuter",)
    assert document.attribution.source_name == "netzpolitik.org"


@needs_corpus
def test_the_site_name_is_taken_off_the_title(read_corpus: ReadCorpus) -> None:
    document = read_corpus("dw.com.colonial.html")
    assert document.title == "Berlin confronts Germany's colonial past with new initiative"
    assert document.attribution.copyright_notice == "© 2020 Deutsche Welle (www.dw.com)"


@needs_corpus
def test_source_url_option(read_corpus: ReadCorpus) -> None:
    url = "https://www.dw.com/en/berlin-confronts/a-52060870"
    document = read_corpus("dw.com.colonial.html", source_url=url)
    assert document.attribution.source_url == url
    assert document.source_key == url


@needs_corpus
def test_structure_of_a_real_page(read_corpus: ReadCorpus) -> None:
    body = read_corpus("caktusgroup.com.django.html").body
    assert re.search(r"^## ", body, re.MULTILINE)  # headings
    assert "](https://" in body  # links to other sites
    assert "![" not in body  # no images
    assert re.search(r"^- ", read_corpus("adac.de.kindersitze.html").body, re.MULTILINE)


@needs_corpus
def test_tables_of_a_real_page(read_corpus: ReadCorpus) -> None:
    body = read_corpus("en.wikipedia.org.tsne.html").body
    assert "T-distributed stochastic neighbor embedding" not in body.split("\n", 1)[0]
    rendered = render_document(read_corpus("lemire.me.json.html"), link_exists=every_article)
    assert "<table>" in rendered.body_html


# The evaluation pages whose every snippet the reader gets right, as a guard against regressions;
# bench/web_extraction.py measures the whole set.
EVALUATION_PAGES = [
    "die-partei.net.luebeck.html",
    "kulinariaathome.com.mandelplätzchen.html",
    "caktusgroup.com.django.html",
    "stackoverflow.com.rust.html",
    "theguardian.com.academics.html",
    "nature.com.telescope.html",
    "franceculture.fr.idees.html",
    "heise.de.lithium.html",
]


@needs_corpus
@pytest.mark.parametrize("name", EVALUATION_PAGES)
def test_evaluation_snippets(read_corpus: ReadCorpus, name: str) -> None:
    entries = json.loads((CORPUS / "evaldata.json").read_text(encoding="utf-8"))
    [entry] = [entry for entry in entries.values() if entry["file"] == name]
    document = read_corpus(name)
    text = " ".join(render_document(document, link_exists=every_article).plain_text.split())
    text = f"{document.title} {text}"
    for snippet in entry["with"]:
        assert " ".join(snippet.split()) in text
    for snippet in entry["without"]:
        assert " ".join(snippet.split()) not in text


# Hostile input


HOSTILE_NAMES = (
    "alert",
    "SCRIPT-IN",
    "STYLE-TEXT",
    "NOSCRIPT-TEXT",
    "IFRAME-TEXT",
    "SVG-TEXT",
    "MATH-TEXT",
    "FORM-VALUE",
    "FORM-BUTTON",
    "javascript:",
    "vbscript:",
    "data:",
    "onload",
    "onerror",
    "onclick",
    "evil.example",
)


def test_hostile_markup_leaves_nothing_in_the_body() -> None:
    [document] = read_items(DATA / "hostile.html")
    assert isinstance(document, Document)
    body = document.body.replace('\\<script\\>alert("escaped")\\</script\\>', "")
    body = body.replace("\\<img src=x onerror=alert(1)\\>", "").replace("javascript:alert(1)", "")
    for name in HOSTILE_NAMES:
        assert name not in body, name
    # The safe link stays; the unsafe ones are their text only.
    assert "[a safe external link](https://example.org/safe)" in document.body
    assert "javascript link text, entity-obfuscated link, tab-obfuscated link" in document.body
    assert document.source_key == "hostile.html"  # the javascript: canonical link is ignored


def test_hostile_markup_renders_to_nothing_active() -> None:
    [document] = read_items(DATA / "hostile.html")
    assert isinstance(document, Document)
    html = render_document(document, link_exists=every_article).body_html
    assert set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html)) <= {"p", "a"}
    attributes = set(re.findall(r"<[a-z]+((?:\s+[a-z-]+=\"[^\"]*\")*)\s*>", html))
    names = {name for found in attributes for name in re.findall(r"([a-z-]+)=", found)}
    assert names <= {"href", "rel", "class"}
    assert re.findall(r'href="([^"]*)"', html) == ["https://example.org/safe"]
    # Text that looks like markup is shown as text.
    assert '&lt;script&gt;alert("escaped")&lt;/script&gt;' in html
    assert "**not bold**" in html
    assert "[[Wiki link]]" in html


def test_a_page_with_only_boilerplate_is_refused(read_html: Reader) -> None:
    with pytest.raises(ReadError, match="no main text found in the page, only 4 characters"):
        read_html(page("<nav><a href='/'>Home</a></nav>"))


def test_an_empty_html_page_is_refused(read_html: Reader) -> None:
    with pytest.raises(ReadError, match="no main text found in the page"):
        read_html("<html><head><title>Empty</title></head><body></body></html>")


def test_a_page_without_a_title_needs_one(read_html: Reader) -> None:
    html = f"<html><body><div><p>{FILLER}</p><p>{FILLER}</p></div></body></html>"
    with pytest.raises(ReadError, match="the page has no title; give one with --title"):
        read_html(html)
    assert read_html(html, title="Given").title == "Given"


def test_titles_with_characters_no_title_may_hold(read_html: Reader) -> None:
    document = read_html(page(f"<p>{FILLER}</p>", title="C# &lt;tips&gt; [2020] {x}"))
    assert document.title == "C＃ ＜tips＞ ［2020］ ｛x｝"
    assert document.attribution.source_title == "C# <tips> [2020] {x}"


def test_language_from_the_page_and_from_the_option(read_html: Reader) -> None:
    assert read_html(page(f"<p>{FILLER}</p>", lang="de-AT")).language == "de"
    assert read_html(page(f"<p>{FILLER}</p>", lang="de-AT"), language="fr").language == "fr"
    assert read_html(page(f"<p>{FILLER}</p>", lang="!!")).language == "en"


def test_deeply_nested_markup_is_refused_clearly(read_html: Reader) -> None:
    # libxml2 stops nesting elements at its depth limit, so the text inside is never reached.
    html = page("<div>" * 5000 + f"<p>{FILLER}</p>" + "</div>" * 5000)
    with pytest.raises(ReadError, match="no main text found in the page"):
        read_html(html)


def test_the_unknown_licence_is_quarantined(read_html: Reader) -> None:
    document = read_html(page(f"<p>{FILLER}</p>"))
    assert document.license is UNKNOWN_LICENSE
    assert document.license.status is LicenseStatus.CONFIRM
    assert not document.license.publishable


@needs_corpus
def test_every_evaluation_page_reads(tmp_path: Path) -> None:
    """No page of the evaluation set is refused or breaks the reader."""
    reader = WebPageReader()
    from cyclopedia.formats.base import ReadOptions

    for path in sorted(CACHE.glob("*.html"))[:40]:
        documents = [
            item for item in reader.read(path, ReadOptions()) if isinstance(item, Document)
        ]
        assert len(documents) == 1, path.name
        assert documents[0].body.strip(), path.name
