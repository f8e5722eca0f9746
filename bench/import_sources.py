"""Import speed and peak memory of each reader over its part of ../shared/corpus.

For each format, `cyclopedia import` runs over all of that format's corpus files into a fresh
SQLite data directory (a new one for every run), as an operator would run it; printed per format,
each the median of --runs runs: items read, articles published, quarantined and failed (from the
import runs' counts), items/s and articles/s end to end (reading, converting, rendering, writing,
indexing), and the peak RSS of the process tree (the ZIM reader's isolated child included).

    .venv/bin/python bench/import_sources.py [--runs 3] [--formats zim,wikihtml,web,jats]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_mediawiki import TreePeakRss

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
CLI = str(ROOT / ".venv" / "bin" / "cyclopedia")


def inputs(format_name: str) -> list[Path]:
    if format_name == "zim":
        return sorted(p for p in (CORPUS / "zim").glob("*.zim"))
    if format_name == "wikihtml":
        return [CORPUS / "html" / "wikipedia_render_wtq"]
    if format_name == "web":
        return [CORPUS / "html" / "trafilatura" / "cache"]
    if format_name == "jats":
        return [CORPUS / "jats"]
    if format_name == "mediawiki":
        return [CORPUS / "mediawiki"]
    raise SystemExit(f"unknown format {format_name!r}")


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and peak RSS (MiB) of a command; it may exit 1 (a file it could not read)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreePeakRss(process.pid)
    _, err = process.communicate()
    peak = sampler.stop()
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command[:3])} failed: {err.decode()[-2000:]}")
    return time.perf_counter() - started, peak


def counts(home: Path) -> dict[str, int]:
    with sqlite3.connect(home / "cyclopedia.sqlite3") as db:
        row = db.execute(
            "SELECT sum(read), sum(created) + sum(updated), sum(quarantined), sum(failed), "
            "sum(aliases) FROM ingest_importrun"
        ).fetchone()
    return dict(zip(("read", "published", "quarantined", "failed", "aliases"), row, strict=True))


def one_run(format_name: str) -> tuple[float, float, dict[str, int]]:
    home = Path(tempfile.mkdtemp(prefix="cyclopedia-bench-sources-"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["CYCLOPEDIA_HOME"] = str(home)
    try:
        # Migrations first, outside the timing (the first command of a new site runs them).
        timed([CLI, "manage", "migrate", "-v0"], env=env)
        paths = [str(p) for p in inputs(format_name)]
        seconds, peak = timed([CLI, "import", "--format", format_name, *paths], env=env)
        return seconds, peak, counts(home)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--formats", default="zim,wikihtml,web,jats")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; median of {args.runs} runs; SQLite, fresh data directory each")
    for format_name in args.formats.split(","):
        runs = [one_run(format_name) for _ in range(args.runs)]
        seconds = statistics.median(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        c = runs[-1][2]
        files = sum(1 for p in inputs(format_name) for _ in (p.rglob("*") if p.is_dir() else [p]))
        print(
            f"{format_name:9} {files:4} files: read {c['read']}, published {c['published']}, "
            f"aliases {c['aliases']}, quarantined {c['quarantined']}, failed {c['failed']}; "
            f"{seconds:.1f} s ({', '.join(f'{r[0]:.1f}' for r in runs)}): "
            f"{c['read'] / seconds:.1f} items/s, {c['published'] / seconds:.1f} articles/s; "
            f"peak RSS {peak:.0f} MiB"
        )


if __name__ == "__main__":
    main()
