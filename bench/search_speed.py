"""Search speed on SQLite and PostgreSQL: index build, results, suggestions, and /search under wrk.

Converts the real main-namespace articles of ../shared/corpus/mediawiki (the English dumps of
bench/import_mediawiki.py and the wikitext pages of wtf_wikipedia_cache) once through the
project's readers and renderer (cached in bench/out/), replicates them under new titles
("Title (copy 17)") to N articles (default 100,000) and writes Source, Article, Revision,
Category, Alias (the dumps' redirects) and Link rows with bulk_create into a fresh database: SQLite
in a temporary data directory, PostgreSQL in a temporary database dropped at the end. Links: the
real ones between articles of one copy, plus 5 per article to targets drawn with Zipf-like
weights, so that importance (incoming links) ranges from 0 to thousands. Then, per backend:

- index build: ``search_reindex()`` as ``cyclopedia search reindex`` runs it;
- results: ``search_run`` (20 results with snippets, "did you mean") over at least 200 varied
  queries of 11 kinds (seeded), after a warm-up pass; each query's median of --repeat passes;
  p50/p95/p99, the slowest kinds and queries, and the backend's own search call alone;
- suggestions: ``search_suggest`` over title prefixes of 2 to 12 characters, some with a typo;
- gunicorn (``cyclopedia serve``) under wrk on 127.0.0.1: /search rotating through a few dozen
  of the queries (``fulltext=1``: always a results page, never a redirect), and /search/suggest;
  once as served (answers cached per worker after their first request; a 3-second warm-up run
  is not counted) and once with ``CYCLOPEDIA_SEARCH_CACHE_SECONDS=0`` (every request
  searches);
- database size, peak RSS of the building process and of the server.

    .venv/bin/python bench/search_speed.py [--articles 100000] [--backends sqlite,postgresql]
        [--repeat 3] [--duration 10] [--runs 3] [--connections 16] [--workers 4] [--no-wrk]
        [--keep] [--reuse DIR]

``--keep`` keeps the data directories and the PostgreSQL database; ``--reuse DIR`` (the directory
``--keep`` printed) measures them again without writing and indexing the articles anew.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
CORPUS = ROOT.parent / "shared" / "corpus" / "mediawiki"
DUMPS = [
    "gensim_enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
    "zulko_tiny_dump_enwiki-20250201.xml.bz2",
    "dbpedia_minidumps/enwiki-minidump.xml.bz2",
    "gensim_enwiki-table-markup.xml.bz2",
    "wikipedia2vec_enwiki-pages-articles-sample.xml.bz2",
]
WIKITEXT = CORPUS / "wtf_wikipedia_cache"
WIKIPEDIA = "https://en.wikipedia.org/wiki/"
CACHE_VERSION = 1
BATCH = 1000
ZIPF_LINKS = 5
GOALS = {"results_p95": 50.0, "suggest_p95": 10.0, "rps": 10 * 75.0}  # kiwix-serve: ~75 req/s
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


# The real articles, converted once ----------------------------------------------------------


def _record(document: object) -> dict[str, object]:
    from cyclopedia.render.prepared import prepare

    prepared = prepare(document)  # type: ignore[arg-type]
    doc, rendered, a = prepared.document, prepared.rendered, prepared.document.attribution
    return {
        "title": doc.title,
        "language": doc.language,
        "aliases": list(doc.aliases),
        "categories": list(dict.fromkeys(doc.categories)),
        "source_name": a.source_name or "Wikipedia (English)",
        "source_text": prepared.source_text,
        "digest": prepared.digest,
        "html": rendered.body_html,
        "infobox": {
            "title": rendered.infobox_title,
            "fields": [{"label": f.label, "html": f.html} for f in rendered.infobox],
        }
        if rendered.infobox
        else {},
        "references": [
            {"number": r.number, "label": r.label, "html": r.html, "backlinks": list(r.backlinks)}
            for r in rendered.references
        ],
        "toc": [{"level": t.level, "anchor": t.anchor, "text": t.text} for t in rendered.toc],
        "plain_text": rendered.plain_text,
        "lead": rendered.lead,
        "links": list(rendered.links),
        "license": doc.license.spdx,
        "license_evidence": doc.license_evidence,
        "source_title": a.source_title,
        "source_url": a.source_url or "",
        "revision_url": a.revision_url or "",
        "history_url": a.history_url or "",
        "source_key": doc.source_key,
        "source_revision": doc.source_revision,
        "source_timestamp": a.source_timestamp.isoformat() if a.source_timestamp else None,
    }


def real_articles() -> dict[str, object]:
    """Records of the corpus's real articles and its redirects, cached in bench/out/."""
    inputs = [CORPUS / name for name in DUMPS] + sorted(WIKITEXT.glob("*.txt"))
    stamp = f"{CACHE_VERSION}:" + ",".join(f"{p.name}:{p.stat().st_size}" for p in inputs)
    path = OUT / "search-articles.json.gz"
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            cached = json.load(handle)
        if cached.get("stamp") == stamp:
            return cached  # type: ignore[no-any-return]
    from cyclopedia.document import Document
    from cyclopedia.formats.base import AliasItem, ReadError, ReadOptions
    from cyclopedia.formats.registry import get_reader

    started = time.perf_counter()
    records: dict[str, dict[str, object]] = {}
    redirects: list[tuple[str, str]] = []
    skipped = Counter[str]()
    # --source-url names the wiki of a dump without a site header (its licence follows from it).
    options = ReadOptions(source_url=WIKIPEDIA, workers=os.cpu_count() or 1)
    items = [
        item for name in DUMPS for item in get_reader("mediawiki").read(CORPUS / name, options)
    ]
    for page in sorted(WIKITEXT.glob("*.txt")):
        title = page.stem.replace("-", " ").replace("_", " ")
        url = WIKIPEDIA + quote_plus(title.replace(" ", "_"))
        try:
            items += get_reader("wikitext").read(page, ReadOptions(title=title, source_url=url))
        except ReadError:
            skipped["unreadable"] += 1
    for item in items:
        if isinstance(item, AliasItem):
            redirects.append((item.title, item.target))
        elif not isinstance(item, Document):
            skipped[type(item).__name__] += 1
        elif not item.license.publishable:
            skipped["unpublishable"] += 1
        elif item.title in records:
            skipped["duplicate title"] += 1
        else:
            records[item.title] = _record(item)
    result = {
        "stamp": stamp,
        "records": list(records.values()),
        "redirects": redirects,
        "skipped": dict(skipped),
        "seconds": time.perf_counter() - started,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    partial = OUT / "search-articles.partial"
    with gzip.open(partial, "wt", encoding="utf-8") as handle:
        json.dump(result, handle)
    partial.rename(OUT / "search-articles.json.gz")
    return result


def replica_title(records: list[dict[str, object]], number: int) -> str:
    title = str(records[number % len(records)]["title"])
    return title if number < len(records) else f"{title} (copy {number // len(records)})"


# Queries -----------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]{4,}")


def typo(text: str, rng: random.Random) -> str:
    """``text`` with one edit (delete, swap, replace, insert) in one of its longer words."""
    spans = [m.span() for m in re.finditer(r"[^\W\d_]{5,}", text)] or [(0, len(text))]
    start, end = rng.choice(spans)
    word = list(text[start:end])
    at = rng.randrange(1, len(word) - 1) if len(word) > 2 else 0
    letter = rng.choice("aeiourstnl")
    match rng.randrange(4):
        case 0:
            del word[at]
        case 1:
            word[at], word[at + 1] = word[at + 1], word[at]
        case 2:
            word[at] = letter if word[at] != letter else "x"
        case _:
            word.insert(at, letter)
    changed = text[:start] + "".join(word) + text[end:]
    return changed if changed != text else text[:start] + text[start:end] + "x" + text[end:]


Calls = list[tuple[str, str]]  # (kind, text) of each query


def make_queries(
    records: list[dict[str, object]], articles: int, per_kind: int, seed: int
) -> tuple[Calls, Calls]:
    """Result queries (kind, text) and suggestion queries (kind, text), the same every run."""
    rng = random.Random(seed)
    words = [_WORD.findall(str(r["plain_text"]).lower()) for r in records]
    df = Counter(w for ws in words for w in set(ws))
    # The commonest words of two letters or more ("the", "of"): each is in almost every article.
    common = [
        w
        for w, _ in Counter(
            w
            for r in records
            for w in set(re.findall(r"[^\W\d_]{2,}", str(r["plain_text"]).lower()))
        ).most_common(30)
    ]
    rare = sorted(w for w, n in df.items() if n == 1 and len(w) >= 6)
    base_titles = [str(r["title"]) for r in records]

    def body_words(k: int) -> list[str]:
        ws = rng.choice([ws for ws in words if len(set(ws)) > 50])
        return rng.sample(sorted(set(ws)), k)

    def phrase() -> str:
        text = str(rng.choice(records)["plain_text"])
        for _ in range(50):
            at = rng.randrange(max(1, len(text) - 200))
            found = re.search(r"\b([A-Za-z]{3,}(?: [A-Za-z]{2,}){2,3})\b", text[at : at + 200])
            if found:
                return f'"{found.group(1)}"'
        return f'"{" ".join(body_words(2))}"'

    def title_word() -> str:
        found = _WORD.findall(rng.choice(base_titles))
        return rng.choice(found) if found else body_words(1)[0]

    kinds: dict[str, Callable[[], str]] = {
        "exact title": lambda: replica_title(records, rng.randrange(articles)),
        "title word": title_word,
        "two body words": lambda: " ".join(body_words(2)),
        "three body words": lambda: " ".join(body_words(3)),
        "phrase": phrase,
        "prefix*": lambda: rng.choice([w for w in body_words(20) if len(w) >= 6])[:5] + "*",
        "exclusion": lambda: " ".join(body_words(1)) + " -" + body_words(1)[0],
        "OR": lambda: " OR ".join(body_words(1) + body_words(1)),
        "typo'd title": lambda: typo(rng.choice(base_titles), rng),
        "rare word": lambda: rng.choice(rare),
        "common words": lambda: " ".join(rng.sample(common, rng.choice([1, 1, 2]))),
    }
    queries = [(kind, make()) for kind, make in kinds.items() for _ in range(per_kind)]
    suggestions = []
    for _ in range(per_kind * 10):
        title = replica_title(records, rng.randrange(articles))
        suggestions.append(("prefix", title[: rng.randint(2, 12)]))
    for _ in range(per_kind * 3):
        title = rng.choice(base_titles)
        suggestions.append(("prefix with a typo", typo(title[: rng.randint(5, 12)], rng)))
    return queries, suggestions


# The worker: one backend, in its own process (Django's settings are per process) -----------


def populate(data: dict[str, object], articles: int, seed: int) -> dict[str, int]:
    from django.db import connection, transaction

    from cyclopedia.apps.articles.models import Alias, Article, Category, Link, Revision, Source
    from cyclopedia.document.titles import TitleError, normalize_title

    records: list[dict[str, object]] = data["records"]  # type: ignore[assignment]
    count = len(records)
    sources = {
        name: Source.objects.create(name=name, kind="mediawiki", homepage=WIKIPEDIA)
        for name in sorted({str(r["source_name"]) for r in records})
    }
    names = sorted({c for r in records for c in r["categories"]})  # type: ignore[attr-defined]
    Category.objects.bulk_create([Category(name=name) for name in names], batch_size=BATCH)
    category_ids = dict(Category.objects.values_list("name", "id"))
    through = Article.categories.through
    ids: list[int] = []
    fields = [f.name for f in Revision._meta.concrete_fields]
    for start in range(0, articles, BATCH):
        numbers = range(start, min(articles, start + BATCH))
        with transaction.atomic():
            created = Article.objects.bulk_create(
                Article(
                    title=replica_title(records, n),
                    language=str(records[n % count]["language"]),
                )
                for n in numbers
            )
            ids += [a.pk for a in created]
            revisions = []
            for n, article in zip(numbers, created, strict=True):
                rec = records[n % count]
                values = {k: v for k, v in rec.items() if k in fields and k != "source"}
                values["content_hash"] = rec["digest"]
                values["summary"] = "Imported from " + str(rec["source_name"])
                revisions.append(
                    Revision(article=article, source=sources[str(rec["source_name"])], **values)
                )
            Revision.objects.bulk_create(revisions)
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE articles_article SET published_revision_id = (SELECT max(r.id) FROM"
                    " articles_revision r WHERE r.article_id = articles_article.id)"
                    " WHERE id BETWEEN %s AND %s",
                    [created[0].pk, created[-1].pk],
                )
            through.objects.bulk_create(
                through(article_id=article.pk, category_id=category_ids[name])
                for n, article in zip(numbers, created, strict=True)
                for name in records[n % count]["categories"]  # type: ignore[attr-defined]
            )
    # Redirects and alternative names of each copy, under the copy's suffix.
    index = {str(r["title"]): i for i, r in enumerate(records)}
    names_of: dict[int, list[tuple[str, str]]] = {}
    for title, target in data["redirects"]:  # type: ignore[attr-defined]
        try:
            j = index.get(normalize_title(target.split("#", 1)[0]))
        except TitleError:
            continue
        if j is not None and title not in index:
            names_of.setdefault(j, []).append((title, Alias.Kind.REDIRECT))
    for j, rec in enumerate(records):
        names_of.setdefault(j, []).extend((a, Alias.Kind.NAME) for a in rec["aliases"])  # type: ignore[attr-defined]
    taken: set[str] = set()
    aliases = []
    for n in range(articles):
        for name, kind in names_of.get(n % count, []):
            title = name if n < count else f"{name} (copy {n // count})"
            if title not in taken:
                taken.add(title)
                target = replica_title(records, n)
                aliases.append(
                    Alias(article_id=ids[n], target_title=target, title=title, kind=kind)
                )
    Alias.objects.bulk_create(aliases, batch_size=BATCH)
    # Links: the real ones within a copy, and Zipf-weighted ones across the whole set.
    rng = random.Random(seed)
    popular = list(range(articles))
    rng.shuffle(popular)
    weights, total = [], 0.0
    for rank in range(articles):
        total += 1.0 / (rank + 1)
        weights.append(total)
    links = 0
    for start in range(0, articles, BATCH):
        batch = []
        for n in range(start, min(articles, start + BATCH)):
            copy_base = n - n % count
            targets = {copy_base + index[t] for t in records[n % count]["links"] if t in index}  # type: ignore[attr-defined]
            targets |= {
                popular[r] for r in rng.choices(range(articles), cum_weights=weights, k=ZIPF_LINKS)
            }
            batch += [
                Link(
                    from_article_id=ids[n], target_title=replica_title(records, t), target_id=ids[t]
                )
                for t in sorted(targets)
                if t != n and t < articles
            ]
        Link.objects.bulk_create(batch)
        links += len(batch)
    return {"categories": len(names), "aliases": len(aliases), "links": links}


def percentiles(values: list[float]) -> dict[str, float]:
    if len(values) < 2:
        return dict.fromkeys(("p50", "p95", "p99", "max"), values[0] if values else float("nan"))
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50": cuts[49], "p95": cuts[94], "p99": cuts[98], "max": max(values)}


def measure(calls: Calls, run: Callable[[str], object], repeat: int, seed: int) -> list[float]:
    """Each call's median latency (ms) over ``repeat`` passes in shuffled order, after one
    warm-up pass."""
    for _, text in calls:
        run(text)
    samples: list[list[float]] = [[] for _ in calls]
    order = list(range(len(calls)))
    rng = random.Random(seed)
    for _ in range(repeat):
        rng.shuffle(order)
        for i in order:
            started = time.perf_counter()
            run(calls[i][1])
            samples[i].append((time.perf_counter() - started) * 1000)
    return [statistics.median(s) for s in samples]


def report(name: str, calls: Calls, ms: list[float]) -> dict[str, float]:
    overall = percentiles(ms)
    print(
        f"  {name} ({len(calls)} queries): p50 {overall['p50']:.1f} ms, p95 "
        f"{overall['p95']:.1f} ms, p99 {overall['p99']:.1f} ms, max {overall['max']:.1f} ms"
    )
    by_kind: dict[str, list[float]] = {}
    for (kind, _), value in zip(calls, ms, strict=True):
        by_kind.setdefault(kind, []).append(value)
    kinds = sorted(by_kind.items(), key=lambda kv: -percentiles(kv[1])["p95"])
    for kind, values in kinds:
        figures = percentiles(values)
        print(
            f"    {kind:>20}: p50 {figures['p50']:7.1f}  p95 {figures['p95']:7.1f}  "
            f"max {figures['max']:7.1f} ms"
        )
    slowest = sorted(zip(ms, calls, strict=True), reverse=True)[:5]
    print("    slowest: " + "; ".join(f"{q!r} ({k}) {v:.0f} ms" for v, (k, q) in slowest))
    return overall


def database_size() -> tuple[float, float]:
    """The whole database and its search part (tables and indexes), in MB."""
    from django.conf import settings
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_database_size(current_database()), coalesce(sum("
                "pg_total_relation_size(c.oid)), 0) FROM pg_class c WHERE c.relkind = 'r'"
                " AND c.relname LIKE 'search\\_%%'"
            )
            whole, search = cursor.fetchone()
            return float(whole) / 1e6, float(search) / 1e6
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # Pages counted one by one: dbstat's aggregated sizes overflow past 2 GB.
        cursor.execute("SELECT count(*) FROM dbstat WHERE name LIKE '%search%'")
        pages = cursor.fetchone()[0] or 0
        cursor.execute("PRAGMA page_size")
        search = pages * cursor.fetchone()[0]
    path = Path(str(settings.DATABASES["default"]["NAME"]))
    whole = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    return whole / 1e6, search / 1e6


def peak_rss_mib() -> float:
    """This process's peak RSS since the last call (VmHWM, then reset by clear_refs)."""
    status = Path("/proc/self/status").read_text()
    peak = int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE).group(1)) / 1024  # type: ignore[union-attr]
    Path("/proc/self/clear_refs").write_text("5")
    return peak


