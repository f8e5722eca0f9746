"""Date templates as stored text: formats, partial dates, ages between two dates, bad numbers."""

from __future__ import annotations

import pytest

from cyclopedia.formats.mediawiki.wikitext.dates import (
    format_date_template,
    humanize_iso_date,
    is_date_template,
    parse_date,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("birth date", True),
        ("Birth date and age", True),
        ("birth_date_and_age", True),
        ("  Start   date ", True),
        ("start date and age", True),
        ("end date", True),
        ("Death date and age", True),
        ("death year and age", True),
        ("birth year and age", True),
        ("dob", True),
        ("date", True),
        ("Film date", True),
        ("age", True),
        ("Birth-date", True),
        ("death-date", True),
        ("Template:Birth date", True),
        ("birth date <!-- the infobox wants this one -->", True),
        ("OldStyleDate", False),
        ("Citation", False),
        ("cite web", False),
        ("birthdate", False),
        ("", False),
    ],
)
def test_is_date_template(name: str, expected: bool) -> None:
    assert is_date_template(name) is expected


# (template name, positional, named, output): the first block is lifted from the corpus
# (/work/shared/corpus/mediawiki/wtf_wikipedia_cache: Alsea, Altimont Butler, Britt Morgan,
# Charlie Milstead, Elizabeth Gilbert, Irina Saratovtseva, Jerry Mumphrey, al-Haytham, Kristeva).
CASES = [
    ("start date and age", ["1997", "05", "16"], {"df": "yes"}, "16 May 1997"),
    ("birth date and age", ["1968", "7", "21"], {"df": "y"}, "21 July 1968"),
    ("birth date and age", ["1963", "08", "12"], {}, "August 12, 1963"),
    ("birth date and age", ["1937", "11", "21"], {}, "November 21, 1937"),
    ("Birth date and age", ["1969", "7", "18"], {"mf": "y"}, "July 18, 1969"),
    ("Birth date and age", ["1989", "7", "23"], {"df": "yes"}, "23 July 1989"),
    ("Birth date and age", ["1952", "9", "9"], {}, "September 9, 1952"),
    ("Start date", ["YYYY", "MM", "DD"], {}, None),
    ("End date", ["YYYY", "MM", "DD"], {}, None),
    ("start date", ["2015", "03", "05"], {}, "March 5, 2015"),
    ("birth-date", ["0965", "c. 965"], {}, "c. 965"),
    ("death-date", ["1040", "c. 1040"], {}, "c. 1040"),
    ("birth date and age", ["1941", "6", "24"], {"df": "y"}, "24 June 1941"),
    ("Start date and age", ["1883"], {"df": "yes"}, "1883"),
    # formats: month-day-year by default (as on Wikipedia), day-month-year with df=y
    ("birth date", ["1974", "5", "5"], {}, "May 5, 1974"),
    ("birth date", ["1974", "5", "5"], {"mf": "yes"}, "May 5, 1974"),
    ("birth date", ["1974", "5", "5"], {"mf": "1"}, "May 5, 1974"),
    ("birth date", ["1974", "5", "5"], {"mf": "y", "df": "y"}, "5 May 1974"),
    ("birth date", ["1974", "5", "5"], {"mf": "no"}, "May 5, 1974"),
    ("dob", ["1974", "5", "5"], {}, "May 5, 1974"),
    ("death date", [" 2001 ", " 12 ", " 31 "], {}, "December 31, 2001"),
    # partial dates
    ("birth date", ["1974"], {}, "1974"),
    ("birth date", ["1974", "5"], {}, "May 1974"),
    ("birth date", ["1974", "5", ""], {"mf": "y"}, "May 1974"),
    ("birth year and age", ["1950"], {}, "1950"),
    ("birth year and age", ["1950", "5"], {}, "May 1950"),
    # invalid numbers
    ("birth date", ["1974", "13", "1"], {}, None),
    ("birth date", ["1974", "0", "1"], {}, None),
    ("birth date", ["1974", "5", "32"], {}, None),
    ("birth date", ["1974", "4", "31"], {}, None),
    ("birth date", ["2001", "2", "29"], {}, None),
    ("birth date", ["2000", "2", "29"], {}, "February 29, 2000"),
    ("birth date", ["1900", "2", "29"], {}, None),
    ("birth date", ["19a4", "5", "5"], {}, None),
    ("birth date", ["0"], {}, None),
    ("birth date", ["10000", "1", "1"], {}, None),
    ("birth date", ["99999999999999999999999", "1", "1"], {}, None),
    ("birth date", ["1974", "99999999999999999999", "1"], {}, None),
    ("birth date", ["1974", "5", "-1"], {}, None),
    ("birth date", ["١٩٧٤", "5", "5"], {}, None),
    ("birth date", ["1974", "", "5"], {}, None),
    ("birth date", [], {}, None),
    ("birth date", ["", "", ""], {}, None),
    # start/end dates with a time and a zone
    ("start date", ["1993", "02", "24", "08", "30"], {"df": "y"}, "08:30, 24 February 1993"),
    (
        "start date",
        ["1993", "2", "24", "8", "30", "15", "Z"],
        {},
        "08:30:15, February 24, 1993 (UTC)",
    ),
    (
        "end date",
        ["1993", "2", "24", "20", "5", "", "+01:00"],
        {},
        "20:05, February 24, 1993 (UTC+01:00)",
    ),
    ("start date", ["1993", "2", "24", "25", "00"], {}, None),
    ("start date", ["1993", "2", "", "8", "00"], {}, None),
    ("start date and age", ["2010", "1", "1"], {"mf": "y"}, "January 1, 2010"),
    ("end date and age", ["2010", "1"], {}, "January 2010"),
    # ages between two given dates are fixed, so they are shown
    ("death date and age", ["2010", "1", "1", "1950", "6", "15"], {}, "January 1, 2010 (aged 59)"),
    ("death date and age", ["2010", "6", "14", "1950", "6", "15"], {}, "June 14, 2010 (aged 59)"),
    ("death date and age", ["2010", "6", "15", "1950", "6", "15"], {}, "June 15, 2010 (aged 60)"),
    (
        "death date and age",
        ["2008", "2", "28", "1948", "2", "29"],
        {},
        "February 28, 2008 (aged 59)",
    ),
    (
        "death date and age",
        ["2008", "2", "29", "1948", "2", "29"],
        {},
        "February 29, 2008 (aged 60)",
    ),
    (
        "death date and age",
        ["1993", "2", "24", "1921", "4", "12"],
        {"df": "yes"},
        "24 February 1993 (aged 71)",
    ),
    (
        "death date and age",
        ["1993", "2", "24", "1921", "4", "12"],
        {"mf": "yes"},
        "February 24, 1993 (aged 71)",
    ),
    ("death date and age", ["1993", "2", "24", "1921", "4"], {}, "February 24, 1993 (aged 71)"),
    ("death date and age", ["1993", "2", "24", "1921"], {}, "February 24, 1993 (aged 71–72)"),
    ("death date and age", ["1993", "2", "24", "1921", "2"], {}, "February 24, 1993 (aged 71–72)"),
    ("dda", ["2010", "1", "1", "1950", "6", "15"], {}, "January 1, 2010 (aged 59)"),
    ("death date and age", ["1950", "1", "1", "2010", "6", "15"], {}, None),
    ("death date and age", ["2010", "1", "1"], {}, None),
    ("death date and age", ["2010", "13", "1", "1950", "6", "15"], {}, None),
    ("death year and age", ["2010", "1950"], {}, "2010 (aged 59–60)"),
    ("death year and age", ["2010", "1950", "8"], {}, "August 2010 (aged 59–60)"),
    ("death date and given age", ["1846", "1", "4", "25"], {}, "January 4, 1846 (aged 25)"),
    ("death date and given age", ["1846", "1", "4", "old"], {}, None),
    ("death-date and age", ["24 February 1993", "12 April 1941"], {}, "24 February 1993 (aged 51)"),
    (
        "death-date and age",
        ["February 24, 1993", "April 12, 1941"],
        {},
        "February 24, 1993 (aged 51)",
    ),
    ("death-date and age", ["1993", "1941"], {}, "1993 (aged 51–52)"),
    ("death-date and age", ["sometime", "1941"], {}, None),
    ("birth-date and age", ["15 June 1950"], {}, "15 June 1950"),
    ("birth-date and age", ["no date"], {}, None),
    ("birth-date", ["5 May 1974"], {}, "5 May 1974"),
    ("birth-date", [], {}, None),
    # {{age}} with one date depends on today: nothing is stored
    ("age", ["1950", "5", "5"], {}, None),
    ("age", ["1950"], {}, None),
    ("age", ["1950", "5", "5", "2010", "5", "4"], {}, "59"),
    ("age", ["1950", "5", "5", "2010", "5", "5"], {}, "60"),
    ("age", ["2010", "5", "5", "1950", "5", "5"], {}, None),
    # {{date}} and {{film date}}
    ("date", ["2006-01-15"], {}, "15 January 2006"),
    ("date", ["2006-01-15", "mdy"], {}, "January 15, 2006"),
    ("date", ["15 January 2006", "iso"], {}, "2006-01-15"),
    ("date", ["January 2006"], {}, "January 2006"),
    ("date", ["next Tuesday"], {}, None),
    (
        "film date",
        ["2008", "4", "9", "Cannes", "2008", "5", "1", "Greece"],
        {},
        "April 9, 2008 (Cannes)",
    ),
    ("film date", ["2008", "4", "9"], {"mf": "y"}, "April 9, 2008"),
    ("film date", ["2008"], {}, "2008"),
    ("film date", ["soon"], {}, None),
    ("OldStyleDate", ["1 March 1700"], {}, None),
]


