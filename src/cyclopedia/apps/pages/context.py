"""Template context every page gets."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from cyclopedia import __version__
from cyclopedia.apps.accounts.roles import can_review
from cyclopedia.document.license import CONTRIBUTION_LICENSE


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "site_name": settings.SITE_NAME,
        "version": __version__,
        "contribution_license": CONTRIBUTION_LICENSE,
        "user_can_review": can_review(getattr(request, "user", None)),
    }
