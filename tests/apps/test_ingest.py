"""The ingest path: idempotent imports, new revisions for changed copies, quarantine, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyclopedia.apps.articles.models import Alias, Article, Revision
from cyclopedia.apps.ingest.models import ImportRun, Quarantine
from cyclopedia.apps.ingest.sample import sample_content_load
from cyclopedia.apps.ingest.services import documents_ingest, import_run_start
from cyclopedia.document import get_license
from cyclopedia.formats.base import ItemError, ReadOptions, ReadWarning
from cyclopedia.formats.text.reader import TextPageReader
from tests.apps.helpers import import_file
from tests.conftest import SEED, SEED_URL

pytestmark = pytest.mark.django_db

OPTIONS = ReadOptions(source_url=SEED_URL)


def test_importing_the_seed_twice_leaves_one_article_with_one_revision() -> None:
    first = import_file(SEED, OPTIONS)
    second = import_file(SEED, OPTIONS)
    assert (first.created, first.unchanged) == (1, 0)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 1)
    assert Article.objects.count() == 1
    assert Revision.objects.count() == 1


def test_a_changed_copy_adds_a_revision_on_top_of_the_first(tmp_path: Path) -> None:
    import_file(SEED, OPTIONS)
    changed = tmp_path / "changed.txt"
    changed.write_text(
        SEED.read_text(encoding="utf-8").replace("released in January 2010", "freed in 2010"),
        encoding="utf-8",
    )
    run = import_file(changed, OPTIONS)
    assert run.updated == 1
    article = Article.objects.get(title="Qais al-Khazali")
    first, second = article.revisions.order_by("created", "id")
    assert second.parent == first
    assert article.published_revision == second
    assert "freed in 2010" in second.plain_text
    # Importing the older copy again does not bring it back.
    assert import_file(SEED, OPTIONS).unchanged == 1
    article.refresh_from_db()
    assert article.published_revision == second


def test_the_seed_is_stored_with_its_attribution_and_aliases() -> None:
    import_file(SEED, OPTIONS)
    revision = Article.objects.get().published_revision
    assert revision is not None
    assert revision.license == "CC-BY-SA-3.0"
    assert revision.source.name == "Wikipedia (English)"
    assert revision.source_url == SEED_URL
    assert revision.history_url.endswith("title=Qais_al-Khazali&action=history")
    assert "footer" in revision.license_evidence
    assert [a.title for a in Alias.objects.all()] == ["Qayis Khazali"]
    assert [f["label"] for f in revision.infobox["fields"]] == [
        "Born",
        "Arrested",
        "Released",
        "Citizenship",
        "Alleged to be a member of",
    ]
    assert len(revision.references) == 7
    assert "World Heritage" not in revision.source_text + revision.html + revision.plain_text


def test_unpublishable_licence_is_quarantined_with_its_reason() -> None:
    run = import_file(SEED, ReadOptions(source_url=SEED_URL, license=get_license("CC-BY-NC-4.0")))
    assert (run.quarantined, run.created) == (1, 0)
    assert not Article.objects.exists()
    item = Quarantine.objects.get()
    assert item.license == "CC-BY-NC-4.0"
    assert "non-commercial" in item.reason
    assert item.title == "Qais al-Khazali"
    assert "Qayis Khazali" in item.source_text  # nothing of the item is lost


def test_no_licence_at_all_is_quarantined_for_an_editor(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Some Title\n\nA paragraph of text about the subject.\n", encoding="utf-8")
    run = import_file(page)
    assert run.quarantined == 1
    assert "NOASSERTION" in Quarantine.objects.get().reason


def test_a_bad_item_is_recorded_and_the_run_goes_on() -> None:
    from cyclopedia.formats.text.reader import TextPageReader

    good = next(TextPageReader().read(SEED, OPTIONS))
    run = import_run_start(path="mixed", format="text", options={})
    documents_ingest(run=run, items=[ItemError("item-1", "broken markup", "Broken"), good])
    run.refresh_from_db()
    assert (run.read, run.failed, run.created) == (2, 1, 1)
    assert run.errors == [{"key": "item-1", "title": "Broken", "message": "broken markup"}]
    assert run.checkpoint == {"skipped": 0, "input": "", "items_done": 2}


def test_sample_content_loads_only_into_an_empty_database() -> None:
    runs = sample_content_load()
    assert runs[0].created > 100  # the Ray Charles ZIM
    assert [run.created for run in runs][1:] == [1, 1, 1, 1, 1, 1]  # JATS, wikitext, the seed
    assert runs[-1].format == "text"  # the seed last: the newest article on the home page
    assert all(run.failed == run.quarantined == 0 for run in runs)
    article = Article.objects.get(title="Qais al-Khazali")
    assert article.published_revision.source_url == SEED_URL  # type: ignore[union-attr]
    andorra = Article.objects.get(title="Andorra").published_revision
    assert andorra is not None
    assert andorra.license == "CC-BY-SA-3.0"  # a 2016 revision
    assert "oldid=" in andorra.revision_url
    assert Alias.objects.get(title="AndorrA").article == Article.objects.get(title="Andorra")
    assert Article.objects.get(title="Julia Kristeva").published_revision.infobox  # type: ignore[union-attr]
    assert Article.objects.get(title="Alsea (company)").published_revision.infobox  # type: ignore[union-attr]
    assert sample_content_load() == []
    assert Article.objects.get(title="Ray Charles").published_revision.infobox  # type: ignore[union-attr]
    assert Article.objects.get(title="Bad medicine").published_revision.license == "CC-BY-3.0"  # type: ignore[union-attr]
    assert ImportRun.objects.count() == 7


def test_source_gets_the_homepage_of_its_urls() -> None:
    import_file(SEED, OPTIONS)
    revision = Revision.objects.get()
    assert revision.source.homepage == "https://en.wikipedia.org/"
    assert revision.lead.startswith("Qais al-Khazali (born 1974) is best known")


def test_a_reimport_never_replaces_a_local_edit(tmp_path: Path) -> None:
    import_file(SEED, OPTIONS)
    article = Article.objects.get()
    local = article.published_revision
    assert local is not None
    local.pk = None
    local.content_hash = "local edit"
    local.modified = True
    local.save()
    article.published_revision = local
    article.save()
    changed = tmp_path / "changed.txt"
    changed.write_text(SEED.read_text(encoding="utf-8").replace("Iraqi", "Iraqi!"), "utf-8")
    run = import_file(changed, OPTIONS)
    assert (run.held, run.updated) == (1, 0)
    article.refresh_from_db()
    assert article.published_revision == local  # the edit stays published
    assert article.revisions.count() == 3  # the new source revision is kept, unpublished


def test_warnings_about_an_input_are_kept_once_and_count_as_nothing_read() -> None:
    run = import_run_start(path="dewiki-x.xml", format="mediawiki", options={})
    document = next(iter(TextPageReader().read(SEED, OPTIONS)))
    warning = ReadWarning("the file name says dewiki but the header says 'en'")
    documents_ingest(run=run, items=[warning, document, warning], batch_size=2)
    run.refresh_from_db()
    assert run.warnings == [warning.message]
    assert (run.read, run.created) == (1, 1)
    assert run.checkpoint["items_done"] == 1  # a resume skips items, never warnings
