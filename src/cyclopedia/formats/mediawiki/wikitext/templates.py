"""Which templates mean what: text templates rendered inline, hatnotes, and those dropped.

Names are compared normalised (:func:`template_key`): lower case, underscores as spaces, runs of
spaces collapsed. Templates that are neither known here nor handled by the citation, date and
infobox modules are dropped and counted, so an operator sees what is missing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from cyclopedia.document.markup import escape_text, unescape_text
from cyclopedia.formats.mediawiki.wikitext.countries import COUNTRY_CODES
from cyclopedia.formats.mediawiki.wikitext.languages import LANGUAGES
from cyclopedia.formats.mediawiki.wikitext.template_text import special_text
from cyclopedia.formats.mediawiki.wikitext.unit_conversion import (
    conversion,
    is_precision,
    unit_name,
)

# Inline templates whose output is (one of) their arguments, as text.
FIRST_ARGUMENT = {
    "nowrap", "nobr", "nobreak", "small", "smaller", "big", "larger", "resize", "midsize",
    "ipa-all", "lang", "transl", "transliteration", "abbr", "abbrlink", "keypress", "kbd",
    "code", "mono", "samp", "var", "visible anchor", "vanchor", "anchor text", "highlight",
    "em", "strong", "bold", "italic", "sans-serif", "serif", "nowiki", "text", "unichar",
    "nastaliq", "script", "no wrap", "smallcaps", "sc", "noitalic", "not a typo", "proper name",
    "sic?", "tooltip", "hover title", "flag", "flagcountry", "flagu", "flag country",
    "country flag", "ship", "sclass", "hms", "uss", "mvar", "math", "linktext", "longitem",
    "lang-x", "small caps", "vert", "center", "left", "right", "latin", "grc",
    "nwr", "nowraplinks", "literal translation", "gloss", "ipa audio link",
}  # fmt: skip
# Flag templates that show the country's name beside the flag ({{flagcountry|FRA}}).
FLAG_WITH_NAME = {"flag", "flagcountry", "flagu", "flag country", "country flag"}
# The last argument instead ({{lang|ar|text}}: the text follows the language code).
LAST_ARGUMENT = {"lang", "transl", "transliteration", "ipa", "script", "nastaliq", "langue"}
# Coloured text: the colours, then the text ({{color|green|text}}, {{font color|fg|bg|text}}).
COLOUR_TEMPLATES = {"color", "colour", "font color"}

SYMBOLS = {
    "nbsp": "\u00a0", "ndash": "–", "mdash": "—", "snd": " – ", "spaced ndash": " – ",
    "spaced en dash": " – ", "'": "'", "''": "''", '"': '"', "!": "\\|", "=": "=", "·": " · ",
    "dot": " · ", "middot": "·", "bull": " • ", "•": " • ", "en dash": "–", "em dash": "—",
    "-": "–", "thinsp": "\u2009", "zwsp": "", "shy": "", "sp": " ", "space": " ", "clear": "",
    "clr": "", "-\"": "", "break": "<br>", "crlf": "<br>", "•w": " • ", "pipe": "\\|",
    "\\": " / ", "slash": " / ", "spaced slash": " / ",
    "okina": "ʻ", "hamza": "ʾ", "ayin": "ʿ", "deg": "°", "degree": "°",
    "times": "×", "x": "×", "plusminus": "±", "pm": "±", "minus": "−", "=)": "",
    "'s": "'s", "spaces": "\u00a0", "emdash": "—", "endash": "–", "0": "", "00": "",
    ",": "", "absatz": "", "-)": "", "nbhyph": "‑", "eqm": " ⇌ ", "rarr": "→", "larr": "←",
    "mdashb": " —", "ndashb": " –",
    "kia": "†", "dagger": "†", "double-dagger": "‡",
}  # fmt: skip

HATNOTES = {
    "main": "Main article",
    "main article": "Main article",
    "see also": "See also",
    "further": "Further information",
    "further information": "Further information",
    "details": "For more details, see",
    "see": "See",
    # Other Wikipedias' hatnotes, in their language.
    "hauptartikel": "Hauptartikel",
    "siehe auch": "Siehe auch",
    "article détaillé": "Article détaillé",
    "articles détaillés": "Articles détaillés",
    "article connexe": "Article connexe",
    "articles connexes": "Articles connexes",
    "voir aussi": "Voir aussi",
    "ap": "Artículo principal",
    "artículo principal": "Artículo principal",
    "vt": "Véase también",
    "véase también": "Véase también",
    "مفصلة": "مقالة مفصلة",
    "مقالة مفصلة": "مقالة مفصلة",
    "основная статья": "Основная статья",
    "см. также": "См. также",
    "seealso": "See also",
    "cmain": "Main category",
    "cat main": "Main article",  # on a category page: the article the category is about
    "category main": "Main article",
    "catmain": "Main article",
    "main list": "Main list",
}
HATNOTE_PLURALS = {
    "Main article": "Main articles",
    "Article détaillé": "Articles détaillés",
    "Artículo principal": "Artículos principales",
    "Main category": "Main categories",
}
# Hatnotes about the page itself (disambiguation pointers): useful only on the source wiki.
DROPPED_HATNOTES = {
    "about", "for", "other uses", "redirect", "distinguish", "other people", "other places",
    "for multi", "redirect-multi", "redirect2", "other ships", "about-distinguish",
    "self reference", "otheruses", "other uses2", "selfref", "redirect-distinguish",
    # Other Wikipedias' disambiguation pointers.
    "begriffsklärungshinweis", "weiterleitungshinweis", "dieser artikel", "voir homonymes",
    "autre4", "homonymie", "otros usos", "другие значения", "вт", "وضح", "توضيح",
}  # fmt: skip

# Footnote templates and the reference group each writes to (a group of its own, as the wiki
# numbers them apart: {{efn}} notes are "a", "b"...); {{refn|group=x}} names it.
NOTE_TEMPLATES = {
    "efn": "lower-alpha", "efn-la": "lower-alpha", "efn-ua": "upper-alpha",
    "efn-lr": "lower-roman", "efn-ur": "upper-roman", "efn-lg": "lower-greek",
    "notetag": "note", "refn": "", "note": "note",
}  # fmt: skip
# Reference lists: their refs= parameter defines references cited by name.
LIST_TEMPLATES = {
    "reflist", "references", "notelist", "notes", "listaref", "références", "reflist-talk",
    "notelist-ua", "notelist-lr", "notelist-ur", "notelist-lg",
}  # fmt: skip
# Quotation templates: a block quote on a line of their own, quoted text inside a sentence.
QUOTE_TEMPLATES = {
    "quote", "blockquote", "quotation", "cquote", "quote box", "quotebox", "rquote",
    "zitat", "cita", "citation bloc", "bq", "centered pull quote", "cytat", "цитата", "اقتباس",
}  # fmt: skip
QUOTE_TEXT = ("text", "quote", "quotation", "texte", "zitat", "1")
QUOTE_AUTHOR = ("author", "sign", "character", "person", "autor", "auteur", "2")
QUOTE_SOURCE = ("source", "title", "work", "quelle", "3")
DISAMBIGUATION_TEMPLATES = {
    "disambiguation", "disambig", "dab", "disamb", "hndis", "geodis", "surname", "given name",
    "set index article", "sia", "shipindex", "hospitaldis", "schooldis", "roaddis", "mountainindex",
    "begriffsklärung", "homonymie", "desambiguación", "неоднозначность", "توضيح",
}  # fmt: skip

# Templates dropped on purpose: navigation, maintenance, layout, metadata, media.
DROPPED = {
    "reflist", "references", "notelist", "notes", "refbegin", "refend", "reflist-talk",
    "authority control", "taxonbar", "portal", "portal bar", "commons", "commons category",
    "commonscat", "wiktionary", "wikiquote", "wikisource", "sister project links",
    "short description", "use dmy dates", "use mdy dates", "use british english",
    "use american english", "use indian english", "use australian english", "engvarb",
    "good article", "featured article", "pp", "pp-protected", "pp-semi-indef", "pp-move-indef",
    "pp-vandalism", "multiple issues", "more citations needed", "refimprove", "unreferenced",
    "citation needed", "cn", "fact", "clarify", "when", "who", "which", "by whom",
    "dead link", "better source needed", "failed verification", "page needed",
    "full citation needed",
    "update", "update after", "cleanup", "orphan", "wikify", "copy edit", "pov", "npov",
    "expand section", "empty section", "coord missing", "defaultsort", "toc limit",
    "toc right", "tocright", "compact toc", "clear left", "clear right", "stack", "stack begin",
    "stack end", "col-begin", "col-end", "col-break", "div col", "div col end", "colbegin",
    "colend", "end", "s-start", "s-end", "s-bef", "s-aft", "s-ttl", "s-off", "s-par", "s-gov",
    "s-ppo", "s-hou", "s-reg", "s-mil", "s-sports", "s-ach", "s-new", "s-vac", "s-inc",
    "succession box", "sidebar", "campaignbox", "listen", "multi-listen start",
    "multi-listen end", "multi-listen item", "wide image", "css image crop", "image frame",
    "multiple image", "gallery", "external media", "youtube",
    "webarchive", "wayback", "cbignore", "bots", "nobots",
    "italic title", "lowercase title", "displaytitle", "featured list",
    "dynamic list", "incomplete list", "weasel", "peacock", "citation style", "one source",
    "primary sources", "blp sources", "advert", "notability", "globalize", "original research",
    "lead too short", "lead too long", "spoken wikipedia", "anchor", "anchors", "ref label",
    "note label", "reflink", "edit", "hidden begin", "hidden end", "hatnote group", "-",
    "rp", "verify source", "self-published source",
    "speciesbox", "navboxes", "nowrap begin", "nowrap end",
    # Decorative: flags, colour swatches, arrows, anchors, the old {{ref}}/{{note}} pairs.
    "flagicon", "flagdeco", "flag icon", "flagicon image", "colorbox", "color box", "legend inline",
    "increase", "decrease", "steady", "increasenegative", "decreasepositive", "sfnref", "harvid",
    "ref", "note", "visible anchor begin", "fs start", "fs mid", "fs end",
    "fs start2", "col-2", "col-3", "col div", "div col begin", "clade", "bar box",
    "mehrere bilder", "drapeau", "drapeau2", "bandera", "augmentation", "diminution",
    "augmentation négative", "diminution positive", "stable", "inflation-fn", "nts",
    # Other Wikipedias' maintenance, navigation and sister-project templates.
    "références", "autres projets", "autorité", "portail", "palette", "bases recherche",
    "dictionnaires", "bnf", "référence nécessaire", "référence insuffisante", "refnec",
    "section vide ou incomplète", "lesenswert", "exzellent", "normdaten", "personendaten",
    "schwesterprojekte", "webarchiv", "anker", "galerie", "positionskarte~",
    "dnb-portal", "listaref", "control de autoridades", "web oficial", "wikinoticias",
    "wikcionario", "wikiviajes", "actualizar", "desactualizado", "enlace roto", "esd",
    "sucesión", "montaje fotográfico", "мини-карточка", "нет аи", "iw", "audio",
    "مراجع", "روابط شقيقة", "شريط بوابات", "ضبط استنادي", "وصلة مكسورة", "صورة عريضة",
    "مصادر طبية", "أيقونة ألمانية", "脚注ヘルプ", "要出典", "リンク切れ", "デフォルトソート",
    "noteta", "photomontage", "prone to spam",
    "use shortened footnotes", "technical reasons", "cs1 config", "sister bar",
    "inconsistent citations", "dmoz", "wikipedia books", "wikibooks", "wikiatlas",
    "library resources box", "internet archive author", "librivox author", "gutenberg author",
    "commons category-inline", "wikisource-inline", "in our time", "refimprove section",
    "unreferenced section", "more citations needed section", "facebook", "twitter",
    "expand list", "chess diagram", "imdb", "discogs artist", "osmrelation-inline",
    "geographic location", "double image", "map caption",
    "cia world factbook link", "commonscat-inline", "where", "vague", "wikisource1911enc",
    "nyttopic", "wikispecies", "more footnotes", "relevance inline", "better source",
    "bare url inline", "year missing", "third-party", "increaseneutral", "col-5", "col-4",
    "books-inline", "ol author", "cia world factbook", "wikinews", "wikivoyage",
}  # fmt: skip

_DROPPED_PATTERNS = re.compile(
    r"(navbox|navigation|-stub$|^stub$|^portal|^pp-|^cite check|^orphan|^infobox|footer$|"
    r"^s-|succession|^wikiproject|^talk|^user|^afd|^db-|^cfd|^citation needed|^clarify|"
    r"^update|^multiple|^unreliable|^disputed|^cleanup|topics$|timeline$|sidebar$|^coat of arms|"
    r"^флаг |^bandera de |^drapeau |^portal:|^wikiproject|^user:)"
)


@functools.lru_cache(maxsize=4096)
def template_key(name: str) -> str:
    """A template name as compared here: ``{{ Cite_Web }}`` → ``cite web``. Cached: a page
    names the same few templates again and again."""
    name = name.strip().replace("_", " ")
    if name.lower().startswith("template:"):
        name = name[len("template:") :]
    return " ".join(name.split()).lower()


def is_dropped(key: str) -> bool:
    return key in DROPPED or key in DROPPED_HATNOTES or bool(_DROPPED_PATTERNS.search(key))


def text_template(key: str, positional: Sequence[str], named: dict[str, str]) -> str | None:
    """The inline text of a simple text template, or None when this is not one."""
    if key == '"' and positional:
        return f"„{positional[0].strip()}“"  # the German Wikipedia's quotation template
    if key in SYMBOLS:
        return SYMBOLS[key]
    if key == "sic":  # {{sic|teh}}: a word as the source spells it, marked as such
        parts = [part.strip() for part in positional]
        doubt = "?" if parts[:1] == ["?"] else ""  # {{sic|?|teh}}: perhaps not an error
        shown = "".join(parts[1:] if doubt else parts)
        if named.get("hide", "").strip().lower() not in ("", "n", "no"):
            return shown
        return f"{shown} \\[sic{doubt}\\]" if shown else f" \\[sic{doubt}\\]"
    if key in COLOUR_TEMPLATES:
        return positional[-1] if len(positional) > 1 else ""
    special = special_text(key, positional, named)
    if special is not None:
        return special
    if not positional and key.upper() in COUNTRY_CODES and len(key) == 3:
        return COUNTRY_CODES[key.upper()]  # {{USA}}: the flag and the country's name
    if key in FLAG_WITH_NAME and positional:
        code = positional[0].strip()
        return COUNTRY_CODES.get(code.upper(), code) if len(code) == 3 else code
    if key.startswith("lang-") and positional:
        return positional[-1]  # {{lang-ar|text}}: the text in that language
    if key in _IDENTIFIERS:
        return _identifier(key, positional)
    if key.startswith("ipa-"):
        return _ipa_language(key[4:], positional)  # {{IPA-ca|ənˈdorə|lang}}
    if key == "ipa":
        return positional[0] if positional else ""
    if key.startswith("ipac-"):
        return _ipa_phonemes(positional)  # {{IPAc-en|æ|n|ˈ|d|ɔː|r|ə}} → /ænˈdɔːrə/
    if key == "respell":
        parts = [p.strip() for p in positional if p.strip() and "=" not in p]
        return f"*{'-'.join(parts)}*" if parts else ""
    if key in LAST_ARGUMENT and positional:
        return positional[-1]
    if key in FIRST_ARGUMENT and positional:
        return positional[0]
    handler = _SPECIAL.get(key)
    return handler(positional, named) if handler else None


_IDENTIFIERS = {"isbn": "ISBN", "issn": "ISSN", "oclc": "OCLC", "lccn": "LCCN", "doi": "doi:"}


def _identifier(key: str, positional: Sequence[str]) -> str:
    label = _IDENTIFIERS[key]
    values = ", ".join(p.strip() for p in positional if p.strip())
    return f"{label}{'' if label.endswith(':') else chr(0xA0)}{values}" if values else ""


def _ipa(positional: Sequence[str]) -> str:
    """The transcription in brackets, as Wikipedia shows it: ``[kʁisteva]``."""
    return f"\\[{positional[0].strip()}\\]" if positional and positional[0].strip() else ""


def _ipa_language(code: str, positional: Sequence[str]) -> str:
    """{{IPA-ca|ənˈdorə}} → "Catalan pronunciation: [ənˈdorə]"; a second argument "lang" gives
    "Catalan: [...]", "local" gives "locally [...]", an empty one the brackets alone."""
    transcription = _ipa(positional)
    if not transcription:
        return ""
    language = LANGUAGES.get(code.split("-")[0])
    style = positional[1].strip().lower() if len(positional) > 1 else "pron"
    if style == "local":
        return f"locally {transcription}"
    if not language or style not in ("pron", "lang"):
        return transcription
    return f"{language}: {transcription}" if style == "lang" else (
        f"{language} pronunciation: {transcription}")  # fmt: skip


_IPAC_LEADS = {"lang", "pron", "local", "uk", "us", "usalso", "ukalso", "also", "ipa"}


def _ipa_phonemes(positional: Sequence[str]) -> str:
    """{{IPAc-en|æ|n|ˈ|d|ɔː|r|ə}}: the phonemes joined between slashes ("_" is a space)."""
    parts = [unescape_text(p.strip()) for p in positional if "=" not in p]
    while parts and parts[0].lower() in _IPAC_LEADS:
        parts = parts[1:]
    text = "".join(parts).replace("_", " ").strip()
    return f"/{escape_text(text)}/" if text else ""


def _circa(positional: Sequence[str], named: dict[str, str]) -> str:
    return "c.\u00a0" + " – ".join(p for p in positional if p) if positional else "c."


def _as_of(positional: Sequence[str], named: dict[str, str]) -> str:
    months = [
        "", "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]  # fmt: skip
    parts = [p for p in positional[:3] if p.strip()]
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        parts[1] = months[int(parts[1])]
        parts = [parts[2], parts[1], parts[0]] if len(parts) == 3 else [parts[1], parts[0]]
    prefix = "as of" if named.get("lc", "").strip() else "As of"
    return f"{prefix} {' '.join(parts)}"


def _list(positional: Sequence[str], named: dict[str, str]) -> str:
    return "<br>".join(p.strip() for p in positional if p.strip())


def _inline_list(positional: Sequence[str], named: dict[str, str]) -> str:
    return ", ".join(p.strip() for p in positional if p.strip())


_MARRIAGE_ENDS = {
    "div": "div.", "div.": "div.", "divorce": "div.", "divorced": "div.",
    "w": "wid.", "w.": "wid.", "wid": "wid.", "wid.": "wid.", "widowed": "wid.",
    "d": "died", "d.": "died", "died": "died", "death": "died", "his death": "died",
    "her death": "died", "their death": "died", "sep": "sep.", "sep.": "sep.",
    "separated": "sep.", "ann": "annulled", "ann.": "annulled", "annulled": "annulled",
}  # fmt: skip
_YEAR = re.compile(r"\b(\d{3,4})\b")


def _marriage(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{marriage|Jane Doe|1 January 1895|1905|end=div}} → "Jane Doe (m. 1895; div. 1905)":
    the years only; without a reason for the end, the years as a range."""
    if not positional:
        return ""
    spouse = positional[0].strip()
    years = []
    for value in positional[1:3]:
        match = _YEAR.search(value)
        if match:
            years.append(match.group(1))
        elif value.strip():
            years.append(value.strip())
    if not years:
        return spouse
    reason = (named.get("end", "") or named.get("reason", "")).strip()
    shown = _MARRIAGE_ENDS.get(reason.lower(), reason)
    if len(years) == 1:
        span = f"m.\u00a0{years[0]}"
    elif shown:
        span = f"m.\u00a0{years[0]}; {shown}\u00a0{years[1]}"
    else:
        span = f"m.\u00a0{years[0]}–{years[1]}"
    return f"{spouse} ({span})" if spouse else f"({span})"


