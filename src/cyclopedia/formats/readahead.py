"""Reading ahead: the items of an iterator made by a thread, a bounded number ahead of their
consumer.

An import's writer takes items in batches and writes each batch in one transaction; while it
writes, nobody asks the reader for more, so the conversion pools (formats.pipeline), whose
window is filled only as results are taken, would stand idle. Read ahead, the dump is read and
the pools kept busy while the batch is written: the writer and the converters overlap.

The thread only runs the iterator (reading, handing pages to worker processes, collecting their
results); it never touches the database. Whatever the iterator raises is raised to the consumer
after the items made before it, as if it had run in the consumer's own thread. The consumer
stopping early (an error while writing, Ctrl-C) stops the thread and closes the iterator, so a
pool it holds is shut down; the consumer waits at most a second for that.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar, cast

Item = TypeVar("Item")

_POLL_SECONDS = 0.1
_JOIN_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class _Raised:
    error: BaseException


_END = object()


def read_ahead(items: Iterable[Item], limit: int) -> Iterator[Item]:
    """The items of ``items`` in order, made by a thread at most ``limit`` ahead."""
    if limit < 1:
        raise ValueError("read_ahead needs a limit of at least 1")
    return _read_ahead(items, limit)


def _read_ahead(items: Iterable[Item], limit: int) -> Iterator[Item]:
    ready: queue.Queue[object] = queue.Queue(maxsize=limit)
    stop = threading.Event()

    def hand_over(entry: object) -> bool:
        """Put an entry in the queue, unless the consumer stopped: whether it was put."""
        while not stop.is_set():
            try:
                ready.put(entry, timeout=_POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        iterator = iter(items)
        try:
            for item in iterator:
                if not hand_over(item):
                    return
            hand_over(_END)
        except BaseException as error:  # handed to the consumer, who raises it
            hand_over(_Raised(error))
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()

    thread = threading.Thread(target=produce, name="read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            entry = ready.get()
            if entry is _END:
                return
            if isinstance(entry, _Raised):
                raise entry.error
            yield cast(Item, entry)
    finally:
        stop.set()
        # The thread stops at its next hand-over: at once when it waits for room, after the
        # page in hand when it waits for a worker. Ctrl-C must not wait for that page (up to its
        # time budget); the thread, a daemon, closes the iterator (and its pools) when it wakes.
        thread.join(timeout=_JOIN_SECONDS)
