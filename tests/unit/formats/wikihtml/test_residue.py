"""No script, style, navigation box or edit link reaches a Document made from a saved page of
the corpus, nor its stored rendering: every page is scanned."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.wikihtml.reader import WikiHtmlReader
from cyclopedia.render.article import every_article, render_document

from .helpers import PARSOID, WTQ

PAGES = sorted([*WTQ.glob("*.html"), *PARSOID.glob("*.html")]) if WTQ.exists() else []
MARKDOWN_RESIDUE = re.compile(
    r"(?<!\\)<\s*/?\s*(script|style|link|meta|iframe|noscript|img)\b|"
    r"function\s*\([^)]*\)\s*\{|jQuery|navbox|mw-editsection|\[edit\]|\[citation needed\]|"
    r"display\s*:\s*none|NewPP|Persondata|Authority control",
    re.IGNORECASE,
)
HTML_RESIDUE = re.compile(
    r"<\s*(script|style|link|meta|iframe|noscript|svg|math|img)\b|\sstyle\s*=|\son[a-z]+\s*=|"
    r"javascript:|navbox|editsection",
    re.IGNORECASE,
)


@pytest.mark.skipif(not PAGES, reason=f"{WTQ} is not here")
@pytest.mark.parametrize("path", PAGES, ids=[path.name for path in PAGES])
def test_no_residue(path: Path) -> None:
    (document,) = WikiHtmlReader().read(path, ReadOptions(title=path.stem))
    texts = [document.body, *(reference.text for reference in document.references)]
    texts += [field.value for field in document.infobox.fields] if document.infobox else []
    for text in texts:
        found = MARKDOWN_RESIDUE.search(text)
        assert found is None, f"{found.group(0)!r} in {text[max(0, found.start() - 80) :][:200]!r}"
    rendered = render_document(document, link_exists=every_article)
    html = "\n".join(
        [rendered.body_html, *(f.html for f in rendered.infobox)]
        + [reference.html for reference in rendered.references]
    )
    found = HTML_RESIDUE.search(html)
    assert found is None, f"{found.group(0)!r} in the stored HTML"
