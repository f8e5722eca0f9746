"""Retractions, corrections and expressions of concern, as the banners a reader must see.

Two directions are flagged (JATS4R "Retractions and corrections"): the notice itself
(``article-type="retraction"``, ``"correction"``, ``"expression-of-concern"``, with a
``related-article`` of type ``retracted-article``, ``corrected-article``, ``object-of-concern``
naming the article it is about), and the article it is about when it links forward to its notice
(``retraction-forward``, ``correction-forward``, ``concern-forward``). Publishers that tag the
kind only in the heading subject or the title ("Retraction: …") are recognised too.
"""

from __future__ import annotations

from cyclopedia.formats.jats.front import Related
from cyclopedia.formats.jats.markup import doi_url

_NOTICE_TYPES = {
    "retraction": "Retraction",
    "partial-retraction": "Partial retraction",
    "correction": "Correction",
    "erratum": "Correction",
    "expression-of-concern": "Expression of concern",
    "removal": "Removal",
    "withdrawal": "Withdrawal",
}
_TARGETS = {
    "retracted-article": "Retraction",
    "partial-retraction": "Partial retraction",
    "corrected-article": "Correction",
    "object-of-concern": "Expression of concern",
    "expression-of-concern": "Expression of concern",
    "removed-article": "Removal",
    "withdrawn-article": "Withdrawal",
}
_VERBS = {
    "Retraction": "retracts",
    "Partial retraction": "partly retracts",
    "Correction": "corrects",
    "Expression of concern": "raises concerns about",
    "Removal": "removes",
    "Withdrawal": "withdraws",
}
_FORWARD = {
    "retraction-forward": "Retracted: this article has been retracted; see the retraction notice",
    "partial-retraction-forward": "Partly retracted: part of this article has been retracted; "
    "see the notice",
    "correction-forward": "Corrected: a correction to this article has been published",
    "concern-forward": "Expression of concern: the publisher has raised concerns about this "
    "article",
    "expression-of-concern-forward": "Expression of concern: the publisher has raised concerns "
    "about this article",
}
_TITLE_PREFIXES = {
    "retraction:": "Retraction",
    "retraction notice": "Retraction",
    "correction:": "Correction",
    "erratum": "Correction",
    "expression of concern": "Expression of concern",
}


def _where(related: Related) -> str:
    return f" ({doi_url(related.doi)})" if related.doi else ""


def _article(related: Related) -> str:
    if related.title:
        return f"the article “{related.title}”{_where(related)}"
    return f"the article{_where(related)}" if related.doi else "an earlier article"


def notice_kind(article_type: str, heading: str, title: str) -> str | None:
    """The kind of notice an article is, or None for an ordinary article."""
    kind = _NOTICE_TYPES.get(article_type.lower())
    if kind:
        return kind
    for words in (heading.lower(), title.lower()):
        for prefix, found in _TITLE_PREFIXES.items():
            if words.startswith(prefix):
                return found
    return None


def notices(kind: str | None, related: list[Related]) -> list[str]:
    """The banners for an article: what it retracts or corrects, or that it was retracted or
    corrected."""
    out = []
    targets = [r for r in related if r.kind in _TARGETS]
    kind = kind or (_TARGETS[targets[0].kind] if targets else None)
    if kind:
        about = [r for r in targets if _TARGETS[r.kind] == kind] or targets
        if about:
            for item in about:
                out.append(f"{kind}: this notice {_VERBS[kind]} {_article(item)}.")
        else:
            out.append(f"{kind}: this is a {kind.lower()} notice about an earlier article.")
    for item in related:
        if item.kind in _FORWARD:
            out.append(f"{_FORWARD[item.kind]}{_where(item)}.")
    return out
