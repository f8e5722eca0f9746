"""Small ZIM archives written for the tests (libzim's writer makes the new layout)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from libzim.writer import Creator, Hint, Item, StringProvider  # type: ignore[import-untyped]

REPOSITORY = Path(__file__).resolve().parents[4]
CORPUS = REPOSITORY.parent / "shared" / "corpus" / "zim"


@dataclass
class Entry:
    path: str
    title: str
    content: str | bytes
    mimetype: str = "text/html"


@dataclass
class Archive:
    entries: list[Entry] = field(default_factory=list)
    redirects: list[tuple[str, str, str]] = field(default_factory=list)  # path, title, target
    metadata: dict[str, str] = field(default_factory=dict)


class _Item(Item):  # type: ignore[misc]
    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def get_path(self) -> str:
        return self.entry.path

    def get_title(self) -> str:
        return self.entry.title

    def get_mimetype(self) -> str:
        return self.entry.mimetype

    def get_contentprovider(self) -> StringProvider:
        return StringProvider(self.entry.content)

    def get_hints(self) -> dict[object, int]:
        return {Hint.FRONT_ARTICLE: True}


def write_zim(path: Path, archive: Archive) -> Path:
    metadata = {"Title": "Test archive", "Language": "eng", "Date": "2021-05-01"}
    metadata.update(archive.metadata)
    with Creator(path).config_indexing(False, "eng") as creator:
        for entry in archive.entries:
            creator.add_item(_Item(entry))
        for redirect_path, title, target in archive.redirects:
            creator.add_redirection(redirect_path, title, target, {Hint.FRONT_ARTICLE: True})
        for name, value in metadata.items():
            creator.add_metadata(name, value)
    return path


def page(body: str, *, title: str = "Page", head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><div id='mw-content-text'>{body}</div></body></html>"
    )


FOOTER = (
    '<div><div style="clear:both">This article is issued from <a class="external text" '
    'title="Last edited on 2022-03-04" href="https://en.wikipedia.org/wiki/{path}?oldid=1234">'
    'Wikipedia</a>. The text is licensed under <a class="external text" '
    'href="https://creativecommons.org/licenses/by-sa/4.0/">Creative Commons - Attribution - '
    "Sharealike</a>. Additional terms may apply for the media files.</div></div>"
)
