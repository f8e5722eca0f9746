"""What a dump says about its wiki (``<siteinfo>``): name, address, language, namespaces.

The language is the one thing a dump's header often gets wrong (the DBpedia minidumps copy the
English header onto pages of every language), so where it came from is kept, and a file name that
contradicts it is a warning for the operator (``SiteInfo.warnings``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from cyclopedia.formats.mediawiki.elements import children, text_of
from cyclopedia.formats.urls import site_root

__all__ = ["CANONICAL_NAMESPACES", "SiteInfo", "namespace_of", "site_info"]


# MediaWiki's own names of the namespaces, valid on every wiki beside the localised ones.
CANONICAL_NAMESPACES: dict[int, str] = {
    -2: "Media",
    -1: "Special",
    0: "",
    1: "Talk",
    2: "User",
    3: "User talk",
    4: "Project",
    5: "Project talk",
    6: "File",
    7: "File talk",
    8: "MediaWiki",
    9: "MediaWiki talk",
    10: "Template",
    11: "Template talk",
    12: "Help",
    13: "Help talk",
    14: "Category",
    15: "Category talk",
}
# The names of File: before MediaWiki 1.14, and the canonical names, as looked up.
_NAMESPACE_ALIASES = {"image": 6, "image talk": 7}
_CANONICAL_KEYS = {
    " ".join(name.split()).casefold(): number for number, name in CANONICAL_NAMESPACES.items()
} | _NAMESPACE_ALIASES


# Wikimedia database names: language code (with "_" for "-") and project, e.g. "dewiktionary".
_DBNAME = re.compile(
    r"^(?P<code>[a-z][a-z0-9_]*?)"
    r"(?:wiki|wiktionary|wikibooks|wikinews|wikiquote|wikisource|wikiversity|wikivoyage)$"
)
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:_[a-z0-9]+)*$")
_DBNAME_LANGUAGES = {  # wikis whose database name is not their language code
    "simple": "en",
    "be_x_old": "be-tarask",
    "zh_classical": "lzh",
    "zh_min_nan": "nan",
    "zh_yue": "yue",
    "roa_rup": "rup",
    "fiu_vro": "vro",
    "bat_smg": "sgs",
}
# Dump files of Wikimedia are named after their database: "dewiki-20240101-pages-articles.xml".
_FILE_DBNAME = re.compile(r"^(?P<dbname>[a-z][a-z0-9_]*?wik[a-z]+)[-_.]")


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """What a dump says about its wiki (``<siteinfo>``), with defaults when it says nothing."""

    sitename: str
    dbname: str
    base: str  # the URL of the main page, as in <base>
    server: str  # scheme and host of ``base``, e.g. "https://en.wikipedia.org"
    language: str
    case: str  # "first-letter" (titles start with a capital) or "case-sensitive"
    namespaces: dict[int, str]  # number -> localised name, e.g. {14: "Kategorie"}
    schema_version: str  # of the export format, e.g. "0.10"
    language_source: str = "default"  # "given", "xml:lang", "dbname" or "default"
    # Doubts about the header worth showing the operator (a file name contradicting it).
    warnings: tuple[str, ...] = ()


def site_info(
    siteinfo: etree._Element | None,
    *,
    schema_version: str,
    xml_lang: str,
    path: Path,
    language: str | None,
) -> SiteInfo:
    """The site information of a dump from its ``<siteinfo>`` (None: the dump has none), the
    root element's schema version and ``xml:lang``, and the language the operator gave."""
    fields = children(siteinfo) if siteinfo is not None else {}
    dbname = (text_of(fields.get("dbname")) or "").strip()
    base = (text_of(fields.get("base")) or "").strip()
    chosen, source = _language(language, xml_lang, dbname)
    return SiteInfo(
        sitename=(text_of(fields.get("sitename")) or "").strip(),
        dbname=dbname,
        base=base,
        server=site_root(base),
        language=chosen,
        case=(text_of(fields.get("case")) or "first-letter").strip(),
        namespaces=_namespaces(fields.get("namespaces")),
        schema_version=schema_version,
        language_source=source,
        warnings=_language_warnings(path, chosen, source),
    )


def _namespaces(element: etree._Element | None) -> dict[int, str]:
    if element is None:  # no siteinfo: the canonical English names are all there is
        return dict(CANONICAL_NAMESPACES)
    found: dict[int, str] = {}
    for namespace in element:
        try:
            found[int(namespace.get("key", ""))] = (namespace.text or "").strip()
        except ValueError:
            continue  # a namespace without a number names nothing we can look up
    return found


def _language(given: str | None, xml_lang: str, dbname: str) -> tuple[str, str]:
    """The language of the wiki and where it was found.

    The dump's ``xml:lang`` is the wiki's content language as MediaWiki knows it, so it goes
    before the database name, which only follows Wikimedia's naming ("dewiki"). Neither is
    checked against the text: the DBpedia minidumps copy the English header (``xml:lang="en"``,
    ``<dbname>enwiki``) onto German, Russian or Japanese pages, so their language is wrong unless
    the operator gives it; ``SiteInfo.warnings`` says so when the file name tells otherwise.
    """
    if given:
        return given, "given"
    if xml_lang:
        return xml_lang, "xml:lang"
    from_dbname = _dbname_language(dbname)
    if from_dbname:
        return from_dbname, "dbname"
    return "en", "default"


def _dbname_language(dbname: str) -> str | None:
    match = _DBNAME.match(dbname)
    if match is None:
        return None
    code = match["code"]
    if code in _DBNAME_LANGUAGES:
        return _DBNAME_LANGUAGES[code]
    return code.replace("_", "-") if _LANGUAGE_CODE.match(code) else None


def _language_warnings(path: Path, language: str, source: str) -> tuple[str, ...]:
    match = _FILE_DBNAME.match(path.name)
    named = _dbname_language(match["dbname"]) if match else None
    if source == "given" or named is None or named == language:
        return ()
    assert match is not None
    return (
        f"the file name says {match['dbname']} (language {named!r}) but the dump's header says "
        f"{language!r} ({source}); the header was used: give the language if the name is right",
    )


def _namespace_key(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).casefold()


def namespace_of(title: str, site: SiteInfo) -> int:
    """The namespace of a title from its prefix ("Kategorie:X", "Category:X"), for export 0.3,
    which has no <ns>: the wiki's localised names first, then MediaWiki's canonical ones."""
    prefix, colon, rest = title.partition(":")
    if not colon or not rest:
        return 0
    key = _namespace_key(prefix)
    for number, name in site.namespaces.items():
        if name and _namespace_key(name) == key:
            return number
    return _CANONICAL_KEYS.get(key, 0)
