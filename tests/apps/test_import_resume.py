"""A crash mid-import followed by a resume gives the same database as an uninterrupted import."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from cyclopedia.apps.articles.models import Alias, Article, Revision, Source
from cyclopedia.apps.ingest.models import ImportRun
from cyclopedia.apps.ingest.services import (
    documents_ingest,
    import_resume_point,
    import_run_finish,
    import_run_start,
)
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.mediawiki.reader import MediaWikiDumpReader

pytestmark = pytest.mark.django_db

DUMP = (
    Path(__file__).resolve().parents[2].parent
    / "shared/corpus/mediawiki/zulko_tiny_dump_enwiki-20250201.xml.bz2"
)
OPTIONS = ReadOptions(source_url="https://en.wikipedia.org/")
REDIRECTS = Path(__file__).resolve().parents[1] / "data" / "mediawiki" / "gensim-redirects.xml"
T = TypeVar("T")


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs, not even the run's own bookkeeping."""


def killed_after(items: Iterator[T], count: int) -> Iterator[T]:
    for index, item in enumerate(items):
        if index == count:
            raise Killed
        yield item


def snapshot() -> dict[str, object]:
    return {
        "articles": sorted(
            Article.objects.values_list("title", "published_revision__content_hash")
        ),
        "revisions": Revision.objects.count(),
        "aliases": sorted(Alias.objects.values_list("title", "target_title", "article__title")),
    }


def import_whole() -> None:
    run = import_run_start(path=DUMP, format="mediawiki", options={})
    documents_ingest(run=run, items=MediaWikiDumpReader().read(DUMP, OPTIONS), batch_size=5)
    import_run_finish(run=run, status=ImportRun.Status.FINISHED)


@pytest.mark.parametrize(
    ("crash_at", "workers"),
    # workers=2: pages are converted in worker processes and read ahead in a thread; the crash
    # may catch pages still in the workers, so fewer batches may be saved, but never more, and
    # the resumed import must still equal an uninterrupted one.
    [(3, 1), (12, 1), (41, 1), (12, 2)],
)
def test_a_killed_import_resumed_equals_an_uninterrupted_one(crash_at: int, workers: int) -> None:
    import_whole()
    expected = snapshot()
    for model in (Alias, Revision, Article, ImportRun, Source):
        model.objects.all().delete()

    first = import_run_start(path=DUMP, format="mediawiki", options={})
    read = MediaWikiDumpReader().read(DUMP, dataclasses.replace(OPTIONS, workers=workers))
    items = killed_after(read, crash_at)
    with pytest.raises(Killed):
        documents_ingest(run=first, items=items, batch_size=5, workers=workers)
    saved = import_resume_point(path=DUMP, format="mediawiki")
    if workers == 1:
        assert saved == crash_at - crash_at % 5  # the whole batches before the crash
    else:  # the crash may have caught the batches before it in the workers, as kill -9 would
        assert saved % 5 == 0
        assert saved <= crash_at

    skip = import_resume_point(path=DUMP, format="mediawiki")
    second = import_run_start(path=DUMP, format="mediawiki", options={}, skip=skip)
    resumed = MediaWikiDumpReader().read(DUMP, dataclasses.replace(OPTIONS, skip=skip))
    documents_ingest(run=second, items=resumed, batch_size=5)
    import_run_finish(run=second, status=ImportRun.Status.FINISHED)

    assert snapshot() == expected
    assert second.read == 70 - saved  # nothing read twice...
    assert import_resume_point(path=DUMP, format="mediawiki") == 0  # ...and nothing left


def test_a_finished_import_is_not_resumed() -> None:
    import_whole()
    assert import_resume_point(path=DUMP, format="mediawiki") == 0


def interrupted_run(path: Path, fingerprint: str, options: dict[str, str]) -> None:
    run = import_run_start(path=path, format="mediawiki", options=options, fingerprint=fingerprint)
    items = killed_after(MediaWikiDumpReader().read(path, OPTIONS), 3)
    with pytest.raises(Killed):
        documents_ingest(run=run, items=items, batch_size=1)


def test_a_new_file_at_the_same_path_starts_from_the_beginning(tmp_path: Path) -> None:
    from cyclopedia.formats.files import input_fingerprint

    path = tmp_path / "enwiki-latest-pages-articles.xml.bz2"
    path.write_bytes(DUMP.read_bytes())
    interrupted_run(path, input_fingerprint(path), {})
    assert (
        import_resume_point(path=path, format="mediawiki", fingerprint=input_fingerprint(path)) == 3
    )
    replacement = REDIRECTS.read_bytes()  # next month's dump, same name
    path.write_bytes(replacement)
    assert (
        import_resume_point(path=path, format="mediawiki", fingerprint=input_fingerprint(path)) == 0
    )


def test_other_options_start_from_the_beginning() -> None:
    interrupted_run(DUMP, "same", {"license": ""})
    assert (
        import_resume_point(
            path=DUMP, format="mediawiki", fingerprint="same", options={"license": ""}
        )
        == 3
    )
    assert (
        import_resume_point(
            path=DUMP, format="mediawiki", fingerprint="same", options={"license": "CC0-1.0"}
        )
        == 0
    )


def test_preparing_in_worker_processes_gives_the_same_database() -> None:
    import_whole()
    expected = snapshot()
    for model in (Alias, Revision, Article, ImportRun, Source):
        model.objects.all().delete()
    run = import_run_start(path=DUMP, format="mediawiki", options={})
    items = MediaWikiDumpReader().read(DUMP, dataclasses.replace(OPTIONS, workers=2))
    documents_ingest(run=run, items=items, batch_size=5, workers=2)
    assert snapshot() == expected
    htmls = sorted(Revision.objects.values_list("html", flat=True))
    assert all("wikilink new" in html for html in htmls)  # missing links are marked
