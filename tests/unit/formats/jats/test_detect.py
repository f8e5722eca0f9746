"""JATS is recognised by content: a DOCTYPE naming an NLM/JATS DTD, or an article root that
says what it is (namespaces, dtd-version, article-type)."""

from __future__ import annotations

import pytest

from cyclopedia.formats.jats.detect import is_jats
from tests.unit.formats.jats.conftest import CORPUS, DATA, article_xml, needs_corpus


@needs_corpus
def test_every_corpus_article_is_recognised() -> None:
    for path in sorted(CORPUS.glob("*/*.xml")):
        assert is_jats(path.read_bytes()[:8192]), path.name


def test_our_own_files_are_recognised() -> None:
    assert is_jats((DATA / "nlm23-example.xml").read_bytes()[:8192])
    assert is_jats(article_xml().encode())


@pytest.mark.parametrize(
    "head",
    [
        b'<?xml version="1.0"?>\n<!-- a comment -->\n<article xmlns:xlink="http://www.w3.org/1999'
        b'/xlink" article-type="research-article"><front>',
        b'<article dtd-version="1.2"><front>',
        b"<pmc-articleset><article><front>",
    ],
)
def test_articles_without_a_doctype(head: bytes) -> None:
    assert is_jats(head)


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html><body><article><p>A blog post</p></article></body></html>",
        b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">',
        b"<article><p>Just an element called article</p></article>",
        b"Plain text about an <article>.",
    ],
)
def test_other_inputs_are_not(head: bytes) -> None:
    assert not is_jats(head)
