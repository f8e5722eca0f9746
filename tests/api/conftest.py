"""Users, tokens, articles and a JSON client for the API tests."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from cyclopedia.apps.accounts.roles import Role
from cyclopedia.apps.accounts.services import user_create
from cyclopedia.apps.api.services import token_create
from cyclopedia.apps.articles.models import Article
from cyclopedia.apps.articles.services import (
    alias_import,
    article_import_document,
    source_get_or_create,
)
from cyclopedia.document import (
    Attribution,
    Document,
    Infobox,
    InfoboxField,
    Reference,
    get_license,
)

PASSWORD = "correct horse battery staple 42"
WIKI = "Wikipedia (English)"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings: Any) -> None:
    """Templates resolve static URLs without a collectstatic manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def make_user(name: str, role: Role = Role.CONTRIBUTOR) -> User:
    return user_create(username=name, password=PASSWORD, email=f"{name}@example.org", role=role)


def publish(
    title: str,
    body: str = "",
    *,
    source: str = WIKI,
    license: str = "CC-BY-SA-4.0",
    language: str = "en",
    aliases: tuple[str, ...] = (),
    categories: tuple[str, ...] = (),
    infobox: Infobox | None = None,
    timestamp: dt.datetime | None = None,
) -> Article:
    """An article imported from a wiki, as a dump import makes it."""
    document = Document(
        title=title,
        body=body or f"{title} is a city in Iraq.\n\nIt lies on the Shatt al-Arab.[^1]\n",
        references=()
        if body
        else (Reference(label="1", text="A gazetteer", url="https://example.org/gazetteer"),),
        aliases=aliases,
        categories=categories,
        infobox=infobox,
        language=language,
        attribution=Attribution(
            source_title=title,
            source_name=source,
            source_url=f"https://en.wikipedia.org/wiki/{title.replace(' ', '_')}",
            revision_url=f"https://en.wikipedia.org/w/index.php?title={title}&oldid=1",
            history_url=f"https://en.wikipedia.org/w/index.php?title={title}&action=history",
            source_timestamp=timestamp or dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
        ),
        license=get_license(license),
        license_evidence="test fixture",
        source_key=title,
    )
    kind = "mediawiki" if source == WIKI else "web"
    article_import_document(document=document, source=source_get_or_create(name=source, kind=kind))
    return Article.objects.get(title=title)


def withdraw(article: Article, target: str) -> None:
    """The source's page became a redirect: the article is withdrawn (unpublished)."""
    revision = article.published_revision
    assert revision is not None
    alias_import(
        title=article.title,
        target=target,
        source=revision.source,
        timestamp=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
    )
    article.refresh_from_db()
    assert article.published_revision_id is None


def infobox_born() -> Infobox:
    return Infobox(
        title="Someone",
        fields=(
            InfoboxField("Born", "1974, Sadr City, Baghdad, Iraq"),
            InfoboxField("Arrested", "2007-03-20, Basra"),
        ),
    )


class Api:
    """A test client speaking JSON, with an optional token."""

    def __init__(self, token: str | None = None, **extra: str) -> None:
        self.client = Client(**extra)
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(
        self, path: str, params: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> Any:
        return self.client.get(path, params or {}, headers={**self.headers, **(headers or {})})

    def send(self, method: str, path: str, body: Any, **headers: str) -> Any:
        call = getattr(self.client, method)
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return call(
            path, data, content_type="application/json", headers={**self.headers, **headers}
        )

    def post(self, path: str, body: Any = None, **headers: str) -> Any:
        return self.send("post", path, {} if body is None else body, **headers)

    def put(self, path: str, body: Any, **headers: str) -> Any:
        return self.send("put", path, body, **headers)


def body(response: Any) -> Any:
    assert response["Content-Type"] == "application/json", response["Content-Type"]
    return json.loads(response.content)


def secret(user: User, scope: str = "read", name: str = "script") -> str:
    return token_create(user=user, name=name, scope=scope).secret


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
def anonymous() -> Api:
    return Api()
