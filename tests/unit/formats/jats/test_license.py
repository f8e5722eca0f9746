"""Licence determination (POLICY.md §2): ali:license_ref, then license/@xlink:href, then a
licence sentence (heuristic: held for an editor); conflicts and silence are unknown (quarantine);
objects keep their own permissions as upstream notices."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cyclopedia.document import LicenseStatus, get_license
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.jats.permissions import license_from_url, license_from_words
from tests.unit.formats.jats.conftest import (
    CORPUS,
    DATA,
    article_xml,
    needs_corpus,
    read_one,
    read_xml,
)

ALI = 'xmlns:ali="http://www.niso.org/schemas/ali/1.0/"'


def _permissions(*licenses: str, statement: str = "") -> str:
    copyright_statement = (
        f"<copyright-statement>{statement}</copyright-statement>" if statement else ""
    )
    return f"<permissions>{copyright_statement}{''.join(licenses)}</permissions>"


def _ref(url: str, start: str | None = None, use: str | None = None) -> str:
    attributes = (f' start_date="{start}"' if start else "") + (
        f' specific-use="{use}"' if use else ""
    )
    return f"<ali:license_ref{attributes}>{url}</ali:license_ref>"


BY4 = "http://creativecommons.org/licenses/by/4.0/"
BY_NC4 = "https://creativecommons.org/licenses/by-nc/4.0/"
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"


def _read(tmp_path: Path, permissions: str, year: int = 2015):  # type: ignore[no-untyped-def]
    return read_xml(tmp_path, article_xml(permissions=permissions, year=year))


def test_ali_license_ref_comes_first(tmp_path: Path) -> None:
    document = _read(
        tmp_path, _permissions(f"<license>{_ref(BY4)}<license-p>Free.</license-p></license>")
    )
    assert document.license == get_license("CC-BY-4.0")
    assert document.license.publishable
    assert document.license_evidence == f"ali:license_ref: {BY4}"


def test_the_latest_license_ref_already_started_wins(tmp_path: Path) -> None:
    refs = _ref(BY_NC4, "2010-01-01") + _ref(BY4, "2020-06-01") + _ref(CC0, "2030-01-01")
    document = _read(tmp_path, _permissions(f"<license>{refs}</license>"))
    assert document.license.spdx == "CC-BY-4.0"  # CC0 starts after TODAY (2026-01-01)
    assert "start_date 2020-06-01" in document.license_evidence


def test_an_embargoed_open_licence_is_not_yet_the_licence(tmp_path: Path) -> None:
    refs = _ref(BY_NC4, "2015-01-01") + _ref(BY4, "2099-01-01")
    document = _read(tmp_path, _permissions(f"<license>{refs}</license>"))
    assert document.license.spdx == "CC-BY-NC-4.0"
    assert document.license.status is LicenseStatus.REFUSE


def test_text_mining_licences_are_left_aside(tmp_path: Path) -> None:
    refs = _ref("https://www.elsevier.com/tdm/userlicense/1.0/", use="textmining") + _ref(BY4)
    document = _read(tmp_path, _permissions(f"<license>{refs}</license>"))
    assert document.license.spdx == "CC-BY-4.0"


def test_license_href_comes_next(tmp_path: Path) -> None:
    document = _read(
        tmp_path, _permissions(f'<license xlink:href="{CC0}"><license-p>x</license-p></license>')
    )
    assert document.license.spdx == "CC0-1.0"
    assert document.license.publishable
    assert document.license_evidence == f"license/@xlink:href: {CC0}"


@pytest.mark.parametrize(
    ("licenses", "named"),
    [
        ([f'<license xlink:href="{BY4}"/>', f'<license xlink:href="{BY_NC4}"/>'], "CC BY-NC 4.0"),
        ([f'<license xlink:href="{BY_NC4}">{_ref(BY4)}</license>'], "CC BY-NC 4.0"),
        (
            [
                f'<license xlink:href="{BY4}"><license-p>Distributed under the Creative Commons '
                "Attribution-NonCommercial License.</license-p></license>"
            ],
            "CC BY-NC",
        ),
    ],
    ids=["two-hrefs", "ali-against-href", "href-against-sentence"],
)
def test_conflicting_licences_are_unknown(tmp_path: Path, licenses: list[str], named: str) -> None:
    document = _read(tmp_path, _permissions(*licenses))
    assert document.license.spdx == "NOASSERTION"
    assert not document.license.publishable
    assert named in document.license.reason
    assert "confirm" in document.license.reason


def test_an_unknown_licence_url_is_unknown(tmp_path: Path) -> None:
    url = "https://publisher.example/terms"
    document = _read(
        tmp_path,
        _permissions(f'<license xlink:href="{url}"><license-p>Ours.</license-p></license>'),
    )
    assert document.license.spdx == "NOASSERTION"
    assert url in document.license.reason


@pytest.mark.parametrize(
    ("sentence", "year", "spdx"),
    [
        (
            "distributed under the Creative Commons Attribution 4.0 International License",
            2015,
            "CC-BY-4.0",
        ),
        (
            "distributed under the terms of the Creative Commons Attribution License",
            2007,
            "CC-BY-3.0",
        ),
        (
            "distributed under the terms of the Creative Commons Attribution License",
            2005,
            "CC-BY-2.0",
        ),
        ("under a CC BY-SA 4.0 licence", 2019, "CC-BY-SA-4.0"),
        ("made available under the Creative Commons CC0 public domain dedication", 2013, "CC0-1.0"),
        ("under the Creative Commons Public Domain Declaration", 2005, "LicenseRef-PublicDomain"),
    ],
)
def test_a_licence_sentence_is_heuristic(
    tmp_path: Path, sentence: str, year: int, spdx: str
) -> None:
    permissions = _permissions(
        f"<license><license-p>This article is {sentence}.</license-p></license>"
    )
    document = _read(tmp_path, permissions, year=year)
    assert document.license.spdx == spdx
    assert document.license.status is LicenseStatus.CONFIRM  # held: an editor confirms it
    assert not document.license.publishable
    assert "recognised in a sentence of license-p" in document.license.reason
    assert document.license_evidence.startswith("license-p: “This article is")


def test_a_licence_link_inside_the_sentence_is_heuristic_too(tmp_path: Path) -> None:
    sentence = (
        '<license><license-p>Distributed under the <ext-link xlink:href="http://creativecommons.org/'
        'licenses/by/4.0/">Creative Commons Attribution License</ext-link>.</license-p></license>'
    )
    document = _read(tmp_path, _permissions(sentence))
    assert document.license.spdx == "CC-BY-4.0"
    assert not document.license.publishable
    assert "its link: http://creativecommons.org/licenses/by/4.0/" in document.license_evidence


def test_a_refused_licence_stays_refused_when_read_from_a_sentence(tmp_path: Path) -> None:
    permissions = _permissions(
        "<license><license-p>Creative Commons Attribution-NonCommercial-NoDerivs 3.0."
        "</license-p></license>"
    )
    document = _read(tmp_path, permissions)
    assert document.license.spdx == "CC-BY-NC-ND-3.0"
    assert document.license.status is LicenseStatus.REFUSE


def test_an_unrecognised_statement_is_unknown_and_kept_as_a_notice(tmp_path: Path) -> None:
    words = "This notice should be preserved along with the article's original URL."
    document = _read(tmp_path, _permissions(f"<license><license-p>{words}</license-p></license>"))
    assert document.license.spdx == "NOASSERTION"
    assert words in document.attribution.upstream_notices
    assert "names no licence Cyclopedia recognises" in document.license.reason


def test_no_licence_at_all_is_unknown_unless_the_operator_gives_one(tmp_path: Path) -> None:
    xml = article_xml(permissions="")
    document = read_xml(tmp_path, xml)
    assert document.license.spdx == "NOASSERTION"
    assert "states no licence" in document.license.reason
    path = tmp_path / "article.xml"
    given = read_one(path, ReadOptions(license=get_license("CC-BY-SA-4.0")))
    assert given.license.spdx == "CC-BY-SA-4.0"
    assert "operator" in given.license_evidence


def test_the_operator_licence_does_not_override_the_article(tmp_path: Path) -> None:
    path = tmp_path / "article.xml"
    path.write_text(article_xml(permissions=_permissions(f'<license xlink:href="{BY_NC4}"/>')))
    document = read_one(path, ReadOptions(license=get_license("CC-BY-4.0")))
    assert document.license.spdx == "CC-BY-NC-4.0"


def test_copyright_notice_from_statement_or_year_and_holder(tmp_path: Path) -> None:
    document = _read(
        tmp_path,
        f"<permissions><copyright-statement>© 2015, Tester et al</copyright-statement>"
        f'<license xlink:href="{BY4}"/></permissions>',
    )
    assert document.attribution.copyright_notice == "© 2015, Tester et al"
    document = _read(
        tmp_path,
        "<permissions><copyright-year>2004</copyright-year><copyright-holder>Zon et al"
        f'</copyright-holder><license xlink:href="{BY4}"/></permissions>',
    )
    assert document.attribution.copyright_notice == "© 2004 Zon et al"


def test_a_cc_by_nc_article_is_quarantined_with_its_reason() -> None:
    """A copy of eLife's editorial 00270 whose licence was changed to CC BY-NC 3.0 (the corpus
    has no NC article): refused, with the reason the quarantine shows."""
    document = read_one(DATA / "elife00270-cc-by-nc.xml")
    assert document.license == get_license("CC-BY-NC-3.0")
    assert document.license.status is LicenseStatus.REFUSE
    assert not document.license.publishable
    assert "non-commercial" in document.license.reason
    assert document.license_evidence == (
        "license/@xlink:href: http://creativecommons.org/licenses/by-nc/3.0/"
    )


@needs_corpus
def test_object_permissions_become_upstream_notices() -> None:
    document = read_one(CORPUS / "elife_tools" / "elife-kitchen-sink.xml")
    notices = document.attribution.upstream_notices
    assert any(
        notice.startswith("Figure 2: © 1977 Thieme Medical Publishers. All Rights Reserved.")
        and "reproduced from Hughes and Sperandio, 2008 with permission" in notice
        for notice in notices
    ), notices
    assert any("© 2007 Elsevier Masson SAS" in notice for notice in notices)
    assert document.license.spdx == "CC-BY-4.0"  # the article's own licence is unaffected


@pytest.mark.parametrize(
    ("url", "spdx"),
    [
        ("http://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0"),
        ("https://creativecommons.org/licenses/by-nc-sa/3.0/legalcode", "CC-BY-NC-SA-3.0"),
        ("http://creativecommons.org/licenses/by/3.0/us/", "CC-BY-3.0"),
        ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"),
        ("https://creativecommons.org/publicdomain/mark/1.0/", "LicenseRef-PublicDomain"),
    ],
)
def test_licence_urls(url: str, spdx: str) -> None:
    found = license_from_url(url)
    assert found is not None
    assert found.spdx == spdx


def test_words_that_name_no_licence() -> None:
    assert license_from_url("https://example.org/licence") is None
    assert license_from_words("All rights reserved.", dt.date(2010, 1, 1)) is None
