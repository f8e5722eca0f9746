"""Which kind of provider an import's items come from."""

from __future__ import annotations

from cyclopedia.apps.articles.models import Source

_SOURCE_KINDS = {choice.value for choice in Source.Kind}


def source_kind(format: str) -> str:
    """The kind of provider an input format comes from (a wiki's pages, saved or dumped, come
    from a MediaWiki wiki)."""
    if format in ("wikitext", "wikihtml"):
        return Source.Kind.MEDIAWIKI
    return format if format in _SOURCE_KINDS else Source.Kind.TEXT
