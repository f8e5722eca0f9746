"""Importing files in app tests through the real reader and ingest path."""

from __future__ import annotations

from pathlib import Path

from cyclopedia.apps.ingest.models import ImportRun
from cyclopedia.apps.ingest.services import documents_ingest, import_run_finish, import_run_start
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.registry import get_reader


def import_file(path: Path, options: ReadOptions | None = None, fmt: str = "text") -> ImportRun:
    run = import_run_start(path=path, format=fmt, options={})
    reader = get_reader(fmt)
    documents_ingest(run=run, items=reader.read(path, options or ReadOptions()))
    return import_run_finish(run=run, status=ImportRun.Status.FINISHED)
