"""Snippets made in Python, the same on every database (no database needed)."""

from __future__ import annotations

from cyclopedia.apps.search.folding import MARK_END, MARK_START
from cyclopedia.apps.search.query import parse
from cyclopedia.apps.search.snippets import ELLIPSIS, fold_in_place, snippets


def shown(text: str, q: str) -> str:
    (result,) = snippets({1: text}, query=parse(q)).values()
    return result.replace(MARK_START, "[").replace(MARK_END, "]")


def test_words_are_marked_case_and_diacritics_aside() -> None:
    assert shown("A trip to Łódź and Lodz.", "lodz") == "A trip to [Łódź] and [Lodz]."
    assert shown("Café NAÏVE", "naive cafe") == "[Café] [NAÏVE]"


def test_whole_words_only_and_prefixes_as_prefixes() -> None:
    assert shown("Basra, Basran and abasra.", "basra") == "[Basra], Basran and abasra."
    assert shown("Basra, Basran and abasra.", "bas*") == "[Basra], [Basran] and abasra."


def test_a_late_match_gives_a_window_with_ellipses() -> None:
    text = " ".join(f"word{n}" for n in range(200)) + " target " + "after " * 100
    result = shown(text, "target")
    assert result.startswith(ELLIPSIS)
    assert result.endswith(ELLIPSIS)
    assert "[target]" in result
    assert len(result) < 260


def test_no_match_in_the_body_shows_its_beginning() -> None:
    assert shown("The body does not say it.", "elsewhere") == "The body does not say it."


def test_folding_keeps_every_character_in_place() -> None:
    for text in ("Łódź İstanbul straße ÆØÅ", "plain ascii", "Ærø ﬁn"):
        assert len(fold_in_place(text)) == len(text)
    assert fold_in_place("Łódź") == "lodz"


def test_apostrophe_spellings_are_marked() -> None:
    assert shown("Asa’ib Ahl al-Haq", "asaib") == "[Asa’ib] Ahl al-Haq"
    assert shown("Asa’ib Ahl al-Haq", "asa'ib") == "[Asa]’[ib] Ahl al-Haq"