def worker(args: argparse.Namespace) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cyclopedia.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from cyclopedia.apps.articles.models import Article
    from cyclopedia.apps.search.services import search_reindex

    work = Path(args.work)
    data = real_articles()
    call_command("migrate", interactive=False, verbosity=0)
    vendor = connection.vendor
    print(f"{vendor}:")
    if args.reuse and Article.objects.filter(published_revision__isnull=False).count():
        print(f"  reusing the {Article.objects.count():,} articles and the index of {work}")
        query_and_report(args, work, vendor, build=float("nan"), writing=0.0)
        return
    started = time.perf_counter()
    counts = populate(data, args.articles, args.seed)
    print(
        f"  wrote {args.articles:,} articles with {counts['links']:,} links, "
        f"{counts['aliases']:,} aliases, {counts['categories']:,} categories in "
        f"{time.perf_counter() - started:,.1f} s (bulk_create; not part of the index build)"
    )
    writing = peak_rss_mib()
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done % (total // 10 or 1) < 200 or done == total:
            print(f"    indexed {done:,}/{total:,}", file=sys.stderr, flush=True)

    indexed = search_reindex(progress=progress)
    build = time.perf_counter() - started
    print(
        f"  index build (search_reindex): {build:,.1f} s for {indexed:,} articles, "
        f"{indexed / build:,.0f} articles/s"
    )
    if vendor == "postgresql":
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does shortly after a bulk load
        print(f"  ANALYZE: {time.perf_counter() - started:,.1f} s")
    query_and_report(args, work, vendor, build=build, writing=writing)


def query_and_report(
    args: argparse.Namespace, work: Path, vendor: str, *, build: float, writing: float
) -> None:
    from cyclopedia.apps.search.backends import Filters, backend
    from cyclopedia.apps.search.folding import fold
    from cyclopedia.apps.search.query import parse
    from cyclopedia.apps.search.selectors import PER_PAGE, search_run, search_suggest

    calls = json.loads((work / "queries.json").read_text())
    queries, suggestions = calls["queries"], calls["suggestions"]
    whole, search = database_size()
    print(f"  database: {whole:,.0f} MB, of which search tables and indexes {search:,.0f} MB")

    building = peak_rss_mib()
    engine = backend()
    queries_text = [q for _, q in queries]
    results_ms = measure(queries, lambda q: search_run(q=q), args.repeat, args.seed)
    found = [
        (page.total, bool(page.did_you_mean)) for page in (search_run(q=q) for q in queries_text)
    ]
    results = report(f"results, {PER_PAGE} a page with snippets", queries, ms=results_ms)
    backend_ms = measure(
        queries,
        lambda q: engine.search(parse(q), Filters(), offset=0, limit=PER_PAGE),
        1,
        args.seed,
    )
    alone = percentiles(backend_ms)
    with_dym = sum(1 for _, offered in found if offered)
    empty = sum(1 for total, _ in found if not total)
    print(
        f"    backend search() alone (1 pass): p50 {alone['p50']:.1f} ms, p95 {alone['p95']:.1f}"
        f" ms; {with_dym} queries got 'did you mean', {empty} found nothing; median total "
        f"{statistics.median(total for total, _ in found):,.0f}"
    )
    suggest_ms = measure(suggestions, lambda q: search_suggest(q=q), args.repeat, args.seed)
    suggest = report("suggestions", suggestions, ms=suggest_ms)
    prefix_ms = measure(
        suggestions, lambda q: engine.titles_with_prefix(fold(q), limit=24), 1, args.seed
    )
    print(
        f"    backend titles_with_prefix() alone: p50 {percentiles(prefix_ms)['p50']:.1f} ms, "
        f"p95 {percentiles(prefix_ms)['p95']:.1f} ms"
    )
    answered = sum(1 for _, q in suggestions if search_suggest(q=q))
    print(f"    {answered} of {len(suggestions)} suggestion queries got at least one title")
    print(
        f"  peak RSS of this process: writing the rows {writing:,.0f} MiB, index build "
        f"{building:,.0f} MiB, queries {peak_rss_mib():,.0f} MiB"
    )
    summary = {"build": build, "results": results, "suggest": suggest, "db_mb": whole}
    (work / f"result-{vendor}.json").write_text(json.dumps(summary))


# wrk against gunicorn ------------------------------------------------------------------------


def to_ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", value)
    if not match:
        raise ValueError(f"unexpected wrk latency {value!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def wrk(url: str, script: Path, *, duration: int, connections: int) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency"]
    command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}  # type: ignore[union-attr]
    for percentile in ("50", "90", "99"):
        value = re.search(rf"^\s+{percentile}%\s+(\S+)", output, re.MULTILINE)
        figures[f"p{percentile}"] = to_ms(value.group(1)) if value else float("nan")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["errors"] = float(errors.group(1)) if errors else 0.0
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    figures["errors"] += sum(float(n) for n in socket.groups()) if socket else 0.0
    return figures


