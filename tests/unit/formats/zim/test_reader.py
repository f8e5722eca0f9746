"""Archives written here: mwoffliner-like Wikipedia articles, archive metadata, licences,
redirects, hostile and broken entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyclopedia.document import Document, get_license
from cyclopedia.formats.base import AliasItem, ItemError, ReadOptions
from cyclopedia.formats.zim.reader import ZimReader
from cyclopedia.render.prepared import PreparedDocument, prepare

from .zimfiles import FOOTER, Archive, Entry, page, write_zim

ARTICLE = """
<h1 class="section-heading"><span class="mw-headline">Ray Charles</span></h1>
<table class="infobox vcard"><tbody>
<tr><th colspan="2" class="infobox-above">Ray Charles</th></tr>
<tr><td colspan="2"><figure-inline></figure-inline></td></tr>
<tr><th scope="row">Born</th><td>September 23, 1930<sup class="mw-ref reference" id="cite_ref-1">
<a href="./Ray_Charles#cite_note-1"><span class="mw-reflink-text">[1]</span></a></sup></td></tr>
<tr><th scope="row">Genres</th><td><a href="Soul_music" title="Soul music">Soul</a></td></tr>
</tbody></table>
<p><b>Ray Charles</b> was a <a href="Singer" title="Singer">singer</a>.<sup
 class="mw-ref reference"><a href="./Ray_Charles#cite_note-2"><span
 class="mw-reflink-text">[2]</span></a></sup></p>
<script>document.write("x")</script><style>.x{}</style>
<h2 class="section-heading"><span class="mw-headline">Life</span>
<span class="mw-editsection"><a href="/w/index.php?action=edit">edit</a></span></h2>
<p>He sang.</p>
<table class="navbox"><tr><td><a href="Other">Other</a></td></tr></table>
<h2>References</h2>
<ol class="mw-references references">
<li id="cite_note-1"><span class="mw-reference-text">Born in Albany.</span></li>
<li id="cite_note-2"><span class="mw-reference-text"><a class="external text"
 href="https://example.org/ray">Biography</a>, 2004.</span></li>
