"""History pages: the diff of any two revisions, revert, recent changes and their Atom feed."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cyclopedia.apps.accounts.roles import can_review, is_administrator
from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.apps.articles.selectors import revision_of
from cyclopedia.apps.editorial import history, services
from cyclopedia.apps.editorial.attribution import FIELDS, LABELS, attribution_change, attribution_of
from cyclopedia.apps.editorial.audit import audit_entries
from cyclopedia.apps.editorial.models import AuditEntry
from cyclopedia.apps.editorial.views import _published_article, _see_other
from cyclopedia.apps.pages.paging import open_page
from cyclopedia.render.diff import diff_texts

RECENT_PAGE_SIZE = 100
FEED_SIZE = 50


def _revision_param(request: HttpRequest, name: str, article: Article) -> Revision | None:
    raw = request.GET.get(name, "")
    if not raw:
        return None
    if not re.fullmatch(r"[0-9]{1,18}", raw):
        raise Http404(f"“{raw[:20]}” is not a revision number.")
    found = revision_of(article=article, revision_id=int(raw))
    if found is None:
        raise Http404(f"“{article.title}” has no revision {raw}.")
    return found


@require_safe
def diff(request: HttpRequest, title: str) -> HttpResponse:
    """Two revisions of an article compared: ?from=…&to=… (default: the published one and the
    revision before it)."""
    article = _published_article(title)
    new = _revision_param(request, "to", article) or article.published_revision
    assert new is not None
    old = _revision_param(request, "from", article)
    if old is None and new.parent_id is not None:
        old = revision_of(article=article, revision_id=new.parent_id)
    context = {
        "article": article,
        "old": old,
        "new": new,
        "diff": diff_texts(old.source_text if old else "", new.source_text),
        "inline": request.GET.get("view") == "inline",
        "can_revert": can_review(request.user),
    }
    return render(request, "editorial/diff.html", context)


@login_required
@require_POST
def revert(request: HttpRequest, title: str) -> HttpResponse:
    article = _published_article(title)
    target = request.POST.get("revision", "")
    current = request.POST.get("current", "")
    if not (target.isdigit() and current.isdigit()):
        raise Http404("Say which revision to go back to.")
    try:
        history.article_revert(
            article=article,
            revision_id=int(target),
            actor=request.user,  # type: ignore[arg-type]
            current_revision_id=int(current),
            reason=request.POST.get("reason", ""),
        )
    except PermissionDenied:
        raise
    except services.EditorialError as error:
        messages.error(request, str(error))
        return _see_other(reverse("history", args=[article.url_title]))
    messages.success(request, "Reverted: the article shows that revision's text again.")
    return _see_other(article.get_absolute_url())


@require_safe
def recent_changes(request: HttpRequest) -> HttpResponse:
    page = open_page(history.recent_revisions(), request.GET.get("page"), RECENT_PAGE_SIZE)
    return render(request, "editorial/recent.html", {"page": page})


class RecentChangesFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed
    link = "/recent-changes"

    def title(self) -> str:
        return f"{settings.SITE_NAME}: recent changes"

    def subtitle(self) -> str:
        return f"The latest revisions published on {settings.SITE_NAME}."

    def items(self) -> Any:
        return history.recent_revisions()[:FEED_SIZE]

    def item_title(self, item: Revision) -> str:
        return item.article.title

    def item_description(self, item: Revision) -> str:
        # Plain text: the syndication framework escapes it into the feed.
        who = item.author.get_username() if item.author else item.source.name
        return f"{who}: {item.summary}" if item.summary else who

    def item_link(self, item: Revision) -> str:
        return f"{item.article.get_absolute_url()}?oldid={item.pk}"

    def item_pubdate(self, item: Revision) -> Any:
        return item.created

    def item_author_name(self, item: Revision) -> str:
        return item.author.get_username() if item.author else item.source.name


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def attribution_edit(request: HttpRequest, title: str) -> HttpResponse:
    """Administrators correct an article's attribution; the change is audited."""
    if not is_administrator(request.user):
        raise PermissionDenied("Only an administrator can change an article's attribution.")
    article = _published_article(title)
    current = article.published_revision
    assert current is not None
    values = attribution_of(current)
    error = ""
    if request.method == "POST":
        values = {name: request.POST.get(name, "")[:2000] for name in FIELDS}
        raw_current = request.POST.get("current", "")
        try:
            attribution_change(
                article=article,
                actor=request.user,  # type: ignore[arg-type]
                current_revision_id=int(raw_current) if raw_current.isdigit() else 0,
                changes=values,
                reason=request.POST.get("reason", ""),
            )
        except services.EditorialError as refused:
            error = str(refused)
        else:
            messages.success(request, "Attribution changed; the audit log records it.")
            return _see_other(article.get_absolute_url())
    context = {
        "article": article,
        "current": current,
        "fields": [(name, LABELS[name], values[name]) for name in FIELDS],
        "error": error,
        "audit": history.audit_of(article=article),
    }
    return render(request, "editorial/attribution.html", context, status=400 if error else 200)


@login_required
@require_safe
def audit_log(request: HttpRequest) -> HttpResponse:
    """The audit log, newest first, for administrators."""
    if not is_administrator(request.user):
        raise PermissionDenied("The audit log is for administrators.")
    action = request.GET.get("action", "")
    page = Paginator(audit_entries(action=action), RECENT_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "filters": {"action": action},
        "actions": AuditEntry.Action.choices,
    }
    return render(request, "editorial/audit.html", context)
