"""Import throughput of a MediaWiki dump, against bz2 decompression and WikiExtractor.

Builds a dump of N articles (default 20,000) by replicating the real main-namespace articles of
../shared/corpus/mediawiki under new titles ("Title (copy 17)"), bz2-compressed like real dumps,
cached in bench/out/. Then, each the median of --runs runs:

- the floor: Python's bz2 decompressing the dump (MB/s);
- `cyclopedia import` end to end (decompress, parse, convert, render, write) into a fresh
  SQLite data directory, in articles/s and MB/s of XML, with the peak RSS of the process tree;
- WikiExtractor (`--processes 2`, installed into bench/out/wikiextractor-venv on first use).

    .venv/bin/python bench/import_mediawiki.py [--articles 20000] [--runs 3] [--workers 2]
"""

from __future__ import annotations

import argparse
import bz2
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
CORPUS = ROOT.parent / "shared" / "corpus" / "mediawiki"
SOURCES = [
    "gensim_enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
    "zulko_tiny_dump_enwiki-20250201.xml.bz2",
    "dbpedia_minidumps/enwiki-minidump.xml.bz2",
    "gensim_enwiki-table-markup.xml.bz2",
]
WIKIEXTRACTOR = "wikiextractor==3.1.0"


def real_pages() -> tuple[str, list[str]]:
    """The site info and the ``<page>`` elements, verbatim, of every real article (not a
    redirect, main namespace) of the corpus's English dumps."""
    pages: list[str] = []
    head = ""
    for name in SOURCES:
        with bz2.open(CORPUS / name, "rt", encoding="utf-8") as stream:
            xml = stream.read()
        if not head:
            head = xml[: xml.index("<page>")]
        for page in re.findall(r"<page>.*?</page>", xml, re.DOTALL):
            if re.search(r"<ns>0</ns>", page) and "<redirect" not in page:
                pages.append(page)
    return head, pages


def build_dump(articles: int, *, start: int = 0) -> Path:
    """A dump of replicated real pages: the ``start``-th to the ``articles``-th (the same
    pages, with the same titles, whatever the range they are made in)."""
    name = f"replicated-{articles}" if not start else f"replicated-{start}-{articles}"
    path = OUT / f"{name}.xml.bz2"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    head, pages = real_pages()
    temporary = path.with_suffix(".partial")
    with bz2.open(temporary, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(head)
        for number in range(start, articles):
            page = pages[number % len(pages)]
            copy = number // len(pages)
            page = page.replace("</title>", f" (copy {copy})</title>", 1)
            page = re.sub(r"<id>\d+</id>", f"<id>{number + 1}</id>", page, count=1)
            out.write(f"  {page}\n")
        out.write("</mediawiki>\n")
    temporary.rename(path)
    return path


class TreePeakRss:
    """Peak of the summed RSS of a process and its descendants, sampled every 0.1 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_kb, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for status in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = status.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(status.parent.name))
        tree, stack = [], [self.pid]
        while stack:
            pid = stack.pop()
            tree.append(pid)
            stack.extend(children.get(pid, []))
        return tree

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                try:
                    match = re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())
                except OSError:
                    continue
                total += int(match.group(1)) if match else 0
            self.peak_kb = max(self.peak_kb, total)
            time.sleep(0.1)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreePeakRss(process.pid)
    _, err = process.communicate()
    peak = sampler.stop()
    if process.returncode != 0:
        sys.exit(f"{command[0]} failed: {err.decode()[-2000:]}")
    return time.perf_counter() - started, peak


def decompress_seconds(path: Path) -> tuple[float, int]:
    started, size = time.perf_counter(), 0
    with bz2.open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            size += len(chunk)
    return time.perf_counter() - started, size


def our_import(path: Path, workers: int) -> tuple[float, float]:
    home = Path(tempfile.mkdtemp(prefix="cyclopedia-bench-"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["CYCLOPEDIA_HOME"] = str(home)
    try:
        cyclopedia = str(Path(sys.executable).with_name("cyclopedia"))
        return timed([cyclopedia, "import", str(path), "--workers", str(workers)], env)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def wikiextractor(path: Path) -> tuple[float, float] | None:
    venv = OUT / "wikiextractor-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        installed = subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", WIKIEXTRACTOR], check=False
        )
        if installed.returncode != 0:
            return None
    out = Path(tempfile.mkdtemp(prefix="wikiextractor-"))
    try:
        command = [str(python), "-m", "wikiextractor.WikiExtractor", str(path), "--processes", "2"]
        return timed([*command, "--output", str(out), "--quiet"])
    finally:
        shutil.rmtree(out, ignore_errors=True)


def median_run(runs: int, measure: object) -> tuple[float, float, list[float]]:
    results = [measure() for _ in range(runs)]  # type: ignore[operator]
    seconds = [r[0] for r in results]
    return statistics.median(seconds), max(r[1] for r in results), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-wikiextractor", action="store_true")
    args = parser.parse_args()
    path = build_dump(args.articles)
    _seconds, xml_bytes = decompress_seconds(path)
    mb = xml_bytes / 1e6
    print(
        f"dump: {args.articles:,} articles, {mb:,.0f} MB XML, {path.stat().st_size / 1e6:,.0f} MB "
        f"bz2; {args.runs} runs each; {os.cpu_count()} cores"
    )
    floors = [decompress_seconds(path)[0] for _ in range(args.runs)]
    floor = statistics.median(floors)
    print(f"  bz2 decompression (floor):  {mb / floor:6.1f} MB/s")
    ours, peak, runs = median_run(args.runs, lambda: our_import(path, args.workers))
    print(
        f"  cyclopedia import -w{args.workers}:      {args.articles / ours:6.1f} articles/s, "
        f"{mb / ours:5.2f} MB/s, {ours:,.0f} s (runs {', '.join(f'{r:.0f}' for r in runs)}), "
        f"peak RSS {peak:,.0f} MiB"
    )
    if args.no_wikiextractor:
        return
    extractor = [wikiextractor(path) for _ in range(args.runs)]
    if any(r is None for r in extractor):
        print("  WikiExtractor: could not be installed")
        return
    theirs = statistics.median(r[0] for r in extractor if r)
    print(
        f"  WikiExtractor --processes 2: {args.articles / theirs:6.1f} articles/s, "
        f"{mb / theirs:5.2f} MB/s, {theirs:,.0f} s"
    )
    print(f"  ratio cyclopedia / WikiExtractor: {theirs / ours:.2f}")


if __name__ == "__main__":
    main()
