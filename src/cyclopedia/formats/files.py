"""Reading one text file of a page: its size capped, its bytes decoded, garbage refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cyclopedia.formats.base import MAX_ITEM_BYTES, ReadError


def read_text_file(path: Path) -> str:
    """The text of a one-page file (UTF-8, or UTF-16 with its mark); ReadError otherwise."""
    try:
        size = path.stat().st_size
        if size > MAX_ITEM_BYTES:  # refused before a byte of it is read into memory
            raise ReadError(path, _too_large(size))
        with path.open("rb") as handle:  # at most one byte over: a device or a growing file
            data = handle.read(MAX_ITEM_BYTES + 1)
    except OSError as error:
        raise ReadError(path, f"cannot read: {error.strerror or error}") from error
    return decode(path, data)


def _too_large(size: int) -> str:
    return f"the file is {size:,} bytes; a page may be {MAX_ITEM_BYTES:,}"


def decode(path: Path, data: bytes) -> str:
    """The text of a page file, or ReadError for what is not UTF-8 (or marked UTF-16) text."""
    if not data.strip():
        raise ReadError(path, "the file is empty")
    if len(data) > MAX_ITEM_BYTES:
        raise ReadError(path, _too_large(len(data)))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as error:
            raise ReadError(
                path, f"not valid UTF-16 (it starts with a UTF-16 mark): {error}"
            ) from error
    if b"\x00" in data:
        raise ReadError(path, "this is a binary file (it contains NUL bytes), not a text page")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(
            path, f"not valid UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from error
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text) // 100):
        raise ReadError(path, "this is a binary file (it is full of control bytes), not a page")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")


FINGERPRINT_BYTES = 1 << 20


def input_fingerprint(path: Path) -> str:
    """What tells one input file from another at the same path (dumps are renamed and reused):
    its size, modification time and a hash of its first MiB."""
    try:
        stat = path.stat()
        with path.open("rb") as handle:
            head = hashlib.sha256(handle.read(FINGERPRINT_BYTES)).hexdigest()
    except OSError as error:
        raise ReadError(path, f"cannot read: {error.strerror or error}") from error
    return f"{stat.st_size}:{stat.st_mtime_ns}:{head}"
