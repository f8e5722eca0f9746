"""Open a dump file, compressed or not, as one stream of its decompressed bytes.

The format is told by the file's first bytes, never by its name: dumps get renamed and re-packed,
and a name is a claim where the magic number is a fact. The name is only used to explain a
refusal better ("named .7z but it is not a 7z archive").

What comes out is counted: a small file that decompresses to an enormous one (a decompression bomb)
is refused as soon as the output exceeds ``max_ratio`` times the compressed bytes read so far plus
``slack_bytes``. Real dumps compress text about 4-10 times (bz2, xz); a ratio of hundreds only
comes from data made to be repetitive. The slack lets small and very repetitive but honest files
through. Errors of the decompression libraries (``EOFError``, ``OSError``, ``lzma.LZMAError``,
``zlib.error``) come out as :class:`ReadError` naming the file and saying "truncated" or "corrupt".
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from cyclopedia.formats.base import ReadError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# The signatures (magic numbers) of the formats, as their specifications define them.
_SIGNATURES: tuple[tuple[str, bytes], ...] = (
    ("bz2", b"BZh"),
    ("gzip", b"\x1f\x8b"),
    ("xz", b"\xfd7zXZ\x00"),
    ("7z", b"7z\xbc\xaf\x27\x1c"),
    ("zstd", b"\x28\xb5\x2f\xfd"),
    ("zip", b"PK\x03\x04"),
)
# Formats no library we depend on reads: the user decompresses them first, with this command.
_UNSUPPORTED = {"7z": "7z x FILE", "zstd": "zstd -d FILE", "zip": "unzip FILE"}
# File name endings that claim a compression format.
_SUFFIXES = {
    ".bz2": "bz2",
    ".gz": "gzip",
    ".xz": "xz",
    ".lzma": "lzma",
    ".7z": "7z",
    ".zst": "zstd",
    ".zip": "zip",
}
# The legacy .lzma ("LZMA alone") header has no signature: a properties byte, a 4-byte dictionary
# size and an 8-byte uncompressed size. Every lzma tool writes properties 0x5D (lc=3, lp=0, pb=2)
# unless told otherwise; no XML or text file starts with "]".
_LZMA_ALONE_PROPERTIES = 0x5D
_LZMA_MIN_DICTIONARY = 1 << 12
_HEAD_BYTES = 16


def detect(head: bytes) -> str:
    """The compression format of data starting with ``head``: a name from ``_SIGNATURES``,
    ``"lzma"``, or ``"plain"`` for anything else."""
    for name, signature in _SIGNATURES:
        if head.startswith(signature):
            if name == "bz2" and head[3:4] not in {b"%d" % level for level in range(1, 10)}:
                continue  # "BZh" is followed by the block size, "1" to "9"
            return name
    if _is_lzma_alone(head):
        return "lzma"
    return "plain"


def _is_lzma_alone(head: bytes) -> bool:
    if len(head) < 13 or head[0] != _LZMA_ALONE_PROPERTIES:
        return False
    dictionary = int.from_bytes(head[1:5], "little")
    size = head[5:13]
    return dictionary >= _LZMA_MIN_DICTIONARY and (size == b"\xff" * 8 or size[6:] == b"\0\0")


def _looks_like_text(head: bytes) -> bool:
    """Whether data starts like an XML or text file (after any byte-order mark), so that a file
    named .bz2 that is in fact plain XML is still read."""
    for mark in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        head = head.removeprefix(mark)
    stripped = head.lstrip(b" \t\r\n")
    return stripped.startswith((b"<", b"\0<")) or not stripped


def open_decompressed(path: Path, *, max_ratio: int = 200, slack_bytes: int = 64 << 20) -> BinaryIO:
    """A binary stream of the decompressed content of ``path`` (bz2 including multistream,
    gzip, xz, legacy lzma, or plain), refusing formats we cannot read and decompression bombs.

    The caller closes the stream; closing it closes the file.
    """
    try:
        raw = path.open("rb")
    except OSError as error:
        raise ReadError(path, f"cannot open: {error.strerror or error}") from error
    try:
        head = raw.peek(_HEAD_BYTES)[:_HEAD_BYTES]
        kind = detect(head)
        _refuse_unreadable(path, kind, head)
        if kind == "plain":
            return raw
        opener = _OPENERS[kind]
        guarded = _GuardedStream(path, kind, opener(raw), raw, max_ratio, slack_bytes)
        return io.BufferedReader(guarded, buffer_size=1 << 16)
    except BaseException:
        raw.close()
        raise


def _refuse_unreadable(path: Path, kind: str, head: bytes) -> None:
    if kind in _UNSUPPORTED:
        command = _UNSUPPORTED[kind].replace("FILE", path.name)
        raise ReadError(
            path,
            f"this is a {kind} archive, which cannot be read directly: decompress it first "
            f"(for example `{command}`) and import the XML file inside",
        )
    claimed = _SUFFIXES.get(path.suffix.lower())
    if kind == "plain" and claimed and not _looks_like_text(head):
        raise ReadError(
            path,
            f"the name says {claimed} but the file does not start with the {claimed} signature "
            f"(it starts with {head[:8]!r}) and is not XML either: the file is corrupt or not "
            f"a {claimed} file{_unsupported_note(claimed, path)}",
        )


def _unsupported_note(kind: str, path: Path) -> str:
    if kind not in _UNSUPPORTED:
        return ""
    command = _UNSUPPORTED[kind].replace("FILE", path.name)
    return f" (and a {kind} archive must be decompressed first anyway, e.g. `{command}`)"


def _open_bz2(raw: io.BufferedReader) -> io.BufferedIOBase:
    return bz2.BZ2File(raw, "rb")  # reads every stream of a multistream file


def _open_gzip(raw: io.BufferedReader) -> io.BufferedIOBase:
    return gzip.GzipFile(fileobj=raw, mode="rb")  # and every member of a concatenated one


def _open_xz(raw: io.BufferedReader) -> io.BufferedIOBase:
    return lzma.LZMAFile(raw, "rb", format=lzma.FORMAT_XZ)


def _open_lzma(raw: io.BufferedReader) -> io.BufferedIOBase:
    return lzma.LZMAFile(raw, "rb", format=lzma.FORMAT_ALONE)


_OPENERS: dict[str, Callable[[io.BufferedReader], io.BufferedIOBase]] = {
    "bz2": _open_bz2,
    "gzip": _open_gzip,
    "xz": _open_xz,
    "lzma": _open_lzma,
}


class _GuardedStream(io.RawIOBase):
    """The decompressed bytes of one file, counted against the compressed bytes read, with the
    decompression libraries' errors turned into ReadErrors that name the file."""

    def __init__(
        self,
        path: Path,
        kind: str,
        decompressed: io.BufferedIOBase,
        raw: io.BufferedReader,
        max_ratio: int,
        slack_bytes: int,
    ) -> None:
        super().__init__()
        self._path = path
        self._kind = kind
        self._decompressed = decompressed
        self._raw = raw
        self._max_ratio = max_ratio
        self._slack = slack_bytes
        self.produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        try:
            count = self._decompressed.readinto(buffer)
        except EOFError as error:
            raise self._error("is truncated: it ends before its end-of-stream marker") from error
        except (OSError, lzma.LZMAError, zlib.error) as error:
            if isinstance(error, OSError) and error.errno is not None:  # the disk, not the data
                raise ReadError(self._path, f"cannot read: {error.strerror}") from error
            raise self._error(f"is corrupt ({error})") from error
        self.produced += count
        if self.produced > self._slack and self._is_bomb():
            raise ReadError(
                self._path,
                f"refused as a decompression bomb: its {self._kind} data decompresses to more "
                f"than {self._max_ratio} times its size ({self.produced:,} bytes out of the "
                f"first {self._raw.tell():,})",
            )
        return count

    def _is_bomb(self) -> bool:
        return self.produced > self._max_ratio * self._raw.tell() + self._slack

    def _error(self, what: str) -> ReadError:
        return ReadError(
            self._path, f"the {self._kind} data {what} (after {self.produced:,} decompressed bytes)"
        )

    def close(self) -> None:
        if not self.closed:
            try:
                self._decompressed.close()
            finally:
                self._raw.close()
        super().close()
