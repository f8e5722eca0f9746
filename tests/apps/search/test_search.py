"""Ranked full-text search on the database in use (the suite runs on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import transaction

from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.apps.articles.services import alias_import
from cyclopedia.apps.search import selectors
from cyclopedia.apps.search.backends import Filters, backend, base
from cyclopedia.apps.search.models import SearchEntry
from cyclopedia.apps.search.query import parse
from cyclopedia.apps.search.selectors import PER_PAGE, search_go, search_run
from cyclopedia.apps.search.services import search_index_articles, search_reindex
from cyclopedia.document import Infobox, InfoboxField

from .conftest import Publish

pytestmark = pytest.mark.django_db

QAIS = (
    "Qais al-Khazali is the founder of Asa'ib Ahl al-Haq, a group that left the "
    "[[Mahdi Army]] in 2004. He was arrested in Basra.\n\n## Later life\n\nHe lives in Baghdad."
)


def titles(q: str, **filters: str) -> list[str]:
    return [r.article.title for r in search_run(q=q, filters=Filters(**filters)).results]


def test_words_find_the_article_and_the_snippet_marks_them(publish: Publish) -> None:
    publish("Qais al-Khazali", QAIS)
    publish("Mahdi Army", "A militia founded by Moqtada al-Sadr in Iraq.")
    found = search_run(q="arrested Basra")
    assert [r.article.title for r in found.results] == ["Qais al-Khazali"]
    assert found.total == 1
    assert "<mark>arrested</mark>" in found.results[0].snippet
    assert "<mark>Basra</mark>" in found.results[0].snippet


def test_every_word_must_match(publish: Publish) -> None:
    publish("Qais al-Khazali", QAIS)
    assert titles("Basra Tokyo") == []


def test_phrases_exclusion_or_and_prefix(publish: Publish) -> None:
    publish("Qais al-Khazali", QAIS)
    publish("Mahdi Army", "A militia founded in Iraq. Its army fought in Basra.")
    publish("Andorra", "A small country in the Pyrenees between France and Spain.")
    assert titles('"Mahdi Army" founder') == ["Qais al-Khazali"]
    assert sorted(titles("Basra")) == ["Mahdi Army", "Qais al-Khazali"]
    assert titles("Basra -arrested") == ["Mahdi Army"]
    assert titles('Basra -"was arrested"') == ["Mahdi Army"]
    assert sorted(titles("Pyrenees OR founder")) == ["Andorra", "Qais al-Khazali"]
    assert titles("Pyren*") == ["Andorra"]


def test_case_diacritics_and_apostrophes_are_folded(publish: Publish) -> None:
    publish("Qais al-Khazali", QAIS)
    publish("Łódź", "Łódź is a city in Poland; its Café Müller is famous.")
    for q in ("Asa'ib", "Asaib", "ASAIB", "asaʿib", "Asa’ib", '"asa’ib ahl"'):
        assert titles(q) == ["Qais al-Khazali"], q
    for q in ("lodz", "LODZ", "Łódź", "cafe muller", "CAFÉ"):
        assert titles(q) == ["Łódź"], q


def test_titles_and_aliases_rank_before_mentions(publish: Publish) -> None:
    publish("Mahdi Army", "A militia. " + "Army " * 5)
    for n in range(3):
        publish(f"Battle {n}", "The Mahdi Army fought here. Mahdi Army. Mahdi Army.")
    publish("Mahdi Army Special Groups", "Splinter groups.")
    publish("Jaysh al-Mahdi", "See the main article.", aliases=("Mahdi Army of Iraq",))
    found = titles("Mahdi Army")
    assert found[0] == "Mahdi Army"  # exact title
    assert set(found[1:3]) == {"Mahdi Army Special Groups", "Jaysh al-Mahdi"}  # prefixes
    assert set(found[3:]) == {"Battle 0", "Battle 1", "Battle 2"}


def test_an_alias_finds_its_article_first(publish: Publish) -> None:
    publish("Qais al-Khazali", QAIS, aliases=("Qayis Khazali",))
    publish("Other", "Qayis Khazali was mentioned here. Qayis Khazali, Qayis Khazali.")
    assert titles("Qayis Khazali")[0] == "Qais al-Khazali"


def test_a_redirect_is_an_alias_search_finds(publish: Publish) -> None:
    publish("Andorra", "A small country.")
    alias_import(title="Principality of Andorra", target="Andorra")
    assert titles("Principality")[0] == "Andorra"
    assert search_go(q="principality of andorra").title == "Andorra"


def test_infobox_values_and_categories_are_searched(publish: Publish) -> None:
    from cyclopedia.document import Infobox, InfoboxField

    publish(
        "Qais al-Khazali",
        "A leader.",
        infobox=Infobox(fields=(InfoboxField("Born", "1974, Sadr City"),)),
        categories=("Iraqi militants",),
    )
    assert titles('"Sadr City"') == ["Qais al-Khazali"]
    assert titles("militants") == ["Qais al-Khazali"]


def test_filters(publish: Publish) -> None:
    publish("Alpha", "Shared word.", source="Wiki A", license="CC-BY-SA-3.0", language="en")
    publish("Beta", "Shared word.", source="Wiki B", categories=("Greek",), language="de")
    assert titles("shared") == ["Alpha", "Beta"]
    assert titles("shared", source="Wiki B") == ["Beta"]
    assert titles("shared", license="CC-BY-SA-3.0") == ["Alpha"]
    assert titles("shared", category="Greek") == ["Beta"]
    assert titles("shared", language="de") == ["Beta"]
    assert titles("shared", source="Nowhere") == []
    assert titles("shared", category="'; DROP TABLE x; --") == []


def test_pagination_with_a_total(publish: Publish) -> None:
    for n in range(PER_PAGE + 5):
        publish(f"Page {n:02}", "Common text of the page.")
    first = search_run(q="common")
    second = search_run(q="common", page=2)
    assert first.total == second.total == PER_PAGE + 5
    assert len(first.results) == PER_PAGE
    assert len(second.results) == 5
    assert first.pages == 2
    assert not {r.article.pk for r in first.results} & {r.article.pk for r in second.results}
    assert search_run(q="common", page=9).results == []


def test_go_finds_an_exact_title_or_alias_only(publish: Publish) -> None:
    publish("Qais al-Khazali", QAIS, aliases=("Qayis Khazali",))
    assert search_go(q="QAIS AL KHAZALI").title == "Qais al-Khazali"
    assert search_go(q="qayis khazali").title == "Qais al-Khazali"
    assert search_go(q="Qais") is None
    assert search_go(q="") is None


def test_a_new_revision_replaces_the_indexed_text(publish: Publish) -> None:
    publish("Andorra", "Old text about mountains.")
    publish("Andorra", "New text about valleys.")
    assert titles("mountains") == []
    assert titles("valleys") == ["Andorra"]
    assert SearchEntry.objects.count() == 1


def test_unpublished_text_is_never_searchable(publish: Publish) -> None:
    article = publish("Andorra", "Published text about mountains.")
    # An edit made here: the next import is held, unpublished.
    Revision.objects.filter(pk=article.published_revision_id).update(modified=True)
    publish("Andorra", "Imported text about valleys, held for an editor.")
    assert titles("valleys") == []
    assert titles("mountains") == ["Andorra"]
    article.published_revision = None
    article.save()
    search_index_articles(article_ids=[article.pk])
    assert titles("mountains") == []


def test_indexing_rolls_back_with_the_publication(publish: Publish) -> None:
    def publish_then_fail() -> None:
        with transaction.atomic():
            publish("Andorra", "Text about mountains.")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        publish_then_fail()
    assert titles("mountains") == []


def test_reindex_rebuilds_from_published_revisions(publish: Publish) -> None:
    publish("Andorra", "Text about mountains.")
    publish("Monaco", "Text about the sea.")
    SearchEntry.objects.all().delete()
    assert titles("mountains") == []
    seen: list[tuple[int, int]] = []
    assert search_reindex(progress=lambda done, total: seen.append((done, total))) == 2
    assert seen[-1] == (2, 2)
    assert titles("mountains") == ["Andorra"]
    assert titles("sea") == ["Monaco"]


def test_markup_in_text_comes_out_escaped_in_snippets(publish: Publish) -> None:
    publish("Hostile", "Text with &lt;script&gt;alert(1)&lt;/script&gt; and marker words.")
    snippet = search_run(q="marker").results[0].snippet
    assert "<script" not in snippet
    assert "alert(1)" in snippet
    assert "<mark>marker</mark>" in snippet


def test_words_joined_by_punctuation_are_found_alike_on_every_database(publish: Publish) -> None:
    publish(
        "Tanks",
        "He/she ordered 281 T-55's at 2,365 dollars from galleryfurniture.com; "
        "see Terrence-Murphy-(American-football) and a 1:58 time.",
    )
    for q in (
        "he she",
        "T-55",
        "2,365",
        "galleryfurniture.com",
        '"terrence murphy american"',
        "1:58",
    ):
        assert titles(q) == ["Tanks"], q


def test_the_title_as_typed_ranks_before_a_title_that_only_folds_the_same(
    publish: Publish,
) -> None:
    publish("Berlin", "The capital of Germany. Berlin, Berlin, Berlin.")
    publish("Berlín", "A town in Spain.")
    assert titles("Berlín")[0] == "Berlín"
    assert titles("Berlin")[0] == "Berlin"


def test_the_snippet_shows_a_match_deep_in_a_long_body(publish: Publish) -> None:
    filler = "Plain filler sentence about nothing in particular. " * 1200  # about 60 KB
    publish("Long", filler + "\n\nThe treaty was signed in Zanzibar in 1890.")
    snippet = search_run(q="zanzibar").results[0].snippet
    assert "<mark>Zanzibar</mark>" in snippet
    assert "treaty" in snippet


def test_a_very_common_query_ranks_its_matches_in_the_weighted_fields_first(
    publish: Publish, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past RANK_CAP matches, the ones about the word (in a title, a name, the infobox or the
    categories) come first, by relevance; the ones that only mention it follow; every match is
    reachable page after page, once."""
    monkeypatch.setattr(base, "RANK_CAP", 3)
    for n in range(8):
        publish(f"Mention {n}", "Ordinary text that mentions a harbour once.")
    publish("Harbour", "A harbour is a sheltered body of water.")
    publish("Old Harbour Town", "A town by the sea.")
    publish("Port city", "A city.", infobox=Infobox((InfoboxField("Type", "harbour"),)))
    found = search_run(q="harbour")
    assert found.total == 11
    assert found.total_exact
    order = [r.article.title for r in found.results]
    assert order[0] == "Harbour"  # the title, exactly
    assert set(order[1:3]) == {"Old Harbour Town", "Port city"}
    assert sorted(order[3:]) == [f"Mention {n}" for n in range(8)]
    monkeypatch.setattr(selectors, "PER_PAGE", 4)
    seen = [r.article.title for p in (1, 2, 3) for r in search_run(q="harbour", page=p).results]
    assert sorted(seen) == sorted(order)


