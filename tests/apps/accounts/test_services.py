"""Creating users, roles and the questions other apps ask (roles.py, services.py, selectors.py)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ValidationError

from cyclopedia.apps.accounts.models import Profile, RoleChange
from cyclopedia.apps.accounts.roles import Role, can_review, is_administrator, role_of
from cyclopedia.apps.accounts.selectors import profile_of, reviewers_to_notify
from cyclopedia.apps.accounts.services import (
    profile_notifications_set,
    user_create,
    user_role_set,
)
from cyclopedia.apps.accounts.usernames import username_key

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def test_user_create_makes_the_user_and_profile() -> None:
    user = user_create(username="Ada_Lovelace", password=PASSWORD, email="Ada@Example.ORG")
    assert user.check_password(PASSWORD)
    assert user.email == "Ada@example.org"
    assert user.profile.role == Role.CONTRIBUTOR
    assert user.profile.notify_decisions
    assert user.profile.notify_submissions
    assert role_of(user) == Role.CONTRIBUTOR
    assert not can_review(user)
    assert not is_administrator(user)


def test_user_create_reports_every_field() -> None:
    with pytest.raises(ValidationError) as caught:
        user_create(username="a\u202eb", password="123", email="not an address")
    errors = caught.value.message_dict
    assert "direction" in errors["username"][0]
    assert errors["email"]
    assert any("too short" in message for message in errors["password"])
    assert not User.objects.exists()


def test_user_create_refuses_unknown_role() -> None:
    with pytest.raises(ValidationError) as caught:
        user_create(username="someone", password=PASSWORD, role="emperor")  # type: ignore[arg-type]
    assert "role" in caught.value.message_dict


# "рора" is all Cyrillic: not mixed, yet it reads as the Latin "popa".
@pytest.mark.parametrize("lookalike", ["popa", "POPA", "Popa", "рора", "ＰＯＰＡ", "pорa"])
def test_names_taken_whatever_the_case_or_script(lookalike: str) -> None:
    user_create(username="popa", password=PASSWORD)
    with pytest.raises(ValidationError) as caught:
        user_create(username=lookalike, password=PASSWORD)
    message = caught.value.message_dict["username"][0]
    assert "taken" in message or "look alike" in message
    assert User.objects.count() == 1


def test_same_email_is_allowed() -> None:
    user_create(username="first", password=PASSWORD, email="shared@example.org")
    user_create(username="second", password=PASSWORD, email="shared@example.org")
    assert User.objects.filter(email="shared@example.org").count() == 2


def test_roles() -> None:
    reviewer = user_create(username="rev", password=PASSWORD, role=Role.REVIEWER)
    admin = user_create(username="boss", password=PASSWORD, role=Role.ADMINISTRATOR)
    assert role_of(AnonymousUser()) is None
    assert role_of(None) is None
    assert can_review(reviewer)
    assert not is_administrator(reviewer)
    assert can_review(admin)
    assert is_administrator(admin)
    reviewer.is_active = False
    assert not can_review(reviewer)


def test_superuser_without_profile_is_administrator() -> None:
    root = User.objects.create_superuser("rootish", "r@example.org", PASSWORD)
    plain = User.objects.create_user("plain", "p@example.org", PASSWORD)
    assert role_of(root) == Role.ADMINISTRATOR
    assert is_administrator(root)
    assert role_of(plain) == Role.CONTRIBUTOR
    assert not can_review(plain)
    assert profile_of(plain).role == Role.CONTRIBUTOR
    assert Profile.objects.get(user=plain).username_key == username_key("plain")


def test_role_changes_are_recorded() -> None:
    user = user_create(username="grace", password=PASSWORD)
    boss = user_create(username="boss", password=PASSWORD, role=Role.ADMINISTRATOR)
    change = user_role_set(user=user, role=Role.REVIEWER, changed_by=boss, via="web")
    assert change is not None
    assert (change.old_role, change.new_role) == ("contributor", "reviewer")
    assert change.changed_by == boss
    assert user_role_set(user=user, role=Role.REVIEWER) is None
    user.refresh_from_db()
    assert can_review(user)
    assert RoleChange.objects.filter(user=user).count() == 1


def test_demoting_a_superuser_clears_the_flag() -> None:
    root = User.objects.create_superuser("rootish", "r@example.org", PASSWORD)
    user_role_set(user=root, role=Role.CONTRIBUTOR)
    root.refresh_from_db()
    assert not root.is_superuser
    assert not root.is_staff
    assert role_of(root) == Role.CONTRIBUTOR


def test_reviewers_to_notify() -> None:
    wants = user_create(username="wants", password=PASSWORD, email="w@example.org", role="reviewer")
    admin = user_create(
        username="chief", password=PASSWORD, email="c@example.org", role=Role.ADMINISTRATOR
    )
    quiet = user_create(username="quiet", password=PASSWORD, email="q@example.org", role="reviewer")
    profile_notifications_set(user=quiet, notify_decisions=True, notify_submissions=False)
    user_create(username="noaddress", password=PASSWORD, role=Role.REVIEWER)
    user_create(username="writer", password=PASSWORD, email="x@example.org")
    gone = user_create(username="gone", password=PASSWORD, email="g@example.org", role="reviewer")
    gone.is_active = False
    gone.save()
    root = User.objects.create_superuser("rootish", "r@example.org", PASSWORD)
    assert reviewers_to_notify() == [admin, root, wants]
