"""No script, style, navigation box or edit link reaches an article: every article of every
archive of the corpus is scanned, as the Document holds it and as its rendering is stored."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cyclopedia.document import Document
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.zim.reader import ZimReader
from cyclopedia.render.article import every_article, render_document

from .zimfiles import CORPUS

ARCHIVES = sorted(CORPUS.glob("*.zim")) if CORPUS.exists() else []

# In the Markdown: raw tags of scripts and styles, and the words page chrome leaves behind.
MARKDOWN_RESIDUE = re.compile(
    r"(?<!\\)<\s*/?\s*(script|style|link|meta|iframe|noscript)\b|importScript|"
    r"function\s*\([^)]*\)\s*\{|"
    r"jQuery|mw\.config|navbox|mw-editsection|\[edit\]|\[citation needed\]|display\s*:\s*none|"
    r"This article is issued from|Additional terms may apply",
    re.IGNORECASE,
)
# In the stored HTML: any of those tags, inline styles, event handlers, chrome classes.
HTML_RESIDUE = re.compile(
    r"<\s*(script|style|link|meta|iframe|noscript|svg|math|img)\b|\sstyle\s*=|\son[a-z]+\s*=|"
    r"javascript:|navbox|editsection|class=\"[^\"]*(noprint|metadata|thumb)",
    re.IGNORECASE,
)


def stored_html(document: Document) -> str:
    rendered = render_document(document, link_exists=every_article)
    return "\n".join(
        [rendered.body_html]
        + [field.html for field in rendered.infobox]
        + [reference.html for reference in rendered.references]
    )


@pytest.mark.skipif(not ARCHIVES, reason=f"{CORPUS} is not here")
@pytest.mark.parametrize("path", ARCHIVES, ids=[path.name for path in ARCHIVES])
def test_no_residue_in_any_article(path: Path) -> None:
    documents = [
        item for item in ZimReader().read(path, ReadOptions()) if isinstance(item, Document)
    ]
    for document in documents:
        texts = [document.body, *(reference.text for reference in document.references)]
        texts += [field.value for field in document.infobox.fields] if document.infobox else []
        for text in texts:
            found = MARKDOWN_RESIDUE.search(text)
            assert found is None, f"{document.title}: {found.group(0)!r} in {text[:200]!r}"
        html = stored_html(document)
        found = HTML_RESIDUE.search(html)
        assert found is None, f"{document.title}: {found.group(0)!r} in the stored HTML"


@pytest.mark.skipif(not ARCHIVES, reason=f"{CORPUS} is not here")
def test_the_ray_charles_articles_show_their_infobox() -> None:
    documents = [
        item
        for item in ZimReader().read(CORPUS / "libkiwix_zimfile_raycharles.zim", ReadOptions())
        if isinstance(item, Document)
    ]
    assert len(documents) == 127
    with_infobox = [document for document in documents if document.infobox]
    assert len(with_infobox) == 111
    ray = next(document for document in documents if document.title == "Ray Charles")
    assert ray.infobox is not None
    assert [field.label for field in ray.infobox.fields][:3] == ["Birth name", "Born", "Died"]
    rendered = render_document(ray, link_exists=every_article)
    assert [field.label for field in rendered.infobox][:2] == ["Birth name", "Born"]
    # This "_mini" archive holds the lead sections only: the articles cite no references.
    assert not any(document.references for document in documents)
    assert all(document.license.spdx == "CC-BY-SA-3.0" for document in documents)
