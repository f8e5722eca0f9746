"""The article page's structured data: its timeline of dated facts and its JSON-LD block."""

from __future__ import annotations

from django import template
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from cyclopedia.apps.articles.facts_selectors import article_timeline
from cyclopedia.apps.articles.models import Article, InfoboxFact, Revision
from cyclopedia.apps.pages.jsonld import article_json_ld
from cyclopedia.render.jsonld import json_ld_script

register = template.Library()

# Languages written right to left (ISO 639 codes as Wikimedia uses them, base subtag only).
RTL_LANGUAGES = frozenset(
    {
        "ar", "arc", "arz", "azb", "bcc", "bqi", "ckb", "dv", "fa", "glk", "he", "khw",
        "ks", "lrc", "mzn", "nqo", "pnb", "ps", "sd", "skr", "ug", "ur", "yi",
    }
)  # fmt: skip


@register.simple_tag
def text_direction(language: str) -> str:
    """``rtl`` for a language written right to left (``ar``, ``he-IL``, ``fa``...), else ``ltr``."""
    base = (language or "").split("-")[0].split("_")[0].lower()
    return "rtl" if base in RTL_LANGUAGES else "ltr"


@register.simple_tag
def timeline_of(article: Article, revision: Revision) -> list[InfoboxFact]:
    """The dated facts of the published revision (none for an older revision's page)."""
    if revision.pk != article.published_revision_id:
        return []
    return article_timeline(article=article)


@register.simple_tag(takes_context=True)
def json_ld(context: template.Context, article: Article, revision: Revision) -> SafeString:
    request: HttpRequest = context["request"]
    data = article_json_ld(request=request, article=article, revision=revision)
    # Safe: json_ld_script escapes <, > and & inside the JSON, so no text closes the element.
    return mark_safe(json_ld_script(data))  # noqa: S308
