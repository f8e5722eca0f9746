"""Paths shared by the tests."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
SEED = DATA / "text" / "qais-al-khazali.txt"
SEED_URL = "https://en.wikipedia.org/wiki/Qais_al-Khazali"
