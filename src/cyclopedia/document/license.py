"""Licences by SPDX id, and what the publishing policy (POLICY.md §3) allows for each.

Public domain has no SPDX id; it is recorded as ``LicenseRef-PublicDomain``. A licence that could
not be determined is ``NOASSERTION`` (SPDX's own word for it) and is never published without an
editor.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace


class LicenseStatus(enum.Enum):
    """May material under a licence be published here?"""

    PUBLISH = "publish"  # published as is, and may be adapted into CC BY-SA 4.0 articles
    REFUSE = "refuse"  # quarantined with a reason, never published
    CONFIRM = "confirm"  # held until an editor confirms the licence


class UnknownLicenseError(ValueError):
    """An identifier that names no licence Cyclopedia knows."""


@dataclass(frozen=True, slots=True)
class License:
    spdx: str
    name: str
    url: str
    status: LicenseStatus
    reason: str = ""

    @property
    def publishable(self) -> bool:
        return self.status is LicenseStatus.PUBLISH

    @property
    def short_name(self) -> str:
        """The name readers know: "CC BY-SA 4.0", "CC0 1.0", "Public domain"."""
        if self.spdx.startswith("CC-"):
            kind, _, version = self.spdx.removeprefix("CC-").rpartition("-")
            return f"CC {kind} {version}"
        if self.spdx == "CC0-1.0":
            return "CC0 1.0"
        return self.name

    def __str__(self) -> str:
        return self.spdx

    def as_heuristic(self, evidence: str) -> License:
        """This licence as recognised in prose (a licence sentence) rather than in
        machine-readable data: held for an editor to confirm (POLICY.md §3)."""
        if self.status is not LicenseStatus.PUBLISH:
            return self
        return replace(
            self,
            status=LicenseStatus.CONFIRM,
            reason=f"{self.short_name} was recognised in {evidence}, not in machine-readable "
            "licence data; an editor must confirm it before publishing",
        )


def _cc(kind: str, version: str, status: LicenseStatus, reason: str = "") -> License:
    words = {
        "BY": "Attribution",
        "BY-SA": "Attribution-ShareAlike",
        "BY-NC": "Attribution-NonCommercial",
        "BY-ND": "Attribution-NoDerivatives" if version == "4.0" else "Attribution-NoDerivs",
        "BY-NC-SA": "Attribution-NonCommercial-ShareAlike",
        "BY-NC-ND": "Attribution-NonCommercial-NoDerivatives"
        if version == "4.0"
        else "Attribution-NonCommercial-NoDerivs",
    }[kind]
    return License(
        spdx=f"CC-{kind}-{version}",
        name=f"Creative Commons {words} {version}",
        url=f"https://creativecommons.org/licenses/{kind.lower()}/{version}/",
        status=status,
        reason=reason,
    )


_ALL_VERSIONS = ("1.0", "2.0", "2.5", "3.0", "4.0")
_NC = "non-commercial licences forbid part of the re-use our licence promises"
_ND = "no-derivatives licences forbid the editing this encyclopedia is built on"
_NC_ND = "non-commercial and no-derivatives terms forbid re-use and editing"

_LICENSES: list[License] = [
    License(
        "LicenseRef-PublicDomain",
        "Public domain",
        "https://creativecommons.org/publicdomain/mark/1.0/",
        LicenseStatus.PUBLISH,
    ),
    License(
        "CC0-1.0",
        "Creative Commons Zero 1.0 Universal",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        LicenseStatus.PUBLISH,
    ),
    *(_cc("BY", v, LicenseStatus.PUBLISH) for v in ("2.0", "2.5", "3.0", "4.0")),
    *(_cc("BY-SA", v, LicenseStatus.PUBLISH) for v in ("2.0", "2.5", "3.0", "4.0")),
    _cc("BY-SA", "1.0", LicenseStatus.REFUSE, "CC BY-SA 1.0 is not compatible with CC BY-SA 4.0"),
    _cc("BY", "1.0", LicenseStatus.CONFIRM, "CC BY 1.0 is outside the policy; an editor decides"),
    *(_cc("BY-NC", v, LicenseStatus.REFUSE, _NC) for v in _ALL_VERSIONS),
    *(_cc("BY-ND", v, LicenseStatus.REFUSE, _ND) for v in _ALL_VERSIONS),
    *(_cc("BY-NC-SA", v, LicenseStatus.REFUSE, _NC) for v in _ALL_VERSIONS),
    *(_cc("BY-NC-ND", v, LicenseStatus.REFUSE, _NC_ND) for v in _ALL_VERSIONS),
    *(
        License(
            f"GFDL-{v}-only",
            f"GNU Free Documentation License {v} only",
            f"https://www.gnu.org/licenses/old-licenses/fdl-{v}.html",
            LicenseStatus.REFUSE,
            "GFDL-only text cannot be relicensed under CC BY-SA",
        )
        for v in ("1.1", "1.2", "1.3")
    ),
    *(
        License(
            f"GPL-{v}-only",
            f"GNU General Public License {v} only",
            "https://www.gnu.org/licenses/",
            LicenseStatus.REFUSE,
            "GPL is a software licence incompatible with CC BY-SA",
        )
        for v in ("2.0", "3.0")
    ),
    License(
        "NOASSERTION",
        "Licence not determined",
        "",
        LicenseStatus.CONFIRM,
        "no licence could be determined; an editor must confirm one before publishing",
    ),
]

LICENSES: dict[str, License] = {lic.spdx: lic for lic in _LICENSES}
_BY_LOWER = {key.lower(): lic for key, lic in LICENSES.items()}
_ALIASES = {
    "public-domain": "LicenseRef-PublicDomain",
    "publicdomain": "LicenseRef-PublicDomain",
    "pd": "LicenseRef-PublicDomain",
    "cc0": "CC0-1.0",
}

# Contributions are accepted under this licence by the Terms of Use.
CONTRIBUTION_LICENSE = LICENSES["CC-BY-SA-4.0"]
UNKNOWN_LICENSE = LICENSES["NOASSERTION"]


def get_license(identifier: str) -> License:
    """The licence named by an SPDX id (case-insensitive) or one of a few common spellings."""
    key = identifier.strip().lower().replace(" ", "-").replace("_", "-")
    key = _ALIASES.get(key, key).lower()
    if key in _BY_LOWER:
        return _BY_LOWER[key]
    # "CC BY-SA 4.0" and "cc-by-sa-4.0" spellings.
    if key.startswith("cc"):
        candidate = "cc-" + key.removeprefix("cc-").removeprefix("cc")
        if candidate in _BY_LOWER:
            return _BY_LOWER[candidate]
    known = ", ".join(sorted(LICENSES))
    raise UnknownLicenseError(f"unknown licence {identifier!r}; known SPDX ids: {known}")
