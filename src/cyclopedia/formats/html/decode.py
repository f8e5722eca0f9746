"""The text of a saved web page: its size capped, its encoding found, binary junk refused.

The encoding, in order: a byte-order mark; UTF-8 when the bytes are valid UTF-8 (a page that
declares Latin-1 but is valid UTF-8 beyond ASCII was saved as UTF-8: that happens, the reverse
practically never); the charset the page declares (``<meta charset>``, ``<meta
http-equiv="Content-Type">``, an XML declaration), with the labels browsers treat as
windows-1252 read as such; otherwise windows-1252, as browsers do, with a warning.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from cyclopedia.formats.base import MAX_ITEM_BYTES, ReadError

MAX_PAGE_BYTES = MAX_ITEM_BYTES
# Where a page declares its charset: browsers look at the first 1024 bytes, but saved pages
# often carry long heads (inline styles, scripts) before the declaration.
PRESCAN_BYTES = 16384
# More undecodable bytes than this fraction of the text: not text in the declared encoding.
MAX_REPLACED_RATIO = 0.02

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_COMMENT = re.compile(rb"<!--.*?(?:-->|$)", re.DOTALL)
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})""", re.I
)
_XML_ENCODING = re.compile(
    rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:\-]{1,40})""", re.I
)
# Labels the HTML standard reads as another encoding (https://encoding.spec.whatwg.org/).
_AS_BROWSERS_READ = {
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "utf-8-sig": "utf-8",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "iso8859-11": "cp874",
}
# Codecs no page may choose: not ASCII-compatible (the declaration itself would not survive),
# or able to turn ASCII into markup (UTF-7, escape codecs).
_REFUSED = {
    "utf-7",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-32-le",
    "utf-32-be",
    "unicode-escape",
    "raw-unicode-escape",
    "idna",
    "punycode",
    "undefined",
}
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|title|meta|article|main|section|p|div|span|a|h[1-6]"
    r"|table|ul|ol|li|br|pre|blockquote)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    encoding: str  # the codec the bytes were decoded with
    warnings: tuple[str, ...] = ()


def read_page(path: Path) -> PageText:
    """The text of a saved page; ReadError for what is too large, empty, binary or not HTML."""
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:  # refused before a byte of it is read into memory
            raise ReadError(path, _too_large(size))
        with path.open("rb") as handle:  # at most one byte over: a device or a growing file
            data = handle.read(MAX_PAGE_BYTES + 1)
    except OSError as error:
        raise ReadError(path, f"cannot read: {error.strerror or error}") from error
    return decode_page(path, data)


def _too_large(size: int) -> str:
    return f"the page is {size:,} bytes; a web page may be at most {MAX_PAGE_BYTES:,}"


def declared_charset(data: bytes) -> str | None:
    """The charset label the page's first bytes declare, as the page spells it."""
    head = _COMMENT.sub(b"", data[:PRESCAN_BYTES])
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").strip().lower() if match else None


def _codec(label: str) -> str | None:
    """The Python codec for a declared label, or None for one that is unknown or refused."""
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # rot13, base64 and the like
    name = _AS_BROWSERS_READ.get(info.name, info.name)
    return None if name in _REFUSED else name


def _bom_codec(data: bytes) -> str | None:
    for mark, codec in _BOMS:
        if data.startswith(mark):
            return codec
    # UTF-16 without its mark: a page starting with "<" as 16-bit units.
    if data.startswith(b"<\x00") and data[1:4096:2].count(0) > 0.9 * len(data[1:4096:2]):
        return "utf-16-le"
    if data.startswith(b"\x00<") and data[0:4096:2].count(0) > 0.9 * len(data[0:4096:2]):
        return "utf-16-be"
    return None


def decode_page(path: Path, data: bytes) -> PageText:
    """The text of a page's bytes; ReadError for what is too large, empty, binary or not HTML."""
    if len(data) > MAX_PAGE_BYTES:
        raise ReadError(path, _too_large(len(data)))
    if not data.strip():
        raise ReadError(path, "the file is empty")
    warnings: list[str] = []
    codec = _bom_codec(data)
    if codec:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            raise ReadError(
                path, f"not valid {codec.upper()} (its byte-order mark says it is): {error.reason}"
            ) from error
    else:
        text, codec = _decode_unmarked(data, warnings)
    _refuse_binary(path, text)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ReadError(path, "the file is empty")
    if not _HTML_TAG.search(text[:PRESCAN_BYTES]) and not _HTML_TAG.search(text):
        raise ReadError(path, "this is not an HTML page: it has no HTML elements")
    return PageText(text=text, encoding=codec, warnings=tuple(warnings))


def _decode_unmarked(data: bytes, warnings: list[str]) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    label = declared_charset(data)
    codec = _codec(label) if label else None
    if label and codec is None:
        warnings.append(f"the page declares the charset {label!r}, which is not supported here")
    if codec:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as error:
            warnings.append(
                f"the page is not valid {label} (the charset it declares) at byte "
                f"{error.start:,}; undecodable bytes were replaced"
            )
            return data.decode(codec, errors="replace"), codec
    declared = f"declares {label!r} but " if label else "declares no charset and "
    warnings.append(
        f"the page {declared}is not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
        f"{utf8_error.start:,}); it was read as windows-1252, as browsers do"
    )
    return data.decode("cp1252", errors="replace"), "cp1252"


def _refuse_binary(path: Path, text: str) -> None:
    if "\x00" in text:
        raise ReadError(path, "this is a binary file (it contains NUL bytes), not a web page")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text) // 100):
        raise ReadError(path, "this is a binary file (it is full of control bytes), not a page")
    replaced = text.count("\ufffd")
    if replaced > max(8, len(text) * MAX_REPLACED_RATIO):
        raise ReadError(
            path, f"this is not text: {replaced:,} of its bytes are not characters in any encoding"
        )