def test_a_title_comes_first_for_its_words_not_for_the_start_of_a_longer_word(
    publish: Publish,
) -> None:
    publish("The Basra", "The port of the south.")
    publish("Theory of ports", "The study of the harbours, for the port of Basra too.")
    publish("Harbour", "A harbour is where the ships wait.")

    def tiers(q: str) -> dict[str, int]:
        hits = backend().search(parse(q), Filters(), offset=0, limit=PER_PAGE).hits
        return {Article.objects.get(pk=hit.article_id).title: hit.tier for hit in hits}

    assert titles("the")[0] == "The Basra"
    assert tiers("the") == {"The Basra": 2, "Theory of ports": 3, "Harbour": 3}
    assert tiers("theo*") == {"Theory of ports": 2}  # a prefix query: the start of a word


def test_a_title_match_is_not_listed_when_the_query_excludes_its_text(publish: Publish) -> None:
    publish("Mahdi Army", "A militia founded in 2003.")
    publish("Mahdi Army Special Groups", "Splinter groups of the Mahdi Army.")
    assert titles("Mahdi Army -militia") == ["Mahdi Army Special Groups"]
    assert titles("Mahdi Army -splinter") == ["Mahdi Army"]


def test_title_matches_past_the_ranking_cap_are_listed_without_a_score(
    publish: Publish, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When every level holds more matches than are ranked, nothing is scored: title matches
    come first (the most linked-to first), the rest in index order, with no score."""
    monkeypatch.setattr(base, "RANK_CAP", 2)
    for n in range(4):
        publish(f"Harbour {n}", "A harbour.")
    publish("Linking", "See [[Harbour 2]].")
    publish("Harbour", "A harbour.")
    found = search_run(q="harbour")
    assert [r.article.title for r in found.results][:2] == ["Harbour", "Harbour 2"]
    assert len(found.results) == 6
    assert all(r.score is None for r in found.results)
    monkeypatch.setattr(base, "RANK_CAP", 1000)
    assert all(r.score is not None for r in search_run(q="harbour").results)


def test_a_total_past_the_count_cap_says_more_than(
    publish: Publish, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "COUNT_CAP", 4)
    monkeypatch.setattr(base, "RANK_CAP", 2)  # below the count cap, as configured
    for n in range(6):
        publish(f"Item {n}", "Frequent word.")
    found = search_run(q="frequent")
    assert (found.total, found.total_exact) == (4, False)
    assert len(found.results) == 6


def test_filter_choices_are_what_is_published(publish: Publish) -> None:
    publish("Alpha", "Old text.", source="Wiki A", license="CC-BY-SA-3.0", language="en")
    publish("Beta", "Text.", source="Wiki B", license="CC-BY-SA-4.0", language="de")
    publish("Alpha", "New text.", source="Wiki C", license="CC-BY-4.0", language="en")
    choices = selectors.filter_choices()
    # Alpha's first revision (Wiki A, CC BY-SA 3.0) is history, no longer what is published.
    assert choices.sources == ["Wiki B", "Wiki C"]
    assert choices.licenses == ["CC-BY-4.0", "CC-BY-SA-4.0"]
    assert choices.languages == ["de", "en"]
