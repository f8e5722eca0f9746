"""Long lists go page by page without being counted (apps/pages/paging.py)."""

from __future__ import annotations

import pytest
from django.test import Client

from cyclopedia.apps.articles.models import Article
from cyclopedia.apps.editorial import history_views
from cyclopedia.apps.pages import paging
from cyclopedia.apps.pages.paging import MAX_PAGE, open_page
from tests.apps.search.conftest import Publish, publish  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_pages_say_whether_there_is_a_next_one(publish: Publish) -> None:  # noqa: F811
    for n in range(5):
        publish(f"Article {n}", "Text.")
    rows = Article.objects.order_by("title")
    first = open_page(rows, None, 2)
    assert [a.title for a in first.object_list] == ["Article 0", "Article 1"]
    assert (first.number, first.has_previous, first.has_next) == (1, False, True)
    last = open_page(rows, "3", 2)
    assert [a.title for a in last.object_list] == ["Article 4"]
    assert (last.has_previous, last.has_next, last.previous_page_number) == (True, False, 2)
    assert open_page(rows, "4", 2).object_list == []
    for raw in ("0", "-1", "x", "1e3", "２", "", "99999"):
        assert open_page(rows, raw, 2).number in (1, MAX_PAGE), raw


def test_the_last_page_served_has_no_next(
    publish: Publish,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(paging, "MAX_PAGE", 2)
    for n in range(5):
        publish(f"Article {n}", "Text.")
    rows = Article.objects.order_by("title")
    assert open_page(rows, "1", 2).has_next
    last = open_page(rows, "2", 2)
    assert not last.has_next
    assert open_page(rows, "3", 2).number == 2


def test_recent_changes_go_page_by_page(
    client: Client,
    publish: Publish,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(history_views, "RECENT_PAGE_SIZE", 2)
    for n in range(3):
        publish(f"Article {n}", "Text.")
    first = client.get("/recent-changes").content.decode()
    assert first.count('class="history__item"') == 2
    assert 'rel="next"' in first
    assert 'rel="prev"' not in first
    assert "Page 1</span>" in first  # no "of N": the list is not counted
    second = client.get("/recent-changes", {"page": "2"}).content.decode()
    assert second.count('class="history__item"') == 1
    assert 'rel="prev"' in second
    assert 'rel="next"' not in second
