"""One JATS ``article`` element as a Document.

The body reads as an encyclopedia page of the article: the abstract first, as its lead (a
structured abstract's parts as bold lead-ins), then other summaries ("Author summary", "eLife
digest") and the sections of the body, the back matter (acknowledgments, appendices, notes:
author contributions, competing interests, funding), an "Authors" section (names with their
affiliations and ORCIDs) and peer-review sub-articles. References are the reference list
(``citations.py``); the infobox holds the journal citation (journal, type, dates, volume, issue,
pages or article number, DOI, PMCID, PMID) as facts; subjects and keywords are categories;
retractions, corrections and expressions of concern are notices (``notices.py``).
"""

from __future__ import annotations

import copy
import datetime as dt
import re

from lxml import etree

from cyclopedia.document import (
    Attribution,
    Document,
    DocumentError,
    Infobox,
    InfoboxField,
)
from cyclopedia.document.titles import MAX_TITLE_LENGTH, TitleError, normalize_title
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.jats import front
from cyclopedia.formats.jats.blocks import BodyWriter
from cyclopedia.formats.jats.citations import reference_elements, reference_labels, references
from cyclopedia.formats.jats.inline import Context, flat, tidy
from cyclopedia.formats.jats.markup import doi_url, emphasis, escape, safe_url
from cyclopedia.formats.jats.notices import notice_kind, notices
from cyclopedia.formats.jats.parsing import child, children, text
from cyclopedia.formats.jats.permissions import copyright_notice, determine_license

_TITLE_CHARACTERS = str.maketrans({"[": "(", "]": ")", "{": "(", "}": ")", "<": "‹", ">": "›",
                                   "|": "/", "#": "№"})  # fmt: skip
_SKIPPED_ABSTRACTS = {"toc", "teaser", "graphical", "web-summary", "short", "precis"}
_ABSTRACT_TITLES = {
    "summary": "Author summary",
    "author-summary": "Author summary",
    "executive-summary": "Digest",
    "editors-summary": "Editors' summary",
    "plain-language-summary": "Plain language summary",
    "editor": "Editor's summary",
}
_NOTES_LEFT_OUT = {"corresp"}
_PERSONAL = {"present-address", "current-aff", "deceased", "equal"}


def _bold_lead(words: str) -> str:
    """A bold lead-in of a paragraph ("**Funding:** …")."""
    return emphasis(words, strong=True, before="", space_after=True)


