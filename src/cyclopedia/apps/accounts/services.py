"""Writes to accounts: creating users, changing roles, notification preferences.

Every rule about user names and passwords is applied here, so the sign-up form, the CLI and any
later caller refuse the same things with the same messages.
"""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.contrib.auth.models import User, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction

from cyclopedia.apps.accounts.models import Profile, RoleChange
from cyclopedia.apps.accounts.roles import Role, role_of
from cyclopedia.apps.accounts.selectors import profile_of, username_taken
from cyclopedia.apps.accounts.usernames import normalize_username, username_key, validate_username
from cyclopedia.apps.editorial.audit import audit_record
from cyclopedia.apps.editorial.models import AuditEntry

USERNAME_TAKEN = "This user name is taken, or looks too much like one that is."


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        choices = ", ".join(str(role) for role in Role)
        raise ValidationError(
            {"role": [f"Unknown role {value!r}: choose one of {choices}."]}
        ) from None


@transaction.atomic
def user_create(
    *, username: str, password: str, email: str = "", role: Role = Role.CONTRIBUTOR
) -> User:
    """Create a user and their profile, or raise ValidationError with a message per field
    (``username``, ``email``, ``password``, ``role``).

    E-mail addresses are not unique: a sign-up must not tell whether an address is registered.
    """
    role = _role(role)
    name = normalize_username(username)
    errors: dict[str, list[ValidationError]] = {}
    try:
        validate_username(name)
    except ValidationError as error:
        errors["username"] = error.error_list
    else:
        if username_taken(name):
            errors["username"] = [ValidationError(USERNAME_TAKEN, code="taken")]
    email = UserManager.normalize_email(email.strip())
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            errors["email"] = error.error_list
    user = User(username=name, email=email)
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        errors["password"] = error.error_list
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
            user.profile = Profile.objects.create(
                user=user, role=role, username_key=username_key(name)
            )
    except IntegrityError:  # the same name, or a look-alike, signed up at the same moment
        raise ValidationError(
            {"username": [ValidationError(USERNAME_TAKEN, code="taken")]}
        ) from None
    return user


@transaction.atomic
def user_role_set(
    *, user: User, role: Role, changed_by: User | None = None, via: str = "cli"
) -> RoleChange | None:
    """Give the user a role, recorded in the append-only RoleChange log; None if unchanged.

    The role is the one truth: taking the administrator role from a Django superuser also
    clears their superuser and staff flags.
    """
    role = _role(role)
    user = User.objects.select_for_update().get(pk=user.pk)
    profile = profile_of(user)
    old = role_of(user) or Role.CONTRIBUTOR
    if old == role and profile.role == role:
        return None
    if user.is_superuser and role != Role.ADMINISTRATOR:
        user.is_superuser = False
        user.is_staff = False
        user.save(update_fields=["is_superuser", "is_staff"])
    profile.role = role
    profile.save(update_fields=["role"])
    audit_record(
        action=AuditEntry.Action.ROLE_CHANGED,
        actor=changed_by,
        actor_name="" if changed_by else f"({via})",
        subject=f"user {user.get_username()}",
        before={"role": str(old)},
        after={"role": str(role)},
    )
    return RoleChange.objects.create(
        user=user, old_role=old, new_role=role, changed_by=changed_by, via=via
    )


@transaction.atomic
def profile_notifications_set(
    *, user: User, notify_decisions: bool, notify_submissions: bool
) -> Profile:
    """Save the user's e-mail choices (notify_submissions matters for reviewers only)."""
    profile = profile_of(user)
    profile.notify_decisions = notify_decisions
    profile.notify_submissions = notify_submissions
    profile.save(update_fields=["notify_decisions", "notify_submissions"])
    return profile
