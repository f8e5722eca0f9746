"""An article whose page became a redirect in a newer dump: withdrawn, its history kept, its
title and the links to it leading to the redirect's target; held when it was edited here.

The first dump is ``gensim-redirects.xml`` (real pages of English Wikipedia: the article
"Astronomer" of 2016, "An American in Paris", and two redirects) with a page "Stargazing" that
links to "Astronomer" and to the redirect "Astronomers and Astrophysicists". The newer dump has
the page "Astronomer" (the same page id) as "#REDIRECT [[Astronomy]]" of 2024, and "Astronomy".
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from django.test import Client

from cyclopedia.apps.articles.models import Alias, Article, Category, Link, Revision
from cyclopedia.apps.ingest.models import ImportRun
from cyclopedia.formats.base import ReadOptions
from tests.apps.helpers import import_file
from tests.apps.test_links import publish

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[1] / "data" / "mediawiki"
GENSIM = (DATA / "gensim-redirects.xml").read_text(encoding="utf-8")
HEAD, _, PAGES = GENSIM.partition("</siteinfo>")
HEAD += "</siteinfo>\n"
PAGES = PAGES.replace("</mediawiki>", "").rstrip() + "\n"


def page(title: str, page_id: int, text: str, *, revision: int, when: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        f"<page><title>{title}</title><ns>0</ns><id>{page_id}</id>"
        f"<revision><id>{revision}</id><timestamp>{when}</timestamp>"
        "<contributor><username>Ann</username><id>7</id></contributor>"
        f'<model>wikitext</model><format>text/x-wiki</format><text xml:space="preserve">{text}'
        "</text></revision></page>\n"
    )


STARGAZING = page(
    "Stargazing",
    9001,
    "'''Stargazing''' is what an [[Astronomer]] does, and what [[Astronomers and Astrophysicists]]"
    " do.",
    revision=9001001,
    when="2016-05-01T00:00:00Z",
)
ASTRONOMY = page(
    "Astronomy",
    9002,
    "'''Astronomy''' is the science of [[Astronomer|astronomers]].\n\n[[Category:Astronomy]]",
    revision=9002001,
    when="2024-01-01T00:00:00Z",
)


def redirect(title: str, page_id: int, target: str, *, when: str = "2024-02-02T00:00:00Z") -> str:
    return page(title, page_id, f"#REDIRECT [[{target}]]", revision=page_id * 1000 + 2, when=when)


def newer_pages(*pages: str) -> str:
    """The first dump's pages, with these in place of the pages of the same titles."""
    kept = PAGES
    for new in pages:
        title = new.split("<title>", 1)[1].split("</title>", 1)[0]
        start = kept.find(f"<title>{title}</title>")
        if start >= 0:
            begin = kept.rfind("<page>", 0, start)
            end = kept.index("</page>", start) + len("</page>")
            kept = kept[:begin] + kept[end:]
        kept += new
    return kept


def dump(tmp_path: Path, name: str, pages: str) -> Path:
    path = tmp_path / name
    path.write_text(HEAD + pages + "</mediawiki>\n", encoding="utf-8")
    return path


@pytest.fixture
def dumps(tmp_path: Path) -> tuple[Path, Path]:
    old = dump(tmp_path, "old.xml", PAGES + STARGAZING)
    new = dump(
        tmp_path,
        "new.xml",
        newer_pages(STARGAZING, redirect("Astronomer", 580, "Astronomy"), ASTRONOMY),
    )
    return old, new


def run(path: Path) -> ImportRun:
    return import_file(path, ReadOptions(), fmt="mediawiki")


def counts(run: ImportRun) -> tuple[int, ...]:
    return (run.created, run.updated, run.unchanged, run.aliases, run.held, run.failed)


def snapshot() -> dict[str, object]:
    return {
        "articles": sorted(
            Article.objects.values_list("title", "published_revision__content_hash")
        ),
        "revisions": sorted(Revision.objects.values_list("article__title", "content_hash")),
        "aliases": sorted(Alias.objects.values_list("title", "target_title", "article__title")),
        "links": sorted(
            Link.objects.values_list("from_article__title", "target_title", "target__title")
        ),
    }


