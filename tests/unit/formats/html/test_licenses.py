"""A web page's licence: what it states and where, what is set aside, and what it comes to."""

from __future__ import annotations

import pytest

from cyclopedia.document import LicenseStatus
from cyclopedia.document.license import UNKNOWN_LICENSE, get_license
from cyclopedia.formats.html.federal import classify
from cyclopedia.formats.html.names import from_text, from_url
from tests.unit.formats.html.conftest import FILLER, Reader, page

ARTICLE = f"<article><h1>A test page</h1><p>{FILLER}</p><p>{FILLER}</p></article>"


def with_footer(footer: str, *, head: str = "", article: str = ARTICLE) -> str:
    return page(f"{article}<footer>{footer}</footer>", head=head)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://creativecommons.org/licenses/by-sa/4.0/", ("BY-SA", "4.0", None)),
        ("http://creativecommons.org/licenses/by/3.0/deed.de", ("BY", "3.0", None)),
        ("//creativecommons.org/licenses/by-nc-nd/2.5/legalcode", ("BY-NC-ND", "2.5", None)),
        ("http://creativecommons.org/licenses/by-nc/3.0/de/", ("BY-NC", "3.0", "de")),
        ("https://creativecommons.org/licenses/by-nd-nc/1.0/", ("BY-NC-ND", "1.0", None)),
        ("https://creativecommons.org/publicdomain/zero/1.0/", ("CC0", "1.0", None)),
        ("https://creativecommons.org/publicdomain/mark/1.0/", ("PD", None, None)),
        ("https://creativecommons.org/about/", None),
        ("https://creativecommons.org.evil.example/licenses/by/4.0/", None),
        ("https://example.org/licenses/by/4.0/", None),
    ],
)
def test_licence_urls(url: str, expected: tuple[str, str | None, str | None] | None) -> None:
    assert from_url(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CC BY-SA 4.0", [("BY-SA", "4.0", None)]),
        ("cc-by-nc-nd-3.0", [("BY-NC-ND", "3.0", None)]),
        ("Creative Commons Attribution-ShareAlike 3.0 Unported", [("BY-SA", "3.0", None)]),
        (
            "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International",
            [("BY-NC-ND", "4.0", None)],
        ),
        (
            "Creative Commons Namensnennung - Weitergabe unter gleichen Bedingungen 4.0",
            [("BY-SA", "4.0", None)],
        ),
        ("CC0", [("CC0", "1.0", None)]),
        ("Public Domain", [("PD", None, None)]),
        ("© 2020 Macmillan Publishers Limited. All Rights Reserved.", [("ARR", None, None)]),
        ("CC BY-SA", [("BY-SA", None, None)]),
        ("Copyright ACME", []),
    ],
)
def test_licence_texts(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert from_text(text) == expected


def test_rel_license_link(read_html: Reader) -> None:
    document = read_html(
        with_footer(
            'Content is available under <a rel="license" '
            'href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>.'
        )
    )
    assert document.license.spdx == "CC-BY-SA-4.0"
    assert 'rel="license" link' in document.license_evidence
    assert "in <footer>" in document.license_evidence


def test_rel_license_in_the_head(read_html: Reader) -> None:
    head = '<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">'
    assert read_html(with_footer("", head=head)).license.spdx == "CC-BY-4.0"


def test_a_badge_without_rel(read_html: Reader) -> None:
    document = read_html(
        with_footer(
            '<a href="https://creativecommons.org/licenses/by/4.0/"><img src="88x31.png"></a> '
            "Except where otherwise noted, content on this site is licensed under a Creative "
            "Commons Attribution 4.0 International license."
        )
    )
    assert document.license.spdx == "CC-BY-4.0"
    assert "Creative Commons link" in document.license_evidence


def test_a_badge_in_an_image_widget(read_html: Reader) -> None:
    document = read_html(
        with_footer(
            '<div class="widget widget_media_image"><a rel="license" '
            'href="http://creativecommons.org/licenses/by-sa/4.0/"><img src="88x31.png" '
            'alt="Creative Commons License"></a></div>'
        )
    )
    assert document.license.spdx == "CC-BY-SA-4.0"


@pytest.mark.parametrize(
    ("meta", "spdx"),
    [
        (
            '<meta name="license" content="https://creativecommons.org/licenses/by/4.0/">',
            "CC-BY-4.0",
        ),
        ('<meta name="dc.rights" content="CC BY-SA 3.0">', "CC-BY-SA-3.0"),
        (
            '<meta name="DCTERMS.license" content="https://creativecommons.org/publicdomain/zero/1.0/">',
            "CC0-1.0",
        ),
        ('<meta property="og:license" content="Public domain">', "LicenseRef-PublicDomain"),
        ('<meta name="dc.rights" content="© 2020 Publisher. All rights reserved.">', "NOASSERTION"),
    ],
)
def test_meta_tags(read_html: Reader, meta: str, spdx: str) -> None:
    assert read_html(with_footer("", head=meta)).license.spdx == spdx


def test_schema_org_json_ld(read_html: Reader) -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "ImageObject", "license": "https://creativecommons.org/licenses/by-nc/2.0/"},'
        '{"@type": "Article", "license": {"@id": "https://creativecommons.org/licenses/by/4.0/"}}'
        "]}</script>"
    )
    document = read_html(with_footer("", head=head))
    assert document.license.spdx == "CC-BY-4.0"  # the image's licence is not the article's
    assert "schema.org JSON-LD" in document.license_evidence


