"""A registered user's profile (role, notification choices) and the audit of role changes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from cyclopedia.apps.accounts.roles import Role


class Profile(models.Model):
    """What Cyclopedia keeps about a user beyond Django's own User."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CONTRIBUTOR)
    # The look-alike key of the user name (usernames.username_key): two users never share one,
    # so "admin", "Admin" and "аdmin" (Cyrillic а) cannot all exist. Null only for an old user
    # whose key was already taken when the profile was made.
    username_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    notify_decisions = models.BooleanField(
        "e-mail me when a reviewer decides on my submission", default=True
    )
    notify_submissions = models.BooleanField(
        "e-mail me about new submissions", default=True, help_text="Reviewers only."
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["role"])]

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class RoleChange(models.Model):
    """Append-only record of every change of a user's role: who, from what, to what, how."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_changes"
    )
    old_role = models.CharField(max_length=20, choices=Role.choices)
    new_role = models.CharField(max_length=20, choices=Role.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when made from the command line.",
    )
    via = models.CharField(max_length=20, default="cli")
    created = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.user}: {self.old_role} → {self.new_role}"
