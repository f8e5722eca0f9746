"""Infobox values as normalised facts: a key, plain text, a date to its precision, a place, and
the article a value names.

The seed's rows show the shapes::

    Born       1974[^1] / Sadr City, Baghdad, Iraq       a dated event and its place
    Arrested   2007-03-20 / Basra, Iraq / US forces       ... and who did it (the detail)
    Alleged to be a member of   Mahdi Army, Asa'ib Ahl al-Haq    a list of names

A dated row is one fact: the date, then its first other line as the place and the rest as the
detail. An undated row is one fact per item when it lists articles (wiki links, or names that
are titles), else one fact. Whether a name is an article is the caller's question
(``is_article``): this module knows no database. :func:`fact_candidates` lists the names worth
asking about, so that a caller can look them all up at once.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cyclopedia.document.dates import FactDate, parse_date, without_dates
from cyclopedia.document.markup import CITATION_RE, WIKILINK_RE, unescape_text
from cyclopedia.document.model import Infobox
from cyclopedia.document.titles import TitleError, normalize_title

MAX_TEXT = 1000  # characters of a fact's text kept (an infobox value is short)

# Labels that say the same thing, under one key.
_SYNONYMS = {
    "birth date": "born",
    "date of birth": "born",
    "birth": "born",
    "died": "died",
    "death date": "died",
    "date of death": "died",
    "death": "died",
    "birthplace": "place of birth",
    "birth place": "place of birth",
    "deathplace": "place of death",
    "death place": "place of death",
    "formation": "founded",
    "established": "founded",
    "founded in": "founded",
    "nationality": "citizenship",
}
# Undated rows whose text is a place.
PLACE_KEYS = frozenset(
    {"place of birth", "place of death", "location", "headquarters", "country", "place", "city"}
)

_HTML_BREAK = re.compile(r"(?<!\\)<br\s*/?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"(?<!\\)</?[a-zA-Z][^<>]*>")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\((?:[^()\s]+)\)")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_ITEM_SEPARATORS = re.compile(r"\s*(?:;|•|·)\s*")
_REMARK = re.compile(r"\((?:aged?|age)\b[^()]*\)", re.IGNORECASE)
_PUNCTUATION = " ,;:-–—()[]"


@dataclass(frozen=True, slots=True)
class Fact:
    position: int  # the infobox row, from 0
    part: int  # the item within the row, from 0
    key: str
    label: str
    text: str
    date: FactDate | None = None
    place: str = ""
    detail: str = ""  # what else a dated row says ("US forces")
    link: str = ""  # the title of the article the value names ("" when none is known)


def fact_key(label: str) -> str:
    """A label's normal form: case, punctuation and synonyms folded ("Date of birth" → born)."""
    text = unicodedata.normalize("NFKC", label).casefold()
    text = " ".join(re.sub(r"[^\w]+", " ", text).split())
    return _SYNONYMS.get(text, text)


