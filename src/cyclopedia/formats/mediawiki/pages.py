"""What a ``<page>`` of a dump holds, and the parts of a ``<revision>`` an import keeps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from lxml import etree

from cyclopedia.formats.base import MAX_ITEM_BYTES
from cyclopedia.formats.mediawiki.elements import children, text_of

__all__ = [
    "PageRevision",
    "PageState",
    "RevisionFields",
    "Skip",
    "oversize",
    "parse_timestamp",
    "read_revision",
]


@dataclass(frozen=True, slots=True)
class PageRevision:
    """One page of a dump as it stands in its last revision in the dump."""

    title: str
    namespace: int
    page_id: str
    # The page this one redirects to (a title, without a #section), or None for an article.
    redirect_target: str | None
    revision_id: str
    parent_id: str | None
    timestamp: datetime | None  # aware, UTC
    contributor: str | None  # user name or IP address; None when hidden
    comment: str | None
    text: str
    model: str | None
    format: str | None
    revisions: int = 1  # how many revisions of the page the dump holds


@dataclass(slots=True)
class RevisionFields:
    """What a ``<revision>`` says, kept as strings until we know it is the last one."""

    revision_id: str
    parent_id: str | None
    timestamp: str | None
    contributor: str | None
    comment: str | None
    text: str | None
    missing_text: str  # why ``text`` is None
    model: str | None
    format: str | None


@dataclass(slots=True)
class PageState:
    title: str | None = None
    namespace: str | None = None
    page_id: str = ""
    redirect: str | None = None
    revision: RevisionFields | None = None
    revisions: int = 0


class Skip(Exception):
    """A page that cannot be imported, with the reason: becomes an ItemError."""


def read_revision(element: etree._Element) -> RevisionFields:
    fields = children(element)
    contributor = fields.get("contributor")
    who = children(contributor) if contributor is not None else {}
    text, missing = _revision_text(fields.get("text"))
    return RevisionFields(
        revision_id=text_of(fields.get("id")) or "",
        parent_id=text_of(fields.get("parentid")) or None,
        timestamp=text_of(fields.get("timestamp")),
        contributor=text_of(who.get("username")) or text_of(who.get("ip")) or None,
        comment=None if _deleted(fields.get("comment")) else text_of(fields.get("comment")),
        text=text,
        missing_text=missing,
        model=text_of(fields.get("model")),
        format=text_of(fields.get("format")),
    )


def _deleted(element: etree._Element | None) -> bool:
    return element is not None and element.get("deleted") is not None


def _revision_text(element: etree._Element | None) -> tuple[str | None, str]:
    """The wikitext of a revision, or None and why it is not there."""
    if element is None:
        return None, "its revision has no <text>"
    if _deleted(element):
        return None, "its text was deleted (revision hidden by the wiki's administrators)"
    if len(element):
        return None, "its <text> contains XML elements instead of wikitext"
    if element.text is None and element.get("bytes", "0") not in ("", "0"):
        return None, "its text is not in this dump (a stub dump holds only metadata)"
    return element.text or "", ""


def oversize(text: str) -> int | None:
    """The size in UTF-8 of a text over MAX_ITEM_BYTES, else None (without encoding it when its
    length tells: a character is 1 to 4 bytes)."""
    if len(text) * 4 <= MAX_ITEM_BYTES:
        return None
    size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
    return size if size > MAX_ITEM_BYTES else None


def parse_timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError as error:
        raise Skip(f"its revision timestamp {value[:40]!r} is not an ISO 8601 time") from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # dumps write UTC ("Z"); a bare time means it too
    return moment.astimezone(UTC)
