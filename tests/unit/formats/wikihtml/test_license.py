"""The licence of a rendered page (POLICY §2): by date on Wikimedia wikis, else as stated, else
given, else unknown; never guessed."""

from __future__ import annotations

import datetime as dt

import pytest

from cyclopedia.document import get_license
from cyclopedia.formats.wikihtml.license import LicenseFacts, decide_license, statement_license


@pytest.mark.parametrize(
    ("statement", "spdx"),
    [
        ("CC-BY-SA-4.0", "CC-BY-SA-4.0"),
        ("cc by-sa 3.0", "CC-BY-SA-3.0"),
        ("https://creativecommons.org/licenses/by-sa/4.0/", "CC-BY-SA-4.0"),
        ("http://creativecommons.org/licenses/by-nc-sa/2.5/deed.fr", "CC-BY-NC-SA-2.5"),
        ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"),
        ("https://creativecommons.org/publicdomain/mark/1.0/", "LicenseRef-PublicDomain"),
        ("Creative Commons Attribution-ShareAlike 3.0", "CC-BY-SA-3.0"),
        ("Creative Commons Attribution-NonCommercial-NoDerivs 3.0", "CC-BY-NC-ND-3.0"),
        ("Creative Commons BY 4.0", "CC-BY-4.0"),
    ],
)
def test_statements_that_name_a_licence(statement: str, spdx: str) -> None:
    found = statement_license(statement)
    assert found is not None
    assert found.spdx == spdx


@pytest.mark.parametrize(
    "statement",
    ["", "Creative Commons - Attribution - Sharealike", "All rights reserved", "GFDL", "free"],
)
def test_statements_that_name_none(statement: str) -> None:
    assert statement_license(statement) is None


def _day(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def test_wikimedia_text_by_its_revision_date_whatever_is_stated() -> None:
    old = decide_license(
        LicenseFacts(
            wikimedia=True,
            revision_time=_day("2015-04-08"),
            statements=[("https://creativecommons.org/licenses/by-sa/4.0/", "the footer")],
        )
    )
    assert old[0].spdx == "CC-BY-SA-3.0"
    assert old[1].endswith("(the footer names 'https://creativecommons.org/licenses/by-sa/4.0/')")
    new = decide_license(LicenseFacts(wikimedia=True, revision_time=_day("2024-01-01")))
    assert new[0].spdx == "CC-BY-SA-4.0"


def test_wikimedia_text_saved_before_the_switch() -> None:
    chosen, evidence = decide_license(
        LicenseFacts(wikimedia=True, no_later_than=_day("2014-06-09"))
    )
    assert chosen.spdx == "CC-BY-SA-3.0"
    assert "saved on 2014-06-09" in evidence


def test_wikimedia_text_saved_after_the_switch_without_a_date_is_not_guessed() -> None:
    chosen, _ = decide_license(LicenseFacts(wikimedia=True, no_later_than=_day("2024-01-01")))
    assert chosen.spdx == "NOASSERTION"


def test_stated_then_given_then_unknown() -> None:
    stated = LicenseFacts(statements=[("CC-BY-4.0", "the archive's License metadata")])
    assert decide_license(stated)[0].spdx == "CC-BY-4.0"
    given = LicenseFacts(given=get_license("CC0-1.0"))
    assert decide_license(given) == (get_license("CC0-1.0"), "given by the operator (--license)")
    assert decide_license(LicenseFacts())[0].spdx == "NOASSERTION"


def test_conflicting_statements_decide_nothing() -> None:
    chosen, evidence = decide_license(
        LicenseFacts(
            statements=[("CC-BY-4.0", "the metadata"), ("CC BY-NC 4.0", "the footer")],
            given=get_license("CC0-1.0"),
        )
    )
    assert chosen.spdx == "NOASSERTION"
    assert evidence.startswith("the source names different licences")


def test_a_stated_non_commercial_licence_is_kept_for_quarantine() -> None:
    chosen, _ = decide_license(
        LicenseFacts(statements=[("https://creativecommons.org/licenses/by-nc/4.0/", "footer")])
    )
    assert chosen.spdx == "CC-BY-NC-4.0"
    assert not chosen.publishable
