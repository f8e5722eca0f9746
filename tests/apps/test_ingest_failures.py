"""Imports that go wrong part-way: nothing half-written, counts that match the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest
from django.db import DatabaseError, IntegrityError, transaction

from cyclopedia.apps.articles import services as article_services
from cyclopedia.apps.articles.models import Article, Revision, Source
from cyclopedia.apps.ingest.models import Quarantine
from cyclopedia.apps.ingest.services import documents_ingest, import_run_start
from cyclopedia.document import Attribution, Document, get_license
from cyclopedia.formats.base import ReadError, ReadOptions
from cyclopedia.formats.text.reader import TextPageReader
from tests.apps.helpers import import_file
from tests.conftest import SEED, SEED_URL

pytestmark = pytest.mark.django_db


def doc(title: str, body: str = "Text.", **attribution: object) -> Document:
    return Document(
        title=title,
        body=body,
        attribution=Attribution(source_title=title, source_name="Wiki", **attribution),  # type: ignore[arg-type]
        license=get_license("CC-BY-SA-4.0"),
        source_key=title,
    )


def test_a_failing_item_does_not_take_its_new_source_and_batch_down(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = article_services.article_import_document

    def flaky(*, document: Document, **kwargs: object) -> object:
        if document.title == "First":
            raise DatabaseError("simulated failure")
        return real(document=document, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("cyclopedia.apps.ingest.services.article_import_document", flaky)
    run = import_run_start(path="x", format="text", options={})
    documents_ingest(run=run, items=[doc("First"), doc("Second")])
    run.refresh_from_db()
    assert (run.failed, run.created) == (1, 1)
    assert list(Article.objects.values_list("title", flat=True)) == ["Second"]
    assert Source.objects.get().name == "Wiki"


@pytest.mark.parametrize("workers", [1, 2])
def test_items_read_before_a_read_error_are_saved_and_counted(workers: int) -> None:
    # workers=2: prepared in worker processes and read ahead in a thread, as a dump is.
    def items() -> Iterator[Document]:
        yield doc("One")
        yield doc("Two")
        raise ReadError("dump.xml", "truncated after 2 pages")

    run = import_run_start(path="dump.xml", format="text", options={})
    with pytest.raises(ReadError):
        documents_ingest(run=run, items=items(), workers=workers)
    run.refresh_from_db()
    assert (run.read, run.created) == (2, 2)
    assert Article.objects.count() == 2


def test_an_interrupted_batch_leaves_no_counts_for_what_was_rolled_back() -> None:
    def items() -> Iterator[Document]:
        yield doc("One")
        raise KeyboardInterrupt

    run = import_run_start(path="x", format="text", options={})
    with pytest.raises(KeyboardInterrupt):
        documents_ingest(run=run, items=items(), batch_size=1)
    assert (run.read, run.created) == (1, 1)  # the first batch was committed
    assert Article.objects.count() == 1


def test_quarantining_the_same_item_twice_keeps_one_row() -> None:
    options = ReadOptions(source_url=SEED_URL, license=get_license("CC-BY-NC-4.0"))
    import_file(SEED, options)
    second = import_file(SEED, options)
    assert second.quarantined == 1
    assert Quarantine.objects.count() == 1


def test_an_older_revision_of_the_same_source_item_never_replaces_a_newer_one() -> None:
    source = article_services.source_get_or_create(name="Wiki", kind="mediawiki")
    newer = doc("Page", "Newer text.", source_timestamp=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    older = replace(
        newer,
        body="Older text.\n",
        attribution=replace(
            newer.attribution, source_timestamp=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
        ),
    )
    assert article_services.article_import_document(document=newer, source=source).value == (
        "created"
    )
    outcome = article_services.article_import_document(document=older, source=source)
    assert outcome is article_services.ImportOutcome.UNCHANGED
    assert Revision.objects.count() == 1


def test_the_database_refuses_a_second_revision_with_the_same_content() -> None:
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    revision = Revision.objects.get()
    revision.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        revision.save()


def test_losing_the_race_to_an_identical_revision_is_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two writers that both passed the existence check: the second meets the constraint."""
    document = next(TextPageReader().read(SEED, ReadOptions(source_url=SEED_URL)))
    source = article_services.source_get_or_create(name="W", kind="text")
    article_services.article_import_document(document=document, source=source)

    def raced(*args: object) -> object:
        raise IntegrityError("duplicate key value violates unique constraint unique_content")

    monkeypatch.setattr(article_services, "_import", raced)
    outcome = article_services.article_import_document(document=document, source=source)
    assert outcome is article_services.ImportOutcome.UNCHANGED
    assert Revision.objects.count() == 1
