"""Stream the pages of a MediaWiki XML export ("dump"), whatever its size, in bounded memory.

A dump is one ``<mediawiki>`` element holding an optional ``<siteinfo>`` and then ``<page>``
elements, each with one or more ``<revision>``s. Export schemas 0.3 to 0.11 put it in different XML
namespaces (``http://www.mediawiki.org/xml/export-0.N/``), so elements are matched by local name.

The file is parsed incrementally with ``lxml.etree.iterparse`` over the decompressed stream; every
element is cleared, and removed from its parent, once it has been read, so that memory does not grow
with the dump. Hostile XML is refused before it reaches the parser (see ``_check_prolog``), and the
parser is configured not to resolve entities, load DTDs or touch the network either way.

One bad page yields an :class:`ItemError` and the run goes on; a dump that cannot be read as a
whole (not a dump, hostile, truncated, corrupt) raises :class:`ReadError` naming the file, after
yielding every page that was complete before the problem.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from lxml import etree

from cyclopedia.formats.base import MAX_ITEM_BYTES, ItemError, ReadError
from cyclopedia.formats.mediawiki.compression import open_decompressed
from cyclopedia.formats.urls import site_root

__all__ = ["CANONICAL_NAMESPACES", "DumpReader", "PageRevision", "SiteInfo", "redirect_target"]

# MediaWiki's own names of the namespaces, valid on every wiki beside the localised ones.
CANONICAL_NAMESPACES: dict[int, str] = {
    -2: "Media",
    -1: "Special",
    0: "",
    1: "Talk",
    2: "User",
    3: "User talk",
    4: "Project",
    5: "Project talk",
    6: "File",
    7: "File talk",
    8: "MediaWiki",
    9: "MediaWiki talk",
    10: "Template",
    11: "Template talk",
    12: "Help",
    13: "Help talk",
    14: "Category",
    15: "Category talk",
}
# The names of File: before MediaWiki 1.14, and the canonical names, as looked up.
_NAMESPACE_ALIASES = {"image": 6, "image talk": 7}
_CANONICAL_KEYS = {
    " ".join(name.split()).casefold(): number for number, name in CANONICAL_NAMESPACES.items()
} | _NAMESPACE_ALIASES

# "#REDIRECT [[Target]]" and its localised forms ("#WEITERLEITUNG", "#перенаправление", "#تحويل"):
# MediaWiki accepts its own word or the wiki's language's one, any case, at the start of the text,
# then an optional colon and the link. The word has no digits, spaces or markup ("#1 [[x]]" is a
# numbered list).
_REDIRECT = re.compile(
    r"\A\s*#(?P<word>[^\s\d\[\]{}<>|:#]+)\s*(?::\s*)?"  # no two ways to match: no backtracking
    r"\[\[(?P<target>[^\[\]|\n]+)(?:\|[^\[\]\n]*)?\]\]"
)
# Redirect words of large wikis that are written in lower or mixed case; other words are accepted
# only when written without lower-case letters, as wikis do ("#REDIRECCIÓN") and as scripts without
# case are ("#تحويل"), so that a numbered list item such as "#see [[x]]" is never a redirect.
_REDIRECT_WORDS = frozenset(
    word.casefold()
    for word in [
        *("redirect", "redirection", "redirección", "redirecionamento", "weiterleitung"),
        *("rinvia", "rinvio", "doorverwijzing", "przekieruj", "patrz", "omdirigering"),
        *("ohjaus", "yönlendirme", "átirányítás", "přesměruj"),
        *("перенаправление", "перенаправлення", "пренасочване", "преусмери"),
    ]
)
_READ_CHUNK = 1 << 16
# The prolog (XML declaration, comments) of a dump is a line or two; a megabyte is not a dump.
_PROLOG_LIMIT = 1 << 20
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_EXPORT_VERSION = re.compile(r"/xml/export-(\d+\.\d+)/?$")
# Wikimedia database names: language code (with "_" for "-") and project, e.g. "dewiktionary".
_DBNAME = re.compile(
    r"^(?P<code>[a-z][a-z0-9_]*?)"
    r"(?:wiki|wiktionary|wikibooks|wikinews|wikiquote|wikisource|wikiversity|wikivoyage)$"
)
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:_[a-z0-9]+)*$")
_DBNAME_LANGUAGES = {  # wikis whose database name is not their language code
    "simple": "en",
    "be_x_old": "be-tarask",
    "zh_classical": "lzh",
    "zh_min_nan": "nan",
    "zh_yue": "yue",
    "roa_rup": "rup",
    "fiu_vro": "vro",
    "bat_smg": "sgs",
}
# Dump files of Wikimedia are named after their database: "dewiki-20240101-pages-articles.xml".
_FILE_DBNAME = re.compile(r"^(?P<dbname>[a-z][a-z0-9_]*?wik[a-z]+)[-_.]")
# Byte-order marks, and (XML 1.0 appendix F) the width and order of "<" without one.
_BYTE_ORDER_MARKS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_PROLOG_REFUSALS = {
    "doctype": "it declares a DTD or entities; refused: MediaWiki dumps never have one, and "
    "entity expansion and external entities are how XML parsers are attacked",
    "html": "not a MediaWiki XML dump: this is an HTML page",
    "empty": "the file is empty (after decompression)",
    "none": "not a MediaWiki XML dump: there is no XML element in it",
}


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """What a dump says about its wiki (``<siteinfo>``), with defaults when it says nothing."""

    sitename: str
    dbname: str
    base: str  # the URL of the main page, as in <base>
    server: str  # scheme and host of ``base``, e.g. "https://en.wikipedia.org"
    language: str
    case: str  # "first-letter" (titles start with a capital) or "case-sensitive"
    namespaces: dict[int, str]  # number -> localised name, e.g. {14: "Kategorie"}
    schema_version: str  # of the export format, e.g. "0.10"
    language_source: str = "default"  # "given", "xml:lang", "dbname" or "default"
    # Doubts about the header worth showing the operator (a file name contradicting it).
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _RootInfo:
    version: str
    language: str


def _read_root(path: Path, root: etree._Element) -> _RootInfo:
    """Check that the document is a MediaWiki dump without a DTD, and read the root's attributes.

    The document type declaration is checked again here, as libxml2 saw it, in case one got past
    ``_check_prolog`` in an encoding it does not decode (UTF-7, EBCDIC)."""
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise ReadError(path, _PROLOG_REFUSALS["doctype"])
    name = _local(root.tag)
    if name != "mediawiki":
        kind = " (an HTML page)" if name.lower() == "html" else ""
        raise ReadError(path, f"not a MediaWiki XML dump: its root element is <{name}>{kind}")
    namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    found = _EXPORT_VERSION.search(namespace)
    version = root.get("version") or (found[1] if found else "")
    return _RootInfo(version=version, language=(root.get(_XML_LANG) or "").strip())


def _site_info(
    siteinfo: etree._Element | None, root: _RootInfo, path: Path, language: str | None
) -> SiteInfo:
    fields = _children(siteinfo) if siteinfo is not None else {}
    dbname = (_text_of(fields.get("dbname")) or "").strip()
    base = (_text_of(fields.get("base")) or "").strip()
    chosen, source = _language(language, root.language, dbname)
    return SiteInfo(
        sitename=(_text_of(fields.get("sitename")) or "").strip(),
        dbname=dbname,
        base=base,
        server=_server(base),
        language=chosen,
        case=(_text_of(fields.get("case")) or "first-letter").strip(),
        namespaces=_namespaces(fields.get("namespaces")),
        schema_version=root.version,
        language_source=source,
        warnings=_language_warnings(path, chosen, source),
    )


def _server(base: str) -> str:
    return site_root(base)


def _namespaces(element: etree._Element | None) -> dict[int, str]:
    if element is None:  # no siteinfo: the canonical English names are all there is
        return dict(CANONICAL_NAMESPACES)
    found: dict[int, str] = {}
    for namespace in element:
        try:
            found[int(namespace.get("key", ""))] = (namespace.text or "").strip()
        except ValueError:
            continue  # a namespace without a number names nothing we can look up
    return found


def _language(given: str | None, xml_lang: str, dbname: str) -> tuple[str, str]:
    """The language of the wiki and where it was found.

    The dump's ``xml:lang`` is the wiki's content language as MediaWiki knows it, so it goes
    before the database name, which only follows Wikimedia's naming ("dewiki"). Neither is
    checked against the text: the DBpedia minidumps copy the English header (``xml:lang="en"``,
    ``<dbname>enwiki``) onto German, Russian or Japanese pages, so their language is wrong unless
    the operator gives it; ``SiteInfo.warnings`` says so when the file name tells otherwise.
    """
    if given:
        return given, "given"
    if xml_lang:
        return xml_lang, "xml:lang"
    from_dbname = _dbname_language(dbname)
    if from_dbname:
        return from_dbname, "dbname"
    return "en", "default"


def _dbname_language(dbname: str) -> str | None:
    match = _DBNAME.match(dbname)
    if match is None:
        return None
    code = match["code"]
    if code in _DBNAME_LANGUAGES:
        return _DBNAME_LANGUAGES[code]
    return code.replace("_", "-") if _LANGUAGE_CODE.match(code) else None


def _language_warnings(path: Path, language: str, source: str) -> tuple[str, ...]:
    match = _FILE_DBNAME.match(path.name)
    named = _dbname_language(match["dbname"]) if match else None
    if source == "given" or named is None or named == language:
        return ()
    assert match is not None
    return (
        f"the file name says {match['dbname']} (language {named!r}) but the dump's header says "
        f"{language!r} ({source}); the header was used: give the language if the name is right",
    )


def _namespace_key(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).casefold()


def _namespace_of(title: str, site: SiteInfo) -> int:
    """The namespace of a title from its prefix ("Kategorie:X", "Category:X"), for export 0.3,
    which has no <ns>: the wiki's localised names first, then MediaWiki's canonical ones."""
    prefix, colon, rest = title.partition(":")
    if not colon or not rest:
        return 0
    key = _namespace_key(prefix)
    for number, name in site.namespaces.items():
        if name and _namespace_key(name) == key:
            return number
    return _CANONICAL_KEYS.get(key, 0)


def _check_prolog(path: Path, stream: BinaryIO) -> bytes:
    """Read the start of the decompressed stream up to the root element, and refuse a document
    type declaration there, the only place XML allows one: MediaWiki never writes one, and a DTD
    is what every XML attack needs (entity expansion, external entities, DTD fetches). This is
    done on the bytes, before libxml2 sees any of them. Returns the bytes read."""
    head = b""
    while True:
        chunk = stream.read(_READ_CHUNK)
        head += chunk
        verdict = _prolog_verdict(_decode_start(head), at_end=not chunk)
        if verdict == "root":
            return head
        if verdict is not None:
            raise ReadError(path, _PROLOG_REFUSALS[verdict])
        if len(head) > _PROLOG_LIMIT:
            raise ReadError(path, "not a MediaWiki XML dump: no XML element in its first MiB")


def _decode_start(head: bytes) -> str:
    """The start of an XML document as text, well enough to see its markup: by its byte-order
    mark, or by where the zero bytes of "<" are, or else as Latin-1, which keeps the ASCII of
    UTF-8 and every other ASCII-compatible encoding as it is."""
    for mark, codec in _BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return head[len(mark) :].decode(codec, "replace")
    first = head[:4]
    if first.startswith(b"\0\0\0"):
        codec = "utf-32-be"
    elif first[1:4] == b"\0\0\0":
        codec = "utf-32-le"
    elif first.startswith(b"\0"):
        codec = "utf-16-be"
    elif first[1:2] == b"\0":
        codec = "utf-16-le"
    else:
        codec = "latin-1"
    return head.decode(codec, "replace")


def _prolog_verdict(text: str, *, at_end: bool) -> str | None:
    """ "root" when the root element starts after nothing but an XML declaration, processing
    instructions, comments and white space; the key of a refusal otherwise; None when more text
    is needed to tell."""
    position = 0
    while True:
        start = text.find("<", position)
        if start < 0:
            return ("empty" if not text else "none") if at_end else None
        if len(text) - start < 16 and not at_end:
            return None
        if text.startswith("<?", start):
            end, skip = text.find("?>", start + 2), 2
        elif text.startswith("<!--", start):
            end, skip = text.find("-->", start + 4), 3
        elif text.startswith("<!", start):
            return "html" if text[start : start + 14].upper() == "<!DOCTYPE HTML" else "doctype"
        else:
            return "root"
        if end < 0:
            return "none" if at_end else None
        position = end + skip


@dataclass(frozen=True, slots=True)
class PageRevision:
    """One page of a dump as it stands in its last revision in the dump."""

    title: str
    namespace: int
    page_id: str
    # The page this one redirects to (a title, without a #section), or None for an article.
    redirect_target: str | None
    revision_id: str
    parent_id: str | None
    timestamp: datetime | None  # aware, UTC
    contributor: str | None  # user name or IP address; None when hidden
    comment: str | None
    text: str
    model: str | None
    format: str | None
    revisions: int = 1  # how many revisions of the page the dump holds


@dataclass(slots=True)
class _Revision:
    """What a ``<revision>`` says, kept as strings until we know it is the last one."""

    revision_id: str
    parent_id: str | None
    timestamp: str | None
    contributor: str | None
    comment: str | None
    text: str | None
    missing_text: str  # why ``text`` is None
    model: str | None
    format: str | None


@dataclass(slots=True)
class _PageState:
    title: str | None = None
    namespace: str | None = None
    page_id: str = ""
    redirect: str | None = None
    revision: _Revision | None = None
    revisions: int = 0


class _Skip(Exception):
    """A page that cannot be imported, with the reason: becomes an ItemError."""


class _StreamFailure(Exception):
    """A ReadError of the decompressed stream, carried through lxml to add our progress to it."""

    def __init__(self, error: ReadError) -> None:
        super().__init__(error.reason)
        self.error = error


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _children(element: etree._Element) -> dict[str, etree._Element]:
    return {_local(child.tag): child for child in element}


def _text_of(element: etree._Element | None) -> str | None:
    return None if element is None else (element.text or "")


class _Replay:
    """The bytes already read to check the prolog, then the rest of the stream; a stream's
    ReadError is wrapped so that the parser can report how far it got."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int = _READ_CHUNK) -> bytes:
        if self._head:
            data, self._head = self._head[:size], self._head[size:]
            return data
        try:
            return self._rest.read(size)
        except ReadError as error:
            raise _StreamFailure(error) from error


