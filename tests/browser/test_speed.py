"""One small stylesheet, one small deferred script, nothing from other sites; static files
compressed and cached for good; bench/page_weight.py measures the seed article."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import urllib.request
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, ROOT, Site

pytestmark = pytest.mark.browser

SEED = "/wiki/Qais_al-Khazali"


def test_one_stylesheet_one_deferred_script_nothing_from_elsewhere(
    site: Site, new_page: Any
) -> None:
    page = new_page(viewport=DESKTOP)
    requests: list[Any] = []
    page.on("request", lambda request: requests.append(request))
    page.goto(site(SEED), wait_until="networkidle")
    assert [r.url for r in requests if not r.url.startswith(site.url)] == []
    kinds = [r.resource_type for r in requests]
    assert kinds.count("stylesheet") == 1
    assert kinds.count("script") == 1
    assert page.evaluate("[...document.scripts].filter(s => s.src).map(s => s.defer)") == [True]
    assert page.errors == []  # no script or style refused by the Content-Security-Policy


@pytest.mark.parametrize(("kind", "budget"), [("css", 8_000), ("js", 5_000)])
def test_static_files_are_small_compressed_and_cached_for_good(
    site: Site, kind: str, budget: int
) -> None:
    with urllib.request.urlopen(site(SEED)) as response:
        html = response.read().decode()
    (path,) = re.findall(rf'"(/static/cyclopedia/site\.[0-9a-f]{{12}}\.{kind})"', html)
    request = urllib.request.Request(site(path), headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        headers = response.headers
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
    assert max_age >= 365 * 24 * 3600
    assert len(body) < budget, f"{path}: {len(body)} bytes compressed"
    assert gzip.decompress(body)


def test_page_weight_bench(site: Site) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "page_weight.py"), "--url", site.url],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    print(result.stdout)
    rows = {
        match.group(1): (int(match.group(2)), int(match.group(3)), int(match.group(4)))
        for match in re.finditer(
            r"^(first visit|repeat visit|reload)\s+(\d+)\s+(\d+)\s+(\d+)$",
            result.stdout,
            re.MULTILINE,
        )
    }
    requests, _, transferred = rows["first visit"]
    assert requests <= 4
    assert 10_000 < transferred < 60_000
    assert rows["repeat visit"][0] <= 1  # everything static from the cache
    assert rows["reload"][0] == 1  # the page revalidated, the rest from the cache
    assert "requests to other sites: 0" in result.stdout
