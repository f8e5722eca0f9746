"""Users for the account tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User

from cyclopedia.apps.accounts.roles import Role
from cyclopedia.apps.accounts.services import user_create

PASSWORD = "correct horse battery staple"

MakeUser = Callable[..., User]


@pytest.fixture
def make_user(db: None) -> MakeUser:
    def make(username: str = "alice", *, email: str = "", role: Role = Role.CONTRIBUTOR) -> User:
        return user_create(
            username=username,
            password=PASSWORD,
            email=email or f"{username}@example.org",
            role=role,
        )

    return make
