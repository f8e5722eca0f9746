"""The account pages through the real views: sign up, log in and out, passwords, profile."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from cyclopedia.apps.accounts.roles import Role
from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.formats.base import ReadOptions
from tests.apps.accounts.conftest import PASSWORD, MakeUser
from tests.apps.helpers import import_file
from tests.conftest import SEED, SEED_URL

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a quite different phrase"


def signup(client: Client, username: str = "newcomer", **extra: str):  # type: ignore[no-untyped-def]
    data = {
        "username": username,
        "email": f"{username}@example.org" if username.isascii() else "someone@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }
    return client.post("/accounts/signup", data)


def test_signup_page_links_the_terms(client: Client) -> None:
    response = client.get("/accounts/signup")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/terms"' in html
    assert 'name="password2"' in html


def test_signup_creates_a_contributor_and_logs_in(client: Client) -> None:
    response = signup(client)
    assert response.status_code == 302
    assert response["Location"] == "/"
    user = User.objects.get(username="newcomer")
    assert user.profile.role == Role.CONTRIBUTOR
    assert client.session["_auth_user_id"] == str(user.pk)
    page = client.get("/").content.decode()
    assert 'href="/user/newcomer"' in page
    assert 'action="/accounts/logout"' in page


def test_signup_ignores_a_forged_role(client: Client) -> None:
    signup(client, role="administrator", is_superuser="1")
    user = User.objects.get(username="newcomer")
    assert user.profile.role == Role.CONTRIBUTOR
    assert not user.is_superuser


def test_signup_refuses_weak_passwords_with_the_validators_messages(client: Client) -> None:
    for weak, message in [
        ("short", "too short"),
        ("password123", "too common"),
        ("3141592653589793", "entirely numeric"),
        ("newcomer-newcomer", "too similar"),
    ]:
        response = signup(client, password1=weak, password2=weak)
        assert response.status_code == 200, weak
        assert message in response.content.decode(), weak
    assert not User.objects.exists()


def test_signup_refuses_mismatched_passwords(client: Client) -> None:
    response = signup(client, password2=PASSWORD + "x")
    assert "didn’t match" in response.content.decode()
    assert not User.objects.exists()


def test_anonymous_nav_offers_login_and_signup(client: Client) -> None:
    html = client.get("/about").content.decode()
    assert 'href="/accounts/login?next=/about"' in html
    assert 'href="/accounts/signup"' in html
    assert "Log out" not in html


def test_login_and_logout(client: Client, make_user: MakeUser) -> None:
    make_user("alice")
    response = client.post("/accounts/login", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" in client.session
    response = client.post("/accounts/logout")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_change(client: Client, make_user: MakeUser) -> None:
    user = make_user("alice")
    client.force_login(user)
    response = client.post(
        "/accounts/password/change",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/change/done"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert "_auth_user_id" in client.session  # still logged in here
    assert client.get("/accounts/password/change/done").status_code == 200


def test_password_change_applies_the_validators(client: Client, make_user: MakeUser) -> None:
    client.force_login(make_user("alice"))
    response = client.post(
        "/accounts/password/change",
        {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"},
    )
    assert response.status_code == 200
    assert "too short" in response.content.decode()


def test_password_change_needs_login(client: Client) -> None:
    response = client.get("/accounts/password/change")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login?next=")


def test_password_reset_by_email(client: Client, make_user: MakeUser) -> None:
    user = make_user("alice", email="alice@example.org")
    response = client.post("/accounts/password/reset", {"email": "ALICE@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    assert not message.alternatives  # plain text only
    assert '"alice"' in message.body
    link = re.search(r"http://testserver(/accounts/password/reset/\S+)", message.body)
    assert link
    response = client.get(link.group(1), follow=True)
    assert response.status_code == 200
    assert b"Choose a new password" in response.content
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == "/accounts/password/reset/done"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # The link works once.
    assert b"not valid" in client.get(link.group(1), follow=True).content


def test_profile_lists_published_contributions(client: Client, make_user: MakeUser) -> None:
    user = make_user("alice")
    other = make_user("bob")
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    article = Article.objects.get()
    Revision.objects.filter(pk=article.published_revision_id).update(
        author=user, summary="Fixed the infobox"
    )
    response = client.get("/user/alice")
    assert response.status_code == 200
    html = response.content.decode()
    assert article.title in html
    assert "Fixed the infobox" in html
    assert "1 revision," in html
    assert "Your settings" not in html
    assert "No published contributions" in client.get("/user/bob").content.decode()
    client.force_login(other)
    assert "Your settings" in client.get("/user/bob").content.decode()


def test_profile_of_unknown_user_is_404(client: Client) -> None:
    assert client.get("/user/nobody").status_code == 404


def test_profile_shows_the_role_of_staff(client: Client, make_user: MakeUser) -> None:
    make_user("rev", role=Role.REVIEWER)
    assert "Reviewer" in client.get("/user/rev").content.decode()


def test_settings_save_notification_choices(client: Client, make_user: MakeUser) -> None:
    user = make_user("alice")
    client.force_login(user)
    html = client.get("/accounts/settings").content.decode()
    assert "notify_decisions" in html
    assert "notify_submissions" not in html  # reviewers only
    response = client.post("/accounts/settings", {"notify_submissions": "on"})
    assert response.status_code == 302
    user.profile.refresh_from_db()
    assert not user.profile.notify_decisions
    assert user.profile.notify_submissions  # not a contributor's to change
    assert response["Location"] == "/accounts/settings?saved=1"
    assert "are saved" in client.get(response["Location"]).content.decode()
    assert "are saved" not in client.get("/accounts/settings").content.decode()


def test_reviewer_settings_include_submissions(client: Client, make_user: MakeUser) -> None:
    reviewer = make_user("rev", role=Role.REVIEWER)
    client.force_login(reviewer)
    assert "notify_submissions" in client.get("/accounts/settings").content.decode()
    client.post("/accounts/settings", {"notify_decisions": "on"})
    reviewer.profile.refresh_from_db()
    assert reviewer.profile.notify_decisions
    assert not reviewer.profile.notify_submissions


def test_settings_need_login(client: Client) -> None:
    assert client.get("/accounts/settings")["Location"].startswith("/accounts/login?next=")
