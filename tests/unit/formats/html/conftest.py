"""Reading small hand-made pages, and the real pages of the shared corpus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cyclopedia.document import Document
from cyclopedia.formats.base import ReadItem, ReadOptions, ReadWarning
from cyclopedia.formats.html.reader import WebPageReader

REPOSITORY = Path(__file__).resolve().parents[4]
DATA = REPOSITORY / "tests" / "data" / "html"
CORPUS = REPOSITORY.parent / "shared" / "corpus" / "html" / "trafilatura"
CACHE = CORPUS / "cache"

needs_corpus = pytest.mark.skipif(not CACHE.is_dir(), reason=f"{CACHE} is not here")

# Enough words for trafilatura to take a paragraph for main text.
FILLER = (
    "This paragraph is long enough to be taken for the main text of the page, and it goes on "
    "for a while about nothing in particular so that no extractor mistakes it for a menu."
)

Reader = Callable[..., Document]


def page(
    body: str,
    *,
    head: str = "",
    title: str = "A test page",
    lang: str = "en",
    charset: str | None = "utf-8",
) -> str:
    """A whole HTML page around ``body``."""
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{meta}'
        f"<title>{title}</title>{head}</head><body>{body}</body></html>"
    )


def read_items(path: Path, **options: object) -> list[ReadItem]:
    return list(WebPageReader().read(path, ReadOptions(**options)))  # type: ignore[arg-type]


@pytest.fixture
def read_html(tmp_path: Path) -> Reader:
    """Read an HTML text (or bytes) as a file; the one Document it makes."""

    def read(html: str | bytes, name: str = "page.html", **options: object) -> Document:
        path = tmp_path / name
        path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
        items = [item for item in read_items(path, **options) if not isinstance(item, ReadWarning)]
        assert len(items) == 1
        [document] = items
        assert isinstance(document, Document)
        return document

    return read


@pytest.fixture
def read_corpus() -> Callable[..., Document]:
    def read(name: str, **options: object) -> Document:
        [document] = [
            item for item in read_items(CACHE / name, **options) if isinstance(item, Document)
        ]
        return document

    return read
