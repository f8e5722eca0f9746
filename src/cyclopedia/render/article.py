"""A whole Document rendered once, for storage: body, infobox, references, contents, text, links."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import unescape

from cyclopedia.document import Document, Reference
from cyclopedia.render.markdown import LinkExists, RenderState, render_block, render_inline
from cyclopedia.render.sanitize import sanitize
from cyclopedia.render.text import html_to_text, lead_text

# Articles with at least this many headings get a table of contents, as on Wikipedia.
TOC_MIN_HEADINGS = 3


@dataclass(frozen=True, slots=True)
class RenderedInfoboxField:
    label: str  # plain text; escaped by the template
    html: str


@dataclass(frozen=True, slots=True)
class RenderedReference:
    number: int
    label: str
    html: str
    backlinks: tuple[str, ...]  # ids of the markers that cite it, in order


@dataclass(frozen=True, slots=True)
class TocEntry:
    level: int
    anchor: str
    text: str


@dataclass(frozen=True, slots=True)
class RenderedArticle:
    body_html: str
    infobox: tuple[RenderedInfoboxField, ...]
    infobox_title: str  # plain text; escaped by the template
    references: tuple[RenderedReference, ...]
    toc: tuple[TocEntry, ...]
    plain_text: str
    lead: str  # the first paragraph as plain text, for cards, descriptions and suggestions
    links: tuple[str, ...]  # normalised titles of the articles the text links to

    def with_missing_links(self, missing: Iterable[str]) -> RenderedArticle:
        """This rendering with the links to ``missing`` titles marked as missing.

        A rendering made without a database (in a worker process) takes every link target as
        existing; whoever knows which are missing marks them afterwards with this.
        """
        linked = set(self.links)
        missing = [title for title in missing if title in linked]
        if not missing:
            return self
        mark = _missing_marker(missing)
        return dataclasses.replace(
            self,
            body_html=mark(self.body_html),
            infobox=tuple(dataclasses.replace(f, html=mark(f.html)) for f in self.infobox),
            references=tuple(dataclasses.replace(r, html=mark(r.html)) for r in self.references),
        )


# The form the renderer writes for a link to an existing article (markdown.py), as the
# sanitiser serialises it; the title is compared unescaped, whatever escaping it went through.
_EXISTING_LINK = re.compile(r'<a class="wikilink" (href="[^"]*") title="([^"]*)">')


def _missing_marker(titles: list[str]) -> Callable[[str], str]:
    missing = set(titles)

    def mark(match: re.Match[str]) -> str:
        if unescape(match.group(2)) not in missing:
            return match.group(0)
        return (
            f'<a class="wikilink new" {match.group(1)} title="{match.group(2)} (no article yet)">'
        )

    return lambda html: _EXISTING_LINK.sub(mark, html)


def mark_missing_links(html: str, missing: Iterable[str]) -> str:
    """A fragment rendered with every link taken as existing, its links to ``missing`` marked
    (for renderings kept apart from an article's, such as a category's description)."""
    titles = list(missing)
    return _missing_marker(titles)(html) if titles else html


def _no_article(_title: str) -> bool:
    return False


def every_article(_title: str) -> bool:
    """A link resolver for rendering without a database: every target exists."""
    return True


def _reference_markdown(reference: Reference) -> str:
    text = reference.text
    if reference.doi:
        text += f" doi:[{reference.doi}](https://doi.org/{reference.doi})"
    if reference.url:
        text += f" <{reference.url}>"
    return text


def render_document(
    document: Document, *, link_exists: LinkExists = _no_article, wiki_prefix: str = "/wiki/"
) -> RenderedArticle:
    """Render a document. ``link_exists`` tells which wiki-link targets are articles."""
    labels = frozenset(ref.label for ref in document.references)
    state = RenderState(labels=labels, link_exists=link_exists, wiki_prefix=wiki_prefix)

    fields = tuple(
        RenderedInfoboxField(label=f.label, html=sanitize(render_inline(f.value, state)))
        for f in (document.infobox.fields if document.infobox else ())
    )
    body_html = sanitize(render_block(document.body, state))
    numbers = state.numbers
    for ref in document.references:  # references no marker cites come last
        numbers.setdefault(ref.label, len(numbers) + 1)
    reference_state = RenderState(
        labels=frozenset(), link_exists=link_exists, wiki_prefix=wiki_prefix
    )
    references = tuple(
        sorted(
            (
                RenderedReference(
                    number=numbers[ref.label],
                    label=ref.label,
                    html=sanitize(render_inline(_reference_markdown(ref), reference_state)),
                    backlinks=tuple(
                        f"cite_ref-{ref.label}-{n}"
                        for n in range(1, state.occurrences.get(ref.label, 0) + 1)
                    ),
                )
                for ref in document.references
            ),
            key=lambda ref: ref.number,
        )
    )
    for target in reference_state.links:
        state.links.setdefault(target, None)
    toc = tuple(TocEntry(*heading) for heading in state.headings)
    infobox_text = "\n".join(f"{f.label}: {html_to_text(f.html)}" for f in fields)
    body_text = html_to_text(body_html)
    plain_text = "\n".join(part for part in (infobox_text, body_text) if part)
    return RenderedArticle(
        body_html=body_html,
        infobox=fields,
        infobox_title=(document.infobox.title or "") if document.infobox else "",
        references=references,
        toc=toc if len(toc) >= TOC_MIN_HEADINGS else (),
        plain_text=plain_text,
        lead=lead_text(body_text),
        links=tuple(state.links),
    )
