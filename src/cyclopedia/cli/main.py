"""``cyclopedia``: serve the encyclopedia, import content, run Django management commands."""

from __future__ import annotations

import click

from cyclopedia import __version__
from cyclopedia.cli.export import export_command
from cyclopedia.cli.importing import import_command
from cyclopedia.cli.manage import manage
from cyclopedia.cli.quarantine import quarantine
from cyclopedia.cli.search import search
from cyclopedia.cli.serve import serve
from cyclopedia.cli.user import user


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cyclopedia")
def cli() -> None:
    """Cyclopedia: an open-content encyclopedia platform.

    The data directory is $CYCLOPEDIA_HOME (default ~/.local/share/cyclopedia); set DATABASE_URL
    to use PostgreSQL instead of the SQLite database kept there. docs/configuration.md lists every
    setting.
    """


cli.add_command(serve)
cli.add_command(import_command)
cli.add_command(export_command)
cli.add_command(manage)
cli.add_command(quarantine)
cli.add_command(search)
cli.add_command(user)
