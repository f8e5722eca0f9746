"""The MediaWiki readers: XML dumps of a wiki, and bare wikitext files of one page."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from cyclopedia.document import Document, DocumentError
from cyclopedia.document.titles import TitleError, normalize_title
from cyclopedia.formats.base import (
    AliasItem,
    CategoryItem,
    ItemError,
    ReadError,
    ReadItem,
    ReadOptions,
    ReadWarning,
)
from cyclopedia.formats.files import read_text_file
from cyclopedia.formats.mediawiki.dump import DumpReader, PageRevision, SiteInfo, redirect_target
from cyclopedia.formats.mediawiki.license import WIKIMEDIA_LICENSE_SWITCH
from cyclopedia.formats.mediawiki.page import PageText, WikiSource, page_document
from cyclopedia.formats.mediawiki.urls import WikiPage, parse_page_url
from cyclopedia.formats.mediawiki.wikitext.convert import Namespaces
from cyclopedia.formats.pipeline import Budget, convert_pages, convert_within_budget
from cyclopedia.formats.urls import site_root

MAIN_NAMESPACE = 0
CATEGORY_NAMESPACE = 14


def _switch(options: ReadOptions) -> dt.date:
    return options.wikimedia_license_switch or WIKIMEDIA_LICENSE_SWITCH


def site_source(site: SiteInfo, *, fallback_url: str | None = None) -> WikiSource:
    """The wiki of a dump; ``fallback_url`` (--source-url) names it when the dump does not."""
    server = site.server
    if not server and fallback_url:
        server = site_root(fallback_url)
    name = WikiPage(base=server, title="").site_name if server else site.sitename
    if name == (urlsplit(server).hostname or "") and site.sitename:
        name = site.sitename  # a wiki outside Wikimedia: its own name
    return WikiSource(
        server=server,
        site_name=name,
        language=site.language,
        dbname=site.dbname,
        namespaces=Namespaces.from_site(site.namespaces),
    )


def _page_key(page: PageRevision) -> tuple[str, str]:
    return page.page_id or page.title, page.title


def category_name(title: str) -> str:
    """The name of the category a category page's title names: "Kategorie:Städte" → "Städte".

    The page's namespace (14) says that it is a category page, so its title has a prefix in the
    wiki's language (or MediaWiki's canonical "Category"), whatever it is; the name is the rest,
    with a capital first letter, as the converter files articles (``[[Category:towns]]`` is
    "Towns"). Raises TitleError for a name that cannot be one.
    """
    _, colon, rest = title.partition(":")
    name = (rest if colon else title).strip()
    return normalize_title(name[:1].upper() + name[1:])


def convert_page(
    page: PageRevision, *, source: WikiSource, options: ReadOptions
) -> Document | AliasItem | CategoryItem | ItemError:
    """One page of a dump: a main-namespace page as a Document, or its redirect as an AliasItem;
    a category page as a CategoryItem, the description of its category."""
    key = f"{source.dbname}:{page.page_id}"
    if page.redirect_target and page.namespace == MAIN_NAMESPACE:
        wiki = WikiPage(base=source.server, title=page.title) if source.server else None
        return AliasItem(
            title=page.title,
            target=page.redirect_target,
            key=key,
            source_name=source.site_name or (wiki.site_name if wiki else ""),
            source_url=wiki.url if wiki else "",
            timestamp=page.timestamp,
        )
    try:
        document = page_document(
            PageText(
                title=page.title,
                wikitext=page.text,
                page_id=page.page_id,
                revision_id=page.revision_id,
                timestamp=page.timestamp,
            ),
            source,
            license=options.license,
            switch=_switch(options),
        )
        if page.namespace == CATEGORY_NAMESPACE:
            return CategoryItem(name=category_name(page.title), document=document)
    except (DocumentError, TitleError, RecursionError) as error:
        return ItemError(key=key, title=page.title, message=f"cannot convert: {error}")
    return document


class MediaWikiDumpReader:
    name = "mediawiki"
    many_items = True
    description = "MediaWiki XML dump (pages-articles), plain or .bz2/.gz/.xz, schema 0.3-0.11"

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        with DumpReader(path, language=options.language) as dump:
            # Before any page: what the operator should doubt about the dump's own header.
            for warning in dump.site.warnings:
                yield ReadWarning(warning)
            articles = itertools.islice(self._articles(dump), options.skip, None)
            first = next(articles, None)
            if first is None:
                return
            source = site_source(dump.site, fallback_url=options.source_url)
            convert: Callable[[PageRevision], ReadItem] = functools.partial(
                convert_page, source=source, options=options
            )
            yield from convert_pages(
                itertools.chain([first], articles),
                convert,
                key=_page_key,
                workers=options.workers,
                finish=options.finish,
            )

    @staticmethod
    def _articles(dump: DumpReader) -> Iterator[PageRevision | ItemError]:
        """The pages an encyclopedia keeps: articles and their redirects, and the descriptions
        of categories. Templates, talk, user and project pages are not articles, and a category
        page that redirects to another category describes nothing."""
        for page in dump.pages():
            if isinstance(page, ItemError) or _kept(page):
                yield page


def _kept(page: PageRevision) -> bool:
    if page.namespace == CATEGORY_NAMESPACE:
        return not page.redirect_target
    return page.namespace == MAIN_NAMESPACE


class WikitextFileReader:
    name = "wikitext"
    many_items = False
    description = "one page of bare wikitext (title from --title or the file name)"

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        text = read_text_file(path)
        try:
            title = normalize_title(options.title or path.stem)
        except TitleError as error:
            raise ReadError(path, f"no usable title (give one with --title): {error}") from error
        target = redirect_target(text)
        wiki = parse_page_url(options.source_url) if options.source_url else None
        if target:
            yield AliasItem(
                title=title,
                target=target,
                key=path.name,
                source_name=wiki.site_name if wiki else "",
                source_url=options.source_url or "",
            )
            return
        source = WikiSource(
            server=wiki.base if wiki else "",
            site_name=wiki.site_name if wiki else "",
            language=options.language or "en",
        )
        page = PageText(title=title, wikitext=text)

        def convert(page: PageText) -> Document:
            return page_document(
                page, source, license=options.license, switch=_switch(options),
                source_url=options.source_url,
            )  # fmt: skip

        try:
            # The same time budget as a page of a dump: the parser has pathological inputs.
            yield convert_within_budget(
                convert, page, Budget().seconds, lambda p: (path.name, title)
            )
        except (DocumentError, TitleError) as error:
            raise ReadError(path, f"cannot convert: {error}") from error
