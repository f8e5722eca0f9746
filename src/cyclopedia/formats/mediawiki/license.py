"""The licence of MediaWiki text: by the revision's date on Wikimedia wikis, given otherwise."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from cyclopedia.document import License, get_license

# Wikimedia projects moved their text from CC BY-SA 3.0 to 4.0 with the Terms of Use in force from
# 7 June 2023: edits from that day are CC BY-SA 4.0, earlier ones stay CC BY-SA 3.0. A setting
# (CYCLOPEDIA_WIKIMEDIA_LICENSE_SWITCH) for operators who read it differently.
WIKIMEDIA_LICENSE_SWITCH = dt.date(2023, 6, 7)

WIKIMEDIA_DOMAINS = (
    "wikipedia.org", "wikibooks.org", "wiktionary.org", "wikiquote.org", "wikisource.org",
    "wikinews.org", "wikiversity.org", "wikivoyage.org", "wikimedia.org", "wikidata.org",
    "mediawiki.org", "wikifunctions.org",
)  # fmt: skip


def is_wikimedia(server: str) -> bool:
    host = (urlsplit(server).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in WIKIMEDIA_DOMAINS)


def wikimedia_license(
    timestamp: dt.datetime | None, *, switch: dt.date = WIKIMEDIA_LICENSE_SWITCH
) -> tuple[License, str]:
    """The licence of a Wikimedia revision and the evidence for it."""
    if timestamp is None:
        return (
            get_license("CC-BY-SA-4.0"),
            "Wikimedia wiki; the revision has no timestamp, read as current (CC BY-SA 4.0)",
        )
    if timestamp.tzinfo is None:
        timestamp = timestamp.replace(tzinfo=dt.UTC)  # dump timestamps are UTC
    day = timestamp.astimezone(dt.UTC).date()
    if day < switch:
        return (
            get_license("CC-BY-SA-3.0"),
            f"Wikimedia wiki, revision of {day.isoformat()}: before the switch to CC BY-SA 4.0 "
            f"on {switch.isoformat()}",
        )
    return (
        get_license("CC-BY-SA-4.0"),
        f"Wikimedia wiki, revision of {day.isoformat()}: on or after the switch to CC BY-SA 4.0 "
        f"on {switch.isoformat()}",
    )
