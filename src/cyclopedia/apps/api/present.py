"""Models as the API shows them (the dicts the schemas in schemas.py validate)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from cyclopedia.apps.articles.facts_selectors import linked_published
from cyclopedia.apps.articles.models import Alias, Article, InfoboxFact, Revision
from cyclopedia.apps.editorial.models import Submission
from cyclopedia.apps.editorial.selectors import submission_events
from cyclopedia.render.diff import Diff


def url(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def license_of(revision: Revision) -> dict[str, str]:
    info = revision.license_info
    return {"spdx": info.spdx, "name": info.name, "short_name": info.short_name, "url": info.url}


def attribution(request: HttpRequest, article: Article, revision: Revision) -> dict[str, Any]:
    """POLICY.md §1: the source, its revision and authors, the licence, modified here or not."""
    diff = reverse("diff", kwargs={"title": article.url_title}) + f"?to={revision.pk}"
    return {
        "source_name": revision.source.name,
        "source_kind": revision.source.kind,
        "source_title": revision.source_title,
        "source_url": revision.source_url,
        "revision_url": revision.revision_url,
        "history_url": revision.history_url,
        "authors": [str(author) for author in revision.authors],
        "source_revision": revision.source_revision,
        "source_timestamp": revision.source_timestamp,
        "license": license_of(revision),
        "modified": revision.modified,
        "copyright_notice": revision.copyright_notice,
        "upstream_notices": [str(notice) for notice in revision.upstream_notices],
        "local_history_url": url(request, reverse("history", args=[article.url_title])),
        "local_diff_url": url(request, diff),
    }


def article_summary(request: HttpRequest, article: Article) -> dict[str, Any]:
    revision = article.published_revision
    assert revision is not None  # published articles only
    return {
        "id": article.pk,
        "title": article.title,
        "url": url(request, article.get_absolute_url()),
        "language": article.language,
        "created": article.created,
        "updated": article.updated,
        "revision_id": revision.pk,
        "license": revision.license,
        "source": revision.source.name,
        "lead": revision.lead,
    }


def article_full(
    request: HttpRequest, article: Article, *, via_alias: Alias | None = None
) -> dict[str, Any]:
    revision = article.published_revision
    assert revision is not None
    infobox = revision.infobox or None
    return {
        **article_summary(request, article),
        "redirected_from": via_alias.title if via_alias else None,
        "html": revision.html,
        "plain_text": revision.plain_text,
        "infobox": infobox,
        "references": [
            {"number": r["number"], "label": str(r.get("label", "")), "html": r["html"]}
            for r in revision.references
        ],
        "categories": list(article.categories.order_by("name").values_list("name", flat=True)),
        "aliases": [
            {"title": alias.title, "kind": alias.kind}
            for alias in article.aliases.order_by("title")
        ],
        "notices": [str(notice) for notice in revision.notices],
        "attribution": attribution(request, article, revision),
    }


def revision_summary(revision: Revision, *, current_id: int | None) -> dict[str, Any]:
    author = revision.author.get_username() if revision.author else revision.source.name
    return {
        "id": revision.pk,
        "article_id": revision.article_id,
        "parent_id": revision.parent_id,
        "created": revision.created,
        "author": author,
        "author_is_user": revision.author_id is not None,
        "summary": revision.summary,
        "size": getattr(revision, "size", None) or len(revision.source_text),
        "size_change": getattr(revision, "size_change", None),
        "license": revision.license,
        "current": revision.pk == current_id,
    }


def revision_full(request: HttpRequest, article: Article, revision: Revision) -> dict[str, Any]:
    return {
        **revision_summary(revision, current_id=article.published_revision_id),
        "size": len(revision.source_text),
        "content_hash": revision.content_hash,
        "source_text": revision.source_text,
        "html": revision.html,
        "attribution": attribution(request, article, revision),
    }


def diff_out(article: Article, old: Revision | None, new: Revision, diff: Diff) -> dict[str, Any]:
    def side(segments: Any) -> list[dict[str, Any]] | None:
        if segments is None:
            return None
        return [{"text": s.text, "changed": s.changed} for s in segments]

    return {
        "article_id": article.pk,
        "from_revision": old.pk if old else None,
        "to_revision": new.pk,
        "identical": diff.identical,
        "added_lines": diff.added_lines,
        "removed_lines": diff.removed_lines,
        "size_change": diff.size_change,
        "rows": [
            {
                "kind": row.kind,
                "left_number": row.left_number,
                "right_number": row.right_number,
                "left": side(row.left),
                "right": side(row.right),
                "folded": row.folded,
            }
            for row in diff.rows
        ],
    }


def linked(request: HttpRequest, article: Article) -> dict[str, Any]:
    path = article.get_absolute_url()
    return {"id": article.pk, "title": article.title, "url": url(request, path)}


def fact_out(request: HttpRequest, fact: InfoboxFact) -> dict[str, Any]:
    target = linked_published(fact)
    return {
        "article": linked(request, fact.article),
        "label": fact.label,
        "key": fact.key,
        "text": fact.text,
        "date": fact.date,
        "date_end": fact.date_end,
        "date_precision": fact.date_precision or None,
        "date_display": fact.date_display,
        "date_approximate": fact.date_approximate,
        "place": fact.place,
        "detail": fact.detail,
        "link_title": fact.link_title,
        "linked_article": linked(request, target) if target else None,
    }


def submission_summary(request: HttpRequest, submission: Submission) -> dict[str, Any]:
    return {
        "id": submission.pk,
        "kind": submission.kind,
        "state": submission.state,
        "title": submission.title,
        "author": submission.author.get_username(),
        "article_id": submission.article_id,
        "version": submission.version,
        "created": submission.created,
        "updated": submission.updated,
        "submitted": submission.submitted,
        "url": url(request, submission.get_absolute_url()),
    }


def submission_full(request: HttpRequest, submission: Submission) -> dict[str, Any]:
    events = submission_events(submission=submission)
    return {
        **submission_summary(request, submission),
        "base_revision_id": submission.base_revision_id,
        "source_text": submission.source_text,
        "summary": submission.summary,
        "content_hash": submission.content_hash,
        "license_declared": submission.license_declared,
        "reviewer": submission.reviewer.get_username() if submission.reviewer else None,
        "published_revision_id": submission.published_revision_id,
        "events": [
            {
                "actor": event.actor.get_username(),
                "action": event.action,
                "text": event.text,
                "created": event.created,
            }
            for event in events
        ],
    }
