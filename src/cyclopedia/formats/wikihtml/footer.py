"""The footer mwoffliner writes at the end of every article of its ZIMs, read and taken out.

    This article is issued from <a title="Last edited on 2020-03-26"
    href="https://en.wikipedia.org/wiki/Georgia_on_My_Mind?oldid=947402059">Wikipedia</a>.
    The text is licensed under <a href="https://creativecommons.org/licenses/by-sa/4.0/">Creative
    Commons - Attribution - Sharealike</a>. Additional terms may apply for the media files.

It names the page, the revision (``oldid``), the day of the last edit and the licence, which
Wikipedia ZIMs often do not give in their metadata. It is recognised by its English words, or, in
the languages mwoffliner translates it into, by what it holds: a link to a revision of a page and
a link to a licence, in a block of its own with little text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from lxml.html import HtmlElement

from cyclopedia.formats.wikihtml.tree import squash, tag, text_of

_PHRASES = ("this article is issued from", "the text is licensed under")
_LICENSE_HOSTS = ("creativecommons.org", "www.gnu.org", "gnu.org")
_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MAX_FOOTER_CHARS = 600


@dataclass(frozen=True, slots=True)
class Footer:
    """What an mwoffliner footer says."""

    text: str  # the footer's words, as evidence
    page_url: str = ""  # the page, without the revision: "https://en.wikipedia.org/wiki/X"
    revision_url: str = ""  # the link as written, with its oldid
    revision_id: str = ""
    edited: dt.datetime | None = None  # the day of the last edit (UTC midnight)
    site_name: str = ""  # the link's text: "Wikipedia", "Wikibooks"
    license_url: str = ""
    license_name: str = ""


def _revision_link(block: HtmlElement) -> HtmlElement | None:
    for link in block.iter("a"):
        parts = urlsplit(link.get("href") or "")
        if parts.scheme in ("http", "https") and parse_qs(parts.query).get("oldid"):
            return link
    return None


def _license_link(block: HtmlElement) -> HtmlElement | None:
    for link in block.iter("a"):
        parts = urlsplit(link.get("href") or "")
        if (parts.hostname or "").lower() in _LICENSE_HOSTS:
            return link
    return None


def _is_footer(block: HtmlElement) -> bool:
    if tag(block) not in ("div", "p", "footer", "section", "span"):
        return False
    text = text_of(block)
    if not text or len(text) > MAX_FOOTER_CHARS:
        return False
    if all(phrase in text.lower() for phrase in _PHRASES):
        return True
    return _revision_link(block) is not None and _license_link(block) is not None


def _read(block: HtmlElement) -> Footer:
    revision = _revision_link(block)
    license_link = _license_link(block)
    page_url = revision_url = revision_id = site = ""
    edited = None
    if revision is not None:
        revision_url = revision.get("href") or ""
        parts = urlsplit(revision_url)
        revision_id = (parse_qs(parts.query).get("oldid") or [""])[0]
        revision_id = revision_id if revision_id.isdigit() else ""
        page_url = parts._replace(query="", fragment="").geturl()
        site = text_of(revision)
        match = _DATE.search(revision.get("title") or "")
        if match:
            try:
                year, month, day = (int(group) for group in match.groups())
                edited = dt.datetime(year, month, day, tzinfo=dt.UTC)
            except ValueError:
                edited = None
    return Footer(
        text=text_of(block),
        page_url=page_url,
        revision_url=revision_url,
        revision_id=revision_id,
        edited=edited,
        site_name=site,
        license_url=(license_link.get("href") or "") if license_link is not None else "",
        license_name=text_of(license_link) if license_link is not None else "",
    )


def _seeds(root: HtmlElement) -> list[HtmlElement]:
    """Elements a footer would be around: links to a revision, text in its English words."""
    seeds = []
    for element in root.iter():
        if tag(element) == "a":
            parts = urlsplit(element.get("href") or "")
            if "oldid=" in parts.query:
                seeds.append(element)
        elif (
            _PHRASES[0] in (element.text or "").lower()
            or _PHRASES[0] in (element.tail or "").lower()
        ):
            seeds.append(element)
    return seeds


def take_footer(root: HtmlElement) -> Footer | None:
    """The footer of a page, removed from it (with the wrappers that held only it)."""
    found = None
    for seed in _seeds(root):
        candidate: HtmlElement | None = seed
        for _level in range(4):
            if candidate is None:
                break
            if _is_footer(candidate):
                found = candidate
                break
            candidate = candidate.getparent()
    if found is None:
        return None
    footer = _read(found)
    outer = found
    parent = outer.getparent()
    while (
        parent is not None
        and tag(parent) == "div"
        and squash(parent.text_content()) == squash(outer.text_content())
    ):
        outer, parent = parent, parent.getparent()
    outer.drop_tree()
    return footer
