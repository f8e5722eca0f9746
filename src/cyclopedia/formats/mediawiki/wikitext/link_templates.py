"""Text templates that make links: to other articles ({{ill}}, {{army}}, {{ru}}), to books,
sites and databases ({{Google books}}, {{Official website}}, {{URL}}, {{IMDb title}}), and
stock tickers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cyclopedia.document.markup import unescape_text
from cyclopedia.formats.mediawiki.wikitext.countries import COUNTRY_CODES
from cyclopedia.formats.mediawiki.wikitext.template_handlers import Handler, stripped

_MARKUP = re.compile(r"[\[\]|*_<>\\`{}]")


def interlanguage_link(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{ill|Ewald Wüst|de|lt=Wüst}}: a link to the article of this wiki (missing for now; the
    other wiki's article is a fallback of the source wiki only), shown as its label."""
    args = stripped(positional)
    target = args[0] if args else ""
    label = named.get("lt", "").strip() or named.get("label", "").strip() or target
    if not target or _MARKUP.search(target):
        return label
    if _MARKUP.search(label):
        return label
    return f"[[{target}]]" if label == target else f"[[{target}|{label}]]"


def french_interlanguage_link(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{Lien|fr=Titre|lang=de|trad=Original|texte=Shown}}, the French Wikipedia's {{ill}}: a
    link to the article of this wiki, shown as its text."""
    target = named.get("fr", "").strip() or (positional[0].strip() if positional else "")
    label = named.get("texte", "").strip() or target
    if not target:
        return label
    return interlanguage_link([target], {"lt": label})


def google_books(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{Google books|ID|Title|page=12}} → a link to the book with its title as the text."""
    args = stripped(positional)
    book = re.sub(r"[^A-Za-z0-9_-]", "", args[0] if args else named.get("id", ""))
    label = (args[1] if len(args) > 1 else "") or named.get("title", "") or "Google Books"
    page = re.sub(r"[^A-Za-z0-9]", "", named.get("page", "") or named.get("pg", ""))
    if not book:
        return label if label != "Google Books" else ""
    url = f"https://books.google.com/books?id={book}" + (f"&pg=PA{page}" if page else "")
    if named.get("plainurl", "").lower() in ("y", "yes", "true", "1"):
        return f"<{url}>"
    return f"[{label}](<{url}>)"


def google_buch(positional: Sequence[str], named: dict[str, str]) -> str:
    """German {{Google Buch|BuchID=...|Seite=...|Linktext=...}}."""
    book = re.sub(r"[^A-Za-z0-9_-]", "", named.get("buchid", ""))
    label = named.get("linktext", "") or "Google Books"
    page = re.sub(r"[^A-Za-z0-9]", "", named.get("seite", ""))
    if not book:
        return ""
    url = f"https://books.google.com/books?id={book}" + (f"&pg=PA{page}" if page else "")
    return f"[{label}](<{url}>)"


_STATISTICS_SITES = (
    ("br", "Baseball-Reference", "https://www.baseball-reference.com/players/{}.shtml"),
    ("brm", "Baseball-Reference (Minors)",
     "https://www.baseball-reference.com/register/player.fcgi?id={}"),
    ("fangraphs", "Fangraphs", "https://www.fangraphs.com/statss.aspx?playerid={}"),
    ("mlb", "MLB", "https://www.mlb.com/player/{}"),
    ("espn", "ESPN", "https://www.espn.com/mlb/player/_/id/{}"),
    ("baseballcube", "The Baseball Cube", "http://www.thebaseballcube.com/players/profile.asp?ID={}"),
)  # fmt: skip


def baseball_statistics(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{Baseballstats|br=m/mumphje01}}: the links to the player's statistics pages."""
    links = []
    for key, site, pattern in _STATISTICS_SITES:
        value = re.sub(r"[^A-Za-z0-9/_.-]", "", named.get(key, ""))
        if value:
            links.append(f"[{site}](<{pattern.format(value)}>)")
    if not links:
        return ""
    shown = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " or " + links[-1]
    return f"Career statistics and player information from {shown}"


_LINK_TARGET = re.compile(r"<([^<>\s]+)>|\[[^\]]*\]\(<([^<>]+)>\)")


def _plain_url(value: str) -> str:
    """The URL in an argument converted to Markdown (escaped, an autolink or a link)."""
    text = value.strip()
    if match := _LINK_TARGET.fullmatch(text):
        text = match.group(1) or match.group(2)
    text = unescape_text(text).strip()
    if text.startswith("//"):
        text = "https:" + text
    if "://" not in text and text and "." in text and " " not in text:
        text = "http://" + text  # {{Official website|example.com}}
    return text if re.match(r"https?://[^\s<>]+$", text) else ""


