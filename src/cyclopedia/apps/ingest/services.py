"""The one persistence path for imports: Documents in, articles out, in batches."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import DatabaseError, transaction
from django.utils import timezone

from cyclopedia.apps.articles.categories import category_import_description
from cyclopedia.apps.articles.links import deferred_rerenders
from cyclopedia.apps.articles.models import Source
from cyclopedia.apps.articles.services import (
    ImportOutcome,
    RedirectError,
    alias_import,
    article_import_document,
    source_get_or_create,
)
from cyclopedia.apps.ingest.models import ImportRun
from cyclopedia.apps.ingest.quarantine import quarantine_document
from cyclopedia.apps.ingest.sources import source_kind
from cyclopedia.apps.search.services import search_indexing_batch
from cyclopedia.document import Document, DocumentError
from cyclopedia.document.titles import TitleError
from cyclopedia.formats.base import (
    UNKNOWN_TEMPLATES_EXTRA,
    AliasItem,
    CategoryItem,
    ItemError,
    ReadError,
    ReadItem,
    ReadWarning,
)
from cyclopedia.formats.pipeline import convert_pages
from cyclopedia.formats.readahead import read_ahead
from cyclopedia.formats.urls import site_root
from cyclopedia.render.prepared import PreparedDocument, prepare, prepared_key

Item = ReadItem

BATCH_SIZE = 200
MAX_RECORDED_ERRORS = 1000  # per run; the counts keep counting past it
MAX_TEMPLATE_NAMES = 5000  # distinct unknown template names counted per run
MAX_TEMPLATE_NAME_CHARS = 255

ProgressCallback = Callable[[ImportRun], None]


def import_run_start(
    *,
    path: Path | str,
    format: str,
    options: dict[str, str],
    skip: int = 0,
    fingerprint: str = "",
) -> ImportRun:
    """A new run; ``skip`` items were saved by an earlier run of the same input."""
    return ImportRun.objects.create(
        path=str(path),
        format=format,
        options=options,
        checkpoint={"skipped": skip, "input": fingerprint},
    )


def import_resume_point(
    *, path: Path | str, format: str, fingerprint: str = "", options: dict[str, str] | None = None
) -> int:
    """Items already saved by the last unfinished import of this input (0 when there is none).

    An import killed (status still "running"), interrupted or stopped by a read error has saved
    whole batches up to its checkpoint; importing the same input again continues from there.
    "The same" means the same file (``fingerprint``) read with the same ``options``: a new dump
    at the old path, or a run with another licence, starts from the beginning.
    """
    last = ImportRun.objects.filter(path=str(path), format=format).order_by("-started").first()
    if last is None or last.status == ImportRun.Status.FINISHED:
        return 0
    if last.checkpoint.get("input", "") != fingerprint or last.options != (options or {}):
        return 0
    done = last.checkpoint.get("items_done", 0)
    return int(done) + int(last.checkpoint.get("skipped", 0))


def import_run_finish(*, run: ImportRun, status: str, message: str = "") -> ImportRun:
    run.status = status
    run.finished = timezone.now()
    if message:
        _record(run, key=run.path, title="", message=message)
    run.save()
    return run


def _record(run: ImportRun, *, key: str, title: str, message: str) -> None:
    if len(run.errors) < MAX_RECORDED_ERRORS:
        run.errors.append({"key": key, "title": title, "message": message})


def _source_for(document: Document, format: str, cache: dict[str, Source]) -> Source:
    attribution = document.attribution
    return _source_named(attribution.source_name, attribution.source_url or "", format, cache)


def _source_named(name: str, url: str, format: str, cache: dict[str, Source]) -> Source:
    """The source of that name (created with the homepage of ``url`` if new); an item that names
    none comes from the ``format`` import, as its documents do."""
    name = name or f"{format} import"
    if name not in cache:
        kind = source_kind(format)
        root = site_root(url)
        homepage = f"{root}/" if root else ""
        cache[name] = source_get_or_create(name=name, kind=kind, homepage=homepage)
    return cache[name]


def _quarantine(run: ImportRun, document: Document) -> None:
    quarantine_document(run=run, document=document)
    run.quarantined += 1


def _ingest_alias(run: ImportRun, item: AliasItem, sources: dict[str, Source]) -> None:
    try:
        # Outside the savepoint, as for documents: a failing redirect never rolls back a source.
        source = _source_named(item.source_name, item.source_url, run.format, sources)
        with transaction.atomic():
            outcome = alias_import(
                title=item.title, target=item.target, source=source, timestamp=item.timestamp
            )
    except (TitleError, RedirectError, DatabaseError) as error:
        run.failed += 1
        _record(run, key=item.key, title=item.title, message=f"redirect not saved: {error}")
        return
    if outcome is ImportOutcome.UNCHANGED:
        run.unchanged += 1
    elif outcome is ImportOutcome.HELD:
        run.held += 1  # an article edited here whose source page is a redirect now: kept
    else:
        run.aliases += 1


def _count_unknown_templates(run: ImportRun, document: Document) -> None:
    found = document.extra.get(UNKNOWN_TEMPLATES_EXTRA)
    if not found:
        return
    counts = run.unknown_templates
    for name in json.loads(found):
        if len(name) > MAX_TEMPLATE_NAME_CHARS:
            continue  # not a name a wiki would give a template: garbage is not worth keeping
        if name in counts or len(counts) < MAX_TEMPLATE_NAMES:
            counts[name] = counts.get(name, 0) + 1


def _warn(run: ImportRun, message: str) -> None:
    """Keep a warning about the whole input for the operator (once, and not without bound)."""
    if message not in run.warnings and len(run.warnings) < MAX_RECORDED_ERRORS:
        run.warnings.append(message)


def _save(
    run: ImportRun,
    document: Document,
    sources: dict[str, Source],
    write: Callable[[Source], ImportOutcome],
) -> ImportOutcome | None:
    """Write a document with ``write`` in a savepoint, or quarantine it when its licence may not
    be published; None when it was quarantined or failed (and counted so)."""
    _count_unknown_templates(run, document)
    try:
        # The source is created (and cached) outside the item's savepoint, so that a failing
        # item never rolls back a source the rest of the batch goes on using.
        publishable = document.license.publishable
        source = _source_for(document, run.format, sources) if publishable else None
        with transaction.atomic():  # a savepoint: one bad item never spoils its batch
            if source is None:
                _quarantine(run, document)
                return None
            return write(source)
    except (DocumentError, DatabaseError, ValueError) as error:
        run.failed += 1
        _record(run, key=document.source_key, title=document.title, message=f"not saved: {error}")
        return None


def _ingest_category(run: ImportRun, item: CategoryItem, sources: dict[str, Source]) -> None:
    outcome = _save(
        run,
        item.document,
        sources,
        lambda source: category_import_description(
            name=item.name, document=item.document, source=source
        ),
    )
    if outcome in (ImportOutcome.CREATED, ImportOutcome.UPDATED):
        run.categories += 1
    elif outcome is ImportOutcome.UNCHANGED:
        run.unchanged += 1


def _ingest_one(run: ImportRun, entry: Item | PreparedDocument, sources: dict[str, Source]) -> None:
    if isinstance(entry, ReadWarning):
        _warn(run, entry.message)  # about the input, not an item: nothing is read or counted
        return
    run.read += 1
    prepared = entry if isinstance(entry, PreparedDocument) else None
    item = entry.document if isinstance(entry, PreparedDocument) else entry
    if isinstance(item, ItemError):
        run.failed += 1
        _record(run, key=item.key, title=item.title, message=item.message)
        return
    if isinstance(item, AliasItem):
        _ingest_alias(run, item, sources)
        return
    if isinstance(item, CategoryItem):
        _ingest_category(run, item, sources)
        return
    outcome = _save(
        run,
        item,
        sources,
        lambda source: article_import_document(
            document=item, source=source, import_run_id=run.pk, prepared=prepared
        ),
    )
    if outcome is None:
        return
    if outcome is ImportOutcome.CREATED:
        run.created += 1
    elif outcome is ImportOutcome.UPDATED:
        run.updated += 1
    elif outcome is ImportOutcome.HELD:
        run.held += 1
    else:
        run.unchanged += 1


def documents_ingest(
    *,
    run: ImportRun,
    items: Iterable[Item | PreparedDocument],
    batch_size: int = BATCH_SIZE,
    progress: ProgressCallback | None = None,
    workers: int = 1,
) -> ImportRun:
    """Write the items of a reader in batches, each batch and its run counts in one transaction.

    A crash or interrupt loses at most the batch in flight, and re-running the import is safe
    (imports are idempotent), so resuming is running the same command again. With ``workers``
    above one, Documents are prepared (source text, identity, rendering) in worker processes
    and this process only writes, while a thread reads on (up to a batch ahead) and keeps the
    workers busy. Items that a reader prepared already (ReadOptions.finish) pass as they are.
    """
    sources: dict[str, Source] = {}
    entries: Iterable[Item | PreparedDocument] = (
        read_ahead(
            convert_pages(items, prepare, key=prepared_key, workers=workers, convert_if=Document),
            limit=batch_size,
        )
        if workers > 1
        else items
    )
    iterator = iter(entries)
    try:
        while True:
            batch: list[Item | PreparedDocument] = []
            failure: ReadError | None = None
            try:
                batch.extend(itertools.islice(iterator, batch_size))
            except ReadError as error:
                failure = error  # the items read before it are whole: write them, then report it
            if batch:
                try:
                    with transaction.atomic(), deferred_rerenders(), search_indexing_batch():
                        for item in batch:
                            _ingest_one(run, item, sources)
                        run.checkpoint = {**run.checkpoint, "items_done": run.read}
                        run.save()
                except BaseException:
                    run.refresh_from_db()  # the batch was rolled back: so were its counts
                    raise
                if progress:
                    progress(run)
            if failure is not None:
                raise failure
            if len(batch) < batch_size:
                return run
    finally:
        # Stopped by an error or an interrupt: the reader, its thread and pools stop too.
        close = getattr(iterator, "close", None)
        if close is not None:
            close()
