"""The reference list (``ref-list``) as Document references, formatted as readable citations.

Each ``ref`` becomes a reference labelled by its position ("1", "2", …), which the body's
``xref``s cite. A structured citation (``element-citation``, NLM ``nlm-citation``) is written in
the PLOS manner: "Hall BG, Salipante SJ (2007) Title. *Journal* 3(7): e158."; a citation that
carries its own punctuation (``mixed-citation``) keeps its words. The DOI (``pub-id``, a DOI
link) goes to the reference's ``doi`` and the first other http(s) link to its ``url`` (they are
shown after the text, so they leave it); a PubMed id is written as a PMID link.
"""

from __future__ import annotations

import re

from lxml import etree

from cyclopedia.document import Reference
from cyclopedia.document.markup import unescape_text
from cyclopedia.formats.jats.inline import Context, convert, inline, link_target, tidy
from cyclopedia.formats.jats.markup import doi_url, emphasis, escape, normalize_doi, safe_url
from cyclopedia.formats.jats.parsing import child, children, href, text

_CITATIONS = ("element-citation", "nlm-citation", "mixed-citation", "citation")
_STRUCTURED = ("element-citation", "nlm-citation")
_PREFIX_BEFORE_LINK = re.compile(
    r"(?:\bdoi|\bDOI|\bPubMed|\bPMID|\bAvailable(?:\s+(?:at|from))?|\bURL)\s*:?\s*$"
)
_PUBMED_URL = re.compile(r"ncbi\.nlm\.nih\.gov/pubmed/(\d+)|pubmed\.ncbi\.nlm\.nih\.gov/(\d+)")
_TRAILING_DOI = re.compile(r"\b(?:doi|DOI)\s*:?\s*(10\.\d{4,9}/\S+)$")
_SPACE_BEFORE = re.compile(r"\s+([.,;:])")
_BEFORE_STOP = re.compile(r"[,;:]\s*\.|\.\s*\.(?!\.)")
_DOUBLED = re.compile(r"([,;:])\s*\1")


def reference_elements(root: etree._Element) -> list[etree._Element]:
    """Every ``ref`` of the article's reference lists, in order."""
    return [
        ref for ref in root.iter("ref") if any(a.tag == "ref-list" for a in ref.iterancestors())
    ]


def reference_labels(refs: list[etree._Element]) -> dict[str, str]:
    return {ref.get("id", ""): str(number) for number, ref in enumerate(refs, 1) if ref.get("id")}


class _Found:
    def __init__(self) -> None:
        self.doi: str | None = None
        self.url: str | None = None
        self.pmid: str | None = None
        self.pmcid: str | None = None

    def take_link(self, item: etree._Element) -> bool:
        """Keep what a link or identifier says; True when it was one the text can lose."""
        kind = (item.get("pub-id-type") or item.get("ext-link-type") or "").lower()
        value = text(item)
        target = href(item) or value
        if item.tag in ("pub-id", "object-id"):
            if kind == "doi" and normalize_doi(value):
                self.doi = self.doi or normalize_doi(value)
                return True
            if kind == "pmid" and value.isdigit():
                self.pmid = self.pmid or value
                return True
            if kind in ("pmc", "pmcid") and re.fullmatch(r"(?:PMC)?\d+", value):
                self.pmcid = self.pmcid or ("PMC" + value.removeprefix("PMC"))
                return True
            return False
        doi = normalize_doi(target) if kind == "doi" or "doi" in target.lower() else None
        if doi:
            self.doi = self.doi or doi
            return True
        pubmed = _PUBMED_URL.search(target)
        if pubmed:
            self.pmid = self.pmid or (pubmed.group(1) or pubmed.group(2))
            return True
        url = link_target(item)
        if url and url.startswith(("http://", "https://")) and self.url is None:
            self.url = url
            return True
        return False

    def suffix(self) -> str:
        parts = []
        if self.pmid:
            parts.append(f"PMID [{self.pmid}](https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/).")
        if self.pmcid:
            parts.append(
                f"PMCID [{self.pmcid}](https://www.ncbi.nlm.nih.gov/pmc/articles/{self.pmcid}/)."
            )
        return " ".join(parts)


def _citation(ref: etree._Element) -> etree._Element | None:
    for scope in (ref, child(ref, "citation-alternatives")):
        if scope is None:
            continue
        for names in (_STRUCTURED, _CITATIONS):
            found = child(scope, *names)
            if found is not None:
                return found
    return None


