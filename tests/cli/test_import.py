"""``cyclopedia import``: progress and summary, idempotence, clear errors for bad files."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.cli.main import cli
from tests.conftest import SEED, SEED_URL

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_import_prints_a_summary_and_is_idempotent() -> None:
    code, output = run("import", str(SEED), "--source-url", SEED_URL)
    assert code == 0, output
    assert "Import summary" in output
    assert "qais-al-khazali.txt" in output
    code, _ = run("import", str(SEED), "--source-url", SEED_URL)
    assert code == 0
    assert Article.objects.count() == 1
    assert Revision.objects.count() == 1
    revision = Revision.objects.get()
    assert revision.source_url == SEED_URL
    assert revision.import_run is not None


def test_license_option_is_validated_and_applied() -> None:
    code, output = run("import", str(SEED), "--license", "CC-BY-SA-9.9")
    assert code == 2
    assert "unknown licence 'CC-BY-SA-9.9'" in output
    code, _ = run("import", str(SEED), "--license", "cc-by-sa-4.0")
    assert code == 0
    assert Revision.objects.get().license == "CC-BY-SA-4.0"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n \t\n", "the file is empty"),
        ("binary.txt", gzip.compress(b"x" * 5000), "binary file"),
        ("latin1.txt", "Café\n\nUne phrase.\n".encode("latin-1"), "not valid UTF-8"),
        ("notitle.txt", ("word " * 100).encode() + b"\n\nBody.\n", "no recognisable title"),
    ],
)
def test_bad_files_give_a_clear_error_naming_the_file_and_write_nothing(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, output = run("import", str(path), "--format", "text", "--license", "CC0-1.0")
    assert code == 1
    assert name in output
    assert message in output
    assert not Article.objects.exists()
    assert not Revision.objects.exists()


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    code, output = run("import", str(tmp_path / "nope.txt"))
    assert code == 1
    assert "nope.txt" in output
    assert "cannot" in output


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "a-empty.txt"
    bad.write_bytes(b"")
    good = tmp_path / "b-seed.txt"
    good.write_bytes(SEED.read_bytes())
    code, output = run("import", str(tmp_path), "--source-url", SEED_URL)
    assert code == 1
    assert "a-empty.txt" in output
    assert Article.objects.filter(title="Qais al-Khazali").exists()
