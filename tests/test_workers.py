"""Work spread over the cores (lawpatch.workers): results in order, workers that free memory, and
work forked beside this process that gives its result back or none."""
from __future__ import annotations

import gc
import os

import pytest
from lxml import etree

from lawpatch import workers
from lawpatch.workers import run_all

from .conftest import DATA

SAMPLE = DATA / "sample-law" / "rus.xml"


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


def test_beside_gives_the_result_or_raises_the_error_where_it_is_asked_for():
    result = workers.beside(sorted, [3, 1, 2])
    assert result() == [1, 2, 3]
    failing = workers.beside(int, "not a number")
    with pytest.raises(ValueError, match="not a number"):
        failing()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_forked_gives_the_result_or_none_where_the_process_gave_none(monkeypatch):
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    result = workers.forked(sorted, [3, 1, 2])
    assert result() == [1, 2, 3]
    assert workers.forked(int, "not a number")() is None          # raised there: the caller runs it here
    assert workers.forked(lambda: (lambda: 0))() is None          # a result that is no builtin value
    big = "текст " * 200_000                                        # more than a pipe holds
    assert workers.forked(str.upper, big)() == big.upper()


def test_forked_on_one_core_or_beside_other_threads_runs_nothing(monkeypatch):
    import threading

    monkeypatch.setattr(workers, "_cores", lambda: 1)
    assert workers.forked(sorted, [2, 1])() is None
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    done = threading.Event()
    thread = threading.Thread(target=done.wait)
    thread.start()
    try:
        assert workers.forked(sorted, [2, 1])() is None
    finally:
        done.set()
        thread.join()


def test_a_law_validated_beside_its_eid_check_gives_every_finding_in_order():
    """The schemas run in a thread while the eIds are checked: the findings are those of each
    layer, the schemas' first, as when they ran one after another."""
    from lawpatch import validate
    from lawpatch.law import Law

    law = Law.load(SAMPLE)
    law.body.find(".//{*}article").set("eId", "art_99")          # an eId against the convention
    law.body.find(".//{*}article").append(etree.Element("{%s}bogus" % law.root.nsmap[None]))  # against the schemas
    codes = [f.code for f in validate.validate_law(law)]
    alone = [f.code for f in validate._schema_errors(law)]
    assert alone and codes[:len(alone)] == alone
    assert "VALIDATE.EID_MISMATCH" in codes[len(alone):]
    assert [f.code for f in validate.law_errors(law)] == alone + ["VALIDATE.EID_MISMATCH"]


def _swapping(value, channel=None):
    return [value, channel.swap(value)]


def _failing(value, channel=None):
    raise ValueError("before the swap")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_a_forked_process_and_its_parent_swap_one_value_midway(monkeypatch):
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    big = ["eId"] * 100_000                                          # more than a pipe holds, each way
    channel = workers.Channel()
    result = workers.forked(_swapping, big + ["child"], channel=channel)
    assert channel.swap(big + ["parent"]) == big + ["child"]
    assert result() == [big + ["child"], big + ["parent"]]
    assert channel.swap("again") is None                             # one swap, then closed


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_a_side_that_fails_or_closes_swaps_nothing_and_nothing_waits(monkeypatch):
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    channel = workers.Channel()
    result = workers.forked(_failing, "x", channel=channel)
    assert channel.swap(["parent"]) is None and result() is None    # the child raised before its swap
    channel = workers.Channel()
    result = workers.forked(_swapping, ["eId"] * 100_000, channel=channel)
    channel.close()                                                  # the parent will not swap
    assert result() == [["eId"] * 100_000, None]
    monkeypatch.setattr(workers, "_cores", lambda: 1)                # nothing forked: the channel closed
    channel = workers.Channel()
    assert workers.forked(_swapping, "x", channel=channel)() is None and channel.swap("y") is None
