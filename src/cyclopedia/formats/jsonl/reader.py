"""Read a Cyclopedia JSONL export: a header line, then articles (whole Documents, attribution
and licence included) and redirects, one per line; gzip-compressed when it starts so.

Each line is read with a size cap; a line that is not valid JSON, or not a valid Document,
is an ItemError and the rest goes on. A file without the header is refused as a whole.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from cyclopedia.document import DocumentError, UnknownLicenseError
from cyclopedia.document.serial import FORMAT_NAME, FORMAT_VERSION, document_from_data
from cyclopedia.formats.base import (
    MAX_ITEM_BYTES,
    AliasItem,
    ItemError,
    ReadError,
    ReadItem,
    ReadOptions,
)
from cyclopedia.formats.jsonl.detect import GZIP_MAGIC

_CHUNK = 1 << 20


def _open(path: Path) -> IO[bytes]:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise ReadError(path, f"cannot open: {error.strerror or error}") from error
    if handle.read(2) == GZIP_MAGIC:
        handle.close()
        return gzip.open(path, "rb")  # type: ignore[return-value]
    handle.seek(0)
    return handle


def _lines(path: Path, stream: IO[bytes]) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; None for a line over the size cap (skipped to its end)."""
    number = 0
    while True:
        try:
            line = stream.readline(MAX_ITEM_BYTES + 1)
        except (OSError, EOFError, zlib.error) as error:
            raise ReadError(path, f"the file is damaged after line {number}: {error}") from error
        if not line:
            return
        number += 1
        if len(line) > MAX_ITEM_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, line


def _header(path: Path, line: bytes | None) -> None:
    try:
        data = json.loads(line) if line else None
    except ValueError:
        data = None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ReadError(path, f"not a {FORMAT_NAME} export: the first line is not its header")
    if data.get("version") != FORMAT_VERSION:
        raise ReadError(
            path, f"{FORMAT_NAME} version {data.get('version')!r}; this version reads version 1"
        )


def _item(number: int, data: Any) -> ReadItem:
    key = f"line {number}"
    if not isinstance(data, dict):
        return ItemError(key=key, message="a line must be a JSON object")
    kind = data.get("type")
    if kind == "article":
        try:
            document = document_from_data(data.get("document"))
        except (DocumentError, UnknownLicenseError, ValueError) as error:
            title = data.get("document", {}).get("title", "")
            return ItemError(
                key=key, message=str(error), title=title if isinstance(title, str) else ""
            )
        return document
    if kind == "redirect":
        title, target = data.get("title"), data.get("target")
        if not isinstance(title, str) or not isinstance(target, str):
            return ItemError(key=key, message="a redirect needs a title and a target")
        return AliasItem(title=title, target=target, key=key)
    return ItemError(key=key, message=f"unknown line type {kind!r}")


class JsonlReader:
    name = "jsonl"
    description = "Cyclopedia JSONL exports (cyclopedia export --format jsonl), .jsonl or .jsonl.gz"
    many_items = True

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        with _open(path) as stream:
            lines = _lines(path, stream)
            first = next(lines, None)
            _header(path, first[1] if first else None)
            seen = 0
            for number, line in lines:
                if not line or not line.strip():
                    if line is None:
                        yield ItemError(key=f"line {number}", message="the line is too long")
                    continue
                seen += 1
                if seen <= options.skip:
                    continue
                try:
                    data = json.loads(line)
                except ValueError as error:
                    yield ItemError(key=f"line {number}", message=f"not JSON: {error}")
                    continue
                yield _item(number, data)
