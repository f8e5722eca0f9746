"""Reads of users and profiles for pages, the CLI and other apps."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from cyclopedia.apps.accounts.models import Profile
from cyclopedia.apps.accounts.roles import REVIEWING_ROLES
from cyclopedia.apps.accounts.usernames import normalize_username, username_key
from cyclopedia.apps.articles.models import Revision


def profile_of(user: User) -> Profile:
    """The user's profile, made on first use for a user created outside Cyclopedia's services
    (``cyclopedia manage createsuperuser``, an old database)."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        pass
    key: str | None = username_key(user.get_username())
    if Profile.objects.filter(username_key=key).exclude(user=user).exists():
        key = None  # an older name already holds it; this one keeps working without a key
    try:
        with transaction.atomic():
            profile, _ = Profile.objects.get_or_create(user=user, defaults={"username_key": key})
    except IntegrityError:  # made at the same moment by another request
        profile = Profile.objects.get(user=user)
    user.profile = profile
    return profile


def username_taken(username: str) -> bool:
    """Whether the name, or a look-alike of it (same username_key), belongs to a user."""
    name = normalize_username(username)
    return (
        User.objects.filter(username__iexact=name).exists()
        or Profile.objects.filter(username_key=username_key(name)).exists()
    )


def user_by_username(username: str) -> User | None:
    return User.objects.select_related("profile").filter(username=username).first()


def users_list() -> QuerySet[User]:
    """Every user with their profile, by name."""
    return User.objects.select_related("profile").order_by("username")


def reviewers_to_notify() -> list[User]:
    """Active reviewers and administrators who asked for e-mail about new submissions and have
    an address to send it to."""
    reviewing = [str(role) for role in REVIEWING_ROLES]
    wants = Q(profile__notify_submissions=True) | Q(profile__isnull=True)
    staff = Q(profile__role__in=reviewing) | Q(is_superuser=True)
    return list(
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(staff & wants)
        .select_related("profile")
        .order_by("username")
        .distinct()
    )


def user_contributions(user: User) -> QuerySet[Revision]:
    """The published articles' revisions the user wrote, newest first."""
    return (
        Revision.objects.filter(author=user, article__published_revision__isnull=False)
        .select_related("article")
        .defer("source_text", "html", "plain_text", "infobox", "references", "toc")
        .order_by("-created", "-id")
    )
