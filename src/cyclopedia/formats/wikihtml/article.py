"""One rendered wiki page read whole: what it says about itself, its footer, its conversion."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from cyclopedia.formats.urls import site_root
from cyclopedia.formats.wikihtml.convert import Conversion, convert
from cyclopedia.formats.wikihtml.footer import Footer, take_footer
from cyclopedia.formats.wikihtml.links import LinkBase
from cyclopedia.formats.wikihtml.page import PageInfo, content_element, read_page
from cyclopedia.formats.wikihtml.tree import decode, parse_html


@dataclass(frozen=True, slots=True)
class Article:
    info: PageInfo
    footer: Footer | None
    conversion: Conversion


def page_site(info: PageInfo, footer: Footer | None, given_url: str = "") -> str:
    """``scheme://host`` of the wiki a page comes from, as far as anything says."""
    for url in (given_url, info.url, footer.page_url if footer else "", info.address):
        root = site_root(url) if url else ""
        if root:
            return root
    return ""


def read_article(
    page: bytes | str, *, given_url: str = "", page_path: str = "", namespace: str = ""
) -> Article:
    """Read and convert a page. Its links are read as those of the wiki it comes from
    (``given_url``, its canonical address, its footer), relative ones against ``page_path``
    (an entry's path in a ZIM, whose old layout puts articles in ``namespace`` "A").
    Raises PageError."""
    text = decode(page) if isinstance(page, bytes) else page
    root = parse_html(text)
    info = read_page(text, root)
    footer = take_footer(root)
    site = page_site(info, footer, given_url)
    host = (urlsplit(site).hostname or "").lower()
    base = LinkBase(
        wiki_hosts=frozenset({host} if host else ()),
        page_path=page_path,
        site=site,
        namespace=namespace,
    )
    conversion = convert(content_element(root), base)
    return Article(info=info, footer=footer, conversion=conversion)
