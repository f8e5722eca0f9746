"""What licence a web page states, as findings read from its markup (decided in decide.py).

Read, in the page as saved (before the main text is extracted):

- ``rel="license"`` links (``<a>``, ``<link>``, ``<area>``): HTML's own way of naming the
  licence of the page's main content;
- licence meta tags: ``<meta name="license">``, Dublin Core (``dc.rights``,
  ``dcterms.license``...), Open Graph style ``og:license``/``article:license``;
- schema.org ``license``: microdata (``itemprop="license"``) and JSON-LD;
- plain links to a Creative Commons licence (badges, footers) that stand in a licence
  statement ("content licensed under", "Inhalte stehen unter der Lizenz").

A licence link in an image credit (inside a figure or caption, in a block whose class says
"credit" or "photo", or in a sentence about an image) names the licence of that image, not of
the text, and one in the comments names nothing about the page: both are set aside, and say
so in the evidence. So is a Creative Commons link that is only mentioned.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

# A finding's kind: a Creative Commons licence ("BY-SA"), "CC0", "PD" (public domain),
# "ARR" (all rights reserved), or "" for a licence statement that was not recognised.
ALL_RIGHTS_RESERVED = "ARR"
PUBLIC_DOMAIN = "PD"
CC0 = "CC0"

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

_CC_KINDS = {
    "by": "BY",
    "by-sa": "BY-SA",
    "by-nd": "BY-ND",
    "by-nc": "BY-NC",
    "by-nc-sa": "BY-NC-SA",
    "by-nc-nd": "BY-NC-ND",
    "by-nd-nc": "BY-NC-ND",  # the 1.0 spelling
    "sa": "SA",
    "nd": "ND",
    "nc": "NC",
    "nc-sa": "NC-SA",
    "nd-nc": "NC-ND",
}
_CC_LICENSE_PATH = re.compile(r"^/licenses/([a-z-]+)/(\d\.\d)(?:/([a-z]{2}(?:-[a-z]{2})?))?(?:/|$)")
_VERSION = re.compile(r"\b([1-4]\.[05])\b")
_CC_SHORT = re.compile(
    r"\bcc[\s-]*(by(?:[\s-]*(?:nc|nd|sa)\b){0,2})(?:[\s-]*v?([1-4]\.[05]))?", re.IGNORECASE
)
_CC0_TEXT = re.compile(r"\bcc[\s-]?0\b|\bcc[\s-]zero\b|creative\s+commons\s+zero", re.IGNORECASE)
_CC_LONG = re.compile(
    r"creative[\s-]+commons[\s-]+(?:licen[cs]e[\s:-]+)?"
    r"(attribution|namensnennung|paternit[ée]|atribuci[óo]n|reconocimiento|attribuzione)"
    r"(?P<rest>(?:[^.;()]|\.(?=\d)){0,120})",  # to the end of the sentence ("3.0" goes on)
    re.IGNORECASE,
)
_NC = re.compile(r"non-?\s?commercial|nicht-?\s?kommerziell|pas d.utilisation commerciale", re.I)
_SA = re.compile(r"share-?\s?alike|gleichen bedingungen|partage dans les m[êe]mes", re.I)
_ND = re.compile(r"no-?\s?deriv|keine\s?bearbeitung|pas de modification", re.I)
_PD_TEXT = re.compile(
    r"\bpublic[\s-]+domain\b|\bgemeinfrei|\bdomaine\s+public\b|\bdominio\s+p[úu]blico\b", re.I
)
_ARR_TEXT = re.compile(
    r"all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+r[ée]serv[ée]s"
    r"|todos\s+los\s+derechos\s+reservados|tutti\s+i\s+diritti\s+riservati",
    re.IGNORECASE,
)
# A sentence that states the licence of the page, in which a plain Creative Commons link counts.
_STATEMENT = re.compile(
    r"licen[cs]ed\s+under|is\s+licen[cs]ed|are\s+licen[cs]ed|available\s+under|published\s+under"
    r"|released\s+under|distributed\s+under|under\s+(?:a|the)\s+(?:creative\s+commons|cc\b)"
    r"|except\s+where\s+otherwise\s+noted|some\s+rights\s+reserved|this\s+work\s+is"
    r"|lizenziert|unter\s+(?:der|einer)\s+(?:lizenz|creative)|steh(?:t|en)\s+unter"
    r"|ver[öo]ffentlicht\s+unter|sous\s+(?:la\s+)?licence|bajo\s+(?:una\s+|la\s+)?licencia"
    r"|sotto\s+(?:una\s+|la\s+)?licenza|onder\s+(?:een\s+|de\s+)?licentie",
    re.IGNORECASE,
)
_MEDIA_WORDS = re.compile(
    r"\b(?:image|images|photo|photos|photograph|foto|fotos|bild|bilder|picture|pictures"
    r"|illustration|illustrative|illustrativ|credit|credits|cr[ée]dit|abbildung|grafik|graphic"
    r"|video|titelbild|header)\b",
    re.IGNORECASE,
)
_MEDIA_CLASS_WORDS = frozenset(
    {
        "caption",
        "credit",
        "credits",
        "photo",
        "photos",
        "image",
        "images",
        "img",
        "media",
        "gallery",
        "thumbnail",
        "figure",
        "attachment",
    }
)
_COMMENT_CLASS_WORDS = frozenset({"comment", "comments", "respond", "reply", "disqus"})
_MEDIA_TAGS = frozenset({"figure", "figcaption", "picture", "video", "audio"})
_BLOCK_TAGS = frozenset(
    {"p", "li", "div", "footer", "section", "td", "figcaption", "aside", "dd", "blockquote"}
)
_WORD_SPLIT = re.compile(r"[-_\s]+")
_SENTENCE_END = re.compile(r"[.!?]\s+")
MEDIA_CLASS_DEPTH = 5
COMMENT_DEPTH = 12
CONTEXT_CHARS = 600


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


Recognised = tuple[str, str | None, str | None]  # kind, version, port


def from_url(url: str) -> Recognised | None:
    """The licence a URL names (Creative Commons licence and public-domain tools)."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not (host == "creativecommons.org" or host.endswith(".creativecommons.org")):
        return None
    path = parts.path.lower()
    if path.startswith("/publicdomain/zero/"):
        return CC0, "1.0", None
    if path.startswith(("/publicdomain/mark/", "/licenses/publicdomain")):
        return PUBLIC_DOMAIN, None, None
    match = _CC_LICENSE_PATH.match(path)
    if not match or match.group(1) not in _CC_KINDS:
        return None
    port = match.group(3)
    if port and port.startswith("deed"):
        port = None
    return _CC_KINDS[match.group(1)], match.group(2), port


