"""Golden articles: entries of the corpus archives converted to Documents
(``tests/data/zim/golden``: ``NAME.meta.yaml`` names the archive and the entry, see its README)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from cyclopedia.document import Document
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.zim.reader import ZimReader

from ..wikihtml.golden import check_golden, metadata
from .zimfiles import REPOSITORY

DATA = REPOSITORY / "tests" / "data" / "zim" / "golden"
CASES = sorted(DATA.glob("*.meta.yaml"))


@cache
def documents(archive: Path) -> dict[str, Document]:
    return {
        item.source_key.partition(":")[2]: item
        for item in ZimReader().read(archive, ReadOptions())
        if isinstance(item, Document)
    }


def test_there_are_golden_articles() -> None:
    assert len(CASES) >= 4


@pytest.mark.parametrize("meta", CASES, ids=[case.name.split(".")[0] for case in CASES])
def test_golden_article(meta: Path) -> None:
    values = metadata(meta)
    assert values.get("kind"), f"{meta.name} does not say what the article exercises"
    archive = REPOSITORY / values["archive"]
    if not archive.exists():
        pytest.skip(f"{archive} is not here")
    check_golden(meta, documents(archive)[values["entry"]])
