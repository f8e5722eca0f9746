"""Start Django for a command: settings from the environment, apps loaded."""

from __future__ import annotations

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cyclopedia.config.settings")
    import django

    django.setup()


def migrate(*, verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
