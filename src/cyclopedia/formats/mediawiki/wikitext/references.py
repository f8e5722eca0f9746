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
    """Collects references in order of first use; equal texts and equal names share one label."""

    _entries: list[_Entry] = field(default_factory=list)
    _by_name: dict[tuple[str, str], _Entry] = field(default_factory=dict)
    _by_text: dict[str, _Entry] = field(default_factory=dict)

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
    ) -> str:
        """A citation marker for a reference; defines it when ``text`` is given."""
        text = " ".join(text.split())
        key = (group, name.strip())
        entry = self._by_name.get(key) if name.strip() else None
        if entry is None and text and (url, doi) == (None, None):
            entry = self._by_text.get(text)
        if entry is None:
            entry = self._new()
        if name.strip():
            self._by_name.setdefault(key, entry)
        if text and not entry.text:
            entry.text, entry.url, entry.doi = text, url, doi
            self._by_text.setdefault(text, entry)
        return citation(entry.label)

    def define(self, text: str, *, name: str, group: str = "", url: str | None = None) -> None:
        """A list-defined reference (inside ``<references>`` or ``{{reflist|refs=}}``)."""
        entry = self._by_name.get((group, name.strip()))
        if entry is not None and not entry.text:
            entry.text, entry.url = " ".join(text.split()), url

    def __len__(self) -> int:
        return len(self._entries)

    def build(self) -> tuple[Reference, ...]:
        return tuple(
            Reference(label=e.label, text=e.text or MISSING_TEXT, url=e.url, doi=e.doi)
            for e in self._entries
        )
