"""What licence a web page states, as findings read from its markup (decided in decide.py).

Read, in the page as saved (before the main text is extracted):

- ``rel="license"`` links (``<a>``, ``<link>``, ``<area>``): HTML's own way of naming the
  licence of the page's main content;
- licence meta tags: ``<meta name="license">``, Dublin Core (``dc.rights``,
  ``dcterms.license``...), Open Graph style ``og:license``/``article:license``;
- schema.org ``license``: microdata (``itemprop="license"``) and JSON-LD;
- plain links to a Creative Commons licence (badges, footers) that stand in a licence
  statement ("content licensed under", "Inhalte stehen unter der Lizenz").

``names.py`` tells which licence a URL or text names; ``context.py`` sets aside the links that
do not speak for the page's text (image credits, comments, mere mentions), which the evidence
lists with the reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from cyclopedia.formats.html.context import (
    context_block,
    is_statement,
    set_aside,
    tag_of,
    text_before,
    where,
)
from cyclopedia.formats.html.names import (
    ALL_RIGHTS_RESERVED,
    CC0,
    PUBLIC_DOMAIN,
    from_text,
    from_url,
    recognise,
)

_LICENSE_META = frozenset(
    {
        "license",
        "licence",
        "dc.rights",
        "dc.license",
        "dc.rights.license",
        "dcterms.rights",
        "dcterms.license",
        "og:license",
        "article:license",
        "citation_license",
    }
)
_COPYRIGHT_META = frozenset({"copyright", "dc.copyright", "dcterms.rightsholder"})
_MEDIA_ITEMTYPES = re.compile(r"(ImageObject|MediaObject|VideoObject|AudioObject|Photograph)$")
_MEDIA_JSON_TYPES = frozenset(
    {"ImageObject", "MediaObject", "VideoObject", "AudioObject", "Photograph"}
)
MAX_JSON_LD_CHARS = 256 * 1024
MAX_JSON_NODES = 10_000


@dataclass(frozen=True, slots=True)
class Finding:
    """One licence statement of a page, or one that was set aside (``ignored`` says why)."""

    kind: str
    version: str | None
    port: str | None  # the jurisdiction of a ported licence: "de" in by-sa/3.0/de
    source: str  # what was read: 'rel="license" link', '<meta name="dc.rights">'...
    value: str  # the URL or text as the page gives it
    where: str = ""  # "in <footer>"
    ignored: str = ""

    @property
    def label(self) -> str:
        if self.kind in ("", ALL_RIGHTS_RESERVED, PUBLIC_DOMAIN, CC0):
            return {
                "": "not a licence recognised here",
                ALL_RIGHTS_RESERVED: "all rights reserved",
                PUBLIC_DOMAIN: "public domain",
                CC0: "CC0 1.0",
            }[self.kind]
        version = f" {self.version}" if self.version else " (no version)"
        port = f" {self.port.upper()} (ported)" if self.port else ""
        return f"CC {self.kind}{version}{port}"

    def describe(self) -> str:
        where = f" {self.where}" if self.where else ""
        value = self.value if len(self.value) <= 160 else self.value[:159] + "…"
        return f"{self.source} {value!r}{where}: {self.label}"


# Reading the page


def _rel_tokens(element: HtmlElement) -> set[str]:
    return set((element.get("rel") or "").lower().split())


def _link_findings(tree: HtmlElement) -> Iterator[Finding]:
    for element in tree.iter("a", "link", "area"):
        if "license" in (element.get("itemprop") or "").lower().split():
            continue  # schema.org microdata, read below
        href = (element.get("href") or "").strip()
        is_rel = "license" in _rel_tokens(element)
        recognised = recognise(href) if href else []
        if not is_rel and (tag_of(element) == "link" or not (recognised and from_url(href))):
            continue  # neither rel="license" nor a link to a Creative Commons licence
        if not recognised and is_rel:
            text = " ".join(f"{element.text_content()} {element.get('title') or ''}".split())
            recognised = from_text(text)
        source = 'rel="license" link' if is_rel else "Creative Commons link"
        location = where(element)
        ignored = ""
        if tag_of(element) != "link":
            block = context_block(element)
            ignored = set_aside(element, text_before(block, element))
            if not ignored and not is_rel and not is_statement(block):
                ignored = "a mention, not a licence statement"
        for kind, version, port in recognised or [("", None, None)]:
            yield Finding(kind, version, port, source, href, location, ignored)


def _meta_findings(tree: HtmlElement) -> Iterator[Finding]:
    for element in tree.iter("meta"):
        name = (element.get("name") or element.get("property") or "").strip().lower()
        itemprop = (element.get("itemprop") or "").strip().lower().split()
        content = (element.get("content") or "").strip()
        if not content or not (name in _LICENSE_META or "license" in itemprop):
            continue
        if "license" in itemprop and _in_media_item(element):
            continue
        label = f'<meta name="{name}">' if name else '<meta itemprop="license">'
        recognised = recognise(content)
        for kind, version, port in recognised or [("", None, None)]:
            yield Finding(kind, version, port, label, content, "in <head>")


def _in_media_item(element: HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.get("itemscope") is not None:
            return bool(_MEDIA_ITEMTYPES.search((ancestor.get("itemtype") or "").strip()))
    return False


def _microdata_findings(tree: HtmlElement) -> Iterator[Finding]:
    for element in tree.iterfind(".//*[@itemprop]"):
        if tag_of(element) == "meta" or "license" not in (element.get("itemprop") or "").split():
            continue
        if _in_media_item(element):
            continue
        value = (
            element.get("href") or element.get("content") or element.get("src") or ""
        ).strip() or " ".join(element.text_content().split())
        recognised = recognise(value)
        for kind, version, port in recognised or [("", None, None)]:
            yield Finding(
                kind, version, port, 'schema.org itemprop="license"', value, where(element)
            )


def _json_licenses(data: Any) -> Iterator[str]:
    """The ``license`` values of the JSON-LD objects that are not images or other media."""
    stack = [data]
    seen = 0
    while stack and seen < MAX_JSON_NODES:
        node = stack.pop()
        seen += 1
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            types = node.get("@type")
            type_names = {types} if isinstance(types, str) else set(types or ())
            if not (type_names & _MEDIA_JSON_TYPES):
                value = node.get("license")
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str):
                        yield item
                    elif isinstance(item, dict):
                        named = item.get("url") or item.get("@id") or item.get("name")
                        if isinstance(named, str):
                            yield named
            stack.extend(v for k, v in node.items() if k != "license")


def _json_ld_findings(tree: HtmlElement) -> Iterator[Finding]:
    for element in tree.iter("script"):
        if (element.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = element.text or ""
        if "license" not in text or len(text) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        for value in _json_licenses(data):
            recognised = recognise(value)
            for kind, version, port in recognised or [("", None, None)]:
                yield Finding(kind, version, port, "schema.org JSON-LD license", value, "")


def find_licenses(tree: HtmlElement) -> list[Finding]:
    """Every licence statement of a page, in the order above, each once."""
    findings = [
        *_link_findings(tree),
        *_meta_findings(tree),
        *_microdata_findings(tree),
        *_json_ld_findings(tree),
    ]
    return list(dict.fromkeys(findings))


def copyright_notice(tree: HtmlElement) -> str:
    """The copyright notice a page's meta tags give ("© 2020 Deutsche Welle"), or ""."""
    for element in tree.iter("meta"):
        name = (element.get("name") or element.get("property") or "").strip().lower()
        content = " ".join((element.get("content") or "").split())
        if name in _COPYRIGHT_META and content:
            return content[:300]
    return ""
