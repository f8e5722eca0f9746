"""The visible text of inline templates that take some arranging: names in two scripts, numbers
with units, brackets, book links, table cells, and the like-named templates of other Wikipedias.

Each handler gets the template's arguments already converted to inline Markdown (positional ones
in order, named ones by lower-case name) and returns what a reader of the page sees in their
place. :data:`HANDLERS` maps normalised template names to handlers; :func:`special_text` also
knows families of names ("IPA link", "fr icon", "XXe siècle").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from cyclopedia.document.markup import unescape_text
from cyclopedia.formats.mediawiki.wikitext.languages import LANGUAGES

Handler = Callable[[Sequence[str], dict[str, str]], str]

_MARKUP = re.compile(r"[\[\]|*_<>\\`{}]")
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻")


def _args(positional: Sequence[str]) -> list[str]:
    return [value.strip() for value in positional]


def _nihongo(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{nihongo|Tokyo Tower|東京タワー|Tōkyō tawā}} → "Tokyo Tower (東京タワー, Tōkyō tawā)"."""
    args = _args(positional) + [""] * 4
    english, kanji, romaji, extra = args[:4]
    inner = ", ".join(part for part in (kanji, f"*{romaji}*" if romaji else "", extra) if part)
    if not english:
        return inner
    return f"{english} ({inner})" if inner else english


def _nihongo3(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{nihongo3|Tokyo Tower|東京タワー|Tōkyō tawā}}: the romaji first."""
    args = _args(positional) + [""] * 3
    english, kanji, romaji = args[:3]
    inner = ", ".join(part for part in (kanji, english) if part)
    head = f"*{romaji}*" if romaji else ""
    return f"{head} ({inner})".strip() if inner else head


def _nihongo2(positional: Sequence[str], named: dict[str, str]) -> str:
    return _args(positional)[0] if positional else ""


def _lines(positional: Sequence[str], named: dict[str, str]) -> str:
    return "<br>".join(value for value in _args(positional) if value)


def _angle_brackets(positional: Sequence[str], named: dict[str, str]) -> str:
    text = positional[0].strip() if positional else ""
    return f"⟨{text}⟩" if text else ""


def _ipa_link(left: str, right: str) -> Handler:
    """{{IPA link|ɛ}} → ɛ, {{IPAblink|ɛ}} → [ɛ], {{IPAslink|ɛ}} → /ɛ/."""

    def build(positional: Sequence[str], named: dict[str, str]) -> str:
        text = positional[0].strip() if positional else ""
        return f"{left}{text}{right}" if text else ""

    return build


def _google_books(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{Google books|ID|Title|page=12}} → a link to the book with its title as the text."""
    args = _args(positional)
    book = re.sub(r"[^A-Za-z0-9_-]", "", args[0] if args else named.get("id", ""))
    label = (args[1] if len(args) > 1 else "") or named.get("title", "") or "Google Books"
    page = re.sub(r"[^A-Za-z0-9]", "", named.get("page", "") or named.get("pg", ""))
    if not book:
        return label if label != "Google Books" else ""
    url = f"https://books.google.com/books?id={book}" + (f"&pg=PA{page}" if page else "")
    if named.get("plainurl", "").lower() in ("y", "yes", "true", "1"):
        return f"<{url}>"
    return f"[{label}](<{url}>)"


def _google_buch(positional: Sequence[str], named: dict[str, str]) -> str:
    """German {{Google Buch|BuchID=...|Seite=...|Linktext=...}}."""
    book = re.sub(r"[^A-Za-z0-9_-]", "", named.get("buchid", ""))
    label = named.get("linktext", "") or "Google Books"
    page = re.sub(r"[^A-Za-z0-9]", "", named.get("seite", ""))
    if not book:
        return ""
    url = f"https://books.google.com/books?id={book}" + (f"&pg=PA{page}" if page else "")
    return f"[{label}](<{url}>)"


def _number_and_units(positional: Sequence[str], named: dict[str, str]) -> str:
    """French {{unité|891.8|km|2}} → "891.8 km²", {{unité|9,88|Mo}} → "9,88 Mo"; the units come
    with optional exponents, in pairs after the number."""
    args = _args(positional)
    if not args:
        return ""
    number, rest = args[0], args[1:]
    units: list[str] = []
    index = 0
    while index < len(rest):
        unit = rest[index]
        exponent = rest[index + 1] if index + 1 < len(rest) else ""
        if re.fullmatch(r"[-−]?\d+", exponent):
            units.append(unit + exponent.translate(_SUPERSCRIPT_DIGITS))
            index += 2
        else:
            units.append(unit)
            index += 1
    unit_text = "\u00a0".join(unit for unit in units if unit)
    return f"{number}\u00a0{unit_text}" if unit_text else number