def wrk_rotating(
    base: str, paths: list[str], script: Path, args: argparse.Namespace
) -> tuple[dict[str, float], str]:
    """wrk GETting ``paths`` in turn (a Lua script written to ``script``): a 3-second warm-up
    run, not counted (a cache's first answer to each query is a miss), then ``args.runs`` runs
    of ``args.duration`` seconds; their median figures and the requests/s of each run."""
    listed = ",\n".join(f'  "{path}"' for path in paths)
    script.write_text(
        f"local paths = {{\n{listed}\n}}\nlocal i = 0\n"
        "request = function()\n  i = i + 1\n"
        '  return wrk.format("GET", paths[(i % #paths) + 1])\nend\n'
    )
    wrk(base, script, duration=3, connections=args.connections)
    runs = [
        wrk(base, script, duration=args.duration, connections=args.connections)
        for _ in range(args.runs)
    ]
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    return median, ", ".join(f"{run['rps']:,.0f}" for run in runs)


def latency(figures: dict[str, float]) -> str:
    return (
        f"latency p50 {figures['p50']:.1f} ms, p90 {figures['p90']:.1f} ms, p99 "
        f"{figures['p99']:.1f} ms; errors and non-2xx/3xx {figures['errors']:.0f}"
    )


def tree_peak_rss_mb(root_pid: int) -> float:
    """Sum of the peak resident memory (VmHWM) of the server and its workers."""
    total_kb = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        ppid = re.search(r"^PPid:\s+(\d+)", text, re.MULTILINE)
        if int(status.parent.name) == root_pid or (ppid and int(ppid.group(1)) == root_pid):
            hwm = re.search(r"^VmHWM:\s+(\d+) kB", text, re.MULTILINE)
            total_kb += int(hwm.group(1)) if hwm else 0
    return total_kb / 1024


