"""Date templates ({{birth date}}, {{start date}}, {{death date and age}}...) as inline text.

The converter calls :func:`is_date_template` on every template name and, for the ones it claims,
:func:`format_date_template` with the positional and named parameters (already converted to inline
Cyclopedia Markdown). The result is month-day-year ("May 5, 1974") unless the template asks for
day-month-year (``df=y``), as Wikipedia's templates do; a template whose numbers are not a real
date gives ``None``, and the converter then drops it and counts it.

The result is stored with the revision, not computed when the page is viewed. So templates whose
output depends on today's date lose that part: ``{{birth date and age}}``, ``{{birth year and
age}}`` and ``{{start date and age}}`` render the date without "(age 50)", and ``{{age}}`` with one
date renders nothing. Ages between two given dates (``{{death date and age}}``) are fixed and shown.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS.update({name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)})
_MONTH_NUMBERS["sept"] = 9

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_YES = frozenset({"y", "yes", "1", "true", "on"})

# ASCII digits only: "١٩٧٤" or "１９７４" in a date template is a typo, not a year.
_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$", re.ASCII)
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{1,4})$", re.ASCII)
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{1,4})$", re.ASCII)
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{1,4})$", re.ASCII)
_YEAR = re.compile(r"^\d{1,4}$", re.ASCII)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date that may lack its day, or its month and day."""

    year: int
    month: int | None = None
    day: int | None = None

    def render(self, *, mdy: bool = False) -> str:
        if self.month is None:
            return str(self.year)
        month = MONTHS[self.month - 1]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{month} {self.day}, {self.year}" if mdy else f"{self.day} {month} {self.year}"

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])


@functools.lru_cache(maxsize=4096)
def normalize_template_name(name: str) -> str:
    """A template name as written ("Birth_date_and age <!-- x -->") in one spelling. Cached:
    a page names the same few templates again and again."""
    name = _COMMENT.sub("", name).replace("_", " ")
    name = " ".join(name.split()).lower()
    return name.removeprefix("template:").strip()


def make_date(year: str, month: str = "", day: str = "") -> PartialDate | None:
    """A date from the numeric parameters of a date template, or None if they are not a date."""
    year, month, day = year.strip(), month.strip(), day.strip()
    if not _YEAR.match(year) or not 1 <= int(year) <= 9999:
        return None
    if not month:
        return None if day else PartialDate(int(year))
    number = _month_number(month)
    if number is None:
        return None
    if not day:
        return PartialDate(int(year), number)
    if not day.isascii() or not day.isdigit() or len(day) > 2:
        return None
    if not 1 <= int(day) <= calendar.monthrange(int(year), number)[1]:
        return None
    return PartialDate(int(year), number, int(day))


def parse_date(text: str) -> PartialDate | None:
    """A written-out date: "2004-05-05", "2004-05", "5 May 2004", "May 5, 2004", "May 2004"..."""
    text = " ".join(text.replace("\u00a0", " ").split()).rstrip(".")
    if match := _ISO.match(text):
        return make_date(match.group(1), match.group(2), match.group(3) or "")
    if match := _DAY_MONTH_YEAR.match(text):
        return _named(match.group(3), match.group(2), match.group(1))
    if match := _MONTH_DAY_YEAR.match(text):
        return _named(match.group(3), match.group(1), match.group(2))
    if match := _MONTH_YEAR.match(text):
        return _named(match.group(2), match.group(1), "")
    if _YEAR.match(text):
        return make_date(text)
    return None


def humanize_iso_date(text: str, *, mdy: bool = False) -> str:
    """An ISO date ("2004-05-05") written out ("5 May 2004"); any other text unchanged."""
    stripped = text.strip()
    match = _ISO.match(stripped)
    if match and match.group(3):
        date = make_date(match.group(1), match.group(2), match.group(3))
        if date is not None:
            return date.render(mdy=mdy)
    return text


def age_between(birth: PartialDate, death: PartialDate) -> str | None:
    """The age at death: "59", or "58–59" when partial dates leave it open; None if negative."""
    youngest = _years_between(birth.latest(), death.earliest())
    oldest = _years_between(birth.earliest(), death.latest())
    if youngest < 0:
        return None
    return str(youngest) if youngest == oldest else f"{youngest}–{oldest}"


