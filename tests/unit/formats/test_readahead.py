"""Reading ahead in a thread: order, bound, errors where they happened, stopping early."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from cyclopedia.formats.base import ReadError
from cyclopedia.formats.readahead import read_ahead


def test_items_come_in_order() -> None:
    assert list(read_ahead(iter(range(1000)), limit=7)) == list(range(1000))


def test_the_reader_runs_ahead_while_the_consumer_is_busy_but_no_further_than_the_limit() -> None:
    made: list[int] = []

    def numbers() -> Iterator[int]:
        for number in range(100):
            made.append(number)
            yield number

    ahead = read_ahead(numbers(), limit=5)
    assert next(ahead) == 0
    deadline = time.monotonic() + 30
    while len(made) < 7 and time.monotonic() < deadline:
        time.sleep(0.01)  # the consumer "writes a batch"; the thread reads on meanwhile
    time.sleep(0.2)
    # One taken, five waiting in the queue, one made and waiting for room: no more.
    assert len(made) == 7
    assert list(ahead) == list(range(1, 100))


def test_an_error_of_the_reader_comes_after_the_items_read_before_it() -> None:
    def truncated() -> Iterator[str]:
        yield "a"
        yield "b"
        raise ReadError("dump.xml", "the dump ends in the middle of a page")

    ahead = read_ahead(truncated(), limit=10)
    assert next(ahead) == "a"
    assert next(ahead) == "b"
    with pytest.raises(ReadError, match="ends in the middle"):
        next(ahead)


def test_a_consumer_that_stops_early_stops_the_thread_and_closes_the_reader() -> None:
    closed = threading.Event()

    def endless() -> Iterator[int]:
        try:
            number = 0
            while True:
                yield number
                number += 1
        finally:
            closed.set()  # where a reader shuts its worker pool down

    ahead = read_ahead(endless(), limit=3)
    assert next(ahead) == 0
    ahead.close()
    assert closed.is_set()
    assert not any(thread.name == "read-ahead" for thread in threading.enumerate())


def test_a_consumer_interrupted_while_the_reader_is_busy_does_not_wait_for_it() -> None:
    """Ctrl-C while a worker converts a slow page: the command stops at once, and the thread
    closes the reader (and the pools it holds) when the page is done."""
    release, closed = threading.Event(), threading.Event()

    def slow() -> Iterator[int]:
        try:
            yield 1
            release.wait(30)  # a page that takes long to convert
            yield 2
        finally:
            closed.set()

    ahead = read_ahead(slow(), limit=3)
    assert next(ahead) == 1
    started = time.monotonic()
    ahead.close()
    assert time.monotonic() - started < 5
    assert not closed.is_set()
    release.set()
    assert closed.wait(10)


def test_a_limit_below_one_is_refused_at_once() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        read_ahead(iter([1]), limit=0)
