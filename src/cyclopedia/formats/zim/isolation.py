"""The importing process's side: a child process reads the archive with libzim and streams its
messages back; a crash or a hang of the child costs one entry, never the import.

- Opening and checking the archive (its whole checksum) gets a time budget that grows with its
  size; each entry after that gets :data:`ENTRY_SECONDS`.
- A child that dies (a segfault inside libzim), goes silent past its budget, or runs out of its
  memory ceiling is killed. Before the archive's description arrived, the archive is unreadable
  (a ``Fatal`` message); after, the entry it was on (the child writes its index to shared memory
  before each one) is reported as an ``EntryProblem`` and a new child carries on after it, at
  most :data:`MAX_RESTARTS` times per archive.
- The child is started by the ``forkserver`` method: it is not forked from the importing process,
  whose other threads might hold locks.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext
from multiprocessing.process import BaseProcess
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path
from typing import Any

from cyclopedia.formats.zim.archive import serve
from cyclopedia.formats.zim.messages import (
    ArchiveInfo,
    Done,
    EntryContent,
    EntryProblem,
    EntryRedirect,
    Fatal,
    Message,
)

ENTRY_SECONDS = 30.0
OPEN_SECONDS = 60.0
CHECK_BYTES_PER_SECOND = 20 * 1024 * 1024  # a slow disk, for the checksum of the whole file
MAX_RESTARTS = 20
MEMORY_BYTES = 2 << 30


@dataclass(frozen=True, slots=True)
class Limits:
    entry_seconds: float = ENTRY_SECONDS
    open_seconds: float = OPEN_SECONDS
    max_restarts: int = MAX_RESTARTS
    memory_bytes: int = MEMORY_BYTES


def _context() -> ForkServerContext:
    return multiprocessing.get_context("forkserver")


def _stop(process: BaseProcess) -> None:
    if process.is_alive():
        process.kill()
    process.join(5)


def _why(process: BaseProcess, silent: bool, seconds: float) -> str:
    if silent:
        return f"libzim gave no answer within {seconds:g} s (it hung)"
    process.join(5)
    code = process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"libzim crashed ({name})"
    return f"the reading process ended unexpectedly (exit code {code})"


def stream(
    path: Path,
    *,
    skip: int = 0,
    limits: Limits = Limits(),
    target: Callable[..., None] = serve,
) -> Iterator[Message]:
    """The archive's messages in order. The first is an ``ArchiveInfo`` or a ``Fatal``; items
    follow, the first ``skip`` of them without their content; a ``Fatal`` or the end ends it."""
    try:
        parts = [path] if path.exists() else sorted(path.parent.glob(path.name + "[a-z][a-z]"))
        size = sum(part.stat().st_size for part in parts) if parts else path.stat().st_size
    except OSError as error:
        yield Fatal(f"cannot read: {error.strerror or error}")
        return
    opening = limits.open_seconds + size / CHECK_BYTES_PER_SECOND
    start, unread, restarts = 0, skip, 0
    described = False
    failed: EntryProblem | None = None  # an entry that took a child down, to be named
    context = _context()
    while True:
        receiver, sender = context.Pipe(duplex=False)
        progress: Synchronized[int] = context.Value("q", -1, lock=False)
        process = context.Process(
            target=target,
            args=(
                str(path), start, unread, not described, limits.memory_bytes, sender, progress,
                failed,
            ),
            daemon=True,
        )  # fmt: skip
        process.start()
        sender.close()
        failure = ""
        try:
            for message in _receive(receiver, process, opening, limits.entry_seconds, described):
                if isinstance(message, str):
                    failure = message
                    break
                if isinstance(message, ArchiveInfo):
                    if not described:
                        described = True
                        yield message
                    continue
                if isinstance(message, EntryContent | EntryRedirect | EntryProblem):
                    unread -= 1
                    start = max(start, message.index + 1)
                    if failed is not None and message.index == failed.index:
                        failed = None  # named by the new child
                yield message
                if isinstance(message, Fatal | Done):
                    return
            else:
                failure = "the reading process ended without finishing"
        finally:
            receiver.close()
            _stop(process)
        if not described:
            yield Fatal(failure)
            return
        restarts += 1
        if failed is not None:  # the new child died before it could name the entry
            unread -= 1
            yield failed
            failed = None
        else:
            index = max(progress.value, start)
            failed = EntryProblem(index, "", "", failure)
            start = index + 1
        if restarts > limits.max_restarts:
            if failed is not None:
                yield failed
            yield Fatal(f"gave up on the rest of the archive after {restarts} failures of libzim")
            return


def _receive(
    receiver: Connection,
    process: BaseProcess,
    opening: float,
    entry_seconds: float,
    described: bool,
) -> Iterator[Any]:
    """Messages from the child, or one string saying why there are no more."""
    while True:
        seconds = entry_seconds if described else opening
        if not receiver.poll(seconds):
            yield _why(process, True, seconds)
            return
        try:
            message = receiver.recv()
        except (EOFError, OSError):
            yield _why(process, False, seconds)
            return
        if isinstance(message, ArchiveInfo):
            described = True
        yield message
