"""The one HTML sanitiser every rendered fragment passes through (nh3, an allowlist).

Allowed: the tags Markdown produces plus the few it has no syntax for (sub, sup, complex tables),
links to http, https, mailto and relative URLs only, ``id`` only in a conservative spelling, classes
only from the renderer's own set (so user text cannot dress up as site chrome), and no ``style``,
event handler, ``name``, form, frame, media, SVG or MathML at all.
"""

from __future__ import annotations

import re

import nh3

TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q",
    "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}  # fmt: skip

ATTRIBUTES = {
    "*": {"id", "lang", "dir", "title"},
    "a": {"href", "rel", "hreflang"},
    "abbr": set(),
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "time": {"datetime"},
}

# Classes the renderer itself puts on elements; anything else in user HTML is dropped.
CLASSES = {
    "a": {"wikilink", "new", "external", "citation-backlink"},
    "sup": {"reference"},
    "span": {"hatnote", "reference-text"},
    "div": {"hatnote", "table-wrap"},
    "td": {"align-left", "align-center", "align-right"},
    "th": {"align-left", "align-center", "align-right"},
}

URL_SCHEMES = {"http", "https", "mailto"}

_SAFE_ID = re.compile(r"^[^\W\d][\w.\-:]{0,127}$")
_REL_TOKENS = {"nofollow", "noopener", "noreferrer", "external"}
_DIRECTIONS = {"ltr", "rtl", "auto"}


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href" and (value.lstrip().startswith(("//", "/\\")) or "\\" in value):
        # "//host/..." and "/\\host" leave the site while looking like site paths.
        return None
    if attribute == "id":
        # Anchors in a plain spelling only. ``name`` is never allowed, so nothing can clobber
        # ``document`` properties; the site's script never reads ``window`` named properties.
        return value if _SAFE_ID.match(value) else None
    if attribute == "rel":
        tokens = [token for token in value.split() if token in _REL_TOKENS]
        return " ".join(tokens) or None
    if attribute == "dir":
        return value if value in _DIRECTIONS else None
    return value


_CLEANER = nh3.Cleaner(
    tags=TAGS,
    attributes=ATTRIBUTES,
    attribute_filter=_filter,
    allowed_classes=CLASSES,
    url_schemes=URL_SCHEMES,
    link_rel=None,
    strip_comments=True,
    clean_content_tags={"script", "style", "template", "textarea", "title", "xmp", "noscript"},
)


_EXTERNAL_WITHOUT_REL = re.compile(r'<a (?![^>]*\brel=)(?=[^>]*\bhref="(?:https?:|mailto:))')


def sanitize(html: str) -> str:
    """Sanitised HTML; sanitising the result again changes nothing.

    Links off the site that the renderer did not mark (raw HTML in a text) get
    ``rel="nofollow noopener"`` too.
    """
    return _EXTERNAL_WITHOUT_REL.sub('<a rel="nofollow noopener" ', _CLEANER.clean(html))
