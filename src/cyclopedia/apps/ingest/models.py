"""ImportRun and Quarantine."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class ImportRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Failed"
        INTERRUPTED = "interrupted", "Interrupted"

    path = models.CharField(max_length=4000)
    format = models.CharField(max_length=40)
    options = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RUNNING)
    started = models.DateTimeField(default=timezone.now)
    finished = models.DateTimeField(null=True, blank=True)
    read = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    quarantined = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    aliases = models.PositiveIntegerField(default=0, help_text="Redirects added or changed")
    categories = models.PositiveIntegerField(
        default=0, help_text="Category descriptions added or changed"
    )
    held = models.PositiveIntegerField(
        default=0, help_text="New source revisions of locally edited articles, kept unpublished"
    )
    unknown_templates = models.JSONField(
        default=dict,
        blank=True,
        help_text="{template name: pages using it} of templates the converter does not know",
    )
    errors = models.JSONField(default=list, blank=True, help_text="[{key, title, message}]")
    warnings = models.JSONField(
        default=list,
        blank=True,
        help_text="[message] Doubts about the input as a whole (a dump's header contradicting its "
        "file name), for the operator",
    )
    checkpoint = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-started"]

    def __str__(self) -> str:
        return f"import #{self.pk} of {self.path} ({self.status})"


class Quarantine(models.Model):
    """An item refused for publishing, kept with its reason for an editor to see."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="quarantine")
    source_key = models.CharField(max_length=1000)
    title = models.CharField(max_length=500)
    reason = models.TextField()
    license = models.CharField(max_length=64)
    license_evidence = models.TextField(blank=True)
    source_text = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True, help_text="sha256 of source_text")
    created = models.DateTimeField(default=timezone.now)
    # What the source text does not carry, so that an editor's confirmation can publish it.
    attribution = models.JSONField(default=dict, blank=True)
    source_revision = models.CharField(max_length=100, blank=True)
    format = models.CharField(max_length=20, blank=True)

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an editor"
        PUBLISHED = "published", "Licence confirmed and published"
        DISCARDED = "discarded", "Discarded"

    # The editor's decision; recorded once, never edited (the audit trail of POLICY.md §3).
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.CharField(max_length=150, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    confirmed_license = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name_plural = "quarantine"

    def __str__(self) -> str:
        return f"{self.title}: {self.reason}"
