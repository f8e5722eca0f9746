"""What the process reading an archive sends to the importing process, one message at a time.

Every message but ``ArchiveInfo``, ``Done`` and ``Fatal`` is one item of the import: an article
(``EntryContent``), a redirect (``EntryRedirect``) or an entry that could not be read
(``EntryProblem``). That one-to-one match is what lets an interrupted import be resumed by
counting items.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# What ``cyclopedia export --format zim`` writes (exports/zim.py, which keeps the same values):
# its Scraper metadata, and each article's Document as JSON at this prefix + the article's path.
# An EntryContent of that type carries the Document instead of the page.
CYCLOPEDIA_SCRAPER = "cyclopedia export"
CYCLOPEDIA_DOCUMENTS = "-/documents/"
CYCLOPEDIA_DOCUMENT = "application/vnd.cyclopedia.document+json"


@dataclass(frozen=True, slots=True)
class ArchiveInfo:
    """The archive as a whole: its metadata (text values only) and layout."""

    metadata: dict[str, str] = field(default_factory=dict)
    new_namespace_scheme: bool = True
    entry_count: int = 0
    checksum: str = ""  # "verified" or "absent"
    # The address of one of its articles at their source (a canonical link, mwoffliner's
    # footer): which wiki the archive was made from, when its metadata does not say.
    sample_url: str = ""


@dataclass(frozen=True, slots=True)
class EntryContent:
    """An article entry: HTML (or plain text in the old layout's article namespace)."""

    index: int
    path: str  # as libzim gives it: "A/Ray_Charles" in the old layout, "Ray_Charles" in the new
    title: str  # as the archive gives it ("" when it gives none)
    mimetype: str
    content: bytes = b""
    skipped: bool = False  # passed over on a resumed import: the content was not read


@dataclass(frozen=True, slots=True)
class EntryRedirect:
    index: int
    path: str
    title: str
    target_path: str
    target_title: str


@dataclass(frozen=True, slots=True)
class EntryProblem:
    """An entry that could not be read; ``index`` is -1 for a problem with no one entry."""

    index: int
    path: str
    title: str
    message: str


@dataclass(frozen=True, slots=True)
class Fatal:
    """The archive cannot be read at all."""

    message: str


@dataclass(frozen=True, slots=True)
class Done:
    entries: int


Message = ArchiveInfo | EntryContent | EntryRedirect | EntryProblem | Fatal | Done
Item = EntryContent | EntryRedirect | EntryProblem
