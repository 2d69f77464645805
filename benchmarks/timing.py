"""The one timer of the benchmarks: the best of several runs, each after an untimed setup."""
from __future__ import annotations

import subprocess
import time


def best(fn, runs: int, setup=None) -> float:
    """Seconds of the fastest of ``runs`` calls of ``fn`` (``setup`` runs untimed before each)."""
    times = []
    for _ in range(runs):
        if setup:
            setup()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def command(cmd: list[str]):
    """A callable running ``cmd`` as a process (failing loudly), for :func:`best`."""
    return lambda: subprocess.run(cmd, check=True, capture_output=True)
