"""Bytes transferred and requests made for the seed article page, in headless Chromium.

Three visits in one browser profile: the first (empty cache), a repeat visit (following a link
to the page again, as a reader does) and a reload (which revalidates the page itself). Counted
from the Chrome DevTools Protocol's network events: bytes are what crossed the wire (headers
and compressed bodies); a response served from the browser's cache counts as a request from
cache, not from the network.

Starts ``cyclopedia serve`` on a fresh data directory (SQLite, the sample content) unless given
``--url`` of a running site. Needs Debian's chromium (``apt-get install chromium``).

    .venv/bin/python bench/page_weight.py [--url http://127.0.0.1:8000] [--page /wiki/Title]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PAGE = "/wiki/Qais_al-Khazali"


@dataclass
class Visit:
    name: str
    network: dict[str, int] = field(default_factory=dict)  # request id -> bytes on the wire
    cached: set[str] = field(default_factory=set)
    urls: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)

    @property
    def bytes(self) -> int:
        return sum(self.network.values())


def chromium() -> str:
    found = os.environ.get("CYCLOPEDIA_CHROMIUM") or shutil.which("chromium")
    if not found:
        sys.exit("Chromium not found: apt-get install chromium (or set CYCLOPEDIA_CHROMIUM)")
    return found


@contextmanager
def served(url: str | None) -> Iterator[str]:
    if url:
        yield url.rstrip("/")
        return
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    with tempfile.TemporaryDirectory(prefix="cyclopedia-weight-") as home:
        env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        env["CYCLOPEDIA_HOME"] = home
        cli = Path(sys.executable).with_name("cyclopedia")
        server = subprocess.Popen(
            [str(cli), "serve", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 180
            while True:
                try:
                    with urllib.request.urlopen(base + "/", timeout=5):
                        break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        sys.exit("cyclopedia serve did not start")
                    time.sleep(0.5)
            yield base
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)


def measure(url: str, page_path: str) -> list[Visit]:
    from playwright.sync_api import sync_playwright

    visits: list[Visit] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), headless=True)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")

        def current() -> Visit:
            return visits[-1]

        def on_request(event: dict[str, Any]) -> None:
            current().urls[event["requestId"]] = event["request"]["url"]

        def on_response(event: dict[str, Any]) -> None:
            response = event["response"]
            current().statuses[event["requestId"]] = response["status"]
            if response.get("fromDiskCache") or response.get("fromPrefetchCache"):
                current().cached.add(event["requestId"])

        def on_cache(event: dict[str, Any]) -> None:
            current().cached.add(event["requestId"])

        def on_finished(event: dict[str, Any]) -> None:
            visit = current()
            if event["requestId"] not in visit.cached:
                visit.network[event["requestId"]] = int(event["encodedDataLength"])

        cdp.on("Network.requestWillBeSent", on_request)
        cdp.on("Network.responseReceived", on_response)
        cdp.on("Network.requestServedFromCache", on_cache)
        cdp.on("Network.loadingFinished", on_finished)

        for name, go in (
            ("first visit", lambda: page.goto(url + page_path)),
            ("repeat visit", lambda: page.goto(url + page_path)),
            ("reload", lambda: page.reload()),
        ):
            if name == "repeat visit":
                visits.append(Visit("(away)"))  # leave, then come back as by a link
                page.goto(url + "/about")
                page.wait_for_load_state("networkidle")
            visits.append(Visit(name))
            go()
            page.wait_for_load_state("networkidle")
            time.sleep(0.3)  # late events (the icon)
        browser.close()
    return [visit for visit in visits if visit.name != "(away)"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="a running site (default: start cyclopedia serve)")
    parser.add_argument("--page", default=PAGE, help=f"the page to weigh (default {PAGE})")
    parser.add_argument("--verbose", action="store_true", help="list every request")
    args = parser.parse_args()
    with served(args.url) as url:
        visits = measure(url, args.page)
    print(f"Page weight of {args.page} (Chromium, bytes on the wire incl. headers)")
    print(f"{'visit':<14}{'network requests':>18}{'from cache':>12}{'bytes':>10}")
    for visit in visits:
        print(f"{visit.name:<14}{len(visit.network):>18}{len(visit.cached):>12}{visit.bytes:>10}")
        if args.verbose:
            for request_id, url_ in visit.urls.items():
                where = "cache" if request_id in visit.cached else visit.network.get(request_id)
                print(f"    {visit.statuses.get(request_id, '-')} {where!s:>8} {url_}")
    outside = {u for visit in visits for u in visit.urls.values() if not u.startswith(url)}
    print(f"requests to other sites: {len(outside)}")


if __name__ == "__main__":
    main()
