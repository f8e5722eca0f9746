"""Bare wikitext files: one page, within the same time budget as a page of a dump."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyclopedia.formats.base import AliasItem, ItemError, ReadOptions
from cyclopedia.formats.mediawiki import reader as reader_module
from cyclopedia.formats.mediawiki.reader import WikitextFileReader
from cyclopedia.formats.pipeline import Budget


def test_a_pathological_page_is_stopped_by_its_time_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_module, "Budget", lambda: Budget(seconds=0.5))
    page = tmp_path / "slow.wiki"
    page.write_text("{{a|" * 8000, encoding="utf-8")  # quadratic for the tokenizer
    [item] = WikitextFileReader().read(page, ReadOptions(title="Slow"))
    assert isinstance(item, ItemError)
    assert item.message == "over its time budget of 0.5 s"


def test_a_redirect_file_is_an_alias(tmp_path: Path) -> None:
    page = tmp_path / "Old name.wiki"
    page.write_text("#REDIRECT [[New name]]\n", encoding="utf-8")
    [item] = WikitextFileReader().read(page, ReadOptions())
    assert item == AliasItem(title="Old name", target="New name", key="Old name.wiki")
