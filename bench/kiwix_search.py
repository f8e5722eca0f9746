"""kiwix-serve's full-text search under wrk, the yardstick of bench/search_speed.py.

Serves a ZIM archive with kiwix-serve (Debian's kiwix-tools) on 127.0.0.1 and runs wrk against
its /search page, rotating through words of the archive's article titles (each found by its
Xapian index), --runs times for --duration seconds after a warm-up run; prints the median
requests/s and latency and kiwix-serve's peak memory. The default archive is the small
Wikipedia ZIM of the corpus (Ray Charles, libkiwix's test file). An export of a site imported
through the import path (``cyclopedia export site.zim``) compares the same articles; the sites
of bench/search_speed.py do not export, their rows being written directly.

    .venv/bin/python bench/kiwix_search.py [ZIM] [--duration 10] [--runs 3] [--connections 16]
        [--threads 4] [--queries 40]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote_plus

from libzim.reader import Archive  # type: ignore[import-untyped]

from search_speed import latency, tree_peak_rss_mb, wrk_rotating

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ZIM = ROOT.parent / "shared" / "corpus" / "zim" / "libkiwix_zimfile_raycharles.zim"


def title_words(path: Path, count: int, seed: int) -> list[str]:
    """Words of four letters or more from the titles of the archive's articles."""
    archive = Archive(str(path))
    words: set[str] = set()
    for index in range(archive.all_entry_count):
        entry = archive._get_entry_by_id(index)
        if not entry.is_redirect and entry.get_item().mimetype.startswith("text/html"):
            words.update(w.lower() for w in re.findall(r"[^\W\d_]{4,}", entry.title))
    if not words:
        sys.exit(f"{path}: no article titles to search for")
    return random.Random(seed).sample(sorted(words), min(count, len(words)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("zim", nargs="?", type=Path, default=DEFAULT_ZIM)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=4, help="kiwix-serve's threads")
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    binary = shutil.which("kiwix-serve")
    if not binary or not shutil.which("wrk"):
        sys.exit("needs kiwix-serve and wrk: apt-get install kiwix-tools wrk")
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
    words = title_words(args.zim, args.queries, args.seed)
    with tempfile.TemporaryDirectory(prefix="kiwix-bench-") as work:
        book = Path(work) / "book.zim"
        book.symlink_to(args.zim.resolve())  # the name kiwix-serve serves it under: "book"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        command = [binary, "--address", "127.0.0.1", "--port", str(port)]
        server = subprocess.Popen(
            [*command, "--threads", str(args.threads), str(book)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        paths = [f"/search?content=book&pattern={quote_plus(word)}" for word in words]
        try:
            for _ in range(150):
                try:
                    with urllib.request.urlopen(base + paths[0], timeout=5) as response:
                        found = response.read().decode("utf-8", "replace")
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                sys.exit("kiwix-serve did not come up")
            if "/book/" not in found and "/content/book/" not in found:
                sys.exit(f"kiwix-serve found nothing for {words[0]!r}: is the archive indexed?")
            median, spread = wrk_rotating(base, paths, Path(work) / "rotate.lua", args)
            print(
                f"kiwix-serve ({' '.join(version.split()[:2])}) on {args.zim.name} "
                f"({args.zim.stat().st_size / 1e6:,.1f} MB): /search rotating "
                f"{len(paths)} title words, --threads {args.threads}, wrk -c{args.connections}, "
                f"{args.runs} x {args.duration} s: {median['rps']:,.0f} req/s (runs {spread}); "
                f"{latency(median)}; peak RSS {tree_peak_rss_mb(server.pid):,.0f} MiB"
            )
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