def test_broken_or_deep_json_ld_is_ignored(read_html: Reader) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    head = (
        f'<script type="application/ld+json">{{"license": {deep}</script>'
        f'<script type="application/ld+json">{{"license": "x", </script>'
    )
    assert read_html(with_footer("", head=head)).license is UNKNOWN_LICENSE


def test_schema_org_microdata(read_html: Reader) -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/Article">'
        f"{ARTICLE}"
        '<a itemprop="license" href="https://creativecommons.org/licenses/by-sa/4.0/">licence</a>'
        '<div itemprop="image" itemscope itemtype="https://schema.org/ImageObject">'
        '<link itemprop="license" href="https://creativecommons.org/licenses/by-nd/4.0/"></div>'
        "</div>"
    )
    assert read_html(page(body)).license.spdx == "CC-BY-SA-4.0"


def test_image_credits_are_set_aside(read_html: Reader) -> None:
    article = (
        f"<article><h1>A test page</h1><p>{FILLER}</p>"
        '<figure><img src="a.jpg"><figcaption>Photo: A. Person, <a rel="license" '
        'href="https://creativecommons.org/licenses/by-sa/2.0/">CC BY-SA 2.0</a></figcaption>'
        '</figure><p class="wp-caption-text">Graph by B <a '
        'href="https://creativecommons.org/licenses/by/2.0/">CC BY 2.0</a></p>'
        f'<p>{FILLER} Header image: the river, by C (<a href="https://creativecommons.org/'
        'licenses/by-nc-nd/2.0/">CC BY-NC-ND 2.0</a>).</p></article>'
    )
    footer = (
        "Our texts are licensed under <a "
        'href="https://creativecommons.org/licenses/by-nc-sa/4.0/">CC BY-NC-SA 4.0</a>.'
    )
    document = read_html(with_footer(footer, article=article))
    assert document.license.spdx == "CC-BY-NC-SA-4.0"
    assert document.license.status is LicenseStatus.REFUSE
    evidence = document.license_evidence
    assert evidence.count("an image credit") == 3
    assert "Set aside" in evidence


def test_links_in_comments_and_mere_mentions_are_set_aside(read_html: Reader) -> None:
    article = (
        f"<article><h1>A test page</h1><p>{FILLER} The <a href='https://creativecommons.org/"
        "licenses/by-nc/4.0/'>NC licence</a> forbids commercial use.</p></article>"
        '<section id="comments"><p>Reply: my blog is <a rel="license" '
        'href="https://creativecommons.org/licenses/by/4.0/">CC BY</a>.</p></section>'
    )
    document = read_html(page(article))
    assert document.license is UNKNOWN_LICENSE
    assert "a mention, not a licence statement" in document.license_evidence
    assert "in a reader's comment" in document.license_evidence


def test_conflicting_licences_are_unknown(read_html: Reader) -> None:
    head = '<meta name="license" content="https://creativecommons.org/licenses/by-nc/4.0/">'
    footer = '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY</a>'
    document = read_html(with_footer(footer, head=head))
    assert document.license is UNKNOWN_LICENSE
    assert "conflicting licences" in document.license_evidence


def test_a_licence_and_all_rights_reserved_conflict(read_html: Reader) -> None:
    head = '<meta name="dc.rights" content="All rights reserved">'
    footer = '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY</a>'
    document = read_html(with_footer(footer, head=head))
    assert document.license is UNKNOWN_LICENSE
    assert "all rights reserved" in document.license_evidence


