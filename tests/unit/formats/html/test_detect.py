"""Telling web pages from HTML rendered by MediaWiki, by their first bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyclopedia.formats.html.detect import is_mediawiki_html, is_web_page, looks_like_html
from tests.unit.formats.html.conftest import CORPUS, needs_corpus

SHARED_HTML = CORPUS.parent


def head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(8192)


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body><p>x</p></body></html>",
        b"\xef\xbb\xbf\n  <html lang='en'>",
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0',
        b"<!-- saved from url=(0041)https://example.org/ -->\n<html>",
        b"\n<script>var x = 1;</script><div>",
        b"<HEAD><TITLE>Old</TITLE></HEAD>",
    ],
)
def test_html(data: bytes) -> None:
    assert looks_like_html(data)
    assert is_web_page(data)


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE article PUBLIC "-//NLM//DTD JATS"><article>',
        b'<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article">',
        b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">',
        b"ZIM\x04",
        b"Qais Al Khazali\n\nQais al-Khazali is",
        b"",
    ],
)
def test_not_html(data: bytes) -> None:
    assert not looks_like_html(data)


@pytest.mark.parametrize(
    "data",
    [
        b'<div class="mw-content-ltr mw-parser-output" lang="en" dir="ltr"><section>',
        b'<html prefix="dc: http://purl.org/dc/terms/ mw: http://mediawiki.org/rdf/"><head>',
        b"<!-- http%3A//en.wikipedia.org/wiki%3Faction%3Drender%26curid%3D291520 -->\n<div>",
        b'<html><head><meta name="generator" content="MediaWiki 1.42.0"></head>',
        b'<html><body class="mediawiki ltr sitedir-ltr"><div id="mw-content-text">',
        b'<html><head><span typeof="mw:Transclusion" data-mw="{}">',
    ],
)
def test_mediawiki_html_is_not_a_web_page(data: bytes) -> None:
    assert is_mediawiki_html(data)
    assert not is_web_page(data)


@needs_corpus
def test_the_corpus() -> None:
    web = sorted((SHARED_HTML / "trafilatura" / "cache").glob("*.html"))
    wiki = sorted((SHARED_HTML / "wikipedia_render_wtq").glob("*.html"))
    parsoid = [SHARED_HTML / "wikipedia_parsoid_mobileapps" / "Dog.html"]
    saved_wikipedia = SHARED_HTML / "trafilatura" / "cache" / "en.wikipedia.org.tsne.html"
    assert all(is_web_page(head(path)) for path in web if path != saved_wikipedia)
    assert is_mediawiki_html(head(saved_wikipedia))
    assert not any(is_web_page(head(path)) for path in [*wiki, *parsoid])
