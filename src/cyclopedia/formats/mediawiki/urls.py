"""URLs of MediaWiki pages: the page, its history, a revision permalink."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from cyclopedia.formats.urls import site_root

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
    base = site_root(url)  # credentials in a URL never reach an attribution link
    path = urlsplit(url).path
    if not base or not path.startswith("/wiki/") or len(path) <= len("/wiki/"):
        return None
    return WikiPage(base=base, title=unquote(path.removeprefix("/wiki/")).replace("_", " "))
