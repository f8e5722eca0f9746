"""Revisions written here: contributions approved in review, reviewers' edits, reverts.

A contribution is published under the Terms of Use licence (CC BY-SA 4.0). An edit of an
imported article keeps the upstream attribution (source, authors' history, notices) and is
marked modified; the edited text is licensed CC BY-SA 4.0, which every publishable upstream
licence allows for an adaptation (CC BY-SA 3.0 by its "later version" clause, CC BY and CC0 and
the public domain freely). A new article's attribution names the site's contributors, and the
history credits each of them for their own revision. Callers hold the transaction.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

from cyclopedia.apps.articles.conversion import document_of
from cyclopedia.apps.articles.links import (
    mark_links_as_published,
    resolved_titles,
    with_missing_links,
)
from cyclopedia.apps.articles.models import Alias, Article, Revision, Source
from cyclopedia.apps.articles.revisions import revision_for
from cyclopedia.apps.articles.services import article_publish, source_get_or_create
from cyclopedia.document import Attribution, Document
from cyclopedia.document.license import CONTRIBUTION_LICENSE
from cyclopedia.document.source import from_source
from cyclopedia.document.titles import normalize_title
from cyclopedia.render.prepared import prepare


class TitleTakenError(ValueError):
    """A new article's title is already an article or an alternative name of one."""


class TitleChangeError(ValueError):
    """An edit that would rename its article (renaming is not an edit)."""


def contributions_source() -> Source:
    return source_get_or_create(
        name=f"{settings.SITE_NAME} contributors", kind=Source.Kind.CONTRIBUTION
    )


def contribution_document(
    *, source_text: str, base: Revision | None, author_name: str, declared: str = ""
) -> Document:
    """The Document a source text written here makes: a new article (``base`` None) or an edit
    of ``base``, a revision of the article edited. Raises SourceError/DocumentError for a text
    that is not a valid article source, TitleChangeError for an edit that renames."""
    if base is not None:
        template = document_of(base)
        document = from_source(source_text, template=template)
        title = base.article.title
        if normalize_title(document.title) != title:
            raise TitleChangeError(
                f"the title must stay “{title}”: an edit cannot rename the article"
            )
        upstream = template.attribution
        local = base.source.kind == Source.Kind.CONTRIBUTION
        authors = _credited(upstream.authors, author_name) if local else upstream.authors
        evidence = (
            f"Edited here by {author_name} under the Terms of Use ({CONTRIBUTION_LICENSE.name})"
            f"{declared}; the text it edits was {template.license.spdx}"
            f" ({template.license_evidence or 'evidence not recorded'})."
        )
        return replace(
            document,
            title=title,
            attribution=replace(upstream, authors=authors, modified=not local or upstream.modified),
            license=CONTRIBUTION_LICENSE,
            license_evidence=evidence,
        )
    template = Document(
        title="Untitled",
        body="",
        attribution=Attribution(
            source_title="Untitled", source_name=contributions_source().name, authors=()
        ),
        license=CONTRIBUTION_LICENSE,
    )
    document = from_source(source_text, template=template)
    title = normalize_title(document.title)
    return replace(
        document,
        title=title,
        attribution=replace(document.attribution, source_title=title, authors=(author_name,)),
        license_evidence=(
            f"Contributed by {author_name} under the Terms of Use "
            f"({CONTRIBUTION_LICENSE.name}){declared}."
        ),
    )


def _credited(authors: tuple[str, ...], name: str) -> tuple[str, ...]:
    return authors if name in authors else (*authors, name)


def revision_contribute(
    *,
    document: Document,
    article: Article | None,
    author: User,
    summary: str,
    parent: Revision | None,
    publish: bool = True,
    source: Source | None = None,
) -> Revision:
    """Save a revision written here and, unless ``publish`` is False, publish it.

    ``article`` None makes a new article of the document's title (TitleTakenError when that
    title is taken). ``parent`` is the revision the text was written from. Its content hash also
    covers author and time, so the same text may come back (a revert) as a new revision.
    """
    if article is None:
        title = document.title
        if Alias.objects.filter(title=title).exists():
            raise TitleTakenError(f"“{title}” is already another name of an article")
        article, created = Article.objects.get_or_create(
            title=title, defaults={"language": document.language}
        )
        if not created and (article.published_revision_id or article.revisions.exists()):
            raise TitleTakenError(f"there is already an article titled “{title}”")
    else:
        article = Article.objects.select_for_update().get(pk=article.pk)
    prepared = prepare(document)
    now = timezone.now()
    stamp = f"{prepared.digest}\x00{author.pk}\x00{now.isoformat()}"
    digest = hashlib.sha256(stamp.encode("utf-8")).hexdigest()
    links = resolved_titles(prepared.rendered.links)
    rendered = with_missing_links(prepared.rendered, links)
    if source is None:  # the text's origin: that of the revision it was written from
        source = contributions_source() if parent is None else parent.source
    revision = revision_for(
        document=document,
        rendered=rendered,
        source_text=prepared.source_text,
        article=article,
        parent=parent,
        created=now,
        author=author,
        summary=summary[:500],
        content_hash=digest,
        source=source,
    )
    revision.save()
    if publish:
        leading = article_publish(
            article=article, revision=revision, document=document, rendered=rendered
        )
        mark_links_as_published(revision, prepared.rendered, before=links, after=leading)
    return revision
