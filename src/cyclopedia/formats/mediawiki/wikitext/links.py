"""Wiki links as Cyclopedia Markdown: ``[[Title|label]]`` with the title in its normal form and
MediaWiki's first-letter case; files dropped (media are out of scope), category links filed as
the page's categories, links to other wikis and namespaces shown as their text.
"""

from __future__ import annotations

import functools
import re

from cyclopedia.document.markup import CITATION_RE, WIKILINK_RE
from cyclopedia.document.titles import TitleError, normalize_title
from cyclopedia.formats.mediawiki.wikitext.markdown_text import escape_inline
from cyclopedia.formats.mediawiki.wikitext.namespaces import Namespaces

_LANGUAGE_PREFIX = re.compile(r"^[a-z]{2,3}(-[a-z]{2,8})*$")


def wikilink_markdown(
    raw_target: str, label: str, *, namespaces: Namespaces, categories: dict[str, None]
) -> str:
    """A wiki link as Cyclopedia Markdown; files, categories and other wikis are handled."""
    target = raw_target.strip()
    leading_colon = target.startswith(":")
    target = target.lstrip(":").strip()
    prefix, colon, rest = target.partition(":")
    space = prefix.strip().lower().replace("_", " ")
    if colon and not leading_colon and space in namespaces.files:
        return ""  # media are out of scope (POLICY)
    if colon and space in namespaces.categories:
        if leading_colon:
            return label or escape_inline(rest.strip())
        add_category(categories, rest.split("|", 1)[0])
        return ""
    # Interlanguage links are written with the language code in lower case ([[de:Titel]]);
    # "[[CSI: Miami]]" is a title.
    language = _LANGUAGE_PREFIX.match(prefix.strip()) is not None
    if colon and (space in namespaces.others or language):
        if not leading_colon and language and not label:
            return ""  # an interlanguage link: [[de:Titel]]
        return label or escape_inline(rest.strip() or target)
    page = target.split("#", 1)[0]
    title = page_title(page) if page else ""
    if title is None:
        return label or escape_inline(target)
    section = target.split("#", 1)[1].strip() if "#" in target else ""
    if not title:
        return label or escape_inline(section)
    destination = title + (f"#{section}" if section else "")
    # Citation markers cannot be inside a link's label: they follow it.
    markers = "".join(m.group(0) for m in CITATION_RE.finditer(label)) if "[^" in label else ""
    text = link_label(CITATION_RE.sub("", label) if markers else label) if label else ""
    shown = text or link_text(target)
    if shown == destination:
        return f"[[{destination}]]{markers}"
    return f"[[{destination}|{shown}]]{markers}"


def add_category(categories: dict[str, None], name: str) -> None:
    """File the page under a category (``name`` as a link gives it), in MediaWiki's case."""
    name = name.strip()
    try:
        # MediaWiki's first-letter case, as for links: [[Category:towns]] is "Towns".
        categories.setdefault(normalize_title(name[:1].upper() + name[1:]), None)
    except TitleError:
        return


@functools.lru_cache(maxsize=16384)
def page_title(raw: str) -> str | None:
    """The title a link names, with MediaWiki's first-letter case, or None when it names none.
    Cached: pages link to the same titles again and again."""
    try:
        title = normalize_title(raw)
    except TitleError:
        return None
    return title[0].upper() + title[1:] if title[0].islower() else title


def link_text(target: str) -> str:
    """What MediaWiki shows for an unlabelled link: the target, section sign for sections."""
    page, _, section = target.strip().lstrip(":").partition("#")
    page = " ".join(page.replace("_", " ").split())
    if not page and section:
        return "§ " + section.strip()
    return page + (f" § {section.strip()}" if section.strip() else "")


# In a label (inline Markdown): a backslash escape, or a bracket, which wiki-link syntax cannot
# hold even escaped.
_LABEL_BRACKET = re.compile(r"\\(.)|[\[\]]", re.DOTALL)
_BRACKET_ENTITIES = {"[": "&#91;", "]": "&#93;"}
# An external link as the walk writes it: [label](<url>).
_MARKDOWN_LINK = re.compile(r"(?<!\\)\[([^\[\]]*)\]\(<[^<>\n]*>\)")


def _bracket_entity(match: re.Match[str]) -> str:
    escaped = match.group(1)
    if escaped is None:
        return _BRACKET_ENTITIES[match.group(0)]
    return _BRACKET_ENTITIES.get(escaped, match.group(0))


def link_label(label: str) -> str:
    """A link label in wiki-link syntax: on one line, links inside it reduced to their text
    (links do not nest), its other brackets written as character references (the reader still
    sees "[" and "]")."""
    label = label.replace("<br>", " ").replace("\n", " ")
    label = WIKILINK_RE.sub(lambda m: m.group(2) or m.group(1), label)
    label = _MARKDOWN_LINK.sub(r"\1", label)
    return " ".join(_LABEL_BRACKET.sub(_bracket_entity, label).split())