def test_spellings_of_one_licence_agree(read_html: Reader) -> None:
    head = '<meta name="dc.rights" content="Creative Commons Attribution-ShareAlike">'
    footer = '<a rel="license" href="https://creativecommons.org/licenses/by-sa/3.0/">CC</a>'
    assert read_html(with_footer(footer, head=head)).license.spdx == "CC-BY-SA-3.0"


def test_a_licence_without_a_version_is_unknown(read_html: Reader) -> None:
    document = read_html(with_footer("", head='<meta name="license" content="CC BY-SA">'))
    assert document.license is UNKNOWN_LICENSE
    assert "without a version" in document.license_evidence


def test_ported_licences(read_html: Reader) -> None:
    free = read_html(
        with_footer(
            '<a rel="license" href="https://creativecommons.org/licenses/by-sa/3.0/de/">x</a>'
        )
    )
    assert free.license is UNKNOWN_LICENSE
    assert "ported licence" in free.license_evidence
    assert "CC-BY-SA-3.0" in free.license_evidence
    restricted = read_html(
        with_footer(
            '<a rel="license" href="http://creativecommons.org/licenses/by-nc/3.0/de/">x</a>'
        )
    )
    assert restricted.license.spdx == "CC-BY-NC-3.0"
    assert "DE port" in restricted.license_evidence


def test_an_unrecognised_rel_license_is_listed(read_html: Reader) -> None:
    document = read_html(with_footer('<a rel="license" href="/terms">Terms of use</a>'))
    assert document.license is UNKNOWN_LICENSE
    assert "Not recognised" in document.license_evidence
    assert "/terms" in document.license_evidence


def test_no_statement_means_unknown(read_html: Reader) -> None:
    document = read_html(page(ARTICLE))
    assert document.license is UNKNOWN_LICENSE
    assert document.license_evidence.startswith("The page states no licence.")


def test_the_operator_licence_overrides(read_html: Reader) -> None:
    document = read_html(page(ARTICLE), license=get_license("CC0-1.0"))
    assert document.license.spdx == "CC0-1.0"
    assert document.license_evidence == "given by the operator (--license)"


@pytest.mark.parametrize(
    ("url", "federal"),
    [
        ("https://www.nasa.gov/mission/apollo-11/", True),
        ("https://pubs.usgs.gov/fs/2010/3062/", True),
        ("https://www.army.mil/article/1/", True),
        ("https://www.fs.fed.us/page", True),
        ("https://www.ca.gov/page", False),
        ("https://www1.nyc.gov/page", False),
        ("https://www.jpl.nasa.gov/news", False),
        ("https://www.dot.state.tx.us/page", False),
        ("https://example.org/page", None),
    ],
)
def test_federal_hosts(url: str, federal: bool | None) -> None:
    from urllib.parse import urlsplit

    government = classify(urlsplit(url).hostname or "")
    assert (government.federal if government else None) is federal


def test_a_federal_page_is_public_domain_with_the_caveat(read_html: Reader) -> None:
    document = read_html(page(ARTICLE), source_url="https://www.nasa.gov/history/page/")
    assert document.license.spdx == "LicenseRef-PublicDomain"
    evidence = document.license_evidence
    assert "nasa.gov is a US federal government domain" in evidence
    assert "the --source-url option" in evidence
    assert "17 U.S.C. §105" in evidence
    assert "contractors" in evidence


def test_a_federal_page_found_by_its_canonical_link(read_html: Reader) -> None:
    head = '<link rel="canonical" href="https://www.cdc.gov/flu/about/index.html">'
    document = read_html(page(ARTICLE, head=head))
    assert document.license.spdx == "LicenseRef-PublicDomain"
    assert 'its <link rel="canonical">' in document.license_evidence
    assert document.source_key == "https://www.cdc.gov/flu/about/index.html"


def test_a_federal_page_that_states_a_licence_keeps_it(read_html: Reader) -> None:
    footer = '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY</a>'
    document = read_html(with_footer(footer), source_url="https://www.nih.gov/page")
    assert document.license.spdx == "CC-BY-4.0"


def test_a_state_page_is_unknown(read_html: Reader) -> None:
    document = read_html(page(ARTICLE), source_url="https://www.dmv.ca.gov/portal/")
    assert document.license is UNKNOWN_LICENSE
    assert "ca.gov is a .gov domain not known here as federal" in document.license_evidence
