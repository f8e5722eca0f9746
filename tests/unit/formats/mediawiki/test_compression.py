"""Opening compressed dumps: formats told by their magic bytes, bombs, truncation, corruption."""

from __future__ import annotations

import bz2
import gzip
import lzma
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from cyclopedia.formats.base import ReadError
from cyclopedia.formats.mediawiki.compression import detect, open_decompressed

REPOSITORY = Path(__file__).resolve().parents[4]
PYWIKIBOT = REPOSITORY.parent / "shared" / "corpus" / "mediawiki" / "pywikibot_xml"
needs_corpus = pytest.mark.skipif(not PYWIKIBOT.exists(), reason=f"{PYWIKIBOT} is not here")

COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "bz2": lambda data: bz2.compress(data, compresslevel=1),
    "gzip": lambda data: gzip.compress(data, mtime=0),
    "xz": lambda data: lzma.compress(data, format=lzma.FORMAT_XZ),
    "lzma": lambda data: lzma.compress(data, format=lzma.FORMAT_ALONE),
}
WORDS = ["pear", "tree", "fruit", "genus", "pome", "apple", "quince", "orchard", "ripen", "cider"]


def text(size: int, seed: int = 1) -> bytes:
    """Text that compresses like prose does (a few times, not hundreds)."""
    rng = random.Random(seed)
    words = rng.choices(WORDS, k=size // 5)
    numbered = (f"{word}{rng.randrange(1000)}" for word in words)
    return ("<mediawiki>" + " ".join(numbered))[:size].encode()


def read_all(path: Path, **limits: int) -> bytes:
    with open_decompressed(path, **limits) as stream:
        return stream.read()


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_each_format_decompresses_to_the_original(tmp_path: Path, kind: str) -> None:
    data = text(300_000)
    path = tmp_path / "dump"
    path.write_bytes(COMPRESSORS[kind](data))
    assert detect(path.read_bytes()[:16]) == kind
    assert read_all(path) == data


def test_a_plain_file_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "dump.xml"
    path.write_bytes(text(10_000))
    assert detect(path.read_bytes()[:16]) == "plain"
    assert read_all(path) == text(10_000)


@pytest.mark.parametrize(
    ("kind", "name"), [("bz2", "dump.xml.gz"), ("gzip", "dump.xml"), ("xz", "x.7z")]
)
def test_the_format_comes_from_the_bytes_not_the_name(tmp_path: Path, kind: str, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(COMPRESSORS[kind](b"<mediawiki/>"))
    assert read_all(path) == b"<mediawiki/>"


def test_plain_xml_named_like_an_archive_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.xml.bz2"
    path.write_bytes(b"\xef\xbb\xbf<mediawiki/>")
    assert read_all(path) == b"\xef\xbb\xbf<mediawiki/>"


@pytest.mark.parametrize("kind", ["bz2", "gzip", "xz"])
def test_concatenated_streams_are_all_read(tmp_path: Path, kind: str) -> None:
    """Wikimedia's multistream bz2 dumps are many bz2 streams end to end; pbzip2, pigz and
    ``cat a.gz b.gz`` make such files too."""
    parts = [text(50_000, seed) for seed in range(5)]
    path = tmp_path / "multistream"
    path.write_bytes(b"".join(COMPRESSORS[kind](part) for part in parts))
    assert read_all(path) == b"".join(parts)


@needs_corpus
@pytest.mark.parametrize("suffix", [".bz2", ".gz", ".xz", ".lzma"])
def test_the_corpus_archives_hold_the_plain_file(suffix: str) -> None:
    plain = (PYWIKIBOT / "article-pyrus.xml").read_bytes()
    assert read_all(PYWIKIBOT / f"article-pyrus.xml{suffix}") == plain


def test_7z_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "dump.xml.bin"  # the name does not matter
    path.write_bytes(b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(100))
    with pytest.raises(ReadError) as caught:
        open_decompressed(path)
    assert caught.value.path == str(path)
    assert "7z archive" in caught.value.reason
    assert "decompress it first" in caught.value.reason
    assert "7z x dump.xml.bin" in caught.value.reason


@needs_corpus
def test_the_corpus_7z_files_are_refused_clearly() -> None:
    with pytest.raises(ReadError, match=r"7z archive.*decompress it first.*`7z x "):
        open_decompressed(PYWIKIBOT / "article-pyrus.xml.7z")
    # Named .7z, but text: not what its name says, and a 7z would not be read anyway.
    with pytest.raises(ReadError, match=r"not start with the 7z signature.*corrupt.*`7z x ") as e:
        open_decompressed(PYWIKIBOT / "article-pyrus.xml_invalid.7z")
    assert e.value.path.endswith("article-pyrus.xml_invalid.7z")


@pytest.mark.parametrize(
    ("head", "command"),
    [(b"\x28\xb5\x2f\xfd" + bytes(20), "zstd -d"), (b"PK\x03\x04" + bytes(20), "unzip")],
)
def test_other_archives_are_refused_with_what_to_do(
    tmp_path: Path, head: bytes, command: str
) -> None:
    path = tmp_path / "dump"
    path.write_bytes(head)
    with pytest.raises(ReadError, match=command):
        open_decompressed(path)


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_a_truncated_archive_says_so(tmp_path: Path, kind: str) -> None:
    compressed = COMPRESSORS[kind](text(400_000))
    path = tmp_path / "cut"
    path.write_bytes(compressed[: len(compressed) * 2 // 3])
    with pytest.raises(ReadError) as caught:
        read_all(path)
    assert caught.value.path == str(path)
    assert f"the {kind} data is truncated" in caught.value.reason


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_a_corrupt_archive_says_so(tmp_path: Path, kind: str) -> None:
    compressed = bytearray(COMPRESSORS[kind](text(400_000)))
    middle = len(compressed) // 2
    compressed[middle : middle + 64] = bytes(b ^ 0x5A for b in compressed[middle : middle + 64])
    path = tmp_path / "corrupt"
    path.write_bytes(bytes(compressed))
    with pytest.raises(ReadError) as caught:
        read_all(path)
    assert caught.value.path == str(path)
    assert f"the {kind} data is corrupt" in caught.value.reason


def test_garbage_after_a_gzip_header_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "dump.xml.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 64)
    with pytest.raises(ReadError, match="gzip data is corrupt"):
        read_all(path)


def zeros_bz2(size: int) -> bytes:
    """``size`` zero bytes in bz2, compressed a megabyte at a time (never all in memory)."""
    compressor = bz2.BZ2Compressor(9)
    out = [compressor.compress(bytes(1 << 20)) for _ in range(size >> 20)]
    return b"".join(out) + compressor.flush()


@pytest.mark.parametrize("kind", ["bz2", "gzip", "xz", "lzma"])
def test_a_decompression_bomb_is_refused(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "bomb"
    path.write_bytes(COMPRESSORS[kind](bytes(8 << 20)))  # 8 MiB of zeros: ratio over 1000
    with pytest.raises(ReadError) as caught:
        read_all(path, slack_bytes=1 << 20)
    assert caught.value.path == str(path)
    assert "decompression bomb" in caught.value.reason
    assert "more than 200 times" in caught.value.reason


def test_a_bomb_is_stopped_soon_after_the_default_slack(tmp_path: Path) -> None:
    """100 MiB of zeros in 113 bytes of bz2: refused after about 64 MiB, never read to the end."""
    path = tmp_path / "bomb.xml.bz2"
    path.write_bytes(zeros_bz2(100 << 20))
    produced: list[int] = []

    def drain() -> None:
        with open_decompressed(path) as stream:
            while chunk := stream.read(1 << 20):
                produced.append(len(chunk))

    with pytest.raises(ReadError, match="decompression bomb"):
        drain()
    assert 63 << 20 <= sum(produced) <= 65 << 20


def test_honest_text_passes_without_any_slack(tmp_path: Path) -> None:
    path = tmp_path / "dump.xml.xz"
    path.write_bytes(COMPRESSORS["xz"](text(2_000_000)))
    assert read_all(path, slack_bytes=0) == text(2_000_000)


def test_the_ratio_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "dump.xml.bz2"
    path.write_bytes(COMPRESSORS["bz2"](text(2_000_000)))  # compresses about 3 times
    with pytest.raises(ReadError, match="more than 2 times"):
        read_all(path, max_ratio=2, slack_bytes=0)


def test_a_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot open") as caught:
        open_decompressed(tmp_path / "nothing.xml.bz2")
    assert caught.value.path == str(tmp_path / "nothing.xml.bz2")


def test_closing_the_stream_closes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "dump.xml.gz"
    path.write_bytes(COMPRESSORS["gzip"](b"<mediawiki/>"))
    stream = open_decompressed(path)
    stream.close()
    assert stream.closed
    with pytest.raises(ValueError, match="closed"):
        stream.read()
