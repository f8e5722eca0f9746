"""Citation templates ({{cite web}}, {{citation}}, {{sfn}}...) as inline Cyclopedia Markdown.

The converter hands over parameter values already converted to inline Markdown and gets back
text in the order and punctuation Wikipedia's Citation Style 1 shows (CS2, commas and no final
full stop, for ``{{citation}}``), e.g. ``Smith, John (2004). "Title". *Journal*. **12** (3):
45–67. PMID 123. Retrieved 5 May 2010.`` The title's URL and the DOI are returned apart
(:class:`Citation`): the renderer links them itself, so neither appears in the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from cyclopedia.document.markup import escape_text, unescape_text
from cyclopedia.formats.mediawiki.wikitext.citation_names import foreign_kind, translate
from cyclopedia.formats.mediawiki.wikitext.dates import (
    humanize_iso_date,
    normalize_template_name,
)
from cyclopedia.formats.mediawiki.wikitext.languages import LANGUAGES


@dataclass(frozen=True, slots=True)
class Citation:
    text: str  # inline Markdown with the title, without the URL
    url: str | None  # http(s) only: the archive copy when the original is dead
    doi: str | None  # bare "10.xxxx/..."


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
# Classes whose title is an article-like part of something: shown "in quotes", not in italics.
_QUOTED = {"web", "news", "journal", "magazine", "press release", "podcast", "newsgroup",
           "mailing list", "interview", "arxiv", "gazette", "episode", "tweet", "q",
           "patent"}  # fmt: skip
_TITLE_TYPES = {"press release": "Press release", "thesis": "Thesis", "interview": "Interview",
                "map": "Map", "speech": "Speech", "tweet": "Tweet", "podcast": "Podcast",
                "sign": "Sign", "mailing list": "Mailing list"}  # fmt: skip
_PERIODICALS = ("journal", "newspaper", "magazine", "work", "website", "periodical", "gazette",
                "mailing-list", "mailinglist", "series-title")  # fmt: skip
_SHORT = {
    "sfn": "sfn", "shortened footnote template": "sfn", "sfnp": "sfnp", "sfnm": "sfnm",
    "harv": "harv", "harvard citation": "harv", "harvnb": "harvnb",
    "harvard citation no brackets": "harvnb", "harvtxt": "harvtxt",
    "harvard citation text": "harvtxt", "harvp": "harvp", "harvs": "harvs",
    "harvcol": "harvcol", "harvcolnb": "harvcolnb", "harvcoltxt": "harvcoltxt",
}  # fmt: skip
# Identifiers in the order CS1 lists them; the DOI is left to the renderer (Citation.doi).
_IDENTIFIERS = (
    (("arxiv", "eprint"), "arXiv:"), (("asin",), "ASIN "), (("bibcode",), "Bibcode:"),
    (("biorxiv",), "bioRxiv "), (("citeseerx",), "CiteSeerX "), (("eissn",), "eISSN "),
    (("hdl",), "hdl:"), (("isbn", "isbn13"), "ISBN "), (("ismn",), "ISMN "), (("issn",), "ISSN "),
    (("jfm",), "JFM "), (("jstor",), "JSTOR "), (("lccn",), "LCCN "), (("mr",), "MR "),
    (("oclc",), "OCLC "), (("ol",), "OL "), (("osti",), "OSTI "), (("pmc",), "PMC "),
    (("pmid",), "PMID "), (("rfc",), "RFC "), (("sbn",), "SBN "), (("ssrn",), "SSRN "),
    (("s2cid",), "S2CID "), (("zbl",), "Zbl "),
)  # fmt: skip
_LANGUAGES = LANGUAGES

_AUTOLINK = re.compile(r"<([^<>\s]+)>")
_LABEL = r"\[(?:\\.|[^\[\]\\])*\]"  # a Markdown link label: no unescaped brackets
_LINKED = re.compile(_LABEL + r"\(<([^<>]+)>\)|" + _LABEL + r"\(([^()\s]+)\)")
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
_ISO_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PAGE_RANGE = re.compile(r"\w+\s*[-–]\s*\w+|\w+")
_EMPHASIS = re.compile(r"(?<!\\)[*_]")
_TARGET_FORBIDDEN = re.compile(r"[\[\]{}|<>\n#]")
_NAME_FIELDS = {
    "author": (
        (re.compile(r"^(?:author-last|author-surname|last|surname)(\d*)$"), "last"),
        (re.compile(r"^author(\d+)-(?:last|surname)$"), "last"),
        (re.compile(r"^(?:author-first|author-given|first|given)(\d*)$"), "first"),
        (re.compile(r"^author(\d+)-(?:first|given)$"), "first"),
        (re.compile(r"^(?:author|subject|inventor|host|people)(\d*)$"), "full"),
        (re.compile(r"^(?:author-?link|subject-?link)-?(\d*)$"), "link"),
        (re.compile(r"^(?:author|subject)(\d+)-?link$"), "link"),
    ),
    "editor": (
        (re.compile(r"^editor-(?:last|surname)(\d*)$"), "last"),
        (re.compile(r"^editor(\d+)-(?:last|surname)$"), "last"),
        (re.compile(r"^editor-(?:first|given)(\d*)$"), "first"),
        (re.compile(r"^editor(\d+)-(?:first|given)$"), "first"),
        (re.compile(r"^editor(\d*)$"), "full"),
        (re.compile(r"^editor-?link(\d*)$"), "link"),
        (re.compile(r"^editor(\d+)-?link$"), "link"),
    ),
}

# Whether a parameter is one of a role's name fields at all: any of its patterns, in one.
_NAME_KEYS = {
    role: re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in patterns))
    for role, patterns in _NAME_FIELDS.items()
}


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
    named = _Params(params)
    page = next((value.strip() for value in positional if value.strip()), "")
    page = page or named.get("page", "p", "pages", "pp", "at", "loc")
    return f"\\:{page}" if page else ""


def format_citation(name: str, params: Mapping[str, str]) -> Citation:
    key = normalize_template_name(name)
    if foreign_kind(key):
        kind, params = translate(key, params)
        return _Builder(kind, _Params(params)).build()
    kind = _kind(name) or "citation"
    p = _Params(params)
    return _Builder(kind, p).build()


def format_short_citation(name: str, positional: Sequence[str], params: Mapping[str, str]) -> str:
    """A short author-date citation: {{sfn|Smith|Jones|2004|p=5}} -> "Smith & Jones 2004, p. 5."."""
    style = _SHORT.get(normalize_template_name(name))
    if style is None:
        return ""
    p = _Params(params)
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


# --- parameters and small formatting helpers -------------------------------------------------


class _Params:
    """Non-empty parameters by normalised name ("Access_Date" -> "access-date")."""

    def __init__(self, params: Mapping[str, str]) -> None:
        self.values: dict[str, str] = {}
        for key, value in params.items():
            name = "-".join(key.strip().lower().replace("_", "-").split())
            if value.strip() and name not in self.values:
                self.values[name] = value.strip()

    def get(self, *names: str) -> str:
        values = self.values  # every value is non-empty
        for name in names:
            if name in values:
                return values[name]
        return ""


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


def _unescape(text: str) -> str:
    return unescape_text(text)


def _url(value: str) -> str | None:
    """An http(s) URL from a parameter value: bare (escaped), an autolink or a Markdown link."""
    text = value.strip()
    if match := _AUTOLINK.fullmatch(text):
        text = match.group(1)
    elif match := _LINKED.fullmatch(text):
        text = match.group(1) or match.group(2)
    else:
        # An archive address holds the original one, which the converter made an autolink:
        # "https://web.archive.org/web/2010/<http://example.com>".
        text = _unescape(_AUTOLINK.sub(r"\1", text))
    text = text.strip()
    if text.startswith("//"):
        text = "https:" + text
    if not re.match(r"https?://[^\s/?#]+\.[^\s/?#]", text, re.IGNORECASE) or "\n" in text:
        return None
    return text.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def _doi(value: str) -> str | None:
    text = _url(value) or _unescape(value.strip())
    text = _DOI_PREFIX.sub("", text).strip().rstrip(".")
    return text if _DOI.fullmatch(text) else None


def _italic(value: str) -> str:
    """Markdown italics around a value that may itself hold emphasis or links."""
    text = value.strip()
    if not text:
        return ""
    inner = _EMPHASIS.findall(text)
    if re.fullmatch(r"\*[^*].*\*", text, re.DOTALL) and len(inner) == 2:
        return text  # already italic as a whole
    if "*" in inner and "_" not in inner:
        return f"_{text}_"  # nests inside: _Title with *Ship* name_
    return f"*{text}*"


def _bold(value: str) -> str:
    return value if "*" in value else f"**{value}**"


def _quoted(value: str) -> str:
    return f'"{value}"'


def _drop_terminal_stop(title: str) -> str:
    """CS1 drops a title's final full stop (keeping an ellipsis and initials like "U.S.")."""
    if title.endswith(".") and not title.endswith("..") and not re.search(r"(\.|\s)\w\.$", title):
        return title[:-1]
    return title


