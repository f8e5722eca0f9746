"""Users and articles for the editorial tests."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from cyclopedia.apps.accounts.roles import Role
from cyclopedia.apps.accounts.services import user_create
from cyclopedia.apps.articles.models import Article
from cyclopedia.apps.articles.services import article_import_document, source_get_or_create
from cyclopedia.document import Attribution, Document, get_license

PASSWORD = "correct horse battery staple 42"


def make_user(name: str, role: Role = Role.CONTRIBUTOR, email: str = "") -> User:
    return user_create(
        username=name, password=PASSWORD, email=email or f"{name}@example.org", role=role
    )


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def imported_article(title: str = "Basra", body: str = "") -> Article:
    """An article imported from a wiki, as a dump import makes it."""
    text = body or (
        f"{title} is a city in Iraq.\n\nIt lies on the Shatt al-Arab.\n\n"
        "Its port is the country's main port.\n"
    )
    document = Document(
        title=title,
        body=text,
        attribution=Attribution(
            source_title=title,
            source_name="Wikipedia (English)",
            source_url=f"https://en.wikipedia.org/wiki/{title}",
            history_url=f"https://en.wikipedia.org/w/index.php?title={title}&action=history",
        ),
        license=get_license("CC-BY-SA-4.0"),
        license_evidence="test fixture",
        source_key=title,
    )
    source = source_get_or_create(name="Wikipedia (English)", kind="mediawiki")
    article_import_document(document=document, source=source)
    return Article.objects.get(title=title)


@pytest.fixture
def alice(db: Any) -> User:
    return make_user("alice")


@pytest.fixture
def bob(db: Any) -> User:
    return make_user("bob")


@pytest.fixture
def rita(db: Any) -> User:
    return make_user("rita", Role.REVIEWER)


@pytest.fixture
def rex(db: Any) -> User:
    return make_user("rex", Role.REVIEWER)
