"""Licence footers: where they start, what licence they state, and what the reader makes of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyclopedia.document import LicenseStatus, get_license
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.text.footer import detect_license, footer_start
from cyclopedia.formats.text.reader import TextPageReader

SEED = Path(__file__).resolve().parents[3] / "data" / "text" / "qais-al-khazali.txt"
SEED_FOOTER = (
    "This article was sourced from Creative Commons Attribution-ShareAlike License; additional "
    "terms may apply. World Heritage Encyclopedia content is assembled from numerous content "
    "providers."
)


def test_the_seed_footer_starts_at_its_licence_sentence() -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    start = footer_start(lines)
    assert start is not None
    assert lines[start].startswith("This article was sourced from Creative Commons")
    assert all(not line.strip() for line in lines[start - 3 : start])


@pytest.mark.parametrize(
    "line",
    [
        "This article was sourced from Creative Commons Attribution-ShareAlike License",
        "this article is licensed under the GFDL",
        "Text is available under the Creative Commons Attribution-ShareAlike License 4.0",
        "Content is available under CC BY-SA 4.0 unless otherwise noted.",
        "This page uses material from the Wikipedia article Foo",
        "This article incorporates text from a publication now in the public domain",
        'Retrieved from "https://en.wikipedia.org/w/index.php?title=Foo&oldid=1"',
        "   By using this site, you agree to the Terms of Use and Privacy Policy.",
    ],
)
def test_footer_start_lines(line: str) -> None:
    assert footer_start(["Title", "", "Body text.", "", line, "more footer"]) == 4


def test_a_page_without_a_footer() -> None:
    lines = ["Title", "", "Text is available in many places, this article says."]
    assert footer_start(lines) is None


def test_unversioned_cc_by_sa_is_3_0_with_a_note() -> None:
    found = detect_license(SEED_FOOTER)
    assert found is not None
    assert found.license.spdx == "CC-BY-SA-3.0"
    assert found.evidence == (
        'footer: "This article was sourced from Creative Commons Attribution-ShareAlike License"'
        " (no version stated; 3.0 assumed; --license overrides)"
    )


@pytest.mark.parametrize(
    ("footer", "spdx", "sentence"),
    [
        (
            "Text is available under the Creative Commons Attribution-ShareAlike 4.0 License; "
            "additional terms may apply.",
            "CC-BY-SA-4.0",
            "Text is available under the Creative Commons Attribution-ShareAlike 4.0 License",
        ),
        (
            "Text is available under the Creative Commons Attribution-ShareAlike License 3.0.",
            "CC-BY-SA-3.0",
            "Text is available under the Creative Commons Attribution-ShareAlike License 3.0",
        ),
        (
            "Content is available under CC BY-SA 3.0 unless otherwise noted.",
            "CC-BY-SA-3.0",
            "Content is available under CC BY-SA 3.0 unless otherwise noted",
        ),
        ("Licensed CC-BY-SA-4.0\nMore text", "CC-BY-SA-4.0", "Licensed CC-BY-SA-4.0"),
        (
            "This article is licensed under the Creative Commons Attribution 4.0 International "
            "License.",
            "CC-BY-4.0",
            "This article is licensed under the Creative Commons Attribution 4.0 International "
            "License",
        ),
        ("Published under CC BY 2.5.", "CC-BY-2.5", "Published under CC BY 2.5"),
        ("Text under Creative Commons Attribution-ShareAlike v2.0", "CC-BY-SA-2.0", None),
        ("Licensed CC BY-SA 1.0", "CC-BY-SA-1.0", None),
    ],
)
def test_versioned_licences(footer: str, spdx: str, sentence: str | None) -> None:
    found = detect_license(footer)
    assert found is not None
    assert found.license.spdx == spdx
    assert "assumed" not in found.evidence
    assert found.evidence.startswith('footer: "')
    if sentence:
        # The evidence is the sentence that states the licence.
        assert found.evidence == f'footer: "{sentence}"'


def test_unversioned_cc_by_is_4_0_with_a_note() -> None:
    found = detect_license("Available under the Creative Commons Attribution License.")
    assert found is not None
    assert found.license.spdx == "CC-BY-4.0"
    assert found.evidence.endswith("(no version stated; 4.0 assumed; --license overrides)")


@pytest.mark.parametrize(
    ("footer", "spdx"),
    [
        ("Creative Commons Attribution-NonCommercial-ShareAlike 3.0 Unported", "CC-BY-NC-SA-3.0"),
        ("Creative Commons Attribution-Non-Commercial 2.5", "CC-BY-NC-2.5"),
        ("Licensed CC BY-NC 4.0.", "CC-BY-NC-4.0"),
        ("Licensed CC BY-NC-ND 4.0.", "CC-BY-NC-ND-4.0"),
        ("Creative Commons Attribution-NoDerivatives 4.0 International", "CC-BY-ND-4.0"),
        ("Creative Commons Attribution-NonCommercial-NoDerivs 3.0", "CC-BY-NC-ND-3.0"),
        ("Creative Commons Attribution-NonCommercial License", "CC-BY-NC-4.0"),
        ("Licensed CC BY-SA 1.0.", "CC-BY-SA-1.0"),
    ],
)
def test_non_commercial_and_no_derivatives_licences_are_detected_and_refused(
    footer: str, spdx: str
) -> None:
    found = detect_license(footer)
    assert found is not None
    assert found.license.spdx == spdx
    assert found.license.status is LicenseStatus.REFUSE


@pytest.mark.parametrize(
    "footer",
    [
        "This work is dedicated to the public domain under CC0.",
        "Released under CC0 1.0 Universal.",
        "Creative Commons Zero.",
    ],
)
def test_cc0(footer: str) -> None:
    found = detect_license(footer)
    assert found is not None
    assert found.license.spdx == "CC0-1.0"


@pytest.mark.parametrize(
    "footer",
    [
        "This article incorporates text from a publication now in the public domain.",
        "Public-domain text from the 1911 Encyclopaedia Britannica.",
        "This work is in the public domain in the United States.",
    ],
)
def test_public_domain(footer: str) -> None:
    found = detect_license(footer)
    assert found is not None
    assert found.license.spdx == "LicenseRef-PublicDomain"
    assert found.evidence.startswith('footer: "')


@pytest.mark.parametrize(
    "footer",
    [
        "",
        "By using this site, you agree to the Terms of Use and Privacy Policy.",
        "Retrieved from https://example.org/page. All rights reserved.",
        "Creative Commons",
        "Text is available under the GNU Free Documentation License.",
    ],
)
def test_no_licence_stated(footer: str) -> None:
    assert detect_license(footer) is None


@pytest.mark.parametrize(
    ("footer", "named"),
    [
        ("This article is licensed under CC BY-SA 3.5.", "CC-BY-SA-3.5"),
        ("This article is licensed under CC BY 1.5.", "CC-BY-1.5"),
    ],
)
def test_a_licence_version_not_in_the_catalogue_is_held_for_an_editor(
    footer: str, named: str
) -> None:
    found = detect_license(footer)
    assert found is not None
    assert found.license.spdx == "NOASSERTION"
    assert found.license.status is LicenseStatus.CONFIRM
    assert f"({named} is not a licence known here)" in found.evidence


def read(path: Path, **options: object) -> object:
    [document] = TextPageReader().read(path, ReadOptions(**options))  # type: ignore[arg-type]
    return document


def page(tmp_path: Path, footer: str) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(f"Some Title\n\nA paragraph of text.\n\n{footer}\n", encoding="utf-8")
    return path


def test_license_option_overrides_the_footer(tmp_path: Path) -> None:
    path = page(tmp_path, "Text is available under the Creative Commons Attribution-ShareAlike 4.0")
    document = read(path, license=get_license("CC0-1.0"))
    assert document.license.spdx == "CC0-1.0"  # type: ignore[attr-defined]
    assert document.license_evidence == "given by the operator (--license)"  # type: ignore[attr-defined]


def test_license_option_overrides_the_assumed_version_of_the_seed() -> None:
    document = read(SEED, license=get_license("CC-BY-SA-4.0"))
    assert document.license.spdx == "CC-BY-SA-4.0"  # type: ignore[attr-defined]


def test_license_option_applies_to_a_page_without_a_footer(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Some Title\n\nA paragraph of text.\n", encoding="utf-8")
    document = read(path, license=get_license("public-domain"))
    assert document.license.spdx == "LicenseRef-PublicDomain"  # type: ignore[attr-defined]


def test_no_footer_and_no_licence_is_noassertion_for_an_editor_to_confirm(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Some Title\n\nA paragraph of text.\n", encoding="utf-8")
    document = read(path)
    assert document.license.spdx == "NOASSERTION"  # type: ignore[attr-defined]
    assert document.license.status is LicenseStatus.CONFIRM  # type: ignore[attr-defined]
    assert document.license_evidence == (  # type: ignore[attr-defined]
        "the page states no licence and none was given with --license"
    )


def test_a_footer_stating_no_licence_is_noassertion(tmp_path: Path) -> None:
    document = read(page(tmp_path, "By using this site, you agree to the Terms of Use."))
    assert document.license.spdx == "NOASSERTION"  # type: ignore[attr-defined]
    assert "Terms of Use" not in document.body  # type: ignore[attr-defined]


def test_a_non_commercial_footer_gives_a_refused_licence_with_evidence(tmp_path: Path) -> None:
    footer = "Content is available under CC BY-NC-SA 3.0 unless otherwise noted."
    document = read(page(tmp_path, footer))
    assert document.license.spdx == "CC-BY-NC-SA-3.0"  # type: ignore[attr-defined]
    assert not document.license.publishable  # type: ignore[attr-defined]
    assert document.license_evidence == (  # type: ignore[attr-defined]
        'footer: "Content is available under CC BY-NC-SA 3.0 unless otherwise noted"'
    )
    assert "available under" not in document.body  # type: ignore[attr-defined]


def test_an_unknown_licence_version_does_not_break_the_reader(tmp_path: Path) -> None:
    document = read(page(tmp_path, "This article is licensed under CC BY-SA 3.5."))
    assert document.license.spdx == "NOASSERTION"  # type: ignore[attr-defined]


def test_the_evidence_stops_at_the_end_of_the_licence_line(tmp_path: Path) -> None:
    footer = (
        "Text is available under the Creative Commons Attribution-ShareAlike License 4.0\n"
        "World Heritage Encyclopedia content is assembled from numerous content providers."
    )
    document = read(page(tmp_path, footer))
    assert document.license_evidence == (  # type: ignore[attr-defined]
        'footer: "Text is available under the Creative Commons Attribution-ShareAlike License 4.0"'
    )


@pytest.mark.parametrize(
    ("footer", "spdx", "status"),
    [
        ("Licensed CC BY 1.0.", "CC-BY-1.0", LicenseStatus.CONFIRM),
        ("Creative Commons Attribution-NonCommercial 1.0", "CC-BY-NC-1.0", LicenseStatus.REFUSE),
        ("Creative Commons Attribution-NoDerivs 1.0", "CC-BY-ND-1.0", LicenseStatus.REFUSE),
    ],
)
def test_version_one_licences_are_known(footer: str, spdx: str, status: LicenseStatus) -> None:
    found = detect_license(footer)
    assert found is not None
    assert found.license.spdx == spdx
    assert found.license.status is status
