"""Who may do what: the four roles and the questions other apps ask about a user.

A reader is anonymous and has no row. Every registered user is at least a contributor; reviewers
(editorial staff) and administrators are named by their profile. A Django superuser counts as an
administrator, so that ``cyclopedia manage createsuperuser`` makes a working first administrator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ObjectDoesNotExist
from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser


class Role(models.TextChoices):
    CONTRIBUTOR = "contributor", "Contributor"
    REVIEWER = "reviewer", "Reviewer"
    ADMINISTRATOR = "administrator", "Administrator"


# Roles that review submissions.
REVIEWING_ROLES = frozenset({Role.REVIEWER, Role.ADMINISTRATOR})


def role_of(user: AbstractBaseUser | AnonymousUser | None) -> Role | None:
    """The user's role; None for an anonymous reader."""
    if user is None or not user.is_authenticated:
        return None
    if getattr(user, "is_superuser", False):
        return Role.ADMINISTRATOR
    try:
        profile = user.profile  # type: ignore[attr-defined]
    except ObjectDoesNotExist:
        return Role.CONTRIBUTOR
    return Role(profile.role)


def can_review(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Whether the user is active editorial staff: a reviewer or an administrator."""
    return bool(user is not None and user.is_active and role_of(user) in REVIEWING_ROLES)


def is_administrator(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Whether the user is an active administrator (or superuser)."""
    return bool(user is not None and user.is_active and role_of(user) == Role.ADMINISTRATOR)