def serve_and_wrk(
    args: argparse.Namespace, env: dict[str, str], paths: dict[str, list[str]], label: str
) -> dict[str, dict[str, float]]:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    cyclopedia = Path(sys.executable).with_name("cyclopedia")
    command = [str(cyclopedia), "serve", "--no-sample", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(args.workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    figures = {}
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(base + paths["/search"][0], timeout=5) as response:
                    response.read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            sys.exit("the server did not come up")
        for name, rotation in paths.items():
            script = Path(env["CYCLOPEDIA_HOME"]) / "rotate.lua"
            median, spread = wrk_rotating(base, rotation, script, args)
            print(
                f"  wrk {name}, {label} ({len(rotation)} queries rotated; gunicorn "
                f"-w{args.workers}, -c{args.connections}, {args.runs} x {args.duration} s): "
                f"{median['rps']:,.0f} req/s (runs {spread}); {latency(median)}"
            )
            figures[name] = median
        print(f"  peak RSS of gunicorn and its workers: {tree_peak_rss_mb(server.pid):,.0f} MiB")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return figures


# The parent: corpus, queries, one worker per backend, wrk, summary ---------------------------


def postgres(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--per-kind", type=int, default=20, help="result queries of each kind")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the queries")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--runs", type=int, default=3, help="wrk runs (the median is shown)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--wrk-queries", type=int, default=40)
    parser.add_argument("--no-wrk", action="store_true")
    parser.add_argument(
        "--keep", action="store_true", help="keep the data directories (printed) for profiling"
    )
    parser.add_argument(
        "--postgres", default="postgres://postgres@127.0.0.1:5432/postgres", help="server to use"
    )
    parser.add_argument("--reuse", help="a directory --keep kept: measure it again")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    if not args.no_wrk and not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk (or pass --no-wrk)")
    started = time.perf_counter()
    data = real_articles()
    records: list[dict[str, object]] = data["records"]  # type: ignore[assignment]
    plain = statistics.mean(len(str(r["plain_text"])) for r in records)
    print(
        f"corpus: {len(records)} real articles ({plain / 1000:,.1f} kB of plain text on average), "
        f"{len(data['redirects'])} redirects (skipped: {data['skipped']}); converted in "  # type: ignore[arg-type]
        f"{data['seconds']:,.0f} s once, cached in bench/out/; {os.cpu_count()} cores"
    )
    print(
        f"replicated to {args.articles:,} articles, {args.articles * plain / 1e9:,.2f} GB of "
        f"plain text; timings: median of {args.repeat} passes after a warm-up pass"
    )
    queries, suggestions = make_queries(records, args.articles, args.per_kind, args.seed)
    rng = random.Random(args.seed)
    paths = {
        "/search": [
            f"/search?q={quote_plus(q)}&fulltext=1"
            for _, q in rng.sample(queries, min(args.wrk_queries, len(queries)))
        ],
        "/search/suggest": [
            f"/search/suggest?q={quote_plus(q)}"
            for _, q in rng.sample(suggestions, min(args.wrk_queries, len(suggestions)))
        ],
    }
    if args.reuse:
        work = Path(args.reuse)
        queries_json = json.loads((work / "queries.json").read_text())
        queries, suggestions = queries_json["queries"], queries_json["suggestions"]
        args.keep = True
    else:
        work = Path(tempfile.mkdtemp(prefix="cyclopedia-search-bench-"))
        (work / "queries.json").write_text(
            json.dumps({"queries": queries, "suggestions": suggestions})
        )
    summary = {}
    try:
        for vendor in args.backends.split(","):
            began = time.perf_counter()
            home = work / vendor
            env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
            env["CYCLOPEDIA_HOME"] = str(home)
            database = f"cyc_bench_search_{work.name.rsplit('-', 1)[-1].replace('_', '')}"
            if vendor == "postgresql":
                if not args.reuse:
                    postgres(args.postgres, f"CREATE DATABASE {database}")
                env["DATABASE_URL"] = args.postgres.rsplit("/", 1)[0] + "/" + database
            try:
                command = [sys.executable, __file__, "--worker", "--work", str(work)]
                command += ["--reuse", str(work)] if args.reuse else []
                options = ["--articles", str(args.articles), "--repeat", str(args.repeat)]
                subprocess.run([*command, *options, "--seed", str(args.seed)], env=env, check=True)
                result = json.loads((work / f"result-{vendor}.json").read_text())
                if not args.no_wrk:
                    result["wrk"] = serve_and_wrk(args, env, paths, "answers cached")
                    uncached = {**env, "CYCLOPEDIA_SEARCH_CACHE_SECONDS": "0"}
                    result["wrk-uncached"] = serve_and_wrk(args, uncached, paths, "no cache")
                summary[vendor] = result
            finally:
                if args.keep and vendor == "postgresql":
                    print(f"  kept the database {env['DATABASE_URL']}")
                elif vendor == "postgresql":
                    postgres(args.postgres, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
                if not args.keep:
                    shutil.rmtree(home, ignore_errors=True)
            print(f"  {vendor} done in {time.perf_counter() - began:,.0f} s")
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"summary ({args.articles:,} articles). Goals: results p95 < 50 ms, suggestions p95 < 10")
    print(f"ms, /search at least 10 x kiwix-serve's ~75 req/s = {GOALS['rps']:.0f} req/s:")
    for vendor, result in summary.items():
        rps = result.get("wrk", {}).get("/search", {}).get("rps")
        cold = result.get("wrk-uncached", {}).get("/search", {}).get("rps")
        marks = [
            result["results"]["p95"] < GOALS["results_p95"],
            result["suggest"]["p95"] < GOALS["suggest_p95"],
            rps is not None and rps >= GOALS["rps"],
        ]
        print(
            f"  {vendor:>10}: build {result['build']:,.0f} s; results p95 "
            f"{result['results']['p95']:.1f} ms [{'met' if marks[0] else 'MISSED'}]; suggestions "
            f"p95 {result['suggest']['p95']:.1f} ms [{'met' if marks[1] else 'MISSED'}]; /search "
            + (f"{rps:,.0f} req/s [{'met' if marks[2] else 'MISSED'}]" if rps else "not measured")
            + (f" ({cold:,.0f} req/s with the cache off)" if cold else "")
        )
    print(f"total time {time.perf_counter() - started:,.0f} s")


if __name__ == "__main__":
    main()