def _french_century(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{s|XIX}} → "XIXe siècle" ({{s-|XIX}}: without the word)."""
    numeral = positional[0].strip() if positional else ""
    return f"{numeral}<sup>e</sup>\u00a0siècle" if numeral else ""


def _french_century_short(positional: Sequence[str], named: dict[str, str]) -> str:
    numeral = positional[0].strip() if positional else ""
    return f"{numeral}<sup>e</sup>" if numeral else ""


def _french_page(positional: Sequence[str], named: dict[str, str]) -> str:
    page = positional[0].strip() if positional else ""
    return f"p.\u00a0{page}" if page else "p."


def _french_number(positional: Sequence[str], named: dict[str, str]) -> str:
    number = positional[0].strip() if positional else ""
    return f"n<sup>o</sup>\u00a0{number}" if number else "n<sup>o</sup>"


def _joined(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{date de naissance|12|novembre|1866}} → "12 novembre 1866"."""
    return " ".join(value for value in _args(positional)[:3] if value)


def _in_language(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{in lang|de}} → "(in German)"."""
    names = [LANGUAGES.get(code.lower(), code) for code in _args(positional) if code]
    return f"(in {' and '.join(names)})" if names else ""


def _chinese(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{zh|t=臺灣|s=台湾|p=Táiwān}} → "traditional Chinese: 臺灣; simplified Chinese: 台湾;
    pinyin: Táiwān"."""
    labels = (("c", "Chinese"), ("t", "traditional Chinese"), ("s", "simplified Chinese"),
              ("p", "pinyin"), ("tp", "Tongyong Pinyin"), ("w", "Wade–Giles"),
              ("j", "Jyutping"), ("cy", "Cantonese Yale"), ("poj", "Pe̍h-ōe-jī"))  # fmt: skip
    parts = [f"{label}: {named[key]}" for key, label in labels if named.get(key)]
    parts += [f"Chinese: {value}" for value in _args(positional) if value]
    return "; ".join(parts)


def _language_text(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{langx|de|Berlin}} → "German: Berlin"."""
    args = _args(positional)
    if len(args) < 2:
        return args[0] if args else ""
    name = LANGUAGES.get(args[0].lower())
    return f"{name}: {args[1]}" if name else args[1]


def _arabic_german(positional: Sequence[str], named: dict[str, str]) -> str:
    """Arabic {{ألمانية|Spree}} and {{لغة-أل|Berlin}}: "(بالألمانية: Spree)"."""
    text = positional[0].strip() if positional else ""
    return f"(بالألمانية: {text})" if text else ""


def _interlanguage_link(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{ill|Ewald Wüst|de|lt=Wüst}}: a link to the article of this wiki (missing for now; the
    other wiki's article is a fallback of the source wiki only), shown as its label."""
    args = _args(positional)
    target = args[0] if args else ""
    label = named.get("lt", "").strip() or named.get("label", "").strip() or target
    if not target or _MARKUP.search(target):
        return label
    if _MARKUP.search(label):
        return label
    return f"[[{target}]]" if label == target else f"[[{target}|{label}]]"


_STATISTICS_SITES = (
    ("br", "Baseball-Reference", "https://www.baseball-reference.com/players/{}.shtml"),
    ("brm", "Baseball-Reference (Minors)",
     "https://www.baseball-reference.com/register/player.fcgi?id={}"),
    ("fangraphs", "Fangraphs", "https://www.fangraphs.com/statss.aspx?playerid={}"),
    ("mlb", "MLB", "https://www.mlb.com/player/{}"),
    ("espn", "ESPN", "https://www.espn.com/mlb/player/_/id/{}"),
    ("baseballcube", "The Baseball Cube", "http://www.thebaseballcube.com/players/profile.asp?ID={}"),
)  # fmt: skip


def _baseball_statistics(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{Baseballstats|br=m/mumphje01}}: the links to the player's statistics pages."""
    links = []
    for key, site, pattern in _STATISTICS_SITES:
        value = re.sub(r"[^A-Za-z0-9/_.-]", "", named.get(key, ""))
        if value:
            links.append(f"[{site}](<{pattern.format(value)}>)")
    if not links:
        return ""
    shown = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " or " + links[-1]
    return f"Career statistics and player information from {shown}"


