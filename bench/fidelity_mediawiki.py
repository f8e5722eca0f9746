"""Fidelity of the MediaWiki import over every page of ../shared/corpus/mediawiki.

For each main-namespace article (dumps and bare wikitext files) it converts and renders the page,
then checks what a reader would see:

- leaked markup: ``{{ }} [[ ]] {| |} <ref '''`` or Lua in the rendered text;
- an infobox for every page whose wikitext has an infobox template with something in it;
- references: as many as the distinct references of the wikitext, counted as the wiki lists them
  (named ones once, and only when cited outside a reference list; unnamed ones once per source
  text; {{efn}}/{{refn}} notes and {{#tag:ref}} like <ref>; {{sfn}} once per arguments; the
  lettered footnotes of an infobox), wherever they are written (template parameters too);
- every section heading of the wikitext present in the rendered page, for the sections that have
  something to show besides their subsections' headings;
- redirects: every redirect's target is an article of the same dump.

The wikitext is read as the converter reads it: bold and italics closed at the end of each line
(``balance_quotes``), as MediaWiki does; pages are matched to their wikitext by page id (a dump may
hold several pages of one title).

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
from mwparserfromhell.nodes import ExternalLink, Heading, Tag, Template, Wikilink
from mwparserfromhell.wikicode import Wikicode

from cyclopedia.document import Document
from cyclopedia.formats.base import (
    UNKNOWN_TEMPLATES_EXTRA,
    AliasItem,
    CategoryItem,
    ItemError,
    ReadError,
    ReadOptions,
    ReadWarning,
)
from cyclopedia.formats.mediawiki.reader import MediaWikiDumpReader, WikitextFileReader
from cyclopedia.formats.mediawiki.wikitext.citations import is_short_citation_template
from cyclopedia.formats.mediawiki.wikitext.infobox_labels import is_infobox
from cyclopedia.formats.mediawiki.wikitext.quotes import balance_quotes
from cyclopedia.formats.mediawiki.wikitext.templates import (
    LIST_TEMPLATES,
    NOTE_TEMPLATES,
    template_key,
)
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
    category_pages: int = 0
    redirects_dangling: list[str] = field(default_factory=list)
    files_refused: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unknown_templates: Counter[str] = field(default_factory=Counter)


def parse(wikitext: str) -> Wikicode:
    """The wikitext parsed with bold and italics closed at the end of each line, as MediaWiki
    reads them (mwparserfromhell alone lets one unbalanced ``''`` swallow the rest of a page)."""
    return mwparserfromhell.parse(balance_quotes(wikitext))


@dataclass
class _Refs:
    """What a page cites: named references used in the text, unnamed ones, short citations."""

    used: set[tuple[str, str]] = field(default_factory=set)  # (group, name)
    unnamed: set[tuple[str, str]] = field(default_factory=set)  # (group, source)
    shorts: set[tuple[tuple[str, str], ...]] = field(default_factory=set)

    def walk(self, code: Wikicode, *, in_list: bool = False, group: str = "") -> None:
        """``in_list``: inside ``<references>`` or ``{{reflist|refs=}}``, where a named
        reference is defined, not cited (one defined there and never cited is not shown)."""
        for node in code.nodes:
            if isinstance(node, Tag):
                tag = str(node.tag).lower()
                if tag == "ref":
                    self.ref(node, in_list=in_list, group=group)
                elif tag == "references":
                    inner = _attribute(node, "group")
                    if node.contents is not None:
                        self.walk(node.contents, in_list=True, group=inner)
                elif node.contents is not None:
                    self.walk(node.contents, in_list=in_list, group=group)
            elif isinstance(node, Template):
                self.template(node, in_list=in_list, group=group)
            elif isinstance(node, Wikilink) and node.text is not None:
                self.walk(node.text, in_list=in_list, group=group)
            elif (isinstance(node, ExternalLink) and node.title is not None) or isinstance(
                node, Heading
            ):
                self.walk(node.title, in_list=in_list, group=group)

    def ref(self, node: Tag, *, in_list: bool, group: str) -> None:
        name, group = _attribute(node, "name"), _attribute(node, "group") or group
        body = str(node.contents).strip() if node.contents is not None else ""
        if name and not in_list:
            self.used.add((group, name))
        elif not name and body:
            self.unnamed.add((group, " ".join(body.split())))
        if node.contents is not None:
            self.walk(node.contents, in_list=False, group="")  # a reference inside a note

    def template(self, node: Template, *, in_list: bool, group: str) -> None:
        raw = str(node.name).strip()
        key = template_key(raw)
        if raw.lower().startswith("#tag:ref"):  # {{#tag:ref|text|name=x|group=y}}
            named = {str(p.name).strip(): str(p.value).strip() for p in node.params if p.showkey}
            body = next((str(p.value).strip() for p in node.params if not p.showkey), "")
            ref_group = named.get("group", group)
            if named.get("name") and not in_list:
                self.used.add((ref_group, named["name"]))
            elif not named.get("name") and body:
                self.unnamed.add((ref_group, " ".join(body.split())))
        elif is_short_citation_template(key) and key.startswith("sfn"):
            self.shorts.add(
                tuple((str(p.name).strip(), " ".join(str(p.value).split())) for p in node.params)
            )
        elif key in NOTE_TEMPLATES:
            # A footnote template is a <ref> of its group; {{note|name}} of the English
            # Wikipedia is an anchor, {{note|text}} of the French one a footnote.
            named = {str(p.name).strip(): str(p.value).strip() for p in node.params if p.showkey}
            text = next((str(p.value).strip() for p in node.params if not p.showkey), "")
            text = text or named.get("1", "") or named.get("texte", "")
            name = named.get("name", "") or named.get("nom", "")
            note_group = named.get("group", "") or NOTE_TEMPLATES[key]
            if key == "note" and " " not in text:
                pass
            elif name and not in_list:
                self.used.add((note_group, name))
            elif not name and text:
                self.unnamed.add((note_group, " ".join(text.split())))
        if is_infobox(key):  # {{Infobox country|footnote_a=...}}: the notes below the box
            for param in node.params:
                name = "_".join(str(param.name).strip().lower().split())
                value = re.sub(r"<!--.*?-->", "", str(param.value), flags=re.DOTALL)
                if re.fullmatch(r"footnote_?[a-z]", name) and value.strip():
                    self.unnamed.add(("infobox footnote", name[-1]))
        for param in node.params:
            listed = key in LIST_TEMPLATES and str(param.name).strip() == "refs"
            self.walk(param.value, in_list=in_list or listed, group=group)

    def count(self) -> int:
        return len(self.used) + len(self.unnamed) + len(self.shorts)


def _attribute(node: Tag, name: str) -> str:
    if not node.has(name):
        return ""
    return str(node.get(name).value).strip().strip("\"'").strip()


def expected_references(wikitext: str) -> int:
    """Distinct references of the wikitext, as the wiki lists them: named refs once (those only
    defined in a reference list and never cited are not shown), unnamed ones once per source
    text, notes ({{efn}}) once per name or text, short citations ({{sfn}}) once per arguments.
    """
    refs = _Refs()
    refs.walk(parse(wikitext))
    return refs.count()


def headings(wikitext: str) -> list[str]:
    """Headings of sections with readable content (a section of only templates is dropped)."""
    code = parse(wikitext)
    for link in code.filter_wikilinks(recursive=True):
        if ":" in str(link.title).lstrip(":"):  # categories, files, other wikis: not shown text
            try:
                code.remove(link)
            except ValueError:
                continue
    found = []
    for section in code.get_sections(include_lead=False, flat=False):
        heading = section.filter_headings(recursive=False)[0]
        title = mwparserfromhell.parse(str(heading.title))
        for tag in title.filter_tags(recursive=False):
            if str(tag.tag).lower() == "ref":  # "== Awards<ref>...</ref> ==": a marker
                title.remove(tag)
        text = " ".join(title.strip_code().split())
        # The text of the section and its subsections, without their headings: a section of
        # only subsections that are all empty (Notes, References) has nothing to show.
        body = "".join(
            node.__strip__(normalize=True, collapse=True) or ""
            for node in section.nodes
            if not isinstance(node, Heading)
        )
        if text and re.search(r"\w", body):
            found.append(text)
    return found


def has_infobox(wikitext: str) -> bool:
    """Whether the page has an infobox with something in it (the Arabic Wikipedia's
    {{صندوق معلومات تجمع سكاني}} without parameters is filled from Wikidata, not the page)."""
    code = parse(wikitext)
    return any(
        is_infobox(template_key(str(t.name)))
        and any(p.value.strip_code().strip() for p in t.params)
        for t in code.filter_templates(recursive=False)
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
                if isinstance(item, ReadWarning):
                    report.warnings.append(f"{path.name}: {item.message}")
                    continue
                if isinstance(item, CategoryItem):
                    report.category_pages += 1
                    item = item.document  # checked like an article: it is shown like one
                # By page id: a dump may hold several pages of one title (the "arwiki" minidump
                # has Berlin in Bavarian and in Waray besides the Arabic page).
                key = item.key if isinstance(item, AliasItem) else item.source_key
                yield path.name, item, texts.get(key.rsplit(":", 1)[-1], "")
        except ReadError as error:
            report.files_refused.append(str(error))
    for path in sorted((corpus / "wtf_wikipedia_cache").glob("*.txt")):
        try:
            for item in WikitextFileReader().read(path, ReadOptions(title=path.stem)):
                if isinstance(item, ItemError | ReadWarning):
                    report.failed.append(f"{path.name}: {item.message}")
                    continue
                yield path.name, item, path.read_text(encoding="utf-8")
        except ReadError as error:
            report.failed.append(str(error))


def _raw_texts(path: Path) -> dict[str, str]:
    """The wikitext of every page of a dump by page id."""
    from cyclopedia.formats.mediawiki.dump import DumpReader

    texts = {}
    for page in DumpReader(path).pages():
        if not isinstance(page, ItemError):
            texts[page.page_id] = page.text
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
    print(
        f"  articles converted:        {report.articles} (category pages among them: "
        f"{report.category_pages})"
    )
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
    print(f"  dumps with warnings:       {len(report.warnings)}")
    print(f"  top unknown templates: {report.unknown_templates.most_common(15)}")
    if args.verbose:
        for title, entries in (
            ("failed", report.failed),
            ("refused", report.files_refused),
            ("warnings", report.warnings),
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
