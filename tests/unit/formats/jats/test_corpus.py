"""Every JATS article of the shared corpus (``../shared/corpus/jats``: PLOS, NLM 3.0 and JATS 1.1;
eLife, JATS 1.1) imports: one Document each, whose editable source reads back to it, whose
rendering is clean, with the licence the policy gives it."""

from __future__ import annotations

import collections
import functools
import re
from pathlib import Path

import pytest

from cyclopedia.document import Document, LicenseStatus
from cyclopedia.document.source import from_source, to_source
from cyclopedia.render.article import render_document
from tests.unit.formats.jats.conftest import CORPUS, needs_corpus, read_one

FILES = sorted(CORPUS.glob("*/*.xml")) if CORPUS.is_dir() else []
# What the reader made of the corpus when this test was written (see the reply of issue 4):
# published (CC BY or CC0 in ali:license_ref or license/@xlink:href), heuristic (a licence
# sentence only: held for an editor), unknown (no licence recognised: quarantined).
EXPECTED = {
    "elife_tools": {"published": 23},
    "plos_allofplos": {"published": 27, "heuristic": 57, "unknown": 1},
}


def kind(document: Document) -> str:
    if document.license.publishable:
        return "published"
    if document.license.spdx == "NOASSERTION":
        return "unknown"
    if document.license.status is LicenseStatus.CONFIRM:
        return "heuristic"
    return "refused"


@functools.cache
def document(path: Path) -> Document:
    return read_one(path)


@needs_corpus
def test_the_corpus_is_there() -> None:
    assert len(FILES) == 108


@needs_corpus
def test_licences_per_directory() -> None:
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for path in FILES:
        counts[path.parent.name][kind(document(path))] += 1
    assert {name: dict(found) for name, found in counts.items()} == EXPECTED


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_corpus_article(path: Path) -> None:
    doc = document(path)
    assert doc.title
    assert doc.attribution.source_name
    assert doc.attribution.revision_url
    assert doc.attribution.revision_url.startswith("https://doi.org/10.")
    assert doc.source_key.startswith("10.")
    assert from_source(to_source(doc), template=doc) == doc
    rendered = render_document(doc)
    html = "\n".join([rendered.body_html, *(ref.html for ref in rendered.references)])
    assert "<script" not in html
    assert "javascript:" not in html.lower()
    assert not re.search(r"<img|<graphic|<iframe", html)
    # Nothing the XML was made of is left as text.
    assert not re.search(r"&lt;/?(?:italic|bold|xref|sec|p|mml:\w+|ext-link)\b", html)
    assert not re.search(r"\[\^[^\]]+\]", rendered.body_html)  # every marker became a link
    if doc.attribution.source_timestamp is None:
        assert path.name == "elife_poa_e06828.xml"  # an accepted manuscript: no pub-date yet


@needs_corpus
def test_machine_readable_cc_by_and_cc0_are_published() -> None:
    for path in FILES:
        head = path.read_text(encoding="utf-8")[:20000]
        permissions = head[head.find("<permissions") : head.find("</permissions>")]
        if re.search(r'<license[^>]*xlink:href="https?://creativecommons\.org', permissions):
            assert document(path).license.publishable, path.name
