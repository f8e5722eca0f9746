"""Imports index what they publish, a batch at a time, in the batch's transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyclopedia.apps.ingest.models import ImportRun
from cyclopedia.apps.search import services
from cyclopedia.apps.search.selectors import search_go, search_run
from tests.apps.helpers import import_file

pytestmark = pytest.mark.django_db

DUMP = Path(__file__).parents[2] / "data" / "mediawiki" / "gensim-redirects.xml"


def test_an_imported_dump_is_searchable_with_its_redirects() -> None:
    run = import_file(DUMP, fmt="mediawiki")
    assert run.status == ImportRun.Status.FINISHED
    assert run.created == 2
    found = search_run(q="Gershwin Paris")
    assert [r.article.title for r in found.results] == ["An American in Paris"]
    # The redirect AnAmericanInParis is an alias of the article search goes to.
    assert search_go(q="AnAmericanInParis").title == "An American in Paris"
    assert search_go(q="astronomers and astrophysicists").title == "Astronomer"


def test_a_batch_is_indexed_in_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[int]] = []
    index = services.search_index_articles

    def recording(*, article_ids: list[int]) -> None:
        calls.append(sorted(article_ids))
        index(article_ids=article_ids)

    monkeypatch.setattr(services, "search_index_articles", recording)
    import_file(DUMP, fmt="mediawiki")
    assert len(calls) == 1  # the dump is one batch: its articles and redirects together
    assert len(calls[0]) == 2
