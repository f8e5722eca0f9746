"""The front matter of an article: titles, journal citation, identifiers, dates, contributors
with affiliations and ORCIDs, subjects and keywords, and related articles.

NLM 2.3 and 3.0 and JATS 1.x differ in the details read here: ``pub-date/@pub-type`` (NLM)
against ``@date-type`` and ``@publication-format`` (JATS 1.1+), ``journal-title`` directly in
``journal-meta`` (NLM 2.3) or in ``journal-title-group``, ``contrib-id`` (3.0+) against ORCIDs
given as ``uri``/``ext-link`` in older files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lxml import etree

from cyclopedia.formats.jats.markup import normalize_doi
from cyclopedia.formats.jats.parsing import XML_LANG, child, children, href, text

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}  # fmt: skip
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_ORCID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        if self.month and self.day:
            return f"{self.day} {_MONTH_NAMES[self.month - 1]} {self.year}"
        if self.month:
            return f"{_MONTH_NAMES[self.month - 1]} {self.year}"
        return str(self.year)


@dataclass
class Contributor:
    name: str  # "Barry G Hall": as the byline and the attribution name them
    orcid: str | None = None
    affiliation_ids: list[str] = field(default_factory=list)
    affiliations: list[etree._Element] = field(default_factory=list)  # inside the contrib
    note_ids: list[str] = field(default_factory=list)  # author notes the contrib points to
    group_note: bool = False  # "on behalf of the … Study": in the byline, not an author


@dataclass(frozen=True, slots=True)
class Related:
    kind: str  # related-article-type
    doi: str | None
    title: str


def read_date(element: etree._Element | None) -> PartialDate | None:
    if element is None:
        return None
    iso = (element.get("iso-8601-date") or "").strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", iso):
        numbers = [int(part) for part in iso.split("-")]
        month = numbers[1] if len(numbers) > 1 else None
        return _partial(numbers[0], month, numbers[2] if len(numbers) > 2 else None)
    year = text(child(element, "year"))
    if not year.isdigit():
        return None
    month_text = text(child(element, "month")).lower()
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text[:9].rstrip("."))
    day_text = text(child(element, "day"))
    return _partial(int(year), month, int(day_text) if day_text.isdigit() else None)


def _partial(year: int, month: int | None, day: int | None) -> PartialDate | None:
    if not 1000 <= year <= 9999:
        return None
    if month is None or not 1 <= month <= 12:
        return PartialDate(year)
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return PartialDate(year, month)
    return PartialDate(year, month, day)


_PUBLICATION_DATE_TYPES = (None, "pub", "publication", "epub", "published")


def _publication_rank(element: etree._Element) -> int | None:
    """How good a ``pub-date`` is as the date of publication (lower is better), or None when
    it is not one (an update, a correction, a retraction)."""
    pub_type = element.get("pub-type")
    date_type = element.get("date-type")
    medium = element.get("publication-format")
    if pub_type == "epub" or (medium == "electronic" and date_type in _PUBLICATION_DATE_TYPES):
        return 0
    if pub_type in ("epub-ppub", "ppub") or (
        medium == "print" and date_type in _PUBLICATION_DATE_TYPES
    ):
        return 1
    if "collection" in (pub_type, date_type):
        return 2
    if date_type in _PUBLICATION_DATE_TYPES and pub_type is None:
        return 3
    return None


def publication_date(meta: etree._Element) -> PartialDate | None:
    """The article's publication date: electronic first, then print, then the issue's."""
    ranked = []
    for order, element in enumerate(children(meta, "pub-date")):
        rank = _publication_rank(element)
        found = read_date(element) if rank is not None else None
        if found is not None and rank is not None:
            ranked.append((rank, order, found))
    return min(ranked, key=lambda entry: entry[:2])[2] if ranked else None


def history_date(meta: etree._Element, kind: str) -> PartialDate | None:
    for element in children(child(meta, "history"), "date"):
        if element.get("date-type") == kind:
            return read_date(element)
    return None


def article_ids(meta: etree._Element) -> dict[str, str]:
    ids: dict[str, str] = {}
    for element in children(meta, "article-id"):
        kind = (element.get("pub-id-type") or "").lower()
        value = text(element)
        if kind == "doi":
            doi = normalize_doi(value)
            if doi:
                ids.setdefault("doi", doi)
        elif kind in ("pmc", "pmcid") and re.fullmatch(r"(?:PMC)?\d+", value):
            ids.setdefault("pmcid", "PMC" + value.removeprefix("PMC"))
        elif kind == "pmid" and value.isdigit():
            ids.setdefault("pmid", value)
        elif value:
            ids.setdefault(kind or "id", value)
    return ids


def journal_title(root: etree._Element) -> str:
    meta = next(root.iter("journal-meta"), None)
    if meta is None:
        return ""
    title = next(meta.iter("journal-title"), None)
    if title is not None and text(title):
        return text(title)
    for element in children(meta, "journal-id"):
        if element.get("journal-id-type") == "nlm-ta":
            return text(element)
    return ""


def publisher_name(root: etree._Element) -> str:
    meta = next(root.iter("journal-meta"), None)
    return text(next(meta.iter("publisher-name"), None)) if meta is not None else ""


def person_name(contrib: etree._Element) -> str:
    """A contributor's name as a byline writes it: "Barry G Hall" (eastern names surname
    first), a group author's name as written."""
    name = child(contrib, "name", "string-name")
    alternatives = child(contrib, "name-alternatives")
    if name is None and alternatives is not None:
        name = child(alternatives, "name", "string-name")
    if name is not None:
        surname = text(child(name, "surname"))
        given = text(child(name, "given-names"))
        if name.tag == "string-name" and not surname:
            return text(name)
        prefix = text(child(name, "prefix"))
        suffix = text(child(name, "suffix"))
        parts = [given, surname] if name.get("name-style") != "eastern" else [surname, given]
        words = " ".join(part for part in [prefix, *parts] if part)
        return f"{words}, {suffix}" if suffix else words
    collab = child(contrib, "collab")
    return text(collab) if collab is not None else ""


