"""Submission, ReviewEvent and AuditEntry: proposed changes, their review, the audit log.

State changes happen only through :mod:`cyclopedia.apps.editorial.services`, which moves a
submission from one state to the next with a conditional update on its ``version`` so that
two people deciding at once produce exactly one outcome. ReviewEvent and AuditEntry rows are
append-only: database triggers (migration 0002) refuse to change or delete them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Submission(models.Model):
    """A proposed new article, or a proposed edit of an existing one."""

    class Kind(models.TextChoices):
        NEW = "new", "New article"
        EDIT = "edit", "Edit"

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Waiting for review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        APPROVED = "approved", "Approved and published"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submissions"
    )
    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
        help_text="The article edited; for a new article, the article made on approval",
    )
    base_revision = models.ForeignKey(
        "articles.Revision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The revision the proposed text was written against (edits)",
    )
    title = models.CharField(max_length=255, help_text="The title the proposed text gives")
    source_text = models.TextField(help_text="Proposed editable source: front matter and body")
    summary = models.CharField(max_length=500, blank=True)
    content_hash = models.CharField(
        max_length=64, help_text="Of the proposed text and summary: what a reviewer approves"
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Grows with every change: a form made from an older one is refused"
    )
    license_declared = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the author declared the text theirs or compatibly licensed",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    published_revision = models.ForeignKey(
        "articles.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)
    submitted = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="Last submitted for review"
    )

    class Meta:
        ordering = ["-updated", "-id"]
        indexes = [models.Index(fields=["state", "submitted"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title} ({self.get_state_display()})"

    def get_absolute_url(self) -> str:
        return f"/submissions/{self.pk}"

    @property
    def editable(self) -> bool:
        return self.state in (self.State.DRAFT, self.State.CHANGES_REQUESTED)

    @property
    def closed(self) -> bool:
        return self.state in (self.State.APPROVED, self.State.REJECTED, self.State.WITHDRAWN)


class ReviewEvent(models.Model):
    """One step in a submission's life, in order: append-only."""

    class Action(models.TextChoices):
        CREATED = "created", "created the submission"
        SAVED = "saved", "saved changes"
        SUBMITTED = "submitted", "submitted it for review"
        WITHDRAWN = "withdrawn", "withdrew it"
        COMMENTED = "commented", "commented"
        CHANGES_REQUESTED = "changes_requested", "requested changes"
        REJECTED = "rejected", "rejected it"
        APPROVED = "approved", "approved and published it"
        EDITED = "edited", "edited it before approving"
        MERGED = "merged", "updated it to the current version of the article"

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_events"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    text = models.TextField(blank=True, help_text="Comment or reason")
    content_hash = models.CharField(max_length=64, blank=True, help_text="Of the text acted on")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"{self.actor} {self.get_action_display()}"


class AuditEntry(models.Model):
    """What the site says about a text's origin or licence, and who may do what, changing:
    attribution corrections, reverts, licence confirmations of quarantined items, role changes.
    Append-only. (Review decisions are in ReviewEvent, append-only too.)"""

    class Action(models.TextChoices):
        ATTRIBUTION_CHANGED = "attribution_changed", "changed the attribution"
        REVERTED = "reverted", "reverted the article"
        LICENSE_CONFIRMED = "license_confirmed", "confirmed the licence of a quarantined item"
        ITEM_DISCARDED = "item_discarded", "discarded a quarantined item"
        ROLE_CHANGED = "role_changed", "changed a role"

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_entries",
        help_text="Empty for a change made from the command line (see actor_name)",
    )
    actor_name = models.CharField(
        max_length=150, blank=True, help_text="Who, as given on the command line"
    )
    action = models.CharField(max_length=30, choices=Action.choices)
    subject = models.CharField(max_length=500, blank=True, help_text="What was changed")
    # PROTECT: an audited article or revision cannot be deleted from under its audit trail.
    article = models.ForeignKey(
        "articles.Article", null=True, on_delete=models.PROTECT, related_name="+"
    )
    revision = models.ForeignKey(
        "articles.Revision", null=True, on_delete=models.PROTECT, related_name="+"
    )
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    reason = models.TextField(blank=True)
    created = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.who} {self.get_action_display()}"

    @property
    def who(self) -> str:
        return self.actor.get_username() if self.actor else (self.actor_name or "someone")
