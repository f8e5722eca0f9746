"""The canonical Document every source is turned into (pure Python, no Django)."""

from cyclopedia.document.license import License, LicenseStatus, UnknownLicenseError, get_license
from cyclopedia.document.model import (
    Attribution,
    Document,
    DocumentError,
    Infobox,
    InfoboxField,
    Reference,
)

__all__ = [
    "Attribution",
    "Document",
    "DocumentError",
    "Infobox",
    "InfoboxField",
    "License",
    "LicenseStatus",
    "Reference",
    "UnknownLicenseError",
    "get_license",
]
