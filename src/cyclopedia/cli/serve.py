"""``cyclopedia serve``: prepare the data directory and database, then serve with gunicorn."""

from __future__ import annotations

import os
from typing import Any

import click

from cyclopedia.cli.django_setup import migrate, setup_django


def _default_workers() -> int:
    return min(8, 2 * (os.cpu_count() or 1) + 1)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port."
)
@click.option(
    "--workers",
    default=_default_workers,
    show_default="2 per core + 1, at most 8",
    type=click.IntRange(1, 64),
    help="Gunicorn worker processes.",
)
@click.option(
    "--no-sample", is_flag=True, help="Do not load the sample content into an empty database."
)
def serve(host: str, port: int, workers: int, no_sample: bool) -> None:
    """Serve the site on http://HOST:PORT with gunicorn.

    On the way up it creates the data directory and secret key on first run, applies database
    migrations, collects the static files and, unless --no-sample, loads the bundled sample
    content into an empty database.
    """
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    from cyclopedia.apps.ingest.sample import sample_content_load

    migrate()
    call_command("collectstatic", interactive=False, verbosity=0)
    if not no_sample:
        for run in sample_content_load():
            click.echo(f"Loaded sample content: {run.path} ({run.created} article(s) created)")
    connections.close_all()  # never share a connection with the forked workers

    from cyclopedia.cli.gunicorn_app import GunicornApplication

    click.echo(f"Serving {settings.SITE_NAME} on http://{host}:{port}/ (data: {settings.HOME})")
    options: dict[str, Any] = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "accesslog": "-",
        "errorlog": "-",
        "timeout": 60,
        "graceful_timeout": 10,
        # gunicorn's control socket sits at one path per user; several sites (or test
        # servers) on one machine would contend for it, and nothing here uses it.
        "control_socket_disable": True,
    }
    GunicornApplication(options).run()
