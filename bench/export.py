"""Export speed and peak memory of `cyclopedia export` (ZIM and JSONL) over imported articles.

A fresh SQLite data directory is filled once with real corpus articles: the replicated English
Wikipedia dump of bench/import_mediawiki.py (--articles of them) and every JATS article of
../shared/corpus/jats. Then each export runs --runs times; printed per format, the median:
articles/s, redirects, output size and the peak RSS of the exporting process.

    .venv/bin/python bench/export.py [--articles 3000] [--runs 3] [--home DIR]

``--home DIR`` works on the site in DIR (kept afterwards) instead of a fresh one: its import
adds only the replicated pages that a site made with fewer ``--articles`` lacks.
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
from import_mediawiki import TreePeakRss, build_dump

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
CLI = str(ROOT / ".venv" / "bin" / "cyclopedia")


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and peak RSS (MiB) of a command, which must succeed."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreePeakRss(process.pid)
    _, err = process.communicate()
    peak = sampler.stop()
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command[:3])} failed: {err.decode()[-2000:]}")
    return time.perf_counter() - started, peak


def published(home: Path) -> tuple[int, int]:
    with sqlite3.connect(home / "cyclopedia.sqlite3") as db:
        articles = db.execute(
            "select count(*) from articles_article where published_revision_id is not null"
        ).fetchone()[0]
        text = db.execute(
            "select coalesce(sum(length(r.source_text)), 0) from articles_article a "
            "join articles_revision r on r.id = a.published_revision_id"
        ).fetchone()[0]
    return int(articles), int(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=3000, help="MediaWiki articles")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--home", type=Path, help="an existing bench site to reuse and keep")
    parser.add_argument("--had", type=int, default=0, help="--articles the --home site has")
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="cyclopedia-bench-export-"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["CYCLOPEDIA_HOME"] = str(home)
    try:
        if args.home and args.had:
            dump = build_dump(args.articles, start=args.had)
            seconds, _ = run([CLI, "import", str(dump)], env)
        else:
            dump = build_dump(args.articles)
            seconds, _ = run([CLI, "import", str(dump), str(CORPUS / "jats")], env)
        articles, text = published(home)
        database = (home / "cyclopedia.sqlite3").stat().st_size
        print(
            f"input: {articles:,} published articles ({args.articles:,} MediaWiki + JATS corpus), "
            f"{text / 1e6:,.0f} MB of source text, database {database / 1e6:,.0f} MB "
            f"({'added' if args.home and args.had else 'imported'} in {seconds:,.0f} s); "
            f"{args.runs} runs each; {os.cpu_count()} cores"
        )
        for name in ("site.zim", "site.jsonl", "site.jsonl.gz"):
            out = home / name
            results = [run([CLI, "export", str(out)], env) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in results)
            peak = max(r[1] for r in results)
            print(
                f"  export {name:<14} {articles / wall:7.1f} articles/s, {wall:6.1f} s "
                f"(runs {', '.join(f'{r[0]:.1f}' for r in results)}), "
                f"{out.stat().st_size / 1e6:7.1f} MB, peak RSS {peak:,.0f} MiB"
            )
    finally:
        if not args.home:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