_RANGE_WORDS = ("-", "–", "to", "and", "x", "by")


def _convert(positional: Sequence[str], named: dict[str, str]) -> str:
    """The value and unit as written, and converted where the unit is known:
    ``{{convert|10|km|mi}}`` → "10 km (6.2 mi)", ``{{convert|6|ft|4|in|cm|0}}`` → "6 ft 4 in
    (193 cm)"; a range as written (``unit_conversion.py``)."""
    args = [value.strip() for value in positional]
    if not args or not args[0]:
        return ""
    value, rest = args[0], args[1:]
    word = unescape_text(rest[0]) if rest else ""  # the arguments are Markdown: "\\-"
    if len(rest) >= 2 and word in _RANGE_WORDS:
        joiner = "–" if word in ("-", "–") else f" {'×' if word == 'x' else word} "
        return _with_unit(f"{value}{joiner}{rest[1]}", rest[2] if len(rest) > 2 else "")
    unit, after = (rest[0], rest[1:]) if rest else ("", [])
    if unit == "ft" and len(after) >= 2 and after[1] == "in":
        shown = f"{_with_unit(value, 'ft')} {_with_unit(after[0], 'in')}"
        target, precision = _target(after[2:])
        inches = _inches(value, after[0])
        converted = conversion(inches, "in", target or "m", precision) if inches else ""
    else:
        shown = _with_unit(value, unit)
        target, precision = _target(after)
        converted = conversion(value, unit, target, precision)
    if not converted:
        return shown
    display = unescape_text(named.get("disp", "")).strip().lower()
    if display == "or":
        return f"{shown} or {converted}"
    if display == "flip":
        return f"{converted} ({shown})"
    if display in ("out", "output only"):
        return converted
    return f"{shown} ({converted})"


