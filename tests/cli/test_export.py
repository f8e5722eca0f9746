"""``cyclopedia export``: the sample content to JSONL and back into an empty database with the
same Documents and content hashes; to a ZIM that libzim reads; only publishable content."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
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
from cyclopedia.exports.zim import DOCUMENTS_PREFIX, SCRAPER

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


def test_zim_round_trip_into_an_empty_database(tmp_path: Path) -> None:
    """A site's ZIM, imported into an empty Cyclopedia, gives the same articles: each page's
    Document travels beside it (exports/zim.py), with its attribution and licence."""
    sample_content_load()
    before = snapshot()
    redirects = sorted(
        Alias.objects.filter(kind=Alias.Kind.REDIRECT).values_list("title", "target_title")
    )
    out = tmp_path / "site.zim"
    code, output = run("export", str(out), "--site-url", "https://cyclopedia.example/")
    assert code == 0, output
    zim = Archive(str(out))
    assert zim.get_metadata("Scraper") == SCRAPER.encode()
    assert zim.has_entry_by_path(DOCUMENTS_PREFIX + "Julia_Kristeva")
    # Full-text search finds an article by a word of its body (not of its title), and the
    # documents beside the pages are not among the results.
    found = list(Searcher(zim).search(Query().set_query("semiotics")).getResults(0, 50))
    assert "Julia_Kristeva" in found
    assert not [path for path in found if path.startswith(DOCUMENTS_PREFIX)]
    empty_database()
    code, output = run("import", str(out), "--workers", "1")
    assert code == 0, output
    assert "0 failed" in output or "failed" not in output
    after = snapshot()
    assert after.keys() == before.keys()
    for title in before:
        assert after[title] == before[title], title
    assert (
        sorted(Alias.objects.filter(kind=Alias.Kind.REDIRECT).values_list("title", "target_title"))
        == redirects
    )


def test_a_forged_exported_document_is_one_failed_item(tmp_path: Path) -> None:
    """An archive claiming to be a Cyclopedia export whose document is not one: that article
    fails with a clear message, the others import."""
    sample_content_load()
    out = tmp_path / "site.zim"
    assert run("export", str(out))[0] == 0
    empty_database()
    forged = tmp_path / "forged.zim"
    _copy_with_broken_document(out, forged, "Julia_Kristeva")
    code, output = run("import", str(forged), "--workers", "1")
    assert code != 0 or "1 failed" in output, output
    run_record = ImportRun.objects.latest("id")
    assert any("exported document cannot be read" in str(error) for error in run_record.errors), (
        run_record.errors
    )
    assert not Article.objects.filter(title="Julia Kristeva").exists()
    assert Article.objects.filter(title="Ray Charles").exists()


def _copy_with_broken_document(source: Path, target: Path, path: str) -> None:
    from libzim.writer import Creator, Hint, Item, StringProvider  # type: ignore[import-untyped]

    class Copy(Item):  # type: ignore[misc]
        def __init__(self, path: str, title: str, mimetype: str, content: bytes) -> None:
            super().__init__()
            self.values = (path, title, mimetype, content)

        def get_path(self) -> str:
            return self.values[0]

        def get_title(self) -> str:
            return self.values[1]

        def get_mimetype(self) -> str:
            return self.values[2]

        def get_contentprovider(self) -> StringProvider:
            return StringProvider(self.values[3])

        def get_hints(self) -> dict[Hint, int]:
            return {Hint.FRONT_ARTICLE: self.values[2] == "text/html"}

    archive = Archive(str(source))
    with Creator(str(target)) as creator:
        for index in range(archive.entry_count):
            entry = archive._get_entry_by_id(index)
            if entry.is_redirect:
                continue
            item = entry.get_item()
            content = bytes(item.content)
            if entry.path == DOCUMENTS_PREFIX + path:
                content = b'{"title": "Julia Kristeva", "license": {"spdx": "CC0-1.0"}}'
            creator.add_item(Copy(entry.path, entry.title, item.mimetype, content))
        for name in archive.metadata_keys:
            if not name.startswith("Illustration") and name != "Counter":
                creator.add_metadata(name, bytes(archive.get_metadata(name)).decode())


def test_kiwix_serve_serves_the_exported_archive(tmp_path: Path) -> None:
    """kiwix-serve (Debian's kiwix-tools, which .ci/run installs) serves an article page of the
    export, and finds an article by a word of its body."""
    binary = shutil.which("kiwix-serve")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("kiwix-serve is missing: .ci/run installs Debian's kiwix-tools")
        pytest.skip("kiwix-serve is not installed (Debian package kiwix-tools)")
    sample_content_load()
    out = tmp_path / "site.zim"
    assert run("export", str(out))[0] == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [binary, "--address", "127.0.0.1", "--port", str(port), str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base + "/catalog/v2/entries")
        # kiwix-serve 3.3 serves a book at /NAME/, later ones at /content/NAME/.
        page = _first_page([f"{base}/site/Julia_Kristeva", f"{base}/content/site/Julia_Kristeva"])
        assert "<h1>Julia Kristeva</h1>" in page
        assert "Source and licence" in page
        found = _first_page([f"{base}/search?content=site&pattern=semiotics"])
        assert "Julia_Kristeva" in found
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(url: str, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _first_page(urls: list[str]) -> str:
    problems = []
    for url in urls:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return str(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            problems.append(f"{url}: {error.code}")
    raise AssertionError("kiwix-serve answered none of them: " + "; ".join(problems))
