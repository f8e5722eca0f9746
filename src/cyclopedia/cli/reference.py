"""Write the CLI reference (docs/cli.md) from the commands' own help.

Run ``python -m cyclopedia.cli.reference > docs/cli.md``; a test fails when the file is stale.
"""

from __future__ import annotations

import click

from cyclopedia.cli.main import cli

HEADER = """# Command-line reference

Generated from `cyclopedia --help` by `make docs`; do not edit by hand.
"""


def _help(args: list[str]) -> str:
    # Contexts chained as click chains them, so subcommands inherit the group's settings.
    ctx = click.Context(cli, info_name="cyclopedia", terminal_width=100, **cli.context_settings)
    command: click.Command = cli
    for name in args:
        assert isinstance(command, click.Group)
        command = command.commands[name]
        ctx = click.Context(command, info_name=name, parent=ctx)
    return command.get_help(ctx)


def reference() -> str:
    parts = [HEADER, "## cyclopedia\n", "```\n" + _help([]) + "\n```\n"]
    for name in sorted(cli.commands):
        parts.append(f"## cyclopedia {name}\n")
        parts.append("```\n" + _help([name]) + "\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
