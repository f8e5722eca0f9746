"""The MediaWiki dump reader as an import sees it: which pages become which items."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cyclopedia.document import Document
from cyclopedia.formats.base import ReadOptions, ReadWarning
from cyclopedia.formats.mediawiki.reader import MediaWikiDumpReader

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
