"""The seed page (tests/data/text/qais-al-khazali.txt) read field by field.

The body as a whole is pinned by the golden file qais-al-khazali.expected.md (test_golden.py).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cyclopedia.document import Document, LicenseStatus
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.text.reader import TextPageReader

DATA = Path(__file__).resolve().parents[3] / "data" / "text"
SEED = DATA / "qais-al-khazali.txt"
URL = "https://en.wikipedia.org/wiki/Qais_al-Khazali"
BOILERPLATE = ("World Heritage Encyclopedia", "Terms of Use", "FASTR", "additional terms")


@pytest.fixture(scope="module")
def seed() -> Document:
    items = list(TextPageReader().read(SEED, ReadOptions(source_url=URL)))
    assert len(items) == 1
    [document] = items
    assert isinstance(document, Document)
    return document


def test_title_and_aliases(seed: Document) -> None:
    assert seed.title == "Qais al-Khazali"
    assert seed.aliases == ("Qayis Khazali",)
    assert seed.language == "en"
    assert seed.categories == ()


def test_infobox_fields(seed: Document) -> None:
    assert seed.infobox is not None
    assert (seed.infobox.title, seed.infobox.caption) == (None, None)
    assert [(field.label, field.value) for field in seed.infobox.fields] == [
        ("Born", "1974[^1]\nSadr City, Baghdad, Iraq"),
        ("Arrested", "2007-03-20\nBasra, Iraq\nUS forces"),
        ("Released", "2010-01\nBaghdad, Iraq"),
        ("Citizenship", "Iraqi"),
        ("Alleged to be a member of", "Mahdi Army, Asa'ib Ahl al-Haq"),
    ]


def test_body_has_two_paragraphs_with_the_citation_markers_in_place(seed: Document) -> None:
    paragraphs = seed.body.rstrip("\n").split("\n\n")
    assert len(paragraphs) == 2
    first, second = paragraphs
    assert first.startswith("Qais al-Khazali (born 1974) is best known as the founder")
    assert "in March 2007.[^2] As head of the Special Groups" in first
    assert "attack on American forces in Karbala.[^3][^4] A former follower" in first
    assert first.endswith("acting commander of the organisation until his release.[^5]")
    assert second.startswith("Khazali was released in January 2010")
    assert "kidnapped by Asa'ib Ahl al-Haq.[^6] In December that year" in second
    assert second.endswith("working with Khazali after their return.[^7]")
    assert "[1]" not in seed.body  # no marker is left in the source's "[n]" form
    assert seed.cited_labels() == [str(n) for n in range(1, 8)]


def test_references_one_to_seven_point_at_the_source(seed: Document) -> None:
    assert [ref.label for ref in seed.references] == [str(n) for n in range(1, 8)]
    for ref in seed.references:
        assert ref.url == URL
        assert ref.doi is None
        assert ref.text == (
            f"Reference {ref.label} of the source article “Qais al-Khazali” "
            "(the copy imported did not include its text)."
        )


def test_licence_from_the_footer(seed: Document) -> None:
    assert seed.license.spdx == "CC-BY-SA-3.0"
    assert seed.license.status is LicenseStatus.PUBLISH
    assert seed.license_evidence.startswith('footer: "This article was sourced from Creative')
    assert "no version stated; 3.0 assumed" in seed.license_evidence


def test_no_footer_boilerplate_anywhere_in_the_document(seed: Document) -> None:
    for name, value in _strings(seed):
        for phrase in BOILERPLATE:
            assert phrase not in value, f"{phrase!r} in {name}"


def test_attribution(seed: Document) -> None:
    attribution = seed.attribution
    assert attribution.source_title == "Qais al-Khazali"
    assert attribution.source_name == "Wikipedia (English)"
    assert attribution.source_url == URL
    assert attribution.history_url == (
        "https://en.wikipedia.org/w/index.php?title=Qais_al-Khazali&action=history"
    )
    assert attribution.revision_url is None  # the scraped copy does not say which revision
    assert attribution.modified is False
    assert seed.source_key == URL


def test_without_a_source_url_the_file_name_is_the_key() -> None:
    [document] = TextPageReader().read(SEED, ReadOptions())
    assert isinstance(document, Document)
    assert document.source_key == "qais-al-khazali.txt"
    assert document.attribution.source_url is None
    assert document.attribution.history_url is None
    assert document.attribution.source_name == ""
    assert all(ref.url is None for ref in document.references)


def _strings(value: object, name: str = "document") -> list[tuple[str, str]]:
    """Every string in a Document, with where it is."""
    if isinstance(value, str):
        return [(name, value)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            found
            for field in dataclasses.fields(value)
            for found in _strings(getattr(value, field.name), f"{name}.{field.name}")
        ]
    if isinstance(value, tuple | list):
        return [found for i, item in enumerate(value) for found in _strings(item, f"{name}[{i}]")]
    if isinstance(value, dict):
        return [found for k, v in value.items() for found in _strings(v, f"{name}[{k!r}]")]
    return []


def test_the_boilerplate_check_sees_every_string() -> None:
    # The check above is only as good as _strings: make sure it reaches nested values.
    [document] = TextPageReader().read(SEED, ReadOptions(source_url=URL))
    names = {name for name, _ in _strings(document)}
    assert "document.infobox.fields[4].value" in names
    assert "document.references[6].text" in names
    assert "document.attribution.source_title" in names
    assert "document.license_evidence" in names
    assert "document.license.name" in names
