"""The reader of saved pages: Wikipedia ``action=render`` pages of WikiTableQuestions and Parsoid
pages of the mobile apps' tests (``../shared/corpus/html``), and pages written here."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest

from cyclopedia.document import Document, get_license
from cyclopedia.formats.base import ReadError, ReadOptions
from cyclopedia.formats.wikihtml.reader import WikiHtmlReader

from .helpers import PARSOID, WTQ

needs_corpus = pytest.mark.skipif(not WTQ.exists(), reason=f"{WTQ} is not here")
WTQ_PAGES = sorted(WTQ.glob("*.html")) if WTQ.exists() else []


def read(path: Path, **options: object) -> Document:
    (document,) = WikiHtmlReader().read(path, ReadOptions(**options))  # type: ignore[arg-type]
    return document


@needs_corpus
def test_every_wikitablequestions_page_imports_with_its_infobox_and_references() -> None:
    assert len(WTQ_PAGES) == 179
    fields = []
    for path in WTQ_PAGES:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        document = read(path)
        assert document.title == meta["title"].replace("_", " ")
        assert document.source_revision == str(meta["revision"])
        assert document.attribution.revision_url == (
            "https://en.wikipedia.org/w/index.php?title="
            + meta["title"].replace(" ", "_").replace('"', "%22").replace("?", "%3F")
            + f"&oldid={meta['revision']}"
        ) or "oldid=" in (document.attribution.revision_url or "")
        assert document.license.spdx == "CC-BY-SA-3.0"  # saved in 2014
        assert document.infobox is not None, path.name
        fields.append(len(document.infobox.fields))
        if "cite_note" in path.read_text(encoding="utf-8"):
            assert document.references, path.name
    # The figures of the acceptance note: every page has an infobox, with about 8 fields.
    assert min(fields) >= 1
    assert 6 <= statistics.mean(fields) <= 12


@needs_corpus
def test_a_wikitablequestions_page() -> None:
    document = read(WTQ / "200-page_1.html")
    assert document.title == "Mischa Barton"
    assert document.language == "en"
    assert document.infobox is not None
    assert [field.label for field in document.infobox.fields] == [
        "Born", "Occupation", "Years active",
    ]  # fmt: skip
    assert document.infobox.fields[0].value == (
        "Mischa Anne Barton\n24 January 1986\n[[Hammersmith]], [[London]], UK"
    )
    assert len(document.references) == 90
    assert (
        document.references[0].url == "http://www.tvguide.com/celebrities/mischa-barton/bio/166956"
    )
    attribution = document.attribution
    assert attribution.source_url == "https://en.wikipedia.org/wiki/Mischa_Barton"
    assert attribution.revision_url == (
        "https://en.wikipedia.org/w/index.php?title=Mischa_Barton&oldid=599434140"
    )
    assert attribution.history_url == (
        "https://en.wikipedia.org/w/index.php?title=Mischa_Barton&action=history"
    )
    assert attribution.source_name == "Wikipedia (English)"
    assert document.license_evidence == (
        "Wikimedia wiki; the page was saved on 2014-06-09, so the revision is older, from before "
        "the switch to CC BY-SA 4.0 on 2023-06-07"
    )
    for residue in ("Persondata", "NewPP", "VIAF", "display:none", "Authority control"):
        assert residue not in document.body


@needs_corpus
def test_title_and_address_given_by_the_operator(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes((WTQ / "200-page_1.html").read_bytes())  # without its metadata file
    with pytest.raises(ReadError, match="give one with --title"):
        read(page)
    document = read(
        page, title="Mischa Barton", source_url="https://en.wikipedia.org/wiki/Mischa_Barton"
    )
    assert document.title == "Mischa Barton"
    assert document.attribution.source_url == "https://en.wikipedia.org/wiki/Mischa_Barton"
    assert document.source_revision == "599434140"  # from the page's first comment


@pytest.mark.skipif(not PARSOID.exists(), reason=f"{PARSOID} is not here")
def test_a_parsoid_page() -> None:
    document = read(PARSOID / "Dog.html")
    assert document.title == "Dog"
    assert document.source_revision == "845493773"
    assert document.attribution.source_timestamp is not None
    assert document.attribution.source_timestamp.isoformat() == "2018-06-12T04:32:17+00:00"
    assert document.license.spdx == "CC-BY-SA-3.0"
    assert document.license_evidence.startswith("Wikimedia wiki, revision of 2018-06-12")
    assert document.infobox is not None
    assert document.infobox.title == "Domestic dog"
    assert ("Family", "[[Canidae]]") in [(f.label, f.value) for f in document.infobox.fields]
    assert len(document.references) > 200
    assert "Dogs" in document.categories
    assert not [c for c in document.categories if c.startswith(("Articles ", "All ", "CS1 "))]
    assert document.body.startswith('<div class="hatnote">')


@pytest.mark.skipif(not PARSOID.exists(), reason=f"{PARSOID} is not here")
def test_a_parsoid_page_in_arabic() -> None:
    document = read(PARSOID / "ar-Mathematics.html")
    assert document.title == "رياضيات"
    assert document.language == "ar"
    assert document.attribution.source_name == "Wikipedia (Arabic)"


def _save(tmp_path: Path, html: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_a_page_saved_from_a_browser(tmp_path: Path) -> None:
    path = _save(
        tmp_path,
        "<!DOCTYPE html><!-- saved from url=(0041)https://en.wikipedia.org/wiki/Ray_Charles -->"
        "<html lang='en'><head><title>Ray Charles - Wikipedia</title>"
        "<link rel='canonical' href='https://en.wikipedia.org/wiki/Ray_Charles'>"
        '<script>var RLCONF={"wgRevisionId":1234567};</script></head><body>'
        "<div id='mw-navigation'>Menu</div><h1 id='firstHeading'>Ray Charles</h1>"
        "<div id='mw-content-text'><div class='mw-parser-output'><p><b>Ray</b> sang.</p></div>"
        "</div><div id='catlinks' class='catlinks'><a href='/wiki/Help:Category'>Categories</a>:"
        "<ul><li><a href='/wiki/Category:American_singers'>American singers</a></li></ul></div>"
        "<div id='footer'>Text is available under the <a rel='license' "
        "href='https://creativecommons.org/licenses/by-sa/4.0/'>CC BY-SA 4.0</a></div>"
        "</body></html>",
    )
    document = read(path)
    assert document.title == "Ray Charles"
    assert document.body == "**Ray** sang.\n"
    assert document.categories == ("American singers",)
    assert document.source_revision == "1234567"
    # No revision date, no saving date: what the page states.
    assert document.license.spdx == "CC-BY-SA-4.0"
    assert "licence link names" in document.license_evidence


def test_a_wikimedia_page_of_unknown_date_and_licence_is_not_guessed(tmp_path: Path) -> None:
    path = _save(tmp_path, "<title>X</title><p>Text.</p>")
    document = read(path, source_url="https://en.wikipedia.org/wiki/X")
    assert document.license.spdx == "NOASSERTION"
    assert "give one with --license" in document.license_evidence
    given = read(
        path, source_url="https://en.wikipedia.org/wiki/X", license=get_license("CC-BY-SA-4.0")
    )
    assert given.license.spdx == "CC-BY-SA-4.0"


def test_a_page_of_another_wiki_without_licence(tmp_path: Path) -> None:
    path = _save(tmp_path, "<title>X</title><p>Text.</p>")
    document = read(path, source_url="https://wiki.example.org/wiki/X")
    assert document.license.spdx == "NOASSERTION"
    assert document.attribution.source_url == "https://wiki.example.org/wiki/X"
    assert document.attribution.source_name == "wiki.example.org"


def test_a_metadata_file_beside_the_page(tmp_path: Path) -> None:
    path = _save(tmp_path, "<p>Text.</p>")
    (tmp_path / "page.json").write_text(
        json.dumps(
            {"title": "Some page", "url": "http://en.wikipedia.org/wiki?oldid=5", "revision": 5}
        ),
        encoding="utf-8",
    )
    document = read(path)
    assert (document.title, document.source_revision) == ("Some page", "5")
    assert document.attribution.source_url == "https://en.wikipedia.org/wiki/Some_page"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the page is empty"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"<title>[[bad]]</title><p>x</p>", "cannot convert: the title"),
        (b"<p>No title</p>", "give one with --title"),
    ],
)
def test_unreadable_pages(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read(path)


def test_a_page_too_large(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"<p>" + b"x" * (9 * 1024 * 1024))
    with pytest.raises(ReadError, match="a page may be 8,388,608"):
        read(path)
