"""The references of one page: ``<ref>``, named and reused refs, short citations, notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from cyclopedia.document import Reference
from cyclopedia.document.markup import citation

MISSING_TEXT = "This reference is named in the source, but its text is not given there."


@dataclass
class _Entry:
    label: str
    text: str = ""
    url: str | None = None
    doi: str | None = None


@dataclass
class References:
    """Collects references in order of first use; equal names share one label, and so do
    unnamed references written the same way (the same source text, or for notes and short
    citations the same text)."""

    _entries: list[_Entry] = field(default_factory=list)
    _by_name: dict[tuple[str, str], _Entry] = field(default_factory=dict)
    _by_text: dict[tuple[str, str], _Entry] = field(default_factory=dict)

    def _new(self) -> _Entry:
        entry = _Entry(label=str(len(self._entries) + 1))
        self._entries.append(entry)
        return entry

    def cite(
        self,
        text: str,
        *,
        url: str | None = None,
        doi: str | None = None,
        name: str = "",
        group: str = "",
        source: str | None = None,
    ) -> str:
        """A citation marker for a reference; defines it when ``text`` is given. ``source`` is
        the reference as written (a ``<ref>``'s wikitext): unnamed references are the same when
        it is, whatever their text; without it they are the same when their text is."""
        text = " ".join(text.split())
        key = (group, name.strip())
        entry = self._by_name.get(key) if name.strip() else None
        same: tuple[str, str] | None
        if source is not None:
            same = (group, "source:" + " ".join(source.split()))
        else:
            same = (group, "text:" + text) if text and (url, doi) == (None, None) else None
        if entry is None and same is not None:
            entry = self._by_text.get(same)
        if entry is None:
            entry = self._new()
        if name.strip():
            self._by_name.setdefault(key, entry)
        if same is not None and not name.strip():
            self._by_text.setdefault(same, entry)
        if text and not entry.text:
            entry.text, entry.url, entry.doi = text, url, doi
        return citation(entry.label)

    def define(
        self,
        text: str,
        *,
        name: str,
        group: str = "",
        url: str | None = None,
        doi: str | None = None,
    ) -> None:
        """A list-defined reference (inside ``<references>`` or ``{{reflist|refs=}}``): it
        gives the text of a reference cited by name; one never cited is not shown, as on the
        wiki."""
        entry = self._by_name.get((group, name.strip()))
        if entry is not None and not entry.text:
            entry.text, entry.url, entry.doi = " ".join(text.split()), url, doi

    def __len__(self) -> int:
        return len(self._entries)

    def build(self) -> tuple[Reference, ...]:
        return tuple(
            Reference(label=e.label, text=e.text or MISSING_TEXT, url=e.url, doi=e.doi)
            for e in self._entries
        )
