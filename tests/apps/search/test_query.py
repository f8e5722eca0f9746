"""The query language: what readers type becomes terms that are always safe to run."""

from __future__ import annotations

import pytest

from cyclopedia.apps.search.query import MAX_QUERY_CHARS, MAX_TERMS, Term, parse


def test_words_are_all_required() -> None:
    query = parse("Qais Khazali")
    assert query.groups == ((Term(("qais",)),), (Term(("khazali",)),))
    assert query.excluded == ()


def test_a_phrase_keeps_its_words_together() -> None:
    assert parse('"Mahdi Army"').groups == ((Term(("mahdi", "army")),),)


def test_an_unclosed_quote_runs_to_the_end() -> None:
    assert parse('born "Sadr City').groups == ((Term(("born",)),), (Term(("sadr", "city")),))


def test_minus_excludes_a_word_or_a_phrase() -> None:
    query = parse('militia -Iran -"Mahdi Army"')
    assert query.groups == ((Term(("militia",)),),)
    assert query.excluded == (Term(("iran",)), Term(("mahdi", "army")))


def test_or_joins_alternatives() -> None:
    query = parse("Andorra OR Monaco Europe")
    assert query.groups == ((Term(("andorra",)), Term(("monaco",))), (Term(("europe",)),))


def test_lowercase_or_is_a_word_and_a_leading_or_is_ignored() -> None:
    assert parse("war or peace").groups == tuple((Term((w,)),) for w in ("war", "or", "peace"))
    assert parse("OR peace").groups == ((Term(("peace",)),),)


def test_prefix_needs_two_letters() -> None:
    assert parse("kri*").groups == ((Term(("kri",), prefix=True),),)
    assert parse("k*").groups == ((Term(("k",)),),)


def test_hyphenated_words_are_a_phrase_and_apostrophes_give_a_joined_spelling() -> None:
    assert parse("al-Khazali").groups == ((Term(("al", "khazali")),),)
    assert parse("Asaʿib").groups == ((Term(("asa", "ib"), joined="asaib"),),)
    assert parse("Asa’ib").groups == parse("Asa'ib").groups


def test_only_exclusions_is_an_empty_query() -> None:
    assert parse("-war -peace").empty
    assert parse("").empty
    assert parse('""  ***  ---').empty


@pytest.mark.parametrize(
    "raw",
    [
        "NEAR(a b, 2)",
        "title:Andorra",
        "^start",
        'a" OR "b',
        "x AND y NOT z",
        "'; DROP TABLE articles_article; --",
        "{col1 col2}: x",
        "a\x00b",
        "\ufffd\ufffd",
        "((((((((((a",
    ],
)
def test_database_syntax_is_only_text(raw: str) -> None:
    for group in parse(raw).groups:
        for term in group:
            assert all(word.isalnum() for word in term.words)


def test_long_queries_are_cut_and_say_so() -> None:
    query = parse("word " * 5000)
    assert len(query.text) <= MAX_QUERY_CHARS
    assert len(query.groups) == MAX_TERMS
    assert any("characters" in notice for notice in query.notices)
    assert any("terms" in notice for notice in query.notices)


def test_folded_form_compares_titles() -> None:
    assert parse("ASA'IB Ahl al-Haq").folded == "asaib ahl al haq"
    assert parse("Łódź -city").folded == "lodz"
