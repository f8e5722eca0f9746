"""Cyclopedia Markdown to HTML with markdown-it-py: CommonMark, GFM tables and strikethrough,
citation markers ``[^label]`` and wiki links ``[[Title|label]]``.

The parser is configured once; per-render state (citation numbers, links found, headings) lives in
the ``env`` of each render. Raw HTML is parsed so that what Markdown lacks (sub/sup, complex
tables) can be written, and every result goes through :func:`cyclopedia.render.sanitize.sanitize`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline, strikethrough
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from cyclopedia.document.markup import CITATION_RE, WIKILINK_RE
from cyclopedia.document.titles import TitleError, normalize_title, title_to_path

LinkExists = Callable[[str], bool]
# Ids the page templates use around the article body: a heading never takes one of them.
RESERVED_IDS = frozenset(
    {"content", "References", "toc-heading", "attribution-heading", "recent-heading"}
)
MAX_ANCHOR_CHARS = 120
MAX_NESTING = 100
_RESERVED_ATTRIBUTE = re.compile(
    r"""\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)""", re.IGNORECASE
)
_TAG = re.compile(r"<[^<>]*>")
_ALIGN = re.compile(r"text-align:\s*(left|center|right)")


@dataclass
class RenderState:
    """What one article's render collects and shares between its infobox and body."""

    labels: frozenset[str]  # the document's reference labels
    link_exists: LinkExists
    wiki_prefix: str = "/wiki/"
    numbers: dict[str, int] = field(default_factory=dict)  # label -> number, by first marker
    occurrences: dict[str, int] = field(default_factory=dict)  # label -> markers so far
    links: dict[str, None] = field(default_factory=dict)  # normalised targets, in order
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # level, anchor, text
    anchors: set[str] = field(default_factory=lambda: set(RESERVED_IDS))

    def cite(self, label: str) -> tuple[int, str] | None:
        """Number a marker as the reader meets it (what the source text says is irrelevant:
        a ``[^1]`` inside a code span is no marker)."""
        if label not in self.labels:
            return None
        number = self.numbers.setdefault(label, len(self.numbers) + 1)
        count = self.occurrences.get(label, 0) + 1
        self.occurrences[label] = count
        return number, f"cite_ref-{label}-{count}"


