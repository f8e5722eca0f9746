"""``cyclopedia import`` of ZIM archives, saved wiki pages and web pages, detected by content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client

from cyclopedia.apps.articles.models import Alias, Article, Source
from cyclopedia.apps.ingest.models import ImportRun, Quarantine
from cyclopedia.cli.main import cli

pytestmark = pytest.mark.django_db(transaction=True)

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
RAY_CHARLES = CORPUS / "zim" / "libkiwix_zimfile_raycharles.zim"
WTQ = CORPUS / "html" / "wikipedia_render_wtq"
WEB = CORPUS / "html" / "trafilatura" / "cache"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["import", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_zim_archive_imports_with_its_redirects_and_reimports_unchanged(client: Client) -> None:
    output = run(str(RAY_CHARLES))
    assert "zim" in output
    created = Article.objects.filter(published_revision__isnull=False).count()
    assert created > 100
    assert Alias.objects.exclude(article=None).count() > 100
    assert Source.objects.filter(kind=Source.Kind.ZIM).exists()
    page = client.get("/wiki/Ray_Charles")
    assert page.status_code == 200
    assert b'class="infobox"' in page.content
    run(str(RAY_CHARLES))
    last = ImportRun.objects.order_by("-pk").first()
    assert last is not None
    assert (last.created, last.updated) == (0, 0)


def test_a_folder_of_saved_wiki_pages_skips_their_metadata_files(tmp_path: Path) -> None:
    pages = sorted(WTQ.glob("*.html"))[:3]
    for page in pages:
        shutil.copy(page, tmp_path / page.name)
        beside = page.with_suffix(".json")
        if beside.exists():
            shutil.copy(beside, tmp_path / beside.name)
    run(str(tmp_path))
    runs = ImportRun.objects.all()
    assert {r.format for r in runs} == {"wikihtml"}
    assert len(runs) == len(pages)
    assert Article.objects.filter(published_revision__isnull=False).count() == len(pages)
    infoboxes = Article.objects.values_list("published_revision__infobox", flat=True)
    assert all(infobox.get("fields") for infobox in infoboxes)


def test_web_pages_are_published_or_quarantined_by_the_licence_they_state() -> None:
    run(str(WEB / "creativecommons.org.html"), str(WEB / "lemire.me.json.html"))
    published = Article.objects.filter(published_revision__isnull=False)
    assert list(published.values_list("published_revision__license", flat=True)) == ["CC-BY-4.0"]
    assert Quarantine.objects.get().license == "NOASSERTION"
