"""API tokens: made and revoked on one's own profile page, stored as hashes, scoped."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from cyclopedia.apps.api.models import ApiToken

from .conftest import Api, body, secret

pytestmark = pytest.mark.django_db

SECRET = re.compile(r"cyc_[0-9a-f]{12}_[A-Za-z0-9_-]{43}")


def browser(user: User, **extra: bool) -> Client:
    client = Client(**extra)
    client.force_login(user)
    return client


def test_make_a_token_on_the_profile_page_see_it_once_use_it(alice: User) -> None:
    client = browser(alice)
    page = client.get("/user/alice").content.decode()
    assert 'id="api-tokens"' in page
    assert "You have no API tokens." in page
    response = client.post("/api/tokens/create", {"name": "my script", "scope": "write"})
    assert response.status_code == 302
    assert response["Location"] == "/user/alice#api-tokens"
    page = client.get("/user/alice").content.decode()
    (shown,) = SECRET.findall(page)
    assert "my script" in page
    # Shown once: the next view has only its name.
    assert not SECRET.findall(client.get("/user/alice").content.decode())
    token = ApiToken.objects.get()
    assert token.scope == "write"
    assert token.user == alice
    assert token.token_hash == hashlib.sha256(shown.encode()).hexdigest()
    assert shown not in str(ApiToken.objects.values_list())  # only the hash is kept
    assert body(Api(shown).get("/api/v1/submissions"))["count"] == 0
    token.refresh_from_db()
    assert token.last_used is not None


def test_the_section_is_on_ones_own_profile_only(alice: User, bob: User) -> None:
    secret(alice)
    assert 'id="api-tokens"' not in browser(bob).get("/user/alice").content.decode()
    assert 'id="api-tokens"' not in Client().get("/user/alice").content.decode()


def test_revoke_and_the_token_stops_working(alice: User, bob: User) -> None:
    made = secret(alice, "write")
    token = ApiToken.objects.get()
    assert Api(made).get("/api/v1/submissions").status_code == 200
    # Someone else cannot revoke it.
    response = browser(bob).post(f"/api/tokens/{token.pk}/revoke")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked is None
    response = browser(alice).post(f"/api/tokens/{token.pk}/revoke")
    assert response["Location"] == "/user/alice#api-tokens"
    token.refresh_from_db()
    assert token.revoked is not None
    refused = Api(made).get("/api/v1/submissions")
    assert refused.status_code == 401
    assert "not valid" in body(refused)["error"]
    # Reads that need no token still refuse a revoked one: the caller should know.
    assert Api(made).get("/api/v1/articles").status_code == 401
    assert "revoked" in browser(alice).get("/user/alice").content.decode()


def test_the_forms_need_post_csrf_and_a_login(alice: User) -> None:
    assert browser(alice).get("/api/tokens/create").status_code == 405
    strict = browser(alice, enforce_csrf_checks=True)
    assert strict.post("/api/tokens/create", {"name": "x", "scope": "read"}).status_code == 403
    anonymous = Client().post("/api/tokens/create", {"name": "x", "scope": "read"})
    assert anonymous.status_code == 302
    assert "/accounts/login" in anonymous["Location"]
    assert ApiToken.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "scope", "message"),
    [("", "read", "Give the token a name"), ("x", "admin", "scope must be read or write")],
)
def test_bad_token_forms_say_why(alice: User, name: str, scope: str, message: str) -> None:
    client = browser(alice)
    client.post("/api/tokens/create", {"name": name, "scope": scope})
    assert message in client.get("/user/alice").content.decode()
    assert ApiToken.objects.count() == 0


@pytest.mark.parametrize(
    "header",
    [
        "Bearer nonsense",
        "Bearer cyc_000000000000_xxxx",
        "Basic YWxpY2U6cGFzcw==",
        "Bearer ",
        "Bearer \x00",
    ],
)
def test_bad_tokens_are_refused_with_401(alice: User, header: str) -> None:
    response = Client().get("/api/v1/articles", headers={"Authorization": header})
    assert response.status_code == 401
    assert body(response)["error"]


def test_an_inactive_users_tokens_stop_working(alice: User) -> None:
    made = secret(alice)
    alice.is_active = False
    alice.save()
    assert Api(made).get("/api/v1/articles").status_code == 401
