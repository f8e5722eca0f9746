"""Pieces of Cyclopedia Markdown that the JATS converter writes: escaped text, emphasis,
links, code spans, and the one check every URL passes before it becomes a link.

Text from the XML is always escaped, so that it stays text: no Markdown syntax, raw HTML or
citation marker can come from an article's words. The only raw HTML written is the converter's
own (``<sup>``, ``<sub>``, ``<em>``, table structure) around escaped text. Escaping is done in two
steps, as ``cyclopedia.document.markup.escape_text`` does it in one: :func:`escape` escapes the
inline syntax of every piece of text, and :func:`line_start` what would start a block (a list, a
heading, a thematic break) at the beginning of each paragraph, where alone it can.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX = re.compile(
    r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*|info:doi/|https?://doi\.org/)", re.IGNORECASE
)
_SPACE = re.compile(r"[ \t\r\n]+")  # XML's white space: a no-break space is text
# The inline syntax escape_text escapes (the two are compared in the tests).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&~|])")
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+](?=\s|$)|=+\s*$|-+\s*$|(\d{1,9})([.)])(?=\s|$))")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f]")
LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def collapse(text: str) -> str:
    """Runs of white space (XML line breaks and indentation) as one space."""
    return _SPACE.sub(" ", text)


def escape(text: str | None) -> str:
    """XML text as Markdown that renders back to that text, keeping a leading and a trailing
    space (``escape_text`` strips them, and they separate words from neighbouring markup)."""
    if not text:
        return ""
    text = collapse(text)
    core = text.strip(" ")
    if not core:
        return " "
    lead = " " if text[0] == " " else ""
    trail = " " if text[-1] == " " else ""
    escaped = _INLINE_SPECIAL.sub(r"\\\1", core)
    return f"{lead}{escaped}{trail}"


def line_start(markdown: str) -> str:
    """Markdown that begins a line, with what would make it a block (a list marker, a heading
    mark, a thematic break) escaped: "1. x" as "1\\. x", "- x" as "\\- x"."""
    match = _BLOCK_START.match(markdown)
    if not match:
        return markdown
    if match.group(2):
        return f"{match.group(2)}\\{match.group(3)}{markdown[match.end() :]}"
    return "\\" + markdown


def _word_edge(char: str) -> bool:
    return char.isalnum()


def emphasis(inner: str, *, strong: bool, before: str, space_after: bool = False) -> str:
    """``*inner*`` (or ``**``) where CommonMark reads it as emphasis whatever surrounds it, else
    ``<em>``/``<strong>``: an emphasis that starts or ends with punctuation, or follows another
    one directly, would not be read as one. ``space_after``: the caller puts a space after it,
    so it may end with punctuation ("**Background:** …")."""
    core = inner.strip(" ")
    if not core:
        return inner
    lead = " " if inner[:1] == " " else ""
    trail = " " if inner[-1:] == " " else ""
    ends_well = _word_edge(core[-1]) or (space_after and core[-1] not in " \u00a0")
    if _word_edge(core[0]) and ends_well and not before.endswith("*"):
        marker = "**" if strong else "*"
        return f"{lead}{marker}{core}{marker}{trail}"
    tag = "strong" if strong else "em"
    return f"{lead}<{tag}>{core}</{tag}>{trail}"


def wrap(tag: str, inner: str) -> str:
    """``<sup>``/``<sub>``/``<u>`` around inline Markdown, white space kept outside."""
    core = inner.strip(" ")
    if not core:
        return inner
    lead = " " if inner[:1] == " " else ""
    trail = " " if inner[-1:] == " " else ""
    return f"{lead}<{tag}>{core}</{tag}>{trail}"


def code_span(text: str) -> str:
    text = collapse(text).strip()
    if not text:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def normalize_doi(value: str) -> str | None:
    """A DOI ("10.1371/journal.pone.0026358") from a DOI, a doi: or info:doi/ name or a
    doi.org URL; None when it is none."""
    value = _DOI_PREFIX.sub("", value.strip()).strip()
    return value if DOI_RE.match(value) else None


def doi_url(doi: str) -> str:
    return "https://doi.org/" + quote(doi, safe="/:;()._-")


def safe_url(raw: str, *, schemes: frozenset[str] = LINK_SCHEMES) -> str | None:
    """An absolute URL with an allowed scheme, made safe to write in Markdown; None for anything
    else: ``javascript:``, ``data:``, ``vbscript:`` in any spelling, relative paths, garbage."""
    # Browsers drop tabs and line breaks anywhere in a URL ("java\tscript:") and spaces at
    # its ends; what is left is what is checked and written.
    url = _INVISIBLE.sub("", raw).strip(" ")
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in schemes:
        return None
    if parts.scheme.lower() in ("http", "https") and not parts.hostname:
        return None
    if parts.scheme.lower() == "mailto" and "@" not in parts.path:
        return None
    # Nothing that could end a Markdown link or autolink, or be read as an escape.
    return re.sub(r"[<>\\\"'\s`]", lambda m: f"%{ord(m.group(0)):02X}", url)


_DANGEROUS_SCHEME = re.compile(r"^(?:javascript|vbscript|livescript|data|file|jar|about):")


def unsafe_scheme(text: str) -> bool:
    """Whether a text spells a URL of a dangerous scheme (shown, even as text, it invites
    copying into an address bar), in any spelling browsers accept."""
    return bool(_DANGEROUS_SCHEME.match(_CONTROL.sub("", text).lower()))


def link(label: str, url: str) -> str:
    """A Markdown link; the label is inline Markdown (already escaped)."""
    if not label.strip():
        return f"<{url}>"
    return f"[{label.strip()}](<{url}>)"
