"""What a page's head says about it that trafilatura does not give: its canonical URL, its
language, and titles and authors made fit for a Document."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from cyclopedia.document.titles import MAX_TITLE_LENGTH, strip_format_characters
from cyclopedia.formats.html.links import host_of

# Characters a title may not contain (document/titles.py), as their full-width look-alikes:
# "C# | Tutorial" stays readable as "C＃ ｜ Tutorial".
_TITLE_LOOKALIKES = str.maketrans("#<>[]|{}", "＃＜＞［］｜｛｝")
_SPACE = re.compile(r"\s+")
_LANGUAGE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ")
_DATE_LIKE = re.compile(r"[\d./-]{6,10}")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})
_COPYRIGHT_LINE = re.compile(r"(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_WORDS = re.compile(r"[\W_]+")
MAX_SITE_SEGMENT_CHARS = 60
MAX_AUTHORS = 20
MAX_AUTHOR_CHARS = 200
MAX_SITE_NAME_CHARS = 200


def clean(text: str | None) -> str:
    return _SPACE.sub(" ", strip_format_characters(text or "")).strip()


def _rel(element: HtmlElement) -> set[str]:
    return set((element.get("rel") or "").lower().split())


def canonical_url(tree: HtmlElement) -> tuple[str | None, str]:
    """The URL a page names for itself, and where it says so."""
    for element in tree.iter("link"):
        href = (element.get("href") or "").strip()
        if "canonical" in _rel(element) and _plain_url(href):
            return href, 'its <link rel="canonical">'
    for element in tree.iter("meta"):
        if (element.get("property") or element.get("name") or "").lower() == "og:url":
            content = (element.get("content") or "").strip()
            if _plain_url(content):
                return content, 'its <meta property="og:url">'
    return None, ""


def _plain_url(url: str) -> bool:
    """An http(s) URL without credentials or spaces in it."""
    return (
        bool(host_of(url))
        and "@" not in urlsplit(url).netloc
        and not any(ch.isspace() for ch in url)
    )


def language(tree: HtmlElement) -> str | None:
    """The page's language as a primary subtag ("de" of "de-AT"), or None."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for element in tree.iter("meta"):
        key = (
            element.get("http-equiv") or element.get("name") or element.get("property") or ""
        ).lower()
        if key in ("content-language", "language", "og:locale", "dc.language"):
            candidates.append(element.get("content"))
    body = tree.find("body")
    if body is not None:
        candidates.append(body.get("lang"))
    for candidate in candidates:
        match = _LANGUAGE.match((candidate or "").strip().split(",")[0].strip())
        if match:
            return match.group(1).lower()
    return None


def site_name(value: str | None) -> str:
    """Trafilatura's site name, unless it is a copyright line that it fell back on."""
    name = clean(value)[:MAX_SITE_NAME_CHARS]
    return "" if _COPYRIGHT_LINE.match(name) else name


def head_title(tree: HtmlElement) -> str:
    for element in tree.iter("meta"):
        if (element.get("property") or element.get("name") or "").lower() == "og:title":
            content = clean(element.get("content"))
            if content:
                return content
    title = tree.find(".//title")
    return clean(title.text_content()) if title is not None else ""


def _folded(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _site_label(host: str | None) -> str:
    """The name part of a host: "viehbacher" of www.viehbacher.com, "bbc" of bbc.co.uk."""
    labels = [label for label in (host or "").lower().split(".") if label and label != "www"]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else ""


def _names_site(segment: str, site_name: str, label: str) -> bool:
    folded = _folded(segment)
    if not folded:
        return True  # a separator between separators
    if _DATE_LIKE.fullmatch(segment.strip()):
        return True  # "| 19.01.2020"
    if len(segment) > MAX_SITE_SEGMENT_CHARS:
        return False
    words = {_folded(word) for word in _WORDS.split(segment)}
    return any(
        name
        and (
            folded == name
            or name in words
            or (len(name) >= 4 and name in (folded[: len(name)], folded[-len(name) :]))
        )
        for name in (_folded(site_name), label)
    )


def without_site_name(title: str, site_name: str, host: str | None = None) -> str:
    """ "Article | Site | 19.01.2020" as "Article": segments after (or before) a separator that
    name the site (its name, the name in its host) or are dates are dropped."""
    label = _folded(_site_label(host))
    pattern = "(" + "|".join(re.escape(sep) for sep in _TITLE_SEPARATORS) + ")"
    segments = re.split(pattern, title)  # text, separator, text, ...
    while len(segments) >= 3 and _names_site(segments[-1], site_name, label):
        segments = segments[:-2]
    while len(segments) >= 3 and _names_site(segments[0], site_name, label):
        segments = segments[2:]
    return "".join(segments).strip()


def document_title(title: str) -> str:
    """A page title as an article title: forbidden characters as look-alikes, length capped."""
    text = clean(title).translate(_TITLE_LOOKALIKES)
    text = "/".join("․" if seg == "." else "‥" if seg == ".." else seg for seg in text.split("/"))
    if len(text) > MAX_TITLE_LENGTH:
        text = text[: MAX_TITLE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return text


def authors(value: str | None) -> tuple[str, ...]:
    """Trafilatura's "A; B" as ("A", "B")."""
    names = (clean(name)[:MAX_AUTHOR_CHARS] for name in (value or "").split(";"))
    return tuple(dict.fromkeys(name for name in names if name))[:MAX_AUTHORS]


def page_date(value: str | None) -> dt.datetime | None:
    """Trafilatura's "YYYY-MM-DD" as midnight UTC of that day."""
    match = _DATE.match(value or "")
    if not match:
        return None
    try:
        year, month, day = (int(group) for group in match.groups())
        return dt.datetime(year, month, day, tzinfo=dt.UTC)
    except ValueError:
        return None
