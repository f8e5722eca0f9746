"""Every command documents itself, and the docs list every command and setting."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cyclopedia.cli.main import cli
from cyclopedia.config.options import OPTIONS

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(command: str) -> None:
    target = cli.commands[command]
    assert target.help, command
    assert len(target.help) > 40, command
    for param in target.params:
        if param.param_type_name == "option" and not param.hidden:
            assert getattr(param, "help", None), (command, param.name)


def test_top_level_help_lists_the_commands() -> None:
    output = CliRunner().invoke(cli, ["--help"]).output
    for command in cli.commands:
        assert command in output


def test_every_setting_is_documented() -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    for option in OPTIONS:
        assert f"`{option.name}`" in text, f"{option.name} is missing from docs/configuration.md"


def test_every_command_is_in_the_cli_reference() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for command in cli.commands:
        assert f"cyclopedia {command}" in text, f"{command} is missing from docs/cli.md"


def test_cli_reference_is_current() -> None:
    from cyclopedia.cli.reference import reference

    assert (DOCS / "cli.md").read_text(encoding="utf-8") == reference(), (
        "docs/cli.md is stale: run `make docs`"
    )
