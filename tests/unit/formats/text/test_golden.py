"""Golden pages: every ``tests/data/text/NAME.txt`` read with the text reader.

The data is the test list, as in mwparserfromhell's ``tests/tokenizer/*.mwtest``: each page has
beside it either ``NAME.expected.md``, the editable source (``to_source``) of the Document read, or
``NAME.expected-error.txt``, the reason of the ReadError that refuses it; ``NAME.options.yaml``
holds ReadOptions when the page needs them. See ``tests/data/text/README.md``.

To regenerate the expected files after a deliberate change to the reader, run

    CYCLOPEDIA_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/unit/formats/text/test_golden.py

which rewrites them and skips the comparison; then review the diff (``git diff tests/data``)
before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from cyclopedia.document import Document, get_license
from cyclopedia.document.source import to_source
from cyclopedia.formats.base import ReadError, ReadOptions
from cyclopedia.formats.text.reader import TextPageReader

DATA = Path(__file__).resolve().parents[3] / "data" / "text"
REGENERATE = os.environ.get("CYCLOPEDIA_REGENERATE_GOLDEN") == "1"
PAGES = sorted(DATA.glob("*.txt"))
PAGES = [page for page in PAGES if not page.name.endswith(".expected-error.txt")]


def options_for(page: Path) -> ReadOptions:
    path = page.with_suffix(".options.yaml")
    if not path.exists():
        return ReadOptions()
    values = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if "license" in values:
        values["license"] = get_license(values["license"])
    return ReadOptions(**values)


def read(page: Path) -> Document | ReadError:
    try:
        [document] = TextPageReader().read(page, options_for(page))
    except ReadError as error:
        return error
    assert isinstance(document, Document)
    return document


def test_there_are_golden_pages() -> None:
    names = {page.name for page in PAGES}
    assert {"qais-al-khazali.txt", "hostile-markup.txt", "eb1911-adze.txt"} <= names


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_golden_page(page: Path) -> None:
    expected_source = page.with_suffix(".expected.md")
    expected_error = page.with_suffix(".expected-error.txt")
    result = read(page)

    if REGENERATE:
        expected_source.unlink(missing_ok=True)
        expected_error.unlink(missing_ok=True)
        if isinstance(result, ReadError):
            expected_error.write_text(result.reason + "\n", encoding="utf-8")
        else:
            expected_source.write_text(to_source(result), encoding="utf-8")
        pytest.skip(f"regenerated the expected file of {page.name}")

    if expected_source.exists():
        assert not isinstance(result, ReadError), f"expected a Document, got: {result}"
        assert to_source(result) == expected_source.read_text(encoding="utf-8")
    elif expected_error.exists():
        assert isinstance(result, ReadError), "expected the page to be refused"
        assert result.path == str(page)
        assert str(result).startswith(f"{page}: ")
        assert result.reason == expected_error.read_text(encoding="utf-8").rstrip("\n")
    else:
        pytest.fail(
            f"{page.name} has no expected file; write one with CYCLOPEDIA_REGENERATE_GOLDEN=1 "
            "and review it"
        )
