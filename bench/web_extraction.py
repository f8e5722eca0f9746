"""How well the web page reader finds a page's main text, on trafilatura's evaluation pages.

``../shared/corpus/html/trafilatura/evaldata.json`` lists, for each page of ``cache/``, text
snippets its main text must contain (``with``) and snippets it must not (``without``: menus,
footers, dates, comments). Each page is read by the reader (``WebPageReader``) into a
Document, rendered as a reader of the article sees it (its title, then the body rendered by
``cyclopedia.render`` to plain text), and the snippets are looked for in that text (runs of
whitespace counted as one space, on both sides). It prints the share of ``with`` snippets
found and the share of ``without`` snippets absent, and with ``--verbose`` every miss.

A page the reader refuses counts as having none of its ``with`` snippets (and none of its
``without`` ones). By default each page is read with its URL as ``--source-url`` (as an
operator importing a page would give it); ``--no-url`` reads the files alone.

    .venv/bin/python bench/web_extraction.py [--corpus ../shared/corpus/html/trafilatura]
        [--no-url] [--body-only] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from cyclopedia.document import Document
from cyclopedia.formats.base import ReadError, ReadOptions
from cyclopedia.formats.html.reader import WebPageReader
from cyclopedia.render.article import every_article, render_document

REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPOSITORY.parent / "shared" / "corpus" / "html" / "trafilatura"
_SPACE = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class Totals:
    found: int = 0
    expected: int = 0
    absent: int = 0
    unwanted: int = 0
    pages: int = 0
    refused: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def reader_text(document: Document, *, with_title: bool) -> str:
    """What a reader of the article sees: its title, then its body as plain text."""
    text = render_document(document, link_exists=every_article).plain_text
    return f"{document.title}\n{text}" if with_title else text


def measure(corpus: Path, *, use_url: bool, with_title: bool) -> Totals:
    entries = json.loads((corpus / "evaldata.json").read_text(encoding="utf-8"))
    reader = WebPageReader()
    totals = Totals()
    for url, entry in entries.items():
        path = corpus / "cache" / entry["file"]
        totals.pages += 1
        known = url.startswith(("http://", "https://"))  # some keys are "hard::file"
        options = ReadOptions(source_url=url if use_url and known else None)
        try:
            documents = [item for item in reader.read(path, options) if isinstance(item, Document)]
            text = _normal(reader_text(documents[0], with_title=with_title))
        except ReadError as error:
            totals.refused.append(f"{entry['file']}: {error.reason}")
            text = ""
        for snippet in entry.get("with", []):
            totals.expected += 1
            if _normal(snippet) in text:
                totals.found += 1
            else:
                totals.misses.append(f"{entry['file']}: missing   {snippet!r}")
        for snippet in entry.get("without", []):
            totals.unwanted += 1
            if _normal(snippet) not in text:
                totals.absent += 1
            else:
                totals.misses.append(f"{entry['file']}: unwanted  {snippet!r}")
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-url", action="store_true", help="read pages without their URL")
    parser.add_argument("--body-only", action="store_true", help="leave the title out")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if not (args.corpus / "evaldata.json").exists():
        print(f"no evaldata.json in {args.corpus}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    totals = measure(args.corpus, use_url=not args.no_url, with_title=not args.body_only)
    seconds = time.perf_counter() - started
    if args.verbose:
        for line in [*totals.refused, *totals.misses]:
            print(line)
        print()
    print(f"pages: {totals.pages} ({len(totals.refused)} refused), {seconds:.1f} s")
    print(
        f"with snippets found:      {totals.found}/{totals.expected} "
        f"= {totals.found / max(totals.expected, 1):.1%}"
    )
    print(
        f"without snippets absent:  {totals.absent}/{totals.unwanted} "
        f"= {totals.absent / max(totals.unwanted, 1):.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
