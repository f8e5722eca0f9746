"""The sample content bundled with the package, loaded into an empty database on first run."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from django.conf import settings

from cyclopedia.apps.articles.models import Article
from cyclopedia.apps.ingest.models import ImportRun
from cyclopedia.apps.ingest.services import documents_ingest, import_run_finish, import_run_start
from cyclopedia.document import get_license
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.registry import get_reader


@dataclass(frozen=True)
class SampleItem:
    path: Path
    format: str
    options: ReadOptions


def sample_items() -> list[SampleItem]:
    """The bundled files, as listed with their import options in ``sample/manifest.json``."""
    folder = resources.files("cyclopedia") / "sample"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    items = []
    for entry in manifest["items"]:
        license = get_license(entry["license"]) if entry.get("license") else None
        items.append(
            SampleItem(
                path=Path(str(folder / entry["file"])),
                format=entry["format"],
                options=ReadOptions(
                    source_url=entry.get("source_url"),
                    license=license,
                    title=entry.get("title"),
                    wikimedia_license_switch=settings.WIKIMEDIA_LICENSE_SWITCH,
                ),
            )
        )
    return items


def sample_content_load(*, only_if_empty: bool = True) -> list[ImportRun]:
    """Import the sample content; by default only into a database without articles."""
    if only_if_empty and Article.objects.exists():
        return []
    runs = []
    for item in sample_items():
        run = import_run_start(
            path=item.path.name,
            format=item.format,
            options={"source_url": item.options.source_url or "", "sample": "true"},
        )
        reader = get_reader(item.format)
        documents_ingest(run=run, items=reader.read(item.path, item.options))
        runs.append(import_run_finish(run=run, status=ImportRun.Status.FINISHED))
    return runs