def from_text(text: str) -> list[Recognised]:
    """The licences a text names: "CC BY-SA 4.0", "Creative Commons Attribution 4.0",
    "CC0", "public domain", "all rights reserved"."""
    text = " ".join(text.replace("\u00ad", "").split())
    found: list[Recognised] = []
    if _CC0_TEXT.search(text):
        found.append((CC0, "1.0", None))
    for match in _CC_SHORT.finditer(text):
        elements = re.findall(r"nc|nd|sa", match.group(1).lower())
        found.append((_kind(elements), match.group(2), None))
    for match in _CC_LONG.finditer(text):
        rest = match.group("rest")
        elements = [
            name
            for name, pattern in (("nc", _NC), ("nd", _ND), ("sa", _SA))
            if pattern.search(rest)
        ]
        version = _VERSION.search(rest)
        found.append((_kind(elements), version.group(1) if version else None, None))
    if _PD_TEXT.search(text) and not found:
        found.append((PUBLIC_DOMAIN, None, None))
    if _ARR_TEXT.search(text):
        found.append((ALL_RIGHTS_RESERVED, None, None))
    return list(dict.fromkeys(found))


def _kind(elements: list[str]) -> str:
    present = set(elements)
    return "-".join(["BY", *(name.upper() for name in ("nc", "nd", "sa") if name in present)])


def _recognise(value: str) -> list[Recognised]:
    found = from_url(value)
    if found:
        return [found]
    if value.strip().lower().startswith(("http://", "https://", "//")):
        return []  # a URL that is no licence known here: its text would be a path
    return from_text(value)


# Where things are


def _words(element: HtmlElement) -> set[str]:
    tokens = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
    words: set[str] = set()
    for token in tokens:
        if token.startswith(("has-", "tag-", "category-")):
            continue  # WordPress's post classes: "has-post-thumbnail", "tag-creative-commons"
        words.update(_WORD_SPLIT.split(token))
    return words


