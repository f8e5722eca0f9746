"""Requests/s and latency of the seed article page under gunicorn, measured with wrk.

Starts ``cyclopedia serve`` on a fresh data directory (SQLite, the sample content), then runs wrk
(Debian package ``wrk``) against 127.0.0.1 several times for each scenario and prints the median
of the runs, latency percentiles and the peak memory of the server processes. Bounded in time:
runs x duration per scenario.

    .venv/bin/python bench/serve.py [--runs 5] [--duration 10] [--connections 16] [--workers 4]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PAGE = "/wiki/Qais_al-Khazali"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def to_ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", value)
    if not match:
        raise ValueError(f"unexpected wrk latency {value!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def wrk(url: str, *, duration: int, connections: int, header: str | None) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if header:
        command[1:1] = ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}  # type: ignore[union-attr]
    for percentile in ("50", "90", "99"):
        value = re.search(rf"^\s+{percentile}%\s+(\S+)", output, re.MULTILINE)
        figures[f"p{percentile}"] = to_ms(value.group(1)) if value else float("nan")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["errors"] = float(errors.group(1)) if errors else 0.0
    return figures


def peak_rss_mb(root_pid: int) -> float:
    """Sum of the peak resident memory (VmHWM) of the server and its workers."""
    total_kb = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        ppid = re.search(r"^PPid:\s+(\d+)", text, re.MULTILINE)
        pid = int(status.parent.name)
        if pid == root_pid or (ppid and int(ppid.group(1)) == root_pid):
            hwm = re.search(r"^VmHWM:\s+(\d+) kB", text, re.MULTILINE)
            total_kb += int(hwm.group(1)) if hwm else 0
    return total_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")

    home = Path(tempfile.mkdtemp(prefix="cyclopedia-bench-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["CYCLOPEDIA_HOME"] = str(home)
    cyclopedia = Path(sys.executable).with_name("cyclopedia")
    server = subprocess.Popen(
        [str(cyclopedia), "serve", "--port", str(port), "--workers", str(args.workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(base + PAGE, timeout=2) as response:
                    etag = response.headers["ETag"]
                    size = len(response.read())
                break
            except OSError:
                time.sleep(0.2)
        else:
            sys.exit("the server did not come up")
        print(
            f"page {PAGE}: {size:,} bytes; gunicorn workers={args.workers}; wrk -t2 "
            f"-c{args.connections} -d{args.duration}s x {args.runs} runs; SQLite; "
            f"{os.cpu_count()} cores"
        )
        for name, header in (
            ("200 full page", None),
            ("304 If-None-Match", f"If-None-Match: {etag}"),
        ):
            runs = [
                wrk(
                    base + PAGE, duration=args.duration, connections=args.connections, header=header
                )
                for _ in range(args.runs)
            ]
            median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            spread = [f"{run['rps']:,.0f}" for run in runs]
            print(
                f"{name:>18}: {median['rps']:,.0f} req/s (runs: {', '.join(spread)}); "
                f"latency p50 {median['p50']:.2f} ms, p90 {median['p90']:.2f} ms, "
                f"p99 {median['p99']:.2f} ms; non-2xx/3xx {median['errors']:.0f}"
            )
        print(f"peak memory of server + workers: {peak_rss_mb(server.pid):,.0f} MiB")
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
