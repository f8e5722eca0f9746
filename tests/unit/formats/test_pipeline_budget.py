"""The time budget holds even when its alarm rings where Python swallows exceptions."""

from __future__ import annotations

import gc
import time

import pytest

from cyclopedia.formats.pipeline import OverBudget, time_budget

# The alarms swallowed on purpose are reported by Python as ignored exceptions.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


def _work() -> None:
    for _ in range(100):
        gc.collect()  # the first alarm rings in the callback, which swallows it
        sum(range(10_000))


def test_automatic_collection_is_paused_within_a_budget() -> None:
    assert gc.isenabled()
    with time_budget(5):
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_alarm_swallowed_by_a_gc_callback_still_ends_the_block_over_budget() -> None:
    swallowed = []

    def callback(phase: str, info: dict[str, int]) -> None:
        # Python ignores (prints) exceptions raised in gc callbacks: hold the first alarm here.
        if not swallowed:
            swallowed.append(phase)
            time.sleep(0.3)

    gc.callbacks.append(callback)
    try:
        with pytest.raises(OverBudget), time_budget(0.1):
            _work()
    finally:
        gc.callbacks.remove(callback)
    assert swallowed


def test_a_block_that_ends_after_a_swallowed_alarm_is_over_budget() -> None:
    def callback(phase: str, info: dict[str, int]) -> None:
        time.sleep(0.2)  # every alarm rings here, and is swallowed

    gc.callbacks.append(callback)
    try:
        with pytest.raises(OverBudget), time_budget(0.05):
            gc.collect()
    finally:
        gc.callbacks.remove(callback)


def test_a_block_within_its_budget_is_untouched() -> None:
    with time_budget(5):
        value = sum(range(1000))
    assert value == 499500
