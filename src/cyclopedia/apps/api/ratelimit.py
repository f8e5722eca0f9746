"""Rate limits: a fixed-window request counter per caller, kept in the database.

The counters live in a table rather than in Django's cache because the site configures no
shared cache (the default one is per process): every worker and app server must count
together. One UPDATE per request (an INSERT at the start of each window), and a SELECT.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from cyclopedia.apps.api.models import RateCounter

# requests, seconds: per anonymous address, and per token. settings.API_RATE_LIMITS overrides.
DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    "address": (300, 60),
    "token": (1200, 60),
}


@dataclass(frozen=True, slots=True)
class RateDecision:
    allowed: bool
    limit: int
    remaining: int
    reset_after: int  # seconds until the window ends


def limit_for(kind: str) -> tuple[int, int]:
    configured = getattr(settings, "API_RATE_LIMITS", None) or {}
    requests, seconds = configured.get(kind, DEFAULT_LIMITS[kind])
    return int(requests), max(1, int(seconds))


def rate_hit(*, kind: str, ident: str) -> RateDecision:
    """Count one request of ``ident`` (a token prefix, an address) against its ``kind``'s limit."""
    limit, window = limit_for(kind)
    now = time.time()
    index = int(now // window)
    ends = (index + 1) * window
    key = f"{kind}:{window}:{index}:{ident}"[:200]
    if not RateCounter.objects.filter(key=key).update(count=F("count") + 1):
        try:
            with transaction.atomic():
                RateCounter.objects.create(
                    key=key, count=1, expires=dt.datetime.fromtimestamp(ends, tz=dt.UTC)
                )
        except IntegrityError:  # another worker made it first
            RateCounter.objects.filter(key=key).update(count=F("count") + 1)
        else:  # a new window: forget the ones that ended
            past = dt.datetime.fromtimestamp(now - window, tz=dt.UTC)
            RateCounter.objects.filter(expires__lt=past).delete()
    count = RateCounter.objects.filter(key=key).values_list("count", flat=True).first() or 1
    return RateDecision(
        allowed=count <= limit,
        limit=limit,
        remaining=max(0, limit - count),
        reset_after=max(1, int(ends - now + 0.999)),
    )
