"""Golden pages: every ``tests/data/mediawiki/golden/NAME.wiki`` converted to a Document.

The data is the test list, as in mwparserfromhell's ``tests/tokenizer/*.mwtest``: each page is
real wikitext copied byte for byte from ``../shared/corpus/mediawiki``, with beside it
``NAME.meta.yaml`` (its title, language, origin and what kind of article it is) and
``NAME.expected.md``, the editable source (``to_source``) of the Document the converter makes of
it. See ``tests/data/mediawiki/golden/README.md``.

To regenerate the expected files after a deliberate change to the converter, run

    CYCLOPEDIA_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/unit/formats/mediawiki/golden

which rewrites them and skips the comparison; then read the diff (``git diff tests/data``) as a
reader of the articles would before committing it: an expected file pins correct output, not
whatever the converter did.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from cyclopedia.document import Document
from cyclopedia.document.source import to_source
from cyclopedia.formats.mediawiki.page import PageText, WikiSource, page_document

DATA = Path(__file__).resolve().parents[4] / "data" / "mediawiki" / "golden"
REGENERATE = os.environ.get("CYCLOPEDIA_REGENERATE_GOLDEN") == "1"
PAGES = sorted(DATA.glob("*.wiki"))
LICENSE_SWITCH = dt.date(2023, 6, 7)


def metadata(page: Path) -> dict[str, Any]:
    path = page.with_suffix(".meta.yaml")
    values = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return values if isinstance(values, dict) else {}


def convert(page: Path) -> Document:
    meta = metadata(page)
    wikitext = page.read_bytes().decode("utf-8")  # as written: no newline translation
    return page_document(
        PageText(title=meta["title"], wikitext=wikitext),
        WikiSource(
            server="https://en.wikipedia.org",
            site_name="Wikipedia (English)",
            language=meta.get("language", "en"),
        ),
        license=None,
        switch=LICENSE_SWITCH,
    )


def test_there_are_golden_pages() -> None:
    assert len(PAGES) >= 15
    names = {page.stem for page in PAGES}
    assert {"andorra", "abraham-lincoln", "berlin-ar", "keilwelle", "question-mark-film"} <= names


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_golden_page_is_described(page: Path) -> None:
    meta = metadata(page)
    assert meta.get("title"), f"{page.stem}.meta.yaml gives no title"
    assert meta.get("kind"), f"{page.stem}.meta.yaml does not say what kind of article it is"
    assert str(meta.get("source", "")).startswith("../shared/corpus/mediawiki/")


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_golden_page(page: Path) -> None:
    expected = page.with_suffix(".expected.md")
    source = to_source(convert(page))

    if REGENERATE:
        expected.write_text(source, encoding="utf-8", newline="\n")
        pytest.skip(f"regenerated the expected file of {page.name}")

    if not expected.exists():
        pytest.fail(
            f"{page.name} has no expected file; write one with CYCLOPEDIA_REGENERATE_GOLDEN=1 "
            "and review it"
        )
    assert source == expected.read_bytes().decode("utf-8")
