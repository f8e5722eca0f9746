"""A category's description as one stored fragment: body, then references; links marked later."""

from __future__ import annotations

from cyclopedia.document import Attribution, Document, Reference
from cyclopedia.render.article import every_article, mark_missing_links, render_document
from cyclopedia.render.description import description_html
from cyclopedia.render.sanitize import sanitize


def description(body: str, *references: Reference) -> Document:
    return Document(
        title="Category:Towns",
        body=body,
        attribution=Attribution(source_title="Category:Towns"),
        references=references,
    )


def test_the_body_then_its_references() -> None:
    document = description(
        "Towns of [[Ruritania]].[^a] See [[Strelsau]].[^b]",
        Reference(label="a", text="By charter."),
        Reference(label="b", text="The capital <https://example.org/s>."),
    )
    html = description_html(render_document(document, link_exists=every_article))
    body, references = html.split('<h2 id="References">References</h2>')
    assert '<a href="#cite_note-a">[1]</a>' in body
    assert '<li id="cite_note-a" value="1">By charter.</li>' in references
    assert 'id="cite_note-b" value="2"' in references
    assert sanitize(html) == html


def test_without_references_it_is_the_body() -> None:
    rendered = render_document(description("Towns of [[Ruritania]]."), link_exists=every_article)
    assert description_html(rendered) == rendered.body_html


def test_hostile_text_stays_inert() -> None:
    document = description(
        'Towns <script>alert(1)</script><img src=x onerror="alert(2)">'
        "[click](javascript:alert(3)) <b style=\"x\" onmouseover='alert(4)'>b</b>"
    )
    html = description_html(render_document(document, link_exists=every_article))
    for hostile in ("<script", "onerror", 'href="javascript', "onmouseover", "style=", "<img"):
        assert hostile not in html, hostile


def test_links_to_missing_articles_are_marked_when_shown() -> None:
    rendered = render_document(
        description("[[Ruritania]] and [[Strelsau|its capital]]."), link_exists=every_article
    )
    html = description_html(rendered)
    marked = mark_missing_links(html, {"Strelsau"})
    assert 'class="wikilink" href="/wiki/Ruritania"' in marked
    assert 'class="wikilink new" href="/wiki/Strelsau" title="Strelsau (no article yet)"' in marked
    assert mark_missing_links(html, set()) == html
