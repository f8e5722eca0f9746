"""``cyclopedia export``: every published article into a ZIM archive or a JSONL file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cyclopedia.cli.django_setup import migrate, setup_django
from cyclopedia.exports.model import ExportCounts, ExportSite


@click.command("export")
@click.argument("output", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["zim", "jsonl"]),
    help="Output format; from the file name (.zim, .jsonl, .jsonl.gz) when not given.",
)
@click.option(
    "--site-url",
    default="http://127.0.0.1:8000/",
    show_default=True,
    help="The site's address: the articles' URLs and the archive's Source.",
)
@click.option("--title", help="The export's title (default: the site's name).")
@click.option(
    "--description",
    default="Articles of an open-content encyclopedia, with their sources and licences.",
    show_default=True,
    help="One line about the export (ZIM Description, at most 80 characters).",
)
@click.option("--publisher", default="", help="Who publishes the export (ZIM Creator/Publisher).")
def export_command(
    output: Path,
    format_name: str | None,
    site_url: str,
    title: str | None,
    description: str,
    publisher: str,
) -> None:
    """Export every published article to OUTPUT: a ZIM archive for Kiwix readers, or JSONL
    (one Document per line with its attribution and licence; gzip when OUTPUT ends in .gz)
    that `cyclopedia import` reads back.

    Only published articles whose licence allows publishing leave the site, each with its
    attribution. The export streams: memory stays bounded whatever the number of articles.
    """
    if format_name is None:
        name = output.name.lower()
        if name.endswith(".zim"):
            format_name = "zim"
        elif name.endswith((".jsonl", ".jsonl.gz")):
            format_name = "jsonl"
        else:
            raise click.BadParameter(
                "name a format with --format, or end OUTPUT in .zim, .jsonl or .jsonl.gz",
                param_hint="OUTPUT",
            )
    setup_django()
    from django.conf import settings

    from cyclopedia.apps.articles.exporting import export_article_count, export_items
    from cyclopedia.exports.jsonl import write_jsonl
    from cyclopedia.exports.zim import write_zim

    migrate()
    site = ExportSite(
        name=title or settings.SITE_NAME,
        url=site_url,
        description=description,
        language=settings.LANGUAGE_CODE.split("-")[0],
        publisher=publisher,
        created=dt.datetime.now(dt.UTC),
    )
    total = export_article_count()
    console = Console(stderr=True, soft_wrap=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[redirects]} redirects"),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task(f"Exporting to {output.name}", total=total, redirects=0)

        def report(counts: ExportCounts) -> None:
            progress.update(task, completed=counts.articles, redirects=counts.redirects)

        items = export_items(site_url=site_url)
        try:
            if format_name == "zim":
                counts = write_zim(output, items, site=site, progress=report)
            else:
                counts = write_jsonl(output, items, site=site, progress=report)
        except (OSError, RuntimeError) as error:
            console.print(f"[red]error[/red] {output}: {error}")
            sys.exit(1)
    click.echo(
        f"{output}: {counts.articles} articles, {counts.redirects} redirects, "
        f"{counts.skipped} skipped, {counts.bytes_written:,} bytes"
    )
