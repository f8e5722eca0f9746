"""Wikitext converted and rendered as a reader gets it, for the tests."""

from __future__ import annotations

from cyclopedia.formats.mediawiki.wikitext.convert import convert
from cyclopedia.render.article import every_article
from cyclopedia.render.markdown import RenderState, render_block


def shown(wikitext: str) -> str:
    """The HTML of a piece of wikitext, every link taken as existing."""
    state = RenderState(labels=frozenset(), link_exists=every_article)
    return render_block(convert(wikitext).body, state).strip()