def _revision(element: etree._Element) -> _Revision:
    fields = _children(element)
    contributor = fields.get("contributor")
    who = _children(contributor) if contributor is not None else {}
    text, missing = _revision_text(fields.get("text"))
    return _Revision(
        revision_id=_text_of(fields.get("id")) or "",
        parent_id=_text_of(fields.get("parentid")) or None,
        timestamp=_text_of(fields.get("timestamp")),
        contributor=_text_of(who.get("username")) or _text_of(who.get("ip")) or None,
        comment=None if _deleted(fields.get("comment")) else _text_of(fields.get("comment")),
        text=text,
        missing_text=missing,
        model=_text_of(fields.get("model")),
        format=_text_of(fields.get("format")),
    )


def _deleted(element: etree._Element | None) -> bool:
    return element is not None and element.get("deleted") is not None


def _revision_text(element: etree._Element | None) -> tuple[str | None, str]:
    """The wikitext of a revision, or None and why it is not there."""
    if element is None:
        return None, "its revision has no <text>"
    if _deleted(element):
        return None, "its text was deleted (revision hidden by the wiki's administrators)"
    if len(element):
        return None, "its <text> contains XML elements instead of wikitext"
    if element.text is None and element.get("bytes", "0") not in ("", "0"):
        return None, "its text is not in this dump (a stub dump holds only metadata)"
    return element.text or "", ""


