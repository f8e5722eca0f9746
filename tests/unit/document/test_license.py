"""Licences by SPDX id and the publishing policy of POLICY.md §3."""

from __future__ import annotations

import pytest

from cyclopedia.document import LicenseStatus, UnknownLicenseError, get_license
from cyclopedia.document.license import CONTRIBUTION_LICENSE, LICENSES, UNKNOWN_LICENSE

PUBLISH, REFUSE, CONFIRM = LicenseStatus.PUBLISH, LicenseStatus.REFUSE, LicenseStatus.CONFIRM
VERSIONS = ("2.0", "2.5", "3.0", "4.0")

# POLICY.md §3, row by row. Every licence the catalogue knows must be here, so that adding one
# forces a decision about it.
POLICY = {
    "LicenseRef-PublicDomain": PUBLISH,
    "CC0-1.0": PUBLISH,
    **{f"CC-BY-{v}": PUBLISH for v in VERSIONS},
    **{f"CC-BY-SA-{v}": PUBLISH for v in VERSIONS},
    "CC-BY-SA-1.0": REFUSE,
    **{
        f"CC-BY-{kind}-{v}": REFUSE
        for kind in ("NC", "ND", "NC-SA", "NC-ND")
        for v in ("1.0", *VERSIONS)
    },
    "CC-BY-1.0": CONFIRM,  # not in the policy table: an editor decides
    **{f"GFDL-{v}-only": REFUSE for v in ("1.1", "1.2", "1.3")},
    **{f"GPL-{v}-only": REFUSE for v in ("2.0", "3.0")},
    "NOASSERTION": CONFIRM,
}


def test_the_policy_table_covers_every_known_licence() -> None:
    assert set(LICENSES) == set(POLICY)


@pytest.mark.parametrize(("spdx", "status"), sorted(POLICY.items()))
def test_publishing_status_follows_the_policy(spdx: str, status: LicenseStatus) -> None:
    license = get_license(spdx)
    assert license.status is status
    assert license.publishable is (status is PUBLISH)
    if status is PUBLISH:
        assert license.reason == ""
    else:
        assert license.reason, f"{spdx} is held back without saying why"


@pytest.mark.parametrize(
    ("identifier", "spdx"),
    [
        ("CC-BY-SA-4.0", "CC-BY-SA-4.0"),
        ("cc-by-sa-4.0", "CC-BY-SA-4.0"),
        ("CC BY-SA 4.0", "CC-BY-SA-4.0"),
        ("cc by-sa 3.0", "CC-BY-SA-3.0"),
        ("CC_BY_SA_3.0", "CC-BY-SA-3.0"),
        ("  CC-BY-4.0\n", "CC-BY-4.0"),
        ("CC BY 2.5", "CC-BY-2.5"),
        ("cc-by-nc-nd-4.0", "CC-BY-NC-ND-4.0"),
        ("CC0-1.0", "CC0-1.0"),
        ("cc0", "CC0-1.0"),
        ("CC0 1.0", "CC0-1.0"),
        ("public-domain", "LicenseRef-PublicDomain"),
        ("Public Domain", "LicenseRef-PublicDomain"),
        ("publicdomain", "LicenseRef-PublicDomain"),
        ("PD", "LicenseRef-PublicDomain"),
        ("licenseref-publicdomain", "LicenseRef-PublicDomain"),
        ("gfdl-1.3-only", "GFDL-1.3-only"),
        ("noassertion", "NOASSERTION"),
    ],
)
def test_get_license_reads_ids_case_insensitively_and_common_spellings(
    identifier: str, spdx: str
) -> None:
    assert get_license(identifier).spdx == spdx


@pytest.mark.parametrize(
    "identifier", ["MIT", "", "   ", "CC-BY-SA-5.0", "CC BY-SA", "CC-BY-3.5", "GFDL-1.3", "cc"]
)
def test_unknown_licence_is_refused_with_the_known_ids(identifier: str) -> None:
    with pytest.raises(UnknownLicenseError) as caught:
        get_license(identifier)
    message = str(caught.value)
    assert repr(identifier) in message
    assert "known SPDX ids" in message
    for spdx in ("CC-BY-SA-4.0", "CC0-1.0", "LicenseRef-PublicDomain", "NOASSERTION"):
        assert spdx in message


def test_unknown_licence_error_is_a_value_error() -> None:
    assert issubclass(UnknownLicenseError, ValueError)


@pytest.mark.parametrize(
    ("spdx", "short_name"),
    [
        ("CC-BY-SA-4.0", "CC BY-SA 4.0"),
        ("CC-BY-SA-3.0", "CC BY-SA 3.0"),
        ("CC-BY-2.5", "CC BY 2.5"),
        ("CC-BY-NC-ND-2.0", "CC BY-NC-ND 2.0"),
        ("CC0-1.0", "CC0 1.0"),
        ("LicenseRef-PublicDomain", "Public domain"),
        ("GFDL-1.3-only", "GNU Free Documentation License 1.3 only"),
        ("NOASSERTION", "Licence not determined"),
    ],
)
def test_short_name(spdx: str, short_name: str) -> None:
    assert get_license(spdx).short_name == short_name


@pytest.mark.parametrize(
    ("spdx", "name", "url"),
    [
        (
            "CC-BY-SA-3.0",
            "Creative Commons Attribution-ShareAlike 3.0",
            "https://creativecommons.org/licenses/by-sa/3.0/",
        ),
        (
            "CC-BY-ND-4.0",
            "Creative Commons Attribution-NoDerivatives 4.0",
            "https://creativecommons.org/licenses/by-nd/4.0/",
        ),
        (
            "CC-BY-ND-3.0",
            "Creative Commons Attribution-NoDerivs 3.0",
            "https://creativecommons.org/licenses/by-nd/3.0/",
        ),
        (
            "CC0-1.0",
            "Creative Commons Zero 1.0 Universal",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ),
    ],
)
def test_names_and_links(spdx: str, name: str, url: str) -> None:
    license = get_license(spdx)
    assert (license.name, license.url) == (name, url)


def test_every_publishable_licence_has_a_link_to_show_readers() -> None:
    for license in LICENSES.values():
        if license.publishable:
            assert license.url.startswith("https://"), license.spdx


def test_str_is_the_spdx_id() -> None:
    assert str(get_license("cc by-sa 4.0")) == "CC-BY-SA-4.0"


def test_contributions_are_cc_by_sa_4_and_unknown_is_noassertion() -> None:
    assert CONTRIBUTION_LICENSE.spdx == "CC-BY-SA-4.0"
    assert CONTRIBUTION_LICENSE.publishable
    assert UNKNOWN_LICENSE.spdx == "NOASSERTION"
    assert UNKNOWN_LICENSE.status is CONFIRM


def test_a_licence_recognised_in_prose_waits_for_an_editor() -> None:
    held = get_license("CC-BY-4.0").as_heuristic("the licence sentence of license-p")
    assert held.spdx == "CC-BY-4.0"
    assert not held.publishable
    assert "license-p" in held.reason
    assert "confirm" in held.reason
    # Refused licences stay refused, whatever the evidence.
    assert get_license("CC-BY-NC-4.0").as_heuristic("x") == get_license("CC-BY-NC-4.0")
