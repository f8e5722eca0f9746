"""What never reaches a Document: scripts, styles, frames, forms, media, navigation boxes, edit
links, maintenance banners, hidden elements, and every other piece of page chrome.

Whole elements are removed with their content (``drop_tree`` keeps the text after them). The
converter writes Markdown from text and a few known elements and never copies an attribute, so
event handlers, ``style`` and ``javascript:`` URLs could not get through in any case; dropping the
elements that carry them keeps their text out of the article too.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from cyclopedia.formats.wikihtml.tree import classes, squash, tag

# Elements removed with everything inside them.
DROPPED_TAGS = {
    "head", "script", "style", "link", "meta", "base", "title", "noscript", "template",
    "iframe", "frame", "frameset", "object", "embed", "applet", "param", "form", "input",
    "button", "select", "option", "textarea", "label", "fieldset", "svg", "math", "canvas",
    "audio", "video", "source", "track", "img", "picture", "map", "area", "figure",
    "figure-inline", "nav", "footer", "dialog", "portal", "xml", "xmp", "plaintext",
    "marquee", "menu", "slot", "noembed", "noframes", "h1",
}  # fmt: skip

# Elements that are empty by HTML's rules.
VOID_TAGS = {
    "embed", "source", "track", "wbr", "keygen", "param", "area", "img", "input", "base",
    "link", "meta", "col",
}  # fmt: skip
# Classes of page chrome: navigation boxes and sidebars, edit links, tables of contents,
# maintenance and stub banners, images and galleries, authority control, coordinates.
DROPPED_CLASSES = {
    "navbox", "vertical-navbox", "navbox-inner", "navbox-styles", "navbar", "sidebar",
    "mw-editsection", "mw-editsection-like", "mw-jump-link", "toc", "toclimit-2",
    "toclimit-3", "metadata", "noprint", "persondata", "mw-empty-elt", "catlinks",
    "printfooter", "mw-indicators", "sistersitebox", "side-box", "ambox", "ombox", "tmbox",
    "imbox", "cmbox", "fmbox", "mbox-small", "asbox", "stub", "shortdescription", "thumb",
    "thumbinner", "gallery", "mw-gallery-traditional", "mw-gallery-packed", "mediaContainer",
    "authority-control", "mw-authority-control", "geo-nondefault", "mw-kartographer-maplink",
    "portal", "portalbox", "mw-cite-backlink", "mw-linkback-text", "Inline-Template",
    "mw-hidden-catlinks", "noexcerpt", "mwe-popups", "collapseButton",
    "plainlinks-print", "mw-headline-anchor", "pcs-edit-section-link-container",
}  # fmt: skip
DROPPED_IDS = {
    "toc", "catlinks", "footer", "mw-navigation", "mw-head", "mw-panel", "siteSub", "contentSub",
    "contentSub2", "jump-to-nav", "protected-icon", "persondata", "coordinates", "mw-page-base",
    "mw-head-base", "siteNotice", "mw-hidden-catlinks", "p-lang", "titleHeading", "firstHeading",
    "normal-title-box", "mw-data-after-content", "top",
}  # fmt: skip
DROPPED_ROLES = {"navigation", "banner", "contentinfo", "search", "button", "menu", "toolbar"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def dropped(element: HtmlElement) -> bool:
    """Whether an element is chrome, hidden, or unsafe: never part of an article."""
    name = tag(element)
    if not name or name in DROPPED_TAGS or ":" in name:  # comments; <svg:svg>, <o:p>
        return True
    if classes(element) & DROPPED_CLASSES:
        return True
    if element.get("id") in DROPPED_IDS or element.get("role") in DROPPED_ROLES:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if _HIDDEN.search(element.get("style") or ""):
        return True
    href = element.get("href") or ""
    # Section edit links that lost their wrapper: "[edit]" pointing at action=edit.
    return name == "a" and "action=edit" in href and "redlink=1" not in href


def math_text(element: HtmlElement) -> str | None:
    """The TeX of a rendered formula (``mwe-math-element``), or None when it is not one."""
    if "mwe-math-element" not in classes(element):
        return None
    for annotation in element.iter("annotation"):
        if (annotation.get("encoding") or "").lower() == "application/x-tex":
            return squash(annotation.text_content())
    for image in element.iter("img"):
        alt = image.get("alt")
        if alt:
            return squash(alt)
    return ""


def clean(root: HtmlElement) -> None:
    """Remove from the tree, in place, everything :func:`dropped` names. Formulas become
    ``<code>`` elements holding their TeX, before their MathML and images go."""
    pending = list(root)
    while pending:
        element = pending.pop()
        formula = math_text(element) if tag(element) in ("span", "div") else None
        if formula is not None:
            _replace_with_code(element, formula)
        elif tag(element) in VOID_TAGS:
            # An empty element by HTML's rules; libxml2 does not know the newer ones and puts
            # what follows inside them: that stays, the element goes.
            children = list(element)
            element.drop_tag()
            pending.extend(children)
        elif dropped(element):
            element.drop_tree()
        else:
            pending.extend(element)


def _replace_with_code(element: HtmlElement, text: str) -> None:
    for child in list(element):
        element.remove(child)
    element.tag = "code"
    element.text = text
    for name in list(element.attrib):
        del element.attrib[name]
