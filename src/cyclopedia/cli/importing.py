"""``cyclopedia import``: read files with the right reader, write them through the ingest path."""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from cyclopedia.cli.django_setup import migrate, setup_django
from cyclopedia.document import UnknownLicenseError, get_license
from cyclopedia.formats.base import ReadError, ReadOptions
from cyclopedia.formats.files import input_fingerprint
from cyclopedia.formats.registry import READERS, detect, get_reader

if TYPE_CHECKING:
    from cyclopedia.apps.ingest.models import ImportRun

COUNTS = (
    *("read", "created", "updated", "unchanged", "aliases", "categories"),
    *("held", "quarantined", "failed"),
)
TOP_TEMPLATES = 10
# How the summary names a count, where its field name would not say it.
_COUNT_NAMES = {"categories": "category descriptions saved"}


def _license(ctx: click.Context, param: click.Parameter, value: str | None) -> object:
    if value is None:
        return None
    try:
        return get_license(value)
    except UnknownLicenseError as error:
        raise click.BadParameter(str(error)) from error


def _beside(path: Path) -> bool:
    """A file that describes another one (``NAME.json`` beside a saved page ``NAME.html``): the
    page's reader reads it, it is not an input of its own."""
    return path.suffix == ".json" and path.with_suffix(".html").is_file()


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and not _beside(p)))
        else:
            files.append(path)
    return files


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_name",
    type=click.Choice(sorted(READERS)),
    help="Input format; detected from each file when not given.",
)
@click.option(
    "--source-url", help="URL of the original page, for pages that do not state it (attribution)."
)
@click.option(
    "--license",
    "license_",
    callback=_license,
    help="SPDX id of the licence (e.g. CC-BY-SA-4.0), for inputs that do not state it.",
)
@click.option("--title", help="Title of the article, for inputs that do not state it.")
@click.option(
    "--language", help="Language code of the text, when the input does not say it (default: en)."
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=lambda: os.cpu_count() or 1,
    show_default="one per core",
    help="Processes converting pages (MediaWiki dumps); one writer saves them in batches.",
)
def import_command(
    paths: tuple[Path, ...],
    format_name: str | None,
    source_url: str | None,
    license_: object,
    title: str | None,
    language: str | None,
    workers: int,
) -> None:
    """Import articles from PATHS (files, or folders of files).

    Each file is read with its format's reader and written in batches; importing the same input
    again changes nothing, and a changed copy adds a revision. Items whose licence may not be
    published are quarantined with the reason. Exits with status 1 when a file could not be read.
    """
    setup_django()
    from django.conf import settings

    from cyclopedia.apps.ingest.models import ImportRun
    from cyclopedia.apps.ingest.services import (
        documents_ingest,
        import_resume_point,
        import_run_finish,
        import_run_start,
    )
    from cyclopedia.render.prepared import prepare

    migrate()
    console = Console(stderr=True, soft_wrap=True)  # paths and errors are never broken
    options = ReadOptions(
        source_url=source_url,
        license=license_,  # type: ignore[arg-type]  # set by the _license callback
        title=title,
        language=language,
        wikimedia_license_switch=settings.WIKIMEDIA_LICENSE_SWITCH,
        workers=workers,
        # A reader that converts in worker processes prepares each Document there too: one
        # pool, and a Document crosses to the writer once.
        finish=prepare,
    )
    runs: list[ImportRun] = []
    problems = 0
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} items"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
        disable=not console.is_terminal,
    ) as progress:
        for path in _expand(paths):
            task = progress.add_task(path.name, total=None, rate="")
            try:
                reader = get_reader(format_name) if format_name else detect(path)
            except ReadError as error:
                console.print(f"[red]error[/red] {error}")
                problems += 1
                continue
            source = path.resolve()
            run_options = {
                "source_url": source_url or "",
                "license": str(license_ or ""),
                "title": title or "",
                "language": language or "",
            }
            try:
                fingerprint = input_fingerprint(path)
            except ReadError as error:
                console.print(f"[red]error[/red] {error}")
                problems += 1
                continue
            skip = import_resume_point(
                path=source, format=reader.name, fingerprint=fingerprint, options=run_options
            )
            if skip:
                console.print(f"Resuming {path}: {skip} items were saved by an earlier run.")
            run = import_run_start(
                path=source,
                format=reader.name,
                options=run_options,
                skip=skip,
                fingerprint=fingerprint,
            )

            def report(current: ImportRun, task_id: TaskID = task) -> None:
                elapsed = progress.tasks[task_id].elapsed or 0
                rate = f"{current.read / elapsed:,.0f}/s" if elapsed > 0 else ""
                progress.update(task_id, completed=current.read, rate=rate)

            try:
                items = reader.read(path, dataclasses.replace(options, skip=skip))
                documents_ingest(
                    run=run,
                    items=items,
                    progress=report,
                    workers=workers if reader.many_items else 1,
                )
            except ReadError as error:
                import_run_finish(run=run, status=ImportRun.Status.FAILED, message=error.reason)
                console.print(f"[red]error[/red] {error}")
                problems += 1
                continue
            except KeyboardInterrupt:
                import_run_finish(run=run, status=ImportRun.Status.INTERRUPTED)
                console.print(
                    f"Interrupted: {run.read} items of {path} were saved; run the same command "
                    "again to resume (already imported items are skipped)."
                )
                sys.exit(130)
            runs.append(import_run_finish(run=run, status=ImportRun.Status.FINISHED))
            progress.update(task, total=run.read, completed=run.read)
    _summary(runs)
    if problems:
        sys.exit(1)


def _summary(runs: list[ImportRun]) -> None:
    console = Console(highlight=False, soft_wrap=True)
    if runs:
        console.print("[bold]Import summary[/bold]")
    for run in runs:
        counts = ", ".join(
            f"{getattr(run, name)} {_COUNT_NAMES.get(name, name)}" for name in COUNTS
        )
        console.print(f"{run.path}: {counts}", markup=False, soft_wrap=True)
        for warning in run.warnings:
            console.print(f"  warning: {warning}", markup=False, soft_wrap=True)
        for error in run.errors[:20]:
            console.print(f"  {error['key']}: {error['message']}", markup=False, soft_wrap=True)
        if len(run.errors) > 20:
            console.print(f"  … and {len(run.errors) - 20} more errors (import run #{run.pk})")
        if run.unknown_templates:
            top = sorted(run.unknown_templates.items(), key=lambda kv: (-kv[1], kv[0]))
            shown = ", ".join(f"{name} ({count})" for name, count in top[:TOP_TEMPLATES])
            console.print(f"  templates not converted (pages): {shown}", markup=False)
        if run.quarantined:
            console.print(
                f"  {run.quarantined} item(s) quarantined: their licence may not be published; "
                "editors see them with the reason."
            )
