"""A web page's licence from its findings (licenses.py) and its host (federal.py).

- The statements that count (not set aside) must agree: one licence, or several spellings of
  it ("CC BY-SA" without a version agrees with "CC BY-SA 4.0"). Different licences, or a
  licence and "all rights reserved", are a conflict: unknown.
- A Creative Commons licence without a version, or one Cyclopedia has no id for, is unknown.
- A ported licence (by-sa/3.0/de) is unknown too when it would be publishable: Cyclopedia
  knows the international licences only, and an editor can confirm the port; ports of
  non-commercial or no-derivatives licences are refused as their international versions are.
- No statement at all: public domain on a US federal government host (the caveat of
  federal.py goes into the evidence), unknown anywhere else.

The evidence says what was read and where, what was set aside and why, and the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass

from cyclopedia.document.license import (
    LICENSES,
    UNKNOWN_LICENSE,
    License,
    LicenseStatus,
    UnknownLicenseError,
    get_license,
)
from cyclopedia.formats.html.federal import FEDERAL_CAVEAT, classify
from cyclopedia.formats.html.licenses import Finding
from cyclopedia.formats.html.names import ALL_RIGHTS_RESERVED, CC0, PUBLIC_DOMAIN

MAX_EVIDENCE_FINDINGS = 8


@dataclass(frozen=True, slots=True)
class Decision:
    license: License
    evidence: str


def _spdx(finding: Finding) -> str:
    if finding.kind == PUBLIC_DOMAIN:
        return "LicenseRef-PublicDomain"
    if finding.kind == CC0:
        return "CC0-1.0"
    return f"CC-{finding.kind}-{finding.version}"


def _listed(findings: list[Finding]) -> str:
    shown = [finding.describe() for finding in findings[:MAX_EVIDENCE_FINDINGS]]
    more = len(findings) - len(shown)
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


def _set_aside_note(findings: list[Finding]) -> str:
    aside = [f for f in findings if f.ignored]
    if not aside:
        return ""
    shown = [f"{f.describe()} ({f.ignored})" for f in aside[:MAX_EVIDENCE_FINDINGS]]
    more = len(aside) - len(shown)
    return " Set aside: " + "; ".join(shown) + (f"; and {more} more." if more > 0 else ".")


def _from_statements(counted: list[Finding]) -> tuple[License, str]:
    kinds = {f.kind for f in counted}
    if len(kinds) > 1:
        if ALL_RIGHTS_RESERVED in kinds:
            return UNKNOWN_LICENSE, "the page states a licence and also all rights reserved"
        return UNKNOWN_LICENSE, "the page states conflicting licences"
    [kind] = kinds
    if kind == ALL_RIGHTS_RESERVED:
        return UNKNOWN_LICENSE, "the page says all rights reserved"
    versions = {f.version for f in counted if f.version}
    ports = {f.port for f in counted if f.port}
    if len(versions) > 1 or len(ports) > 1:
        return UNKNOWN_LICENSE, "the page states conflicting versions of its licence"
    if kind in (PUBLIC_DOMAIN, CC0):
        return get_license(_spdx(counted[0])), "stated by the page"
    if not versions:
        return UNKNOWN_LICENSE, f"the page names CC {kind} without a version"
    versioned = next(f for f in counted if f.version)
    try:
        license = get_license(_spdx(versioned))
    except UnknownLicenseError:
        return UNKNOWN_LICENSE, f"{versioned.label} is not a licence Cyclopedia knows"
    if ports:
        [port] = ports
        if license.status is LicenseStatus.PUBLISH:
            return UNKNOWN_LICENSE, (
                f"{versioned.label} is a ported licence Cyclopedia has no id for; an editor may "
                f"confirm it as {license.spdx}"
            )
        return license, f"stated by the page (the {port.upper()} port of {license.spdx})"
    return license, "stated by the page"


def decide(
    findings: list[Finding],
    *,
    host: str | None,
    host_from: str,
) -> Decision:
    """The licence of a page. ``host`` is the page's host, ``host_from`` where it was read
    (the --source-url option, the page's canonical link)."""
    counted = [f for f in findings if not f.ignored and f.kind]
    unrecognised = [f for f in findings if not f.ignored and not f.kind]
    aside = _set_aside_note(findings)
    if unrecognised:
        aside += f" Not recognised: {_listed(unrecognised)}."
    if counted:
        license, outcome = _from_statements(counted)
        evidence = f"Read {_listed(counted)}. {_outcome(license, outcome)}.{aside}"
        return Decision(license, evidence)
    government = classify(host) if host else None
    if government and government.federal and not unrecognised:
        license = LICENSES["LicenseRef-PublicDomain"]
        return Decision(
            license,
            f"A US federal government page: {government.note} (host {host_from}), and the page "
            f"states no licence. Public domain, with a caveat: {FEDERAL_CAVEAT}.{aside}",
        )
    reason = "The page states no licence"
    if government:
        reason += f"; {government.note}"
    if unrecognised:
        reason += " that Cyclopedia recognises"
    return Decision(UNKNOWN_LICENSE, f"{reason}. {_outcome(UNKNOWN_LICENSE, '')}.{aside}")


def _outcome(license: License, why: str) -> str:
    if license is UNKNOWN_LICENSE:
        return f"Licence unknown{': ' + why if why else ''}; an editor must confirm one"
    return f"{license.spdx} ({why})"
