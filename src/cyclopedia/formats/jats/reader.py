"""The JATS reader: one scientific article (PubMed Central, PLOS, eLife; NLM 2.3/3.0 and
JATS 1.x) as a Document, with its journal citation, licence and attribution.

A file holds one ``article`` (or, as PMC's OAI service writes them, several in a wrapper such as
``pmc-articleset``: each is an item). The whole file is refused (ReadError) when it is not safe
or well-formed XML (``parsing.py``) or holds no article; an article that cannot be converted is
an ItemError and the others go on.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from cyclopedia.document import Document, DocumentError
from cyclopedia.document.titles import TitleError
from cyclopedia.formats.base import ItemError, ReadError, ReadItem, ReadOptions
from cyclopedia.formats.jats.article import article_document
from cyclopedia.formats.jats.parsing import parse_file
from cyclopedia.formats.pipeline import Budget, convert_within_budget

_WRAPPERS = ("pmc-articleset", "article-set", "articles", "collection", "OAI-PMH")


def articles_of(root: etree._Element) -> list[etree._Element]:
    """The article elements of a document: the root, or the articles of a wrapper."""
    if root.tag == "article":
        return [root]
    if root.tag in _WRAPPERS:
        return list(root.iter("article"))
    return []


class JatsReader:
    name = "jats"
    many_items = False  # one article a file (a PMC article set is the exception, and small)
    description = (
        "JATS/NLM XML scientific article (PubMed Central, PLOS, eLife): NLM 2.3/3.0, JATS 1.x"
    )

    def __init__(self, today: dt.date | None = None) -> None:
        self._today = today  # tests fix the day that ali:license_ref start dates are read on

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        root = parse_file(path)
        found = articles_of(root)
        if not found:
            raise ReadError(
                path, f"not a JATS article: its root element is <{root.tag}>, not <article>"
            )
        today = self._today or dt.date.today()
        several = len(found) > 1
        for number, article in enumerate(found[options.skip :] if several else found, 1):
            key = (
                f"{path.name}#{number + (options.skip if several else 0)}" if several else path.name
            )
            convert = functools.partial(_convert, key=key, options=options, today=today)
            yield convert_within_budget(
                convert, article, Budget().seconds, functools.partial(_key, key)
            )


def _key(key: str, _article: etree._Element) -> tuple[str, str]:
    return key, ""


def _convert(
    article: etree._Element, *, key: str, options: ReadOptions, today: dt.date
) -> Document | ItemError:
    try:
        return article_document(article, file_key=key, options=options, today=today)
    except (DocumentError, TitleError) as error:
        return ItemError(key=key, message=f"cannot convert: {error}")
