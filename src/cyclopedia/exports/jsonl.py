"""JSONL export: a header line, then one line per published article (its whole Document, with
attribution and licence) and one per redirect; gzip-compressed when the name ends in ``.gz``.

    {"type": "header", "format": "cyclopedia-jsonl", "version": 1, "site": {...}}
    {"type": "article", "url": "...", "document": {...}}
    {"type": "redirect", "title": "AndorrA", "target": "Andorra"}

``cyclopedia import`` reads it back (``cyclopedia.formats.jsonl``) with no loss.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from cyclopedia.document.serial import FORMAT_NAME, FORMAT_VERSION, document_to_data
from cyclopedia.exports.model import (
    ExportArticle,
    ExportCounts,
    ExportItem,
    ExportSite,
    Progress,
)

PROGRESS_EVERY = 100


def _line(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def header(site: ExportSite) -> dict[str, Any]:
    created = site.created or dt.datetime.now(dt.UTC)
    return {
        "type": "header",
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "site": {
            "name": site.name,
            "url": site.url,
            "description": site.description,
            "language": site.language,
            "publisher": site.publisher,
        },
        "created": created.isoformat(),
    }


def article_line(item: ExportArticle) -> dict[str, Any]:
    return {"type": "article", "url": item.url, "document": document_to_data(item.document)}


def _open(path: Path, *, compressed: bool) -> IO[bytes]:
    if compressed:
        return gzip.open(path, "wb", compresslevel=6)  # type: ignore[return-value]
    return path.open("wb")


def write_jsonl(
    path: Path, items: Iterable[ExportItem], *, site: ExportSite, progress: Progress | None = None
) -> ExportCounts:
    """Write the items as they come (memory bounded by one item); only publishable documents
    are written. The file appears under its name only when it is complete."""
    counts = ExportCounts()
    partial = path.with_name(path.name + ".partial")
    try:
        with _open(partial, compressed=path.name.endswith(".gz")) as out:
            counts.bytes_written += out.write(_line(header(site)))
            for item in items:
                if isinstance(item, ExportArticle):
                    if not item.document.license.publishable:
                        counts.skipped += 1
                        continue
                    counts.bytes_written += out.write(_line(article_line(item)))
                    counts.articles += 1
                else:
                    line = {"type": "redirect", "title": item.title, "target": item.target}
                    counts.bytes_written += out.write(_line(line))
                    counts.redirects += 1
                if progress and (counts.articles + counts.redirects) % PROGRESS_EVERY == 0:
                    progress(counts)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    if progress:
        progress(counts)
    return counts
