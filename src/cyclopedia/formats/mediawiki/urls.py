"""URLs of MediaWiki pages: the page, its history, a revision permalink."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

_LANGUAGES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ru": "Russian",
    "ar": "Arabic",
    "bg": "Bulgarian",
    "ja": "Japanese",
    "zh": "Chinese",
}


@dataclass(frozen=True, slots=True)
class WikiPage:
    base: str  # scheme and host: "https://en.wikipedia.org"
    title: str  # with spaces

    @property
    def url(self) -> str:
        return f"{self.base}/wiki/{_path(self.title)}"

    @property
    def history_url(self) -> str:
        return f"{self.base}/w/index.php?title={_path(self.title)}&action=history"

    def revision_url(self, revision_id: str) -> str:
        return f"{self.base}/w/index.php?title={_path(self.title)}&oldid={revision_id}"

    @property
    def site_name(self) -> str:
        host = urlsplit(self.base).hostname or ""
        language, _, project = host.partition(".")
        if project.startswith("wikipedia."):
            name = _LANGUAGES.get(language)
            return f"Wikipedia ({name})" if name else f"Wikipedia ({language})"
        return host


def _path(title: str) -> str:
    return quote(title.replace(" ", "_"), safe="/:,;@!$()*'~")


def parse_page_url(url: str) -> WikiPage | None:
    """The wiki page a ``https://host/wiki/Title`` URL names, or None for other URLs."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if not parts.path.startswith("/wiki/") or len(parts.path) <= len("/wiki/"):
        return None
    title = unquote(parts.path.removeprefix("/wiki/")).replace("_", " ")
    # Host and port only: credentials in a URL never reach an attribution link.
    host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    return WikiPage(base=f"{parts.scheme}://{host}", title=title)
