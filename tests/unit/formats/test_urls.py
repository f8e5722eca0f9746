"""The site a URL belongs to."""

from __future__ import annotations

import pytest

from cyclopedia.formats.urls import site_root


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("https://en.wikipedia.org/wiki/Main_Page", "https://en.wikipedia.org"),
        ("HTTP://Example.org:8080/x", "http://example.org:8080"),
        ("//de.wikipedia.org/wiki/Berlin", "https://de.wikipedia.org"),
        ("https://user:secret@wiki.example.org/wiki/X", "https://wiki.example.org"),
        ("javascript:alert(1)", ""),
        ("ftp://example.org/", ""),
        ("https://example.org:port/", ""),
        ("", ""),
    ],
)
def test_site_root(url: str, root: str) -> None:
    assert site_root(url) == root
