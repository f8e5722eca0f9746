"""Account protections (POLICY.md §4, Accounts; issue 6 acceptance): each test fails without its
protection."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.apps.accounts.conftest import PASSWORD, MakeUser

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login"


def attempt(client: Client, username: str, password: str, address: str = "10.0.0.1"):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


# Argon2


def test_passwords_are_hashed_with_argon2(make_user: MakeUser) -> None:
    user = make_user("alice")
    assert user.password.startswith("argon2$argon2id$")
    assert User.objects.get(pk=user.pk).check_password(PASSWORD)


# Throttling: per account, per address, a cool-off, reset on success


def test_account_is_locked_after_failures_from_any_address(
    client: Client, make_user: MakeUser
) -> None:
    make_user("alice")
    for n in range(4):
        assert attempt(client, "alice", "wrong guess", address=f"10.0.1.{n}").status_code == 200
    # The fifth failure locks the account, and says so.
    assert attempt(client, "alice", "wrong guess", address="10.0.1.9").status_code == 429
    response = attempt(client, "alice", PASSWORD, address="10.0.2.1")
    assert response.status_code == 429
    assert not logged_in(client)
    html = response.content.decode()
    assert "Too many log-in attempts" in html
    assert "Try again in\n15 minutes" in html
    assert 'class="site-header"' in html  # the site's own page, not a bare string
    # Another account is not affected by alice's lock.
    make_user("bob")
    assert attempt(client, "bob", PASSWORD, address="10.0.2.1").status_code == 302


def test_address_is_locked_after_failures_on_any_account(
    client: Client, make_user: MakeUser
) -> None:
    make_user("alice")
    for n in range(5):
        attempt(client, f"guess{n}", "wrong guess", address="192.0.2.7")
    assert attempt(client, "alice", PASSWORD, address="192.0.2.7").status_code == 429
    assert not logged_in(client)
    # The same account from another address is fine: the two locks are separate.
    assert attempt(client, "alice", PASSWORD, address="192.0.2.8").status_code == 302
    assert logged_in(client)


def test_lock_lifts_after_the_cool_off(client: Client, make_user: MakeUser) -> None:
    make_user("alice")
    for _ in range(5):
        attempt(client, "alice", "wrong guess")
    assert attempt(client, "alice", PASSWORD).status_code == 429
    # Travel 16 minutes forward: the recorded failures are older than the 15-minute cool-off.
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))
    assert attempt(client, "alice", PASSWORD).status_code == 302
    assert logged_in(client)


def test_success_resets_the_failure_count(client: Client, make_user: MakeUser) -> None:
    make_user("alice")
    for _ in range(4):
        attempt(client, "alice", "wrong guess")
    assert attempt(client, "alice", PASSWORD).status_code == 302
    client.post("/accounts/logout")
    for _ in range(4):
        attempt(client, "alice", "wrong guess")
    assert attempt(client, "alice", PASSWORD).status_code == 302


def test_failures_are_kept_in_the_database() -> None:
    from django.conf import settings

    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    client = Client()
    attempt(client, "someone", "wrong guess")
    assert AccessAttempt.objects.filter(username="someone").exists()


def test_behind_a_proxy_the_forwarded_address_counts(
    client: Client, make_user: MakeUser, settings: object
) -> None:
    settings.PROXY_COUNT = 1  # type: ignore[attr-defined]
    make_user("alice")
    for n in range(5):
        client.post(
            LOGIN,
            {"username": f"guess{n}", "password": "x"},
            REMOTE_ADDR="10.9.9.9",
            HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.1",
        )
    proxied = {"REMOTE_ADDR": "10.9.9.9", "HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    response = client.post(LOGIN, {"username": "alice", "password": PASSWORD}, **proxied)  # type: ignore[arg-type]
    assert response.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.1"}


# No user enumeration


def test_login_failure_is_the_same_for_unknown_user_and_wrong_password(
    client: Client, make_user: MakeUser
) -> None:
    make_user("alice")
    wrong = attempt(client, "alice", "wrong guess", address="10.0.0.1")
    unknown = attempt(client, "nosuchuser", "wrong guess", address="10.0.0.2")
    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].errors == unknown.context["form"].errors
    assert (
        "correct user" in str(wrong.context["form"].errors).lower()
        or wrong.context["form"].non_field_errors()
    )


def test_throttling_is_the_same_for_unknown_and_known_accounts(
    client: Client, make_user: MakeUser
) -> None:
    make_user("alice")
    outcomes = {}
    for name in ("alice", "nosuchuser"):
        codes = [
            attempt(client, name, "wrong guess", address=f"10.{len(name)}.0.{n}").status_code
            for n in range(6)
        ]
        outcomes[name] = codes
    assert outcomes["alice"] == outcomes["nosuchuser"] == [200] * 4 + [429] * 2


def test_password_reset_says_the_same_for_any_address(client: Client, make_user: MakeUser) -> None:
    make_user("alice", email="alice@example.org")
    known = client.post("/accounts/password/reset", {"email": "alice@example.org"}, follow=True)
    unknown = client.post("/accounts/password/reset", {"email": "nobody@example.org"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content
    assert [message.to for message in mail.outbox] == [["alice@example.org"]]


def test_signup_does_not_reveal_registered_addresses(client: Client, make_user: MakeUser) -> None:
    make_user("alice", email="alice@example.org")
    response = client.post(
        "/accounts/signup",
        {
            "username": "mallory",
            "email": "alice@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302  # accepted like any other address
    assert User.objects.filter(email="alice@example.org").count() == 2


# Sessions and CSRF


def test_session_key_rotates_on_login(client: Client, make_user: MakeUser) -> None:
    make_user("alice")
    session = client.session
    session["planted"] = "by an attacker"
    session.save()
    before = session.session_key
    client.cookies["sessionid"] = before
    attempt(client, "alice", PASSWORD)
    assert logged_in(client)
    assert client.session.session_key != before


def test_session_key_rotates_on_signup(client: Client) -> None:
    session = client.session
    session["planted"] = "x"
    session.save()
    before = session.session_key
    client.cookies["sessionid"] = before
    client.post(
        "/accounts/signup",
        {
            "username": "newcomer",
            "email": "n@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert logged_in(client)
    assert client.session.session_key != before


SIGNUP = {"username": "x1", "email": "x@example.org", "password1": PASSWORD, "password2": PASSWORD}
CHANGE = {
    "old_password": PASSWORD,
    "new_password1": "a new phrase",
    "new_password2": "a new phrase",
}


@pytest.mark.parametrize(
    ("url", "data", "needs_login"),
    [
        ("/accounts/signup", SIGNUP, False),
        ("/accounts/login", {"username": "alice", "password": PASSWORD}, False),
        ("/accounts/logout", {}, True),
        ("/accounts/password/change", CHANGE, True),
        ("/accounts/password/reset", {"email": "alice@example.org"}, False),
        ("/accounts/settings", {"notify_decisions": ""}, True),
    ],
)
def test_csrf_is_enforced_on_every_post(
    make_user: MakeUser, url: str, data: dict[str, str], needs_login: bool
) -> None:
    alice = make_user("alice", email="alice@example.org")
    client = Client(enforce_csrf_checks=True)
    if needs_login:
        client.force_login(alice)
    response = client.post(url, data)
    assert response.status_code == 403
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
    assert alice.profile.notify_decisions
    assert logged_in(client) == needs_login
    assert not User.objects.filter(username="x1").exists()
    assert not mail.outbox


def test_post_with_the_token_passes_csrf(make_user: MakeUser) -> None:
    make_user("alice")
    client = Client(enforce_csrf_checks=True)
    client.get(LOGIN)
    token = client.cookies["csrftoken"].value
    response = client.post(
        LOGIN, {"username": "alice", "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_logout_is_post_only(client: Client, make_user: MakeUser) -> None:
    client.force_login(make_user("alice"))
    assert client.get("/accounts/logout").status_code == 405
    assert logged_in(client)
    client.post("/accounts/logout")
    assert not logged_in(client)


# Safe next=


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "http://evil.example/wiki/X",
        "//evil.example",
        "///evil.example",
        "https:evil.example",
        "javascript:alert(1)",
        "\\\\evil.example",
        "/\\evil.example",
        " //evil.example",
    ],
)
def test_unsafe_next_falls_back_to_home(client: Client, make_user: MakeUser, target: str) -> None:
    make_user("alice")
    response = client.post(
        f"{LOGIN}?next={quote(target)}", {"username": "alice", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    client.post("/accounts/logout")
    signup = client.post(
        f"/accounts/signup?next={quote(target)}",
        {"username": "bob", "email": "b@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert signup["Location"] == "/"


def test_local_next_is_followed(client: Client, make_user: MakeUser) -> None:
    make_user("alice")
    response = client.post(
        f"{LOGIN}?next=/wiki/Some_article%3Foldid%3D3", {"username": "alice", "password": PASSWORD}
    )
    assert response["Location"] == "/wiki/Some_article?oldid=3"
    client.post("/accounts/logout")
    response = client.post(
        "/accounts/signup?next=/about",
        {"username": "bob", "email": "b@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response["Location"] == "/about"


def test_next_is_carried_in_the_login_form(client: Client) -> None:
    html = client.get(f"{LOGIN}?next=/about").content.decode()
    assert '<input type="hidden" name="next" value="/about">' in html