</ol>
"""


def read(path: Path, **options: object) -> list[object]:
    return list(ZimReader().read(path, ReadOptions(**options)))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def wikipedia(tmp_path_factory: pytest.TempPathFactory) -> Path:
    entries = [
        Entry("Ray_Charles", "Ray Charles", page(ARTICLE + FOOTER.format(path="Ray_Charles"))),
        # mwoffliner keeps a page that redirects on the wiki as a copy of its target.
        Entry("Brother_Ray", "Ray Charles", page(ARTICLE + FOOTER.format(path="Ray_Charles"))),
        Entry("script.js", "script.js", "var x = '<li><a href=x>y</a></li>';", "text/html"),
        Entry("empty", "Empty", b""),
        Entry("style.css", "style.css", "body{}", "text/css"),
    ]
    archive = Archive(
        entries=entries,
        redirects=[("The_Genius", "The Genius", "Ray_Charles"), ("index", "Ray Charles",
                                                                 "Ray_Charles")],
        metadata={"Title": "Ray Charles", "Creator": "Wikipedia", "Publisher": "Kiwix",
                  "Language": "eng", "Date": "2024-01-10", "Name": "wikipedia_en_ray"},
    )  # fmt: skip
    return write_zim(tmp_path_factory.mktemp("zim") / "ray.zim", archive)


def test_an_mwoffliner_article(wikipedia: Path) -> None:
    items = read(wikipedia)
    (document,) = [item for item in items if isinstance(item, Document)]
    assert document.title == "Ray Charles"
    assert document.body == (
        "**Ray Charles** was a [[Singer|singer]].[^2]\n\n## Life\n\nHe sang.\n"
    )
    assert document.infobox is not None
    assert [(f.label, f.value) for f in document.infobox.fields] == [
        ("Born", "September 23, 1930[^1]"),
        ("Genres", "[[Soul music|Soul]]"),
    ]
    assert [(r.label, r.text, r.url) for r in document.references] == [
        ("1", "Born in Albany.", None),
        ("2", "Biography, 2004.", "https://example.org/ray"),
    ]
    attribution = document.attribution
    assert attribution.source_url == "https://en.wikipedia.org/wiki/Ray_Charles"
    assert attribution.revision_url == (
        "https://en.wikipedia.org/w/index.php?title=Ray_Charles&oldid=1234"
    )
    assert attribution.history_url == (
        "https://en.wikipedia.org/w/index.php?title=Ray_Charles&action=history"
    )
    assert attribution.source_name == "Wikipedia (English)"
    assert attribution.source_timestamp is not None
    assert attribution.source_timestamp.date().isoformat() == "2022-03-04"
    assert attribution.upstream_notices == (
        "Taken from the ZIM archive “Ray Charles”, content by Wikipedia, published by Kiwix, "
        "dated 2024-01-10.",
    )
    assert document.source_key == "wikipedia_en_ray:Ray_Charles"
    assert document.source_revision == "1234"
    assert document.language == "en"
    # The footer says CC BY-SA 4.0; Wikipedia text edited in 2022 is CC BY-SA 3.0.
    assert document.license.spdx == "CC-BY-SA-3.0"
    assert document.license_evidence.startswith("Wikimedia wiki, revision of 2022-03-04")


def test_redirects_and_copies_are_alternative_names(wikipedia: Path) -> None:
    aliases = [item for item in read(wikipedia) if isinstance(item, AliasItem)]
    assert [(a.title, a.target) for a in aliases] == [
        ("Brother Ray", "Ray Charles"),
        ("The Genius", "Ray Charles"),
    ]  # "index", titled like its target, names nothing new
    assert aliases[1].source_name == "Wikipedia (English)"
    assert aliases[1].source_url == "https://en.wikipedia.org/wiki/The_Genius"
    assert aliases[1].key == "wikipedia_en_ray:The_Genius"


@pytest.mark.parametrize("workers", [1, 2])
def test_finish_runs_on_each_article_where_it_is_converted(wikipedia: Path, workers: int) -> None:
    plain = read(wikipedia)
    finished = read(wikipedia, workers=workers, finish=prepare)
    assert len(finished) == len(plain)
    assert any(isinstance(item, Document) for item in plain)
    for before, after in zip(plain, finished, strict=True):
        if isinstance(before, Document):
            assert isinstance(after, PreparedDocument)
            assert after == prepare(before)
        else:
            assert after == before  # redirects and errors as they were


def test_entries_that_are_no_articles(wikipedia: Path) -> None:
    errors = {item.key: item.message for item in read(wikipedia) if isinstance(item, ItemError)}
    assert errors == {
        "wikipedia_en_ray:empty": "the entry is empty",
        "wikipedia_en_ray:script.js": "labelled text/html but is not an HTML page",
    }


def test_licence_from_the_archive_metadata(tmp_path: Path) -> None:
    path = write_zim(
        tmp_path / "wiki.zim",
        Archive(
            entries=[Entry("Page", "Page", page("<p>Text.</p>"))],
            metadata={"License": "CC-BY-4.0", "Source": "https://wiki.example.org/wiki/",
                      "Creator": "Example Wiki"},
        ),
    )  # fmt: skip
    (document,) = read(path)
    assert isinstance(document, Document)
    assert document.license.spdx == "CC-BY-4.0"
    assert document.license_evidence == "the archive's License metadata names 'CC-BY-4.0'"
    assert document.attribution.source_url == "https://wiki.example.org/wiki/Page"
    assert document.attribution.source_name == "Example Wiki"


def test_no_licence_anywhere_is_unknown_not_guessed(tmp_path: Path) -> None:
    path = write_zim(tmp_path / "bare.zim", Archive(entries=[Entry("P", "P", page("<p>x</p>"))]))
    (document,) = read(path)
    assert isinstance(document, Document)
    assert document.license.spdx == "NOASSERTION"
    assert not document.license.publishable
    (given,) = read(path, license=get_license("CC-BY-SA-4.0"))
    assert isinstance(given, Document)
    assert given.license.spdx == "CC-BY-SA-4.0"


def test_conflicting_licences_are_unknown(tmp_path: Path) -> None:
    footer = FOOTER.format(path="P").replace("2022-03-04", "").replace("by-sa/4.0", "by-nc/4.0")
    path = write_zim(
        tmp_path / "conflict.zim",
        Archive(
            entries=[Entry("P", "P", page("<p>x</p>" + footer.replace("en.wikipedia.org",
                                                                       "wiki.example.org")))],
            metadata={"License": "CC-BY-4.0"},
        ),
    )  # fmt: skip
    (document,) = read(path)
    assert isinstance(document, Document)
    assert document.license.spdx == "NOASSERTION"
    assert document.license_evidence.startswith("the source names different licences")


def test_a_wikipedia_archive_made_after_the_switch_without_dates(tmp_path: Path) -> None:
    footer = FOOTER.format(path="P").replace('title="Last edited on 2022-03-04" ', "")
    path = write_zim(
        tmp_path / "new.zim",
        Archive(entries=[Entry("P", "P", page("<p>x</p>" + footer))]),
    )
    (document,) = read(path)
    assert isinstance(document, Document)
    # No revision date; the archive is from 2021, before the switch: CC BY-SA 3.0.
    assert document.license.spdx == "CC-BY-SA-3.0"
    assert "the archive was made on 2021-05-01" in document.license_evidence


HOSTILE = """
<p onclick="alert(1)">Hello <a href="javascript:alert(1)">there</a>
<img src=x onerror=alert(1)><svg onload=alert(1)><script>alert(1)</script></svg></p>
<iframe src="https://evil.example/"></iframe><base href="https://evil.example/">
<form action="https://evil.example/"><input name="password"></form>
<style>p{color:red}</style><p style="color:red">Bye</p>
<a href="vbscript:x">vb</a> <a href="data:text/html,<script>alert(1)</script>">data</a>
"""


def test_hostile_articles_come_out_inert(tmp_path: Path) -> None:
    path = write_zim(tmp_path / "hostile.zim", Archive(entries=[Entry("X", "X", page(HOSTILE))]))
    (document,) = read(path)
    assert isinstance(document, Document)
    assert document.body == "Hello there\n\nBye\n\nvb data\n"


def test_non_ascii_paths_and_titles(tmp_path: Path) -> None:
    path = write_zim(
        tmp_path / "be.zim",
        Archive(
            entries=[
                Entry("Італьянская_мова", "Італьянская мова",
                      page("<p><a href='%D0%A3%D1%80%D0%BE%D0%BA_1'>Урок 1</a></p>")),
                Entry("Урок_1", "", page("<p>Першы.</p>")),
            ],
            metadata={"Language": "bel"},
        ),
    )  # fmt: skip
    documents = [item for item in read(path) if isinstance(item, Document)]
    assert [(d.title, d.language) for d in documents] == [
        ("Італьянская мова", "be"),
        ("Урок 1", "be"),
    ]
    assert documents[0].body == "[[Урок 1]]\n"
