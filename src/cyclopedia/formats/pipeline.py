"""Converting items in worker processes, each item within a time and memory budget.

Used for the slow steps of an import: converting MediaWiki pages and ZIM articles (their
readers), with the Documents prepared for writing in the same worker (ReadOptions.finish), and
preparing the Documents of other readers (the ingest service). A pool starts at the first item
it has to convert, so items that arrive converted already cost no processes.

The dump is read in one process (XML parsing is fast); converting wikitext is slow
(mwparserfromhell) and has pathological inputs, so it runs in worker processes:

- results come back in input order, so an import's checkpoint is simply a count of items;
- each page gets a time budget (SIGALRM in the worker) and each worker a memory ceiling
  (RLIMIT_AS); a page over either becomes an ItemError and the run goes on;
- a worker that dies (a crash in the C tokenizer) takes only its page down: the pages in flight
  are converted again one at a time in a fresh pool, and the one that kills it again is recorded.

With ``workers=1`` pages are converted in the calling process (time budget only).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import logging
import multiprocessing
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from types import FrameType
from typing import Any, Generic, TypeVar

from cyclopedia.document import Document
from cyclopedia.formats.base import ItemError

logger = logging.getLogger(__name__)

Page = TypeVar("Page")
Result = TypeVar("Result")

DEFAULT_SECONDS = 30.0
MAX_WINDOW = 64
DEFAULT_MEMORY_BYTES = 2 << 30  # address space per worker


@dataclass(frozen=True, slots=True)
class Budget:
    seconds: float = DEFAULT_SECONDS
    memory_bytes: int = DEFAULT_MEMORY_BYTES


class OverBudget(Exception):
    """A page took longer than its time budget."""


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise OverBudget after ``seconds``, in the main thread (signals reach no other).

    The alarm raises where Python happens to be when it rings. Were that a callback whose
    exceptions Python ignores, the exception would be lost: a gc callback is the only Python
    code that runs while a C parser works (it allocates, so the collector runs), so automatic
    garbage collection is paused inside the budget (the page's garbage is collected after it),
    and a block that ends after its time ran out raises OverBudget all the same. Off the main
    thread there is no budget. A timer the caller had set is restored afterwards, less the
    time spent here.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    outer_remaining, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    started = time.monotonic()
    rang = []

    def alarm(signum: int, frame: FrameType | None) -> None:
        rang.append(signum)
        raise OverBudget

    collecting = gc.isenabled()
    gc.disable()
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if collecting:
            gc.enable()
        if outer_remaining > 0:
            left = max(outer_remaining - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, outer_interval)
    if rang:  # the block ended normally, yet its time ran out (the alarm was swallowed)
        raise OverBudget


def _limit_memory(memory_bytes: int) -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker_init(memory_bytes: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _limit_memory(memory_bytes)


def convert_within_budget(
    convert: Callable[[Page], Result],
    page: Page,
    seconds: float,
    key: Callable[[Page], tuple[str, str]],
) -> Result | ItemError:
    """``convert(page)``, or an ItemError saying which budget it broke, or what went wrong.

    An error no converter expected (a bug a page's text sets off) fails that page alone, as the
    budgets do: it is recorded with its title and the error, its traceback is logged, and the
    run goes on.
    """
    try:
        with time_budget(seconds):
            return convert(page)
    except OverBudget:
        item_key, title = key(page)
        return ItemError(item_key, f"over its time budget of {seconds:g} s", title)
    except MemoryError:
        item_key, title = key(page)
        return ItemError(item_key, "over its memory budget", title)
    except RecursionError:
        item_key, title = key(page)
        return ItemError(item_key, "nested too deeply to convert", title)
    except Exception as error:
        item_key, title = key(page)
        logger.exception("converting %r failed", title)
        return ItemError(item_key, f"cannot convert: {type(error).__name__}: {error}", title)


@dataclass(frozen=True)
class _Task(Generic[Page, Result]):
    convert: Callable[[Page], Result]
    seconds: float
    key: Callable[[Page], tuple[str, str]]

    def __call__(self, page: Page) -> Result | ItemError:
        return convert_within_budget(self.convert, page, self.seconds, self.key)


def _convert_and_finish(
    page: Page, *, convert: Callable[[Page], object], finish: Callable[[Document], object]
) -> object:
    """A page converted, and the Document it makes (not a redirect or a category) finished."""
    item = convert(page)
    if not isinstance(item, Document):
        return item
    try:
        return finish(item)
    except ValueError as error:  # DocumentError included: the item fails, the run goes on
        return ItemError(item.source_key or item.title, f"not prepared: {error}", item.title)


def convert_pages(
    pages: Iterable[Any],
    convert: Callable[[Page], Result],
    *,
    key: Callable[[Page], tuple[str, str]],
    workers: int = 1,
    budget: Budget = Budget(),
    convert_if: type | tuple[type, ...] = object,
    finish: Callable[[Document], object] | None = None,
) -> Iterator[Any]:
    """Converted items in input order; ItemErrors, and items not of ``convert_if``, pass as
    they are. ``convert`` and ``key`` must be picklable (module level).

    ``finish`` (a reader's ReadOptions.finish, picklable too) runs on each Document in the call
    that converted it, so in the same worker; converting and finishing each have the budget's
    time, as they had when they ran in two pools.

    An error of ``pages`` itself (a truncated dump) is raised after the items read before it.
    Off the main thread (an import reading ahead) there is no time budget in this process, so
    pages are converted in a worker process even with ``workers=1``."""
    step: Callable[[Any], object] = convert
    if finish is not None:
        step = functools.partial(_convert_and_finish, convert=convert, finish=finish)
        budget = dataclasses.replace(budget, seconds=2 * budget.seconds)
    task = _Task(step, budget.seconds, key)
    if workers <= 1 and threading.current_thread() is threading.main_thread():
        for page in pages:
            yield task(page) if _converts(page, convert_if) else page
        return
    yield from _pooled(pages, task, key, max(workers, 1), budget, convert_if)


def _converts(item: Any, convert_if: type | tuple[type, ...]) -> bool:
    return isinstance(item, convert_if) and not isinstance(item, ItemError)


def _executor(workers: int, budget: Budget) -> ProcessPoolExecutor:
    # forkserver: workers are not forked from the importing process, whose threads (the other
    # pool's, the progress bar's) and database connections they must not inherit.
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("forkserver"),
        initializer=_worker_init,
        initargs=(budget.memory_bytes,),
    )


def _pooled(
    pages: Iterable[Any],
    task: _Task[Any, Any],
    key: Callable[[Any], tuple[str, str]],
    workers: int,
    budget: Budget,
    convert_if: type | tuple[type, ...],
) -> Iterator[Any]:
    # Pages in flight: enough to keep the workers busy, few enough to bound the memory they take
    # (a page may be up to MAX_ITEM_BYTES) whatever --workers says.
    window = min(workers * 8, MAX_WINDOW)
    # Started at the first page to convert: items that all pass as they are (converted by the
    # reader's own workers already) cost no processes.
    executor: ProcessPoolExecutor | None = None
    pending: deque[tuple[Any, Future[Any] | None]] = deque()
    reading = iter(pages)
    failure: Exception | None = None
    try:
        while True:
            try:
                page = next(reading)
            except StopIteration:
                break
            except Exception as error:  # the input failed: what it gave before is passed on first
                failure = error
                break
            future = None
            if _converts(page, convert_if):
                executor = executor or _executor(workers, budget)
                future = _submit(executor, task, page)
            pending.append((page, future))
            while len(pending) >= window:
                result, executor = _next(pending, executor, task, key, workers, budget)
                yield result
        while pending:
            result, executor = _next(pending, executor, task, key, workers, budget)
            yield result
        if failure is not None:
            raise failure
    finally:
        # Stopped early (Ctrl-C, an error downstream): pages not yet started are dropped.
        for _page, future in pending:
            if future is not None:
                future.cancel()
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)


def _submit(executor: ProcessPoolExecutor, task: _Task[Any, Any], page: Any) -> Future[Any]:
    """Queue a page; a pool already broken by a dead worker gives a future that says so."""
    try:
        return executor.submit(task, page)
    except BrokenProcessPool as error:
        broken: Future[Any] = Future()
        broken.set_exception(error)
        return broken


def _next(
    pending: deque[tuple[Any, Future[Any] | None]],
    executor: ProcessPoolExecutor | None,
    task: _Task[Any, Any],
    key: Callable[[Any], tuple[str, str]],
    workers: int,
    budget: Budget,
) -> tuple[Any, ProcessPoolExecutor | None]:
    page, future = pending[0]
    if future is None:
        pending.popleft()
        return page, executor  # an ItemError, or an item that is not converted
    try:
        result = future.result()
    except BrokenProcessPool:
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        return _recover(pending, task, key, workers, budget)
    pending.popleft()
    return result, executor


def _recover(
    pending: deque[tuple[Any, Future[Any] | None]],
    task: _Task[Any, Any],
    key: Callable[[Any], tuple[str, str]],
    workers: int,
    budget: Budget,
) -> tuple[Any, ProcessPoolExecutor | None]:
    """A worker died: convert the pages in flight one at a time to find the one that kills it."""
    page, _ = pending.popleft()
    single = _executor(1, budget)
    try:
        result: Any = single.submit(task, page).result()
    except BrokenProcessPool:
        item_key, title = key(page)
        result = ItemError(item_key, "the converter crashed on this page", title)
    finally:
        single.shutdown(wait=False, cancel_futures=True)
    executor = None  # a new pool when a page needs one (none when that page was the last)
    for index, (other, future) in enumerate(pending):
        if future is not None:
            executor = executor or _executor(workers, budget)
            pending[index] = (other, _submit(executor, task, other))
    return result, executor
