"""schema.org data about an article page: the Article, its source, licence and credits, and
what its infobox says about its subject (a Person, an Organization or a Place)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from cyclopedia.apps.articles.facts_selectors import article_facts, linked_published
from cyclopedia.apps.articles.models import Article, InfoboxFact, Revision

# Infobox keys (cyclopedia.document.facts.fact_key) that tell what the subject is.
_PERSON_KEYS = {"born", "died", "place of birth", "place of death", "spouse", "citizenship"}
_ORGANIZATION_KEYS = {"founded", "founder", "founders", "headquarters", "key people"}
_PLACE_KEYS = {"population", "coordinates", "area", "capital", "elevation", "time zone"}
MAX_DESCRIPTION = 300


def _subject_type(keys: set[str]) -> str | None:
    if keys & _PERSON_KEYS:
        return "Person"
    if keys & _ORGANIZATION_KEYS:
        return "Organization"
    if keys & _PLACE_KEYS:
        return "Place"
    return None


def _thing(kind: str, fact: InfoboxFact, request: HttpRequest, text: str = "") -> dict[str, Any]:
    thing: dict[str, Any] = {"@type": kind, "name": text or fact.text}
    linked = linked_published(fact)
    if linked is not None and (not text or text == fact.text):
        thing["url"] = request.build_absolute_uri(linked.get_absolute_url())
    return thing


def _place(fact: InfoboxFact, request: HttpRequest) -> dict[str, Any]:
    return _thing("Place", fact, request, fact.place or fact.text)


def _subject(
    kind: str, article: Article, facts: list[InfoboxFact], request: HttpRequest
) -> dict[str, Any]:
    subject: dict[str, Any] = {"@type": kind, "name": article.title}
    member_of: list[dict[str, Any]] = []
    for fact in facts:
        date = fact.date.isoformat() if fact.date else None
        if fact.date and fact.date_precision != InfoboxFact.Precision.DAY:
            date = fact.date_display.removeprefix("c. ")
        if kind == "Person":
            if fact.key == "born":
                if date:
                    subject.setdefault("birthDate", date)
                if fact.place:
                    subject.setdefault("birthPlace", _place(fact, request))
            elif fact.key == "died":
                if date:
                    subject.setdefault("deathDate", date)
                if fact.place:
                    subject.setdefault("deathPlace", _place(fact, request))
            elif fact.key == "place of birth":
                subject.setdefault("birthPlace", _place(fact, request))
            elif fact.key == "place of death":
                subject.setdefault("deathPlace", _place(fact, request))
            elif fact.key == "citizenship":
                subject.setdefault("nationality", fact.text)
            elif "member of" in fact.key or fact.key in {"party", "affiliation", "allegiance"}:
                member_of.append(_thing("Organization", fact, request))
        elif kind == "Organization":
            if fact.key == "founded" and date:
                subject.setdefault("foundingDate", date)
            elif fact.key in {"headquarters", "location"}:
                subject.setdefault("location", _place(fact, request))
            elif fact.key in {"founder", "founders"}:
                subject.setdefault("founder", _thing("Person", fact, request))
        elif kind == "Place" and fact.key in {"country", "state", "region"}:
            subject.setdefault("containedInPlace", _place(fact, request))
    if member_of:
        subject["memberOf"] = member_of
    return subject


def _credits(revision: Revision) -> list[dict[str, Any]] | dict[str, Any]:
    if revision.authors:
        return [{"@type": "Person", "name": str(name)} for name in revision.authors]
    credit: dict[str, Any] = {
        "@type": "Organization",
        "name": f"The authors of “{revision.source_title}” at {revision.source.name}",
    }
    if revision.history_url or revision.source_url:
        credit["url"] = revision.history_url or revision.source_url
    return credit


def article_json_ld(
    *, request: HttpRequest, article: Article, revision: Revision
) -> dict[str, Any]:
    """The schema.org Article for an article page (facts only for the published revision)."""
    license = revision.license_info
    url = request.build_absolute_uri(article.get_absolute_url())
    based_on: dict[str, Any] = {
        "@type": "CreativeWork",
        "name": revision.source_title,
        "publisher": {"@type": "Organization", "name": revision.source.name},
    }
    if revision.revision_url or revision.source_url:
        based_on["url"] = revision.revision_url or revision.source_url
    if revision.source_revision:
        based_on["version"] = revision.source_revision
    if revision.source_timestamp:
        based_on["dateModified"] = revision.source_timestamp.isoformat()
    if license.url:
        based_on["license"] = license.url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "name": article.title,
        "headline": article.title[:110],
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": article.language,
        "dateCreated": article.created.isoformat(),
        "dateModified": revision.created.isoformat(),
        "isBasedOn": based_on,
        "license": license.url or license.name,
        "creditText": f"{revision.source_title} ({revision.source.name}), {license.name}",
        "creator": _credits(revision),
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": request.build_absolute_uri(reverse("home")),
        },
    }
    if revision.lead:
        data["description"] = revision.lead[:MAX_DESCRIPTION]
    if revision.pk == article.published_revision_id:
        facts = article_facts(article=article)
        kind = _subject_type({fact.key for fact in facts})
        if kind is not None:
            data["about"] = _subject(kind, article, facts, request)
    return data
