"""A description (of a category) as one stored HTML fragment.

A description is converted and rendered as an article is (``render_document``), but it is shown
inside another page, as one block: its body, then its references, if it cites any, so that the
citation markers in the body lead somewhere. Links are rendered as existing; the page that shows
it marks those to missing articles (``mark_missing_links``), since articles come and go after it
was saved.
"""

from __future__ import annotations

from html import escape

from cyclopedia.render.article import RenderedArticle
from cyclopedia.render.sanitize import sanitize


def description_html(rendered: RenderedArticle) -> str:
    """The body and references of a rendering as one sanitised fragment. The infobox, if the
    text had one, is left out: a description is a paragraph or two about a category."""
    parts = [rendered.body_html]
    if rendered.references:
        items = "".join(
            f'<li id="cite_note-{escape(ref.label)}" value="{ref.number}">{ref.html}</li>'
            for ref in rendered.references
        )
        parts.append(f'<h2 id="References">References</h2><ol>{items}</ol>')
    return sanitize("\n".join(part for part in parts if part))
