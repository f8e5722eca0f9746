"""Fidelity of the MediaWiki import over every page of ../shared/corpus/mediawiki.

For each main-namespace article (dumps and bare wikitext files) it converts and renders the page,
then checks what a reader would see:

- leaked markup: ``{{ }} [[ ]] {| |} <ref '''`` or Lua in the rendered text;
- an infobox for every page whose wikitext has an infobox template;
- references: as many as the distinct references of the wikitext;
- every section heading of the wikitext present in the rendered page;
- redirects: every redirect's target is an article of the same dump.

    .venv/bin/python bench/fidelity_mediawiki.py [--corpus ../shared/corpus/mediawiki] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import mwparserfromhell

from cyclopedia.document import Document
from cyclopedia.formats.base import (
    UNKNOWN_TEMPLATES_EXTRA,
    AliasItem,
    ItemError,
    ReadError,
    ReadOptions,
)
from cyclopedia.formats.mediawiki.reader import MediaWikiDumpReader, WikitextFileReader
from cyclopedia.formats.mediawiki.wikitext.citations import is_short_citation_template
from cyclopedia.formats.mediawiki.wikitext.infobox_labels import is_infobox
from cyclopedia.formats.mediawiki.wikitext.templates import template_key
from cyclopedia.render import render_document
from cyclopedia.render.text import html_to_text

LEAKS = {
    "{{": re.compile(r"\{\{"),
    "}}": re.compile(r"\}\}"),
    "[[": re.compile(r"\[\["),
    "]]": re.compile(r"\]\]"),
    "{|": re.compile(r"\{\|"),
    "|}": re.compile(r"\|\}"),
    "<ref": re.compile(r"<ref", re.IGNORECASE),
    "'''": re.compile(r"'''"),
    "Lua": re.compile(r"#invoke|\blocal function\b|mw\.\w+\("),
}
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "mediawiki"


@dataclass
class Report:
    articles: int = 0
    failed: list[str] = field(default_factory=list)
    leaks: dict[str, list[str]] = field(default_factory=dict)
    infobox_expected: int = 0
    infobox_missing: list[str] = field(default_factory=list)
    references_wrong: list[str] = field(default_factory=list)
    headings_missing: list[str] = field(default_factory=list)
    redirects: int = 0
    redirects_dangling: list[str] = field(default_factory=list)
    files_refused: list[str] = field(default_factory=list)
    unknown_templates: Counter[str] = field(default_factory=Counter)


def expected_references(wikitext: str) -> int:
    """Distinct references of the wikitext: named refs once, unnamed ones by text, sfns."""
    code = mwparserfromhell.parse(wikitext)
    names: set[str] = set()
    texts: set[str] = set()
    for tag in code.filter_tags(recursive=True):
        if str(tag.tag).lower() != "ref":
            continue
        name = str(tag.get("name").value).strip().strip("\"'") if tag.has("name") else ""
        body = str(tag.contents).strip() if tag.contents is not None else ""
        if name:
            names.add(name)
        elif body:
            texts.add(" ".join(body.split()))
    shorts = {
        str(t).strip()
        for t in code.filter_templates(recursive=True)
        if (
            is_short_citation_template(template_key(str(t.name)))
            and template_key(str(t.name)).startswith("sfn")
        )
        or template_key(str(t.name)) in ("efn", "refn", "efn-ua", "efn-lr", "notetag")
    }
    return len(names) + len(texts) + len(shorts)


def headings(wikitext: str) -> list[str]:
    """Headings of sections with readable content (a section of only templates is dropped)."""
    code = mwparserfromhell.parse(wikitext)
    for link in code.filter_wikilinks(recursive=True):
        if ":" in str(link.title).lstrip(":"):  # categories, files, other wikis: not shown text
            try:
                code.remove(link)
            except ValueError:
                continue
    found = []
    for section in code.get_sections(include_lead=False, flat=False):
        heading = section.filter_headings(recursive=False)[0]
        text = " ".join(heading.title.strip_code().split())
        body = section.strip_code().replace(heading.title.strip_code(), "", 1).strip()
        if text and re.search(r"\w", body):
            found.append(text)
    return found


def has_infobox(wikitext: str) -> bool:
    code = mwparserfromhell.parse(wikitext)
    return any(
        is_infobox(template_key(str(t.name))) for t in code.filter_templates(recursive=False)
    )


def pages(corpus: Path, report: Report) -> Iterator[tuple[str, Document | AliasItem, str]]:
    dumps = sorted(
        p for p in corpus.rglob("*") if (p.is_file() and ".xml" in p.name) or p.suffix == ".bz2"
    )
    for path in dumps:
        texts: dict[str, str] = {}
        try:
            reader = MediaWikiDumpReader()
            raw = _raw_texts(path)
            texts.update(raw)
            for item in reader.read(path, ReadOptions()):
                if isinstance(item, ItemError):
                    report.failed.append(f"{path.name}: {item.title}: {item.message}")
                    continue
                title = item.title
                yield path.name, item, texts.get(title, "")
        except ReadError as error:
            report.files_refused.append(str(error))
    for path in sorted((corpus / "wtf_wikipedia_cache").glob("*.txt")):
        try:
            for item in WikitextFileReader().read(path, ReadOptions(title=path.stem)):
                if isinstance(item, ItemError):
                    report.failed.append(f"{path.name}: {item.message}")
                    continue
                yield path.name, item, path.read_text(encoding="utf-8")
        except ReadError as error:
            report.failed.append(str(error))


def _raw_texts(path: Path) -> dict[str, str]:
    from cyclopedia.formats.mediawiki.dump import DumpReader

    texts = {}
    for page in DumpReader(path).pages():
        if not isinstance(page, ItemError):
            texts[page.title] = page.text
    return texts


def _without_code(html: str) -> str:
    """Code (TeX of <math>, program text) is shown as written: its braces are not leaks."""
    return re.sub(r"<code>.*?</code>|<pre>.*?</pre>", "", html, flags=re.DOTALL)


def check(report: Report, origin: str, document: Document, wikitext: str) -> None:
    report.articles += 1
    name = f"{origin}: {document.title}"
    rendered = render_document(document)
    visible = "\n".join(
        [
            html_to_text(_without_code(rendered.body_html)),
            *(f.label + " " + html_to_text(f.html) for f in rendered.infobox),
            *(html_to_text(r.html) for r in rendered.references),
        ]
    )
    for leak, pattern in LEAKS.items():
        if pattern.search(visible):
            report.leaks.setdefault(leak, []).append(name)
    if has_infobox(wikitext):
        report.infobox_expected += 1
        if document.infobox is None:
            report.infobox_missing.append(name)
    expected = expected_references(wikitext)
    if expected != len(document.references):
        report.references_wrong.append(f"{name} ({len(document.references)} of {expected})")
    shown = {" ".join(t.text.split()) for t in rendered.toc} | {
        " ".join(line.split()) for line in html_to_text(rendered.body_html).split("\n")
    }
    missing = [h for h in headings(wikitext) if h not in shown]
    if missing:
        report.headings_missing.append(f"{name}: {missing[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    report = Report()
    started = time.perf_counter()
    articles: dict[str, set[str]] = {}
    redirects: list[tuple[str, AliasItem]] = []
    for origin, item, wikitext in pages(args.corpus, report):
        if isinstance(item, AliasItem):
            redirects.append((origin, item))
            continue
        articles.setdefault(origin, set()).add(item.title)
        try:
            check(report, origin, item, wikitext)
        except Exception as error:
            report.failed.append(f"{origin}: {item.title}: {type(error).__name__}: {error}")
        report.unknown_templates.update(json.loads(item.extra.get(UNKNOWN_TEMPLATES_EXTRA, "{}")))
    for origin, alias in redirects:
        report.redirects += 1
        target = alias.target.split("#", 1)[0]
        target = target[:1].upper() + target[1:]
        if target not in articles.get(origin, set()) and not origin.endswith(".txt"):
            report.redirects_dangling.append(f"{origin}: {alias.title} → {alias.target}")
    elapsed = time.perf_counter() - started
    print(f"MediaWiki fidelity over {args.corpus} ({elapsed:.1f} s)")
    print(f"  articles converted:        {report.articles}")
    print(f"  failed:                    {len(report.failed)}")
    print(f"  files refused (clear):     {len(report.files_refused)}")
    leaked = sorted({n for names in report.leaks.values() for n in names})
    per_leak = {kind: len(names) for kind, names in report.leaks.items()}
    print(f"  articles with leaked markup: {len(leaked)}  {per_leak}")
    found = report.infobox_expected - len(report.infobox_missing)
    print(f"  infobox: {found} of {report.infobox_expected}")
    print(f"  reference count differs:   {len(report.references_wrong)}")
    print(f"  headings missing:          {len(report.headings_missing)}")
    dangling = len(report.redirects_dangling)
    print(f"  redirects: {report.redirects}, target not in the same dump: {dangling}")
    print(f"  top unknown templates: {report.unknown_templates.most_common(15)}")
    if args.verbose:
        for title, entries in (
            ("failed", report.failed),
            ("refused", report.files_refused),
            ("leaks", [f"{k}: {v}" for k, v in report.leaks.items()]),
            ("infobox missing", report.infobox_missing),
            ("references", report.references_wrong),
            ("headings", report.headings_missing),
            ("dangling redirects", report.redirects_dangling),
        ):
            if entries:
                print(f"\n{title}:")
                for entry in entries:
                    print("  " + entry)
    sys.exit(1 if report.failed or leaked else 0)


if __name__ == "__main__":
    main()
