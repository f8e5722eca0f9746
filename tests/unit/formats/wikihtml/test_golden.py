"""Golden pages: saved Wikipedia pages of the corpus converted to Documents
(``tests/data/wikihtml/golden``: ``NAME.meta.yaml`` names the page, see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.wikihtml.reader import WikiHtmlReader

from .golden import check_golden, metadata
from .helpers import REPOSITORY

DATA = REPOSITORY / "tests" / "data" / "wikihtml" / "golden"
CASES = sorted(DATA.glob("*.meta.yaml"))


def test_there_are_golden_pages() -> None:
    assert len(CASES) >= 2


@pytest.mark.parametrize("meta", CASES, ids=[case.name.split(".")[0] for case in CASES])
def test_golden_page(meta: Path) -> None:
    values = metadata(meta)
    assert values.get("kind"), f"{meta.name} does not say what the page exercises"
    page = REPOSITORY / values["source"]
    if not page.exists():
        pytest.skip(f"{page} is not here")
    (document,) = WikiHtmlReader().read(page, ReadOptions())
    check_golden(meta, document)
