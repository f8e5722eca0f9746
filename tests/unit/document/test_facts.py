"""Infobox values as facts: dates to their precision, places, details, links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cyclopedia.document import Infobox, InfoboxField
from cyclopedia.document.dates import Precision, parse_bound, parse_date
from cyclopedia.document.facts import fact_candidates, fact_key, infobox_facts
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.text.reader import TextPageReader
from tests.conftest import SEED


@pytest.mark.parametrize(
    ("text", "value", "precision", "approximate"),
    [
        ("1974", dt.date(1974, 1, 1), Precision.YEAR, False),
        ("c. 1974", dt.date(1974, 1, 1), Precision.YEAR, True),
        ("circa 1974", dt.date(1974, 1, 1), Precision.YEAR, True),
        ("2010-01", dt.date(2010, 1, 1), Precision.MONTH, False),
        ("March 2007", dt.date(2007, 3, 1), Precision.MONTH, False),
        ("2007-03-20", dt.date(2007, 3, 20), Precision.DAY, False),
        ("20 March 2007", dt.date(2007, 3, 20), Precision.DAY, False),
        ("March 20, 2007", dt.date(2007, 3, 20), Precision.DAY, False),
        ("Sept. 3, 1999", dt.date(1999, 9, 3), Precision.DAY, False),
        ("(1974-05-12) 12 May 1974 (age 49)", dt.date(1974, 5, 12), Precision.DAY, False),
    ],
)
def test_dates_keep_their_precision(
    text: str, value: dt.date, precision: Precision, approximate: bool
) -> None:
    found = parse_date(text)
    assert found is not None
    assert (found.value, found.precision, found.approximate) == (value, precision, approximate)


@pytest.mark.parametrize(
    "text", ["Iraqi", "1,234,567", "10 Downing Street", "2007-02-30", "Route 1974 north", ""]
)
def test_text_that_is_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_bounds_cover_their_period() -> None:
    assert parse_bound("2007") == dt.date(2007, 1, 1)
    assert parse_bound("2007", end=True) == dt.date(2007, 12, 31)
    assert parse_bound("2008-02", end=True) == dt.date(2008, 2, 29)
    assert parse_bound("2007-03-20", end=True) == dt.date(2007, 3, 20)
    assert parse_bound("soon") is None


def test_keys_fold_case_punctuation_and_synonyms() -> None:
    assert fact_key("Born") == fact_key("Date of birth") == "born"
    assert fact_key("  Alleged to be a member of: ") == "alleged to be a member of"


def seed_infobox() -> Infobox:
    (document,) = list(TextPageReader().read(Path(SEED), ReadOptions()))
    assert document.infobox is not None
    return document.infobox


def test_seed_facts() -> None:
    known = {"Mahdi Army", "Asa'ib Ahl al-Haq"}
    facts = infobox_facts(seed_infobox(), is_article=known.__contains__)
    shown = [
        (
            f.label,
            f.date.iso() if f.date else None,
            f.date.precision.value if f.date else None,
            f.place,
            f.detail,
            f.text if f.date is None else None,
            f.link,
        )
        for f in facts
    ]
    assert shown == [
        ("Born", "1974", "year", "Sadr City, Baghdad, Iraq", "", None, ""),
        ("Arrested", "2007-03-20", "day", "Basra, Iraq", "US forces", None, ""),
        ("Released", "2010-01", "month", "Baghdad, Iraq", "", None, ""),
        ("Citizenship", None, None, "", "", "Iraqi", ""),
        ("Alleged to be a member of", None, None, "", "", "Mahdi Army", "Mahdi Army"),
        (
            "Alleged to be a member of",
            None,
            None,
            "",
            "",
            "Asa'ib Ahl al-Haq",
            "Asa'ib Ahl al-Haq",
        ),
    ]
    assert {"Mahdi Army", "Asa'ib Ahl al-Haq", "Baghdad", "Sadr City"} <= fact_candidates(
        seed_infobox()
    )


def test_lists_are_split_only_when_they_name_articles() -> None:
    facts = infobox_facts(seed_infobox())
    membership = [f for f in facts if f.key == "alleged to be a member of"]
    assert [(f.text, f.link) for f in membership] == [("Mahdi Army, Asa'ib Ahl al-Haq", "")]


def test_wiki_links_name_their_targets_and_places_link() -> None:
    box = Infobox(
        (
            InfoboxField("Born", "(1974-05-12) 12 May 1974 (age 49)<br>[[London]], England"),
            InfoboxField("Died", "5 May 2000, Paris[^1]"),
            InfoboxField("Party", "[[Labour Party (UK)|Labour]]; *Independent*"),
        )
    )
    born, died, labour, independent = infobox_facts(box, is_article={"Paris"}.__contains__)
    assert (born.place, born.link, born.date and born.date.iso()) == (
        "London, England",
        "London",
        "1974-05-12",
    )
    assert (died.place, died.link) == ("Paris", "Paris")
    assert (labour.text, labour.link) == ("Labour", "Labour Party (UK)")
    assert (independent.text, independent.link) == ("Independent", "")