_LINK_TARGET = re.compile(r"<([^<>\s]+)>|\[[^\]]*\]\(<([^<>]+)>\)")


def _plain_url(value: str) -> str:
    """The URL in an argument converted to Markdown (escaped, an autolink or a link)."""
    text = value.strip()
    if match := _LINK_TARGET.fullmatch(text):
        text = match.group(1) or match.group(2)
    text = unescape_text(text).strip()
    if text.startswith("//"):
        text = "https:" + text
    if "://" not in text and text and "." in text and " " not in text:
        text = "http://" + text  # {{Official website|example.com}}
    return text if re.match(r"https?://[^\s<>]+$", text) else ""


def _official_website(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{Official website|http://example.com}}: a link labelled "Official website"."""
    url = _plain_url(positional[0] if positional else named.get("url", ""))
    label = (positional[1].strip() if len(positional) > 1 else "") or named.get("name", "")
    return f"[{label.strip() or 'Official website'}](<{url}>)" if url else ""


def _url(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{URL|www.example.com}} → the address, shown without its scheme, linked."""
    url = _plain_url(positional[0] if positional else named.get("1", ""))
    if not url:
        return positional[0].strip() if positional else ""
    label = positional[1].strip() if len(positional) > 1 and positional[1].strip() else ""
    shown = label or _ESCAPE_LABEL.sub(r"\\\1", re.sub(r"^https?://", "", url).rstrip("/"))
    return f"[{shown}](<{url}>)"


_ESCAPE_LABEL = re.compile(r"([\\`*_\[\]<>&~|])")
# Stock exchange templates ({{NYSE|IBM}} → "NYSE: IBM"), by name: the exchange shown.
STOCK_EXCHANGES = {
    "nyse": "NYSE", "nasdaq": "Nasdaq", "bmv": "BMV", "lse": "LSE", "tyo": "TYO",
    "tse": "TYO", "tsx": "TSX", "asx": "ASX", "fwb": "FWB", "euronext": "Euronext",
    "krx": "KRX", "sehk": "SEHK", "bse": "BSE", "nse": "NSE", "six": "SIX", "omx": "OMX",
    "nyse american": "NYSE American", "nyse arca": "NYSE Arca", "otc pink": "OTC Pink",
    "bmad": "BMAD", "bit": "BIT", "sgx": "SGX", "twse": "TWSE", "sse": "SSE", "szse": "SZSE",
    "moex": "MOEX", "jse": "JSE", "b3": "B3", "bovespa": "B3", "oslo": "OSE", "ose": "OSE",
}  # fmt: skip


def _stock(exchange: str) -> Handler:
    def build(positional: Sequence[str], named: dict[str, str]) -> str:
        ticker = positional[0].strip() if positional else ""
        return f"{exchange}: {ticker}" if ticker else exchange

    return build


def _based_on(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{based on|''Work''|Author}} → "*Work* by Author" on two lines."""
    args = [value for value in _args(positional) if value]
    if not args:
        return ""
    authors = args[1:]
    by = (
        " and ".join(authors)
        if len(authors) <= 2
        else ", ".join(authors[:-1]) + " and " + authors[-1]
    )
    return f"{args[0]}<br>by {by}" if authors else args[0]


def _imdb(kind: str, prefix: str) -> Handler:
    """{{IMDb title|0115462|Actresses}} → "*Actresses* at IMDb", linked to the page there."""

    def build(positional: Sequence[str], named: dict[str, str]) -> str:
        args = _args(positional)
        number = (args[0] if args else "") or named.get("id", "")
        number = re.sub(r"\D", "", number)
        label = (
            (args[1] if len(args) > 1 else "") or named.get("title", "") or named.get("name", "")
        )
        if not number or not label:
            return label
        shown = f"*{label}*" if kind == "title" and not label.startswith("*") else label
        return f"[{shown}](<https://www.imdb.com/{kind}/{prefix}{number}/>) at IMDb"

    return build


def _allmusic(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{AllMusic|class=artist|id=p821358|label=...}}: a link to AllMusic, or its bare address
    (pure_url=yes, as inside a citation's url=)."""
    kind = re.sub(r"[^a-z]", "", named.get("class", "").lower()) or "artist"
    page = re.sub(
        r"[^A-Za-z0-9/_-]", "", named.get("id", "") or (positional[0] if positional else "")
    )
    if not page:
        return ""
    url = f"https://www.allmusic.com/{kind}/{page}"
    if named.get("pure_url", "").lower() in ("y", "yes", "true", "1"):
        return url
    label = named.get("label", "").strip() or "AllMusic"
    return f"[{label}](<{url}>)" + (" at AllMusic" if label != "AllMusic" else "")


def _twin_town(positional: Sequence[str], named: dict[str, str]) -> str:
    """French {{Jumelage|Alger|Algérie|année=1991|mois=septembre|jour=12}}: a row of a list of
    twin towns, "Alger (Algérie), 12 septembre 1991"."""
    args = [value for value in _args(positional) if value]
    if not args:
        return ""
    place = f"{args[0]} ({args[1]})" if len(args) > 1 else args[0]
    date = " ".join(named.get(key, "").strip() for key in ("jour", "mois", "année")).strip()
    return f"{place}, {' '.join(date.split())}" if date else place


def _greek_lexicon(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{LSJ|a)rxh/|ἀρχή|ref}}: the Greek word (the first argument is its Beta Code)."""
    args = _args(positional)
    return args[1] if len(args) > 1 and args[1] else (args[0] if args else "")


def _anime_licensee(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{English anime licensee|NA=Viz Media|UK=...}} → "NA: Viz Media; UK: ..."."""
    parts = [f"{region.upper()}: {value.strip()}" for region, value in named.items()
             if value.strip() and region.isalpha() and len(region) <= 3]  # fmt: skip
    return "<br>".join(parts)


def _nuclide(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{SimpleNuclide2|lithium|7}} → "lithium-7"."""
    args = [value for value in _args(positional) if value]
    return "-".join(args[:2])


def _coordinates(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{coord|42|30|N|1|30|E}} → "42°30′N 1°30′E", {{coord|39.18|-120.10}} → "39.18°N
    120.10°W"; shown only where the page shows it inline (not the title's coordinates)."""
    display = named.get("display", "inline").replace(" ", "").lower()
    if "inline" not in display and display not in ("", "i", "it", "ti"):
        return ""
    args = [value.strip() for value in positional if value.strip() and ":" not in value]
    hemispheres = [i for i, value in enumerate(args) if value.upper() in ("N", "S", "E", "W")]
    if len(hemispheres) >= 2:
        first, second = hemispheres[0], hemispheres[1]
        latitude, longitude = args[:first], args[first + 1 : second]
        return f"{_dms(latitude)}{args[first].upper()} {_dms(longitude)}{args[second].upper()}"
    try:
        lat, lon = float(args[0]), float(args[1])
    except (IndexError, ValueError):
        return ""
    north, east = "N" if lat >= 0 else "S", "E" if lon >= 0 else "W"
    return f"{args[0].lstrip('-')}°{north} {args[1].lstrip('-')}°{east}"


def _dms(parts: Sequence[str]) -> str:
    marks = ("°", "′", "″")
    return "".join(f"{value}{mark}" for value, mark in zip(parts, marks, strict=False))


_GAUGES = {
    "standard": "1435", "sg": "1435", "ussg": "1435", "metre": "1000", "meter": "1000",
    "mm": "1000", "cape": "1067", "ig": "1676", "irish": "1600", "russian": "1520",
}  # fmt: skip


def _rail_gauge(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{RailGauge|1435}} → "1,435 mm" (the gauge in millimetres; named gauges too)."""
    given = positional[0].strip() if positional else ""
    millimetres = _GAUGES.get(given.lower(), given.removesuffix("mm").strip())
    if millimetres.isdigit():
        return f"{int(millimetres):,}\u00a0mm"
    return given


# Military branch templates ({{army|USA}}): the country's army, navy or air force, linked.
_FORCES = {
    "USA": ("United States Army", "United States Navy", "United States Air Force"),
    "CSA": ("Confederate States Army", "Confederate States Navy", ""),
    "UK": ("British Army", "Royal Navy", "Royal Air Force"),
    "GBR": ("British Army", "Royal Navy", "Royal Air Force"),
    "FRA": ("French Army", "French Navy", "French Air and Space Force"),
    "GER": ("German Army", "German Navy", "German Air Force"),
    "RUS": ("Russian Ground Forces", "Russian Navy", "Russian Air Force"),
    "CAN": ("Canadian Army", "Royal Canadian Navy", "Royal Canadian Air Force"),
    "AUS": ("Australian Army", "Royal Australian Navy", "Royal Australian Air Force"),
}  # fmt: skip


def _force(index: int) -> Handler:
    def build(positional: Sequence[str], named: dict[str, str]) -> str:
        code = positional[0].strip().upper() if positional else ""
        forces = _FORCES.get(code)
        name = forces[index] if forces else ""
        return f"[[{name}]]" if name else code

    return build


def _dash_aside(positional: Sequence[str], named: dict[str, str]) -> str:
    """French {{incise|text}}: the text between dashes."""
    text = positional[0].strip() if positional else ""
    return f"–\u00a0{text}\u00a0–" if text else ""


def _temperature(positional: Sequence[str], named: dict[str, str]) -> str:
    """French {{tmp|2|°C}} → "2 °C"."""
    args = [value for value in _args(positional) if value]
    return "\u00a0".join(args[:2])


def _philosophy_encyclopedia(name: str, pattern: str) -> Handler:
    """{{SEP|id|Title}}, {{IEP|id|Title}}: the entry's title linked, in the encyclopedia."""

    def build(positional: Sequence[str], named: dict[str, str]) -> str:
        args = _args(positional)
        entry = re.sub(r"[^A-Za-z0-9/_.-]", "", args[0] if args else "")
        title = (args[1] if len(args) > 1 else "") or named.get("title", "").strip()
        if not entry:
            return title
        label = f"“{title}”" if title else "Entry"
        return f"[{label}](<{pattern.format(entry)}>), *{name}*"

    return build


def _power_of_ten(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{e|5}} → "×10⁵"."""
    exponent = positional[0].strip() if positional else ""
    return f"×10{exponent.translate(_SUPERSCRIPT_DIGITS)}" if exponent else ""


def _superscript(positional: Sequence[str], named: dict[str, str]) -> str:
    text = positional[0].strip() if positional else ""
    return f"<sup>{text}</sup>" if text else ""


def _rounded(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{round|3.14159|2}} → "3.14"."""
    args = _args(positional)
    try:
        value, places = float(args[0]), int(args[1]) if len(args) > 1 and args[1] else 0
    except (IndexError, ValueError):
        return args[0] if args else ""
    return f"{value:.{max(0, places)}f}"


def _supreme_court(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{ussc|410|113|1973}} → "410 U.S. 113 (1973)"."""
    args = _args(positional)
    if len(args) < 2:
        return " ".join(args)
    text = f"{args[0]} U.S. {args[1]}"
    return f"{text} ({args[2]})" if len(args) > 2 and args[2] else text


def _clock(positional: Sequence[str], named: dict[str, str]) -> str:
    """French {{heure|12|30}} → "12 h 30"."""
    args = [value for value in _args(positional) if value]
    return " h ".join(args[:2]) + (" h" if len(args) == 1 else "")


def _native_name(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{native name|ca|Principat d'Andorra}}: the name (after the language code)."""
    args = _args(positional)
    return args[1] if len(args) > 1 else ""


def _bar_value(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{bartable|87.5|%|2|...}}: the number and its suffix (the bar is drawing)."""
    args = [*_args(positional), "", ""]
    return f"{args[0]}{args[1]}" if args[0] else ""


def _bar_percent(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{bar percent|label|width|percent|colour|text}}: the label and the figure."""
    args = _args(positional) + [""] * 5
    label, percent, text = args[0], args[2], args[4]
    figure = text or (f"{percent}%" if percent else "")
    return f"{label}: {figure}" if label and figure else label or figure


def _last(positional: Sequence[str], named: dict[str, str]) -> str:
    args = [value for value in _args(positional) if value]
    return args[-1] if args else ""


def _fraction(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{frac|1|2}} → "1/2", {{frac|3|1|2}} → "3 1/2", {{frac|4}} → "1/4"."""
    args = _args(positional)
    if len(args) == 1:
        return f"1/{args[0]}"
    if len(args) == 2:
        return f"{args[0]}/{args[1]}"
    if len(args) >= 3:
        return f"{args[0]} {args[1]}/{args[2]}"
    return ""


def _chemical(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{chem|H|2|O}} → H<sub>2</sub>O: numbers after an element are its count."""
    out = []
    for index, part in enumerate(_args(positional)):
        if index and part.isdigit():
            out.append(f"<sub>{part}</sub>")
        else:
            out.append(part)
    return "".join(out)


def _chemical_formula(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{chem2|H2O}} → H<sub>2</sub>O."""
    text = positional[0].strip() if positional else ""
    return re.sub(r"(?<=[A-Za-z)\]])(\d+)", r"<sub>\1</sub>", text)


def _value(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{val|1.23|0.02|e=5|u=m}} → "1.23 ± 0.02 × 10⁵ m"."""
    args = _args(positional)
    if not args:
        return ""
    text = args[0]
    if len(args) > 1 and args[1]:
        text += f" ± {args[1]}"
    exponent = named.get("e", "").strip()
    if exponent:
        text += f" × 10{exponent.translate(_SUPERSCRIPT_DIGITS)}"
    unit = named.get("u", "") or named.get("ul", "")
    return f"{text}\u00a0{unit.strip()}" if unit.strip() else text


def _height(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{height|ft=6|in=2}} → "6 ft 2 in", {{height|m=1.85}} → "1.85 m"."""
    units = (("m", "m"), ("cm", "cm"), ("ft", "ft"), ("in", "in"))
    parts = [f"{named[key].strip()} {unit}" for key, unit in units if named.get(key, "").strip()]
    return " ".join(parts)


def _german_height(positional: Sequence[str], named: dict[str, str]) -> str:
    """German {{Höhe|115|DE-NN}} → "115 m"."""
    height = positional[0].strip() if positional else ""
    return f"{height}\u00a0m" if height else ""


def _sortname(positional: Sequence[str], named: dict[str, str]) -> str:
    args = _args(positional)
    return " ".join(args[:2]).strip()


def _football_player(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{Fs player|no=1|nat=Scotland|name=[[Kevin Cuthbert]]|pos=GK}} as a line of a squad:
    "1 – GK – [[Kevin Cuthbert]] (Scotland)", with "other" (captain, on loan) after it."""
    number, position = named.get("no", "").strip(), named.get("pos", "").strip()
    name, nation = named.get("name", "").strip(), named.get("nat", "").strip()
    other = named.get("other", "").strip()
    line = " – ".join(part for part in (number, position, name) if part)
    if nation:
        line += f" ({nation})"
    return f"{line}, {other}" if other else line


def _lifeboat_station(positional: Sequence[str], named: dict[str, str]) -> str:
    place = positional[0].strip() if positional else ""
    return f"[[{place} Lifeboat Station|{place}]]" if place and "[" not in place else place


def _lifeboat_class(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{Lbb|Mersey}} → [[Mersey-class lifeboat|Mersey]]; {{Lbc|D|IB1}}: "D (IB1)"."""
    args = _args(positional)
    name = args[0] if args else ""
    if not name or "[" in name:
        return name
    shown = f"{name} ({args[1]})" if len(args) > 1 and args[1] else name
    return f"[[{name}-class lifeboat|{shown}]]"


def _rugby_union(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{ru|SCO}}: the flag and the linked name of that country's national rugby union team."""
    code = positional[0].strip().upper() if positional else ""
    country = COUNTRY_CODES.get(code)
    if not country:
        return code
    return f"[[{country} national rugby union team|{country}]]"


def _quote_inline(positional: Sequence[str], named: dict[str, str]) -> str:
    """A quotation template inside a sentence: the quoted text in quotation marks."""
    text = (positional[0] if positional else "") or named.get("text", "") or named.get("quote", "")
    return f"“{text.strip()}”" if text.strip() else ""


# Three-letter country codes of the flag and sports templates ({{ru|SCO}}, {{flagcountry|FRA}}).
COUNTRY_CODES = {
    "ARG": "Argentina", "AUS": "Australia", "AUT": "Austria", "BEL": "Belgium",
    "BRA": "Brazil", "CAN": "Canada", "CHI": "Chile", "CHN": "China", "CZE": "Czech Republic",
    "DEN": "Denmark", "ENG": "England", "ESP": "Spain", "FIJ": "Fiji", "FIN": "Finland",
    "FRA": "France", "GEO": "Georgia", "GER": "Germany", "DEU": "Germany", "GRE": "Greece",
    "HUN": "Hungary", "IND": "India", "IRE": "Ireland", "IRL": "Ireland", "ISL": "Iceland",
    "ITA": "Italy", "JPN": "Japan", "KOR": "South Korea", "MEX": "Mexico",
    "NAM": "Namibia", "NED": "Netherlands", "NOR": "Norway", "NZL": "New Zealand",
    "POL": "Poland", "POR": "Portugal", "ROM": "Romania", "ROU": "Romania", "RSA": "South Africa",
    "RUS": "Russia", "SAM": "Samoa", "SCO": "Scotland", "SUI": "Switzerland", "SWE": "Sweden",
    "TGA": "Tonga", "TON": "Tonga", "TUR": "Turkey", "UKR": "Ukraine", "URU": "Uruguay",
    "USA": "United States", "WAL": "Wales",
}  # fmt: skip

HANDLERS: dict[str, Handler] = {
    # names in two scripts, transcriptions, languages
    "nihongo": _nihongo, "nihongo4": _nihongo, "nihongo krt": _nihongo,
    "nihongo2": _nihongo2, "nihongo3": _nihongo3, "vr": _nihongo2,
    "angbr": _angle_brackets, "angle bracket": _angle_brackets, "angbr ipa": _angle_brackets,
    "angbr-ipa": _angle_brackets, "ipa link": _ipa_link("", ""), "ipalink": _ipa_link("", ""),
    "ipablink": _ipa_link("[", "]"), "ipaslink": _ipa_link("/", "/"),
    "in lang": _in_language, "zh": _chinese, "langx": _language_text,
    "native name": _native_name, "lsj": _greek_lexicon,
    "ألمانية": _arabic_german, "لغة-أل": _arabic_german,
    # links
    "ill": _interlanguage_link, "interlanguage link": _interlanguage_link,
    "interlanguage link multi": _interlanguage_link, "illm": _interlanguage_link,
    "ill2": _interlanguage_link, "仮リンク": _interlanguage_link,
    "google books": _google_books, "googlebooks": _google_books, "google buch": _google_buch,
    "official website": _official_website, "official": _official_website,
    "official site": _official_website, "allmusic": _allmusic,
    "imdb title": _imdb("title", "tt"), "imdb name": _imdb("name", "nm"),
    "baseballstats": _baseball_statistics, "lbs": _lifeboat_station,
    "lbb": _lifeboat_class, "lbc": _lifeboat_class, "ru": _rugby_union,
    "army": _force(0), "navy": _force(1), "air force": _force(2),
    # numbers, units, dates, places
    "unité": _number_and_units, "nombre": _number_and_units, "tmp": _temperature,
    "frac": _fraction, "fraction": _fraction, "val": _value, "height": _height,
    "höhe": _german_height, "railgauge": _rail_gauge, "rail gauge": _rail_gauge,
    "coord": _coordinates, "chem": _chemical, "chem2": _chemical_formula,
    "simplenuclide2": _nuclide, "simplenuclide": _nuclide,
    "s": _french_century, "siècle": _french_century, "s-": _french_century_short,
    "p.": _french_page, "n°": _french_number, "numéro": _french_number,
    "date de naissance": _joined, "date de décès": _joined, "date-": _joined,
    "incise": _dash_aside, "baseball year": _last, "by": _last,
    # rows, cells and legends of tables and lists
    "bartable": _bar_value, "bar percent": _bar_percent, "farblegende": _last,
    "legend": _last, "legend0": _last, "legend-line": _last, "version": _last,
    "fs player": _football_player, "jumelage": _twin_town, "sortname": _sortname,
    "based on": _based_on, "english anime licensee": _anime_licensee,
    "english anime network": _anime_licensee,
    # more links, numbers and marks
    "sep": _philosophy_encyclopedia("Stanford Encyclopedia of Philosophy",
                                    "https://plato.stanford.edu/entries/{}/"),
    "sep entry": _philosophy_encyclopedia("Stanford Encyclopedia of Philosophy",
                                          "https://plato.stanford.edu/entries/{}/"),
    "iep": _philosophy_encyclopedia("Internet Encyclopedia of Philosophy",
                                    "https://iep.utm.edu/{}/"),
    "heure": _clock, "e": _power_of_ten, "sup": _superscript, "round": _rounded,
    "ussc": _supreme_court,
    "nobold": _nihongo2, "vunblist": _lines, "unbulleted list center": _lines,
}  # fmt: skip

HANDLERS.update({name: _stock(shown) for name, shown in STOCK_EXCHANGES.items()})
HANDLERS["url"] = _url

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