def _tag(element: HtmlElement) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def where(element: HtmlElement) -> str:
    """A short description of where an element is: "in <footer id="colophon">"."""
    for ancestor in element.iterancestors():
        tag = _tag(ancestor)
        if tag in ("head", "footer", "header", "nav", "aside", "article", "main", "figcaption"):
            ident = ancestor.get("id")
            return f'in <{tag} id="{ident}">' if ident else f"in <{tag}>"
    return "in the page body"


def _is_badge(element: HtmlElement) -> bool:
    """A licence badge: a link around an image and no text (it may sit in an image widget)."""
    return not element.text_content().strip() and any(
        _tag(child) == "img" for child in element.iter()
    )


def _set_aside(element: HtmlElement, text_before: str) -> str:
    """Why a licence link does not speak for the page's text, or ""."""
    badge = _is_badge(element)
    for depth, ancestor in enumerate(element.iterancestors()):
        tag = _tag(ancestor)
        if tag in ("body", "html"):
            break
        if tag in _MEDIA_TAGS:
            return f"an image credit (inside <{tag}>)"
        words = _words(ancestor)
        if depth < MEDIA_CLASS_DEPTH and words & _MEDIA_CLASS_WORDS and not badge:
            return "an image credit (in a block marked as a caption or credit)"
        if depth < COMMENT_DEPTH and words & _COMMENT_CLASS_WORDS:
            return "in a reader's comment"
    sentence = _SENTENCE_END.split(text_before[-200:])[-1]
    if _MEDIA_WORDS.search(sentence.replace("\u00ad", "")):
        return "an image credit (in a sentence about an image)"
    return ""


def _context(element: HtmlElement) -> HtmlElement:
    """The block a link stands in, for the sentence around it."""
    block = element
    for _ in range(4):
        parent = block.getparent()
        if parent is None or _tag(parent) in ("body", "html"):
            break
        block = parent
        if _tag(block) in _BLOCK_TAGS and len(" ".join(block.text_content().split())) >= 20:
            break
    return block


class _Found(Exception):
    pass


def _text_before(block: HtmlElement, target: HtmlElement) -> str:
    """The text of ``block`` before ``target``."""
    parts: list[str] = []

    def walk(element: HtmlElement) -> None:
        if element is target:
            raise _Found
        parts.append(element.text or "" if isinstance(element.tag, str) else "")
        for child in element:
            walk(child)
            parts.append(child.tail or "")

    with contextlib.suppress(_Found):
        walk(block)
    return " ".join("".join(parts).split())[-CONTEXT_CHARS:]


# Reading the page


def _rel_tokens(element: HtmlElement) -> set[str]:
    return set((element.get("rel") or "").lower().split())


def _link_findings(tree: HtmlElement) -> Iterator[Finding]:
    for element in tree.iter("a", "link", "area"):
        if "license" in (element.get("itemprop") or "").lower().split():
            continue  # schema.org microdata, read below
        href = (element.get("href") or "").strip()
        is_rel = "license" in _rel_tokens(element)
        recognised = _recognise(href) if href else []
        if not is_rel and (_tag(element) == "link" or not (recognised and from_url(href))):
            continue  # neither rel="license" nor a link to a Creative Commons licence
        if not recognised and is_rel:
            text = " ".join(f"{element.text_content()} {element.get('title') or ''}".split())
            recognised = from_text(text)
        source = 'rel="license" link' if is_rel else "Creative Commons link"
        location = where(element)
        ignored = ""
        if _tag(element) != "link":
            block = _context(element)
            ignored = _set_aside(element, _text_before(block, element))
            if not ignored and not is_rel:
                sentence = " ".join(block.text_content().split())[:CONTEXT_CHARS]
                if not _STATEMENT.search(sentence):
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
        recognised = _recognise(content)
        for kind, version, port in recognised or [("", None, None)]:
            yield Finding(kind, version, port, label, content, "in <head>")


def _in_media_item(element: HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.get("itemscope") is not None:
            return bool(_MEDIA_ITEMTYPES.search((ancestor.get("itemtype") or "").strip()))
    return False


def _microdata_findings(tree: HtmlElement) -> Iterator[Finding]:
    for element in tree.iterfind(".//*[@itemprop]"):
        if _tag(element) == "meta" or "license" not in (element.get("itemprop") or "").split():
            continue
        if _in_media_item(element):
            continue
        value = (
            element.get("href") or element.get("content") or element.get("src") or ""
        ).strip() or " ".join(element.text_content().split())
        recognised = _recognise(value)
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
            recognised = _recognise(value)
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
