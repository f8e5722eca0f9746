"""Dates as infoboxes write them, with the precision they are written to.

"1974" is a year, "2010-01" and "March 2007" are months, "2007-03-20", "20 March 2007" and
"March 20, 2007" are days; "c. 1974" is an approximate year. A date is stored as the first day
of its period with its precision, so that a range query ("from 2007 to 2007") finds every date
that falls in it whatever its precision.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from dataclasses import dataclass


class Precision(enum.StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, slots=True)
class FactDate:
    value: dt.date  # the first day of the period
    precision: Precision
    approximate: bool = False
    text: str = ""  # the words the date was read from

    @property
    def end(self) -> dt.date:
        """The last day of the period."""
        if self.precision is Precision.DAY:
            return self.value
        if self.precision is Precision.MONTH:
            last = calendar.monthrange(self.value.year, self.value.month)[1]
            return self.value.replace(day=last)
        return self.value.replace(month=12, day=31)

    def iso(self) -> str:
        """ISO 8601 to its precision: 1974, 2010-01, 2007-03-20 (as schema.org takes dates)."""
        if self.precision is Precision.YEAR:
            return f"{self.value.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_CIRCA = r"(?P<circa>(?:c|ca|circa|approx)\.?\s*)?"
_YEAR = r"(?P<year>\d{3,4})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"

# In order of preference: the most precise form found anywhere in the text wins.
_PATTERNS: tuple[tuple[re.Pattern[str], Precision], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), precision)
    for pattern, precision in (
        (rf"(?<![\d-]){_CIRCA}{_YEAR}-(?P<month>\d{{1,2}})-{_DAY}(?![\d-])", Precision.DAY),
        (rf"(?<!\w){_CIRCA}{_DAY}\s+{_MONTH},?\s+{_YEAR}(?!\d)", Precision.DAY),
        (rf"(?<!\w){_CIRCA}{_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", Precision.DAY),
        (rf"(?<![\d-]){_CIRCA}{_YEAR}-(?P<month>\d{{1,2}})(?![\d-])", Precision.MONTH),
        (rf"(?<!\w){_CIRCA}{_MONTH},?\s+{_YEAR}(?!\d)", Precision.MONTH),
    )
)
# A year alone: the whole text (bar a circa mark, an era and a parenthesised remark), so that
# numbers in other text (populations, street numbers) are never taken for years.
_YEAR_ONLY = re.compile(rf"^\s*{_CIRCA}{_YEAR}\s*(?:AD|CE)?\s*(?:\([^()]*\))?\s*$", re.IGNORECASE)


def _month_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _MONTHS.get(text.lower().rstrip("."))


def _build(match: re.Match[str], precision: Precision) -> FactDate | None:
    groups = match.groupdict()
    year = int(groups["year"])
    month = _month_number(groups["month"]) if groups.get("month") else 1
    day = int(groups["day"]) if groups.get("day") else 1
    if month is None or year < 1:
        return None
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None  # "2007-02-30": not a date
    return FactDate(
        value=value,
        precision=precision,
        approximate=bool(groups.get("circa")),
        text=match.group(0).strip(),
    )


def parse_date(text: str) -> FactDate | None:
    """The date a piece of infobox text states, to its precision, or None."""
    for pattern, precision in _PATTERNS:
        for match in pattern.finditer(text):
            found = _build(match, precision)
            if found is not None:
                return found
    year = _YEAR_ONLY.match(text)
    return _build(year, Precision.YEAR) if year else None


def parse_bound(text: str, *, end: bool = False) -> dt.date | None:
    """A query bound ("2007", "2007-03", "20 March 2007"): the first day of its period, or the
    last with ``end``; None when it is not a date."""
    found = parse_date(text)
    if found is None:
        return None
    return found.end if end else found.value


def without_dates(text: str) -> str:
    """Text with every date it states taken out (what else a dated line says)."""
    for pattern, _precision in _PATTERNS:
        text = pattern.sub(" ", text)
    text = re.sub(r"\(\s*\)", " ", text)
    return " ".join(text.split())
