"""An article's licence and copyright, by POLICY.md §2, in this order:

1. ``ali:license_ref`` (NISO ALI): the latest whose ``start_date`` has passed (references for
   text mining only are left aside);
2. ``license/@xlink:href``;
3. a licence recognised in the words of ``license-p`` (or of the copyright statement), a
   link to a licence inside those words included: *heuristic*, so the Document's licence is the
   matching one held for an editor's confirmation (``License.as_heuristic``), never published
   as it is.

Machine-readable licences that disagree with each other, or with the licence the sentence names,
and an article without any licence, get the unknown licence (quarantine) with the reason. An
operator's ``--license`` is used only for an article that states no licence at all.

Objects (figures, tables) may carry their own ``permissions``: :func:`object_notice` makes the
upstream notice that keeps their credit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from lxml import etree

from cyclopedia.document import License, get_license
from cyclopedia.document.license import UNKNOWN_LICENSE
from cyclopedia.formats.jats.parsing import child, children, href, text

_CC_URL = re.compile(
    r"creativecommons\.org/licen[sc]es/(by(?:-nc)?(?:-nd|-sa)?)/(\d\.\d)(?:/([a-z]{2,3}))?",
    re.IGNORECASE,
)
_CC0_URL = re.compile(r"creativecommons\.org/publicdomain/zero/1\.0", re.IGNORECASE)
_PDM_URL = re.compile(r"creativecommons\.org/publicdomain/mark/1\.0", re.IGNORECASE)
_TEXT_MINING = ("textmining", "text-mining", "tdm")
# The Creative Commons version current on a date: for licence sentences that name none.
_CC_VERSIONS = (
    (dt.date(2013, 11, 25), "4.0"),
    (dt.date(2007, 2, 23), "3.0"),
    (dt.date(2005, 6, 9), "2.5"),
    (dt.date(2004, 5, 25), "2.0"),
)
_CC0_WORDS = re.compile(r"\bCC0\b|CC\s*Zero|public domain dedication", re.IGNORECASE)
_PD_WORDS = re.compile(
    r"Public Domain (?:Declaration|Mark)|(?:placed|is|are|in) (?:in )?the public domain",
    re.IGNORECASE,
)
_CC_WORDS = re.compile(
    r"Creative\s+Commons\s+(?:Attribution|CC[\s-]*BY)(?P<rest>(?:\d\.\d|[^.;()]){0,120})"
    r"|\bCC[\s-]BY(?P<abbrev>(?:[\s-](?:NC|ND|SA)){0,2})(?:[\s-](?P<abbrev_version>\d\.\d))?",
    re.IGNORECASE,
)
_VERSION = re.compile(r"\b(\d\.\d)\b")


@dataclass(frozen=True, slots=True)
class LicenseFinding:
    license: License
    evidence: str
    notices: tuple[str, ...] = ()


def _kind(spdx: str) -> str:
    return spdx.rsplit("-", 1)[0] if spdx.startswith("CC-") else spdx


def license_from_url(url: str) -> License | None:
    """The licence a Creative Commons URL names (jurisdiction ports read as the generic
    licence of the same kind and version), or None."""
    if _CC0_URL.search(url):
        return get_license("CC0-1.0")
    if _PDM_URL.search(url):
        return get_license("LicenseRef-PublicDomain")
    match = _CC_URL.search(url)
    if not match:
        return None
    return get_license(f"CC-{match.group(1).upper()}-{match.group(2)}")


def _version_at(published: dt.date | None) -> str:
    if published is None:
        return "4.0"
    for start, version in _CC_VERSIONS:
        if published >= start:
            return version
    return "1.0"


def license_from_words(words: str, published: dt.date | None) -> tuple[License, str] | None:
    """The licence a sentence names, and a note when its version was inferred."""
    url = license_from_url(words)
    if url:
        return url, ""
    if _CC0_WORDS.search(words):
        return get_license("CC0-1.0"), ""
    match = _CC_WORDS.search(words)
    if match:
        rest = (match.group("rest") or match.group("abbrev") or "").lower().replace(" ", "")
        kind = "BY"
        if "noncommercial" in rest or "non-commercial" in rest or re.search(r"\bnc\b|-nc", rest):
            kind += "-NC"
        if "noderiv" in rest or "no-deriv" in rest or re.search(r"\bnd\b|-nd", rest):
            kind += "-ND"
        elif "sharealike" in rest or "share-alike" in rest or re.search(r"\bsa\b|-sa", rest):
            kind += "-SA"
        found = match.group("abbrev_version") or _VERSION.search(match.group("rest") or "")
        version = found if isinstance(found, str) else (found.group(1) if found else "")
        note = ""
        if not version:
            version = _version_at(published)
            when = f", {published.isoformat()}" if published else ""
            note = (
                f"no version stated: taken as {version}, the version current at publication{when}"
            )
        try:
            return get_license(f"CC-{kind}-{version}"), note
        except ValueError:
            return None
    if _PD_WORDS.search(words):
        return get_license("LicenseRef-PublicDomain"), ""
    return None


def article_permissions(meta: etree._Element) -> list[etree._Element]:
    """The article-level permissions: ``article-meta/permissions`` (NLM 3.0, JATS), or
    ``article-meta`` itself, where NLM 2.3 puts copyright and licence."""
    found = children(meta, "permissions")
    if child(meta, "license", "copyright-statement") is not None:
        found.append(meta)
    return found


def _licenses(permissions: list[etree._Element]) -> list[etree._Element]:
    return [
        lic
        for block in permissions
        for lic in children(block, "license")
        if not any(word in (lic.get("specific-use") or "").lower() for word in _TEXT_MINING)
    ]


def _refs(permissions: list[etree._Element], today: dt.date) -> list[tuple[dt.date, str]]:
    refs = []
    for block in permissions:
        for ref in block.iter("license_ref"):
            if any(word in (ref.get("specific-use") or "").lower() for word in _TEXT_MINING):
                continue
            start = _date(ref.get("start_date"))
            if start is None or start <= today:
                refs.append((start or dt.date.min, text(ref)))
    return refs


def _words(lic: etree._Element) -> str:
    """The licence statement of a ``license``: its ``license-p`` (NLM 2.3: ``p``), or its text
    without its ALI references."""
    paragraphs = [text(p) for p in children(lic, "license-p", "p") if text(p)]
    if paragraphs:
        return " ".join(paragraphs)
    return " ".join(
        text(item) for item in lic if isinstance(item.tag, str) and item.tag != "license_ref"
    ) + (f" {lic.text.strip()}" if lic.text and lic.text.strip() else "")


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


def latest_start(refs: list[tuple[dt.date, str]]) -> dt.date:
    return max(start for start, _ in refs)


def _unknown(reason: str) -> License:
    return replace(UNKNOWN_LICENSE, reason=f"{reason}; an editor must confirm a licence")


def determine_license(
    meta: etree._Element,
    *,
    published: dt.date | None,
    today: dt.date,
    operator: License | None = None,
) -> LicenseFinding:
    """The licence of an article from its ``article-meta`` (see the module's docstring)."""
    permissions = article_permissions(meta)
    licenses = _licenses(permissions)
    sentences = " ".join(_words(lic) for lic in licenses).strip()
    statements = " ".join(
        text(s) for block in permissions for s in children(block, "copyright-statement")
    )
    links = " ".join(href(link) for lic in licenses for link in lic.iter("ext-link", "uri"))
    machine = _machine_readable(permissions, licenses, today)
    if isinstance(machine, LicenseFinding):
        return machine  # a conflict, or an unknown licence named by URL
    in_sentence = license_from_words(f"{sentences} {links}", published)
    words = in_sentence or license_from_words(statements, published)
    if machine is not None:
        lic, where = machine
        if words and _kind(words[0].spdx) != _kind(lic.spdx):
            reason = (
                f"the licence data ({where}) names {lic.short_name} but the licence sentence "
                f"names {words[0].short_name}"
            )
            return LicenseFinding(_unknown(reason), f"{reason}: “{sentences}”")
        return LicenseFinding(lic, where)
    if words:
        lic, note = words
        source = "license-p" if in_sentence else "copyright-statement"
        said = f"{source}: “{sentences if in_sentence else statements}”"
        if in_sentence and links.strip() and license_from_url(links):
            said += f" (its link: {links.strip()})"
        where = f"a sentence of {source}" + (f" ({note})" if note else "")
        held = lic.as_heuristic(where)
        return LicenseFinding(held, said + (f" ({note})" if note else ""))
    notices = (sentences,) if sentences else ()
    if sentences or statements:
        reason = "the article's licence statement names no licence Cyclopedia recognises"
        return LicenseFinding(_unknown(reason), f"license-p: “{sentences or statements}”", notices)
    if operator is not None:
        return LicenseFinding(
            operator, "given by the operator (--license); the article states none"
        )
    return LicenseFinding(
        _unknown("the article states no licence"), "no license or ali:license_ref in the article"
    )


def _machine_readable(
    permissions: list[etree._Element], licenses: list[etree._Element], today: dt.date
) -> tuple[License, str] | LicenseFinding | None:
    refs = _refs(permissions, today)
    candidates: list[tuple[License, str]] = []
    if refs:
        latest = latest_start(refs)
        for start, url in refs:
            if start != latest:
                continue
            lic = license_from_url(url)
            when = f" (start_date {start.isoformat()})" if start != dt.date.min else ""
            if lic is None:
                reason = f"ali:license_ref names {url!r}, a licence Cyclopedia does not know"
                return LicenseFinding(_unknown(reason), f"ali:license_ref{when}: {url}")
            candidates.append((lic, f"ali:license_ref{when}: {url}"))
    current = {url for start, url in refs if start == latest_start(refs)} if refs else set()
    for element in licenses:
        url = href(element)
        if not url:
            continue
        own_refs = {text(ref) for ref in element.iter("license_ref")}
        if own_refs and not own_refs & current:
            continue  # the link of a licence not (or no longer) in force: an embargo's
        lic = license_from_url(url)
        if lic is None:
            if candidates:
                continue  # the ALI reference says what it is; a publisher page beside it adds none
            reason = f"license/@xlink:href names {url!r}, a licence Cyclopedia does not know"
            return LicenseFinding(_unknown(reason), f"license/@xlink:href: {url}")
        candidates.append((lic, f"license/@xlink:href: {url}"))
    distinct = {lic.spdx: (lic, where) for lic, where in candidates}
    if len(distinct) > 1:
        named = "; ".join(f"{lic.short_name} ({where})" for lic, where in distinct.values())
        reason = f"the article's machine-readable licences conflict: {named}"
        return LicenseFinding(_unknown(reason), reason)
    if not distinct:
        return None
    return candidates[0]


def copyright_notice(meta: etree._Element) -> str:
    """The copyright statement, or "© year holder" built from its parts when it has none."""
    permissions = article_permissions(meta)
    statements = [text(s) for p in permissions for s in children(p, "copyright-statement")]
    if any(statements):
        return " ".join(s for s in statements if s)
    year = next((text(y) for p in permissions for y in children(p, "copyright-year")), "")
    holder = next((text(h) for p in permissions for h in children(p, "copyright-holder")), "")
    if holder:
        return f"© {year} {holder}" if year else f"© {holder}"
    return ""


def object_notice(permissions: etree._Element, label: str) -> str:
    """The credit an object's own permissions give: "Figure 2: © 1977 Thieme …; reproduced
    with permission (licence URL)"."""
    parts = [text(s) for s in children(permissions, "copyright-statement")]
    if not any(parts):
        year = text(child(permissions, "copyright-year"))
        holder = text(child(permissions, "copyright-holder"))
        if holder:
            parts = [f"© {year} {holder}".replace("©  ", "© ")]
    for lic in children(permissions, "license"):
        words = " ".join(text(p) for p in children(lic, "license-p")) or text(lic)
        url = href(lic) or next((text(r) for r in lic.iter("license_ref")), "")
        if words:
            parts.append(words)
        if url and url not in words:
            parts.append(f"({url})")
    body = " ".join(part for part in parts if part)
    return f"{label.rstrip('.:')}: {body}" if body else ""
