"""The one timer of the benchmarks: a command run as a whole process, timed from the outside.

Each run gives the wall time, the CPU time of the process and its children (user + system: on a
machine shared with other work the wall time grows, the CPU time much less) and the peak resident
memory of the largest process (``ru_maxrss`` from ``wait4``). The figures of several runs are
summarised by their median, with the spread (slowest − fastest, over the median) as the noise.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sample:
    wall: float
    cpu: float
    peak_mb: float
    status: int
    stderr: str = ""


# The command is started by a small launcher, not by this process: a process keeps the peak memory
# of the process it was forked from (Linux carries it across exec), so a command forked from the
# benchmark itself would report the benchmark's size. The launcher times the command, waits for it
# and prints wall time, CPU time (its own and that of the children it waited for: the workers of
# -j, so every core used counts) and peak memory (the largest of them).
LAUNCHER = """
import os, sys, time
null = os.open(os.devnull, os.O_WRONLY)
actions = [(os.POSIX_SPAWN_DUP2, null, 1)]
started = time.perf_counter()
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ, file_actions=actions)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - started
print(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run(cmd: list[str], cwd=None, env=None) -> Sample:
    """Run ``cmd`` once; its stdout is discarded, its stderr kept (for the report of a failure)."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *cmd], cwd=cwd, env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err, text=True)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if proc.returncode:
        return Sample(0.0, 0.0, 0.0, 127, f"could not start {cmd[0]}: {text[-2000:]}")
    wall, cpu, rss, status = proc.stdout.split()
    return Sample(float(wall), float(cpu), int(rss) / 1024, int(status), text[-4000:])


@dataclass
class Figures:
    """The samples of one command over the rounds of a benchmark run."""

    samples: list[Sample] = field(default_factory=list)

    def add(self, sample: Sample) -> None:
        self.samples.append(sample)

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def peak_mb(self) -> float:
        return max(s.peak_mb for s in self.samples)

    @property
    def spread(self) -> float:
        """(slowest − fastest) / median of the wall times: how noisy the runs were."""
        walls = [s.wall for s in self.samples]
        return (max(walls) - min(walls)) / self.wall if self.wall else 0.0

    @property
    def cores(self) -> float:
        """CPU time over wall time: about 2 when a command keeps both cores busy."""
        return self.cpu / self.wall if self.wall else 0.0
