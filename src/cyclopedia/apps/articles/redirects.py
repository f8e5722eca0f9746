"""Where a redirect leads: reads that the writers of aliases share (``services.py``).

A redirect names a title; it leads to the published article of that title or, when that title is
itself a redirect, to the article that one names: one hop, as the alias model says, and never back
to the redirect itself (a loop leads nowhere). An alternative name leads to its own article only.
"""

from __future__ import annotations

import datetime as dt

from cyclopedia.apps.articles.models import Alias, Article, Source


def _published(title: str) -> Article | None:
    return Article.objects.filter(title=title, published_revision__isnull=False).first()


def alias_destination(alias: Alias) -> Article | None:
    """The published article an alias leads to now."""
    if alias.kind == Alias.Kind.NAME:
        return _published(alias.target_title)
    return redirect_destination(alias.target_title, origin=alias.title)


def redirect_destination(target: str, *, origin: str) -> Article | None:
    """The published article a redirect from ``origin`` to ``target`` leads to, if any."""
    article = _published(target)
    if article is not None:
        return article
    hop = Alias.objects.filter(title=target).values_list("target_title", flat=True).first()
    if hop is None or hop == origin:
        return None
    return _published(hop)


def newer_redirect(title: str, *, source: Source, timestamp: dt.datetime | None) -> bool:
    """Whether ``title`` is a redirect of ``source`` whose page is newer than ``timestamp``: the
    source's page became a redirect after the text of that time, so the text is history."""
    if timestamp is None:
        return False
    return Alias.objects.filter(
        title=title, kind=Alias.Kind.REDIRECT, source=source, source_timestamp__gt=timestamp
    ).exists()
