"""``cyclopedia manage facts_rebuild``: compute the infobox facts of every published article."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cyclopedia.apps.articles.facts import facts_rebuild


class Command(BaseCommand):
    help = (
        "Compute the infobox facts of every published article again: after upgrading to a "
        "version with facts, or to link values to articles imported after them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--chunk-size", type=int, default=200)

    def handle(self, *args: Any, **options: Any) -> None:
        count = facts_rebuild(chunk_size=options["chunk_size"])
        self.stdout.write(f"Facts computed for {count} published articles.")
