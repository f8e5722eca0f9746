"""Citation templates ({{cite web}}, {{citation}}, {{sfn}}...) as inline Cyclopedia Markdown.

The converter hands over parameter values already converted to inline Markdown and gets back
text in the order and punctuation Wikipedia's Citation Style 1 shows (CS2, commas and no final
full stop, for ``{{citation}}``), e.g. ``Smith, John (2004). "Title". *Journal*. **12** (3):
45–67. PMID 123. Retrieved 5 May 2010.`` The title's URL and the DOI are returned apart
(:class:`Citation`): the renderer links them itself, so neither appears in the text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cyclopedia.formats.mediawiki.wikitext.citation_names import foreign_kind, translate
from cyclopedia.formats.mediawiki.wikitext.citation_params import Params
from cyclopedia.formats.mediawiki.wikitext.cs1 import Citation as Citation
from cyclopedia.formats.mediawiki.wikitext.cs1 import CitationBuilder
from cyclopedia.formats.mediawiki.wikitext.dates import normalize_template_name

_KINDS = {
    "citation": "citation",
    "web": "web", "website": "web", "news": "news", "newspaper": "news",
    "journal": "journal", "paper": "journal", "book": "book", "magazine": "magazine",
    "encyclopedia": "encyclopedia", "encyclopaedia": "encyclopedia", "dictionary": "encyclopedia",
    "conference": "conference", "report": "report", "techreport": "report", "thesis": "thesis",
    "av media": "av media", "video": "av media", "press release": "press release",
    "episode": "episode", "serial": "episode", "av media notes": "av media",
    "interview": "interview", "map": "map",
    "speech": "speech", "tweet": "tweet", "arxiv": "arxiv", "court": "court", "patent": "patent",
    "document": "document", "gazette": "gazette", "podcast": "podcast", "sign": "sign",
    "mailing list": "mailing list", "mailinglist": "mailing list", "newsgroup": "newsgroup",
    "q": "q",
}  # fmt: skip
_SHORT = {
    "sfn": "sfn", "shortened footnote template": "sfn", "sfnp": "sfnp", "sfnm": "sfnm",
    "harv": "harv", "harvard citation": "harv", "harvnb": "harvnb",
    "harvard citation no brackets": "harvnb", "harvtxt": "harvtxt",
    "harvard citation text": "harvtxt", "harvp": "harvp", "harvs": "harvs",
    "harvcol": "harvcol", "harvcolnb": "harvcolnb", "harvcoltxt": "harvcoltxt",
}  # fmt: skip


def is_citation_template(name: str) -> bool:
    return _kind(name) is not None


def is_short_citation_template(name: str) -> bool:
    """{{sfn}}, {{harv}} and relatives; {{rp}} is a page marker (see is_page_marker_template)."""
    return normalize_template_name(name) in _SHORT


def is_page_marker_template(name: str) -> bool:
    return normalize_template_name(name) == "rp"


def format_page_marker(positional: Sequence[str], params: Mapping[str, str]) -> str:
    """{{rp|23}} after a citation marker: ":23" (the colon escaped, so that a marker at the start
    of a line followed by it never reads as a reference definition), or "" without a page."""
    named = Params(params)
    page = next((value.strip() for value in positional if value.strip()), "")
    page = page or named.get("page", "p", "pages", "pp", "at", "loc")
    return f"\\:{page}" if page else ""


def format_citation(name: str, params: Mapping[str, str]) -> Citation:
    key = normalize_template_name(name)
    if foreign_kind(key):
        kind, params = translate(key, params)
        return CitationBuilder(kind, Params(params)).build()
    kind = _kind(name) or "citation"
    p = Params(params)
    return CitationBuilder(kind, p).build()


def format_short_citation(name: str, positional: Sequence[str], params: Mapping[str, str]) -> str:
    """A short author-date citation: {{sfn|Smith|Jones|2004|p=5}} -> "Smith & Jones 2004, p. 5."."""
    style = _SHORT.get(normalize_template_name(name))
    if style is None:
        return ""
    p = Params(params)
    if style == "sfnm":
        return _sfnm(p, positional)
    given = [value.strip() for value in positional if value.strip()]
    if style == "harvs":
        authors, year, style = _harvs(given, p)
    else:
        authors = _short_names(given[:-1][:4] if len(given) > 1 else given)
        year = given[-1] if len(given) > 1 else ""
    if not authors and not year:
        return ""
    if style.startswith("harvcol"):
        page = p.get("p", "page", "pp", "pages")
        loc = f":{page}" if page else ""
    else:
        loc = _short_location(p)
    head = f"{authors} {year}".strip()
    if style in {"sfnp", "harvp"}:
        text = f"{authors} ({year}){loc}" if year else f"{authors}{loc}"
    elif style in {"harvtxt", "harvcoltxt"}:
        text = f"{authors} ({year}{loc})" if year else f"{authors}{loc}"
    elif style in {"harv", "harvcol"}:
        text = f"({head}{loc})"
    else:
        text = f"{head}{loc}"
    if style in {"sfn", "sfnp"}:
        postscript = p.get("ps", "postscript")
        text += "" if postscript.lower() == "none" else postscript or "."
    return text


def _kind(name: str) -> str | None:
    key = normalize_template_name(name)
    if key == "citation":
        return "citation"
    if foreign := foreign_kind(key):
        return foreign
    for prefix in ("cite ", "vcite "):
        if key.startswith(prefix):
            return _KINDS.get(key[len(prefix) :].strip())
    return None


def _short_names(names: Sequence[str]) -> str:
    if len(names) >= 4:
        return f"{names[0]} et al."
    if len(names) == 3:
        return f"{names[0]}, {names[1]} & {names[2]}"
    return " & ".join(names)


def _short_location(p: Params, prefix: str = "") -> str:
    page, pages = p.get(f"{prefix}p", f"{prefix}page"), p.get(f"{prefix}pp", f"{prefix}pages")
    loc = p.get(f"{prefix}loc", f"{prefix}at")
    text = f", p. {page}" if page else f", pp. {pages}" if pages else ""
    return text + (f", {loc}" if loc else "")


def _harvs(given: Sequence[str], p: Params) -> tuple[str, str, str]:
    """{{harvs|nb|last=El-Bizri|year=2005a|year2=2005b}}: names and years are named parameters."""
    flags = {value.lower() for value in given}
    names = [p.get(f"last{i}", f"author{i}") for i in (1, 2, 3, 4)]
    names[0] = names[0] or p.get("last", "author")
    years = [p.get("year", "year1"), *(p.get(f"year{i}") for i in range(2, 10))]
    style = "harvtxt" if "txt" in flags else "harvnb" if "nb" in flags else "harv"
    return _short_names([n for n in names if n]), ", ".join(y for y in years if y), style


def _sfnm(p: Params, positional: Sequence[str] = ()) -> str:
    """{{sfnm|1a1=Smith|1y=2004|1p=5|2a1=Jones|2y=2005}} -> "Smith 2004, p. 5; Jones 2005.";
    unnamed arguments are each source's author and year in turn ({{sfnm|Smith|2004|1p=5}})."""
    given = [value.strip() for value in positional]
    parts = []
    for n in range(1, 10):
        names = [p.get(f"{n}a{i}") for i in (1, 2, 3, 4)]
        if not names[0] and len(given) >= 2 * n - 1:
            names[0] = given[2 * n - 2]
        year = p.get(f"{n}y") or (given[2 * n - 1] if len(given) >= 2 * n else "")
        authors = _short_names([name for name in names if name])
        if authors or year:
            parts.append(f"{authors} {year}".strip() + _short_location(p, str(n)))
    if not parts:
        return ""
    postscript = p.get("ps", "postscript")
    return "; ".join(parts) + ("" if postscript.lower() == "none" else postscript or ".")
