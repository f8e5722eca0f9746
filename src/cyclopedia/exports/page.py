"""An exported article as a self-contained HTML page: the site's stylesheet and markup classes,
the infobox, the body, the references, the categories and the attribution block.

Pages link to each other relatively (an archive has no site root): ``/wiki/Title`` becomes a
path from the page's own place in the archive, and other site-rooted links point at the site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from importlib import resources

from cyclopedia.document.titles import title_to_path
from cyclopedia.exports.model import ExportArticle, ExportSite

STYLESHEET_PATH = "-/site.css"
_SITE_LINK = re.compile(r'(href|src)="/(?!/)(wiki/)?([^"]*)"')


def stylesheet() -> bytes:
    """The site's one stylesheet, as the web pages use it."""
    return (resources.files("cyclopedia") / "static" / "cyclopedia" / "site.css").read_bytes()


def archive_path(title: str) -> str:
    """The path of an article in an archive: its title with underscores (not percent-encoded:
    ZIM paths are UTF-8 text)."""
    return title.replace(" ", "_")


def relative_href(from_path: str, to_path: str) -> str:
    """A relative link from one archive path to another, percent-encoded."""
    return "../" * from_path.count("/") + title_to_path(to_path)


def relink(html: str, *, page_path: str, site_url: str) -> str:
    """Site-rooted links of stored HTML made to work in an archive."""
    up = "../" * page_path.count("/")
    root = site_url.rstrip("/") + "/"

    def replace(match: re.Match[str]) -> str:
        attribute, wiki, rest = match.groups()
        if wiki:
            return f'{attribute}="{up}{rest}"'
        return f'{attribute}="{escape(root, quote=True)}{rest}"'

    return _SITE_LINK.sub(replace, html)


def _a(url: str | None, text: str, rel: str = "nofollow noopener") -> str:
    if not url:
        return escape(text)
    return f'<a href="{escape(url, quote=True)}" rel="{rel}">{escape(text)}</a>'


def attribution_html(item: ExportArticle, site: ExportSite) -> str:
    """The attribution block of the article page (templates/pages/attribution.html), in full."""
    document = item.document
    a = document.attribution
    license = document.license
    quoted = f"“{a.source_title}”"
    based = _a(a.source_url, quoted)
    if a.revision_url:
        when = f", {a.source_timestamp:%-d %B %Y}" if a.source_timestamp else ""
        based += f" ({_a(a.revision_url, 'the revision used')}{when})"
    if a.authors:
        credit = "by " + escape(", ".join(a.authors))
    elif a.history_url:
        credit = "by its " + _a(a.history_url, "authors")
    else:
        credit = "by its authors"
    licence = _a(license.url, license.name, rel="license")
    history = _a(item.history_url, "see the history", rel="nofollow")
    changed = (
        f"It has been modified at {escape(site.name)}; {history} for the changes."
        if a.modified
        else f"The text is as imported, converted to {escape(site.name)}'s format; {history}."
    )
    parts = [
        '<footer class="attribution" aria-labelledby="attribution-heading">',
        '<h2 id="attribution-heading">Source and licence</h2>',
        f"<p>This article is based on {based} from {escape(item.source_name)}, {credit}.</p>",
        f"<p>Licence: {licence} ({escape(license.spdx)}). {changed}</p>",
        f"<p>Exported from {_a(item.url, site.name)}.</p>",
    ]
    if a.copyright_notice:
        parts.append(f'<p class="notice">{escape(a.copyright_notice)}</p>')
    parts.extend(f'<p class="notice">{escape(notice)}</p>' for notice in a.upstream_notices)
    if a.source_url:
        parts.append(
            f'<p class="disclaimer">{escape(site.name)} is not affiliated with '
            f"{escape(item.source_name)} and implies no endorsement by it.</p>"
        )
    parts.append("</footer>")
    return "\n".join(parts)


