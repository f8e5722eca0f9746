"""One wiki page (its wikitext and what is known of it) as a Document."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from cyclopedia.document import Attribution, Document, License
from cyclopedia.document.license import UNKNOWN_LICENSE
from cyclopedia.formats.base import UNKNOWN_TEMPLATES_EXTRA
from cyclopedia.formats.mediawiki.license import is_wikimedia, wikimedia_license
from cyclopedia.formats.mediawiki.urls import WikiPage
from cyclopedia.formats.mediawiki.wikitext.convert import Conversion, Namespaces, convert

DISAMBIGUATION_CATEGORY = "Disambiguation pages"


@dataclass(frozen=True, slots=True)
class WikiSource:
    """The wiki a page comes from, as far as it is known."""

    server: str = ""  # "https://en.wikipedia.org"; "" when unknown (a bare wikitext file)
    site_name: str = ""  # "Wikipedia (English)"
    language: str = "en"
    dbname: str = ""
    namespaces: Namespaces | None = None


@dataclass(frozen=True, slots=True)
class PageText:
    title: str
    wikitext: str
    page_id: str = ""
    revision_id: str = ""
    timestamp: dt.datetime | None = None


def page_license(
    source: WikiSource,
    page: PageText,
    *,
    given: License | None,
    switch: dt.date,
) -> tuple[License, str]:
    if source.server and is_wikimedia(source.server):
        # The Terms of Use, not the operator, say under which licence Wikimedia text is.
        return wikimedia_license(page.timestamp, switch=switch)
    if given is not None:
        return given, "given by the operator (--license)"
    return UNKNOWN_LICENSE, "the wiki is not a Wikimedia project and no --license was given"


def page_document(
    page: PageText,
    source: WikiSource,
    *,
    license: License | None,
    switch: dt.date,
    source_url: str | None = None,
) -> Document:
    """The Document of a page; raises DocumentError for a page that cannot be one."""
    conversion: Conversion = convert(page.wikitext, namespaces=source.namespaces)
    wiki = WikiPage(base=source.server, title=page.title) if source.server else None
    url = source_url or (wiki.url if wiki else None)
    chosen, evidence = page_license(source, page, given=license, switch=switch)
    attribution = Attribution(
        source_title=page.title,
        source_name=source.site_name or (wiki.site_name if wiki else ""),
        source_url=url,
        revision_url=wiki.revision_url(page.revision_id) if wiki and page.revision_id else None,
        history_url=wiki.history_url if wiki else None,
        source_revision_id=page.revision_id or None,
        source_timestamp=page.timestamp,
    )
    categories = list(conversion.categories)
    if conversion.disambiguation and DISAMBIGUATION_CATEGORY not in categories:
        categories.append(DISAMBIGUATION_CATEGORY)
    extra = {}
    if conversion.unknown_templates:
        extra[UNKNOWN_TEMPLATES_EXTRA] = json.dumps(dict(conversion.unknown_templates))
    return Document(
        title=page.title,
        body=conversion.body,
        attribution=attribution,
        license=chosen,
        license_evidence=evidence,
        language=source.language,
        infobox=conversion.infobox,
        references=conversion.references,
        categories=tuple(categories),
        source_key=f"{source.dbname}:{page.page_id}" if page.page_id else page.title,
        source_revision=page.revision_id,
        extra=extra,
    )
