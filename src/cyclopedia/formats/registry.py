"""The readers by name, and detection of an input's format."""

from __future__ import annotations

from pathlib import Path

from cyclopedia.formats.base import Reader, ReadError
from cyclopedia.formats.text.reader import TextPageReader

READERS: dict[str, Reader] = {reader.name: reader for reader in (TextPageReader(),)}

_SNIFF_BYTES = 4096


def get_reader(name: str) -> Reader:
    try:
        return READERS[name]
    except KeyError:
        known = ", ".join(sorted(READERS))
        raise ValueError(f"unknown format {name!r}; known formats: {known}") from None


def detect(path: Path) -> Reader:
    """The reader for an input, from its name and first bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as error:
        raise ReadError(path, f"cannot open: {error.strerror or error}") from error
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        raise ReadError(path, "looks like XML or HTML; no reader for it yet (use --format)")
    if path.suffix.lower() in {".txt", ".text", ""} or b"\x00" not in head:
        return READERS["text"]
    raise ReadError(path, "cannot tell the format of this file; name one with --format")
