"""Which links of a web page's text are kept: http(s) links to other sites, nothing else.

A page's links to its own site lead to pages this encyclopedia does not have (navigation, tags,
other posts): their text stays, the link goes. Links to other sites are kept as external
links. Every other scheme (``javascript:``, ``vbscript:``, ``data:``, ``file:``, in whatever
spelling: entities are decoded by the parser, and tabs and newlines inside a URL are removed as
browsers remove them) is dropped, and so are URLs carrying credentials.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# What a browser removes from a URL before reading it: C0 controls and spaces at either end,
# tabs and newlines anywhere.
_EDGES = "".join(chr(code) for code in range(0x21))
_INSIDE = re.compile(r"[\t\n\r]")
# Characters kept as they are in a Markdown link destination; everything else (spaces,
# parentheses, angle brackets, backslashes, pipes, quotes, non-ASCII) is percent-encoded.
_SAFE = ":/?#[]@!$&'*+,;=%~-._"


def host_of(url: str | None) -> str | None:
    """The lower-case host of an http(s) URL, or None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return host.rstrip(".")


def _site(host: str) -> str:
    return host.removeprefix("www.")


def same_site(host: str, other: str) -> bool:
    """Whether two hosts are one site: equal but for ``www.``, or one under the other."""
    first, second = _site(host), _site(other)
    return first == second or first.endswith("." + second) or second.endswith("." + first)


def external_url(target: str | None, page_host: str | None) -> str | None:
    """A link target as a safe Markdown link destination to another site, or None."""
    if not target:
        return None
    url = _INSIDE.sub("", target.strip(_EDGES))
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _port = parts.port  # a port that is not a number raises here
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or parts.username is not None:
        return None
    if any(ord(ch) < 0x20 or ch == "\x7f" for ch in url):
        return None
    if page_host and same_site(host.rstrip("."), page_host):
        return None
    return quote(url, safe=_SAFE)