def _with_unit(value: str, unit: str) -> str:
    return f"{value}\u00a0{unit_name(unit)}" if unit else value


def _target(after: Sequence[str]) -> tuple[str, str]:
    """The unit to convert to and the decimal places, from the arguments after the unit."""
    target = precision = ""
    rest = list(after)
    if rest and not is_precision(rest[0]):
        target, rest = rest[0], rest[1:]
    if rest and is_precision(rest[0]):
        precision = rest[0]
    return target, precision


def _inches(feet: str, inches: str) -> str:
    """Feet and inches as inches, "" unless both are plain numbers."""
    try:
        return f"{float(feet) * 12 + float(inches):g}"
    except ValueError:
        return ""


def _abbr_text(positional: Sequence[str], named: dict[str, str]) -> str:
    return positional[0] if positional else ""


def _post_nominals(positional: Sequence[str], named: dict[str, str]) -> str:
    return ""


_SPECIAL: dict[str, Callable[[Sequence[str], dict[str, str]], str]] = {
    "circa": _circa,
    "c.": _circa,
    "ca.": _circa,
    "as of": _as_of,
    "ubl": _list,
    "ublist": _list,
    "bulleted list": _list,
    "bulletedlist": _list,
    "columns-list": lambda positional, named: positional[-1] if positional else "",
    "collapsible list": _list,
    "unbulleted list": _list,
    "plainlist": _list,
    "ordered list": _list,
    "plain list": _list,
    "flatlist": _inline_list,
    "flat list": _inline_list,
    "hlist": _inline_list,
    "marriage": _marriage,
    "married": _marriage,
    "convert": _convert,
    "cvt": _convert,
    "abbr": _abbr_text,
    "post-nominals": _post_nominals,
    "postnominals": _post_nominals,
}