@pytest.mark.parametrize(("name", "positional", "named", "expected"), CASES)
def test_format_date_template(
    name: str, positional: list[str], named: dict[str, str], expected: str | None
) -> None:
    assert format_date_template(name, positional, named) == expected


def test_the_age_that_depends_on_today_is_never_shown() -> None:
    # "and age" variants are stored with the revision: "(age 50)" would be wrong next year.
    for name in ("birth date and age", "birth year and age", "start date and age"):
        text = format_date_template(name, ["1974", "5", "5"], {})
        assert text is not None
        assert "age" not in text
        assert "(" not in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2004-05-05", (2004, 5, 5)),
        ("2004-5-5", (2004, 5, 5)),
        ("2004-05", (2004, 5, None)),
        ("5 May 2004", (2004, 5, 5)),
        ("5 Sept. 2004", (2004, 9, 5)),
        ("May 5, 2004", (2004, 5, 5)),
        ("Dec 25 1990", (1990, 12, 25)),
        ("May 2004", (2004, 5, None)),
        ("2004", (2004, None, None)),
        ("5\u00a0May\u00a02004", (2004, 5, 5)),
        ("31 February 2004", None),
        ("5 Mai 2004", None),
        ("5 5 2004", None),
        ("", None),
        ("c. 2004", None),
    ],
)
def test_parse_date(text: str, expected: tuple[int, int | None, int | None] | None) -> None:
    date = parse_date(text)
    assert (None if date is None else (date.year, date.month, date.day)) == expected


@pytest.mark.parametrize(
    ("text", "mdy", "expected"),
    [
        ("2004-05-05", False, "5 May 2004"),
        ("2004-05-05", True, "May 5, 2004"),
        (" 2010-12-31 ", False, "31 December 2010"),
        ("2004-05", False, "2004-05"),
        ("2004-13-05", False, "2004-13-05"),
        ("5 May 2004", False, "5 May 2004"),
        ("May 2004", False, "May 2004"),
        ("n.d.", False, "n.d."),
    ],
)
def test_humanize_iso_date(text: str, mdy: bool, expected: str) -> None:
    assert humanize_iso_date(text, mdy=mdy) == expected
