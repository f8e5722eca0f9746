"""What a ZIM archive says about itself (its ``M/`` metadata), as attribution can use it.

ZIM metadata is free text written by many tools: placeholders ("N/A", "="), ISO 639-3 language
codes, several languages at once ("eng,fra"), dates as ``YYYY-MM-DD``. Only what means something is
kept; the ``Source`` is kept only when it is an http(s) address.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import quote

from cyclopedia.formats.mediawiki.license import is_wikimedia
from cyclopedia.formats.mediawiki.urls import WikiPage
from cyclopedia.formats.urls import site_root
from cyclopedia.formats.zim.messages import ArchiveInfo

_PLACEHOLDERS = {"", "n/a", "na", "none", "unknown", "-", "=", "null"}
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_PATH_SAFE = "/,;@!$()*'~"
# ISO 639-3 (what ZIMs use) to the ISO 639-1 codes the rest of Cyclopedia uses.
ISO_639_3 = {
    "afr": "af", "amh": "am", "ara": "ar", "arg": "an", "asm": "as", "ast": "ast", "aze": "az",
    "bak": "ba", "bel": "be", "ben": "bn", "bod": "bo", "bos": "bs", "bre": "br", "bul": "bg",
    "cat": "ca", "ces": "cs", "cym": "cy", "dan": "da", "deu": "de", "ell": "el", "eng": "en",
    "epo": "eo", "est": "et", "eus": "eu", "fao": "fo", "fas": "fa", "fin": "fi", "fra": "fr",
    "fry": "fy", "gle": "ga", "glg": "gl", "guj": "gu", "hat": "ht", "hau": "ha", "heb": "he",
    "hin": "hi", "hrv": "hr", "hun": "hu", "hye": "hy", "ibo": "ig", "ido": "io", "ina": "ia",
    "ind": "id", "isl": "is", "ita": "it", "jav": "jv", "jpn": "ja", "kan": "kn", "kat": "ka",
    "kaz": "kk", "khm": "km", "kir": "ky", "kor": "ko", "kur": "ku", "lao": "lo", "lat": "la",
    "lav": "lv", "lit": "lt", "ltz": "lb", "mal": "ml", "mar": "mr", "mkd": "mk", "mlg": "mg",
    "mlt": "mt", "mon": "mn", "mri": "mi", "msa": "ms", "mya": "my", "nep": "ne", "nld": "nl",
    "nno": "nn", "nob": "nb", "nor": "no", "oci": "oc", "ori": "or", "pan": "pa", "pol": "pl",
    "por": "pt", "pus": "ps", "que": "qu", "ron": "ro", "rus": "ru", "san": "sa", "sin": "si",
    "slk": "sk", "slv": "sl", "sna": "sn", "som": "so", "spa": "es", "sqi": "sq", "srp": "sr",
    "sun": "su", "swa": "sw", "swe": "sv", "tam": "ta", "tat": "tt", "tel": "te", "tgk": "tg",
    "tgl": "tl", "tha": "th", "tir": "ti", "tur": "tr", "uig": "ug", "ukr": "uk", "urd": "ur",
    "uzb": "uz", "vie": "vi", "wln": "wa", "xho": "xh", "yid": "yi", "yor": "yo", "zho": "zh",
    "zul": "zu", "war": "war", "ceb": "ceb",
}  # fmt: skip


def _value(metadata: dict[str, str], key: str) -> str:
    value = " ".join(metadata.get(key, "").split())
    return "" if value.lower() in _PLACEHOLDERS else value


def language_code(value: str) -> str:
    """The first language of a ZIM's ``Language`` ("eng,fra") as a code, or ""."""
    first = value.split(",")[0].strip().lower()
    if not _LANGUAGE.match(first):
        return ""
    return ISO_639_3.get(first, first)


@dataclass(frozen=True, slots=True)
class ZimSource:
    """An archive and what its metadata says."""

    title: str = ""
    name: str = ""
    creator: str = ""
    publisher: str = ""
    source: str = ""  # an http(s) address the archive was made from
    license: str = ""  # the License metadata, as written
    date: dt.datetime | None = None
    language: str = ""
    new_scheme: bool = True
    wiki: str = ""  # scheme and host of the wiki the archive was made from, when known

    @property
    def wiki_name(self) -> str:
        """The wiki's name as attributions give it ("Wikipedia (English)"), or ""."""
        return WikiPage(base=self.wiki, title="").site_name if self.wiki else ""

    @classmethod
    def from_info(cls, info: ArchiveInfo) -> ZimSource:
        meta = info.metadata
        date = None
        if match := _DATE.match(_value(meta, "Date")):
            try:
                year, month, day = (int(group) for group in match.groups())
                date = dt.datetime(year, month, day, tzinfo=dt.UTC)
            except ValueError:
                date = None
        source = _value(meta, "Source")
        wiki = site_root(source) or site_root(info.sample_url)
        return cls(
            title=_value(meta, "Title"),
            name=_value(meta, "Name"),
            creator=_value(meta, "Creator"),
            publisher=_value(meta, "Publisher"),
            source=source if site_root(source) else "",
            license=_value(meta, "License"),
            date=date,
            language=language_code(_value(meta, "Language")),
            new_scheme=info.new_namespace_scheme,
            wiki=wiki if wiki and is_wikimedia(wiki) else "",
        )

    def entry_url(self, path: str) -> str:
        """The address of an entry at the archive's source: ``Source`` + the entry's path
        (without the ZIM namespace of the old layout)."""
        if not self.new_scheme and len(path) > 2 and path[1] == "/":
            path = path[2:]
        if not self.source:
            return f"{self.wiki}/wiki/{quote(path, safe=_PATH_SAFE)}" if self.wiki else ""
        base = self.source if self.source.endswith("/") else self.source + "/"
        if base == site_root(self.source) + "/" and is_wikimedia(base):
            base += "wiki/"  # a wiki's root: its pages are under /wiki/
        return base + quote(path, safe=_PATH_SAFE)

    def notice(self) -> str:
        """Which archive an article was taken from, for its attribution."""
        parts = [f"Taken from the ZIM archive “{self.title or self.name or 'untitled'}”"]
        if self.creator:
            parts.append(f"content by {self.creator}")
        if self.publisher:
            parts.append(f"published by {self.publisher}")
        if self.date:
            parts.append(f"dated {self.date.date().isoformat()}")
        return ", ".join(parts) + "."
