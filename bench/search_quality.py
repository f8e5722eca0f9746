"""Search quality over the articles of ../shared/corpus/mediawiki.

Imports every dump and bare wikitext page of the corpus through the real import path into a fresh
database (SQLite in a temporary data directory, or a temporary PostgreSQL database with
--postgres), then asks, for every published article:

- its title as the query: is it the first result?
- its title with one typo (two letters swapped, or one left out, in its longest word): is it in
  the first three results, or in the first three of the "did you mean" query?
- each of its aliases (alternative names and redirects): is it the first result?
- a distinctive sentence of its body (8 to 20 words, from the middle of the text) as plain
  words: is it in the first three results?

Goals (issue 5): 100%, 95%, 100%, 95%. Misses are listed with --verbose.

    .venv/bin/python bench/search_quality.py [--postgres] [--verbose]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "mediawiki"
PG_DATABASE = "cyc_bench_search_quality"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"


@dataclass
class Score:
    name: str
    goal: float
    asked: int = 0
    hits: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.asked += 1
        if ok:
            self.hits += 1
        else:
            self.misses.append(what)

    @property
    def share(self) -> float:
        return 100.0 * self.hits / self.asked if self.asked else 100.0


def typo(title: str, rng: random.Random) -> str | None:
    """The title with one typo in its longest word (not its first letter), or None."""
    words = title.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 5 or not word.isalpha():
        return None
    i = rng.randrange(1, len(word) - 1)
    if rng.random() < 0.5 and word[i] != word[i + 1]:
        changed = word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # swap
    else:
        changed = word[:i] + word[i + 1 :]  # leave one out
    words[longest] = changed
    return " ".join(words)


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")


def distinctive_sentence(text: str) -> str | None:
    """A sentence of 8 to 20 words from the middle of a text, or None."""
    sentences = [s.strip() for s in _SENTENCE.findall(text)]
    fitting = [s for s in sentences if 8 <= len(s.split()) <= 20]
    if not fitting:
        return None
    return fitting[len(fitting) // 2]


def import_corpus() -> tuple[int, int]:
    from cyclopedia.apps.ingest.models import ImportRun
    from cyclopedia.apps.ingest.services import (
        documents_ingest,
        import_run_finish,
        import_run_start,
    )
    from cyclopedia.formats.base import ReadError, ReadOptions
    from cyclopedia.formats.mediawiki.reader import MediaWikiDumpReader, WikitextFileReader

    files = refused = 0
    dumps = sorted(
        p for p in CORPUS.rglob("*") if p.is_file() and (".xml" in p.name or p.suffix == ".bz2")
    )
    for path in dumps:
        run = import_run_start(path=path, format="mediawiki", options={})
        try:
            documents_ingest(run=run, items=MediaWikiDumpReader().read(path, ReadOptions()))
            import_run_finish(run=run, status=ImportRun.Status.FINISHED)
            files += 1
        except ReadError:
            import_run_finish(run=run, status=ImportRun.Status.FAILED)
            refused += 1
    for path in sorted((CORPUS / "wtf_wikipedia_cache").glob("*.txt")):
        options = ReadOptions(
            title=path.stem.replace("_", " "),
            source_url="https://en.wikipedia.org/wiki/" + path.stem,
        )
        run = import_run_start(path=path, format="wikitext", options={})
        try:
            documents_ingest(run=run, items=WikitextFileReader().read(path, options))
            import_run_finish(run=run, status=ImportRun.Status.FINISHED)
            files += 1
        except ReadError:
            import_run_finish(run=run, status=ImportRun.Status.FAILED)
            refused += 1
    return files, refused


def in_top(article_id: int, q: str, n: int) -> bool:
    from cyclopedia.apps.search.selectors import search_run

    return article_id in [r.article.pk for r in search_run(q=q).results[:n]]


def evaluate(verbose: bool) -> list[Score]:
    from cyclopedia.apps.articles.models import Alias, Article
    from cyclopedia.apps.search.selectors import search_run

    rng = random.Random(5)
    scores = {
        "title": Score("title finds it first", 100),
        "typo": Score("title with a typo: top 3 or via did you mean", 95),
        "alias": Score("each alias finds it first", 100),
        "sentence": Score("a sentence of its body: top 3", 95),
    }
    articles = Article.objects.filter(published_revision__isnull=False).select_related(
        "published_revision"
    )
    for article in articles.order_by("id"):
        pk, title = article.pk, article.title
        scores["title"].add(in_top(pk, title, 1), title)
        wrong = typo(title, rng)
        if wrong is not None:
            found = search_run(q=wrong)
            ok = pk in [r.article.pk for r in found.results[:3]]
            if not ok and found.did_you_mean:
                ok = in_top(pk, found.did_you_mean, 3)
            scores["typo"].add(ok, f"{wrong!r} for {title!r} (did you mean {found.did_you_mean!r})")
        for alias in Alias.objects.filter(article=article).values_list("title", flat=True):
            scores["alias"].add(in_top(pk, alias, 1), f"{alias!r} for {title!r}")
        assert article.published_revision is not None
        sentence = distinctive_sentence(article.published_revision.plain_text)
        if sentence is not None:
            scores["sentence"].add(in_top(pk, sentence, 3), f"{title!r}: {sentence!r}")
    return list(scores.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", action="store_true", help="use a temporary PostgreSQL db")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="cyclopedia-search-quality-")
    os.environ["CYCLOPEDIA_HOME"] = home
    os.environ.pop("DATABASE_URL", None)
    if args.postgres:
        subprocess.run(
            ["psql", PG_SERVER + "/postgres", "-qc", f"DROP DATABASE IF EXISTS {PG_DATABASE}"],
            check=True,
        )
        subprocess.run(
            ["psql", PG_SERVER + "/postgres", "-qc", f"CREATE DATABASE {PG_DATABASE}"], check=True
        )
        os.environ["DATABASE_URL"] = f"{PG_SERVER}/{PG_DATABASE}"
    try:
        from cyclopedia.cli.django_setup import migrate, setup_django

        setup_django()
        migrate()
        started = time.perf_counter()
        files, refused = import_corpus()
        imported = time.perf_counter() - started
        from django.db import connection

        from cyclopedia.apps.articles.models import Alias, Article

        count = Article.objects.filter(published_revision__isnull=False).count()
        print(f"database: {connection.vendor}")
        print(
            f"imported {files} files ({refused} refused) in {imported:.0f} s: {count} published "
            f"articles, {Alias.objects.exclude(article=None).count()} aliases in use"
        )
        started = time.perf_counter()
        scores = evaluate(args.verbose)
        print(f"evaluated in {time.perf_counter() - started:.1f} s")
        for score in scores:
            print(
                f"  {score.name:48} {score.hits:4}/{score.asked:<4} {score.share:6.1f}%"
                f"  (goal {score.goal:.0f}%)"
            )
            if args.verbose:
                for miss in score.misses:
                    print(f"      miss: {miss}")
        connection.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if args.postgres:
            subprocess.run(
                ["psql", PG_SERVER + "/postgres", "-qc", f"DROP DATABASE IF EXISTS {PG_DATABASE}"],
                check=False,
            )


if __name__ == "__main__":
    sys.exit(main())