def link_classes(client: Client, path: str) -> dict[str, str]:
    page = lxml.html.fromstring(client.get(path).content)
    return {a.get("href"): a.get("class") for a in page.xpath("//a[contains(@class, 'wikilink')]")}


def test_an_article_that_became_a_redirect_is_withdrawn_and_its_title_leads_on(
    client: Client, dumps: tuple[Path, Path]
) -> None:
    old, new = dumps
    assert counts(run(old)) == (3, 0, 0, 2, 0, 0)
    astronomer = Article.objects.get(title="Astronomer")
    history = list(astronomer.revisions.values_list("pk", flat=True))

    assert counts(run(new)) == (1, 0, 4, 1, 0, 0)  # Astronomy new; Astronomer a redirect
    astronomer.refresh_from_db()
    assert astronomer.published_revision is None  # withdrawn...
    assert list(astronomer.revisions.values_list("pk", flat=True)) == history  # ...not lost
    redirect_ = Alias.objects.get(title="Astronomer")
    assert (redirect_.kind, redirect_.target_title) == (Alias.Kind.REDIRECT, "Astronomy")
    assert redirect_.article is not None
    assert redirect_.article.title == "Astronomy"
    assert client.get("/wiki/Astronomer")["Location"] == "/wiki/Astronomy"
    # The redirect to the former article follows it one hop.
    assert client.get("/wiki/Astronomers_and_Astrophysicists")["Location"] == "/wiki/Astronomy"
    # Links to it resolve through the redirect, and are shown as existing.
    assert dict(
        Link.objects.filter(from_article__title="Stargazing").values_list(
            "target_title", "target__title"
        )
    ) == {"Astronomer": "Astronomy", "Astronomers and Astrophysicists": "Astronomy"}
    assert link_classes(client, "/wiki/Stargazing") == {
        "/wiki/Astronomer": "wikilink",
        "/wiki/Astronomers_and_Astrophysicists": "wikilink",
    }
    # Its text is shown nowhere: not in its categories, not in search.
    assert (
        not Category.objects.get(name="Astronomers")
        .articles.filter(published_revision__isnull=False)
        .exists()
    )
    from cyclopedia.apps.search.selectors import search_run

    found = {result.article.title for result in search_run(q="astronomer").results}
    assert "Astronomer" not in found
    assert "Astronomy" in found


def test_importing_either_dump_again_changes_nothing(dumps: tuple[Path, Path]) -> None:
    old, new = dumps
    run(old)
    run(new)
    expected = snapshot()
    assert counts(run(new)) == (0, 0, 6, 0, 0, 0)
    assert snapshot() == expected
    # The older dump again: its article "Astronomer" is history, its redirects are unchanged.
    assert counts(run(old)) == (0, 0, 5, 0, 0, 0)
    assert snapshot() == expected


def test_the_newer_dump_first_gives_the_same_database(dumps: tuple[Path, Path]) -> None:
    old, new = dumps
    run(old)
    run(new)
    expected = snapshot()
    for model in (Link, Alias, Revision, Article, ImportRun):
        model.objects.all().delete()
    first, second = run(new), run(old)
    assert counts(first) == (3, 0, 0, 3, 0, 0)
    # The older text of "Astronomer" is kept as its history, unpublished; nothing else changes.
    assert counts(second) == (0, 0, 5, 0, 0, 0)
    assert snapshot() == expected


def test_an_article_edited_here_is_held_not_withdrawn(
    client: Client, dumps: tuple[Path, Path]
) -> None:
    old, new = dumps
    run(old)
    astronomer = Article.objects.get(title="Astronomer")
    local = astronomer.published_revision
    assert local is not None
    local.pk = None
    local.content_hash = "edited here"
    local.modified = True
    local.save()
    astronomer.published_revision = local
    astronomer.save()

    result = run(new)
    assert (result.held, result.aliases) == (1, 0)
    astronomer.refresh_from_db()
    assert astronomer.published_revision == local
    assert not Alias.objects.filter(title="Astronomer").exists()
    assert client.get("/wiki/Astronomer").status_code == 200
    again = run(new)
    assert (again.held, again.aliases, again.updated) == (1, 0, 0)


