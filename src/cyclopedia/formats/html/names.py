"""Which licence a URL or a text names: Creative Commons licences (any version, ported or
not), CC0 and the public domain, and "all rights reserved"."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# A finding's kind: a Creative Commons licence ("BY-SA"), "CC0", "PD" (public domain),
# "ARR" (all rights reserved), or "" for a licence statement that was not recognised.
ALL_RIGHTS_RESERVED = "ARR"
PUBLIC_DOMAIN = "PD"
CC0 = "CC0"

_CC_KINDS = {
    "by": "BY",
    "by-sa": "BY-SA",
    "by-nd": "BY-ND",
    "by-nc": "BY-NC",
    "by-nc-sa": "BY-NC-SA",
    "by-nc-nd": "BY-NC-ND",
    "by-nd-nc": "BY-NC-ND",  # the 1.0 spelling
    "sa": "SA",
    "nd": "ND",
    "nc": "NC",
    "nc-sa": "NC-SA",
    "nd-nc": "NC-ND",
}
_CC_LICENSE_PATH = re.compile(r"^/licenses/([a-z-]+)/(\d\.\d)(?:/([a-z]{2}(?:-[a-z]{2})?))?(?:/|$)")
_VERSION = re.compile(r"\b([1-4]\.[05])\b")
_CC_SHORT = re.compile(
    r"\bcc[\s-]*(by(?:[\s-]*(?:nc|nd|sa)\b){0,2})(?:[\s-]*v?([1-4]\.[05]))?", re.IGNORECASE
)
_CC0_TEXT = re.compile(r"\bcc[\s-]?0\b|\bcc[\s-]zero\b|creative\s+commons\s+zero", re.IGNORECASE)
_CC_LONG = re.compile(
    r"creative[\s-]+commons[\s-]+(?:licen[cs]e[\s:-]+)?"
    r"(attribution|namensnennung|paternit[ée]|atribuci[óo]n|reconocimiento|attribuzione)"
    r"(?P<rest>(?:[^.;()]|\.(?=\d)){0,120})",  # to the end of the sentence ("3.0" goes on)
    re.IGNORECASE,
)
_NC = re.compile(r"non-?\s?commercial|nicht-?\s?kommerziell|pas d.utilisation commerciale", re.I)
_SA = re.compile(r"share-?\s?alike|gleichen bedingungen|partage dans les m[êe]mes", re.I)
_ND = re.compile(r"no-?\s?deriv|keine\s?bearbeitung|pas de modification", re.I)
_PD_TEXT = re.compile(
    r"\bpublic[\s-]+domain\b|\bgemeinfrei|\bdomaine\s+public\b|\bdominio\s+p[úu]blico\b", re.I
)
_ARR_TEXT = re.compile(
    r"all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+r[ée]serv[ée]s"
    r"|todos\s+los\s+derechos\s+reservados|tutti\s+i\s+diritti\s+riservati",
    re.IGNORECASE,
)
Recognised = tuple[str, str | None, str | None]  # kind, version, port


def from_url(url: str) -> Recognised | None:
    """The licence a URL names (Creative Commons licence and public-domain tools)."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not (host == "creativecommons.org" or host.endswith(".creativecommons.org")):
        return None
    path = parts.path.lower()
    if path.startswith("/publicdomain/zero/"):
        return CC0, "1.0", None
    if path.startswith(("/publicdomain/mark/", "/licenses/publicdomain")):
        return PUBLIC_DOMAIN, None, None
    match = _CC_LICENSE_PATH.match(path)
    if not match or match.group(1) not in _CC_KINDS:
        return None
    port = match.group(3)
    if port and port.startswith("deed"):
        port = None
    return _CC_KINDS[match.group(1)], match.group(2), port


def from_text(text: str) -> list[Recognised]:
    """The licences a text names: "CC BY-SA 4.0", "Creative Commons Attribution 4.0",
    "CC0", "public domain", "all rights reserved"."""
    text = " ".join(text.replace("\u00ad", "").split())
    found: list[Recognised] = []
    if _CC0_TEXT.search(text):
        found.append((CC0, "1.0", None))
    for match in _CC_SHORT.finditer(text):
        elements = re.findall(r"nc|nd|sa", match.group(1).lower())
        found.append((_kind(elements), match.group(2), None))
    for match in _CC_LONG.finditer(text):
        rest = match.group("rest")
        elements = [
            name
            for name, pattern in (("nc", _NC), ("nd", _ND), ("sa", _SA))
            if pattern.search(rest)
        ]
        version = _VERSION.search(rest)
        found.append((_kind(elements), version.group(1) if version else None, None))
    if _PD_TEXT.search(text) and not found:
        found.append((PUBLIC_DOMAIN, None, None))
    if _ARR_TEXT.search(text):
        found.append((ALL_RIGHTS_RESERVED, None, None))
    return list(dict.fromkeys(found))


def _kind(elements: list[str]) -> str:
    present = set(elements)
    return "-".join(["BY", *(name.upper() for name in ("nc", "nd", "sa") if name in present)])


def recognise(value: str) -> list[Recognised]:
    found = from_url(value)
    if found:
        return [found]
    if value.strip().lower().startswith(("http://", "https://", "//")):
        return []  # a URL that is no licence known here: its text would be a path
    return from_text(value)
