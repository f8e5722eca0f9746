"""ApiToken (a user's key to the API) and RateCounter (the rate limits' shared counters)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ApiToken(models.Model):
    """A personal API token. Only a SHA-256 hash of the secret is kept: the secret is shown
    once, when the token is made. ``prefix`` (the public part of the token) finds the row."""

    class Scope(models.TextChoices):
        READ = "read", "Read"
        WRITE = "write", "Read and write"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the owner calls it")
    scope = models.CharField(max_length=5, choices=Scope.choices, default=Scope.READ)
    prefix = models.CharField(max_length=16, unique=True)
    token_hash = models.CharField(max_length=64, help_text="SHA-256 of the whole token, hex")
    created = models.DateTimeField(default=timezone.now)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.scope}) of {self.user_id}"

    @property
    def active(self) -> bool:
        return self.revoked is None


class RateCounter(models.Model):
    """Requests counted in one fixed window for one caller (a token or an address), in the
    database so that every worker and app server shares them."""

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
