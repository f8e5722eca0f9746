"""Licence footers that mirrors append to pages: where they start, and what licence they state."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cyclopedia.document import License, UnknownLicenseError, get_license
from cyclopedia.document.license import UNKNOWN_LICENSE

# A footer starts at the first line that begins like one of these; everything after it is footer.
_FOOTER_START = re.compile(
    r"^(This article was sourced from|This article is licensed under|"
    r"Text is available under the Creative Commons|Content is available under|"
    r"This (?:page|article) (?:uses|incorporates) (?:material|text|content) from|"
    r"Retrieved from [\"“']?https?://|"
    r"By using this site, you agree to)",
    re.IGNORECASE,
)

_VERSION = r"(?:\s+(?:License\s+)?(?:v(?:ersion)?\s*)?(?P<version>[1-4]\.[05]))?"
_CC = re.compile(
    r"Creative\s+Commons\s+(?P<kind>Attribution(?:[-\s](?:NonCommercial|Non-Commercial))?"
    r"(?:[-\s](?:ShareAlike|Share-Alike|Share\s+Alike|NoDerivatives|NoDerivs|No\s+Derivatives))?)"
    + _VERSION,
    re.IGNORECASE,
)
_CC_SHORT = re.compile(
    r"\bCC[-\s](?P<kind>BY(?:-NC)?(?:-SA|-ND)?)[-\s](?P<version>[1-4]\.[05])\b", re.IGNORECASE
)
_CC0 = re.compile(r"\bCC0\b|Creative\s+Commons\s+Zero", re.IGNORECASE)
_PUBLIC_DOMAIN = re.compile(r"\bin\s+the\s+public\s+domain\b|\bpublic[-\s]domain\b", re.IGNORECASE)

# The version Wikipedia and its mirrors used before 2023, assumed when a footer names none.
DEFAULT_BY_SA_VERSION = "3.0"


@dataclass(frozen=True, slots=True)
class FooterLicense:
    license: License
    evidence: str


def footer_start(lines: list[str]) -> int | None:
    """Index of the line where a licence footer starts, if the page has one."""
    for index, line in enumerate(lines):
        if _FOOTER_START.match(line.strip()):
            return index
    return None


def _kind(words: str) -> str:
    words = words.lower().replace(" ", "").replace("-", "")
    kind = "BY"
    if "noncommercial" in words:
        kind += "-NC"
    if "sharealike" in words:
        kind += "-SA"
    elif "noderiv" in words:
        kind += "-ND"
    return kind


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    ends = (text.find(";", end), text.find(".", end), text.find("\n", end))  # as on the left
    right_candidates = [i for i in ends if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return " ".join(text[left:right].split())


def _found(spdx: str, evidence: str) -> FooterLicense:
    try:
        return FooterLicense(get_license(spdx), evidence)
    except UnknownLicenseError:
        # "CC BY 1.0", "CC BY-SA 3.5": a licence this catalogue does not know is held for an
        # editor (POLICY.md §3), not an exception that escapes the reader.
        return FooterLicense(UNKNOWN_LICENSE, f"{evidence} ({spdx} is not a licence known here)")


def detect_license(text: str) -> FooterLicense | None:
    """The licence a footer states, with the sentence that states it as evidence."""
    match = _CC_SHORT.search(text)
    if match:
        spdx = f"CC-{match.group('kind').upper()}-{match.group('version')}"
        return _found(spdx, f'footer: "{_sentence(text, *match.span())}"')
    match = _CC.search(text)
    if match:
        version = match.group("version")
        evidence = f'footer: "{_sentence(text, *match.span())}"'
        if not version:
            version = DEFAULT_BY_SA_VERSION if _kind(match.group("kind")) == "BY-SA" else "4.0"
            evidence += f" (no version stated; {version} assumed; --license overrides)"
        spdx = f"CC-{_kind(match.group('kind'))}-{version}"
        return _found(spdx, evidence)
    match = _CC0.search(text)
    if match:
        return FooterLicense(get_license("CC0-1.0"), f'footer: "{_sentence(text, *match.span())}"')
    match = _PUBLIC_DOMAIN.search(text)
    if match:
        return FooterLicense(
            get_license("LicenseRef-PublicDomain"), f'footer: "{_sentence(text, *match.span())}"'
        )
    return None
