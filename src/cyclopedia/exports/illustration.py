"""The archive's 48×48 PNG illustration, drawn with the standard library (zlib, struct)."""

from __future__ import annotations

import struct
import zlib

SIZE = 48
_BACKGROUND = (255, 255, 255)
_INK = (51, 102, 204)  # the site's link blue


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def _pixel(x: int, y: int) -> tuple[int, int, int]:
    """A ring open on the right: a "C" for Cyclopedia."""
    cx = cy = (SIZE - 1) / 2
    dx, dy = x - cx, y - cy
    distance = (dx * dx + dy * dy) ** 0.5
    in_ring = SIZE * 0.28 <= distance <= SIZE * 0.46
    opening = dx > 0 and abs(dy) < SIZE * 0.16
    return _INK if in_ring and not opening else _BACKGROUND


def illustration_png(size: int = SIZE) -> bytes:
    """An RGB PNG, ``size`` pixels square (the ZIM Illustration_48x48@1 metadata)."""
    scale = SIZE / size
    rows = b"".join(
        b"\x00" + b"".join(bytes(_pixel(int(x * scale), int(y * scale))) for x in range(size))
        for y in range(size)
    )
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows, 9))
        + _chunk(b"IEND", b"")
    )
