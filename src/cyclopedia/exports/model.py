"""What an export receives: each published article with its rendering and attribution, and
each redirect, streamed by the app side (``cyclopedia.apps.articles.exporting``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from cyclopedia.document import Document


@dataclass(frozen=True, slots=True)
class ExportInfoboxField:
    label: str  # plain text
    html: str  # sanitised


@dataclass(frozen=True, slots=True)
class ExportReference:
    number: int
    label: str
    html: str  # sanitised
    backlinks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportArticle:
    """A published article: its Document (source, attribution, licence) and its stored
    rendering (sanitised HTML, links to missing articles marked)."""

    document: Document
    url: str  # the article's address on the site
    history_url: str  # its history on the site (where "modified here" points)
    source_name: str  # the provider ("Wikipedia (English)")
    body_html: str
    infobox_title: str = ""
    infobox: tuple[ExportInfoboxField, ...] = ()
    references: tuple[ExportReference, ...] = ()
    plain_text: str = ""
    lead: str = ""
    revision_id: int | None = None
    modified: dt.datetime | None = None  # when this revision was saved here
    categories: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class ExportRedirect:
    """Another name of an article: an alternative name or a redirect."""

    title: str
    target: str


ExportItem = ExportArticle | ExportRedirect


@dataclass(frozen=True, slots=True)
class ExportSite:
    """The site an export comes from (archive metadata, the JSONL header)."""

    name: str
    url: str  # the site's root, "https://cyclopedia.example/"
    description: str
    language: str = "en"  # ISO 639-1 or -3
    publisher: str = ""
    created: dt.datetime | None = None


@dataclass
class ExportCounts:
    articles: int = 0
    redirects: int = 0
    skipped: int = 0  # not publishable, or a redirect that leads nowhere in the export
    bytes_written: int = 0


Progress = Callable[[ExportCounts], None]
