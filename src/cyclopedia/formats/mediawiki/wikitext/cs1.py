"""Citation Style 1 (and 2) as Wikipedia's citation templates write it: the elements of a
citation in their order and punctuation (:class:`CitationBuilder`), the URL and DOI apart
(:class:`Citation`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from cyclopedia.document.markup import escape_text, unescape_text
from cyclopedia.formats.mediawiki.wikitext.citation_params import (
    Params,
    bare_doi,
    bold,
    dash_ranges,
    drop_terminal_stop,
    italic,
    language_names,
    quoted,
    web_url,
)
from cyclopedia.formats.mediawiki.wikitext.citation_people import name_list, people
from cyclopedia.formats.mediawiki.wikitext.dates import humanize_iso_date


@dataclass(frozen=True, slots=True)
class Citation:
    text: str  # inline Markdown with the title, without the URL
    url: str | None  # http(s) only: the archive copy when the original is dead
    doi: str | None  # bare "10.xxxx/..."


# Classes whose title is an article-like part of something: shown "in quotes", not in italics.
_QUOTED = {"web", "news", "journal", "magazine", "press release", "podcast", "newsgroup",
           "mailing list", "interview", "arxiv", "gazette", "episode", "tweet", "q",
           "patent"}  # fmt: skip
_TITLE_TYPES = {"press release": "Press release", "thesis": "Thesis", "interview": "Interview",
                "map": "Map", "speech": "Speech", "tweet": "Tweet", "podcast": "Podcast",
                "sign": "Sign", "mailing list": "Mailing list"}  # fmt: skip
_PERIODICALS = ("journal", "newspaper", "magazine", "work", "website", "periodical", "gazette",
                "mailing-list", "mailinglist", "series-title")  # fmt: skip
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
_ISO_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}")


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


class CitationBuilder:
    """One citation of a citation template (its kind and parameters) as CS1 text."""

    def __init__(self, kind: str, p: Params) -> None:
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
        original = web_url(p.get("url"))
        chapter_url = web_url(p.get("chapter-url", "chapterurl", "contribution-url", "section-url"))
        archive = web_url(p.get("archive-url", "archiveurl"))
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
            text.add(quoted(quote))
            trans_quote = p.get("trans-quote")
            if trans_quote:
                text.add(f"\\[{trans_quote}\\]", " ")
        elif not self.cs2 and not text.text.rstrip("*_").endswith("."):
            text.text += "."
        doi = bare_doi(p.get("doi", "DOI"))
        return Citation(text=text.text.strip() or "Untitled", url=url, doi=doi)

    def implied_url(self) -> str | None:
        """Links CS1 (or the template) makes without |url=: PMC, arXiv, tweets, Wikidata."""
        p = self.p
        pmc = p.get("pmc").upper().removeprefix("PMC")
        if pmc.isascii() and pmc.isdigit():
            return f"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC{pmc}/"
        eprint = unescape_text(p.get("eprint", "arxiv"))
        if self.kind == "arxiv" and re.fullmatch(r"[A-Za-z0-9./-]+", eprint):
            return f"https://arxiv.org/abs/{eprint}"
        user, number = unescape_text(p.get("user")), p.get("number")
        tweet = re.fullmatch(r"[A-Za-z0-9_]{1,50}", user) and re.fullmatch(r"[0-9]{1,30}", number)
        if self.kind == "tweet" and tweet:
            return f"https://twitter.com/{user}/status/{number}"
        qid = p.get("1", "qid", "q").upper()
        if self.kind == "q" and re.fullmatch(r"Q[0-9]+", qid):
            return f"https://www.wikidata.org/wiki/{qid}"
        return None

    # people

    def authors(self) -> str:
        p = self.p
        display = p.get("display-authors", "displayauthors")
        vauthors = p.get("vauthors")
        if vauthors:
            names = [n.strip() for n in re.sub(r"\(\((.*?)\)\)", r"\1", vauthors).split(",")]
            text = name_list(self.p, [n for n in names if n], display, ", ")
        elif p.get("authors"):
            text = p.get("authors")
        else:
            vanc = p.get("name-list-style", "name-list-format").lower() == "vanc"
            text = name_list(self.p, people(self.p, "author"), display, ", " if vanc else "; ")
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
        names = people(self.p, "editor")
        if self.p.get("editors") and not names:
            self.editor_count = 2
            return self.p.get("editors")
        self.editor_count = len(names)
        text = name_list(self.p, names, self.p.get("display-editors", "displayeditors"), "; ")
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
        text = quoted(drop_terminal_stop(chapter)) if chapter else ""
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
                value = drop_terminal_stop(value)
                parts.append(
                    quoted(value) if style == "quoted" else italic(value)
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
            text.add(italic(periodical))
        if title_type:
            text.add(f"({title_type})", " ")
        language = language_names(p.get("language", "lang", "in"))
        if language:
            text.add(f"(in {language})", " ")
        if self.kind == "episode":
            text.add(italic(p.get("series")))
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
            shown = (bold(volume) if len(unescape_text(volume)) <= 4 else volume) if volume else ""
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
            return f": {dash_ranges(page or pages)}", ""
        if page:
            return (page if no_pp else f"p. {dash_ranges(page)}"), None
        if pages:
            single = pages.isdigit()
            return (pages if no_pp else f"{'p.' if single else 'pp.'} {dash_ranges(pages)}"), None
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
        litigants = italic(p.get("litigants", "title")) or "Untitled"
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
            text.add(quoted(p.get("quote")))
        elif not text.text.endswith("."):
            text.text += "."
        return Citation(text=text.text, url=web_url(p.get("url")), doi=None)
