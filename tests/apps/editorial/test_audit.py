"""The audit log: licence confirmations, discards, role changes, attribution changes and
reverts each leave one entry; nothing can change or delete one; administrators read it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import DatabaseError, transaction

from cyclopedia.apps.accounts.models import RoleChange
from cyclopedia.apps.accounts.roles import Role
from cyclopedia.apps.accounts.services import user_role_set
from cyclopedia.apps.editorial.audit import audit_record
from cyclopedia.apps.editorial.models import AuditEntry
from cyclopedia.apps.ingest.quarantine import quarantine_confirm, quarantine_discard
from tests.apps.test_quarantine import held, quarantine

from .conftest import logged_in, make_user

pytestmark = pytest.mark.django_db


def test_licence_confirmations_and_discards_are_audited() -> None:
    first, second = quarantine(held("A study"), held("Another study"))
    quarantine_confirm(item_id=first.pk, editor="Ada Editor", note="checked the PDF")
    quarantine_discard(item_id=second.pk, editor="Bob Editor", note="not ours")
    confirmed, discarded = AuditEntry.objects.order_by("id")
    assert (confirmed.action, confirmed.who, confirmed.reason) == (
        AuditEntry.Action.LICENSE_CONFIRMED,
        "Ada Editor",
        "checked the PDF",
    )
    assert confirmed.after["license"] == "CC-BY-4.0"
    assert confirmed.article is not None
    assert confirmed.article.title == "A study"
    assert (discarded.action, discarded.who) == (AuditEntry.Action.ITEM_DISCARDED, "Bob Editor")


def test_role_changes_are_audited_and_their_log_is_append_only(alice: User) -> None:
    boss = make_user("boss", Role.ADMINISTRATOR)
    user_role_set(user=alice, role=Role.REVIEWER, changed_by=boss, via="web")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ROLE_CHANGED)
    assert (entry.who, entry.subject, entry.before, entry.after) == (
        "boss",
        "user alice",
        {"role": "contributor"},
        {"role": "reviewer"},
    )
    change = RoleChange.objects.get(user=alice)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        RoleChange.objects.filter(pk=change.pk).update(new_role=Role.ADMINISTRATOR)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        RoleChange.objects.filter(pk=change.pk).delete()


def test_audit_entries_cannot_be_changed_or_deleted(alice: User) -> None:
    entry = audit_record(action=AuditEntry.Action.ROLE_CHANGED, actor=alice, subject="x")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(reason="rewritten")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).reason == ""


def test_an_entry_names_who_acted() -> None:
    with pytest.raises(ValueError, match="names who acted"):
        audit_record(action=AuditEntry.Action.ITEM_DISCARDED, subject="x")


def test_only_administrators_read_the_audit_log(alice: User, rita: User) -> None:
    quarantine_discard(item_id=quarantine(held("A study"))[0].pk, editor="Ada <b>Editor</b>")
    assert logged_in(alice).get("/audit").status_code == 403
    assert logged_in(rita).get("/audit").status_code == 403
    page = logged_in(make_user("ada", Role.ADMINISTRATOR)).get("/audit?action=item_discarded")
    assert page.status_code == 200
    html = page.content.decode()
    assert "discarded a quarantined item" in html
    assert "Ada &lt;b&gt;Editor&lt;/b&gt;" in html