def official_website(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{Official website|http://example.com}}: a link labelled "Official website"."""
    url = _plain_url(positional[0] if positional else named.get("url", ""))
    label = (positional[1].strip() if len(positional) > 1 else "") or named.get("name", "")
    return f"[{label.strip() or 'Official website'}](<{url}>)" if url else ""


def url(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{URL|www.example.com}} → the address, shown without its scheme, linked."""
    url = _plain_url(positional[0] if positional else named.get("1", ""))
    if not url:
        return positional[0].strip() if positional else ""
    label = positional[1].strip() if len(positional) > 1 and positional[1].strip() else ""
    shown = label or _ESCAPE_LABEL.sub(r"\\\1", re.sub(r"^https?://", "", url).rstrip("/"))
    return f"[{shown}](<{url}>)"


_ESCAPE_LABEL = re.compile(r"([\\`*_\[\]<>&~|])")


# Stock exchange templates ({{NYSE|IBM}} → "NYSE: IBM"), by name: the exchange shown.
STOCK_EXCHANGES = {
    "nyse": "NYSE", "nasdaq": "Nasdaq", "bmv": "BMV", "lse": "LSE", "tyo": "TYO",
    "tse": "TYO", "tsx": "TSX", "asx": "ASX", "fwb": "FWB", "euronext": "Euronext",
    "krx": "KRX", "sehk": "SEHK", "bse": "BSE", "nse": "NSE", "six": "SIX", "omx": "OMX",
    "nyse american": "NYSE American", "nyse arca": "NYSE Arca", "otc pink": "OTC Pink",
    "bmad": "BMAD", "bit": "BIT", "sgx": "SGX", "twse": "TWSE", "sse": "SSE", "szse": "SZSE",
    "moex": "MOEX", "jse": "JSE", "b3": "B3", "bovespa": "B3", "oslo": "OSE", "ose": "OSE",
}  # fmt: skip


def stock(exchange: str) -> Handler:
    def build(positional: Sequence[str], named: dict[str, str]) -> str:
        ticker = positional[0].strip() if positional else ""
        return f"{exchange}: {ticker}" if ticker else exchange

    return build


def imdb(kind: str, prefix: str) -> Handler:
    """{{IMDb title|0115462|Actresses}} → "*Actresses* at IMDb", linked to the page there."""

    def build(positional: Sequence[str], named: dict[str, str]) -> str:
        args = stripped(positional)
        number = (args[0] if args else "") or named.get("id", "")
        number = re.sub(r"\D", "", number)
        label = (
            (args[1] if len(args) > 1 else "") or named.get("title", "") or named.get("name", "")
        )
        if not number or not label:
            return label
        shown = f"*{label}*" if kind == "title" and not label.startswith("*") else label
        return f"[{shown}](<https://www.imdb.com/{kind}/{prefix}{number}/>) at IMDb"

    return build


def allmusic(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{AllMusic|class=artist|id=p821358|label=...}}: a link to AllMusic, or its bare address
    (pure_url=yes, as inside a citation's url=)."""
    kind = re.sub(r"[^a-z]", "", named.get("class", "").lower()) or "artist"
    page = re.sub(
        r"[^A-Za-z0-9/_-]", "", named.get("id", "") or (positional[0] if positional else "")
    )
    if not page:
        return ""
    url = f"https://www.allmusic.com/{kind}/{page}"
    if named.get("pure_url", "").lower() in ("y", "yes", "true", "1"):
        return url
    label = named.get("label", "").strip() or "AllMusic"
    return f"[{label}](<{url}>)" + (" at AllMusic" if label != "AllMusic" else "")


def philosophy_encyclopedia(name: str, pattern: str) -> Handler:
    """{{SEP|id|Title}}, {{IEP|id|Title}}: the entry's title linked, in the encyclopedia."""

    def build(positional: Sequence[str], named: dict[str, str]) -> str:
        args = stripped(positional)
        entry = re.sub(r"[^A-Za-z0-9/_.-]", "", args[0] if args else "")
        title = (args[1] if len(args) > 1 else "") or named.get("title", "").strip()
        if not entry:
            return title
        label = f"“{title}”" if title else "Entry"
        return f"[{label}](<{pattern.format(entry)}>), *{name}*"

    return build


def lifeboat_station(positional: Sequence[str], named: dict[str, str]) -> str:
    place = positional[0].strip() if positional else ""
    return f"[[{place} Lifeboat Station|{place}]]" if place and "[" not in place else place


def lifeboat_class(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{Lbb|Mersey}} → [[Mersey-class lifeboat|Mersey]]; {{Lbc|D|IB1}}: "D (IB1)"."""
    args = stripped(positional)
    name = args[0] if args else ""
    if not name or "[" in name:
        return name
    shown = f"{name} ({args[1]})" if len(args) > 1 and args[1] else name
    return f"[[{name}-class lifeboat|{shown}]]"


def rugby_union(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{ru|SCO}}: the flag and the linked name of that country's national rugby union team."""
    code = positional[0].strip().upper() if positional else ""
    country = COUNTRY_CODES.get(code)
    if not country:
        return code
    return f"[[{country} national rugby union team|{country}]]"


# Military branch templates ({{army|USA}}): the country's army, navy or air force, linked.
_FORCES = {
    "USA": ("United States Army", "United States Navy", "United States Air Force"),
    "CSA": ("Confederate States Army", "Confederate States Navy", ""),
    "UK": ("British Army", "Royal Navy", "Royal Air Force"),
    "GBR": ("British Army", "Royal Navy", "Royal Air Force"),
    "FRA": ("French Army", "French Navy", "French Air and Space Force"),
    "GER": ("German Army", "German Navy", "German Air Force"),
    "RUS": ("Russian Ground Forces", "Russian Navy", "Russian Air Force"),
    "CAN": ("Canadian Army", "Royal Canadian Navy", "Royal Canadian Air Force"),
    "AUS": ("Australian Army", "Royal Australian Navy", "Royal Australian Air Force"),
}  # fmt: skip


def force(index: int) -> Handler:
    def build(positional: Sequence[str], named: dict[str, str]) -> str:
        code = positional[0].strip().upper() if positional else ""
        forces = _FORCES.get(code)
        name = forces[index] if forces else ""
        return f"[[{name}]]" if name else code

    return build