def _has_own_punctuation(citation: etree._Element) -> bool:
    pieces = [citation.text or ""] + [item.tail or "" for item in citation]
    return any(re.search(r"[^\s]", piece) for piece in pieces)


def references(refs: list[etree._Element], ctx: Context) -> list[Reference]:
    out = []
    for number, ref in enumerate(refs, 1):
        citation = _citation(ref)
        found = _Found()
        if citation is None:
            markdown = tidy(inline(ref, ctx))
        elif citation.tag in _STRUCTURED or not _has_own_punctuation(citation):
            markdown = _structured(citation, ctx, found)
        else:
            markdown = _mixed(citation, ctx, found)
        markdown = _doi_in_words(_tidy_citation(markdown), found)
        label = text(child(ref, "label"))
        if not markdown:
            markdown = escape(f"Reference {label or number} (no text in the source)")
        suffix = found.suffix()
        out.append(
            Reference(
                label=str(number),
                text=f"{markdown} {suffix}".strip(),
                url=found.url,
                doi=found.doi,
            )
        )
    return out


def citation_markdown(citation: etree._Element, ctx: Context) -> str:
    """A citation met in the text (a dataset's ``related-object``, an ``element-citation`` in a
    paragraph) as inline Markdown, its DOI and link written after it."""
    found = _Found()
    if citation.tag in _STRUCTURED or not _has_own_punctuation(citation):
        markdown = _structured(citation, ctx, found)
    else:
        markdown = _mixed(citation, ctx, found)
    markdown = _doi_in_words(_tidy_citation(markdown), found)
    source_id = citation.get("source-id") or ""
    if found.url is None and (citation.get("source-id-type") or "").lower() in ("uri", "url"):
        found.url = safe_url(source_id)
    extras = []
    if found.doi:
        extras.append(f"doi:[{escape(found.doi)}](<{doi_url(found.doi)}>)")
    if found.url:
        extras.append(f"<{found.url}>")
    if found.suffix():
        extras.append(found.suffix())
    return " ".join([markdown, *extras]).strip()


def _doi_in_words(markdown: str, found: _Found) -> str:
    """A DOI written as words at the end of a citation ("… e183. doi:10.1371/….") is its DOI."""
    match = _TRAILING_DOI.search(markdown)
    if not match:
        return markdown
    doi = normalize_doi(unescape_text(match.group(1)).rstrip("."))
    if doi is None or (found.doi and found.doi != doi):
        return markdown
    found.doi = doi
    return _tidy_citation(markdown[: match.start()])


def _tidy_citation(markdown: str) -> str:
    markdown = tidy(markdown)
    markdown = _SPACE_BEFORE.sub(r"\1", markdown)
    markdown = _BEFORE_STOP.sub(".", markdown)
    markdown = _DOUBLED.sub(r"\1", markdown)
    markdown = markdown.replace("()", "").replace("“”", "")
    markdown = tidy(markdown).strip(" ,;:")
    if markdown and markdown[-1] not in ".?!)*>":
        markdown += "."
    return markdown


def name_markdown(name: etree._Element, ctx: Context) -> str:
    """A person as citations name them: "Surname GN" (``string-name`` and ``collab`` as
    written)."""
    if name.tag in ("string-name", "collab", "on-behalf-of") and child(name, "surname") is None:
        return tidy(inline(name, ctx))
    surname = text(child(name, "surname"))
    given = text(child(name, "given-names"))
    suffix = text(child(name, "suffix"))
    words = " ".join(part for part in (surname, given, suffix) if part)
    return escape(words)


def _names(group: etree._Element, ctx: Context) -> tuple[list[str], bool]:
    names = [
        name_markdown(item, ctx)
        for item in group
        if item.tag in ("name", "string-name", "collab", "name-alternatives")
    ]
    return [name for name in names if name], child(group, "etal") is not None


