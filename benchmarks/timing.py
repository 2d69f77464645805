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


def command(cmd: list[str], ok=(0,), env=None):
    """A callable running ``cmd`` as a process (failing loudly on an exit status not in ``ok``), for
    :func:`best`; ``env``: the process's environment (default: this one's)."""
    def run():
        proc = subprocess.run(cmd, capture_output=True, env=env)
        if proc.returncode not in ok:
            raise RuntimeError(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr.decode()[-500:]}")
    return run
