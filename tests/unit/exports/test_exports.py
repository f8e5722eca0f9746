"""The pure exporters: JSONL (read back by its reader, losing nothing) and ZIM (read back with
libzim: entries, redirects, metadata, full-text and title search)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from libzim.reader import Archive  # type: ignore[import-untyped]
from libzim.search import Query, Searcher  # type: ignore[import-untyped]
from libzim.suggestion import SuggestionSearcher  # type: ignore[import-untyped]

from cyclopedia.document import (
    Attribution,
    Document,
    Infobox,
    InfoboxField,
    Reference,
    get_license,
)
from cyclopedia.document.serial import document_from_data, document_to_data
from cyclopedia.exports.illustration import illustration_png
from cyclopedia.exports.jsonl import write_jsonl
from cyclopedia.exports.model import (
    ExportArticle,
    ExportCounts,
    ExportInfoboxField,
    ExportItem,
    ExportRedirect,
    ExportReference,
    ExportSite,
)
from cyclopedia.exports.page import relink
from cyclopedia.exports.zim import write_zim
from cyclopedia.formats.base import AliasItem, ItemError, ReadOptions
from cyclopedia.formats.registry import detect

SITE = ExportSite(
    name="Cyclopedia",
    url="https://cyclopedia.example/",
    description="Test export",
    publisher="Tests",
    created=dt.datetime(2024, 5, 1, tzinfo=dt.UTC),
)
HOSTILE = "</script><script>alert(1)</script>"


def document(title: str, body: str, **kwargs: object) -> Document:
    fields: dict[str, object] = {
        "attribution": Attribution(
            source_title=title,
            source_name="Wikipedia (English)",
            source_url=f"https://en.wikipedia.org/wiki/{title.replace(' ', '_')}",
            revision_url="https://en.wikipedia.org/w/index.php?oldid=42",
            history_url="https://en.wikipedia.org/w/index.php?action=history",
            authors=("Ada", "Grace"),
            source_revision_id="42",
            source_timestamp=dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
            copyright_notice="© the authors",
            upstream_notices=("Incorporates public-domain text.",),
            modified=True,
        ),
        "license": get_license("CC-BY-SA-4.0"),
        "license_evidence": "dump date",
    }
    fields.update(kwargs)
    return Document(title=title, body=body, **fields)  # type: ignore[arg-type]


def article(doc: Document, body_html: str = "") -> ExportArticle:
    fields = doc.infobox.fields if doc.infobox else ()
    return ExportArticle(
        document=doc,
        url=SITE.url + "wiki/" + doc.title.replace(" ", "_"),
        history_url=SITE.url + "history/" + doc.title.replace(" ", "_"),
        source_name=doc.attribution.source_name,
        body_html=body_html or f"<p>{doc.body}</p>",
        infobox=tuple(ExportInfoboxField(f.label, f.value) for f in fields),
        references=tuple(
            ExportReference(i + 1, r.label, r.text, ()) for i, r in enumerate(doc.references)
        ),
        lead=doc.body[:100],
        categories=doc.categories,
    )  # fmt: skip


FULL = document(
    "Qais al-Khazali",
    "Qais al-Khazali (born 1974) leads a group.[^1]\n\n## Life\n\nHe was released.",
    aliases=("Qayis Khazali",),
    infobox=Infobox(
        (InfoboxField("Born", "1974[^1]\nSadr City, Baghdad, Iraq"),), title="Qais", caption="c"
    ),
    references=(Reference("1", "A source", url="https://example.org/a", doi="10.1000/xyz"),),
    categories=("Iraqi people",),
    notices=("Disputed.",),
    source_key="12345",
    source_revision="42",
    language="en",
    extra={"note": "kept"},
)
OTHER = document("Sadr City", "A district of [[Baghdad]] with the word zygomorphic.")
CLOSED = document("Closed", "Not for export.", license=get_license("CC-BY-NC-4.0"))


def test_documents_survive_their_json_form() -> None:
    data = json.loads(json.dumps(document_to_data(FULL)))
    again = document_from_data(data)
    assert again == FULL
    assert again.extra == FULL.extra
    assert data["license"] == {
        "spdx": "CC-BY-SA-4.0",
        "name": FULL.license.name,
        "url": FULL.license.url,
    }


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_jsonl_round_trip_through_the_reader(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    seen: list[ExportCounts] = []
    counts = write_jsonl(
        path,
        [article(FULL), article(OTHER), article(CLOSED), ExportRedirect("Khazali", FULL.title)],
        site=SITE,
        progress=seen.append,
    )
    assert (counts.articles, counts.redirects, counts.skipped) == (2, 1, 1)
    assert seen
    assert seen[-1].articles == 2
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        first = json.loads(handle.readline())
    assert first["format"] == "cyclopedia-jsonl"
    assert first["site"]["name"] == "Cyclopedia"
    reader = detect(path)
    assert reader.name == "jsonl"
    items = list(reader.read(path, ReadOptions()))
    assert items[:2] == [FULL, OTHER]
    assert items[2] == AliasItem(title="Khazali", target=FULL.title, key="line 4")
    assert list(reader.read(path, ReadOptions(skip=2))) == items[2:]


def test_jsonl_reader_reports_bad_lines_and_refuses_other_files(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"type": "article", "document": document_to_data(OTHER)})
    bad_license = document_to_data(OTHER) | {"license": {"spdx": "Nonsense-1.0"}}
    path.write_text(
        '{"type": "header", "format": "cyclopedia-jsonl", "version": 1}\n'
        "{not json\n"
        + json.dumps({"type": "article", "document": bad_license})
        + "\n"
        + json.dumps({"type": "article", "document": {"title": "No attribution"}})
        + "\n"
        + good
        + "\n",
        encoding="utf-8",
    )
    items = list(detect(path).read(path, ReadOptions()))
    assert [type(i).__name__ for i in items] == ["ItemError", "ItemError", "ItemError", "Document"]
    assert isinstance(items[1], ItemError)
    assert "Nonsense-1.0" in items[1].message
    other = tmp_path / "other.jsonl"
    other.write_text('{"a": 1}\n', encoding="utf-8")
    with pytest.raises(Exception, match="not a cyclopedia-jsonl export"):
        list(detect(path).read(other, ReadOptions()))


def test_relinking_for_an_archive() -> None:
    html = (
        '<a class="wikilink" href="/wiki/Baghdad" title="Baghdad">B</a> <a href="/category/X">c</a>'
    )
    assert relink(html, page_path="AC/DC", site_url="https://s.example/") == (
        '<a class="wikilink" href="../Baghdad" title="Baghdad">B</a> '
        '<a href="https://s.example/category/X">c</a>'
    )  # fmt: skip


def test_illustration_is_a_48_pixel_png() -> None:
    png = illustration_png(48)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(png[16:20], "big") == 48
    assert int.from_bytes(png[20:24], "big") == 48


def test_zim_reads_back_with_libzim(tmp_path: Path) -> None:
    path = tmp_path / "out.zim"
    hostile = document("Hostile", HOSTILE.replace("<", "\\<"))
    items: list[ExportItem] = [
        article(FULL),
        article(OTHER, '<p>A district of <a class="wikilink" href="/wiki/Baghdad">Baghdad</a> '
                       "with the word zygomorphic.</p>"),
        article(CLOSED),
        article(hostile, "<p>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ExportRedirect("Khazali", FULL.title),
        ExportRedirect("Nowhere", "Missing article"),
    ]  # fmt: skip
    counts = write_zim(path, items, site=SITE)
    assert (counts.articles, counts.redirects, counts.skipped) == (3, 2, 2)
    zim = Archive(str(path))
    assert zim.article_count >= 3
    assert zim.main_entry.get_item().path == "-/main"
    assert set(zim.metadata_keys) >= {
        "Title", "Description", "Language", "Creator", "Publisher", "Date", "License", "Source",
        "Illustration_48x48@1",
    }  # fmt: skip
    assert zim.get_metadata("Language") == b"eng"
    assert zim.get_metadata("Date") == b"2024-05-01"
    assert zim.get_metadata("License") == b"CC-BY-SA-4.0"
    assert zim.get_metadata("Source") == b"https://cyclopedia.example/"
    assert zim.get_illustration_item(48).content.tobytes() == illustration_png(48)

    page = bytes(zim.get_entry_by_path("Qais_al-Khazali").get_item().content).decode()
    assert "<h1>Qais al-Khazali</h1>" in page
    assert 'href="-/site.css"' in page
    assert '<aside class="infobox"' in page
    assert 'class="references"' in page
    assert "Source and licence" in page
    assert "Ada, Grace" in page
    assert 'href="https://creativecommons.org/licenses/by-sa/4.0/' in page
    assert "Iraqi people" in page
    for alias in ("Qayis_Khazali", "Khazali"):
        entry = zim.get_entry_by_path(alias)
        assert entry.is_redirect
        assert entry.get_redirect_entry().path == "Qais_al-Khazali"
    assert not zim.has_entry_by_path("Closed")
    assert not zim.has_entry_by_path("Nowhere")
    css = zim.get_entry_by_path("-/site.css").get_item()
    assert css.mimetype == "text/css"
    assert len(css.content) > 100
    other = bytes(zim.get_entry_by_path("Sadr_City").get_item().content).decode()
    assert 'href="Baghdad"' in other
    hostile_page = bytes(zim.get_entry_by_path("Hostile").get_item().content).decode()
    assert "<script>" not in hostile_page

    assert zim.has_fulltext_index
    assert zim.has_title_index
    search = Searcher(zim).search(Query().set_query("zygomorphic"))
    assert list(search.getResults(0, 10)) == ["Sadr_City"]
    suggestions = SuggestionSearcher(zim).suggest("Qais")
    assert "Qais_al-Khazali" in list(suggestions.getResults(0, 10))
