"""A converted wiki page and where it comes from, as a Document."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from cyclopedia.document import Attribution, Document, License
from cyclopedia.formats.mediawiki.license import is_wikimedia
from cyclopedia.formats.mediawiki.urls import WikiPage, parse_page_url
from cyclopedia.formats.urls import site_root
from cyclopedia.formats.wikihtml.convert import Conversion

_LANGUAGE_HOST = re.compile(r"^([a-z]{2,3}(?:-[a-z]{2,8})?)\.")
_NOT_LANGUAGES = {"www", "meta", "commons", "species", "m"}


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a page comes from and under which licence."""

    title: str  # the Document's title
    source_title: str  # the page's title at its source
    source_url: str | None
    site_name: str
    license: License
    license_evidence: str
    language: str
    wiki: WikiPage | None = None  # the page on its wiki, for its revision and history links
    revision_id: str = ""
    timestamp: dt.datetime | None = None
    source_key: str = ""
    notices: tuple[str, ...] = ()  # upstream notices (which archive a page was taken from)


def wiki_page(url: str, title: str) -> WikiPage | None:
    """The wiki page of an address: a ``/wiki/Title`` URL, or any address on a Wikimedia wiki
    (an ``action=render`` URL) with the page's title. Wikimedia links are made https."""
    page = parse_page_url(url) if url else None
    root = site_root(url) if url else ""
    if root and is_wikimedia(root):
        root = "https://" + (urlsplit(root).netloc or "")
        return WikiPage(base=root, title=page.title if page else title) if (page or title) else None
    return page


def host_language(url: str) -> str:
    """The language a wiki's host names ("de" for de.wikipedia.org), or ""."""
    host = urlsplit(url).hostname or ""
    match = _LANGUAGE_HOST.match(host)
    if match and match.group(1) not in _NOT_LANGUAGES and is_wikimedia(url):
        return match.group(1)
    return ""


def build_document(
    conversion: Conversion, categories: tuple[str, ...], origin: Provenance
) -> Document:
    """The Document of a converted page; raises DocumentError for one that cannot be one."""
    wiki = origin.wiki
    attribution = Attribution(
        source_title=origin.source_title or origin.title,
        source_name=origin.site_name,
        source_url=origin.source_url or (wiki.url if wiki else None),
        revision_url=wiki.revision_url(origin.revision_id) if wiki and origin.revision_id else None,
        history_url=wiki.history_url if wiki else None,
        source_revision_id=origin.revision_id or None,
        source_timestamp=origin.timestamp,
        upstream_notices=origin.notices,
    )
    return Document(
        title=origin.title,
        body=conversion.body,
        attribution=attribution,
        license=origin.license,
        license_evidence=origin.license_evidence,
        language=origin.language,
        infobox=conversion.infobox,
        references=conversion.references,
        categories=categories,
        source_key=origin.source_key,
        source_revision=origin.revision_id,
    )
