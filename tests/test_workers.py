"""Work spread over the cores (lawpatch.workers): results in order, and workers that free memory."""
from __future__ import annotations

import gc

from lawpatch.workers import run_all


def _square(n: int) -> int:
    return n * n


def _collecting(_) -> bool:
    return gc.isenabled()


def test_results_come_back_in_order_in_processes_and_in_one():
    items = list(range(40))
    assert run_all(_square, items, jobs=2) == run_all(_square, items, jobs=1) == [n * n for n in items]


def test_the_workers_collect_cyclic_garbage():
    """The parent pauses the cycle collector while results pile up; workers forked then must not
    inherit the pause (each kept every law and document it made: a build's memory grew per bill)."""
    assert all(run_all(_collecting, list(range(8)), jobs=2))
    assert gc.isenabled()


def test_progress_counts_every_item():
    done = []
    run_all(_square, list(range(10)), jobs=2, progress=done.append, weight=lambda n: n)
    assert sum(done) == sum(range(10))


def _frozen(_) -> int:
    return gc.get_freeze_count()


def test_what_is_alive_before_is_frozen_meanwhile_and_thawed_after():
    """What the caller holds (a reference index over every law) is not walked by the cycle collector
    with each item — in processes and in one — and is collected as before once the work is done."""
    assert gc.get_freeze_count() == 0
    assert all(run_all(_frozen, list(range(8)), jobs=2)) and all(run_all(_frozen, list(range(8)), jobs=1))
    assert gc.get_freeze_count() == 0 and gc.isenabled()
