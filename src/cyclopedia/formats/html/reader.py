"""Read a saved web page into a Document: its main text, metadata and licence.

1. ``decode.py``: the bytes, capped, as text in the encoding the page uses; empty pages,
   binary files and what is not HTML are refused.
2. lxml parses the text once, as trafilatura does (``parse_html``);
   ``licenses.py`` reads the licence statements from the whole page, ``metadata.py`` its
   canonical URL and language.
3. trafilatura finds the main text and the title, author, date and site name, within a time
   budget; ``convert.py`` writes the text as Markdown (no images; links to other sites kept).
4. ``decide.py`` settles the licence: stated by the page, public domain on a US federal
   host, otherwise unknown (which holds the page for an editor). The operator's
   ``--license`` overrides it.

Trafilatura's settings were chosen by measurement on the 106 evaluation pages of
``../shared/corpus/html/trafilatura`` (``bench/web_extraction.py``, snippets of the main text
found / boilerplate snippets absent): the default balanced mode (93.7% / 90.1%) over
``favor_precision`` (89.9% / 90.7%), ``favor_recall`` (93.4% / 89.1%) and ``fast`` (90.9% /
90.4%); tables in (without them 92.3% / 89.8%); comments out. Dates only from the page's
markup (``extensive_search`` off): the extensive search dated 13 more of those pages, all with
guesses such as 1 January of a copyright year.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml.etree import ParserError
from lxml.html import HtmlElement
from trafilatura import bare_extraction, load_html
from trafilatura.settings import Document as Extraction

from cyclopedia.document import Attribution, Document, DocumentError
from cyclopedia.document.markup import unescape_text
from cyclopedia.document.titles import TitleError, normalize_title
from cyclopedia.formats.base import ReadError, ReadItem, ReadOptions, ReadWarning
from cyclopedia.formats.html import metadata
from cyclopedia.formats.html.convert import body_markdown
from cyclopedia.formats.html.decide import Decision, decide
from cyclopedia.formats.html.decode import PageText, read_page
from cyclopedia.formats.html.licenses import Finding, copyright_notice, find_licenses
from cyclopedia.formats.html.links import host_of
from cyclopedia.formats.pipeline import OverBudget, time_budget

EXTRACT_SECONDS = 30.0
# Less main text than this is a menu or a notice that trafilatura fell back on, not an article.
MIN_TEXT_CHARS = 50
# trafilatura logs what it cannot read ("discarding data", "empty HTML tree") as warnings and
# errors of its own; the reader says it once, as a ReadError naming the file.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class _Page:
    tree: HtmlElement
    url: str | None  # the page's URL: --source-url, else what the page says
    url_from: str  # where the URL was read, for the licence evidence
    extraction: Extraction


def parse_html(path: Path, text: str) -> HtmlElement:
    """The page's tree, parsed as trafilatura parses pages (its ``load_html``: comments and
    processing instructions dropped, libxml2's trouble with XHTML doctypes repaired, no
    network); ReadError when there is none."""
    try:
        tree = load_html(text)
    except (ParserError, ValueError) as error:
        raise ReadError(path, f"cannot parse the page as HTML: {error}") from error
    if not isinstance(tree, HtmlElement):
        raise ReadError(path, "cannot parse the page as HTML")
    return tree


def extract(path: Path, tree: HtmlElement, url: str | None) -> Extraction:
    """Trafilatura's main text and metadata of a page; ReadError when it finds no text."""
    try:
        with time_budget(EXTRACT_SECONDS):
            result = bare_extraction(
                tree,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_formatting=True,
                include_links=True,
                date_extraction_params={"original_date": True, "extensive_search": False},
            )
    except OverBudget:
        raise ReadError(
            path, f"finding the page's main text took longer than {EXTRACT_SECONDS:g} s"
        ) from None
    except RecursionError:
        raise ReadError(path, "the page is nested too deeply to read") from None
    if not isinstance(result, Extraction):
        raise ReadError(path, "no main text found in the page")
    return result


class WebPageReader:
    name = "web"
    many_items = False
    description = (
        "saved web page (HTML): main text, title, author, date and licence; "
        "public domain for US federal government pages"
    )

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        page_text = read_page(path)
        for warning in page_text.warnings:
            yield ReadWarning(f"{path}: {warning}")
        yield self.document(path, page_text, options)

    def document(self, path: Path, page_text: PageText, options: ReadOptions) -> Document:
        tree = parse_html(path, page_text.text)
        url, url_from = self._url(tree, options)
        # The licence is read from the page as saved, before trafilatura works on its copy.
        findings = find_licenses(tree)
        extraction = extract(path, tree, options.source_url)
        if url is None and host_of(extraction.url):
            url, url_from = extraction.url, "the page's metadata"
        page = _Page(tree, url, url_from, extraction)
        decision = self._license(page, findings, options)
        try:
            return self._document(path, page, decision, options)
        except (DocumentError, TitleError) as error:
            raise ReadError(path, str(error)) from error

    @staticmethod
    def _url(tree: HtmlElement, options: ReadOptions) -> tuple[str | None, str]:
        if options.source_url:
            return options.source_url, "the --source-url option"
        return metadata.canonical_url(tree)

    @staticmethod
    def _license(page: _Page, findings: list[Finding], options: ReadOptions) -> Decision:
        if options.license:
            return Decision(options.license, "given by the operator (--license)")
        host = host_of(page.url)
        return decide(findings, host=host, host_from=f"{page.url}, from {page.url_from}")

    def _document(
        self, path: Path, page: _Page, decision: Decision, options: ReadOptions
    ) -> Document:
        extraction = page.extraction
        site_name = metadata.site_name(extraction.sitename)
        host = host_of(page.url)
        if not site_name and host:
            site_name = host.removeprefix("www.")
        source_title = metadata.clean(extraction.title) or metadata.head_title(page.tree)
        source_title = metadata.without_site_name(source_title, site_name, host)
        title = options.title or metadata.document_title(source_title)
        if not title:
            raise ReadError(path, "the page has no title; give one with --title")
        body = body_markdown(extraction.body, page_host=host, title=source_title)
        text = " ".join(unescape_text(body).split())
        if not text:
            raise ReadError(path, "no main text found in the page")
        if len(text) < MIN_TEXT_CHARS:
            raise ReadError(
                path, f"no main text found in the page, only {len(text)} characters: {text!r}"
            )
        attribution = Attribution(
            source_title=source_title or title,
            source_name=site_name,
            source_url=page.url,
            authors=metadata.authors(extraction.author),
            source_timestamp=metadata.page_date(extraction.date),
            copyright_notice=copyright_notice(page.tree),
        )
        return Document(
            title=normalize_title(title),
            body=body,
            attribution=attribution,
            license=decision.license,
            license_evidence=decision.evidence,
            language=options.language or metadata.language(page.tree) or "en",
            source_key=page.url or path.name,
        )
