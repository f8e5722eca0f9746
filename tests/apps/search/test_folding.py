"""Folding: case, diacritics, apostrophes and punctuation do not matter."""

from __future__ import annotations

import pytest

from cyclopedia.apps.search.folding import extra_forms, fold, normalize_apostrophes


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Asa'ib Ahl al-Haq", "asaib ahl al haq"),
        ("ASAʿIB", "asaib"),
        ("Asa’ib", "asaib"),
        ("Łódź", "lodz"),
        ("Ørsted", "orsted"),
        ("Straße", "strasse"),
        ("Café  Müller", "cafe muller"),
        ("ﬁnance", "finance"),
        ("Qais al-Khazali (born 1974)", "qais al khazali born 1974"),
        ("  ", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_other_spellings_are_indexed_beside_the_text() -> None:
    text = normalize_apostrophes("Asaʿib, O’Brien and Ørsted in Łódź; Iraq is not special")
    assert extra_forms(text) == ["Asaib", "OBrien", "orsted", "lodz"]


def test_control_characters_and_snippet_markers_never_reach_the_index() -> None:
    assert normalize_apostrophes("a\x02b\x03c\x00d") == "a b c d"
