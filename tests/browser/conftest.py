"""Browser tests: the real site (``cyclopedia serve``: gunicorn, whitenoise, the sample content)
in headless Chromium driven by Playwright.

Chromium is Debian's package (``apt-get install chromium``), used through ``executable_path``:
Playwright downloads no browser. Without it the tests skip, except in CI (``CI`` set), where
``.ci/run`` installs it and a missing browser fails the run. They run once, on SQLite: the
server has its own data directory, and ``make test-postgres`` leaves them out
(``-m "not browser"``).
Screenshots go to ``var/browser-screenshots/`` (not committed).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "browser-screenshots"
RTL_DUMP = ROOT / "tests" / "data" / "browser" / "arwiki-berlin.xml.bz2"
RTL_TITLE = "برلين"
REVIEWER = ("Reviewer_Browser", "a long and browser-tested passphrase 8")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives the real site in headless Chromium (tests/browser)"
    )


def chromium_path() -> str | None:
    """Debian's chromium (or CYCLOPEDIA_CHROMIUM), if installed."""
    configured = os.environ.get("CYCLOPEDIA_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for candidate in ("chromium", "chromium-browser"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("cyclopedia")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cyclopedia.cli.main"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"cyclopedia serve exited ({process.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"cyclopedia serve did not answer within 3 minutes:\n{log.read_text()}")


@dataclass(frozen=True)
class Site:
    url: str
    home: Path

    def __call__(self, path: str) -> str:
        return self.url + path


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """``cyclopedia serve`` on a free port with its own data directory and the sample content,
    plus an Arabic article imported through ``cyclopedia import`` and a reviewer account."""
    home = tmp_path_factory.mktemp("browser-site")
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["CYCLOPEDIA_HOME"] = str(home)
    port = _free_port()
    log = home / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*_cli(), "serve", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url + "/", process, log)
        for command in (
            ["import", str(RTL_DUMP), "--language", "ar", "--workers", "1"],
            [
                "user",
                "create",
                REVIEWER[0],
                "--role",
                "reviewer",
                "--email",
                "",
                "--password",
                REVIEWER[1],
            ],
        ):
            subprocess.run(
                [*_cli(), *command], env=env, check=True, capture_output=True, timeout=300
            )
        yield Site(url=url, home=home)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="session")
def browser(site: Site) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="session", autouse=True)
def _needs_chromium() -> None:
    """Before any other fixture: skip (or in CI fail) without a browser, with the reason."""
    if chromium_path() is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI: .ci/run installs Debian's chromium package")
        pytest.skip(
            "Chromium is not installed (Debian package 'chromium'; .ci/run installs it): "
            "the browser tests need it"
        )


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Open pages in fresh browser contexts (no storage shared between tests)."""
    contexts: list[Any] = []

    def open_page(*, viewport: dict[str, int] = DESKTOP, **options: Any) -> Any:
        context = browser.new_context(viewport=viewport, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on(
            "console",
            lambda message: errors.append(message.text) if message.type == "error" else None,
        )
        page.errors = errors  # JavaScript errors and CSP refusals, checked by the tests
        return page

    yield open_page
    for context in contexts:
        context.close()


def screenshot(page: Any, name: str, *, full_page: bool = False) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
