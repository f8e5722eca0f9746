"""Where a MediaWiki import spends its CPU: each stage's time per article, in one process.

`bench/import_mediawiki.py` measures the whole import; this splits it into the stages an article
goes through, each timed alone in this process (CPU time, the median of --runs runs, over the
first --articles pages of the replicated dump that bench builds):

- read: bz2 decompression and XML parsing of the dump (the importing process);
- parse: mwparserfromhell's tokenizer (C) and its tree builder (Python);
- convert: the whole page to a Document, parse included (a worker);
- prepare: source text, digest and rendering: Markdown to HTML, sanitising, plain text (a worker);
- transfer: pickling the page to a worker and the prepared Document back (one worker converts
  and prepares a page);
- write: the writer's database work into an empty SQLite site (the importing process), rolled
  back after each run.

Conversion and preparing run with automatic garbage collection paused, as in the workers
(formats/pipeline.py). The sum is the CPU an article costs; the cores divided by it is the
most articles a second that machine could import, whatever the pipeline's shape.

    .venv/bin/python bench/import_stages.py [--articles 300] [--runs 3]
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any

from import_mediawiki import build_dump


def cpu_ms(action: Callable[[], Any], count: int, runs: int, *, collect: bool) -> float:
    """Median CPU milliseconds per item of ``action`` (which handles ``count`` items)."""
    times = []
    for _ in range(runs):
        gc.collect()
        if not collect:
            gc.disable()
        started = time.process_time()
        action()
        times.append((time.process_time() - started) / count * 1000)
        gc.enable()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="cyclopedia-bench-stages-")
    os.environ["CYCLOPEDIA_HOME"] = home
    os.environ.pop("DATABASE_URL", None)
    from cyclopedia.cli.django_setup import migrate, setup_django

    setup_django()
    migrate()
    from mwparserfromhell.parser import CTokenizer
    from mwparserfromhell.parser.builder import Builder

    from cyclopedia.apps.ingest.services import documents_ingest, import_run_start
    from cyclopedia.document import Document
    from cyclopedia.formats.base import ReadOptions
    from cyclopedia.formats.mediawiki.dump import DumpReader, PageRevision
    from cyclopedia.formats.mediawiki.reader import convert_page, site_source
    from cyclopedia.render.prepared import prepare

    path = build_dump(max(args.articles, 2000))

    def read() -> tuple[Any, list[PageRevision]]:
        pages: list[PageRevision] = []
        with DumpReader(path) as dump:
            for page in dump.pages():
                if isinstance(page, PageRevision) and page.namespace == 0:
                    pages.append(page)
                if len(pages) == args.articles:
                    break
            return dump.site, pages

    site, pages = read()
    count = len(pages)
    source = site_source(site)
    options = ReadOptions()
    documents = [convert_page(page, source=source, options=options) for page in pages]
    documents = [doc for doc in documents if isinstance(doc, Document)]
    prepared = [prepare(doc) for doc in documents]
    tokens = [CTokenizer().tokenize(page.text, 0, False) for page in pages]

    stages: dict[str, float] = {}
    stages["read (bz2, XML)"] = cpu_ms(read, count, args.runs, collect=True)
    stages["  parse: tokenizer (C)"] = cpu_ms(
        lambda: [CTokenizer().tokenize(page.text, 0, False) for page in pages],
        count, args.runs, collect=False,
    )  # fmt: skip
    stages["  parse: tree builder"] = cpu_ms(
        lambda: [Builder().build(list(stream)) for stream in tokens],
        count, args.runs, collect=False,
    )  # fmt: skip
    stages["convert (parse included)"] = cpu_ms(
        lambda: [convert_page(page, source=source, options=options) for page in pages],
        count, args.runs, collect=False,
    )  # fmt: skip
    stages["prepare (render, sanitise)"] = cpu_ms(
        lambda: [prepare(doc) for doc in documents], len(documents), args.runs, collect=False
    )

    def transfer() -> None:
        for page in pages:
            pickle.loads(pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))
        for ready in prepared:
            pickle.loads(pickle.dumps(ready, protocol=pickle.HIGHEST_PROTOCOL))

    stages["transfer (pickling)"] = cpu_ms(transfer, count, args.runs, collect=True)

    def write() -> None:
        from django.db import transaction

        # Each run writes into the same empty site: everything is rolled back at the end.
        with transaction.atomic():
            run = import_run_start(
                path=path, format="mediawiki", options={}, skip=0, fingerprint="bench"
            )
            documents_ingest(run=run, items=prepared, workers=1)
            transaction.set_rollback(True)

    stages["write (SQLite)"] = cpu_ms(write, len(prepared), args.runs, collect=True)

    size = sum(len(page.text.encode()) for page in pages) / count / 1000
    print(
        f"{count} articles of {path.name} ({size:.0f} KB of wikitext each on average), "
        f"median of {args.runs} runs, CPU ms per article:"
    )
    for name, value in stages.items():
        print(f"  {name:<28} {value:7.1f}")
    total = sum(value for name, value in stages.items() if not name.startswith("  "))
    cores = os.cpu_count() or 1
    print(f"  {'total':<28} {total:7.1f}")
    print(
        f"ceiling on {cores} cores with every core busy: {cores * 1000 / total:.1f} articles/s "
        f"(one core: {1000 / total:.1f})"
    )


if __name__ == "__main__":
    main()
