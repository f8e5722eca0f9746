"""Which articles titles lead to (apps/articles/title_lookups.py): published articles by title,
aliases that lead to an article, in chunks, with titles passed as parameters, on SQLite and
PostgreSQL alike."""

from __future__ import annotations

import pytest

from cyclopedia.apps.articles import title_lookups
from cyclopedia.apps.articles.links import resolved_titles
from cyclopedia.apps.articles.models import Alias, Article, Revision
from cyclopedia.apps.articles.selectors import titles_existing
from cyclopedia.apps.articles.services import source_get_or_create
from cyclopedia.apps.articles.title_lookups import alias_ids, published_ids

pytestmark = pytest.mark.django_db

# Titles that would break a query that formatted them in, or a format string that took them.
ODD = "100% O'Brien {titles} %s"


def article(title: str, *, published: bool) -> Article:
    created = Article.objects.create(title=title)
    if published:
        source = source_get_or_create(name="T", kind="text")
        revision = Revision.objects.create(
            article=created, source=source, source_text="x", content_hash=title
        )
        created.published_revision = revision
        created.save(update_fields=["published_revision"])
    return created


@pytest.fixture
def site() -> dict[str, Article]:
    basra = article("Basra", published=True)
    odd = article(ODD, published=True)
    draft = article("Draft", published=False)
    Alias.objects.create(title="Al-Basra", target_title="Basra", article=basra)
    Alias.objects.create(title="Old draft", target_title="Draft", article=draft)
    Alias.objects.create(title="Nowhere", target_title="Missing", kind=Alias.Kind.REDIRECT)
    return {"basra": basra, "odd": odd, "draft": draft}


ASKED = {"Basra", ODD, "Draft", "Al-Basra", "Old draft", "Nowhere", "Missing"}


def test_published_articles_by_title(site: dict[str, Article]) -> None:
    assert published_ids(ASKED) == {"Basra": site["basra"].pk, ODD: site["odd"].pk}
    assert published_ids(set()) == {}


def test_aliases_that_lead_to_an_article(site: dict[str, Article]) -> None:
    assert alias_ids(ASKED, published=False) == {
        "Al-Basra": site["basra"].pk,
        "Old draft": site["draft"].pk,
    }
    assert alias_ids(ASKED, published=True) == {"Al-Basra": site["basra"].pk}
    assert alias_ids([], published=True) == {}


def test_long_lists_are_asked_in_chunks(
    site: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = (published_ids(ASKED), alias_ids(ASKED, published=False))
    monkeypatch.setattr(title_lookups, "CHUNK", 2)
    assert (published_ids(ASKED), alias_ids(ASKED, published=False)) == whole
    many = ASKED | {f"Nothing {n}" for n in range(25)}
    assert published_ids(many) == whole[0]


def test_the_callers_agree(site: dict[str, Article]) -> None:
    # Links lead to an article by its title or any name; pages show as existing only what is
    # published.
    assert resolved_titles(ASKED) == {
        "Basra": site["basra"].pk,
        ODD: site["odd"].pk,
        "Al-Basra": site["basra"].pk,
        "Old draft": site["draft"].pk,
    }
    assert titles_existing(titles=ASKED) == {"Basra", ODD, "Al-Basra"}
