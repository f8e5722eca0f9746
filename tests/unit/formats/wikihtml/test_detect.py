"""Saved MediaWiki pages are told from other HTML by their first bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyclopedia.formats.wikihtml.detect import looks_like_wiki_html

from .helpers import CORPUS, PARSOID, WTQ

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason=f"{CORPUS} is not here")


def head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(8192)


@needs_corpus
def test_every_saved_wikipedia_page_of_the_corpus_is_recognised() -> None:
    pages = [*WTQ.glob("*.html"), *PARSOID.glob("*.html"), *(PARSOID / "pagelib").glob("*.html")]
    assert len(pages) == 193
    assert all(looks_like_wiki_html(head(page)) for page in pages)


@needs_corpus
def test_other_web_pages_are_not() -> None:
    cache = CORPUS / "trafilatura" / "cache"
    recognised = {page.name for page in cache.iterdir() if looks_like_wiki_html(head(page))}
    assert recognised == {"en.wikipedia.org.tsne.html"}  # the one saved Wikipedia page there


@pytest.mark.parametrize(
    "page",
    [
        b"<html><body><p>A blog post about Wikipedia.</p></body></html>",
        b"<html><body><table class='data'><tr><td>1</td></tr></table></body></html>",
        b"",
    ],
)
def test_plain_pages_are_not(page: bytes) -> None:
    assert not looks_like_wiki_html(page)
