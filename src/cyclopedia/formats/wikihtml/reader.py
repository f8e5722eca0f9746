"""The reader of one saved page of rendered MediaWiki HTML: ``action=render`` output, Parsoid
HTML, a page saved from a browser.

Title: ``--title``, else a metadata file beside the page, else the page's own (``<title>``, the
first heading). Address: ``--source-url``, else the metadata file, else the page's (canonical
link, ``dc:isVersionOf``, the address a saving tool wrote in a first comment). The metadata file
is ``NAME.json`` beside ``NAME.html``, as WikiTableQuestions and similar crawls save them:
``{"title": ..., "url": ..., "revision": ...}``; only those keys are read.

Licence (:mod:`.license`): on a Wikimedia wiki by the revision's date, or by the day the page
was saved when that is before the switch to CC BY-SA 4.0; else what the page states; else
``--license``; else unknown (quarantined by the importer).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from cyclopedia.document import Document, DocumentError
from cyclopedia.document.titles import TitleError, normalize_title
from cyclopedia.formats.base import MAX_ITEM_BYTES, ReadError, ReadOptions
from cyclopedia.formats.mediawiki.license import WIKIMEDIA_LICENSE_SWITCH, is_wikimedia
from cyclopedia.formats.pipeline import Budget, OverBudget, time_budget
from cyclopedia.formats.urls import site_root
from cyclopedia.formats.wikihtml.article import Article, page_site, read_article
from cyclopedia.formats.wikihtml.document import (
    Provenance,
    build_document,
    host_language,
    wiki_page,
)
from cyclopedia.formats.wikihtml.license import LicenseFacts, decide_license
from cyclopedia.formats.wikihtml.tree import PageError

MAX_SIDECAR_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Sidecar:
    """What a metadata file beside a saved page says."""

    title: str = ""
    url: str = ""
    revision_id: str = ""


def read_sidecar(path: Path) -> Sidecar:
    """The metadata file ``NAME.json`` beside ``NAME.html``; an empty one when there is none
    or it cannot be read (it is a convenience, not the page)."""
    side = path.with_suffix(".json")
    try:
        if side == path or not side.is_file() or side.stat().st_size > MAX_SIDECAR_BYTES:
            return Sidecar()
        values = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return Sidecar()
    if not isinstance(values, dict):
        return Sidecar()
    title = values.get("title")
    url = values.get("url")
    revision = values.get("revision", values.get("oldid"))
    if isinstance(url, str) and not revision:
        revision = (parse_qs(urlsplit(url).query).get("oldid") or [""])[0]
    return Sidecar(
        title=title if isinstance(title, str) else "",
        url=url if isinstance(url, str) and site_root(url) else "",
        revision_id=str(revision) if isinstance(revision, int | str) and str(revision).isdigit()
        else "",
    )  # fmt: skip


def read_page_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_ITEM_BYTES:
            raise ReadError(path, f"the file is {size:,} bytes; a page may be {MAX_ITEM_BYTES:,}")
        with path.open("rb") as handle:
            data = handle.read(MAX_ITEM_BYTES + 1)
    except OSError as error:
        raise ReadError(path, f"cannot read: {error.strerror or error}") from error
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(path, "this is a binary file (it contains NUL bytes), not an HTML page")
    return data


def saved_page_document(
    article: Article, *, path: Path, options: ReadOptions, sidecar: Sidecar = Sidecar()
) -> Document:
    """The Document of a saved page; raises ReadError when it has no usable title, and
    DocumentError or TitleError when it cannot be a Document."""
    info, footer = article.info, article.footer
    raw_title = options.title or sidecar.title or info.title
    if not raw_title.strip():
        raise ReadError(path, "the page names no title; give one with --title")
    title = normalize_title(raw_title)
    given_url = options.source_url or ""
    site = page_site(info, footer, given_url or sidecar.url)
    address = given_url or info.url or (footer.page_url if footer else "") or site
    wiki = wiki_page(address, title)
    if wiki is None and site and is_wikimedia(site):
        wiki = wiki_page(site, title)
    revision = sidecar.revision_id or info.revision_id or (footer.revision_id if footer else "")
    timestamp = info.timestamp or (footer.edited if footer else None)
    license, evidence = decide_license(
        LicenseFacts(
            wikimedia=bool(site) and is_wikimedia(site),
            revision_time=timestamp,
            no_later_than=info.saved,
            statements=[
                (statement, where)
                for statement, where in (
                    (footer.license_url if footer else "", "the page's footer"),
                    (info.license_url, "the page's licence link"),
                )
                if statement
            ],
            given=options.license,
            switch=options.wikimedia_license_switch or WIKIMEDIA_LICENSE_SWITCH,
        )
    )
    source_url = given_url or (wiki.url if wiki else info.url) or None
    return build_document(
        article.conversion,
        info.categories,
        Provenance(
            title=title,
            source_title=wiki.title if wiki else title,
            source_url=source_url if source_url and site_root(source_url) else None,
            site_name=wiki.site_name if wiki else (urlsplit(site).hostname or ""),
            license=license,
            license_evidence=evidence,
            language=options.language or info.language or host_language(site) or "en",
            wiki=wiki,
            revision_id=revision,
            timestamp=timestamp,
            source_key=(wiki.url if wiki else "") or path.name,
        ),
    )


class WikiHtmlReader:
    name = "wikihtml"
    many_items = False
    description = "a saved page of rendered MediaWiki HTML (action=render, Parsoid, a saved page)"

    def read(self, path: Path, options: ReadOptions) -> Iterator[Document]:
        data = read_page_bytes(path)
        sidecar = read_sidecar(path)
        seconds = Budget().seconds
        try:
            with time_budget(seconds):
                article = read_article(data, given_url=options.source_url or sidecar.url)
        except PageError as error:
            raise ReadError(path, str(error)) from error
        except RecursionError as error:
            raise ReadError(path, "the page is nested too deeply to convert") from error
        except OverBudget as error:
            raise ReadError(path, f"converting the page took over {seconds:g} s") from error
        try:
            document = saved_page_document(article, path=path, options=options, sidecar=sidecar)
        except (DocumentError, TitleError) as error:
            raise ReadError(path, f"cannot convert: {error}") from error
        yield document
