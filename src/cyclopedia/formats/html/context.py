"""Where a licence link stands in a page, and whether it speaks for the page's text.

A licence link in an image credit (inside a figure or caption, in a block whose class says
"credit" or "photo", or in a sentence about an image) names the licence of that image, and one
in the comments names nothing about the page: both are set aside. A plain Creative Commons
link counts only in a licence statement ("content licensed under", "Inhalte stehen unter der
Lizenz"); otherwise it is only mentioned.
"""

from __future__ import annotations

import contextlib
import re

from lxml.html import HtmlElement

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


def _words(element: HtmlElement) -> set[str]:
    tokens = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
    words: set[str] = set()
    for token in tokens:
        if token.startswith(("has-", "tag-", "category-")):
            continue  # WordPress's post classes: "has-post-thumbnail", "tag-creative-commons"
        words.update(_WORD_SPLIT.split(token))
    return words


def tag_of(element: HtmlElement) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def where(element: HtmlElement) -> str:
    """A short description of where an element is: "in <footer id="colophon">"."""
    for ancestor in element.iterancestors():
        tag = tag_of(ancestor)
        if tag in ("head", "footer", "header", "nav", "aside", "article", "main", "figcaption"):
            ident = ancestor.get("id")
            return f'in <{tag} id="{ident}">' if ident else f"in <{tag}>"
    return "in the page body"


def _is_badge(element: HtmlElement) -> bool:
    """A licence badge: a link around an image and no text (it may sit in an image widget)."""
    return not element.text_content().strip() and any(
        tag_of(child) == "img" for child in element.iter()
    )


def set_aside(element: HtmlElement, text_before: str) -> str:
    """Why a licence link does not speak for the page's text, or ""."""
    badge = _is_badge(element)
    for depth, ancestor in enumerate(element.iterancestors()):
        tag = tag_of(ancestor)
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


def context_block(element: HtmlElement) -> HtmlElement:
    """The block a link stands in, for the sentence around it."""
    block = element
    for _ in range(4):
        parent = block.getparent()
        if parent is None or tag_of(parent) in ("body", "html"):
            break
        block = parent
        if tag_of(block) in _BLOCK_TAGS and len(" ".join(block.text_content().split())) >= 20:
            break
    return block


class _Found(Exception):
    pass


def text_before(block: HtmlElement, target: HtmlElement) -> str:
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


def is_statement(block: HtmlElement) -> bool:
    """Whether the block around a link states a licence."""
    return bool(_STATEMENT.search(" ".join(block.text_content().split())[:CONTEXT_CHARS]))
