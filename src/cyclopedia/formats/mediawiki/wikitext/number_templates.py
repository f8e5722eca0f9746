"""Text templates of numbers, units, dates, coordinates and formulas: {{unité}}, {{frac}},
{{val}}, {{coord}}, {{chem}}, {{height}}, the French centuries and the like.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cyclopedia.formats.mediawiki.wikitext.template_handlers import (
    SUPERSCRIPT_DIGITS,
    Handler,
    stripped,
)


def number_and_units(positional: Sequence[str], named: dict[str, str]) -> str:
    """French {{unité|891.8|km|2}} → "891.8 km²", {{unité|9,88|Mo}} → "9,88 Mo"; the units come
    with optional exponents, in pairs after the number."""
    args = stripped(positional)
    if not args:
        return ""
    number, rest = args[0], args[1:]
    units: list[str] = []
    index = 0
    while index < len(rest):
        unit = rest[index]
        exponent = rest[index + 1] if index + 1 < len(rest) else ""
        if re.fullmatch(r"[-−]?\d+", exponent):
            units.append(unit + exponent.translate(SUPERSCRIPT_DIGITS))
            index += 2
        else:
            units.append(unit)
            index += 1
    unit_text = "\u00a0".join(unit for unit in units if unit)
    return f"{number}\u00a0{unit_text}" if unit_text else number


def _first_argument_in(template: str, empty: str = "") -> Handler:
    """A handler that writes its first argument into ``template`` (at "{}"), or ``empty``
    when there is none."""

    def handler(positional: Sequence[str], named: dict[str, str]) -> str:
        text = positional[0].strip() if positional else ""
        return template.format(text) if text else empty

    return handler


french_century = _first_argument_in("{}<sup>e</sup>\u00a0siècle")  # {{s|XIX}} → "XIXe siècle"
french_century_short = _first_argument_in("{}<sup>e</sup>")  # {{s-|XIX}}: without the word
superscript = _first_argument_in("<sup>{}</sup>")
subscript = _first_argument_in("<sub>{}</sub>")  # {{sub|2}}
euro = _first_argument_in("{}\u00a0€", empty="€")  # {{euro|77.80}}, as fr and de write it


def french_page(positional: Sequence[str], named: dict[str, str]) -> str:
    page = positional[0].strip() if positional else ""
    return f"p.\u00a0{page}" if page else "p."


def french_number(positional: Sequence[str], named: dict[str, str]) -> str:
    number = positional[0].strip() if positional else ""
    return f"n<sup>o</sup>\u00a0{number}" if number else "n<sup>o</sup>"


def joined(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{date de naissance|12|novembre|1866}} → "12 novembre 1866"."""
    return " ".join(value for value in stripped(positional)[:3] if value)


def nuclide(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{SimpleNuclide2|lithium|7}} → "lithium-7"."""
    args = [value for value in stripped(positional) if value]
    return "-".join(args[:2])


def coordinates(positional: Sequence[str], named: dict[str, str]) -> str:
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


def rail_gauge(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{RailGauge|1435}} → "1,435 mm" (the gauge in millimetres; named gauges too)."""
    given = positional[0].strip() if positional else ""
    millimetres = _GAUGES.get(given.lower(), given.removesuffix("mm").strip())
    if millimetres.isdigit():
        return f"{int(millimetres):,}\u00a0mm"
    return given


def temperature(positional: Sequence[str], named: dict[str, str]) -> str:
    """French {{tmp|2|°C}} → "2 °C"."""
    args = [value for value in stripped(positional) if value]
    return "\u00a0".join(args[:2])