def _structured(citation: etree._Element, ctx: Context, found: _Found) -> str:
    groups = children(citation, "person-group")
    authors = [g for g in groups if (g.get("person-group-type") or "author") == "author"]
    editors = [g for g in groups if g.get("person-group-type") == "editor"]
    names: list[str] = []
    etal = False
    for group in authors or ([citation] if not groups else []):
        found_names, more = _names(group, ctx)
        names.extend(found_names)
        etal = etal or more
    if child(citation, "etal") is not None:
        etal = True
    year = text(child(citation, "year")) or text(child(child(citation, "date"), "year"))
    editor_names, more_editors = _names(editors[0], ctx) if editors else ([], False)
    editors_word = "editor" if len(editor_names) == 1 and not more_editors else "editors"
    editors_text = ", ".join(editor_names) + (", et al." if more_editors else "")
    parts: list[str] = []
    head = ", ".join(names) + (", et al." if etal and names else "")
    if not head and editor_names:  # an edited book: its editors stand first
        head, editor_names = f"{editors_text}, {editors_word}", []
    if year:
        head = f"{head} ({escape(year)})" if head else f"({escape(year)})"
    elif head and not head.endswith("."):
        head += "."
    if head:
        parts.append(head)
    titles = [
        tidy(inline(item, ctx))
        for item in citation
        if item.tag in ("article-title", "chapter-title", "data-title", "part-title")
    ]
    parts.extend(_sentence(title) for title in titles if title)
    if editor_names:
        parts.append(f"In: {editors_text}, {editors_word}.")
    source_element = child(citation, "source")
    source = tidy(inline(source_element, ctx)) if source_element is not None else ""
    numbers = _numbers(citation)
    if source:
        italic = emphasis(source, strong=False, before="")
        parts.append(f"{italic} {numbers}".strip() + ".")
    elif numbers:
        parts.append(numbers + ".")
    edition = text(child(citation, "edition"))
    if edition.isdigit():
        number = int(edition)
        suffix = (
            "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        )
        edition = f"{number}{suffix} ed"
    if edition:
        parts.append(_sentence(escape(edition)))
    version = text(child(citation, "version"))
    if version:
        parts.append(
            _sentence(escape(version if version[:1].lower() == "v" else f"Version {version}"))
        )
    place = text(child(citation, "publisher-loc"))
    publisher = text(child(citation, "publisher-name"))
    if place or publisher:
        parts.append(escape(": ".join(part for part in (place, publisher) if part)) + ".")
    for item in citation:
        if item.tag in ("pub-id", "object-id", "ext-link", "uri"):
            if not found.take_link(item) and item.tag in ("ext-link", "uri"):
                parts.append(convert(item, ctx))
        elif item.tag == "comment":
            parts.append(_mixed(item, ctx, found))
        elif item.tag in ("date-in-citation", "access-date"):
            parts.append(escape(f"Accessed {text(item)}") + ".")
        elif item.tag in ("conf-name", "patent", "institution", "series"):
            parts.append(_sentence(tidy(inline(item, ctx))))
    return " ".join(part for part in parts if part.strip())


def _sentence(markdown: str) -> str:
    markdown = markdown.strip()
    if markdown and markdown[-1] not in ".?!":
        markdown += "."
    return markdown


def _numbers(citation: etree._Element) -> str:
    volume = text(child(citation, "volume"))
    issue = text(child(citation, "issue"))
    fpage = text(child(citation, "fpage"))
    lpage = text(child(citation, "lpage"))
    elocation = text(child(citation, "elocation-id"))
    pages = text(child(citation, "page-range")) or (
        f"{fpage}–{lpage}" if fpage and lpage else fpage
    )
    pages = pages or elocation
    out = volume + (f"({issue})" if issue else "")
    if pages:
        out = f"{out}: {pages}" if out else pages
    return escape(out)


def _mixed(citation: etree._Element, ctx: Context, found: _Found) -> str:
    """A citation written with its own punctuation, its identifiers and links taken out."""
    out = escape(citation.text)
    for item in citation:
        if not isinstance(item.tag, str):
            continue
        if item.tag in ("pub-id", "object-id", "ext-link", "uri") and found.take_link(item):
            out = _PREFIX_BEFORE_LINK.sub("", out.rstrip()).rstrip() + " "
        elif item.tag in ("name", "string-name"):
            out += name_markdown(item, ctx)
        elif item.tag in ("comment", "person-group"):
            out += _mixed(item, ctx, found)
        elif item.tag == "source":
            out += emphasis(inline(item, ctx), strong=False, before=out)
        else:
            out += convert(item, ctx, before=out)
        out += escape(item.tail)
    return out
