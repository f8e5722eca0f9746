"""``cyclopedia user``: create accounts (the first administrator, reviewers), change roles, list."""

from __future__ import annotations

from typing import NoReturn

import click
from django.core.exceptions import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cyclopedia.cli.django_setup import migrate, setup_django

ROLES = ("contributor", "reviewer", "administrator")


def _fail(error: ValidationError) -> NoReturn:
    """Print a ValidationError's messages, field by field, and exit with status 1."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            for message in messages:
                click.echo(f"{field}: {message}", err=True)
    else:
        for message in error.messages:
            click.echo(message, err=True)
    raise SystemExit(1)


@click.group("user")
def user() -> None:
    """User accounts: create one with a role, change a role, list them.

    User names and passwords follow the same rules as the sign-up form: a weak password or a
    look-alike name is refused with the same messages.
    """


@user.command("create")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default="contributor",
    show_default=True,
    help="reviewer: editorial staff; administrator: also changes attribution and roles.",
)
@click.option("--email", default=None, help="E-mail address (asked for when not given).")
@click.option(
    "--password",
    default=None,
    help="Password (asked for, hidden and twice, when not given; on the command line it "
    "is visible to other users of the machine).",
)
def create_command(name: str, role: str, email: str | None, password: str | None) -> None:
    """Create the account NAME with a role, e.g. the first administrator."""
    setup_django()
    migrate()
    from cyclopedia.apps.accounts.roles import Role
    from cyclopedia.apps.accounts.services import user_create

    if email is None:
        email = click.prompt("E-mail address (optional)", default="", show_default=False)
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        created = user_create(username=name, password=password, email=email, role=Role(role))
    except ValidationError as error:
        _fail(error)
    click.echo(f"Created {created.get_username()} ({role}).")


@user.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLES))
def role_command(name: str, role: str) -> None:
    """Give the account NAME the role ROLE (recorded in the role-change log)."""
    setup_django()
    migrate()
    from cyclopedia.apps.accounts.roles import Role
    from cyclopedia.apps.accounts.selectors import user_by_username
    from cyclopedia.apps.accounts.services import user_role_set

    found = user_by_username(name)
    if found is None:
        raise click.ClickException(f"there is no user named {name!r}")
    change = user_role_set(user=found, role=Role(role), via="cli")
    if change is None:
        click.echo(f"{found.get_username()} is already {role}.")
    else:
        click.echo(f"{found.get_username()}: {change.old_role} → {change.new_role}.")


@user.command("list")
@click.option("--role", type=click.Choice(ROLES), default=None, help="Only users with this role.")
def list_command(role: str | None) -> None:
    """The user accounts with their role, e-mail address and status, by name."""
    setup_django()
    migrate()
    from cyclopedia.apps.accounts.roles import role_of
    from cyclopedia.apps.accounts.selectors import users_list

    table = Table("name", "role", "e-mail", "active", "joined", expand=True)
    shown = 0
    for account in users_list():
        account_role = role_of(account)
        if role and account_role != role:
            continue
        shown += 1
        table.add_row(
            escape(account.get_username()),
            str(account_role),
            escape(account.email),
            "yes" if account.is_active else "no",
            f"{account.date_joined:%Y-%m-%d}",
        )
    console = Console(highlight=False)
    console.print(table)
    console.print(f"{shown} user(s).")
