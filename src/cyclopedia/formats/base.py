"""What every reader shares: its protocol, its options, its errors, and format detection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from cyclopedia.document import Document, License

# No item of any format may be larger than this before it is even parsed.
MAX_ITEM_BYTES = 8 * 1024 * 1024
# Document.extra key: JSON {template name: uses} of templates a converter did not know.
UNKNOWN_TEMPLATES_EXTRA = "unknown_templates"


class ReadError(Exception):
    """A whole input that cannot be read: names the file and says why. Nothing is imported."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.reason = message


@dataclass(frozen=True, slots=True)
class ItemError:
    """One item of an input that could not be turned into a Document; the run goes on."""

    key: str
    message: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class AliasItem:
    """A redirect in a source: ``title`` leads to the article ``target``.

    ``source_name`` (the provider, named as a Document's attribution names it), ``source_url``
    (the redirect page) and ``timestamp`` (when the page was last changed) tell an import that a
    page it holds as an article has become a redirect since."""

    title: str
    target: str
    key: str = ""
    source_name: str = ""
    source_url: str = ""
    timestamp: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class CategoryItem:
    """A source's own page about a category (a wiki's "Category:Towns"), kept as the category's
    description: ``document`` holds it with its attribution and licence, titled as the page is
    ("Kategorie:Städte"), and ``name`` is the category's name ("Städte")."""

    name: str
    document: Document


@dataclass(frozen=True, slots=True)
class ReadWarning:
    """A doubt about a whole input that the operator should see (a dump's header contradicting
    its file name). Not an item: it is kept in the import run and counts as nothing read."""

    message: str


# What a reader yields.
ReadItem = Document | AliasItem | CategoryItem | ItemError | ReadWarning


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What the operator supplies for inputs that lack it."""

    source_url: str | None = None
    license: License | None = None
    title: str | None = None
    language: str | None = None  # None: what the input says, else English
    # The day Wikimedia text moved from CC BY-SA 3.0 to 4.0 (formats/mediawiki/license.py).
    wikimedia_license_switch: dt.date | None = None
    # Processes converting items, for readers whose conversion is the slow part (MediaWiki).
    workers: int = 1
    # Items to pass over unread (resuming an interrupted import); multi-item readers honour it.
    skip: int = 0
    # The next step for each Document, run where the reader makes it: a reader that converts in
    # worker processes (MediaWiki, ZIM) runs it there, so that an import prepares each article
    # in the worker that converted it, and yields what it returns in place of the Document (an
    # ItemError when it raises ValueError). Other readers ignore it. Picklable (module level).
    finish: Callable[[Document], Any] | None = None


class Reader(Protocol):
    """Reads one input path and yields its items, in order: Documents, AliasItems,
    CategoryItems, ItemErrors for items it could not read, and ReadWarnings about the input as a
    whole."""

    name: str
    description: str
    # Whether one input holds many items (a dump, an archive): only then is preparing them in
    # worker processes worth starting a pool for each input.
    many_items: bool

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]: ...
