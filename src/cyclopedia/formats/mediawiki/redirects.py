"""Redirect pages: ``#REDIRECT [[Target]]`` in any language, as MediaWiki reads them."""

from __future__ import annotations

import re

__all__ = ["redirect_target"]

# "#REDIRECT [[Target]]" and its localised forms ("#WEITERLEITUNG", "#перенаправление", "#تحويل"):
# MediaWiki accepts its own word or the wiki's language's one, any case, at the start of the text,
# then an optional colon and the link. The word has no digits, spaces or markup ("#1 [[x]]" is a
# numbered list).
_REDIRECT = re.compile(
    r"\A\s*#(?P<word>[^\s\d\[\]{}<>|:#]+)\s*(?::\s*)?"  # no two ways to match: no backtracking
    r"\[\[(?P<target>[^\[\]|\n]+)(?:\|[^\[\]\n]*)?\]\]"
)
# Redirect words of large wikis that are written in lower or mixed case; other words are accepted
# only when written without lower-case letters, as wikis do ("#REDIRECCIÓN") and as scripts without
# case are ("#تحويل"), so that a numbered list item such as "#see [[x]]" is never a redirect.
_REDIRECT_WORDS = frozenset(
    word.casefold()
    for word in [
        *("redirect", "redirection", "redirección", "redirecionamento", "weiterleitung"),
        *("rinvia", "rinvio", "doorverwijzing", "przekieruj", "patrz", "omdirigering"),
        *("ohjaus", "yönlendirme", "átirányítás", "přesměruj"),
        *("перенаправление", "перенаправлення", "пренасочване", "преусмери"),
    ]
)


def redirect_target(text: str, *, first_letter: bool = True) -> str | None:
    """The page that wikitext redirects to, from its ``#REDIRECT [[Target]]`` line in any
    language, as a title: underscores as spaces, without ``#section`` or leading colon, first
    letter capitalised on wikis that do so. None for text that is not a redirect."""
    match = _REDIRECT.match(text)
    if match is None:
        return None
    word = match["word"]
    if word.casefold() not in _REDIRECT_WORDS and word != word.upper():
        return None
    target = match["target"].partition("#")[0].replace("_", " ")
    target = " ".join(target.split()).lstrip(":").strip()
    if not target:
        return None
    return target[:1].upper() + target[1:] if first_letter else target
