"""The licence of a rendered wiki page (a saved page, an article of a ZIM), and why (POLICY §2).

In order:

1. Text of a Wikimedia wiki with a known revision date: the Terms of Use say, by that date
   (``formats/mediawiki/license.py``: CC BY-SA 3.0 before the switch, 4.0 from it).
2. Text of a Wikimedia wiki saved (or archived) before the switch: the revision is older still,
   so CC BY-SA 3.0.
3. What the source states, in a form that names one licence: a licence link or a licence name
   (a ZIM's ``License`` metadata, mwoffliner's footer, a ``rel="license"`` link). Statements that
   name different licences decide nothing.
4. The operator's ``--license``.
5. Otherwise the licence is unknown, and the importer quarantines the article: a licence is never
   guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from cyclopedia.document import License, UnknownLicenseError, get_license
from cyclopedia.document.license import UNKNOWN_LICENSE
from cyclopedia.formats.mediawiki.license import WIKIMEDIA_LICENSE_SWITCH, wikimedia_license

_CC_URL = re.compile(
    r"creativecommons\.org/licen[cs]es/(by(?:-nc)?(?:-sa|-nd)?)/(\d\.\d)", re.IGNORECASE
)
_CC_ZERO_URL = re.compile(r"creativecommons\.org/publicdomain/zero/1\.0", re.IGNORECASE)
_PD_MARK_URL = re.compile(r"creativecommons\.org/publicdomain/mark/", re.IGNORECASE)
_CC_NAME = re.compile(
    r"\b(?:CC|Creative\s+Commons)[\s-]+(BY(?:[\s-]NC)?(?:[\s-](?:SA|ND))?)[\s-]+(\d\.\d)\b",
    re.IGNORECASE,
)
_CC_WORDS = re.compile(
    r"\bAttribution((?:[\s-]+(?:Non-?Commercial|Share-?Alike|No-?Deriv(?:ative)?s))*)"
    r"[\s-]+(?:License\s+)?(\d\.\d)\b",
    re.IGNORECASE,
)


def statement_license(statement: str) -> License | None:
    """The one licence a statement names (an SPDX id, a licence URL or name), or None."""
    text = statement.strip()
    if not text:
        return None
    try:
        return get_license(text)
    except UnknownLicenseError:
        pass
    if match := _CC_URL.search(text):
        return _known(f"CC-{match.group(1).upper()}-{match.group(2)}")
    if _CC_ZERO_URL.search(text):
        return _known("CC0-1.0")
    if _PD_MARK_URL.search(text):
        return _known("LicenseRef-PublicDomain")
    if match := _CC_NAME.search(text):
        kind = re.sub(r"[\s-]+", "-", match.group(1).upper())
        return _known(f"CC-{kind}-{match.group(2)}")
    if match := _CC_WORDS.search(text):
        words = match.group(1).lower().replace("-", "")
        kind = "BY"
        if "noncommercial" in words:
            kind += "-NC"
        if "sharealike" in words:
            kind += "-SA"
        elif "noderiv" in words:
            kind += "-ND"
        return _known(f"CC-{kind}-{match.group(2)}")
    return None


def _known(spdx: str) -> License | None:
    try:
        return get_license(spdx)
    except UnknownLicenseError:
        return None


@dataclass(frozen=True, slots=True)
class LicenseFacts:
    """What is known about the licence of one page."""

    wikimedia: bool = False  # the page is from a Wikimedia wiki
    revision_time: dt.datetime | None = None  # when the revision was made
    no_later_than: dt.datetime | None = None  # the revision is no later than this (saved)
    no_later_than_what: str = "the page was saved"
    # (statement, where it was found): "https://creativecommons.org/licenses/by-sa/4.0/", ...
    statements: Sequence[tuple[str, str]] = ()
    given: License | None = None  # --license
    switch: dt.date = WIKIMEDIA_LICENSE_SWITCH


def decide_license(facts: LicenseFacts) -> tuple[License, str]:
    """The licence of a page and the evidence for it."""
    stated = [
        (found, f"{where} names {statement.strip()!r}")
        for statement, where in facts.statements
        if (found := statement_license(statement)) is not None
    ]
    if facts.wikimedia and facts.revision_time is not None:
        chosen, evidence = wikimedia_license(facts.revision_time, switch=facts.switch)
        return chosen, _with_statements(evidence, stated)
    if (
        facts.wikimedia
        and facts.no_later_than is not None
        and facts.no_later_than.astimezone(dt.UTC).date() < facts.switch
    ):
        day = facts.no_later_than.astimezone(dt.UTC).date().isoformat()
        evidence = (
            f"Wikimedia wiki; {facts.no_later_than_what} on {day}, so the revision is older, "
            f"from before the switch to CC BY-SA 4.0 on {facts.switch.isoformat()}"
        )
        return get_license("CC-BY-SA-3.0"), _with_statements(evidence, stated)
    licenses = {found.spdx for found, _ in stated}
    if len(licenses) == 1:
        found, evidence = stated[0]
        return found, evidence
    if len(licenses) > 1:
        return UNKNOWN_LICENSE, "the source names different licences: " + "; ".join(
            evidence for _, evidence in stated
        )
    if facts.given is not None:
        return facts.given, "given by the operator (--license)"
    if facts.wikimedia:
        return UNKNOWN_LICENSE, (
            "Wikimedia wiki, but neither the revision's date nor a licence is known "
            "(give one with --license)"
        )
    return UNKNOWN_LICENSE, "the source states no licence and none was given with --license"


def _with_statements(evidence: str, stated: list[tuple[License, str]]) -> str:
    if not stated:
        return evidence
    return evidence + " (" + "; ".join(note for _, note in stated) + ")"
