"""``cyclopedia export``: the sample content to JSONL and back into an empty database with the
same Documents and content hashes; to a ZIM that libzim reads; only publishable content."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from libzim.reader import Archive  # type: ignore[import-untyped]
from libzim.search import Query, Searcher  # type: ignore[import-untyped]

from cyclopedia.apps.articles.conversion import document_of
from cyclopedia.apps.articles.models import (
    Alias,
    Article,
    Category,
    InfoboxFact,
    Revision,
    Source,
)
from cyclopedia.apps.ingest.models import ImportRun
from cyclopedia.apps.ingest.sample import sample_content_load
from cyclopedia.cli.main import cli

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def snapshot() -> dict[str, dict[str, object]]:
    """Everything an exchange must carry, per published article."""
    articles: dict[str, dict[str, object]] = {}
    for article in Article.objects.filter(published_revision__isnull=False).select_related(
        "published_revision__source"
    ):
        revision = article.published_revision
        assert revision is not None
        articles[article.title] = {
            "document": document_of(revision),
            "content_hash": revision.content_hash,
            "source_text": revision.source_text,
            "html": revision.html,
            "license": revision.license,
            "attribution": (
                revision.source.name, revision.source_title, revision.source_url,
                revision.revision_url, revision.history_url, list(revision.authors),
                revision.source_revision, revision.source_timestamp, revision.copyright_notice,
                list(revision.upstream_notices), revision.modified, revision.license_evidence,
            ),
            "categories": sorted(c.name for c in article.categories.all()),
            "aliases": sorted(article.aliases.values_list("title", "kind")),
            "facts": list(InfoboxFact.objects.filter(article=article).values_list(
                "key", "text", "date", "date_precision", "place", "link_title"
            )),
        }  # fmt: skip
    return articles


def empty_database() -> None:
    Article.objects.all().delete()
    Alias.objects.all().delete()
    Category.objects.all().delete()
    ImportRun.objects.all().delete()
    Source.objects.all().delete()


@pytest.mark.parametrize("name", ["site.jsonl", "site.jsonl.gz"])
def test_jsonl_round_trip_into_an_empty_database(tmp_path: Path, name: str) -> None:
    sample_content_load()
    before = snapshot()
    assert len(before) > 100
    redirects = sorted(
        Alias.objects.filter(kind=Alias.Kind.REDIRECT).values_list("title", "target_title")
    )
    assert redirects
    out = tmp_path / name
    code, output = run("export", str(out))
    assert code == 0, output
    assert f"{len(before)} articles, {len(redirects)} redirects, 0 skipped" in output
    empty_database()
    assert not Article.objects.exists()
    code, output = run("import", str(out), "--workers", "1")
    assert code == 0, output
    after = snapshot()
    assert after.keys() == before.keys()
    for title in before:
        assert after[title] == before[title], title
    assert (
        sorted(Alias.objects.filter(kind=Alias.Kind.REDIRECT).values_list("title", "target_title"))
        == redirects
    )
    # Importing the same export again changes nothing.
    code, output = run("import", str(out), "--workers", "1")
    assert code == 0
    assert f"0 created, 0 updated, {len(before) + len(redirects)} unchanged" in output
    assert snapshot() == before  # fmt: skip


def test_only_publishable_published_articles_leave(tmp_path: Path) -> None:
    sample_content_load()
    withdrawn = Article.objects.get(title="Qais al-Khazali")
    withdrawn.published_revision = None
    withdrawn.save()
    # As if the licence of this one had been found to be NC since.
    Revision.objects.filter(article__title="Andorra").update(license="CC-BY-NC-4.0")
    out = tmp_path / "site.zim"
    code, output = run("export", str(out), "--site-url", "https://cyclopedia.example/")
    assert code == 0, output
    zim = Archive(str(out))
    assert not zim.has_entry_by_path("Qais_al-Khazali")
    assert not zim.has_entry_by_path("Andorra")
    assert zim.has_entry_by_path("Julia_Kristeva")
    page = bytes(zim.get_entry_by_path("Julia_Kristeva").get_item().content).decode()
    assert "Source and licence" in page
    assert "https://en.wikipedia.org/wiki/Julia_Kristeva" in page
    assert zim.get_metadata("Source") == b"https://cyclopedia.example/"
    ray = zim.get_entry_by_path("Ray_Charles")
    assert not ray.is_redirect
    results = list(Searcher(zim).search(Query().set_query("Kristeva")).getResults(0, 20))
    assert "Julia_Kristeva" in results


def test_export_needs_a_format(tmp_path: Path) -> None:
    code, output = run("export", str(tmp_path / "out.bin"))
    assert code == 2
    assert "end OUTPUT in .zim, .jsonl or .jsonl.gz" in output
