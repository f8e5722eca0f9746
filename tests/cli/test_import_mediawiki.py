"""``cyclopedia import`` of MediaWiki dumps and wikitext files, end to end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client

from cyclopedia.apps.articles.models import Alias, Article, Revision
from cyclopedia.apps.ingest.models import ImportRun
from cyclopedia.cli.main import cli

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "mediawiki"
ZULKO = CORPUS / "zulko_tiny_dump_enwiki-20250201.xml.bz2"
# This dump has no <siteinfo>: the operator names its wiki.
ZULKO_WIKI = ("--source-url", "https://en.wikipedia.org/")
PEAR = CORPUS / "pywikibot_xml" / "pair-0.10.xml"
REDIRECTS = Path(__file__).resolve().parents[1] / "data" / "mediawiki" / "gensim-redirects.xml"

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_a_real_dump_imports_with_redirects_and_again_changes_nothing(client: Client) -> None:
    code, output = run("import", str(ZULKO), *ZULKO_WIKI)
    assert code == 0, output
    first = ImportRun.objects.get()
    assert first.created == 6
    assert first.aliases == 64
    assert first.failed == 0
    assert Article.objects.count() == 6
    # None of this dump's redirects leads to one of its own articles: they wait for targets.
    assert not Alias.objects.filter(article__isnull=False).exists()
    revisions = Revision.objects.count()
    code, _ = run("import", str(ZULKO), *ZULKO_WIKI)
    assert code == 0
    second = ImportRun.objects.order_by("-id").first()
    assert second is not None
    assert (second.created, second.updated, second.aliases) == (0, 0, 0)
    assert Revision.objects.count() == revisions


def test_redirects_lead_to_their_targets_whatever_the_order(client: Client) -> None:
    code, output = run("import", str(REDIRECTS))
    assert code == 0, output
    run_ = ImportRun.objects.get()
    assert (run_.created, run_.aliases) == (2, 2)
    assert client.get("/wiki/AnAmericanInParis")["Location"] == "/wiki/An_American_in_Paris"
    assert client.get("/wiki/Astronomers_and_Astrophysicists")["Location"] == "/wiki/Astronomer"
    assert client.get("/wiki/An_American_in_Paris").status_code == 200


def test_an_imported_article_reads_like_the_original(client: Client) -> None:
    run("import", str(ZULKO), *ZULKO_WIKI)
    article = Article.objects.get(title="Albedo")
    revision = article.published_revision
    assert revision is not None
    assert revision.license in ("CC-BY-SA-3.0", "CC-BY-SA-4.0")
    assert "oldid=" in revision.revision_url
    assert revision.history_url.endswith("action=history")
    assert revision.source_timestamp is not None
    page = client.get("/wiki/Albedo").content.decode()
    main = page.split('<main id="content"')[1].split("</main>")[0]
    shown = re.sub(r"<code>.*?</code>", "", main, flags=re.DOTALL)  # TeX is shown as written
    for leak in ("{{", "}}", "[[", "]]", "'''", "<ref"):
        assert leak not in shown, leak


def test_licence_follows_the_revision_date(client: Client) -> None:
    run("import", str(ZULKO), *ZULKO_WIKI)
    timestamps = Revision.objects.values_list("source_timestamp", "license")
    for stamp, license in timestamps:
        assert license == (
            "CC-BY-SA-4.0" if stamp.date().isoformat() >= "2023-06-07" else "CC-BY-SA-3.0"
        )


def test_the_newest_revision_of_a_history_dump_is_imported() -> None:
    code, output = run("import", str(PEAR))
    assert code == 0, output
    # Its first revision is a redirect, its last an article; the talk page is not an article.
    revision = Article.objects.get().published_revision
    assert revision is not None
    assert "Çullu, Quzanlı" in revision.source_text


def test_a_dump_of_an_unknown_wiki_is_quarantined_until_its_licence_is_known() -> None:
    code, output = run("import", str(ZULKO))
    assert code == 0, output
    run_ = ImportRun.objects.get()
    assert (run_.quarantined, run_.created) == (6, 0)
    assert "quarantined" in output


def test_a_bare_wikitext_file_imports_with_its_source(tmp_path: Path) -> None:
    source = CORPUS / "wtf_wikipedia_cache" / "julia_kristeva.txt"
    code, output = run(
        "import",
        str(source),
        "--title",
        "Julia Kristeva",
        "--source-url",
        "https://en.wikipedia.org/wiki/Julia_Kristeva",
    )
    assert code == 0, output
    revision = Article.objects.get(title="Julia Kristeva").published_revision
    assert revision is not None
    assert revision.source.name == "Wikipedia (English)"
    labels = [field["label"] for field in revision.infobox["fields"]]
    assert labels[:2] == ["Born", "Nationality"]
    assert len(revision.references) > 20


def test_unknown_templates_are_counted_in_the_report() -> None:
    code, output = run("import", str(CORPUS / "dbpedia_minidumps" / "dewiki-minidump.xml.bz2"))
    assert code == 0, output
    assert "templates not converted" in output
    assert ImportRun.objects.get().unknown_templates


def test_a_7z_dump_is_refused_with_a_clear_message() -> None:
    code, output = run("import", str(CORPUS / "pywikibot_xml" / "article-pyrus.xml.7z"))
    assert code == 1
    assert "decompress it first" in output
    assert not Article.objects.exists()


def test_a_dump_header_contradicting_the_file_name_is_shown_and_kept() -> None:
    """The DBpedia minidumps all carry English Wikipedia's header: the operator is told, in the
    summary, and the run keeps the warning."""
    path = CORPUS / "dbpedia_minidumps" / "dewiki-minidump.xml.bz2"
    code, output = run("import", str(path), "--workers", "1")
    assert code == 0, output
    assert "warning: the file name says dewiki (language 'de')" in output
    [warning] = ImportRun.objects.get().warnings
    assert "give the language if the name is right" in warning
    code, output = run("import", str(path), "--workers", "1", "--language", "de")
    assert code == 0, output
    assert "warning:" not in output
    assert ImportRun.objects.order_by("-id")[0].warnings == []


def test_the_summary_says_how_many_category_descriptions_were_saved() -> None:
    categories = REDIRECTS.parent / "dewiki-categories.xml"
    code, output = run("import", str(categories), "--workers", "1")
    assert code == 0, output
    assert (
        "2 read, 0 created, 0 updated, 0 unchanged, 0 aliases, 2 category descriptions saved"
        in (output)
    )
    code, output = run("import", str(categories), "--workers", "1")
    assert "2 unchanged, 0 aliases, 0 category descriptions saved" in output


def test_workers_prepare_articles_as_the_writer_would() -> None:
    """With workers, each article is converted and prepared in one worker process; what is
    stored is what converting and preparing it in the importing process stores."""

    def stored() -> list[tuple[str, str, str, str]]:
        return sorted(
            Revision.objects.values_list("article__title", "content_hash", "html", "plain_text")
        )

    code, output = run("import", str(ZULKO), *ZULKO_WIKI, "--workers", "1")
    assert code == 0, output
    alone = stored()
    Article.objects.all().delete()
    Alias.objects.all().delete()
    ImportRun.objects.all().delete()
    code, output = run("import", str(ZULKO), *ZULKO_WIKI, "--workers", "2")
    assert code == 0, output
    assert ImportRun.objects.get().created == 6
    assert stored() == alone
