"""What a saved wiki page says about itself: title, address, revision, language, categories, and
the element that holds the article.

Each renderer leaves different traces. Parsoid HTML has ``<title>``, ``dc:isVersionOf``, the
revision in ``<html about=".../revision/N">`` and its time in ``dc:modified``; a page saved from a
browser has ``<title>Title - Wikipedia</title>``, a canonical link, ``#catlinks`` and
``<!-- saved from url=... -->``; ``action=render`` output has none of these, but the tools that
save it often write the address and time in a first comment (WikiTableQuestions:
``<!-- http%3A//en.wikipedia.org/wiki%3Faction%3Drender%26curid%3D1%26oldid%3D2 2014-06-09-21-41-43
-->``); mwoffliner pages have ``<title>``, a canonical link and their footer (:mod:`.footer`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from lxml.html import HtmlElement

from cyclopedia.formats.wikihtml.links import article_target
from cyclopedia.formats.wikihtml.tree import squash, tag, text_of

_FIRST_COMMENT = re.compile(
    r"^\s*(?:<!DOCTYPE[^>]*>\s*)?<!--\s*(\S+)\s+(\d{4})-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)\s*-->"
)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_REVISION_ABOUT = re.compile(r"/revision/(\d+)$")
_SITE_SUFFIX = re.compile(
    r"\s+[-–—]\s+(?:Wikipedia|Wikibooks|Wiktionary|Wikiquote|Wikisource|Wikinews|Wikiversity|"
    r"Wikivoyage|Wikispecies|Wikimedia|MediaWiki|Wikidata|Wikimedia Commons)\b.*$",
    re.IGNORECASE,
)
_CONFIG_REVISION = re.compile(r'"wgRevisionId"\s*:\s*(\d+)')
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
HEAD_CHARS = 4096
# Hidden maintenance categories that templates add (Parsoid lists them with the others).
_MAINTENANCE = re.compile(
    r"^(?:All |Articles |Pages |Wikipedia |CS1 |Use |Webarchive |Taxonbars |Commons category|"
    r"Good articles|Featured articles|Official website|Coordinates on Wikidata|Short description|"
    r"Harv and Sfn|Template |Engvar|Redirects |Biography with signature|AC with |"
    r"[^ ]+ articles (?:needing|with|missing|lacking)\b)"
)


@dataclass(frozen=True, slots=True)
class PageInfo:
    title: str = ""
    url: str = ""  # the page's address: canonical link, dc:isVersionOf, saved-from address
    address: str = ""  # any other address it was fetched from (an action=render URL)
    revision_id: str = ""
    timestamp: dt.datetime | None = None  # when the revision was made
    saved: dt.datetime | None = None  # when the page was saved: the revision is no later
    language: str = ""
    categories: tuple[str, ...] = ()
    license_url: str = ""  # a rel="license" link or the licence link of a saved page's footer
    page_id: str = ""


def _absolute(url: str) -> str:
    url = url.strip()
    if url.startswith("//"):
        return "https:" + url
    return url if urlsplit(url).scheme in ("http", "https") else ""


def _first(root: HtmlElement, path: str) -> HtmlElement | None:
    found = root.xpath(path)
    return (
        found[0]
        if isinstance(found, list) and found and isinstance(found[0], HtmlElement)
        else None
    )


def _meta(root: HtmlElement, name: str) -> str:
    element = _first(root, f"//meta[@property='{name}' or @name='{name}']")
    return (element.get("content") or "").strip() if element is not None else ""


def _link(root: HtmlElement, rel: str) -> str:
    for element in root.iter("link", "a"):
        if rel in (element.get("rel") or "").split():
            url = _absolute(element.get("href") or "")
            if url:
                return url
    return ""


def _title(root: HtmlElement) -> str:
    heading = _first(root, "//h1[@id='firstHeading' or @id='titleHeading']")
    if heading is None:
        heading = _first(root, "//h1[contains(concat(' ', @class, ' '), ' section-heading ')]")
    if heading is not None and text_of(heading):
        return text_of(heading)
    title = _first(root, "//title")
    if title is not None:
        return _SITE_SUFFIX.sub("", squash(title.text_content()))
    return ""


def _timestamp(value: str) -> dt.datetime | None:
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def _categories(root: HtmlElement) -> tuple[str, ...]:
    """Categories of Parsoid's category links and of a saved page's ``#catlinks`` box."""
    links = root.xpath(
        "//link[@rel='mw:PageProp/Category']"
        " | //*[@id='catlinks' or contains(concat(' ', @class, ' '), ' catlinks ')]//a"
    )
    names: dict[str, None] = {}
    for element in links if isinstance(links, list) else []:
        if not isinstance(element, HtmlElement):
            continue
        href = unquote(element.get("href") or "")
        path = urlsplit(href).path
        name = path.rpartition("/")[2] if "/" in path else path
        target = article_target(name.partition("#")[0])
        if target.kind == "category" and not _MAINTENANCE.match(target.value):
            names.setdefault(target.value[:1].upper() + target.value[1:], None)
    return tuple(names)


def read_page(text: str, root: HtmlElement) -> PageInfo:
    """What the page says about itself, before anything is removed from it."""
    head = text[:HEAD_CHARS]
    url = _link(root, "canonical") or _link(root, "dc:isVersionOf")
    revision = address = ""
    saved = None
    comment = _FIRST_COMMENT.match(head)
    if comment:
        address = _absolute(unquote(comment.group(1)))
        query = parse_qs(urlsplit(address).query)
        revision = (query.get("oldid") or [""])[0]
        if not url and urlsplit(address).path.startswith("/wiki/"):
            url = address.split("?", 1)[0]
        try:
            year, month, day, hour, minute, second = (int(g) for g in comment.groups()[1:])
            saved = dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)
        except ValueError:
            saved = None
    saved_from = _SAVED_FROM.search(head)
    if saved_from and not url:
        url = _absolute(saved_from.group(1))
    html = root if tag(root) == "html" else _first(root, "//html")
    about = (html.get("about") or "") if html is not None else ""
    about_revision = _REVISION_ABOUT.search(about)
    if not revision and about_revision:
        revision = about_revision.group(1)
    if not revision:
        configured = _CONFIG_REVISION.search(text)
        revision = configured.group(1) if configured else ""
    language = ""
    for element in (html, _first(root, "//body")):
        value = (element.get("lang") or "").strip() if element is not None else ""
        if value and _LANGUAGE.match(value):
            language = value.lower()
            break
    return PageInfo(
        title=_title(root),
        url=url,
        address=address,
        revision_id=revision if revision.isdigit() else "",
        timestamp=_timestamp(_meta(root, "dc:modified")),
        saved=saved,
        language=language,
        categories=_categories(root),
        license_url=_link(root, "license"),
        page_id=_meta(root, "mw:pageId"),
    )


def content_element(root: HtmlElement) -> HtmlElement:
    """The element holding the article: MediaWiki's ``#mw-content-text`` (its parser output
    when it has one), else the body."""
    content = _first(root, "//*[@id='mw-content-text']")
    if content is not None:
        output = _first(content, ".//*[contains(concat(' ', @class, ' '), ' mw-parser-output ')]")
        return output if output is not None and output is not content else content
    body = _first(root, "//body")
    return body if body is not None else root