def is_date_template(name: str) -> bool:
    return normalize_template_name(name) in _HANDLERS


def format_date_template(
    name: str, positional: Sequence[str], params: Mapping[str, str]
) -> str | None:
    """The template as inline text, or None when it is not a valid date (or depends on today)."""
    handler = _HANDLERS.get(normalize_template_name(name))
    if handler is None:
        return None
    args = [value.strip() for value in positional]
    named = {key.strip().lower(): value.strip() for key, value in params.items()}
    # As on Wikipedia: month first ("May 5, 1974") unless the template asks for day first (df=y).
    mdy = named.get("df", "").lower() not in _YES
    return handler(_Args(args, named, mdy))


@dataclass(frozen=True, slots=True)
class _Args:
    positional: list[str]
    named: dict[str, str]
    mdy: bool

    def get(self, index: int) -> str:
        return self.positional[index] if index < len(self.positional) else ""

    def date(self, start: int) -> PartialDate | None:
        return make_date(self.get(start), self.get(start + 1), self.get(start + 2))


def _month_number(text: str) -> int | None:
    if text.isascii() and text.isdigit():
        return int(text) if len(text) <= 2 and 1 <= int(text) <= 12 else None
    return _MONTH_NUMBERS.get(text.lower().rstrip("."))


def _named(year: str, month: str, day: str) -> PartialDate | None:
    number = _MONTH_NUMBERS.get(month.lower().rstrip("."))  # a name: "5 5 2004" is no date
    return make_date(year, str(number), day) if number else None


