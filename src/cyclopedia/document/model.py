"""Document and its parts: frozen dataclasses that validate themselves on construction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cyclopedia.document.license import UNKNOWN_LICENSE, License
from cyclopedia.document.markup import cited_labels
from cyclopedia.document.titles import TitleError, normalize_title, strip_format_characters

MAX_BODY_LENGTH = 2_000_000  # characters; the largest Wikipedia articles are under 1.5 million


class DocumentError(ValueError):
    """A Document (or one of its parts) that breaks one of the model's rules."""


def _no_nul(name: str, value: str) -> None:
    if "\x00" in value:
        raise DocumentError(f"{name} contains a NUL character")


@dataclass(frozen=True, slots=True)
class InfoboxField:
    """One infobox row: a plain-text label and a value in inline Markdown (newlines are breaks)."""

    label: str
    value: str

    def __post_init__(self) -> None:
        if not self.label.strip():
            raise DocumentError("an infobox field has an empty label")
        if not self.value.strip():
            raise DocumentError(f"the infobox field {self.label!r} has an empty value")
        _no_nul("an infobox label", self.label)
        _no_nul("an infobox value", self.value)


@dataclass(frozen=True, slots=True)
class Infobox:
    fields: tuple[InfoboxField, ...]
    title: str | None = None
    caption: str | None = None

    def __post_init__(self) -> None:
        if not self.fields:
            raise DocumentError("an infobox needs at least one field")


@dataclass(frozen=True, slots=True)
class Reference:
    """A numbered reference; ``label`` is what the markers ``[^label]`` cite."""

    label: str
    text: str
    url: str | None = None
    doi: str | None = None

    def __post_init__(self) -> None:
        if not self.label or any(ch.isspace() or ch in "[]^" for ch in self.label):
            raise DocumentError(f"invalid reference label {self.label!r}")
        if not self.text.strip():
            raise DocumentError(f"reference {self.label!r} has no text")
        _no_nul("a reference", self.text)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Where a text came from and who wrote it (POLICY.md §1)."""

    source_title: str
    source_name: str = ""  # the provider, e.g. "Wikipedia (English)"
    source_url: str | None = None
    revision_url: str | None = None  # the exact revision: an oldid permalink or a DOI
    history_url: str | None = None  # the page history, which credits the authors
    authors: tuple[str, ...] = ()
    source_revision_id: str | None = None
    source_timestamp: dt.datetime | None = None
    copyright_notice: str = ""
    upstream_notices: tuple[str, ...] = ()
    modified: bool = False  # modified here (beyond format conversion)

    def __post_init__(self) -> None:
        # Shown in the attribution line: no bidi override may reorder what the line says.
        object.__setattr__(self, "source_title", strip_format_characters(self.source_title))
        if not self.source_title.strip():
            raise DocumentError("an attribution needs the source title")
        for url in (self.source_url, self.revision_url, self.history_url):
            if url is not None and not url.startswith(("https://", "http://")):
                raise DocumentError(f"attribution link {url!r} is not an http(s) URL")


@dataclass(frozen=True, slots=True)
class Document:
    """One article as every reader produces it and every writer consumes it."""

    title: str
    body: str
    attribution: Attribution
    license: License = UNKNOWN_LICENSE
    license_evidence: str = ""
    language: str = "en"
    aliases: tuple[str, ...] = ()
    infobox: Infobox | None = None
    references: tuple[Reference, ...] = ()
    categories: tuple[str, ...] = ()
    # Plain-text banners shown above the article: retraction, correction, expression of concern.
    notices: tuple[str, ...] = ()
    source_key: str = ""  # the item's id in its source (page id, file name, DOI)
    source_revision: str = ""  # the item's revision in its source, if it has revisions
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        try:
            title = normalize_title(self.title)
            aliases = tuple(dict.fromkeys(normalize_title(a) for a in self.aliases))
            categories = tuple(dict.fromkeys(normalize_title(c) for c in self.categories))
        except TitleError as error:
            raise DocumentError(str(error)) from error
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "aliases", tuple(a for a in aliases if a != title))
        object.__setattr__(self, "categories", categories)
        notices = tuple(" ".join(notice.split()) for notice in self.notices)
        for notice in notices:
            _no_nul("a notice", notice)
        object.__setattr__(self, "notices", tuple(n for n in dict.fromkeys(notices) if n))
        _no_nul("the body", self.body)
        object.__setattr__(self, "body", self.body.strip("\n") + "\n" if self.body.strip() else "")
        if len(self.body) > MAX_BODY_LENGTH:
            raise DocumentError(
                f"the body is {len(self.body):,} characters long; at most {MAX_BODY_LENGTH:,}"
            )
        if not self.language or not self.language.replace("-", "").isalnum():
            raise DocumentError(f"invalid language code {self.language!r}")
        labels = [ref.label for ref in self.references]
        duplicates = sorted({label for label in labels if labels.count(label) > 1})
        if duplicates:
            raise DocumentError(f"reference labels used twice: {', '.join(duplicates)}")
        missing = [label for label in self.cited_labels() if label not in set(labels)]
        if missing:
            raise DocumentError(f"citation markers without a reference: {', '.join(missing)}")

    def cited_labels(self) -> list[str]:
        """Reference labels in order of first citation: infobox first, then body."""
        parts = [field.value for field in self.infobox.fields] if self.infobox else []
        parts.append(self.body)
        return cited_labels("\n".join(parts))