def _oversize(text: str) -> int | None:
    """The size in UTF-8 of a text over MAX_ITEM_BYTES, else None (without encoding it when its
    length tells: a character is 1 to 4 bytes)."""
    if len(text) * 4 <= MAX_ITEM_BYTES:
        return None
    size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
    return size if size > MAX_ITEM_BYTES else None


def _timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError as error:
        raise _Skip(f"its revision timestamp {value[:40]!r} is not an ISO 8601 time") from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # dumps write UTC ("Z"); a bare time means it too
    return moment.astimezone(UTC)


def redirect_target(text: str, *, first_letter: bool = True) -> str | None:
    """The page that wikitext redirects to, from its ``#REDIRECT [[Target]]`` line in any
    language, as a title: underscores as spaces, without ``#section`` or leading colon, first
    letter capitalised on wikis that do so. None for text that is not a redirect."""
    match = _REDIRECT.match(text)
    if match is None:
        return None
    word = match["word"]
    if word.casefold() not in _REDIRECT_WORDS and word != word.upper():
        return None
    target = match["target"].partition("#")[0].replace("_", " ")
    target = " ".join(target.split()).lstrip(":").strip()
    if not target:
        return None
    return target[:1].upper() + target[1:] if first_letter else target


class _DumpParser:
    """The state of one pass over one dump."""

    def __init__(self, path: Path, stream: BinaryIO, language: str | None) -> None:
        self.path = path
        self.site: SiteInfo | None = None
        self.pages_read = 0
        self.line = 0
        self._stream = stream
        self._language = language
        self._root: _RootInfo | None = None
        self._page: _PageState | None = None

    def items(self) -> Generator[PageRevision | ItemError | None, None, None]:
        """The pages in order. Before the first, None once: the site information is known."""
        head = _check_prolog(self.path, self._stream)
        events: Iterator[tuple[str, etree._Element]] = etree.iterparse(
            _Replay(head, self._stream),
            events=("start", "end"),
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=False,  # keep libxml2's limits on text node size and nesting depth
            remove_comments=True,
            remove_pis=True,
        )
        try:
            yield from self._walk(events)
        except etree.XMLSyntaxError as error:
            raise self._syntax_error(error) from error
        except _StreamFailure as failure:
            raise ReadError(self.path, f"{failure.error.reason}; {self._progress()}") from failure

    def _walk(
        self, events: Iterator[tuple[str, etree._Element]]
    ) -> Iterator[PageRevision | ItemError | None]:
        depth = 0
        for event, element in events:
            if event == "start":
                depth += 1
                if depth == 1:
                    self._root = _read_root(self.path, element)
                elif depth == 2:
                    yield from self._start_top(element)
                continue
            depth -= 1
            if depth == 2 and self._page is not None:
                self._page_field(element)
            elif depth == 1:
                yield from self._end_top(element)
            elif depth == 0 and self.site is None:  # a dump without siteinfo or pages
                self._set_site(None)
                yield None

    def _start_top(self, element: etree._Element) -> Iterator[None]:
        name = _local(element.tag)
        if self.site is None and name != "siteinfo":
            self._set_site(None)
            yield None
        if name == "page":
            self._page = _PageState()

    def _end_top(self, element: etree._Element) -> Iterator[PageRevision | ItemError | None]:
        name = _local(element.tag)
        if name == "siteinfo" and self.site is None:
            self._set_site(element)
            yield None
        elif name == "page" and self._page is not None:
            page, self._page = self._page, None
            self.pages_read += 1
            self.line = _line(element) or self.line
            yield self._finish(page)
        _forget(element)

    def _set_site(self, element: etree._Element | None) -> None:
        assert self._root is not None
        self.site = _site_info(element, self._root, self.path, self._language)

    def _page_field(self, element: etree._Element) -> None:
        page = self._page
        assert page is not None
        name = _local(element.tag)
        if name == "title":
            page.title = element.text or ""
        elif name == "ns":
            page.namespace = (element.text or "").strip()
        elif name == "id":
            page.page_id = (element.text or "").strip()
        elif name == "redirect":
            page.redirect = element.get("title") or None
        elif name == "revision":
            page.revisions += 1
            page.revision = _revision(element)
        _forget(element)

    def _finish(self, page: _PageState) -> PageRevision | ItemError:
        if page.title and page.title.strip():
            key = page.title
        else:
            key = f"page id {page.page_id}" if page.page_id else f"page {self.pages_read}"
        try:
            return self._page_revision(page)
        except _Skip as skip:
            return ItemError(key=key, message=str(skip), title=page.title or "")

    def _page_revision(self, page: _PageState) -> PageRevision:
        """The page as its last revision in the dump has it.

        History dumps hold every revision of a page, oldest first (MediaWiki exports them in
        ascending revision id order), so the last one is the page as it stands, which is what an
        encyclopedia imports; the earlier ones are counted (``revisions``) but not kept, so that
        a page with thousands of revisions takes the memory of one.
        """
        assert self.site is not None
        if not page.title or not page.title.strip():
            raise _Skip("the page has no title")
        revision = page.revision
        if revision is None:
            raise _Skip("the page has no revision")
        if revision.text is None:
            raise _Skip(revision.missing_text)
        size = _oversize(revision.text)
        if size is not None:
            raise _Skip(f"its text is {size:,} bytes; a page may be {MAX_ITEM_BYTES:,}")
        first_letter = self.site.case == "first-letter"
        return PageRevision(
            title=page.title,
            namespace=self._namespace(page),
            page_id=page.page_id,
            redirect_target=page.redirect
            or redirect_target(revision.text, first_letter=first_letter),
            revision_id=revision.revision_id,
            parent_id=revision.parent_id,
            timestamp=_timestamp(revision.timestamp),
            contributor=revision.contributor,
            comment=revision.comment,
            text=revision.text,
            model=revision.model,
            format=revision.format,
            revisions=page.revisions,
        )

    def _namespace(self, page: _PageState) -> int:
        assert self.site is not None
        assert page.title is not None
        if page.namespace is None:  # export 0.3 has no <ns>: the title's prefix tells
            return _namespace_of(page.title, self.site)
        try:
            return int(page.namespace)
        except ValueError as error:
            raise _Skip(f"its namespace {page.namespace[:20]!r} is not a number") from error

    def _progress(self) -> str:
        pages = "1 page was" if self.pages_read == 1 else f"{self.pages_read:,} pages were"
        where = f", up to line {self.line:,}" if self.line else ""
        return f"{pages} read before it{where}"

    def _syntax_error(self, error: etree.XMLSyntaxError) -> ReadError:
        line = error.position[0] if error.position else error.lineno
        message = re.sub(r", line \d+, column \d+$", "", str(error.msg))
        if self._root is None:
            return ReadError(
                self.path, f"not a MediaWiki XML dump: it is not well-formed XML ({message})"
            )
        if "Resource limit exceeded" in message or "Excessive depth" in message:
            return ReadError(
                self.path,
                f"refused at line {line:,}: it exceeds the XML parser's safety limits (a text "
                f"of over 10,000,000 bytes or elements nested over 256 deep: {message}); "
                f"{self._progress()}",
            )
        return ReadError(
            self.path,
            f"the dump is truncated or malformed at line {line:,} ({message}); {self._progress()}",
        )


