"""``cyclopedia search``: queries and the index rebuild from a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cyclopedia.cli.main import cli
from tests.conftest import SEED, SEED_URL

pytestmark = pytest.mark.django_db(transaction=True)


def _import_seed(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["import", str(SEED), "--source-url", SEED_URL])
    assert result.exit_code == 0, result.output


def test_search_prints_ranked_results(tmp_path: Path) -> None:
    runner = CliRunner()
    _import_seed(runner)
    result = runner.invoke(cli, ["search", "Mahdi", "Army"])
    assert result.exit_code == 0, result.output
    assert "1 article(s) found" in result.output
    assert "Qais al-Khazali" in result.output
    assert "/wiki/Qais_al-Khazali" in result.output


def test_search_json_and_did_you_mean() -> None:
    runner = CliRunner()
    _import_seed(runner)
    result = runner.invoke(cli, ["search", "--json", "Khazaly"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["total"] == 0
    assert body["did_you_mean"] == "Khazali"


def test_search_reindex_and_a_query_that_is_a_command_name() -> None:
    runner = CliRunner()
    _import_seed(runner)
    result = runner.invoke(cli, ["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "1 article(s) indexed" in result.output
    result = runner.invoke(cli, ["search", "query", "reindex"])
    assert result.exit_code == 0
    assert "0 article(s) found" in result.output


def test_only_exclusions_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["search", "query", "--", "-war"])
    assert result.exit_code == 2
    assert "at least one word" in result.output
