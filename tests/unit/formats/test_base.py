"""What every reader shares: errors and options."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cyclopedia.formats.base import MAX_ITEM_BYTES, ItemError, Reader, ReadError, ReadOptions
from cyclopedia.formats.registry import READERS


def test_read_error_names_the_file_and_says_why() -> None:
    error = ReadError(Path("/data/page.txt"), "the file is empty")
    assert str(error) == "/data/page.txt: the file is empty"
    assert (error.path, error.reason) == ("/data/page.txt", "the file is empty")


def test_read_options_default_to_nothing_supplied() -> None:
    options = ReadOptions()
    assert (options.source_url, options.license, options.title) == (None, None, None)
    assert options.language is None  # the input says, else English
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.title = "x"  # type: ignore[misc]


def test_item_error_carries_the_key_and_message() -> None:
    error = ItemError(key="page-7", message="no title", title="Foo")
    assert (error.key, error.message, error.title) == ("page-7", "no title", "Foo")


def test_item_size_limit() -> None:
    assert MAX_ITEM_BYTES == 8 * 1024 * 1024


@pytest.mark.parametrize("name", sorted(READERS))
def test_registered_readers_follow_the_protocol(name: str) -> None:
    reader: Reader = READERS[name]
    assert reader.name == name
    assert reader.description
    assert callable(reader.read)
