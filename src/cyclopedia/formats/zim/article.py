"""One article entry of a ZIM archive as a Document, one redirect as an AliasItem.

Attribution: the page the article was made from (mwoffliner's footer, else the page's canonical
link, else the archive's ``Source`` + the entry's path), its revision and the day of its last edit
(the footer), and which archive it was taken from (an upstream notice). Licence
(``formats/wikihtml/license.py``): by the revision's date for Wikimedia text, or by the archive's
date when that is before the switch to CC BY-SA 4.0; else the archive's ``License`` metadata or
the footer's licence link; else ``--license``; else unknown, and the importer quarantines it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from cyclopedia.document import Document, DocumentError
from cyclopedia.document.markup import escape_text
from cyclopedia.document.serial import document_from_data
from cyclopedia.document.titles import TitleError
from cyclopedia.formats.base import AliasItem, ItemError, ReadOptions
from cyclopedia.formats.mediawiki.license import WIKIMEDIA_LICENSE_SWITCH, is_wikimedia
from cyclopedia.formats.mediawiki.urls import parse_page_url
from cyclopedia.formats.urls import site_root
from cyclopedia.formats.wikihtml.article import page_site, read_article
from cyclopedia.formats.wikihtml.convert import Conversion
from cyclopedia.formats.wikihtml.document import (
    Provenance,
    build_document,
    host_language,
    wiki_page,
)
from cyclopedia.formats.wikihtml.footer import Footer
from cyclopedia.formats.wikihtml.license import LicenseFacts, decide_license
from cyclopedia.formats.wikihtml.page import PageInfo
from cyclopedia.formats.wikihtml.tree import PageError, decode
from cyclopedia.formats.zim.messages import (
    CYCLOPEDIA_DOCUMENT,
    EntryContent,
    EntryProblem,
    EntryRedirect,
)
from cyclopedia.formats.zim.metadata import ZimSource
from cyclopedia.formats.zim.titles import entry_title

# What an HTML page starts with, after white space (and a byte-order mark): a tag, a doctype, a
# comment. A script or a stylesheet labelled text/html does not.
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\s*[A-Za-z!?/]")
OLD_NAMESPACE = "A"


@dataclass(frozen=True, slots=True)
class ZimContext:
    """What every entry of one archive shares (picklable: it goes to worker processes)."""

    source: ZimSource
    key_prefix: str  # the archive's Name metadata, or its file name
    options: ReadOptions

    def key(self, path: str) -> str:
        return f"{self.key_prefix}:{path}"

    @property
    def site_name(self) -> str:
        source = self.source
        return source.wiki_name or source.creator or source.title or source.name


def _host(url: str) -> str:
    return urlsplit(url).hostname or ""


def entry_key(entry: EntryContent) -> tuple[str, str]:
    return entry.path, entry.title


def _problem(context: ZimContext, entry: EntryContent, message: str) -> ItemError:
    return ItemError(key=context.key(entry.path), title=entry.title or entry.path, message=message)


def problem_item(context: ZimContext, problem: EntryProblem) -> ItemError:
    where = problem.path or (f"entry #{problem.index}" if problem.index >= 0 else "the archive")
    return ItemError(key=context.key(where), title=problem.title or where, message=problem.message)


def redirect_item(context: ZimContext, redirect: EntryRedirect) -> AliasItem | ItemError:
    new_scheme = context.source.new_scheme
    try:
        title = entry_title(redirect.title, redirect.path, new_scheme=new_scheme)
        target = entry_title(redirect.target_title, redirect.target_path, new_scheme=new_scheme)
    except TitleError as error:
        return ItemError(context.key(redirect.path), f"unusable redirect: {error}", redirect.path)
    return AliasItem(
        title=title,
        target=target,
        key=context.key(redirect.path),
        source_name=context.site_name,
        source_url=context.source.entry_url(redirect.path),
    )


def entry_document(entry: EntryContent, context: ZimContext) -> Document | ItemError:
    """The Document of an article entry, or an ItemError saying why there is none."""
    if not entry.content.strip():
        return _problem(context, entry, "the entry is empty")
    if entry.mimetype == CYCLOPEDIA_DOCUMENT:
        return _exported_document(entry, context)
    try:
        title = entry_title(entry.title, entry.path, new_scheme=context.source.new_scheme)
        if entry.mimetype == "text/plain":
            return _text_document(entry, title, context)
        if not _HTML_START.match(entry.content):
            return _problem(context, entry, f"labelled {entry.mimetype} but is not an HTML page")
        article = read_article(
            entry.content,
            page_path=entry.path,
            namespace="" if context.source.new_scheme else OLD_NAMESPACE,
        )
        return _html_document(entry, title, article.info, article.footer, article.conversion,
                              context)  # fmt: skip
    except PageError as error:
        return _problem(context, entry, str(error))
    except (DocumentError, TitleError) as error:
        return _problem(context, entry, f"cannot convert: {error}")


def _exported_document(entry: EntryContent, context: ZimContext) -> Document | ItemError:
    """An article of a Cyclopedia export, as the exporting site held it: its Document, kept
    beside the page, with the attribution and licence of its origin (trusted as a JSONL export
    is: the archive says where each article came from)."""
    try:
        return document_from_data(json.loads(entry.content))
    except (ValueError, DocumentError) as error:
        return _problem(context, entry, f"the exported document cannot be read: {error}")


def _facts(
    context: ZimContext,
    *,
    wikimedia: bool,
    revision_time: dt.datetime | None = None,
    statements: tuple[tuple[str, str], ...] = (),
) -> LicenseFacts:
    source, options = context.source, context.options
    stated = ((source.license, "the archive's License metadata"), *statements)
    return LicenseFacts(
        wikimedia=wikimedia,
        revision_time=revision_time,
        no_later_than=source.date,
        no_later_than_what="the archive was made",
        statements=[(text, where) for text, where in stated if text],
        given=options.license,
        switch=options.wikimedia_license_switch or WIKIMEDIA_LICENSE_SWITCH,
    )


def _text_document(entry: EntryContent, title: str, context: ZimContext) -> Document:
    source = context.source
    license, evidence = decide_license(_facts(context, wikimedia=is_wikimedia(source.source)))
    return build_document(
        Conversion(body=escape_text(decode(entry.content)), infobox=None, references=()),
        (),
        Provenance(
            title=title,
            source_title=title,
            source_url=source.entry_url(entry.path) or None,
            site_name=context.site_name,
            license=license,
            license_evidence=evidence,
            language=context.options.language or source.language or "en",
            source_key=context.key(entry.path),
            notices=(source.notice(),),
        ),
    )


def _html_document(
    entry: EntryContent,
    title: str,
    info: PageInfo,
    found: Footer | None,
    conversion: Conversion,
    context: ZimContext,
) -> Document:
    source = context.source
    address = (found.page_url if found else "") or info.url or source.entry_url(entry.path)
    site = page_site(info, found, address)
    wiki = wiki_page(address, title) if parse_page_url(address) else None
    timestamp = (found.edited if found else None) or info.timestamp
    license, evidence = decide_license(
        _facts(
            context,
            wikimedia=bool(site) and is_wikimedia(site),
            revision_time=timestamp,
            statements=(
                (found.license_url if found else "", "the article's footer"),
                (info.license_url, "the page's licence link"),
            ),
        )
    )
    source_url = wiki.url if wiki else (address if address and site_root(address) else None)
    return build_document(
        conversion,
        info.categories,
        Provenance(
            title=title,
            source_title=wiki.title if wiki else title,
            source_url=source_url,
            site_name=wiki.site_name
            if wiki and is_wikimedia(wiki.base)
            else context.site_name or (found.site_name if found else "") or _host(site),
            license=license,
            license_evidence=evidence,
            language=context.options.language
            or source.language
            or info.language
            or host_language(site)
            or "en",
            wiki=wiki,
            revision_id=(found.revision_id if found else "") or info.revision_id,
            timestamp=timestamp,
            source_key=context.key(entry.path),
            notices=(source.notice(),),
        ),
    )