def _infobox(item: ExportArticle, fix: Callable[[str], str]) -> str:
    if not item.infobox:
        return ""
    rows = "".join(
        f'<tr><th scope="row">{escape(f.label)}</th><td>{fix(f.html)}</td></tr>'
        for f in item.infobox
    )
    caption = escape(item.infobox_title or item.document.title)
    return (
        '<aside class="infobox" aria-label="Key facts"><table>'
        f"<caption>{caption}</caption><tbody>{rows}</tbody></table></aside>"
    )


def _references(item: ExportArticle, fix: Callable[[str], str]) -> str:
    if not item.references:
        return ""
    entries = []
    for ref in item.references:
        back = "".join(
            f'<a class="backlink" href="#{escape(link, quote=True)}">↑</a>'
            for link in ref.backlinks[:1]
        )
        entries.append(
            f'<li id="cite_note-{escape(ref.label, quote=True)}" value="{ref.number}">{back} '
            f'<span class="reference-text">{fix(ref.html)}</span></li>'
        )
    return (
        '<section class="references" aria-labelledby="References">'
        '<h2 id="References">References</h2>'
        f'<ol class="reference-list">{"".join(entries)}</ol></section>'
    )


def article_page(item: ExportArticle, site: ExportSite) -> str:
    """The whole HTML page of an article in an archive."""
    document = item.document
    path = archive_path(document.title)

    def fix(html: str) -> str:
        return relink(html, page_path=path, site_url=site.url)

    css = "../" * path.count("/") + STYLESHEET_PATH
    aliases = ""
    if document.aliases:
        names = ", ".join(f'<span class="alias">{escape(a)}</span>' for a in document.aliases)
        aliases = f'<p class="aliases">Also known as {names}</p>'
    notices = "".join(
        f'<p class="notice notice--warning" role="note"><strong>Notice:</strong> {escape(n)}</p>'
        for n in document.notices
    )
    categories = ""
    if item.categories:
        names = "".join(f"<li>{escape(c)}</li>" for c in item.categories)
        categories = (
            '<section class="categories" aria-label="Categories">'
            f"<h2>Categories</h2><ul>{names}</ul></section>"
        )
    title = escape(document.title)
    language = escape(document.language, quote=True)
    return (
        f'<!doctype html>\n<html lang="{language}" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        f'<meta name="description" content="{escape(item.lead[:300], quote=True)}">\n'
        f'<link rel="stylesheet" href="{css}">\n</head>\n<body>\n<main id="content">\n'
        f'<article class="article" lang="{language}">\n'
        f'<header class="article__header"><h1>{title}</h1>{aliases}'
        f'<p class="article__meta">From {escape(item.source_name)}</p>{notices}</header>\n'
        f"{_infobox(item, fix)}\n"
        f'<div class="article__body">\n{fix(item.body_html)}\n</div>\n'
        f"{_references(item, fix)}\n{categories}\n{attribution_html(item, site)}\n"
        "</article>\n</main>\n</body>\n</html>\n"
    )


def main_page(site: ExportSite, titles: list[str], total: int) -> str:
    """The archive's main page: what it is, and its first articles by title."""
    path = "-/main"
    items = "".join(
        f'<li><a href="{relative_href(path, archive_path(t))}">{escape(t)}</a></li>' for t in titles
    )
    more = (
        f"<p>The first {len(titles):,} of {total:,} articles; search finds the others.</p>"
        if total > len(titles)
        else f"<p>{total:,} articles.</p>"
    )
    name = escape(site.name)
    return (
        f'<!doctype html>\n<html lang="{escape(site.language, quote=True)}" dir="ltr">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{name}</title>\n'
        f'<link rel="stylesheet" href="../{STYLESHEET_PATH}">\n</head>\n<body>\n'
        f'<main id="content"><article class="article"><header class="article__header">'
        f"<h1>{name}</h1><p>{escape(site.description)}</p></header>\n{more}\n"
        f'<ul class="category-list">{items}</ul>\n'
        f"<p>Every article names its source, authors and licence. Exported from "
        f"{_a(site.url, site.url)}.</p></article></main>\n</body>\n</html>\n"
    )