def _plain(markdown: str) -> tuple[list[str], dict[str, str]]:
    """The lines of a value as plain text, and the wiki links in it (shown text → title)."""
    links: dict[str, str] = {}

    def link(match: re.Match[str]) -> str:
        target = match.group(1).split("#", 1)[0]
        shown = unescape_text(match.group(2) if match.group(2) is not None else match.group(1))
        with contextlib.suppress(TitleError):
            links.setdefault(shown.strip(), normalize_title(target))
        return shown

    text = CITATION_RE.sub("", markdown)
    text = WIKILINK_RE.sub(link, text)
    text = _HTML_BREAK.sub("\n", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = unescape_text(text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return [line for line in lines if line], links


def _title(text: str) -> str | None:
    try:
        return normalize_title(text)
    except TitleError:
        return None


def _names(lines: list[str]) -> list[str]:
    """Every piece of a value that could be an article's title."""
    names: list[str] = []
    for line in lines:
        names.append(line)
        for item in _ITEM_SEPARATORS.split(line):
            names.append(item)
            names.extend(part.strip() for part in item.split(","))
    return names


def fact_candidates(infobox: Infobox | None) -> set[str]:
    """The titles an infobox's facts may link to: ask which are articles, then call
    :func:`infobox_facts` with the answer."""
    if infobox is None:
        return set()
    found: set[str] = set()
    for field in infobox.fields:
        lines, links = _plain(field.value)
        found.update(links.values())
        for name in _names(lines):
            title = _title(name)
            if title:
                found.add(title)
    return found


def _linked(text: str, links: dict[str, str], is_article: Callable[[str], bool]) -> str:
    """The article a piece of text names: a wiki link's target, or the text as a title."""
    if text in links:
        return links[text]
    title = _title(text)
    return title if title and is_article(title) else ""


def _place_link(place: str, links: dict[str, str], is_article: Callable[[str], bool]) -> str:
    """A place's article: the place itself, else its most specific part that is one."""
    whole = _linked(place, links, is_article)
    if whole:
        return whole
    for part in place.split(","):
        found = _linked(part.strip(), links, is_article)
        if found:
            return found
    return ""


def _dated(
    position: int,
    label: str,
    key: str,
    lines: list[str],
    links: dict[str, str],
    is_article: Callable[[str], bool],
) -> Fact | None:
    for index, line in enumerate(lines):
        date = parse_date(line)
        if date is None:
            continue
        rest = _REMARK.sub("", without_dates(line.replace(date.text, " ", 1))).strip(_PUNCTUATION)
        others = lines[:index] + ([rest] if any(ch.isalpha() for ch in rest) else [])
        others += lines[index + 1 :]
        place = others[0] if others else ""
        linked = next(iter(links.values()), "") or _place_link(place, links, is_article)
        return Fact(
            position=position,
            part=0,
            key=key,
            label=label,
            text="\n".join(lines)[:MAX_TEXT],
            date=date,
            place=place[:MAX_TEXT],
            detail="; ".join(others[1:])[:MAX_TEXT],
            link=linked,
        )
    return None


def _items(line: str, links: dict[str, str], is_article: Callable[[str], bool]) -> list[str]:
    """A line as the items it lists: split at commas only when that names articles."""
    items: list[str] = []
    for item in _ITEM_SEPARATORS.split(line):
        parts = [part.strip() for part in item.split(",") if part.strip()]
        if (
            len(parts) > 1
            and not _linked(item, links, is_article)
            and any(_linked(part, links, is_article) for part in parts)
        ):
            items.extend(parts)
        elif item:
            items.append(item)
    return items


def infobox_facts(
    infobox: Infobox | None, *, is_article: Callable[[str], bool] = lambda _title: False
) -> list[Fact]:
    """The facts of an infobox, row by row."""
    if infobox is None:
        return []
    facts: list[Fact] = []
    for position, field in enumerate(infobox.fields):
        label = " ".join(field.label.split())
        key = fact_key(label)
        lines, links = _plain(field.value)
        if not lines or not key:
            continue
        dated = _dated(position, label, key, lines, links, is_article)
        if dated is not None:
            facts.append(dated)
            continue
        items = [item for line in lines for item in _items(line, links, is_article)]
        linked = [_linked(item, links, is_article) for item in items]
        if len(items) > 1 and not any(linked):
            items, linked = ["\n".join(lines)], [next(iter(links.values()), "")]
        for part, (item, link) in enumerate(zip(items, linked, strict=True)):
            facts.append(
                Fact(
                    position=position,
                    part=part,
                    key=key,
                    label=label,
                    text=item[:MAX_TEXT],
                    place=item[:MAX_TEXT] if key in PLACE_KEYS else "",
                    link=link,
                )
            )
    return facts


def titles_in(facts: Iterable[Fact]) -> set[str]:
    """The titles facts link to."""
    return {fact.link for fact in facts if fact.link}