def _citation_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[^", state.pos):
        return False
    match = CITATION_RE.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        token = state.push("citation", "sup", 0)
        token.meta = {"label": match.group(1)}
    state.pos = match.end()
    return True


def _wikilink_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[[", state.pos):
        return False
    match = WIKILINK_RE.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        target, _, section = match.group(1).partition("#")
        meta = {"target": target.strip(), "section": section.strip(), "opened": False}
        state.push("wikilink_open", "a", 1).meta = meta
        label = match.group(2) or ""
        if label.strip():
            # The label is inline Markdown, parsed like the text of an ordinary link.
            pos, pos_max = state.pos, state.posMax
            state.pos, state.posMax = match.start(2), match.end(2)
            state.md.inline.tokenize(state)
            state.pos, state.posMax = pos, pos_max
        else:
            state.push("text", "", 0).content = match.group(1).strip()
        state.push("wikilink_close", "a", -1).meta = meta
    state.pos = match.end()
    return True


def anchor_for(text: str) -> str:
    """A section anchor as Wikipedia spells them: the heading text with underscores."""
    anchor = re.sub(r"[^\w.\-:]", "", "_".join(unicodedata.normalize("NFC", text).split()))
    anchor = anchor[:MAX_ANCHOR_CHARS]
    return anchor if anchor[:1].isalpha() else f"section_{anchor}".rstrip("_")


def _headings_rule(state: StateCore) -> None:
    render: RenderState | None = state.env.get("cyclopedia")
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type in ("th_open", "td_open"):
            style = str(token.attrGet("style") or "")
            if token.attrs:
                token.attrs.pop("style", None)
            if align := _ALIGN.search(style):
                token.attrSet("class", f"align-{align.group(1)}")
        if token.type != "heading_open" or render is None:
            continue
        # The article title is the page's only h1: body headings start at h2.
        level = max(2, int(token.tag[1]))
        token.tag = f"h{level}"
        tokens[index + 2].tag = token.tag
        inline = tokens[index + 1]
        text = "".join(
            child.content
            for child in inline.children or []
            if child.type in ("text", "code_inline")
        )
        anchor = base = anchor_for(text)
        suffix = 2
        while anchor in render.anchors:
            anchor, suffix = f"{base}_{suffix}", suffix + 1
        render.anchors.add(anchor)
        token.attrSet("id", anchor)
        render.headings.append((level, anchor, " ".join(text.split())))


@functools.lru_cache(maxsize=16384)
def _wiki_target(raw: str) -> tuple[str, str] | None:
    """A link target's normal title and its URL path, or None when it names no article.

    Cached (a pure function of the text): an article links to the same titles again and again,
    and so do the articles one worker renders.
    """
    try:
        title = normalize_title(raw)
    except TitleError:
        return None
    return title, title_to_path(title)


def _without_reserved_attributes(html: str) -> str:
    """Raw HTML in a text may not give itself the renderer's classes or ids (which would let it
    pass for a citation, a hatnote or a part of the page); only the renderer sets those."""
    return _TAG.sub(lambda tag: _RESERVED_ATTRIBUTE.sub("", tag.group(0)), html)


class _Renderer(RendererHTML):
    def citation(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        label = tokens[idx].meta["label"]
        state: RenderState = env["cyclopedia"]
        cited = state.cite(label)
        if cited is None:  # a marker with no reference: shown as written, inert
            return escape(f"[^{label}]")
        number, ref_id = cited
        return (
            f'<sup class="reference" id="{escape(ref_id)}">'
            f'<a href="#cite_note-{escape(label)}">[{number}]</a></sup>'
        )

    def wikilink_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        meta = tokens[idx].meta
        state: RenderState = env["cyclopedia"]
        target = path = ""
        if meta["target"]:
            known = _wiki_target(meta["target"])
            if known is None:
                return ""  # not a title: the label alone, as text
            target, path = known
        fragment = f"#{anchor_for(meta['section'])}" if meta["section"] else ""
        if not target and not fragment:
            return ""
        meta["opened"] = True  # shared with the closing token
        if not target:  # [[#Section]]: a link within the page
            return f'<a href="{escape(fragment)}">'
        state.links.setdefault(target, None)
        href = escape(state.wiki_prefix + path + fragment)
        if state.link_exists(target):
            return f'<a class="wikilink" href="{href}" title="{escape(target)}">'
        return f'<a class="wikilink new" href="{href}" title="{escape(target)} (no article yet)">'

    def wikilink_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return "</a>" if tokens[idx].meta["opened"] else ""

    def html_inline(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return _without_reserved_attributes(tokens[idx].content)

    def html_block(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return _without_reserved_attributes(tokens[idx].content)

    def link_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        href = str(token.attrGet("href") or "")
        if href.startswith(("http://", "https://")):
            token.attrSet("class", "external")
            token.attrSet("rel", "nofollow noopener")
        return self.renderToken(tokens, idx, options, env)


_UNSAFE_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file):", re.IGNORECASE)
# An http(s) address in this spelling (a lower-case host that is a valid DNS name, only
# characters that need neither escaping nor decoding) is its own normal form and its own display
# text. That is most URLs of real references, and markdown-it's general normalisation (parse,
# punycode, encode again) costs more than parsing the rest of a reference. mdurl cuts hosts
# longer than 255 characters and labels longer than 63: those take the general way.
_PLAIN_URL = re.compile(
    r"https?://(?![a-z0-9.\-]{256})(?![a-z0-9.\-]*?[a-z0-9\-]{64})[a-z0-9.\-]+"
    r"(?::[0-9]+)?(?:[/?#][A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]*)?\Z"
)


def plain_url(url: str) -> bool:
    """Whether ``url`` is its own normal form, as a link and as text (no punycode host)."""
    return _PLAIN_URL.match(url) is not None and "xn--" not in url


class _MarkdownIt(MarkdownIt):
    def validateLink(self, url: str) -> bool:
        # markdown-it's own check, spelled out: the sanitiser enforces the allowlist again.
        return not _UNSAFE_SCHEME.match(re.sub(r"[\x00-\x20\x7f]", "", url))

    def normalizeLink(self, url: str) -> str:
        return url if plain_url(url) else super().normalizeLink(url)

    def normalizeLinkText(self, link: str) -> str:
        return link if plain_url(link) else super().normalizeLinkText(link)


def _strikethrough_pairs(state: StateInline) -> None:
    """markdown-it's strikethrough pass, skipped where it has nothing to do: it acts only on
    ``~`` delimiters, yet walks every token's metadata (a fortieth of rendering an article)."""
    if "~" in state.src:
        strikethrough.postProcess(state)


def _parser(*, breaks: bool) -> MarkdownIt:
    md = _MarkdownIt(
        "commonmark",
        # markdown-it stops rendering (silently) past maxNesting levels; the commonmark preset's
        # 20 cut real articles short, so allow what deep real lists and quotes need.
        {"html": True, "breaks": breaks, "typographer": False, "maxNesting": MAX_NESTING},
        renderer_cls=_Renderer,
    ).enable(["table", "strikethrough"])
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.inline.ruler.before("link", "wikilink", _wikilink_rule)
    md.inline.ruler2.at("strikethrough", _strikethrough_pairs)
    md.core.ruler.push("cyclopedia_headings", _headings_rule)
    return md


BLOCK = _parser(breaks=False)
INLINE = _parser(breaks=True)  # infobox values: a newline is a line break


def render_block(markdown: str, state: RenderState) -> str:
    env: dict[str, Any] = {"cyclopedia": state}
    return str(BLOCK.render(markdown, env))


def render_inline(markdown: str, state: RenderState) -> str:
    env: dict[str, Any] = {"cyclopedia": state}
    return str(INLINE.renderInline(markdown, env))
