"""Telling a Cyclopedia JSONL export by its first bytes (gzip-compressed or not)."""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path

from cyclopedia.document.serial import FORMAT_NAME

GZIP_MAGIC = b"\x1f\x8b"
_HEADER = re.compile(rb'^\{[^\n]*"format"\s*:\s*"' + FORMAT_NAME.encode() + rb'"')


def looks_like_jsonl(sample: bytes) -> bool:
    """Whether these first bytes (decompressed) start a Cyclopedia JSONL export: its header."""
    return bool(_HEADER.match(sample.lstrip(b"\xef\xbb\xbf \t\r\n")))


def gzip_head(path: Path, size: int = 8192) -> bytes:
    """The first decompressed bytes of a gzip file (at most ``size``: no bomb is expanded)."""
    try:
        with gzip.open(path, "rb") as stream:
            return stream.read(size)
    except (OSError, EOFError, zlib.error):
        return b""
