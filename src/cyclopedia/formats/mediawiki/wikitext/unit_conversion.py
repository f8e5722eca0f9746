"""What {{convert}} shows: the value with its unit (:data:`UNIT_NAMES`) and, in brackets, the
value in the other system's unit, rounded as Wikipedia rounds it ({{convert|10|km|mi}} →
"10 km (6.2 mi)").

The common units of length, area, mass, speed, volume, power and temperature are known, with
the unit Wikipedia converts each to by default. The converted value keeps the precision of the
value given, finer where the unit it is converted to is smaller (25.4 mm is 1.00 in), with two
significant figures at least, or the decimal places the template asks for
({{convert|2942|m|ft|0}}). Anything else (unknown units, ranges, values that are not plain
numbers) shows the value as written, without a conversion.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# How {{convert}} shows its unit codes ({{convert|1.6|sqmi}} → "1.6 sq mi").
UNIT_NAMES = {
    "sqmi": "sq mi", "km2": "km²", "m2": "m²", "sqft": "sq ft", "sqkm": "km²", "ha": "ha",
    "acre": "acres", "m3": "m³", "cuft": "cu ft", "ft3": "cu ft", "cm3": "cm³", "cc": "cc",
    "F": "°F", "C": "°C", "K": "K", "kmh": "km/h", "km/h": "km/h", "mph": "mph",
    "mi": "mi", "km": "km", "m": "m", "ft": "ft", "in": "in", "cm": "cm", "mm": "mm",
    "nmi": "nmi", "lb": "lb", "kg": "kg", "t": "t", "ST": "short tons", "LT": "long tons",
    "impgal": "imp gal", "USgal": "US gal", "L": "L", "l": "L", "hp": "hp", "kW": "kW",
    "ftlb": "ft⋅lb", "Nm": "N⋅m", "psi": "psi", "kPa": "kPa", "ftin": "ft", "kn": "kn",
}  # fmt: skip


def unit_name(code: str) -> str:
    """How {{convert}} shows a unit code ("sqmi" → "sq mi"); an unknown code as written."""
    return UNIT_NAMES.get(code, code)


@dataclass(frozen=True, slots=True)
class Unit:
    dimension: str
    factor: float  # the base unit's worth of one of this unit (metres, square metres, kg...)


_UNITS = {
    "km": Unit("length", 1000), "m": Unit("length", 1), "cm": Unit("length", 0.01),
    "mm": Unit("length", 0.001), "mi": Unit("length", 1609.344),
    "ft": Unit("length", 0.3048), "in": Unit("length", 0.0254),
    "yd": Unit("length", 0.9144), "nmi": Unit("length", 1852),
    "km2": Unit("area", 1e6), "sqkm": Unit("area", 1e6),
    "m2": Unit("area", 1), "ha": Unit("area", 1e4),
    "sqmi": Unit("area", 2589988.110336), "acre": Unit("area", 4046.8564224),
    "sqft": Unit("area", 0.09290304),
    "kg": Unit("mass", 1), "g": Unit("mass", 0.001), "t": Unit("mass", 1000),
    "lb": Unit("mass", 0.45359237), "oz": Unit("mass", 0.028349523125),
    "km/h": Unit("speed", 1 / 3.6), "kmh": Unit("speed", 1 / 3.6),
    "mph": Unit("speed", 0.44704), "kn": Unit("speed", 1852 / 3600),
    "m/s": Unit("speed", 1),
    "L": Unit("volume", 0.001), "l": Unit("volume", 0.001),
    "m3": Unit("volume", 1), "cuft": Unit("volume", 0.028316846592),
    "USgal": Unit("volume", 0.003785411784),
    "impgal": Unit("volume", 0.00454609),
    "hp": Unit("power", 745.69987158227022), "kW": Unit("power", 1000),
    "C": Unit("temperature", 1), "F": Unit("temperature", 1),
    "K": Unit("temperature", 1),
}  # fmt: skip

# The unit each converts to when the template names none (Module:Convert's defaults).
_DEFAULTS = {
    "km": "mi", "m": "ft", "cm": "in", "mm": "in", "mi": "km", "ft": "m", "in": "cm",
    "yd": "m", "nmi": "km", "km2": "sqmi", "sqkm": "sqmi", "m2": "sqft", "ha": "acre",
    "sqmi": "km2", "acre": "ha", "sqft": "m2", "kg": "lb", "g": "oz", "lb": "kg", "oz": "g",
    "km/h": "mph", "kmh": "mph", "mph": "km/h", "kn": "km/h", "m/s": "km/h", "L": "USgal",
    "l": "USgal", "m3": "cuft", "cuft": "m3", "USgal": "L", "impgal": "L", "hp": "kW",
    "kW": "hp", "C": "F", "F": "C", "K": "C",
}  # fmt: skip

_NUMBER = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?")
_PRECISION = re.compile(r"-?\d")


def is_precision(argument: str) -> bool:
    """Whether an argument after the units is a number of decimal places ({{convert|2|km|0}})."""
    return _PRECISION.fullmatch(argument.strip()) is not None


def conversion(value: str, code: str, target: str = "", precision: str = "") -> str:
    """``value`` of the unit ``code`` in ``target`` (or the default unit) with its symbol,
    "6.2 mi"; "" when it cannot be converted."""
    source = _UNITS.get(code)
    target = target or _DEFAULTS.get(code, "")
    wanted = _UNITS.get(target)
    number = _number(value)
    if source is None or wanted is None or number is None or wanted.dimension != source.dimension:
        return ""
    if source.dimension == "temperature":
        result = _kelvin_to(target, _to_kelvin(code, number))
        places = _decimals(value, zeros=False)
    else:
        ratio = source.factor / wanted.factor
        result = number * ratio
        # The value's precision, finer where the unit is larger: 25.4 mm is 1.00 in.
        places = _decimals(value, zeros=True) - round(math.log10(ratio))
    if not math.isfinite(result) or abs(result) >= 1e15:
        return ""
    if precision and is_precision(precision):
        places = int(precision)
    elif result:
        places = max(places, 1 - math.floor(math.log10(abs(result))))  # two figures at least
    return f"{_formatted(result, places)}\u00a0{unit_name(target)}"


def _number(value: str) -> float | None:
    written = value.strip().replace("−", "-")
    if not written or not _NUMBER.fullmatch(written) or not any(c.isdigit() for c in written):
        return None
    number = float(written.replace(",", ""))
    return number if math.isfinite(number) else None


def _to_kelvin(code: str, value: float) -> float:
    if code == "C":
        return value + 273.15
    if code == "F":
        return (value - 32) * 5 / 9 + 273.15
    return value


def _kelvin_to(code: str, kelvin: float) -> float:
    if code == "C":
        return kelvin - 273.15
    if code == "F":
        return (kelvin - 273.15) * 9 / 5 + 32
    return kelvin


def _decimals(value: str, *, zeros: bool) -> int:
    """The decimal places a value is given to; ``zeros``: the zeros ending a whole number
    count as unknown digits (4000 is known to the thousand), as Wikipedia reads them."""
    digits = value.strip().lstrip("-−").replace(",", "")
    if "." in digits:
        return len(digits.split(".", 1)[1])
    if not zeros or not digits.strip("0"):
        return 0
    return -(len(digits) - len(digits.rstrip("0")))


def _formatted(result: float, places: int) -> str:
    rounded = round(result, places)
    text = f"{rounded:,.{places}f}" if places > 0 else f"{round(rounded):,}"
    return text.replace("-", "−")  # a minus sign, as Wikipedia writes it
