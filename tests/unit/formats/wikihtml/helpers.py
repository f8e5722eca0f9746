"""Converting snippets of rendered MediaWiki HTML for the tests."""

from __future__ import annotations

from pathlib import Path

from cyclopedia.formats.wikihtml.article import Article, read_article
from cyclopedia.formats.wikihtml.convert import Conversion

REPOSITORY = Path(__file__).resolve().parents[4]
CORPUS = REPOSITORY.parent / "shared" / "corpus" / "html"
WTQ = CORPUS / "wikipedia_render_wtq"
PARSOID = CORPUS / "wikipedia_parsoid_mobileapps"
WIKI = "https://en.wikipedia.org/wiki/Page"


def article(body: str, *, head: str = "", url: str = WIKI) -> Article:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return read_article(html, given_url=url)


def convert(body: str, **kwargs: str) -> Conversion:
    return article(body, **kwargs).conversion