def _line(element: etree._Element) -> int:
    line = element.sourceline  # the stubs do not type it
    return line if isinstance(line, int) else 0


def _forget(element: etree._Element) -> None:
    """Free an element that has been read, and its earlier siblings, so memory stays flat."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


class DumpReader:
    """The site information and the pages of one MediaWiki XML dump file (compressed or not).

    ``site`` is read from the ``<siteinfo>`` at the start of the dump on first use (or by
    :meth:`open`); :meth:`pages` then streams the pages from there. Each call of :meth:`pages`
    after the first reads the file again from its start.

    ``language`` overrides what the dump says, for dumps whose header is wrong (see
    ``_language``).
    """

    def __init__(self, path: Path, *, language: str | None = None) -> None:
        self.path = path
        self._language = language
        self._site: SiteInfo | None = None
        self._pass: tuple[Generator[PageRevision | ItemError | None, None, None], BinaryIO] | None
        self._pass = None

    @property
    def site(self) -> SiteInfo:
        return self._site if self._site is not None else self.open()

    def open(self) -> SiteInfo:
        """Open the file and read up to its site information (once)."""
        if self._pass is None:
            self._pass = self._start()
        assert self._site is not None
        return self._site

    def _start(self) -> tuple[Generator[PageRevision | ItemError | None, None, None], BinaryIO]:
        stream = open_decompressed(self.path)
        try:
            parser = _DumpParser(self.path, stream, self._language)
            items = parser.items()
            next(items)  # up to the site information
        except BaseException:
            stream.close()
            raise
        self._site = parser.site
        return items, stream

    def pages(self) -> Iterator[PageRevision | ItemError]:
        """Every page of the dump, in order, as a PageRevision or, when it cannot be read, an
        ItemError (the run goes on); ReadError when the dump as a whole cannot be read further."""
        items, stream = self._pass or self._start()
        self._pass = None
        try:
            for item in items:
                if item is not None:
                    yield item
        finally:
            items.close()
            stream.close()

    def close(self) -> None:
        if self._pass is not None:
            items, stream = self._pass
            self._pass = None
            items.close()
            stream.close()

    def __enter__(self) -> DumpReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
