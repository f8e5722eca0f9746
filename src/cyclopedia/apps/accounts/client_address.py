"""The client's address for log-in throttling, also behind reverse proxies."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The address the request came from.

    With ``CYCLOPEDIA_PROXY_COUNT`` = N, the N-th address from the right of X-Forwarded-For is
    the client's: each trusted proxy appended the address it received the request from, and
    anything further left was written by the client and may be forged.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = int(getattr(settings, "PROXY_COUNT", 0))
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
