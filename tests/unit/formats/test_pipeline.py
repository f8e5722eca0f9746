"""Conversion in worker processes: order, budgets, and a worker that dies."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator

import pytest

from cyclopedia.document import Attribution, Document
from cyclopedia.formats.base import ItemError, ReadError
from cyclopedia.formats.pipeline import Budget, convert_pages


def key(page: str) -> tuple[str, str]:
    return page, page.upper()


def convert(page: str) -> str:
    if page == "slow":
        time.sleep(5)
    if page == "hog":
        hog = bytearray(3 << 30)  # more than the worker's memory budget
        return str(len(hog))
    if page == "crash":
        os.kill(os.getpid(), signal.SIGKILL)  # as a crash in a C extension would
    if page == "deep":
        raise RecursionError
    if page == "bug":
        raise KeyError("title1")  # a converter's bug that a page's text sets off
    return page * 2


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_in_input_order_with_reader_errors_passed_through(workers: int) -> None:
    error = ItemError("k", "unreadable")
    pages = ["a", "b", error, *"cdefghijklmnopqrstuvwxyz"]
    results = list(convert_pages(pages, convert, key=key, workers=workers))
    assert results[:4] == ["aa", "bb", error, "cc"]
    assert results[-1] == "zz"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_page_over_its_time_budget_is_an_item_error(workers: int) -> None:
    started = time.monotonic()
    results = list(
        convert_pages(["a", "slow", "b"], convert, key=key, workers=workers, budget=Budget(0.3))
    )
    assert results[0] == "aa"
    assert results[2] == "bb"
    assert isinstance(results[1], ItemError)
    assert results[1].message == "over its time budget of 0.3 s"
    assert results[1].title == "SLOW"
    assert time.monotonic() - started < 4


def test_a_page_over_the_memory_budget_is_an_item_error() -> None:
    budget = Budget(seconds=10, memory_bytes=1 << 30)
    results = list(convert_pages(["a", "hog", "b"], convert, key=key, workers=2, budget=budget))
    assert results[0] == "aa"
    assert results[2] == "bb"
    assert isinstance(results[1], ItemError)
    assert results[1].message == "over its memory budget"


def test_deep_nesting_is_an_item_error() -> None:
    [result] = convert_pages(["deep"], convert, key=key)
    assert isinstance(result, ItemError)
    assert "nested too deeply" in result.message


def test_a_worker_that_dies_takes_only_its_own_page_down() -> None:
    pages = ["a", "b", "crash", "c", "d", "e"]
    results = list(convert_pages(pages, convert, key=key, workers=2))
    assert [r for r in results if not isinstance(r, ItemError)] == ["aa", "bb", "cc", "dd", "ee"]
    (crashed,) = [r for r in results if isinstance(r, ItemError)]
    assert crashed.key == "crash"
    assert crashed.message == "the converter crashed on this page"
    assert results.index(crashed) == 2


def test_no_new_pool_after_a_crash_on_the_last_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from cyclopedia.formats import pipeline

    started: list[int] = []

    def counted(workers: int, budget: Budget) -> object:
        started.append(workers)
        return real(workers, budget)

    real = pipeline._executor
    monkeypatch.setattr(pipeline, "_executor", counted)
    results = list(convert_pages(["a", "crash"], convert, key=key, workers=2))
    assert results[0] == "aa"
    assert isinstance(results[1], ItemError)
    # The pool, then one worker to try a page alone (twice, should "a" go down with the pool),
    # and nothing after the last page.
    assert started[0] == 2
    assert started[-1] == 1


def slow_consumer_pages() -> list[str]:
    return ["a", "b", "crash", *(f"p{n}" for n in range(40))]


def test_a_dead_worker_never_aborts_the_run_even_with_a_slow_consumer() -> None:
    results = []
    for result in convert_pages(slow_consumer_pages(), convert, key=key, workers=2):
        results.append(result)
        time.sleep(0.02)  # the pool breaks while pages are still being queued
    errors = [r for r in results if isinstance(r, ItemError)]
    assert [e.key for e in errors] == ["crash"]
    assert len(results) == 43


def test_the_budget_is_skipped_off_the_main_thread() -> None:
    import threading

    outcome: list[object] = []
    worker = threading.Thread(
        target=lambda: outcome.extend(convert_pages(["a"], convert, key=key, budget=Budget(1)))
    )
    worker.start()
    worker.join()
    assert outcome == ["aa"]


def test_an_outer_timer_survives_the_budget() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        list(convert_pages(["a"], convert, key=key, budget=Budget(5)))
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 0.5
        time.sleep(0.6)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_error_of_the_input_comes_after_the_pages_read_before_it(workers: int) -> None:
    def truncated() -> Iterator[str]:
        yield from "abcdefghijkl"
        raise ReadError("dump.xml", "the dump ends in the middle of a page")

    results: list[str] = []
    with pytest.raises(ReadError, match="ends in the middle"):
        results.extend(convert_pages(truncated(), convert, key=key, workers=workers))
    assert results == [page * 2 for page in "abcdefghijkl"]


def test_off_the_main_thread_pages_keep_their_time_budget_with_one_worker() -> None:
    results: list[object] = []

    def convert_in_thread() -> None:
        pages = ["a", "slow", "b"]
        results.extend(convert_pages(pages, convert, key=key, workers=1, budget=Budget(seconds=1)))

    thread = threading.Thread(target=convert_in_thread)
    thread.start()
    thread.join(60)
    assert results[0] == "aa"
    assert isinstance(results[1], ItemError)
    assert "time budget" in results[1].message
    assert results[2] == "bb"


def test_no_pool_starts_when_no_item_is_to_be_converted(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr("cyclopedia.formats.pipeline._executor", no_pool)
    items = [ItemError("k", "unreadable"), 1, 2.5]  # what the reader's workers made already
    assert list(convert_pages(items, convert, key=key, workers=2, convert_if=str)) == items
    with pytest.raises(AssertionError, match="a pool was started"):
        list(convert_pages([1, "a"], convert, key=key, workers=2, convert_if=str))


def document(page: str) -> Document | str:
    if page == "redirect":
        return page  # not a Document: passes unfinished
    time.sleep(0.2 if page == "slow half" else 0)
    attribution = Attribution(source_title=page)
    return Document(title=page.capitalize(), body="Text.", attribution=attribution)


def finish(doc: Document) -> str:
    if doc.title == "Broken":
        raise ValueError("cannot render")
    time.sleep(0.2 if doc.title == "Slow half" else 0)
    return doc.title.upper()


@pytest.mark.parametrize("workers", [1, 2])
def test_finish_runs_where_each_document_is_converted(workers: int) -> None:
    pages = ["a", "redirect", "broken", "slow half", "b"]
    results = list(
        convert_pages(pages, document, key=key, workers=workers, budget=Budget(0.3), finish=finish)
    )
    assert results[:2] == ["A", "redirect"]
    assert isinstance(results[2], ItemError)
    assert (results[2].title, results[2].message) == ("Broken", "not prepared: cannot render")
    # Converting and finishing each had 0.3 s when they ran in two pools: together 0.4 s pass.
    assert results[3:] == ["SLOW HALF", "B"]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_unexpected_error_fails_its_page_alone(workers: int) -> None:
    results = list(convert_pages(["a", "bug", "b"], convert, key=key, workers=workers))
    assert results[0] == "aa"
    assert results[2] == "bb"
    assert isinstance(results[1], ItemError)
    assert (results[1].title, results[1].message) == ("BUG", "cannot convert: KeyError: 'title1'")
