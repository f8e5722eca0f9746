"""The readers by name, and detection of an input's format."""

from __future__ import annotations

import re
from pathlib import Path

from cyclopedia.formats.base import Reader, ReadError
from cyclopedia.formats.html.detect import looks_like_html
from cyclopedia.formats.html.reader import WebPageReader
from cyclopedia.formats.jats.detect import is_jats
from cyclopedia.formats.jats.reader import JatsReader
from cyclopedia.formats.jsonl.detect import GZIP_MAGIC, gzip_head, looks_like_jsonl
from cyclopedia.formats.jsonl.reader import JsonlReader
from cyclopedia.formats.mediawiki.reader import MediaWikiDumpReader, WikitextFileReader
from cyclopedia.formats.text.reader import TextPageReader
from cyclopedia.formats.wikihtml.detect import looks_like_wiki_html
from cyclopedia.formats.wikihtml.reader import WikiHtmlReader
from cyclopedia.formats.zim.reader import ZIM_MAGIC, ZimReader

READERS: dict[str, Reader] = {
    reader.name: reader
    for reader in (
        TextPageReader(),
        WikitextFileReader(),
        MediaWikiDumpReader(),
        ZimReader(),
        WikiHtmlReader(),
        WebPageReader(),
        JatsReader(),
        JsonlReader(),
    )
}

_SNIFF_BYTES = 8192
_COMPRESSED = (b"BZh", b"\x1f\x8b", b"\xfd7zXZ\x00", b"\x5d\x00\x00", b"7z\xbc\xaf\x27\x1c")
_WIKITEXT_MARKS = re.compile(rb"\{\{|\[\[|'''|^==[^=\n]+==\s*$|^\{\|", re.MULTILINE)
_WIKITEXT_MIN_MARKS = 3


def get_reader(name: str) -> Reader:
    try:
        return READERS[name]
    except KeyError:
        known = ", ".join(sorted(READERS))
        raise ValueError(f"unknown format {name!r}; known formats: {known}") from None


def _as_utf8(head: bytes) -> bytes:
    """The first bytes as UTF-8, when they are UTF-16 (with or without its mark)."""
    for mark, encoding in (
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
        (b"\x00<", "utf-16-be"),
        (b"<\x00", "utf-16-le"),
    ):
        if head.startswith(mark):
            return head.decode(encoding, errors="ignore").encode("utf-8")
    return head


def detect(path: Path) -> Reader:
    """The reader for an input, from its first bytes (then its name)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as error:
        raise ReadError(path, f"cannot open: {error.strerror or error}") from error
    suffix = path.suffix.lower()
    if head.startswith(ZIM_MAGIC) or suffix == ".zim" or re.fullmatch(r"\.zim[a-z]{2}", suffix):
        return READERS["zim"]  # a later part of a split archive (.zimab) gets a clear error
    if looks_like_jsonl(head) or (
        head.startswith(GZIP_MAGIC) and looks_like_jsonl(gzip_head(path))
    ):
        return READERS["jsonl"]
    if head.startswith(_COMPRESSED) or path.suffix.lower() in {".bz2", ".gz", ".xz", ".7z"}:
        return READERS["mediawiki"]  # the only compressed inputs so far are dumps
    sample = _as_utf8(head)
    stripped = sample.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        if b"<mediawiki" in sample:
            return READERS["mediawiki"]
        if is_jats(sample) or suffix == ".nxml":
            return READERS["jats"]
        if looks_like_wiki_html(sample):
            return READERS["wikihtml"]
        if looks_like_html(sample):
            return READERS["web"]
        raise ReadError(path, "looks like XML but is none of the formats known here")
    if b"\x00" in sample and path.suffix.lower() not in {".txt", ".text", ".wiki", ""}:
        raise ReadError(path, "cannot tell the format of this file; name one with --format")
    if path.suffix.lower() in {".wiki", ".wikitext", ".mediawiki"}:
        return READERS["wikitext"]
    if len(_WIKITEXT_MARKS.findall(sample)) >= _WIKITEXT_MIN_MARKS:
        return READERS["wikitext"]
    return READERS["text"]
