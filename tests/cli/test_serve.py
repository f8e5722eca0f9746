"""``cyclopedia serve`` on a fresh data directory: migrates, loads the sample, serves it."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_serve_on_a_fresh_home_shows_the_seed_article(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["CYCLOPEDIA_HOME"] = str(tmp_path / "home")
    cyclopedia = Path(sys.executable).with_name("cyclopedia")
    process = subprocess.Popen(
        [str(cyclopedia), "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        status, home = 0, ""
        while time.monotonic() < deadline and process.poll() is None:
            try:
                status, home = fetch(f"http://127.0.0.1:{port}/")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        assert status == 200, process.stdout.read().decode() if process.poll() else "no answer"
        assert "/wiki/Qais_al-Khazali" in home
        status, article = fetch(f"http://127.0.0.1:{port}/wiki/Qais_al-Khazali")
        assert status == 200
        assert "Qayis Khazali" in article
        stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', article)
        assert stylesheet is not None
        assert re.search(r"site\.[0-9a-f]{12}\.css$", stylesheet.group(1))
        status, css = fetch(f"http://127.0.0.1:{port}{stylesheet.group(1)}")
        assert status == 200
        assert ".infobox" in css
        assert (tmp_path / "home" / "secret_key").stat().st_mode & 0o077 == 0
        assert (tmp_path / "home" / "cyclopedia.sqlite3").exists()
    finally:
        process.terminate()
        process.wait(timeout=15)