def _years_between(start: dt.date, end: dt.date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _single_date(args: _Args) -> str | None:
    """{{birth date|1974|5|5}}, {{death date}}, {{birth date and age}} (age dropped)."""
    date = args.date(0)
    return date.render(mdy=args.mdy) if date else None


def _start_date(args: _Args) -> str | None:
    """{{start date|year|month|day|hour|minute|second|zone}}; "and age" variants drop the age."""
    date = args.date(0)
    if date is None:
        return None
    text = date.render(mdy=args.mdy)
    hour, minute, second = args.get(3), args.get(4), args.get(5)
    if not hour:
        return text
    if date.day is None or not _in_range(hour, 23) or not _in_range(minute or "0", 59):
        return None
    if second and not _in_range(second, 59):
        return None
    clock = f"{int(hour):02d}:{int(minute or 0):02d}" + (f":{int(second):02d}" if second else "")
    zone = args.get(6)
    if zone:
        zone = "UTC" if zone.upper() in {"Z", "UTC"} else f"UTC{zone}" if zone[0] in "+-" else zone
        return f"{clock}, {text} ({zone})"
    return f"{clock}, {text}"


def _in_range(text: str, top: int) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 2 and int(text) <= top


def _year_and_month(args: _Args) -> str | None:
    """{{birth year and age|1950|5}}: the year (and month), without the age."""
    date = make_date(args.get(0), args.get(1))
    return date.render(mdy=args.mdy) if date else None


def _death_date_and_age(args: _Args) -> str | None:
    """{{death date and age|2010|1|1|1950|6|15}} -> "1 January 2010 (aged 59)"."""
    death, birth = args.date(0), args.date(3)
    if death is None or birth is None:
        return None
    age = age_between(birth, death)
    return f"{death.render(mdy=args.mdy)} (aged {age})" if age is not None else None


def _death_year_and_age(args: _Args) -> str | None:
    """{{death year and age|2010|1950|8}}: death year (and month), then the possible ages."""
    death, birth = make_date(args.get(0), args.get(2)), make_date(args.get(1))
    if death is None or birth is None:
        return None
    age = age_between(birth, death)
    return f"{death.render(mdy=args.mdy)} (aged {age})" if age is not None else None


def _death_date_and_given_age(args: _Args) -> str | None:
    """{{death date and given age|1846|1|4|25}} -> "4 January 1846 (aged 25)"."""
    date, age = args.date(0), args.get(3)
    if date is None or not (age.isascii() and age.isdigit() and len(age) <= 3):
        return None
    return f"{date.render(mdy=args.mdy)} (aged {int(age)})"


def _text_date(args: _Args) -> str | None:
    """{{birth-date|1974-05-05|5 May 1974}}: the display text (the last given parameter)."""
    given = [value for value in args.positional[:2] if value]
    return given[-1] if given else None


def _text_death_date_and_age(args: _Args) -> str | None:
    """{{death-date and age|24 February 1993|12 April 1941}} -> "24 February 1993 (aged 51)"."""
    death, birth = parse_date(args.get(0)), parse_date(args.get(1))
    if death is None or birth is None:
        return None
    age = age_between(birth, death)
    shown = args.get(2) or args.get(0)
    return f"{shown} (aged {age})" if age is not None else None


def _text_birth_date_and_age(args: _Args) -> str | None:
    """{{birth-date and age|15 June 1950}}: the date as written, without the age."""
    if parse_date(args.get(0)) is None:
        return None
    return args.get(1) or args.get(0)


def _date(args: _Args) -> str | None:
    """{{date|2006-01-15|mdy}}: a written-out date in the asked format (dmy by default)."""
    date = parse_date(args.get(0))
    if date is None:
        return None
    form = args.get(1).lower()
    if form in {"iso", "ymd"} and date.day is not None and date.month is not None:
        return f"{date.year:04d}-{date.month:02d}-{date.day:02d}"
    return date.render(mdy=form == "mdy")  # {{date}} alone is day first, unlike the others


def _film_date(args: _Args) -> str | None:
    """{{film date|2008|4|9|Cannes|2008|5|1|...}}: the first release only, with its place."""
    date = args.date(0)
    if date is None:
        return None
    place = args.get(3)
    text = date.render(mdy=args.mdy)
    return f"{text} ({place})" if place else text


def _sortable_date(args: _Args) -> str | None:
    """{{dts|2001|10|17}}, {{dts|2001-10-17}}, {{dts||10|17}} (no year): the date shown in a
    sortable table; month names are accepted, "format=mdy" asks for month first."""
    first = args.get(0)
    mdy = args.mdy or args.named.get("format", "").lower() == "mdy"
    if first and not first.isdigit():
        date = parse_date(first)
        return date.render(mdy=mdy) if date else None
    month_number = _month_number(args.get(1)) if args.get(1) else None
    day = args.get(2)
    if not first:  # a day of the year, without a year
        if month_number is None:
            return None
        month = MONTHS[month_number - 1]
        if not day:
            return month
        if not (day.isdigit() and 1 <= int(day) <= 31):
            return None
        return f"{month} {int(day)}" if mdy else f"{int(day)} {month}"
    date = make_date(first, str(month_number) if month_number else "", day)
    return date.render(mdy=mdy) if date else None


def _format_date(args: _Args) -> str | None:
    """{{FormatDate|2002-09-23}}: the ISO date written out."""
    date = parse_date(args.get(0))
    return date.render(mdy=args.mdy) if date else None


def _age(args: _Args) -> str | None:
    """{{age|1950|5|5}} depends on today: None. {{age|1950|5|5|2010|1|1}} is fixed: "59"."""
    if len([value for value in args.positional if value]) < 6:
        return None
    start, end = args.date(0), args.date(3)
    if start is None or end is None or start.day is None or end.day is None:
        return None
    years = _years_between(start.earliest(), end.earliest())
    return str(years) if years >= 0 else None


_HANDLERS: dict[str, Callable[[_Args], str | None]] = {
    "birth date": _single_date,
    "birth date and age": _single_date,
    "bda": _single_date,
    "dob": _single_date,
    "death date": _single_date,
    "start date": _start_date,
    "end date": _start_date,
    "start date and age": _start_date,
    "end date and age": _start_date,
    "birth year and age": _year_and_month,
    "death date and age": _death_date_and_age,
    "dda": _death_date_and_age,
    "death year and age": _death_year_and_age,
    "death date and given age": _death_date_and_given_age,
    "birth-date": _text_date,
    "death-date": _text_date,
    "birth-date and age": _text_birth_date_and_age,
    "death-date and age": _text_death_date_and_age,
    "date": _date,
    "film date": _film_date,
    "dts": _sortable_date,
    "date table sorting": _sortable_date,
    "formatdate": _format_date,
    "age": _age,
    "age in years": _age,
}
