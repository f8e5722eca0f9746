"""The visible text of inline templates that take some arranging: names in two scripts, numbers
with units, brackets, book links, table cells, and the like-named templates of other Wikipedias.

Each handler (:mod:`.template_handlers`) gets the template's arguments already converted to
inline Markdown and returns what a reader of the page sees in their place; they live by theme in
:mod:`.language_templates`, :mod:`.link_templates`, :mod:`.number_templates` and
:mod:`.row_templates`. :data:`HANDLERS` maps normalised template names to handlers;
:func:`special_text` also knows families of names ("IPA link", "fr icon", "XXe siècle").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cyclopedia.formats.mediawiki.wikitext import language_templates as lang
from cyclopedia.formats.mediawiki.wikitext import link_templates as links
from cyclopedia.formats.mediawiki.wikitext import number_templates as numbers
from cyclopedia.formats.mediawiki.wikitext import row_templates as rows
from cyclopedia.formats.mediawiki.wikitext.languages import LANGUAGES
from cyclopedia.formats.mediawiki.wikitext.template_handlers import Handler

HANDLERS: dict[str, Handler] = {
    # names in two scripts, transcriptions, languages
    "nihongo": lang.nihongo, "nihongo4": lang.nihongo, "nihongo krt": lang.nihongo,
    "nihongo2": lang.nihongo2, "nihongo3": lang.nihongo3, "vr": lang.nihongo2,
    "angbr": lang.angle_brackets, "angle bracket": lang.angle_brackets,
    "angbr ipa": lang.angle_brackets, "angbr-ipa": lang.angle_brackets,
    "ipa link": lang.ipa_link("", ""), "ipalink": lang.ipa_link("", ""),
    "ipablink": lang.ipa_link("[", "]"), "ipaslink": lang.ipa_link("/", "/"),
    "in lang": lang.in_language, "zh": lang.chinese, "langx": lang.language_text,
    "native name": lang.native_name, "lsj": lang.greek_lexicon,
    "ألمانية": lang.arabic_german, "لغة-أل": lang.arabic_german,
    # links
    "ill": links.interlanguage_link, "interlanguage link": links.interlanguage_link,
    "interlanguage link multi": links.interlanguage_link, "illm": links.interlanguage_link,
    "ill2": links.interlanguage_link, "仮リンク": links.interlanguage_link,
    "google books": links.google_books, "googlebooks": links.google_books,
    "google buch": links.google_buch,
    "official website": links.official_website, "official": links.official_website,
    "official site": links.official_website, "allmusic": links.allmusic,
    "imdb title": links.imdb("title", "tt"), "imdb name": links.imdb("name", "nm"),
    "baseballstats": links.baseball_statistics, "lbs": links.lifeboat_station,
    "lbb": links.lifeboat_class, "lbc": links.lifeboat_class, "ru": links.rugby_union,
    "army": links.force(0), "navy": links.force(1), "air force": links.force(2),
    # numbers, units, dates, places
    "unité": numbers.number_and_units, "nombre": numbers.number_and_units,
    "tmp": numbers.temperature, "frac": numbers.fraction, "fraction": numbers.fraction,
    "sfrac": numbers.fraction,
    "val": numbers.value, "height": numbers.height, "höhe": numbers.german_height,
    "railgauge": numbers.rail_gauge, "rail gauge": numbers.rail_gauge,
    "coord": numbers.coordinates, "chem": numbers.chemical, "chem2": numbers.chemical_formula,
    "simplenuclide2": numbers.nuclide, "simplenuclide": numbers.nuclide,
    "s": numbers.french_century, "siècle": numbers.french_century,
    "s-": numbers.french_century_short,
    "p.": numbers.french_page, "n°": numbers.french_number, "numéro": numbers.french_number,
    "date de naissance": numbers.joined, "date de décès": numbers.joined, "date-": numbers.joined,
    "incise": rows.dash_aside, "baseball year": rows.last, "by": rows.last,
    # rows, cells and legends of tables and lists
    "bartable": rows.bar_value, "bar percent": rows.bar_percent, "farblegende": rows.last,
    "legend": rows.last, "legend0": rows.last, "legend-line": rows.last, "version": rows.last,
    "fs player": rows.football_player, "jumelage": rows.twin_town, "sortname": rows.sortname,
    "based on": rows.based_on, "english anime licensee": rows.anime_licensee,
    "english anime network": rows.anime_licensee,
    # more links, numbers and marks
    "sep": links.philosophy_encyclopedia("Stanford Encyclopedia of Philosophy",
                                         "https://plato.stanford.edu/entries/{}/"),
    "sep entry": links.philosophy_encyclopedia("Stanford Encyclopedia of Philosophy",
                                               "https://plato.stanford.edu/entries/{}/"),
    "iep": links.philosophy_encyclopedia("Internet Encyclopedia of Philosophy",
                                         "https://iep.utm.edu/{}/"),
    "heure": numbers.clock, "e": numbers.power_of_ten, "sup": numbers.superscript,
    "sub": numbers.subscript, "currency": numbers.currency, "euro": numbers.euro,
    "lien": links.french_interlanguage_link,
    "round": numbers.rounded, "ussc": numbers.supreme_court,
    "nobold": lang.nihongo2, "vunblist": rows.lines, "unbulleted list center": rows.lines,
}  # fmt: skip

HANDLERS.update({name: links.stock(shown) for name, shown in links.STOCK_EXCHANGES.items()})
HANDLERS["url"] = links.url

# Table-cell templates: the word the cell shows.
CELL_WORDS = {
    "yes": "Yes", "no": "No", "partial": "Partial", "n/a": "N/A", "na": "N/A", "dunno": "?",
    "won": "Won", "nom": "Nominated", "tba": "TBA", "tbd": "TBD", "pending": "Pending",
    "unknown": "Unknown", "y": "Yes", "n": "No", "free": "Free", "nonfree": "Proprietary",
    "proprietary": "Proprietary", "depends": "Depends", "beta": "Beta", "okay": "Okay",
    "good": "Good", "bad": "Bad", "unofficial": "Unofficial", "incorrect": "Incorrect",
    "included": "Included", "dropped": "Dropped", "sort": "",
}  # fmt: skip
_LANGUAGE_MARKS = frozenset(
    {"de", "en", "es", "fr", "it", "nl", "pt", "ru", "pl", "la", "ja", "zh", "ar", "el", "sv"}
    | {"da", "cs", "hu", "ca", "eu"}
)
_ORDINAL = re.compile(r"(\d+)(e|er|re|ère|ème|es|res)")
_CENTURY = re.compile(r"([ivxlc]+)e siècle")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
          "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi")  # fmt: skip
_ROMAN_ORDINALS = {"ier": ("I", "er"), "ire": ("I", "re"), "ière": ("I", "re")} | {
    numeral + "e": (numeral.upper(), "e") for numeral in _ROMAN[1:]
}


def special_text(key: str, positional: Sequence[str], named: dict[str, str]) -> str | None:
    """The text of a template known here by name or by the family its name belongs to."""
    handler = HANDLERS.get(key)
    if handler is not None:
        return handler(positional, named)
    if key in CELL_WORDS:
        given = positional[0].strip() if positional else ""
        return given or CELL_WORDS[key]
    if key in _LANGUAGE_MARKS and not positional:
        return f"({key})"  # the French and Spanish Wikipedias' {{de}}: a source in German
    if key.endswith(" icon") and key[: -len(" icon")] in LANGUAGES:
        return f"(in {LANGUAGES[key[: -len(' icon')]]})"  # {{fr icon}}
    if key.startswith("ref-") and key[4:] in LANGUAGES:
        return f"(in {LANGUAGES[key[4:]]})"  # Russian {{ref-de}}
    if key.startswith("link-") and positional:
        return positional[0].strip()  # Chinese {{link-de|柏林墙|Berliner Mauer}}
    if key.startswith("lang-") and key[5:] in LANGUAGES and positional:
        return f"{LANGUAGES[key[5:]]}: {positional[-1].strip()}"
    if match := _ORDINAL.fullmatch(key):
        return f"{match.group(1)}<sup>{match.group(2)}</sup>"  # French {{3e}}, {{1re}}
    if match := _CENTURY.fullmatch(key):
        return f"{match.group(1).upper()}<sup>e</sup>\u00a0siècle"  # French {{XXe siècle}}
    if key in _ROMAN_ORDINALS:
        numeral, suffix = _ROMAN_ORDINALS[key]
        return f"{numeral}<sup>{suffix}</sup>"  # French {{Ier}}, {{XVe}}
    return None
