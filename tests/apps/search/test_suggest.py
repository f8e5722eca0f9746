"""Suggestions as you type and "did you mean"."""

from __future__ import annotations

from typing import Any

import pytest

from cyclopedia.apps.articles.services import alias_import
from cyclopedia.apps.search.selectors import search_run, search_suggest

from .conftest import Publish

pytestmark = pytest.mark.django_db


def suggested(q: str) -> list[str]:
    return [s.title for s in search_suggest(q=q)]


def test_titles_by_prefix_the_most_linked_first(publish: Publish) -> None:
    publish("Andorra la Vella", "A town.")
    publish("Andorra", "A country.")
    publish("Andes", "Mountains.")
    for n in range(3):
        publish(f"Linking {n}", "See [[Andorra]] and [[Andes]].")
    publish("More", "See [[Andorra]].")
    assert suggested("And") == ["Andorra", "Andes", "Andorra la Vella"]
    assert suggested("andorra ") == ["Andorra", "Andorra la Vella"]


def test_aliases_are_suggested_once_per_article(publish: Publish) -> None:
    publish("Qais al-Khazali", "A leader.", aliases=("Qayis Khazali", "Qais Khazali"))
    found = search_suggest(q="Qa")
    assert [s.title for s in found] == ["Qais al-Khazali"]
    found = search_suggest(q="Qayis")
    assert [s.title for s in found] == ["Qayis Khazali"]
    assert found[0].url == "/wiki/Qais_al-Khazali"
    assert found[0].description == "→ Qais al-Khazali"


def test_typos_and_word_starts_are_suggested(publish: Publish) -> None:
    publish("Julia Kristeva", "A philosopher.")
    publish("Andorra", "A country.")
    assert suggested("Andora") == ["Andorra"]
    assert suggested("juila") == ["Julia Kristeva"]
    assert suggested("Kristeva") == ["Julia Kristeva"]
    assert suggested("zzzzzz") == []


def test_typos_in_any_word_and_a_misplaced_space_are_suggested(publish: Publish) -> None:
    publish("Albert Einstein", "A physicist.")
    publish("List of Atlas Shrugged characters", "A list.")
    publish("Alan Connery", "A name.")
    assert suggested("Albeat Ein") == ["Albert Einstein"]  # a finished word respelled
    assert suggested("Albert Einstien") == ["Albert Einstein"]  # the unfinished one
    assert suggested("Alann Conn") == ["Alan Connery"]
    assert suggested("Lis tof At") == ["List of Atlas Shrugged characters"]
    assert suggested("atlas shr") == ["List of Atlas Shrugged characters"]  # words further in


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("einstien", "Albert Einstein"),  # a word further in, mistyped
        ("beatls", "The Beatles"),
        ("hussien", "Saddam Hussein"),
        ("atlas shruged", "List of Atlas Shrugged characters"),
        ("new yrok", "New York City"),  # the first letters of a word swapped
    ],
)
def test_typos_in_words_further_in_are_suggested(publish: Publish, typed: str, title: str) -> None:
    for name in ("Albert Einstein", "The Beatles", "Saddam Hussein", "New York City"):
        publish(name, "Text.")
    publish("List of Atlas Shrugged characters", "A list.")
    assert suggested(typed)[:1] == [title]


def test_only_published_articles_are_suggested(publish: Publish) -> None:
    alias_import(title="Waiting redirect", target="Not yet imported")
    assert suggested("Waiting") == []


@pytest.mark.parametrize(
    "q",
    [
        "",
        " ",
        "*",
        '"',
        "\x00",
        "%",
        "_",
        "'",
        "x" * 10000,
        "\ufffd",
        "ab " * 60,
        "abc d" * 30,
        "qwxa qwxb qwxc qwxd qwxe qwxf qwxg qwx",
    ],
)
def test_hostile_input_gives_a_list(
    publish: Publish, q: str, django_assert_max_num_queries: Any
) -> None:
    publish("Andorra", "A country.")
    with django_assert_max_num_queries(12):  # a few lookups, however many words
        assert isinstance(search_suggest(q=q), list)


def test_did_you_mean_respells_from_title_words(publish: Publish) -> None:
    publish("Julia Kristeva", "A philosopher born in Bulgaria.")
    publish("Andorra", "A country.")
    found = search_run(q="Julia Kristiva")
    assert found.total == 0
    assert found.did_you_mean == "Julia Kristeva"
    assert search_run(q="andora").did_you_mean == "andorra"
    assert search_run(q="Kristeva").did_you_mean == ""
    assert search_run(q="qwxzy").did_you_mean == ""  # nothing like it


def test_did_you_mean_takes_a_swap_of_two_letters_as_one_edit(publish: Publish) -> None:
    publish("Albedo", "The fraction of light reflected.")
    publish("Alkane", "A hydrocarbon.")
    assert search_run(q="Alebdo").did_you_mean == "Albedo"
    assert search_run(q="alkaen").did_you_mean == "alkane"
