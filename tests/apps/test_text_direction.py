"""Which article languages are laid out right to left."""

from __future__ import annotations

import pytest

from cyclopedia.apps.pages.templatetags.article_data import text_direction


@pytest.mark.parametrize(
    ("language", "direction"),
    [
        ("ar", "rtl"),
        ("he", "rtl"),
        ("fa", "rtl"),
        ("ur", "rtl"),
        ("he-IL", "rtl"),
        ("AR", "rtl"),
        ("ckb", "rtl"),
        ("en", "ltr"),
        ("de", "ltr"),
        ("ru", "ltr"),
        ("", "ltr"),
    ],
)
def test_text_direction(language: str, direction: str) -> None:
    assert text_direction(language) == direction
