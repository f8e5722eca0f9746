"""The text reader on real scanned encyclopedia text: the OCR of a 1911 Britannica volume.

The volume is in the shared sample corpus (``../shared/corpus``, see its FILES.tsv); these tests
are skipped where it is not. Small excerpts live in tests/data/text as golden pages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from cyclopedia.document import Document, LicenseStatus
from cyclopedia.formats.base import ReadError, ReadOptions
from cyclopedia.formats.text.reader import TextPageReader

REPOSITORY = Path(__file__).resolve().parents[4]
CORPUS = REPOSITORY.parent / "shared" / "corpus"
VOLUME = CORPUS / "other" / "eb1911_ocr" / "VOL05_CALHOUN-CHATELAINE_trunc_djvu.txt"
needs_volume = pytest.mark.skipif(not VOLUME.exists(), reason=f"{VOLUME} is not here")

# An article starts after a blank line with its headword in capitals: "ADZE (from the Old Eng.",
# "AEGEUS, in Greek legend".
HEADWORD = re.compile(r"^([A-Z][A-Z'\-]{2,}(?: [A-Z][A-Z'\-]+)*)(?:,| \()")


def articles() -> list[tuple[str, str]]:
    """(headword, text) of every article of the volume, as it was scanned."""
    if not VOLUME.exists():
        return []
    lines = VOLUME.read_text(encoding="utf-8").split("\n")
    starts = [
        i for i in range(1, len(lines)) if not lines[i - 1].strip() and HEADWORD.match(lines[i])
    ]
    found = []
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        headword = HEADWORD.match(lines[start]).group(1)  # type: ignore[union-attr]
        found.append((headword, "\n".join(lines[start:end])))
    return found


ARTICLES = articles()
IDS = [f"{n}-{headword}" for n, (headword, _) in enumerate(ARTICLES)]


def read(path: Path) -> Document:
    [document] = TextPageReader().read(path, ReadOptions())
    assert isinstance(document, Document)
    return document


def read_or_refuse(path: Path) -> Document | ReadError:
    try:
        return read(path)
    except ReadError as error:
        return error


def plain(text: str) -> str:
    return " ".join(re.sub(r"\[\^([^\]]+)\]", r"[\1]", text).split())


@needs_volume
def test_there_are_many_articles() -> None:
    assert len(ARTICLES) > 150


@needs_volume
def test_the_whole_volume_is_not_taken_for_one_article() -> None:
    # Its first line opens a paragraph ("ADVENTURE (from Lat. res adventura, a thing about to"):
    # the reader used to take it for the title of a 1.6 MB article.
    with pytest.raises(ReadError) as caught:
        list(TextPageReader().read(VOLUME, ReadOptions()))
    assert caught.value.reason.startswith("no recognisable title: the first line is 'ADVENTURE (")


@needs_volume
@pytest.mark.parametrize(("headword", "article"), ARTICLES, ids=IDS)
def test_an_article_with_a_title_line_reads_without_losing_text(
    tmp_path: Path, headword: str, article: str, render_markdown: Any
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(f"{headword.title()}\n\n{article}\n", encoding="utf-8")
    document = read(path)
    assert document.title == headword.title()
    assert document.infobox is None
    assert document.license.status is LicenseStatus.CONFIRM  # a scan states no licence
    rendered = render_markdown(document.body)
    # OCR text is full of brackets, asterisks, dashes and numbers; none of it may become markup.
    assert rendered.tags <= {"p", "h2"}, rendered.html
    # Nothing is lost and nothing is added: alternative names and body hold the whole article.
    assert plain(" ".join([*document.aliases, rendered.text])) == plain(article)


@needs_volume
@pytest.mark.parametrize(("headword", "article"), ARTICLES, ids=IDS)
def test_an_article_as_scanned_has_no_title_line(
    tmp_path: Path, headword: str, article: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(article, encoding="utf-8")
    document = read_or_refuse(path)
    if isinstance(document, ReadError):
        assert document.reason.startswith("no recognisable title: the first line")
        return
    # Accepted only when the first line stands alone, as a running head does ("AFRICA, ROMAN"):
    # never the first line of a paragraph.
    first_block = article.strip().split("\n\n")[0]
    assert "\n" not in first_block.strip()
    assert document.title == first_block.strip()
