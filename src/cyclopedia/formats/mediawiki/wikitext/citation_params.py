"""The parameters of a citation template and CS1's reading and writing of their values.

:class:`Params` finds a value by its normalised name ("Access_Date" is "access-date"); the
functions read what a value holds (an http(s) URL, a DOI, a link target, language names) and
write it the way Citation Style 1 shows it (italics, quotes, page ranges, titles without their
final full stop). Values arrive as inline Markdown, converted by the walk.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from cyclopedia.document.markup import unescape_text
from cyclopedia.formats.mediawiki.wikitext.languages import LANGUAGES

_AUTOLINK = re.compile(r"<([^<>\s]+)>")
_LABEL = r"\[(?:\\.|[^\[\]\\])*\]"  # a Markdown link label: no unescaped brackets
_LINKED = re.compile(_LABEL + r"\(<([^<>]+)>\)|" + _LABEL + r"\(([^()\s]+)\)")
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
_PAGE_RANGE = re.compile(r"\w+\s*[-–]\s*\w+|\w+")
_EMPHASIS = re.compile(r"(?<!\\)[*_]")
_TARGET_FORBIDDEN = re.compile(r"[\[\]{}|<>\n#]")


class Params:
    """Non-empty parameters by normalised name ("Access_Date" -> "access-date")."""

    def __init__(self, params: Mapping[str, str]) -> None:
        self.values: dict[str, str] = {}
        for key, value in params.items():
            name = "-".join(key.strip().lower().replace("_", "-").split())
            if value.strip() and name not in self.values:
                self.values[name] = value.strip()

    def get(self, *names: str) -> str:
        values = self.values  # every value is non-empty
        for name in names:
            if name in values:
                return values[name]
        return ""


def web_url(value: str) -> str | None:
    """An http(s) URL from a parameter value: bare (escaped), an autolink or a Markdown link."""
    text = value.strip()
    if match := _AUTOLINK.fullmatch(text):
        text = match.group(1)
    elif match := _LINKED.fullmatch(text):
        text = match.group(1) or match.group(2)
    else:
        # An archive address holds the original one, which the converter made an autolink:
        # "https://web.archive.org/web/2010/<http://example.com>".
        text = unescape_text(_AUTOLINK.sub(r"\1", text))
    text = text.strip()
    if text.startswith("//"):
        text = "https:" + text
    if not re.match(r"https?://[^\s/?#]+\.[^\s/?#]", text, re.IGNORECASE) or "\n" in text:
        return None
    return text.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def bare_doi(value: str) -> str | None:
    text = web_url(value) or unescape_text(value.strip())
    text = _DOI_PREFIX.sub("", text).strip().rstrip(".")
    return text if _DOI.fullmatch(text) else None


def italic(value: str) -> str:
    """Markdown italics around a value that may itself hold emphasis or links."""
    text = value.strip()
    if not text:
        return ""
    inner = _EMPHASIS.findall(text)
    if re.fullmatch(r"\*[^*].*\*", text, re.DOTALL) and len(inner) == 2:
        return text  # already italic as a whole
    if "*" in inner and "_" not in inner:
        return f"_{text}_"  # nests inside: _Title with *Ship* name_
    return f"*{text}*"


def bold(value: str) -> str:
    return value if "*" in value else f"**{value}**"


def quoted(value: str) -> str:
    return f'"{value}"'


def drop_terminal_stop(title: str) -> str:
    """CS1 drops a title's final full stop (keeping an ellipsis and initials like "U.S.")."""
    if title.endswith(".") and not title.endswith("..") and not re.search(r"(\.|\s)\w\.$", title):
        return title[:-1]
    return title


def dash_ranges(pages: str) -> str:
    """45-67 -> 45–67, as CS1 does for page ranges (only when the value is a list of ranges)."""
    parts = [part.strip() for part in pages.split(",")]
    if all(_PAGE_RANGE.fullmatch(part) for part in parts):
        return ", ".join(re.sub(r"\s*-\s*", "–", part) for part in parts)
    return pages


def link_target(value: str) -> str | None:
    target = unescape_text(value).replace("_", " ").strip()
    if not target or _TARGET_FORBIDDEN.search(target) or "://" in target:
        return None
    return " ".join(target.split())


def language_names(value: str) -> str:
    names = [
        LANGUAGES.get(part.strip().lower(), part.strip())
        for part in value.split(",")
        if part.strip()
    ]
    if [name.lower() for name in names] in (["english"], ["en"]):
        return ""  # CS1 on English Wikipedia does not say "(in English)"
    if len(names) > 1:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return names[0] if names else ""
