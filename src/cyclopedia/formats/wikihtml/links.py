"""What a link of a rendered wiki page points to: an article of the wiki, a page outside the
encyclopedia (Help:, File:, Talk:), a category, an anchor, or an external http(s) URL.

Article links are recognised in every spelling the renderers use: ``/wiki/Title`` and
``//host/wiki/Title`` (action=render, saved pages), ``./Title`` (Parsoid), ``Title`` or
``../A/Title.html`` relative to the page (mwoffliner pages in a ZIM), and red links
(``/w/index.php?title=Title&action=edit&redlink=1``). Any other scheme than http, https and mailto
(``javascript:``, ``data:``, ``vbscript:`` in whatever spelling) is no link at all.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urljoin, urlsplit

from cyclopedia.document.titles import TitleError, normalize_title
from cyclopedia.formats.mediawiki.wikitext.namespaces import (
    CATEGORY_NAMESPACES,
    FILE_NAMESPACES,
    OTHER_NAMESPACES,
)

# Browsers strip what surrounds a URL and drop tabs and line breaks inside it before they read
# its scheme ("java\tscript:" is javascript:); invisible characters go as well, here.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_HTML_EXTENSION = re.compile(r"\.html?$", re.IGNORECASE)
_LANGUAGE_PREFIX = re.compile(r"^[a-z]{2,3}(-[a-z]{2,8})*$")
_URL_SAFE = "/:?#[]@!$&'*+,;=%~-._"


@dataclass(frozen=True, slots=True)
class LinkBase:
    """How the links of one page are read.

    ``wiki_hosts``: hosts whose ``/wiki/`` and ``/w/index.php?title=`` links are article links
    ("en.wikipedia.org"). ``page_path``: the page's own path for relative links ("A/Ray_Charles"
    in a ZIM; "" for a saved page). ``relative_articles``: whether relative links (``./X``,
    ``X``) are article links, as in Parsoid HTML and ZIMs. ``site``: scheme and host that
    protocol- and root-relative links belong to ("https://en.wikipedia.org"). ``namespace``:
    the ZIM namespace of articles in the old layout ("A"), left out of the titles links name.
    """

    wiki_hosts: frozenset[str] = frozenset()
    page_path: str = ""
    relative_articles: bool = True
    site: str = ""
    namespace: str = ""


@dataclass(frozen=True, slots=True)
class Target:
    kind: str  # "article", "category", "external", "none"
    value: str = ""  # the title (with "#section" if any), the category name, or the URL


NONE = Target("none")


def _namespace(title: str) -> str:
    prefix, colon, _rest = title.partition(":")
    return prefix.strip().lower().replace("_", " ") if colon else ""


def article_target(raw_title: str) -> Target:
    """An article link, a category, or nothing, for a title as a link names it."""
    raw_title = raw_title.replace("_", " ").strip()
    page, _, section = raw_title.partition("#")
    space = _namespace(page)
    if space in CATEGORY_NAMESPACES:
        name = page.partition(":")[2].strip()
        return Target("category", name) if name else NONE
    if space and (
        space in FILE_NAMESPACES
        or space in OTHER_NAMESPACES
        or space.endswith((" talk", " discussion"))
    ):
        return NONE
    if not page.strip():
        return NONE  # an anchor on the same page
    try:
        title = normalize_title(page)
    except TitleError:
        return NONE
    title = title[0].upper() + title[1:]  # MediaWiki's first-letter case
    section = " ".join(section.split())
    return Target("article", f"{title}#{section}" if section else title)


def external_url(href: str, *, site: str = "") -> str | None:
    """An http(s) or mailto URL as it may be written in Markdown, or None for anything else."""
    cleaned = _INVISIBLE.sub("", href).strip()
    if cleaned.startswith("//"):
        cleaned = "https:" + cleaned
    elif cleaned.startswith("/") and site:
        cleaned = site + cleaned
    scheme = urlsplit(cleaned).scheme.lower() if ":" in cleaned else ""
    if scheme not in ("http", "https", "mailto"):
        return None
    if scheme != "mailto" and not urlsplit(cleaned).hostname:
        return None
    # Markdown link destinations end at spaces and parentheses; < > would be raw HTML.
    return quote(cleaned, safe=_URL_SAFE).replace("(", "%28").replace(")", "%29")


def _wiki_title(url: str) -> str | None:
    """The title a ``/wiki/Title`` or ``/w/index.php?title=Title`` URL names."""
    parts = urlsplit(url)
    if parts.path.startswith("/wiki/") and len(parts.path) > len("/wiki/"):
        title = unquote(parts.path.removeprefix("/wiki/"))
        return title + (f"#{unquote(parts.fragment)}" if parts.fragment else "")
    if parts.path.endswith("/index.php"):
        values = parse_qs(parts.query).get("title")
        return values[0] if values else None
    return None


def resolve(href: str, base: LinkBase) -> Target:
    """What a link's ``href`` points to on a page read with ``base``."""
    href = _INVISIBLE.sub("", href).strip()
    if not href or href.startswith("#"):
        return NONE
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") or href.startswith("//"):
        host = (urlsplit(href if scheme else "https:" + href).hostname or "").lower()
        if host in base.wiki_hosts:
            title = _wiki_title(href)
            if title is not None:
                return article_target(title)
        url = external_url(href)
        return Target("external", url) if url else NONE
    if scheme:  # mailto: stays a link; javascript:, data: and the rest are none
        url = external_url(href) if scheme == "mailto" else None
        return Target("external", url) if url else NONE
    if href.startswith("/"):  # root-relative: the wiki's own paths, or the site's
        title = _wiki_title(href)
        if title is not None and (base.wiki_hosts or not base.site):
            return article_target(title)
        url = external_url(href, site=base.site) if base.site else None
        return Target("external", url) if url else NONE
    if not base.relative_articles:
        return NONE
    return article_target(_relative_title(href, base.page_path, base.namespace))


def _relative_title(href: str, page_path: str, namespace: str) -> str:
    """The title a relative link names: resolved against the page's path, without the ZIM
    namespace or the ``.html`` of old mwoffliner archives."""
    parts = urlsplit(href)
    if parts.query and "title=" in parts.query:
        title = parse_qs(parts.query).get("title")
        if title:
            return title[0]
    directory = posixpath.dirname(page_path)
    joined = urljoin(f"/{directory}/" if directory else "/", parts.path)
    path = unquote(posixpath.normpath(joined)).lstrip("/")
    if namespace and path.startswith(namespace + "/"):
        path = path[len(namespace) + 1 :]  # the ZIM namespace of the old layout: "A/Title"
    path = _HTML_EXTENSION.sub("", path)
    fragment = unquote(parts.fragment)
    return path + (f"#{fragment}" if fragment else "")