def power_of_ten(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{e|5}} → "×10⁵"."""
    exponent = positional[0].strip() if positional else ""
    return f"×10{exponent.translate(SUPERSCRIPT_DIGITS)}" if exponent else ""


# The symbols {{currency}} writes before an amount; other codes follow it.
_CURRENCY_SYMBOLS = {
    "USD": "US$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "INR": "₹", "KRW": "₩",
    "RUB": "₽", "CAD": "CA$", "AUD": "A$", "CHF": "CHF\u00a0",
}  # fmt: skip


def currency(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{currency|13 billion|USD}} → "US$13 billion", {{currency|5|XYZ}} → "5 XYZ" (the
    template's default currency is the US dollar)."""
    args = stripped(positional)
    amount = args[0] if args else ""
    if not amount:
        return ""
    code = (args[1] if len(args) > 1 and args[1] else "USD").upper()
    symbol = _CURRENCY_SYMBOLS.get(code)
    return f"{symbol}{amount}" if symbol else f"{amount}\u00a0{code}"


def rounded(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{round|3.14159|2}} → "3.14"."""
    args = stripped(positional)
    try:
        value, places = float(args[0]), int(args[1]) if len(args) > 1 and args[1] else 0
    except (IndexError, ValueError):
        return args[0] if args else ""
    return f"{value:.{max(0, places)}f}"


def supreme_court(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{ussc|410|113|1973}} → "410 U.S. 113 (1973)"."""
    args = stripped(positional)
    if len(args) < 2:
        return " ".join(args)
    text = f"{args[0]} U.S. {args[1]}"
    return f"{text} ({args[2]})" if len(args) > 2 and args[2] else text


def clock(positional: Sequence[str], named: dict[str, str]) -> str:
    """French {{heure|12|30}} → "12 h 30"."""
    args = [value for value in stripped(positional) if value]
    return " h ".join(args[:2]) + (" h" if len(args) == 1 else "")


def fraction(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{frac|1|2}} → "1/2", {{frac|3|1|2}} → "3 1/2", {{frac|4}} → "1/4"; a numerator or
    denominator of several terms in brackets: {{sfrac|3n + 1|2}} → "(3n + 1)/2"."""
    args = [_term(arg) for arg in stripped(positional)]
    if len(args) == 1:
        return f"1/{args[0]}"
    if len(args) == 2:
        return f"{args[0]}/{args[1]}"
    if len(args) >= 3:
        return f"{args[0]} {args[1]}/{args[2]}"
    return ""


def _term(value: str) -> str:
    return f"({value})" if " " in value else value


def chemical(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{chem|H|2|O}} → H<sub>2</sub>O: numbers after an element are its count."""
    out = []
    for index, part in enumerate(stripped(positional)):
        if index and part.isdigit():
            out.append(f"<sub>{part}</sub>")
        else:
            out.append(part)
    return "".join(out)


def chemical_formula(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{chem2|H2O}} → H<sub>2</sub>O."""
    text = positional[0].strip() if positional else ""
    return re.sub(r"(?<=[A-Za-z)\]])(\d+)", r"<sub>\1</sub>", text)


def value(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{val|1.23|0.02|e=5|u=m}} → "1.23 ± 0.02 × 10⁵ m"."""
    args = stripped(positional)
    if not args:
        return ""
    text = args[0]
    if len(args) > 1 and args[1]:
        text += f" ± {args[1]}"
    exponent = named.get("e", "").strip()
    if exponent:
        text += f" × 10{exponent.translate(SUPERSCRIPT_DIGITS)}"
    unit = named.get("u", "") or named.get("ul", "")
    return f"{text}\u00a0{unit.strip()}" if unit.strip() else text


def height(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{height|ft=6|in=2}} → "6 ft 2 in", {{height|m=1.85}} → "1.85 m"."""
    units = (("m", "m"), ("cm", "cm"), ("ft", "ft"), ("in", "in"))
    parts = [f"{named[key].strip()} {unit}" for key, unit in units if named.get(key, "").strip()]
    return " ".join(parts)


def german_height(positional: Sequence[str], named: dict[str, str]) -> str:
    """German {{Höhe|115|DE-NN}} → "115 m"."""
    height = positional[0].strip() if positional else ""
    return f"{height}\u00a0m" if height else ""
