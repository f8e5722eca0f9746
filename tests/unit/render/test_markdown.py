"""Cyclopedia Markdown to HTML: citations, wiki links, headings, tables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink, normalizeLinkText

from cyclopedia.document import Attribution, Document, Infobox, InfoboxField, Reference
from cyclopedia.render import render_document
from cyclopedia.render.markdown import BLOCK, plain_url

ATTRIBUTION = Attribution(source_title="Test")


def doc(body: str, **kwargs: object) -> Document:
    return Document(title="Test", body=body, attribution=ATTRIBUTION, **kwargs)  # type: ignore[arg-type]


def test_citations_are_numbered_by_first_appearance_infobox_first() -> None:
    document = doc(
        "One.[^b] Two.[^a] Again.[^b]",
        infobox=Infobox((InfoboxField("Born", "1974[^a]"),)),
        references=(Reference("a", "Ref A"), Reference("b", "Ref B"), Reference("c", "Unused")),
    )
    rendered = render_document(document)
    assert 'id="cite_ref-a-1"><a href="#cite_note-a">[1]</a>' in rendered.infobox[0].html
    assert rendered.body_html.count("[2]") == 2
    assert 'id="cite_ref-b-2"' in rendered.body_html
    assert 'id="cite_ref-a-2"><a href="#cite_note-a">[1]</a>' in rendered.body_html
    numbers = [(r.label, r.number, r.backlinks) for r in rendered.references]
    assert numbers == [
        ("a", 1, ("cite_ref-a-1", "cite_ref-a-2")),
        ("b", 2, ("cite_ref-b-1", "cite_ref-b-2")),
        ("c", 3, ()),
    ]


def test_reference_urls_and_dois_become_links() -> None:
    document = doc(
        "Text.[^1]",
        references=(Reference("1", "A paper", url="https://example.org/p", doi="10.1234/abc"),),
    )
    (ref,) = render_document(document).references
    assert 'href="https://doi.org/10.1234/abc"' in ref.html
    assert 'href="https://example.org/p"' in ref.html
    assert 'rel="nofollow noopener"' in ref.html


def test_wiki_links_resolve_and_missing_targets_are_marked() -> None:
    document = doc("See [[Mahdi Army|the army]], [[missing page]] and [[Mahdi_Army#History]].")
    rendered = render_document(document, link_exists={"Mahdi Army"}.__contains__)
    html = rendered.body_html
    assert '<a class="wikilink" href="/wiki/Mahdi_Army" title="Mahdi Army">the army</a>' in html
    assert 'class="wikilink new" href="/wiki/missing_page"' in html
    assert 'href="/wiki/Mahdi_Army#History"' in html
    assert rendered.links == ("Mahdi Army", "missing page")


def test_invalid_wiki_link_target_is_shown_as_text() -> None:
    rendered = render_document(doc("A [[{{bad}}|label]] link."))
    assert "<a" not in rendered.body_html
    assert rendered.links == ()


def test_headings_get_anchors_contents_and_body_starts_at_h2() -> None:
    body = "# Top\n\nText.\n\n## Early life\n\nText.\n\n### Early life\n\nMore.\n\n## 1990s\n"
    rendered = render_document(doc(body))
    assert '<h2 id="Top">Top</h2>' in rendered.body_html
    assert "<h1" not in rendered.body_html
    assert [(t.level, t.anchor) for t in rendered.toc] == [
        (2, "Top"),
        (2, "Early_life"),
        (3, "Early_life_2"),
        (2, "section_1990s"),
    ]


def test_short_articles_get_no_table_of_contents() -> None:
    assert render_document(doc("## One\n\ntext\n\n## Two\n\ntext")).toc == ()


def test_gfm_tables_keep_alignment_as_classes_not_styles() -> None:
    html = render_document(doc("| a | b |\n|--:|:-:|\n| 1 | 2 |")).body_html
    assert '<td class="align-right">1</td>' in html
    assert "style" not in html


def test_external_links_are_marked_and_not_followed() -> None:
    html = render_document(doc("[site](https://example.org)")).body_html
    assert 'class="external"' in html
    assert 'rel="nofollow noopener"' in html


def test_plain_text_drops_markers_and_keeps_infobox_and_paragraphs() -> None:
    document = doc(
        "First paragraph.[^1]\n\nSecond *one*.",
        infobox=Infobox((InfoboxField("Born", "1974\nBaghdad"),)),
        references=(Reference("1", "Ref"),),
    )
    assert render_document(document).plain_text == (
        "Born: 1974\nBaghdad\nFirst paragraph.\nSecond one."
    )


def test_lead_is_the_first_body_paragraph_cut_at_a_word() -> None:
    document = doc(
        ("word " * 100) + "\n\nSecond paragraph.",
        infobox=Infobox((InfoboxField("Born", "1974"),)),
    )
    lead = render_document(document).lead
    assert lead.startswith("word word")
    assert lead.endswith("word…")
    assert len(lead) <= 301
    assert "Born" not in lead
    assert render_document(doc("Short one.\n\nTwo.")).lead == "Short one."


def test_a_marker_in_a_code_span_is_not_a_citation_and_takes_no_number() -> None:
    document = doc("Code `[^1]` here. Real one.[^1]", references=(Reference("1", "Ref"),))
    rendered = render_document(document)
    assert "<code>[^1]</code>" in rendered.body_html
    assert 'href="#cite_note-1">[1]</a>' in rendered.body_html
    assert rendered.references[0].backlinks == ("cite_ref-1-1",)


def test_long_headings_keep_a_capped_anchor() -> None:
    heading = "Word " * 60
    rendered = render_document(doc(f"## {heading}\n\ntext"))
    assert 'id="Word_Word_' in rendered.body_html
    assert len(rendered.body_html.split('id="')[1].split('"')[0]) <= 120


def test_headings_never_take_the_page_templates_ids() -> None:
    rendered = render_document(doc("## References\n\ntext\n\n## Content\n\n## content"))
    assert 'id="References_2"' in rendered.body_html
    assert 'id="content_2"' in rendered.body_html


def test_deeply_nested_lists_do_not_cut_the_rest_of_the_page() -> None:
    nested = "\n".join("  " * depth + "- item" for depth in range(15))
    html = render_document(doc(nested + "\n\nThe paragraph after.")).body_html
    assert "The paragraph after." in html


def test_wiki_link_labels_are_inline_markdown() -> None:
    html = render_document(doc(r"[[Nature (journal)|*Nature*]] and [[AT&T|AT\&T Inc.]]")).body_html
    assert '<a class="wikilink new" href="/wiki/Nature_(journal)"' in html
    assert "><em>Nature</em></a>" in html
    assert ">AT&amp;T Inc.</a>" in html
    assert "\\" not in html


URL_IN_TEXT = re.compile(r"https?://[^\s\]<>\"'|{}\\]+")
CORPUS_MEDIAWIKI = Path(__file__).parents[3].parent / "shared" / "corpus" / "mediawiki"
TRICKY_URLS = [
    "HTTP://Example.com/", "http://EXAMPLE.com", "http://example.com:80/a", "http://a@b.com/",
    "http://b.com/a@b", "http://xn--bcher-kva.example/", "https://b.com/%20x", "http://b.com",
    "http://b.com?x", "http://b.com#x#y", "http://b.com/(x)", "http://b.com/'a'",
    "http://b.com/a/../c", "https://b.com:/x", "http://b.com/[x]", "http://b.com/~a;b=c,d$e+f!g*h",
    "http://b.com?#", "https://b.com/ä", "https://b.com/a b", "https://b.com/a\\b",
    "https://b.com/a`b", "https://b.com/a^b", "mailto:a@b.com", "ftp://b.com/",
    f"http://{'a' * 63}.com:8080/x", f"http://{'a' * 64}.com:8080/x", f"http://{'a' * 64}.com/x",
    f"http://{'a.' * 127}com/x", f"http://{'a.' * 128}com/x",
]  # fmt: skip


def test_plain_urls_skip_normalising_only_where_it_changes_nothing() -> None:
    urls = {
        match.group(0)
        for path in sorted(CORPUS_MEDIAWIKI.rglob("*.txt"))[:40]
        for match in URL_IN_TEXT.finditer(path.read_text(encoding="utf-8", errors="replace"))
    }
    urls.update(TRICKY_URLS)
    plain = [url for url in urls if plain_url(url)]
    assert len(plain) > 100  # the corpus is read: real references' URLs are mostly plain
    for url in plain:
        assert normalizeLink(url) == url, url
        assert normalizeLinkText(url) == url, url
    # What needs normalising still gets it: a punycode host is shown in its letters.
    assert not plain_url("http://xn--bcher-kva.example/")
    html = render_document(doc("See <http://xn--bcher-kva.example/>.")).body_html
    assert ">http://bücher.example/</a>" in html
    html = render_document(doc("See <https://b.com/a%20b>.")).body_html
    assert 'href="https://b.com/a%20b"' in html
    assert ">https://b.com/a b</a>" in html


@pytest.mark.parametrize(
    "markdown",
    [
        "~~gone~~ and ~kept~ and ~~*both*~~",
        "a ~~~~~b~~~~~ c ~~ d",
        "*em* **strong** ~~s~~",
        "no tildes: *em*, **strong**, `code`",
    ],
)
def test_strikethrough_as_markdown_it_renders_it(markdown: str) -> None:
    # The strikethrough pass is skipped in text without "~": the same HTML either way.
    library = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    assert BLOCK.render(markdown, {}) == library.render(markdown)
    assert "<s>gone</s>" in BLOCK.render("~~gone~~", {})
