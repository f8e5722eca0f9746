"""``cyclopedia quarantine``: what waits for an editor's licence decision, and the decisions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cyclopedia.cli.django_setup import migrate, setup_django
from cyclopedia.document import UnknownLicenseError, get_license

if TYPE_CHECKING:
    from cyclopedia.document import License


def _license(ctx: click.Context, param: click.Parameter, value: str | None) -> License | None:
    if value is None:
        return None
    try:
        return get_license(value)
    except UnknownLicenseError as error:
        raise click.BadParameter(str(error)) from error


@click.group("quarantine")
def quarantine() -> None:
    """Items whose licence may not be published yet: list them, confirm a licence, discard.

    Every decision records the editor's name (--editor), the date and an optional note, and is
    never changed afterwards.
    """


@quarantine.command("list")
@click.option("--evidence", default="", help="Only items whose licence evidence contains this.")
@click.option("--reason", default="", help="Only items whose reason contains this.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=100, show_default=True)
def list_command(evidence: str, reason: str, limit: int) -> None:
    """The items waiting for a decision, oldest first."""
    setup_django()
    migrate()
    from cyclopedia.apps.ingest.quarantine import quarantine_pending

    items = quarantine_pending(evidence=evidence, reason=reason)
    total = items.count()
    table = Table("id", "title", "licence", "reason", "evidence", expand=True)
    for item in items[:limit]:
        table.add_row(
            str(item.pk),
            escape(item.title),
            item.license,
            escape(item.reason),
            escape(item.license_evidence[:200]),
        )
    console = Console(highlight=False)
    console.print(table)
    console.print(f"{total} item(s) waiting" + (f"; {limit} shown" if total > limit else "") + ".")


def _decide_ids(ids: tuple[int, ...], evidence: str) -> list[int]:
    from cyclopedia.apps.ingest.quarantine import quarantine_pending

    if bool(ids) == bool(evidence):
        raise click.UsageError("give either item ids or --evidence TEXT (not both)")
    if ids:
        return list(ids)
    found = list(quarantine_pending(evidence=evidence).values_list("pk", flat=True))
    if not found:
        raise click.ClickException(f"no waiting item has {evidence!r} in its licence evidence")
    return found


@quarantine.command("confirm")
@click.argument("ids", nargs=-1, type=int)
@click.option(
    "--evidence",
    default="",
    help="Confirm every waiting item whose licence evidence contains this text "
    "(e.g. the licence sentence they share).",
)
@click.option(
    "--license",
    "license_",
    callback=_license,
    help="The licence you verified (SPDX id); by default the one the item was read with.",
)
@click.option("--editor", required=True, help="Your name, recorded with the decision.")
@click.option("--note", default="", help="Why: recorded with the decision.")
def confirm_command(
    ids: tuple[int, ...], evidence: str, license_: License | None, editor: str, note: str
) -> None:
    """Confirm the licence of items IDS (or of those matching --evidence) and publish them."""
    setup_django()
    migrate()
    from cyclopedia.apps.ingest.quarantine import QuarantineError, quarantine_confirm_many

    results = quarantine_confirm_many(
        item_ids=_decide_ids(ids, evidence), editor=editor, license=license_, note=note
    )
    failed = 0
    for item_id, result in results.items():
        if isinstance(result, QuarantineError):
            failed += 1
            click.echo(f"#{item_id}: not published: {result}", err=True)
        else:
            click.echo(f"#{item_id}: published ({result.value})")
    if failed:
        raise SystemExit(1)


@quarantine.command("discard")
@click.argument("ids", nargs=-1, type=int, required=True)
@click.option("--editor", required=True, help="Your name, recorded with the decision.")
@click.option("--note", default="", help="Why: recorded with the decision.")
def discard_command(ids: tuple[int, ...], editor: str, note: str) -> None:
    """Decide that items IDS will not be published."""
    setup_django()
    migrate()
    from cyclopedia.apps.ingest.quarantine import QuarantineError, quarantine_discard

    failed = 0
    for item_id in ids:
        try:
            quarantine_discard(item_id=item_id, editor=editor, note=note)
            click.echo(f"#{item_id}: discarded")
        except QuarantineError as error:
            failed += 1
            click.echo(f"#{item_id}: {error}", err=True)
    if failed:
        raise SystemExit(1)