def _title(words: str) -> str:
    """A page title from an article title: characters a title may not hold replaced by their
    look-alikes, and cut at a word when it is too long."""
    title = " ".join(words.translate(_TITLE_CHARACTERS).split())
    if len(title) > MAX_TITLE_LENGTH:
        title = title[: MAX_TITLE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return title


def _joined(title: str, subtitle: str) -> str:
    if not subtitle:
        return title
    return (
        f"{title} {subtitle}"
        if title.rstrip()[-1:] in ("?", "!", ":", ".")
        else f"{title}: {subtitle}"
    )


def article_document(
    article: etree._Element, *, file_key: str, options: ReadOptions, today: dt.date
) -> Document:
    front_element = child(article, "front")
    meta = child(front_element, "article-meta")
    if meta is None:
        raise DocumentError("no front/article-meta: this is not a JATS article")
    refs = reference_elements(article)
    ctx = Context(ref_labels=reference_labels(refs))
    writer = BodyWriter(ctx)

    title_element, subtitle_element = front.article_title(meta)
    full_title = _joined(text(title_element), text(subtitle_element))
    if not full_title:
        raise DocumentError("the article has no title (title-group/article-title)")
    page_title = normalize_title(options.title or _title(full_title))

    ids = front.article_ids(meta)
    published = front.publication_date(meta)
    authors = front.contributors(meta)
    affiliations = front.affiliation_elements(article)
    personal_notes = _personal_notes(meta, authors)
    personal = set(personal_notes)

    body = [
        *_abstracts(meta, writer),
        *_main_body(article, writer),
        *_back(article, meta, writer, personal),
        *_authors_section(authors, affiliations, personal_notes, writer),
        *_sub_articles(article, writer),
    ]
    reference_list = references(refs, ctx)
    finding = determine_license(
        meta,
        published=published.date if published else None,
        today=today,
        operator=options.license,
    )
    doi = ids.get("doi")
    pmcid = ids.get("pmcid")
    url = doi_url(doi) if doi else _pmc_url(pmcid) if pmcid else _operator_url(options)
    heading = _heading_subject(meta)
    attribution = Attribution(
        source_title=full_title,
        source_name=front.journal_title(article) or front.publisher_name(article),
        source_url=url,
        revision_url=doi_url(doi) if doi else None,
        authors=tuple(author.name for author in authors if not author.group_note),
        source_timestamp=(
            dt.datetime.combine(published.date, dt.time(), tzinfo=dt.UTC) if published else None
        ),
        copyright_notice=copyright_notice(meta),
        upstream_notices=tuple(dict.fromkeys([*writer.notices, *finding.notices])),
    )
    return Document(
        title=page_title,
        body="\n\n".join(block for block in body if block.strip()),
        attribution=attribution,
        license=finding.license,
        license_evidence=finding.evidence,
        language=options.language or front.language(article) or "en",
        infobox=_infobox(article, meta, ids, published, full_title, page_title),
        references=(*reference_list, *ctx.notes),
        categories=tuple(_categories(front.subjects(meta))),
        notices=tuple(
            notices(
                notice_kind(article.get("article-type") or "", heading, full_title),
                front.related_articles(meta),
            )
        ),
        source_key=doi or pmcid or file_key,
    )


def _pmc_url(pmcid: str) -> str:
    return f"https://www.ncbi.nlm.nih.gov/pmc/articles/{pmcid}/"


def _operator_url(options: ReadOptions) -> str | None:
    url = safe_url(options.source_url or "")
    return url if url and url.startswith(("http://", "https://")) else None


def _heading_subject(meta: etree._Element) -> str:
    for group in children(child(meta, "article-categories"), "subj-group"):
        if group.get("subj-group-type") == "heading":
            return text(child(group, "subject"))
    return ""


def _categories(subjects: list[str]) -> list[str]:
    kept = []
    for subject in subjects:
        try:
            kept.append(normalize_title(_title(subject)))
        except TitleError:
            continue
    return kept


# -- the body, in reading order ---------------------------------------------------------------


def _abstracts(meta: etree._Element, writer: BodyWriter) -> list[str]:
    out: list[str] = []
    lead_done = False
    for abstract in children(meta, "abstract"):
        kind = (abstract.get("abstract-type") or "").lower()
        if kind in _SKIPPED_ABSTRACTS:
            continue
        if not kind and not lead_done:
            out[:0] = _lead(abstract, writer)
            lead_done = True
            continue
        title = writer.heading_text(abstract) or escape(_ABSTRACT_TITLES.get(kind, "Summary"))
        out.extend([f"## {title}", *writer.blocks(abstract, 3)])
    return out


def _lead(abstract: etree._Element, writer: BodyWriter) -> list[str]:
    """The main abstract, without a heading: a structured abstract's section titles become
    bold lead-ins of their first paragraph ("**Background:** …")."""
    out: list[str] = []
    for item in abstract:
        if item.tag == "sec":
            title = writer.heading_text(item)
            blocks = writer.blocks(item, 3, boxed=True)
            if title and blocks:
                lead_in = title if title.rstrip()[-1:] in (":", ".", "?") else f"{title}:"
                blocks[0] = f"{_bold_lead(lead_in)} {blocks[0]}"
            elif title:
                blocks = [emphasis(title, strong=True, before="")]
            out.extend(blocks)
        elif isinstance(item.tag, str) and item.tag not in ("title", "label", "object-id"):
            out.extend(writer.block(item, 3, boxed=True))
    return out


def _main_body(article: etree._Element, writer: BodyWriter) -> list[str]:
    out: list[str] = []
    for name in ("body", "floats-group"):
        part = child(article, name)
        if part is not None:
            out.extend(writer.blocks(part, 2))
    return out


def _back(
    article: etree._Element, meta: etree._Element, writer: BodyWriter, personal: set[str]
) -> list[str]:
    out: list[str] = []
    back = child(article, "back")
    notes = _author_notes(meta, writer, personal)
    for item in back if back is not None else []:
        if item.tag == "fn-group" and child(item, "title") is None:
            notes.extend(writer.footnotes(item, 3))
        elif isinstance(item.tag, str) and item.tag not in ("ref-list", "label", "title"):
            out.extend(writer.block(item, 2))
    if notes:
        out.extend(["## Notes", *notes])
    return out


def _author_notes(meta: etree._Element, writer: BodyWriter, personal: set[str]) -> list[str]:
    """The notes about the authors (contributions, competing interests, funding), without the
    correspondence addresses and the notes the byline shows beside a name (``personal``)."""
    out: list[str] = []
    notes = child(meta, "author-notes")
    for note in children(notes, "fn"):
        kind = (note.get("fn-type") or "").lower()
        if kind in _NOTES_LEFT_OUT or note.get("id", "") in personal:
            continue
        line = writer.footnote(note)
        if line:
            out.append(line)
    funding = [
        flat(statement, writer.ctx)
        for group in children(meta, "funding-group")
        for statement in children(group, "funding-statement")
    ]
    for statement in funding:
        if statement and not any(statement in line for line in out):
            out.append(f"{_bold_lead('Funding:')} {statement}")
    return out


def _affiliation(aff: etree._Element, ctx: Context) -> str:
    """An affiliation as one line: its parts joined by commas when the file has only tags,
    its own punctuation otherwise; labels and institution ids left out."""
    aff = copy.deepcopy(aff)
    for item in list(aff.iter("label", "institution-id", "email", "x")):
        parent = item.getparent()
        if parent is not None:
            tail = item.tail or ""
            previous = item.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
            parent.remove(item)
    own_text = (aff.text or "").strip() or any((item.tail or "").strip() for item in aff)
    if own_text:
        return re.sub(r"\s+([,;.])", r"\1", tidy(flat(aff, ctx))).strip(" ,;")
    parts = [text(item) for item in aff.iter() if item is not aff and len(item) == 0 and text(item)]
    return escape(", ".join(parts))


def _personal_notes(
    meta: etree._Element, authors: list[front.Contributor]
) -> dict[str, etree._Element]:
    """The author notes that are about one author (a present address, "deceased", equal
    contribution) and that an author points to, by id."""
    wanted = {rid for author in authors for rid in author.note_ids}
    return {
        note.get("id", ""): note
        for note in children(child(meta, "author-notes"), "fn")
        if note.get("id") in wanted and (note.get("fn-type") or "").lower() in _PERSONAL
    }


def _authors_section(
    authors: list[front.Contributor],
    affiliations: dict[str, etree._Element],
    notes: dict[str, etree._Element],
    writer: BodyWriter,
) -> list[str]:
    if not authors:
        return []
    ctx = writer.ctx
    lines: dict[str, int] = {}  # affiliation Markdown -> its number
    per_author: list[list[int]] = []
    for author in authors:
        elements = [affiliations[i] for i in author.affiliation_ids if i in affiliations]
        numbers = []
        for element in [*elements, *author.affiliations]:
            line = _affiliation(element, ctx)
            if line:
                numbers.append(lines.setdefault(line, len(lines) + 1))
        per_author.append(list(dict.fromkeys(numbers)))
    shared = len(lines) == 1 and all(per_author)
    names = []
    for author, numbers in zip(authors, per_author, strict=True):
        name = escape(author.name)
        if numbers and not shared:
            name += "<sup>" + ",".join(str(n) for n in numbers) + "</sup>"
        if author.orcid:
            name += f" (ORCID [{author.orcid}](https://orcid.org/{author.orcid}))"
        for rid in author.note_ids:
            if rid in notes:
                name += f" ({_personal_note(notes[rid], ctx)})"
        names.append(name)
    out = ["## Authors", ", ".join(names)]
    if shared:
        out.append(f"{_bold_lead('Affiliation:')} {next(iter(lines))}")
    elif lines:
        out.append("\n".join(f"{number}. {line}" for line, number in lines.items()))
    return out


def _personal_note(note: etree._Element, ctx: Context) -> str:
    words = flat(note, ctx, skip=frozenset({"label"}))
    kind = (note.get("fn-type") or "").lower()
    prefix = {"present-address": "present address", "current-aff": "present address"}.get(kind)
    if prefix and not words.lower().startswith(prefix):
        return f"{prefix}: {words}"
    return words


def _sub_articles(article: etree._Element, writer: BodyWriter) -> list[str]:
    out: list[str] = []
    for sub in children(article, "sub-article", "response"):
        stub = child(sub, "front-stub", "front")
        meta = child(stub, "article-meta") if stub is not None and stub.tag == "front" else stub
        title_element = front.article_title(meta)[0] if meta is not None else None
        kind = (sub.get("article-type") or "").replace("-", " ")
        title = tidy(escape(text(title_element))) or escape(kind[:1].upper() + kind[1:])
        out.append(f"## {title or 'Supplementary article'}")
        out.extend(_main_body(sub, writer))
        back = child(sub, "back")
        if back is not None:
            out.extend(writer.blocks(back, 3))
    return out


# -- the infobox ----------------------------------------------------------------------------------


def _infobox(
    article: etree._Element,
    meta: etree._Element,
    ids: dict[str, str],
    published: front.PartialDate | None,
    full_title: str,
    page_title: str,
) -> Infobox | None:
    fields: list[tuple[str, str]] = []
    journal = front.journal_title(article)
    if journal:
        fields.append(("Journal", emphasis(escape(journal), strong=False, before="")))
    kind = front.article_type(article, meta)
    if kind:
        fields.append(("Article type", escape(kind)))
    if published:
        fields.append(("Published", escape(str(published))))
    for label, element in (("Volume", "volume"), ("Issue", "issue")):
        value = text(child(meta, element))
        if value:
            fields.append((label, escape(value)))
    fpage, lpage = text(child(meta, "fpage")), text(child(meta, "lpage"))
    elocation = text(child(meta, "elocation-id"))
    if fpage:
        fields.append(("Pages", escape(f"{fpage}–{lpage}" if lpage else fpage)))
    elif elocation and not elocation.startswith("10."):
        fields.append(("Article number", escape(elocation)))
    for label, kind_name in (("Received", "received"), ("Accepted", "accepted")):
        when = front.history_date(meta, kind_name)
        if when:
            fields.append((label, escape(str(when))))
    if "doi" in ids:
        fields.append(("DOI", f"[{escape(ids['doi'])}](<{doi_url(ids['doi'])}>)"))
    if "pmcid" in ids:
        fields.append(("PMCID", f"[{ids['pmcid']}](<{_pmc_url(ids['pmcid'])}>)"))
    if "pmid" in ids:
        pmid = ids["pmid"]
        fields.append(("PMID", f"[{pmid}](<https://pubmed.ncbi.nlm.nih.gov/{pmid}/>)"))
    publisher = front.publisher_name(article)
    if publisher:
        fields.append(("Publisher", escape(publisher)))
    if page_title != " ".join(full_title.split()) and len(full_title) > MAX_TITLE_LENGTH:
        fields.append(("Full title", escape(full_title)))
    kept = [InfoboxField(label=label, value=value) for label, value in fields if value.strip()]
    return Infobox(tuple(kept)) if kept else None