def _dash_ranges(pages: str) -> str:
    """45-67 -> 45–67, as CS1 does for page ranges (only when the value is a list of ranges)."""
    parts = [part.strip() for part in pages.split(",")]
    if all(_PAGE_RANGE.fullmatch(part) for part in parts):
        return ", ".join(re.sub(r"\s*-\s*", "–", part) for part in parts)
    return pages


def _link_target(value: str) -> str | None:
    target = _unescape(value).replace("_", " ").strip()
    if not target or _TARGET_FORBIDDEN.search(target) or "://" in target:
        return None
    return " ".join(target.split())


def _language_names(value: str) -> str:
    names = [
        _LANGUAGES.get(part.strip().lower(), part.strip())
        for part in value.split(",")
        if part.strip()
    ]
    if [name.lower() for name in names] in (["english"], ["en"]):
        return ""  # CS1 on English Wikipedia does not say "(in English)"
    if len(names) > 1:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return names[0] if names else ""


def _short_names(names: Sequence[str]) -> str:
    if len(names) >= 4:
        return f"{names[0]} et al."
    if len(names) == 3:
        return f"{names[0]}, {names[1]} & {names[2]}"
    return " & ".join(names)


def _short_location(p: _Params, prefix: str = "") -> str:
    page, pages = p.get(f"{prefix}p", f"{prefix}page"), p.get(f"{prefix}pp", f"{prefix}pages")
    loc = p.get(f"{prefix}loc", f"{prefix}at")
    text = f", p. {page}" if page else f", pp. {pages}" if pages else ""
    return text + (f", {loc}" if loc else "")


