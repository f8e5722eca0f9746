"""The licence of Wikimedia text by the revision's date."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest

from cyclopedia.formats.mediawiki.license import WIKIMEDIA_LICENSE_SWITCH, wikimedia_license


@pytest.mark.parametrize(
    ("stamp", "spdx"),
    [
        (dt.datetime(2016, 4, 25, 2, 26, tzinfo=dt.UTC), "CC-BY-SA-3.0"),
        (dt.datetime(2023, 6, 6, 23, 59, tzinfo=dt.UTC), "CC-BY-SA-3.0"),
        (dt.datetime(2023, 6, 7, 0, 0, tzinfo=dt.UTC), "CC-BY-SA-4.0"),
        (dt.datetime(2025, 2, 1, tzinfo=dt.UTC), "CC-BY-SA-4.0"),
    ],
)
def test_licence_by_revision_date(stamp: dt.datetime, spdx: str) -> None:
    license, evidence = wikimedia_license(stamp)
    assert license.spdx == spdx
    assert WIKIMEDIA_LICENSE_SWITCH.isoformat() in evidence


def test_naive_timestamps_are_utc_whatever_the_local_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        license, _ = wikimedia_license(dt.datetime(2023, 6, 6, 23, 30))
        assert license.spdx == "CC-BY-SA-3.0"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
        assert "TZ" not in os.environ