def test_a_page_that_is_an_article_again_is_published_again(
    client: Client, dumps: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = dumps
    run(old)
    run(new)
    back = page(
        "Astronomer",
        580,
        "An '''astronomer''' studies the sky.",
        revision=580003,
        when="2025-03-03T00:00:00Z",
    )
    latest = dump(tmp_path, "latest.xml", newer_pages(STARGAZING, back, ASTRONOMY))
    result = run(latest)
    assert (result.updated, result.aliases) == (1, 0)
    astronomer = Article.objects.get(title="Astronomer")
    assert astronomer.published_revision is not None
    assert astronomer.revisions.count() == 2
    assert not Alias.objects.filter(title="Astronomer").exists()
    assert client.get("/wiki/Astronomer").status_code == 200
    assert client.get("/wiki/Astronomers_and_Astrophysicists")["Location"] == "/wiki/Astronomer"
    assert dict(
        Link.objects.filter(from_article__title="Stargazing").values_list(
            "target_title", "target__title"
        )
    ) == {"Astronomer": "Astronomer", "Astronomers and Astrophysicists": "Astronomer"}
    assert counts(run(latest)) == (0, 0, 6, 0, 0, 0)


def test_a_redirect_to_itself_is_refused_and_the_article_stays(
    client: Client, dumps: tuple[Path, Path], tmp_path: Path
) -> None:
    old, _ = dumps
    run(old)
    itself = redirect("Astronomer", 580, "Astronomer#History")
    result = run(dump(tmp_path, "itself.xml", newer_pages(itself)))
    assert result.failed == 1
    [error] = result.errors
    assert error["title"] == "Astronomer"
    assert "redirects to itself" in error["message"]
    assert client.get("/wiki/Astronomer").status_code == 200


def test_a_redirect_loop_leads_nowhere(client: Client, tmp_path: Path) -> None:
    first = dump(
        tmp_path,
        "first.xml",
        page("Ping", 1, "Ping. See [[Pong]].", revision=11, when="2020-01-01T00:00:00Z")
        + page("Pong", 2, "Pong. See [[Ping]].", revision=21, when="2020-01-01T00:00:00Z")
        + page("Table", 3, "[[Ping]] and [[Pong]].", revision=31, when="2020-01-01T00:00:00Z"),
    )
    loop = dump(
        tmp_path,
        "loop.xml",
        redirect("Ping", 1, "Pong")
        + redirect("Pong", 2, "Ping")
        + page("Table", 3, "[[Ping]] and [[Pong]].", revision=31, when="2020-01-01T00:00:00Z"),
    )
    run(first)
    result = run(loop)
    assert (result.aliases, result.failed) == (2, 0)
    assert not Article.objects.filter(title__in=["Ping", "Pong"], published_revision__isnull=False)
    assert sorted(Alias.objects.values_list("title", "target_title", "article")) == [
        ("Ping", "Pong", None),
        ("Pong", "Ping", None),
    ]
    for title in ("Ping", "Pong"):
        assert client.get(f"/wiki/{title}").status_code == 404  # not a redirect without end
    assert link_classes(client, "/wiki/Table") == {
        "/wiki/Ping": "wikilink new",
        "/wiki/Pong": "wikilink new",
    }
    expected = snapshot()
    assert run(loop).aliases == 0
    assert snapshot() == expected


def test_an_article_of_another_source_is_not_replaced_by_a_redirect(
    client: Client, dumps: tuple[Path, Path]
) -> None:
    _, new = dumps
    publish("Astronomer", "An article from another source.")
    result = run(new)
    assert result.aliases == 2  # the two redirects to An American in Paris and Astronomer
    assert Article.objects.get(title="Astronomer").published_revision is not None
    assert not Alias.objects.filter(title="Astronomer").exists()
    assert client.get("/wiki/Astronomer").status_code == 200


def test_an_older_redirect_does_not_replace_a_newer_article(
    client: Client, dumps: tuple[Path, Path], tmp_path: Path
) -> None:
    old, _ = dumps
    run(old)  # Astronomer as of 2016
    stale = dump(tmp_path, "stale.xml", redirect("Astronomer", 580, "Astronomy", when="2010-01-01"))
    assert counts(run(stale)) == (0, 0, 1, 0, 0, 0)
    assert client.get("/wiki/Astronomer").status_code == 200