def _harvs(given: Sequence[str], p: _Params) -> tuple[str, str, str]:
    """{{harvs|nb|last=El-Bizri|year=2005a|year2=2005b}}: names and years are named parameters."""
    flags = {value.lower() for value in given}
    names = [p.get(f"last{i}", f"author{i}") for i in (1, 2, 3, 4)]
    names[0] = names[0] or p.get("last", "author")
    years = [p.get("year", "year1"), *(p.get(f"year{i}") for i in range(2, 10))]
    style = "harvtxt" if "txt" in flags else "harvnb" if "nb" in flags else "harv"
    return _short_names([n for n in names if n]), ", ".join(y for y in years if y), style


def _sfnm(p: _Params, positional: Sequence[str] = ()) -> str:
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


# --- the CS1 builder ----------------------------------------------------------------------------


class _Text:
    """Elements joined CS1's way: the separator between them, never twice in a row."""

    def __init__(self, separator: str) -> None:
        self.separator = separator
        self.text = ""

    def add(self, element: str, glue: str | None = None) -> None:
        if not element:
            return
        if not self.text:
            self.text = element[2:] if element.startswith((". ", ", ", ": ")) else element
        elif glue is not None:
            self.text += glue + element
        elif self.text.rstrip("*_").endswith((self.separator, ".")):
            self.text += " " + element  # "*U.S.* 2000", as CS1 looks inside the italics too
        else:
            self.text += f"{self.separator} {element}"


