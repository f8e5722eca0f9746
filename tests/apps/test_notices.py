"""Notices (retractions, corrections) are banners above the article, kept per revision."""

from __future__ import annotations

import lxml.html
import pytest
from django.test import Client

from cyclopedia.apps.articles.models import Article
from cyclopedia.apps.articles.services import article_import_document, source_get_or_create
from cyclopedia.document import Attribution, Document, get_license

pytestmark = pytest.mark.django_db

RETRACTED = "Retraction: this article was retracted on 2024-05-01 (doi:10.1234/r) <b>x</b>."


def publish(notices: tuple[str, ...]) -> None:
    document = Document(
        title="A study",
        body="Findings.",
        notices=notices,
        attribution=Attribution(source_title="A study", source_url="https://doi.org/10.1234/s"),
        license=get_license("CC-BY-4.0"),
    )
    article_import_document(document=document, source=source_get_or_create(name="J", kind="jats"))


def banners(client: Client, query: str = "") -> list[str]:
    page = lxml.html.fromstring(client.get("/wiki/A_study" + query).content)
    return [" ".join(p.text_content().split()) for p in page.xpath("//p[@role='note']")]


def test_a_retraction_is_a_banner_as_plain_text(client: Client) -> None:
    publish((RETRACTED,))
    assert banners(client) == ["Notice: " + RETRACTED]
    response = client.get("/wiki/A_study")
    assert b"<b>x</b>" not in response.content  # shown as text, never as markup


def test_each_revision_keeps_its_own_notices(client: Client) -> None:
    publish(())
    first = Article.objects.get().published_revision_id
    publish((RETRACTED,))
    assert banners(client) == ["Notice: " + RETRACTED]
    old = banners(client, f"?oldid={first}")
    assert all("Retraction" not in banner for banner in old)
