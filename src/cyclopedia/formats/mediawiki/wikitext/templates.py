"""Which templates mean what: text templates rendered inline, hatnotes, and those dropped.

Names are compared normalised (:func:`template_key`): lower case, underscores as spaces, runs of
spaces collapsed. Templates that are neither known here nor handled by the citation, date and
infobox modules are dropped and counted, so an operator sees what is missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# Inline templates whose output is (one of) their arguments, as text.
FIRST_ARGUMENT = {
    "nowrap", "nobr", "nobreak", "small", "smaller", "big", "larger", "resize", "midsize",
    "ipa-all", "lang", "transl", "transliteration", "abbr", "abbrlink", "keypress", "kbd",
    "code", "mono", "samp", "var", "visible anchor", "vanchor", "anchor text", "highlight",
    "em", "strong", "bold", "italic", "sans-serif", "serif", "nowiki", "text", "unichar",
    "nastaliq", "script", "no wrap", "smallcaps", "sc", "noitalic", "not a typo", "proper name",
    "sic?", "tooltip", "hover title", "angle bracket", "ill", "interlanguage link",
    "interlanguage link multi", "illm", "ill2", "flag", "flagcountry", "flagu", "flag country",
    "country flag", "ship", "sclass", "hms", "uss", "mvar", "math", "linktext", "longitem",
    "lang-x", "small caps", "vert", "center", "left", "right",
}  # fmt: skip
# The last argument instead ({{lang|ar|text}}: the text follows the language code).
LAST_ARGUMENT = {"lang", "transl", "transliteration", "ipa", "script", "nastaliq"}

SYMBOLS = {
    "nbsp": "\u00a0", "ndash": "–", "mdash": "—", "snd": " – ", "spaced ndash": " – ",
    "spaced en dash": " – ", "'": "'", "''": "''", '"': '"', "!": "\\|", "=": "=", "·": " · ",
    "dot": " · ", "middot": "·", "bull": " • ", "•": " • ", "en dash": "–", "em dash": "—",
    "-": "–", "thinsp": "\u2009", "zwsp": "", "shy": "", "sp": " ", "space": " ", "clear": "",
    "clr": "", "-\"": "", "break": "<br>", "crlf": "<br>", "•w": " • ", "pipe": "\\|",
    "sic": " \\[sic\\]", "\\": " / ", "slash": " / ", "spaced slash": " / ", "sfrac": "",
    "okina": "ʻ", "hamza": "ʾ", "ayin": "ʿ", "deg": "°", "degree": "°",
    "times": "×", "x": "×", "plusminus": "±", "pm": "±", "minus": "−", "=)": "",
}  # fmt: skip

HATNOTES = {
    "main": "Main article",
    "main article": "Main article",
    "see also": "See also",
    "further": "Further information",
    "further information": "Further information",
    "details": "For more details, see",
    "see": "See",
}
# Hatnotes about the page itself (disambiguation pointers): useful only on the source wiki.
DROPPED_HATNOTES = {
    "about", "for", "other uses", "redirect", "distinguish", "other people", "other places",
    "for multi", "redirect-multi", "redirect2", "other ships", "about-distinguish",
    "self reference",
}  # fmt: skip

# Templates dropped on purpose: navigation, maintenance, layout, metadata, media.
DROPPED = {
    "reflist", "references", "notelist", "notes", "refbegin", "refend", "reflist-talk",
    "authority control", "taxonbar", "portal", "portal bar", "commons", "commons category",
    "commonscat", "wiktionary", "wikiquote", "wikisource", "sister project links",
    "short description", "use dmy dates", "use mdy dates", "use british english",
    "use american english", "use indian english", "use australian english", "engvarb",
    "good article", "featured article", "pp", "pp-protected", "pp-semi-indef", "pp-move-indef",
    "pp-vandalism", "multiple issues", "more citations needed", "refimprove", "unreferenced",
    "citation needed", "cn", "fact", "clarify", "when", "who", "which", "by whom",
    "dead link", "better source needed", "failed verification", "page needed",
    "full citation needed",
    "update", "update after", "cleanup", "orphan", "wikify", "copy edit", "pov", "npov",
    "expand section", "empty section", "coord", "coord missing", "defaultsort", "toc limit",
    "toc right", "tocright", "compact toc", "clear left", "clear right", "stack", "stack begin",
    "stack end", "col-begin", "col-end", "col-break", "div col", "div col end", "colbegin",
    "colend", "end", "s-start", "s-end", "s-bef", "s-aft", "s-ttl", "s-off", "s-par", "s-gov",
    "s-ppo", "s-hou", "s-reg", "s-mil", "s-sports", "s-ach", "s-new", "s-vac", "s-inc",
    "succession box", "sidebar", "campaignbox", "listen", "multi-listen start",
    "multi-listen end", "multi-listen item", "wide image", "css image crop", "image frame",
    "multiple image", "gallery", "external media", "youtube", "imdb name", "imdb title",
    "official website", "url", "webarchive", "wayback", "cbignore", "bots", "nobots",
    "italic title", "lowercase title", "displaytitle", "featured list",
    "dynamic list", "incomplete list", "weasel", "peacock", "citation style", "one source",
    "primary sources", "blp sources", "advert", "notability", "globalize", "original research",
    "lead too short", "lead too long", "spoken wikipedia", "anchor", "anchors", "ref label",
    "note label", "reflink", "edit", "hidden begin", "hidden end", "hatnote group", "-",
    "rp", "dagger", "double-dagger", "verify source", "self-published source",
    "speciesbox", "official", "navboxes", "nowrap begin", "nowrap end",
}  # fmt: skip

_DROPPED_PATTERNS = re.compile(
    r"(navbox|navigation|-stub$|^stub$|^portal|^pp-|^cite check|^orphan|^infobox|footer$|"
    r"^s-|succession|^wikiproject|^talk|^user|^afd|^db-|^cfd|^citation needed|^clarify|"
    r"^update|^multiple|^unreliable|^disputed|^cleanup|topics$|timeline$|sidebar$|^coat of arms)"
)


def template_key(name: str) -> str:
    """A template name as compared here: ``{{ Cite_Web }}`` → ``cite web``."""
    name = name.strip().replace("_", " ")
    if name.lower().startswith("template:"):
        name = name[len("template:") :]
    return " ".join(name.split()).lower()


def is_dropped(key: str) -> bool:
    return key in DROPPED or key in DROPPED_HATNOTES or bool(_DROPPED_PATTERNS.search(key))


def text_template(key: str, positional: Sequence[str], named: dict[str, str]) -> str | None:
    """The inline text of a simple text template, or None when this is not one."""
    if key in SYMBOLS:
        return SYMBOLS[key]
    if key.startswith("lang-") and positional:
        return positional[-1]  # {{lang-ar|text}}: the text in that language
    if key in _IDENTIFIERS:
        return _identifier(key, positional)
    if key.startswith("ipa-"):
        return _ipa(positional)  # {{IPA-de|...}} brackets its transcription; {{IPA}} does not
    if key == "ipa":
        return positional[0] if positional else ""
    if key in ("ipac-en", "ipac-ar", "ipac-de", "respell"):
        return _ipa(["".join(p.strip() for p in positional if "=" not in p)])
    if key in LAST_ARGUMENT and positional:
        return positional[-1]
    if key in FIRST_ARGUMENT and positional:
        return positional[0]
    handler = _SPECIAL.get(key)
    return handler(positional, named) if handler else None


_IDENTIFIERS = {"isbn": "ISBN", "issn": "ISSN", "oclc": "OCLC", "lccn": "LCCN", "doi": "doi:"}


def _identifier(key: str, positional: Sequence[str]) -> str:
    label = _IDENTIFIERS[key]
    values = ", ".join(p.strip() for p in positional if p.strip())
    return f"{label}{'' if label.endswith(':') else chr(0xA0)}{values}" if values else ""


def _ipa(positional: Sequence[str]) -> str:
    """The transcription in brackets, as Wikipedia shows it: ``[kʁisteva]``."""
    return f"\\[{positional[0].strip()}\\]" if positional and positional[0].strip() else ""


def _circa(positional: Sequence[str], named: dict[str, str]) -> str:
    return "c.\u00a0" + " – ".join(p for p in positional if p) if positional else "c."


def _as_of(positional: Sequence[str], named: dict[str, str]) -> str:
    months = [
        "", "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]  # fmt: skip
    parts = [p for p in positional[:3] if p.strip()]
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        parts[1] = months[int(parts[1])]
        parts = [parts[2], parts[1], parts[0]] if len(parts) == 3 else [parts[1], parts[0]]
    prefix = "as of" if named.get("lc", "").strip() else "As of"
    return f"{prefix} {' '.join(parts)}"


def _list(positional: Sequence[str], named: dict[str, str]) -> str:
    return "<br>".join(p.strip() for p in positional if p.strip())


def _inline_list(positional: Sequence[str], named: dict[str, str]) -> str:
    return ", ".join(p.strip() for p in positional if p.strip())


def _marriage(positional: Sequence[str], named: dict[str, str]) -> str:
    if not positional:
        return ""
    years = [p.strip() for p in positional[1:3] if p.strip()]
    if not years:
        return positional[0].strip()
    span = f"m.\u00a0{years[0]}" + (f"; div.\u00a0{years[1]}" if len(years) > 1 else "")
    end = named.get("end", "").strip()
    if len(years) > 1 and end and end.lower() not in ("div", "div."):
        span = f"m.\u00a0{years[0]}; {end}\u00a0{years[1]}"
    return f"{positional[0].strip()} ({span})"


def _convert(positional: Sequence[str], named: dict[str, str]) -> str:
    """The value and unit as written: ``{{convert|10|km|mi}}`` → "10 km" (no conversion)."""
    if not positional:
        return ""
    value = positional[0].strip()
    if len(positional) >= 3 and positional[1].strip() in ("-", "–", "to", "and", "x", "by"):
        value = f"{value}{positional[1].strip()}{positional[2].strip()}"
        unit = positional[3].strip() if len(positional) > 3 else ""
    else:
        unit = positional[1].strip() if len(positional) > 1 else ""
    return f"{value}\u00a0{unit}" if unit else value


def _abbr_text(positional: Sequence[str], named: dict[str, str]) -> str:
    return positional[0] if positional else ""


def _post_nominals(positional: Sequence[str], named: dict[str, str]) -> str:
    return ""


_SPECIAL: dict[str, Callable[[Sequence[str], dict[str, str]], str]] = {
    "circa": _circa,
    "c.": _circa,
    "ca.": _circa,
    "as of": _as_of,
    "ubl": _list,
    "ublist": _list,
    "bulleted list": _list,
    "bulletedlist": _list,
    "columns-list": lambda positional, named: positional[-1] if positional else "",
    "collapsible list": _list,
    "unbulleted list": _list,
    "plainlist": _list,
    "plain list": _list,
    "flatlist": _inline_list,
    "flat list": _inline_list,
    "hlist": _inline_list,
    "marriage": _marriage,
    "married": _marriage,
    "convert": _convert,
    "cvt": _convert,
    "abbr": _abbr_text,
    "post-nominals": _post_nominals,
    "postnominals": _post_nominals,
}
