"""Telling a JATS article from other XML by its first bytes (for ``formats/registry.py``).

JATS and NLM articles have an ``article`` (or PMC ``pmc-articleset``) root; most carry a
DOCTYPE naming an NLM/JATS DTD, and the others say what they are by their namespaces (xlink,
MathML, ALI) or a ``dtd-version`` attribute. HTML5's ``<article>`` element never starts a file.
"""

from __future__ import annotations

import re

_DOCTYPE = re.compile(
    rb"<!DOCTYPE\s+(?:article|pmc-articleset)\s+PUBLIC\s+\"-//NLM//DTD", re.IGNORECASE
)
_ROOT = re.compile(rb"<(article|pmc-articleset)\b([^>]*)>", re.DOTALL)
_PROLOG = re.compile(rb"\A(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.DOTALL)
_MARKS = (b"xmlns:xlink", b"xmlns:mml", b"xmlns:ali", b"dtd-version", b"article-type")


def is_jats(sample: bytes) -> bool:
    """Whether the first bytes of a file (as UTF-8) are those of a JATS/NLM article."""
    sample = sample.lstrip(b"\xef\xbb\xbf")
    if _DOCTYPE.search(sample):
        return True
    prolog = _PROLOG.match(sample)
    rest = sample[prolog.end() :] if prolog else sample
    root = _ROOT.match(rest)
    if not root:
        return False
    return root.group(1) == b"pmc-articleset" or any(mark in root.group(2) for mark in _MARKS)
