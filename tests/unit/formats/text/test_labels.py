"""Infobox row labels: telling a "Label value" row from other lines."""

from __future__ import annotations

import pytest

from cyclopedia.formats.text.labels import INFOBOX_LABELS, split_label


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("Born 1974[1]", ("Born", "1974[1]")),
        ("Born", ("Born", "")),
        ("Born: 1974", ("Born", "1974")),
        ("Born\t1974", ("Born", "1974")),
        ("Citizenship Iraqi", ("Citizenship", "Iraqi")),
        ("Alleged to be a member of Mahdi Army", ("Alleged to be a member of", "Mahdi Army")),
        ("Member of Parliament", ("Member of", "Parliament")),
        ("Area code 212", ("Area code", "212")),
        ("Area code(s) 212, 646", ("Area code(s)", "212, 646")),
        ("Area 5 km2", ("Area", "5 km2")),
        ("Nickname(s) Q", ("Nickname(s)", "Q")),
        ("Political party Independent", ("Political party", "Independent")),
        ("Service/branch United States Army", ("Service/branch", "United States Army")),
    ],
)
def test_rows(line: str, row: tuple[str, str]) -> None:
    assert split_label(line) == row


@pytest.mark.parametrize(
    "line",
    ["Bornholm is an island", "born 1974", "BORN 1974", "Qayis Khazali", "Iraqi", "", " Born 1974"],
)
def test_not_rows(line: str) -> None:
    assert split_label(line) is None


def test_labels_are_unique_non_empty_and_longest_first() -> None:
    assert len(set(INFOBOX_LABELS)) == len(INFOBOX_LABELS)
    assert all(label and label == label.strip() for label in INFOBOX_LABELS)
    lengths = [len(label) for label in INFOBOX_LABELS]
    assert lengths == sorted(lengths, reverse=True)


def test_the_seed_labels_are_known() -> None:
    for label in ("Born", "Arrested", "Released", "Citizenship", "Alleged to be a member of"):
        assert label in INFOBOX_LABELS
