"""Pages of long lists that are never counted: counting every revision of a large encyclopedia
costs a scan of the table (seconds at 100,000 articles), so such lists go page by page with
Previous and Next only, as MediaWiki's recent changes do."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

# Each page skips the ones before it: past this one (10,000 recent changes at 100 a page) a page
# would cost seconds; an article's own history page lists all of its revisions.
MAX_PAGE = 100


@dataclass(frozen=True)
class OpenPage:
    """One page of a list whose length is not known (the template API of Django's ``Page``,
    less the page count)."""

    object_list: list[Any]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def open_page(rows: QuerySet[Any], raw_number: str | None, size: int) -> OpenPage:
    """The page ``raw_number`` (as the query string gave it; anything else is page 1) of
    ``rows``: one query of ``size + 1`` rows, the extra one saying whether a next page exists."""
    number = int(raw_number) if raw_number and re.fullmatch(r"[1-9][0-9]{0,3}", raw_number) else 1
    number = min(number, MAX_PAGE)
    start = (number - 1) * size
    found = list(rows[start : start + size + 1])
    has_next = len(found) > size and number < MAX_PAGE  # no Next past the last page served
    return OpenPage(object_list=found[:size], number=number, has_next=has_next)
