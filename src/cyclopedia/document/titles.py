"""Article titles: one normal form, and the `/wiki/Title_with_underscores` path form readers know.

Titles arrive from dumps, scraped pages, URLs and forms. The normal form is NFC, with bidi controls,
zero-width characters and other invisible format characters removed, underscores read as spaces (as
MediaWiki does), runs of whitespace collapsed, and no leading or trailing space. Case is kept: "Go"
and "GO" are different articles.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote

MAX_TITLE_LENGTH = 255

# Characters a title may not contain at all: they break links ("[[a|b]]", "{{x}}"), URLs or
# wiki markup, exactly as MediaWiki's $wgLegalTitleChars excludes them.
_FORBIDDEN = set("#<>[]|{}")
_SPACE_RUN = re.compile(r"\s+")


class TitleError(ValueError):
    """A title that cannot name an article, with the reason."""


def _visible(char: str) -> bool:
    category = unicodedata.category(char)
    # Cf: format characters (bidi controls, zero-width joiners, BOM); Cc: control characters.
    return category not in ("Cf", "Cc") or char in "\t\n\r"


def strip_format_characters(text: str) -> str:
    """Text without invisible format and control characters (bidi overrides, zero widths)."""
    if text.isprintable():
        return text  # it has none (the usual case): no need to look at each character
    return "".join(ch for ch in text if _visible(ch))


def normalize_title(raw: str) -> str:
    """The normal form of a title, or :class:`TitleError` saying why there is none."""
    # Invisible characters go first: removing one can change what NFC makes of its neighbours.
    text = unicodedata.normalize("NFC", strip_format_characters(raw))
    text = _SPACE_RUN.sub(" ", text.replace("_", " ")).strip()
    if not text:
        raise TitleError("the title is empty")
    bad = sorted(_FORBIDDEN.intersection(text))
    if bad:
        raise TitleError(f"the title {text!r} contains characters a title may not: {' '.join(bad)}")
    if any(segment in (".", "..") for segment in text.split("/")):
        # As MediaWiki refuses them: "/wiki/.." would be resolved away by every URL parser, and a
        # path built from such a title could climb out of its directory.
        raise TitleError(f"the title {text!r} has a '.' or '..' path segment")
    if len(text) > MAX_TITLE_LENGTH:
        raise TitleError(f"the title is {len(text)} characters long; at most {MAX_TITLE_LENGTH}")
    return text


def title_to_path(title: str) -> str:
    """The URL path segment of a title: spaces as underscores, percent-encoded where needed."""
    return quote(title.replace(" ", "_"), safe="/:,;@!$()*'~")


def path_to_title(path: str) -> str:
    """The title a URL path segment names (the inverse of :func:`title_to_path`)."""
    return unquote(path).replace("_", " ")
