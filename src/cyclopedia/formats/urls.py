"""The site a URL belongs to, as attribution links and source homepages show it."""

from __future__ import annotations

from urllib.parse import urlsplit


def site_root(url: str) -> str:
    """``scheme://host[:port]`` of an http(s) URL, or "" for anything else.

    Credentials never come along, and a protocol-relative ``//host/...`` is read as https.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower() or ("https" if url.strip().startswith("//") else "")
    try:
        port = parts.port
    except ValueError:
        return ""  # a port that is not a number
    if scheme not in ("http", "https") or not parts.hostname:
        return ""
    return f"{scheme}://{parts.hostname}" + (f":{port}" if port is not None else "")
