"""Paths and helpers of the JATS reader's tests.

The articles of ``../shared/corpus/jats`` (PLOS and eLife, see its FILES.tsv) are read where
they are; tests that need them are skipped where the corpus is not. Small files of our own live in
``tests/data/jats`` (see its README).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cyclopedia.document import Document
from cyclopedia.formats.base import ItemError, ReadOptions
from cyclopedia.formats.jats.reader import JatsReader

REPOSITORY = Path(__file__).resolve().parents[4]
DATA = REPOSITORY / "tests" / "data" / "jats"
CORPUS = REPOSITORY.parent / "shared" / "corpus" / "jats"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{CORPUS} is not here")
# The day ali:license_ref start dates are compared with: fixed, so that tests do not age.
TODAY = dt.date(2026, 1, 1)

ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN"
  "JATS-journalpublishing1.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mml="http://www.w3.org/1998/Math/MathML"
  xmlns:ali="http://www.niso.org/schemas/ali/1.0/" article-type="{article_type}" xml:lang="en">
<front>
<journal-meta><journal-title-group><journal-title>Journal of Tests</journal-title>
</journal-title-group><publisher><publisher-name>Test Press</publisher-name></publisher>
</journal-meta>
<article-meta>
<article-id pub-id-type="doi">10.5555/test.1</article-id>
<title-group><article-title>{title}</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Tester</surname>
<given-names>Tess</given-names></name></contrib></contrib-group>
<pub-date pub-type="epub"><day>2</day><month>3</month><year>{year}</year></pub-date>
<volume>1</volume><elocation-id>e1</elocation-id>
{permissions}
{related}
</article-meta>
</front>
<body>{body}</body>
<back>{back}</back>
</article>
"""
CC_BY = (
    '<permissions><license xlink:href="http://creativecommons.org/licenses/by/4.0/">'
    "<license-p>CC BY 4.0.</license-p></license></permissions>"
)


def article_xml(
    body: str = "<p>Text.</p>",
    *,
    back: str = "",
    permissions: str = CC_BY,
    related: str = "",
    title: str = "A test article",
    article_type: str = "research-article",
    year: int = 2015,
) -> str:
    return ARTICLE.format(
        body=body,
        back=back,
        permissions=permissions,
        related=related,
        title=title,
        article_type=article_type,
        year=year,
    )


def read_items(path: Path, options: ReadOptions | None = None) -> list[object]:
    return list(JatsReader(today=TODAY).read(path, options or ReadOptions()))


def read_one(path: Path, options: ReadOptions | None = None) -> Document:
    items = read_items(path, options)
    assert len(items) == 1, items
    item = items[0]
    assert not isinstance(item, ItemError), item
    assert isinstance(item, Document)
    return item


def read_xml(tmp_path: Path, xml: str | bytes, name: str = "article.xml") -> Document:
    path = tmp_path / name
    if isinstance(xml, bytes):
        path.write_bytes(xml)
    else:
        path.write_text(xml, encoding="utf-8")
    return read_one(path)