class _Builder:
    def __init__(self, kind: str, p: _Params) -> None:
        self.kind = kind
        self.p = p
        mode = p.get("mode").lower()
        self.cs2 = mode == "cs2" or (kind == "citation" and mode != "cs1")
        self.separator = "," if self.cs2 else "."
        self.mdy = p.get("df").lower().startswith("mdy")
        self.encyclopedia = p.get("encyclopedia", "encyclopaedia", "dictionary")
        self.periodical = p.get(*_PERIODICALS)
        self.journal = kind == "journal" or (kind == "citation" and bool(p.get("journal")))
        self.editor_count = 0  # set by editors()

    def word(self, text: str) -> str:
        """Fixed wording, lower case in CS2 ("Retrieved" -> "retrieved")."""
        return text[0].lower() + text[1:] if self.cs2 else text

    def date(self, value: str) -> str:
        return humanize_iso_date(value, mdy=self.mdy) if _ISO_LIKE.match(value) else value

    def build(self) -> Citation:
        p = self.p
        if self.kind == "court":
            return self.court()
        original = _url(p.get("url"))
        chapter_url = _url(p.get("chapter-url", "chapterurl", "contribution-url", "section-url"))
        archive = _url(p.get("archive-url", "archiveurl"))
        original = original or chapter_url
        status = p.get("url-status").lower()
        if not status and p.get("dead-url", "deadurl"):
            status = "live" if p.get("dead-url", "deadurl").lower() in {"no", "n"} else "dead"
        url = archive if archive and status != "live" else original or archive
        url = url or self.implied_url()

        text = _Text(self.separator)
        authors = self.authors()
        editors = self.editors()  # sets self.editor_count
        editor_count = self.editor_count
        date = self.date(p.get("date", "year", "air-date", "airdate", "publication-date"))
        if self.kind == "patent":
            date = self.date(p.get("issue-date", "gdate", "publication-date", "pubdate", "date"))
        orig = p.get("orig-date", "orig-year", "origyear")
        dated = f" ({date})" + (f" \\[{orig}\\]" if orig else "") if date else ""
        chapter = self.chapter()
        editor_suffix = self.word(" (eds.)" if editor_count > 1 else " (ed.)")
        if authors:
            text.add(authors + dated)
            text.add(chapter)
            if editors:
                lead = self.word("In ") if chapter else ""
                text.add(lead + editors + editor_suffix)
        elif editors:
            eds = "eds." if editor_count > 1 else "ed."
            text.add(f"{editors}, {eds}{dated}" if date else editors + editor_suffix)
            text.add(chapter)
        else:
            text.add(chapter)
        self.common(text, original)
        pages = self.pages()
        if not authors and not editors and date:
            if self.journal and self.periodical:
                text.add(pages[0], pages[1])
                text.add(date + (f" \\[{orig}\\]" if orig else ""))
            else:
                text.add(date + (f" \\[{orig}\\]" if orig else ""))
                text.add(pages[0], pages[1])
        else:
            text.add(pages[0], pages[1])
        self.identifiers(text)
        if archive and original:
            when = self.date(p.get("archive-date", "archivedate"))
            wording = self.word("Archived from the original")
            text.add(f"{wording} on {when}" if when else wording)
        access = p.get("access-date", "accessdate")
        if access and (original or archive):
            text.add(self.word("Retrieved ") + self.date(access))
        via = p.get("via")
        if self.kind == "tweet":
            via = via or "Twitter"
        if via:
            text.add(f"via {via}", " – ")
        quote = p.get("quote", "quotation")
        if quote:
            if len(quote) > 1 and quote[0] == quote[-1] == '"':
                quote = quote[1:-1]
            text.add(_quoted(quote))
            trans_quote = p.get("trans-quote")
            if trans_quote:
                text.add(f"\\[{trans_quote}\\]", " ")
        elif not self.cs2 and not text.text.rstrip("*_").endswith("."):
            text.text += "."
        doi = _doi(p.get("doi", "DOI"))
        return Citation(text=text.text.strip() or "Untitled", url=url, doi=doi)

    def implied_url(self) -> str | None:
        """Links CS1 (or the template) makes without |url=: PMC, arXiv, tweets, Wikidata."""
        p = self.p
        pmc = p.get("pmc").upper().removeprefix("PMC")
        if pmc.isascii() and pmc.isdigit():
            return f"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC{pmc}/"
        eprint = _unescape(p.get("eprint", "arxiv"))
        if self.kind == "arxiv" and re.fullmatch(r"[A-Za-z0-9./-]+", eprint):
            return f"https://arxiv.org/abs/{eprint}"
        user, number = _unescape(p.get("user")), p.get("number")
        tweet = re.fullmatch(r"[A-Za-z0-9_]{1,50}", user) and re.fullmatch(r"[0-9]{1,30}", number)
        if self.kind == "tweet" and tweet:
            return f"https://twitter.com/{user}/status/{number}"
        qid = p.get("1", "qid", "q").upper()
        if self.kind == "q" and re.fullmatch(r"Q[0-9]+", qid):
            return f"https://www.wikidata.org/wiki/{qid}"
        return None

    # people

    def people(self, role: str) -> list[str]:
        fields: dict[int, dict[str, str]] = {}
        is_name = _NAME_KEYS[role]
        for key, value in self.p.values.items():
            if not is_name.match(key):
                continue  # most parameters are no name: one match says so, not seven
            for pattern, field_name in _NAME_FIELDS[role]:
                match = pattern.match(key)
                if match:
                    if len(match.group(1)) < 9:  # "last99999999999999999999" is no author
                        index = int(match.group(1) or 1)
                        fields.setdefault(index, {}).setdefault(field_name, value)
                    break
        vancouver = self.p.get("name-list-style", "name-list-format").lower() == "vanc"
        names = []
        for index in sorted(fields):
            entry = fields[index]
            last, first = entry.get("last", ""), entry.get("first", "")
            if last and vancouver:
                initials = "".join(w[0] for w in re.split(r"[\s.-]+", first) if w).upper()
                name = f"{last} {initials}".strip()
            elif last:
                name = f"{last}, {first}" if first else last
            else:
                name = entry.get("full", "")
            if not name:
                continue
            target = _link_target(entry["link"]) if "link" in entry else None
            if target and "[" not in name and "]" not in name and "](" not in name:
                name = f"[[{target}|{name}]]"
            names.append(name)
        return names

    def name_list(self, names: list[str], display: str, separator: str) -> str:
        etal = display.lower() in {"etal", "et al", "et al."}
        if display.isdigit() and int(display) < len(names):
            names, etal = names[: int(display)], True
        if not names:
            return ""
        amp = self.p.get("name-list-style").lower() == "amp" or bool(self.p.get("last-author-amp"))
        if amp and len(names) > 1 and not etal:
            text = separator.join(names[:-1]) + " & " + names[-1]
        else:
            text = separator.join(names)
        return f"{text}{separator}et al." if etal else text

    def authors(self) -> str:
        p = self.p
        display = p.get("display-authors", "displayauthors")
        vauthors = p.get("vauthors")
        if vauthors:
            names = [n.strip() for n in re.sub(r"\(\((.*?)\)\)", r"\1", vauthors).split(",")]
            text = self.name_list([n for n in names if n], display, ", ")
        elif p.get("authors"):
            text = p.get("authors")
        else:
            vanc = p.get("name-list-style", "name-list-format").lower() == "vanc"
            text = self.name_list(self.people("author"), display, ", " if vanc else "; ")
        if self.kind == "tweet" and p.get("user"):
            handle = f"\\[@{p.get('user')}\\]"
            text = f"{text} {handle}" if text else f"@{p.get('user')}"
        collaboration = p.get("collaboration")
        if text and collaboration:
            text += f" ({collaboration})"
        if display == "0":
            return ""
        return text

    def editors(self) -> str:
        names = self.people("editor")
        if self.p.get("editors") and not names:
            self.editor_count = 2
            return self.p.get("editors")
        self.editor_count = len(names)
        text = self.name_list(names, self.p.get("display-editors", "displayeditors"), "; ")
        if text.endswith("et al."):
            self.editor_count = 2
        return text

    # title, work, publisher

    def chapter(self) -> str:
        p = self.p
        if self.kind == "encyclopedia" or (self.kind == "citation" and self.encyclopedia):
            chapter = p.get("title", "article", "entry", "chapter", "contribution")
            trans = p.get("trans-title", "trans-chapter")
        elif self.kind == "conference" and p.get("book-title", "booktitle"):
            chapter, trans = p.get("title"), p.get("trans-title")
        elif self.kind in _QUOTED or (self.kind == "citation" and self.periodical):
            return ""  # CS1 ignores |chapter= in periodical citations
        else:
            chapter = p.get("chapter", "contribution", "section", "entry", "article")
            trans = p.get("trans-chapter", "trans-contribution")
        if not chapter and not trans:
            return ""
        text = _quoted(_drop_terminal_stop(chapter)) if chapter else ""
        if trans:
            text = f"{text} \\[{trans}\\]".strip()
        chapter_format = p.get("chapter-format")
        return text + (f" ({chapter_format})" if chapter_format else "")

    def title_style(self) -> str:
        if self.kind in _QUOTED or (self.kind == "citation" and self.periodical):
            return "quoted"
        return "plain" if self.kind == "report" else "italic"

    def title(self, original: str | None) -> str:
        p = self.p
        encyclopedic = self.kind == "encyclopedia" or (
            self.kind == "citation" and bool(self.encyclopedia)
        )
        if encyclopedic:
            title, trans, script = self.encyclopedia, "", ""
        elif self.kind == "conference" and p.get("book-title", "booktitle"):
            title, trans, script = p.get("book-title", "booktitle"), "", ""
        else:
            title, trans = p.get("title"), p.get("trans-title")
            script = re.sub(r"^[a-z]{2,3}(?:-[a-z]+)?:", "", p.get("script-title")).strip()
        style = "italic" if encyclopedic else self.title_style()
        parts = []
        for value in (title, script):
            if value:
                value = _drop_terminal_stop(value)
                parts.append(
                    _quoted(value) if style == "quoted" else _italic(value)
                    if style == "italic" else value
                )  # fmt: skip
        if trans:
            parts.append(f"\\[{trans}\\]")
        if not parts:
            if self.kind == "q" and self.implied_url():
                return f"Wikidata item {p.get('1', 'qid', 'q').upper()}"
            host = urlsplit(original).hostname if original else None
            if host:
                return escape_text(host)
            if self.chapter() or self.periodical:
                return ""
            return "Untitled"
        text = " ".join(parts)
        title_format = p.get("format")
        return text + (f" ({title_format})" if title_format else "")

    def common(self, text: _Text, original: str | None) -> None:
        """Title, work, volume, edition, publisher: CS1's "tcommon" in its order."""
        p = self.p
        text.add(self.title(original))
        title_type = p.get("type", "medium", "degree") or _TITLE_TYPES.get(self.kind, "")
        if self.kind == "thesis" and p.get("degree"):
            title_type = f"{p.get('degree')} thesis"
        if self.kind == "interview" and p.get("interviewer"):
            text.add(self.word("Interviewed by ") + p.get("interviewer"))
        text.add(p.get("department"))
        text.add(p.get("conference", "event"))
        periodical = self.periodical
        if self.kind == "newsgroup" and p.get("newsgroup"):
            text.add(f"Newsgroup: {p.get('newsgroup')}")
        elif periodical:
            text.add(_italic(periodical))
        if title_type:
            text.add(f"({title_type})", " ")
        language = _language_names(p.get("language", "lang", "in"))
        if language:
            text.add(f"(in {language})", " ")
        if self.kind == "episode":
            text.add(_italic(p.get("series")))
            season, number = p.get("season", "series-no", "seriesno"), p.get("number", "episode")
            text.add(self.word(f"Season {season}") if season else "")
            text.add(self.word(f"Episode {number}") if number else "")
        else:
            text.add(p.get("series", "version"))
        if not self.journal:
            text.add(self.volume())
        translator = p.get("translator", "translator-last", "translator1")
        text.add(p.get("others"))
        text.add(self.word("Translated by ") + translator if translator else "")
        if p.get("cartography"):
            text.add(self.word("Cartography by ") + p.get("cartography"))
        if p.get("scale"):
            text.add(p.get("scale"))
        edition = p.get("edition")
        if edition:
            text.add(f"({edition} ed.)", " ")
        place = p.get("location", "place", "publication-place", "publicationplace")
        publisher = p.get(
            "publisher", "network", "station", "institution", "school", "university", "assignee"
        )
        published = p.get("publication-date") if p.get("date", "year") else ""
        published = f" ({self.word('Published')} {self.date(published)})" if published else ""
        if publisher and place:
            text.add(f"{place}: {publisher}{published}")
        elif publisher or place:
            text.add(f"{publisher or place}{published}")
        text.add(p.get("agency"))
        if self.journal:
            volume = self.volume()  # "*Journal*. **12** (3)", but "*Journal* (3)"
            text.add(volume, " " if volume.startswith("(") else None)

    def volume(self) -> str:
        volume, issue = self.p.get("volume"), self.p.get("issue", "number")
        if self.kind in {"episode", "tweet", "patent"}:
            issue = ""  # |number= is the episode, the tweet's id, the patent's number
        if self.journal:  # "**12** (3)"; a long volume ("Chapter 18") is not bold
            shown = (_bold(volume) if len(_unescape(volume)) <= 4 else volume) if volume else ""
            return f"{shown} ({issue})".strip() if issue else shown
        vol, no = self.word("Vol. "), self.word("No. ")
        if volume and issue:
            return f"{vol}{volume}, {self.word('no. ').lower()}{issue}"
        return f"{vol}{volume}" if volume else f"{no}{issue}" if issue else ""

    def pages(self) -> tuple[str, str | None]:
        """The in-source location and how it joins: ": 45–67" for journals, ". pp. 45–67"."""
        p = self.p
        page, pages, at = p.get("page", "p"), p.get("pages", "pp"), p.get("at")
        no_pp = p.get("no-pp", "nopp").lower() in {"y", "yes", "true", "1"}
        if self.journal and (page or pages):
            return f": {_dash_ranges(page or pages)}", ""
        if page:
            return (page if no_pp else f"p. {_dash_ranges(page)}"), None
        if pages:
            single = pages.isdigit()
            return (pages if no_pp else f"{'p.' if single else 'pp.'} {_dash_ranges(pages)}"), None
        return at, None

    def identifiers(self, text: _Text) -> None:
        p = self.p
        if self.kind == "patent" and p.get("number"):
            country = p.get("country", "country-code")
            status = "patent application" if "appl" in p.get("status").lower() else "patent"
            text.add(f"{country} {status} {p.get('number')}".strip())
        for names, label in _IDENTIFIERS:
            value = p.get(*names)
            if not value:
                continue
            if label == "PMC ":
                value = value.removeprefix("PMC")
            if label == "arXiv:" and p.get("class"):
                value += f" \\[{p.get('class')}\\]"
            text.add(label + value)
        text.add(p.get("id"))

    def court(self) -> Citation:
        """{{cite court|litigants=Roe v. Wade|vol=410|reporter=U.S.|opinion=113|date=1973}}."""
        p = self.p
        litigants = _italic(p.get("litigants", "title")) or "Untitled"
        report = " ".join(x for x in (p.get("vol"), p.get("reporter"), p.get("opinion")) if x)
        if p.get("pinpoint"):
            report += f", {p.get('pinpoint')}"
        year = p.get("date", "year")
        court = " ".join(x for x in (p.get("court"), year) if x)
        body = litigants + (f", {report}" if report else "") + (f" ({court})" if court else "")
        text = _Text(".")
        text.add(body)
        if p.get("access-date", "accessdate") and p.get("url"):
            text.add("Retrieved " + self.date(p.get("access-date", "accessdate")))
        if p.get("quote"):
            text.add(_quoted(p.get("quote")))
        elif not text.text.endswith("."):
            text.text += "."
        return Citation(text=text.text, url=_url(p.get("url")), doi=None)