def orcid_of(contrib: etree._Element) -> str | None:
    for element in contrib.iter("contrib-id", "uri", "ext-link"):
        kind = (element.get("contrib-id-type") or "").lower()
        value = text(element) or href(element)
        if element.tag != "contrib-id" and "orcid.org" not in value:
            continue
        if element.tag == "contrib-id" and kind != "orcid" and "orcid.org" not in value:
            continue
        found = _ORCID.search(value.rstrip("/"))
        if found:
            return found.group(1)
    return None


def contributors(meta: etree._Element, kind: str = "author") -> list[Contributor]:
    """The contributors of one kind ("author": those with no contrib-type too), in order."""
    found = []
    for group in children(meta, "contrib-group"):
        for contrib in children(group, "contrib"):
            contrib_type = (contrib.get("contrib-type") or "author").lower()
            if contrib_type != kind:
                continue
            name = person_name(contrib)
            if not name:
                continue
            ids = [
                rid
                for xref in contrib.iter("xref")
                if xref.get("ref-type") == "aff"
                for rid in (xref.get("rid") or "").split()
            ]
            notes = [
                rid
                for xref in contrib.iter("xref")
                if xref.get("ref-type") in ("fn", "author-notes", "other")
                for rid in (xref.get("rid") or "").split()
            ]
            found.append(
                Contributor(
                    name=name,
                    orcid=orcid_of(contrib),
                    affiliation_ids=ids,
                    affiliations=children(contrib, "aff"),
                    note_ids=notes,
                )
            )
        for behalf in children(group, "on-behalf-of"):
            if kind == "author" and text(behalf):
                words = text(behalf)
                lead = "" if words.lower().startswith(("on behalf", "for ")) else "on behalf of "
                found.append(Contributor(name=f"{lead}{words}", group_note=True))
    return found


def affiliation_elements(root: etree._Element) -> dict[str, etree._Element]:
    front = child(root, "front")
    scope = front if front is not None else root
    return {aff.get("id", ""): aff for aff in scope.iter("aff") if aff.get("id")}


def article_title(meta: etree._Element) -> tuple[etree._Element | None, etree._Element | None]:
    group = child(meta, "title-group")
    return child(group, "article-title"), child(group, "subtitle")


def language(root: etree._Element) -> str:
    lang = (root.get(XML_LANG) or root.get("lang") or "").strip().lower()
    return lang if re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{2,8})*", lang) else ""


def related_articles(meta: etree._Element) -> list[Related]:
    found = []
    for element in meta.iter("related-article"):
        kind = (element.get("related-article-type") or "").lower()
        target = href(element)
        doi = normalize_doi(target) if target else None
        if doi is None and (element.get("ext-link-type") or "").lower() == "doi":
            doi = normalize_doi(target)
        found.append(
            Related(
                kind=kind, doi=doi, title=text(child(element, "article-title")) or text(element)
            )
        )
    return found


_SKIPPED_GROUPS = {"display-channel", "article-type", "sub-display-channel", "toc-heading"}
_NOT_SUBJECTS = {"none", "other", "research article", "research-article"}
MAX_CATEGORIES = 25


def subjects(meta: etree._Element) -> list[str]:
    """Subjects and keywords, as categories. Of PLOS's successive subject taxonomies
    ("Discipline", "Discipline-v2", "Discipline-v3", the later ones machine-assigned and
    broad) only the first present is kept, two levels deep at most."""
    categories = child(meta, "article-categories")
    groups = children(categories, "subj-group")
    kinds = [(g.get("subj-group-type") or "").lower() for g in groups]
    channel = "display-channel" in kinds
    taxonomy = next((k for k in ("discipline", "discipline-v2", "discipline-v3") if k in kinds), "")
    found: list[str] = []
    for group, kind in zip(groups, kinds, strict=True):
        if kind in _SKIPPED_GROUPS or (kind == "heading" and not channel):
            continue
        if kind.startswith("discipline") and kind != taxonomy:
            continue
        found.extend(text(s) for s in children(group, "subject"))
        for sub in children(group, "subj-group"):
            found.extend(text(s) for s in children(sub, "subject"))
    for group in children(meta, "kwd-group"):
        if (group.get("kwd-group-type") or "").lower() in ("abbreviations", "abbreviation"):
            continue
        found.extend(text(k) for k in children(group, "kwd"))
    kept = [s for s in dict.fromkeys(found) if s and s.lower() not in _NOT_SUBJECTS]
    return kept[:MAX_CATEGORIES]


def article_type(root: etree._Element, meta: etree._Element) -> str:
    """What kind of article it is, as the journal names it ("Research Article", "Insight")."""
    groups = children(child(meta, "article-categories"), "subj-group")
    for wanted in ("display-channel", "heading"):
        for group in groups:
            if (group.get("subj-group-type") or "") == wanted and text(child(group, "subject")):
                if wanted == "heading" and any(
                    (g.get("subj-group-type") or "") == "display-channel" for g in groups
                ):
                    continue
                return text(child(group, "subject"))
    kind = (root.get("article-type") or "").replace("-", " ").strip()
    return kind[:1].upper() + kind[1:] if kind and kind != "other" else ""
