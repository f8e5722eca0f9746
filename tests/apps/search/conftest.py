"""Publishing articles for the search tests, through the real import path."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cyclopedia.apps.articles.models import Article
from cyclopedia.apps.articles.services import article_import_document, source_get_or_create
from cyclopedia.document import Attribution, Document, get_license

Publish = Callable[..., Article]


@pytest.fixture
def publish(db: None) -> Publish:
    def make(
        title: str,
        body: str,
        *,
        source: str = "Test wiki",
        license: str = "CC-BY-SA-4.0",
        **kwargs: object,
    ) -> Article:
        document = Document(
            title=title,
            body=body,
            attribution=Attribution(
                source_title=title, source_url="https://example.org/" + title.replace(" ", "_")
            ),
            license=get_license(license),
            **kwargs,  # type: ignore[arg-type]
        )
        article_import_document(
            document=document, source=source_get_or_create(name=source, kind="text")
        )
        return Article.objects.get(title=title)

    return make
