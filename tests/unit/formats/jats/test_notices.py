"""Retractions, corrections and expressions of concern are flagged as notices (banners), in
both directions: the notice names the article it is about, and an article that links forward to
its notice says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.formats.jats.conftest import CORPUS, article_xml, needs_corpus, read_one, read_xml


@needs_corpus
@pytest.mark.parametrize(
    ("name", "notice"),
    [
        (
            "plos_allofplos/journal.pcbi.0030158.xml",
            "Retraction: this notice retracts the article “Measures of Clade Confidence Do Not "
            "Correlate with Accuracy of Phylogenetic Trees” "
            "(https://doi.org/10.1371/journal.pcbi.0030051).",
        ),
        (
            "plos_allofplos/plos.correction.3155a3e9-5fbe-435c-a07a-e9a4846ec0b6.xml",
            "Retraction: this notice retracts the article “De Novo Transcriptomic Analysis of an "
            "Oleaginous Microalga: Pathway Description and Gene Discovery for Production of "
            "Next-Generation Biofuels” (https://doi.org/10.1371/journal.pone.0035142).",
        ),
        (
            "plos_allofplos/journal.pone.0108198.xml",
            "Correction: this notice corrects the article “Macrophage Control of Phagocytosed "
            "Mycobacteria Is Increased by Factors Secreted by Alveolar Epithelial Cells through "
            "Nitric Oxide Independent Mechanisms” (https://doi.org/10.1371/journal.pone.0103411).",
        ),
        (
            "elife_tools/elife07586.xml",
            "Correction: this notice corrects the article (https://doi.org/10.7554/eLife.04525).",
        ),
    ],
)
def test_corpus_notices(name: str, notice: str) -> None:
    assert read_one(CORPUS / name).notices == (notice,)


@needs_corpus
def test_ordinary_articles_and_companions_have_no_notice() -> None:
    for name in ("journal.pbio.0020188.xml", "journal.pmed.0030445.xml"):  # companion articles
        assert read_one(CORPUS / "plos_allofplos" / name).notices == ()


def _related(kind: str, doi: str = "10.5555/other.1", title: str = "The other") -> str:
    return (
        f'<related-article related-article-type="{kind}" ext-link-type="doi" '
        f'xlink:href="{doi}"><article-title>{title}</article-title></related-article>'
    )


@pytest.mark.parametrize(
    ("article_type", "kind", "title", "notice"),
    [
        (
            "research-article",
            "retraction-forward",
            "Findings",
            "Retracted: this article has been retracted; see the retraction notice "
            "(https://doi.org/10.5555/other.1).",
        ),
        (
            "research-article",
            "correction-forward",
            "Findings",
            "Corrected: a correction to this article has been published "
            "(https://doi.org/10.5555/other.1).",
        ),
        (
            "expression-of-concern",
            "object-of-concern",
            "Expression of concern: Findings",
            "Expression of concern: this notice raises concerns about the article “The other” "
            "(https://doi.org/10.5555/other.1).",
        ),
        (
            "research-article",
            "concern-forward",
            "Findings",
            "Expression of concern: the publisher has raised concerns about this article "
            "(https://doi.org/10.5555/other.1).",
        ),
        (
            "partial-retraction",
            "partial-retraction",
            "Partial retraction: Findings",
            "Partial retraction: this notice partly retracts the article “The other” "
            "(https://doi.org/10.5555/other.1).",
        ),
    ],
)
def test_notices_from_related_articles(
    tmp_path: Path, article_type: str, kind: str, title: str, notice: str
) -> None:
    xml = article_xml(article_type=article_type, title=title, related=_related(kind))
    assert read_xml(tmp_path, xml).notices == (notice,)


def test_a_notice_known_only_by_its_title(tmp_path: Path) -> None:
    xml = article_xml(article_type="other", title="Retraction: Findings")
    assert read_xml(tmp_path, xml).notices == (
        "Retraction: this is a retraction notice about an earlier article.",
    )
