"""``cyclopedia manage``: Django's management commands."""

from __future__ import annotations

import click

from cyclopedia.cli.django_setup import setup_django


@click.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
    short_help="Run a Django management command (migrate, createsuperuser, shell, ...).",
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command, e.g. ``cyclopedia manage migrate``.

    Everything after ``manage`` goes to Django: ``cyclopedia manage help`` lists the commands.
    """
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["cyclopedia manage", *args])
