"""Fixtures shared by the app and CLI tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
SEED = DATA / "text" / "qais-al-khazali.txt"
SEED_URL = "https://en.wikipedia.org/wiki/Qais_al-Khazali"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings: Any) -> None:
    """Templates resolve static URLs without a collectstatic manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
