"""ZIM export with python-libzim's writer: a Kiwix-readable archive of published articles.

Every article is a front article (an HTML page, ``exports/page.py``) at its title's path, with
full-text and title indexes; every other name is a redirect; the site's stylesheet, a main page
and the archive metadata (Title, Description, Language, Creator, Publisher, Date, License,
Source, Illustration) complete it. Each article's Document also goes in, as JSON under
``-/documents/`` (:data:`DOCUMENTS_PREFIX`), so that importing the archive gives the articles back
as they were (the ZIM reader looks for it when the archive's Scraper is Cyclopedia's). Items are
handed to libzim one at a time, so memory stays bounded whatever the number of articles (libzim
keeps only its directory entries).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path

from libzim.writer import (  # type: ignore[import-untyped]
    ContentProvider,
    Creator,
    Hint,
    Item,
    StringProvider,
)

from cyclopedia.document.serial import document_to_data
from cyclopedia.exports.illustration import illustration_png
from cyclopedia.exports.model import (
    ExportArticle,
    ExportCounts,
    ExportItem,
    ExportRedirect,
    ExportSite,
    Progress,
)
from cyclopedia.exports.page import (
    STYLESHEET_PATH,
    archive_path,
    article_page,
    main_page,
    stylesheet,
)

MAIN_PATH = "-/main"
# Beside each article page, its whole Document as JSON (document/serial.py), not indexed and not
# shown by readers: another Cyclopedia importing the archive gets the articles back losslessly.
DOCUMENTS_PREFIX = "-/documents/"
DOCUMENT_MIMETYPE = "application/vnd.cyclopedia.document+json"
SCRAPER = "cyclopedia export"
# Xapian (libzim's full-text indexer) keeps this many documents' postings in memory before it
# writes them out; its default (10,000) made a 20,000-article export peak at 1.2 GiB, 1,000 at
# 0.57 GiB, in about the same time (bench/export.py). An operator's own setting wins.
XAPIAN_FLUSH_THRESHOLD = "1000"
MAIN_PAGE_TITLES = 1000
PROGRESS_EVERY = 100
# ISO 639-1 codes (as articles carry them) to the ISO 639-3 codes ZIM metadata takes.
_LANGUAGES_639_3 = {
    "en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pt": "por", "nl": "nld",
    "ru": "rus", "pl": "pol", "sv": "swe", "bg": "bul", "ar": "ara", "zh": "zho", "ja": "jpn",
    "be": "bel", "uk": "ukr", "ca": "cat", "fa": "fas", "he": "heb", "ko": "kor", "tr": "tur",
}  # fmt: skip


def language_639_3(code: str) -> str:
    base = code.split("-", 1)[0].lower()
    return _LANGUAGES_639_3.get(base, base if len(base) == 3 else "eng")


class _Page(Item):  # type: ignore[misc]
    def __init__(self, path: str, title: str, content: str | bytes, mimetype: str, front: bool):
        super().__init__()
        self.path, self.title, self.mimetype, self.front = path, title, mimetype, front
        self.content = content

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.title

    def get_mimetype(self) -> str:
        return self.mimetype

    def get_contentprovider(self) -> ContentProvider:
        return StringProvider(self.content)

    def get_hints(self) -> dict[Hint, int]:
        return {Hint.FRONT_ARTICLE: self.front, Hint.COMPRESS: True}


def _license_metadata(spdx_ids: set[str]) -> str:
    if len(spdx_ids) == 1:
        return next(iter(spdx_ids))
    return "Various, each article states its own: " + ", ".join(sorted(spdx_ids))


def write_zim(
    path: Path,
    items: Iterable[ExportItem],
    *,
    site: ExportSite,
    progress: Progress | None = None,
    workers: int = 2,
) -> ExportCounts:
    """Write the items into a ZIM archive at ``path`` (replaced only once it is complete).

    Articles must come before the redirects to them: a redirect whose target is not in the
    archive is left out (counted as skipped), as readers could not follow it."""
    counts = ExportCounts()
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    language = language_639_3(site.language)
    written: set[str] = set()
    titles: list[str] = []
    licenses: set[str] = set()
    os.environ.setdefault("XAPIAN_FLUSH_THRESHOLD", XAPIAN_FLUSH_THRESHOLD)
    try:
        creator = (
            Creator(str(partial)).config_indexing(True, language).config_nbworkers(max(1, workers))
        )
        with creator:
            creator.set_mainpath(MAIN_PATH)
            creator.add_item(_Page(STYLESHEET_PATH, "", stylesheet(), "text/css", False))
            written.add(STYLESHEET_PATH)
            for item in items:
                if isinstance(item, ExportArticle):
                    _add_article(creator, item, site, counts, written, titles, licenses)
                else:
                    _add_redirect(creator, item, counts, written)
                if progress and (counts.articles + counts.redirects) % PROGRESS_EVERY == 0:
                    progress(counts)
            page = main_page(site, sorted(titles), counts.articles)
            creator.add_item(_Page(MAIN_PATH, site.name, page, "text/html", False))
            created = site.created or dt.datetime.now(dt.UTC)
            metadata = {
                "Name": site.name.lower().replace(" ", "_") + "_" + language,
                "Title": site.name[:30],
                "Description": site.description[:80],
                "LongDescription": site.description[:4000],
                "Language": language,
                "Creator": site.publisher or site.name,
                "Publisher": site.publisher or site.name,
                "Date": created.date().isoformat(),
                "License": _license_metadata(licenses or {"CC-BY-SA-4.0"}),
                "Source": site.url,
                "Tags": "_ftindex:yes;_pictures:no;_videos:no;_details:yes",
                "Scraper": SCRAPER,
            }
            for name, value in metadata.items():
                creator.add_metadata(name, value)
            creator.add_illustration(48, illustration_png(48))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    counts.bytes_written = path.stat().st_size
    if progress:
        progress(counts)
    return counts


def _add_article(
    creator: Creator,
    item: ExportArticle,
    site: ExportSite,
    counts: ExportCounts,
    written: set[str],
    titles: list[str],
    licenses: set[str],
) -> None:
    document = item.document
    item_path = archive_path(document.title)
    if not document.license.publishable or item_path in written:
        counts.skipped += 1
        return
    html = article_page(item, site)
    creator.add_item(_Page(item_path, document.title, html, "text/html", True))
    data = json.dumps(document_to_data(document), ensure_ascii=False, separators=(",", ":"))
    creator.add_item(
        _Page(DOCUMENTS_PREFIX + item_path, "", data.encode("utf-8"), DOCUMENT_MIMETYPE, False)
    )
    written.add(item_path)
    licenses.add(document.license.spdx)
    counts.articles += 1
    if len(titles) < MAIN_PAGE_TITLES:
        titles.append(document.title)
    for alias in document.aliases:
        _add_redirect(creator, ExportRedirect(title=alias, target=document.title), counts, written)


def _add_redirect(
    creator: Creator, item: ExportRedirect, counts: ExportCounts, written: set[str]
) -> None:
    source, target = archive_path(item.title), archive_path(item.target)
    if source in written or target not in written:
        counts.skipped += 1
        return
    creator.add_redirection(source, item.title, target, {Hint.FRONT_ARTICLE: True})
    written.add(source)
    counts.redirects += 1
