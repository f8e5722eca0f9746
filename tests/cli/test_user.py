"""``cyclopedia user``: create with a role (prompting for what is missing), change a role, list."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User

from cyclopedia.apps.accounts.models import RoleChange
from cyclopedia.apps.accounts.roles import Role, can_review, is_administrator, role_of
from cyclopedia.cli.main import cli

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery staple"


def test_create_with_every_option() -> None:
    result = CliRunner().invoke(
        cli,
        ["user", "create", "Grace", "--role", "reviewer", "--email", "g@example.org",
         "--password", PASSWORD],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Created Grace (reviewer)" in result.output
    user = User.objects.get(username="Grace")
    assert user.email == "g@example.org"
    assert user.password.startswith("argon2")
    assert can_review(user)


def test_create_prompts_for_what_is_missing_password_hidden_and_confirmed() -> None:
    result = CliRunner().invoke(
        cli,
        ["user", "create", "boss", "--role", "administrator"],
        input=f"boss@example.org\n{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "Password:" in result.output
    assert "Repeat for confirmation:" in result.output
    assert PASSWORD not in result.output  # hidden
    user = User.objects.get(username="boss")
    assert user.email == "boss@example.org"
    assert is_administrator(user)


def test_mismatched_confirmation_asks_again() -> None:
    result = CliRunner().invoke(
        cli,
        ["user", "create", "carol", "--email", ""],
        input=f"{PASSWORD}\nsomething else\n{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    assert role_of(User.objects.get(username="carol")) == Role.CONTRIBUTOR


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short", "too short"),
        ("password123", "too common"),
        ("31415926535897", "entirely numeric"),
        ("Dorothy2024!", "too similar"),
    ],
)
def test_weak_password_is_refused_like_the_signup_form(password: str, message: str) -> None:
    result = CliRunner().invoke(
        cli, ["user", "create", "dorothy", "--email", "", "--password", password]
    )
    assert result.exit_code == 1
    assert message in result.output
    assert not User.objects.exists()


@pytest.mark.parametrize("name", ["evil\u202eexe", "pаypal", "<b>x</b>", "admin"])
def test_hostile_or_reserved_names_are_refused(name: str) -> None:
    result = CliRunner().invoke(
        cli, ["user", "create", name, "--email", "", "--password", PASSWORD]
    )
    assert result.exit_code == 1
    assert "username:" in result.output
    assert not User.objects.exists()


def test_role_change_and_list() -> None:
    runner = CliRunner()
    runner.invoke(
        cli, ["user", "create", "erin", "--email", "e@example.org", "--password", PASSWORD]
    )
    result = runner.invoke(cli, ["user", "role", "erin", "reviewer"])
    assert result.exit_code == 0, result.output
    assert "contributor → reviewer" in result.output
    assert RoleChange.objects.get().via == "cli"
    assert "already reviewer" in runner.invoke(cli, ["user", "role", "erin", "reviewer"]).output
    result = runner.invoke(cli, ["user", "list"])
    assert result.exit_code == 0
    assert "erin" in result.output
    assert "reviewer" in result.output
    assert "1 user(s)" in result.output
    assert "0 user(s)" in runner.invoke(cli, ["user", "list", "--role", "administrator"]).output


def test_role_of_unknown_user_fails() -> None:
    result = CliRunner().invoke(cli, ["user", "role", "nobody", "reviewer"])
    assert result.exit_code == 1
    assert "no user named" in result.output
