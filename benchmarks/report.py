"""The benchmark's tables (Markdown) and the machine they were measured on."""
from __future__ import annotations

import os
import platform
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from .timer import Figures

PROJECT = Path(__file__).resolve().parents[1]


@dataclass
class Row:
    case: object            # cases.Case
    figures: Figures | None  # None: the command is not in this checkout
    floor: Figures | None

    @property
    def ratio(self) -> float | None:
        return self.figures.wall / self.floor.wall if self.figures and self.floor else None

    @property
    def cpu_ratio(self) -> float | None:
        return self.figures.cpu / self.floor.cpu if self.figures and self.floor and self.floor.cpu else None

    def verdict(self) -> str:
        c = self.case
        if self.figures is None:
            return "not on this branch"
        if c.ratio is not None and self.ratio is not None:
            met = "met" if self.ratio <= c.ratio else "met in CPU" if (self.cpu_ratio or 99) <= c.ratio else "MISSED"
            return f"≤ {c.ratio:g}× {met}"
        if c.seconds is not None:
            return f"≤ {c.seconds:g} s {'met' if self.figures.wall <= c.seconds else 'MISSED'}"
        return ""


def commands_table(rows: list[Row], runs: int) -> str:
    lines = [f"## Commands on real data (median of {runs} runs, whole processes)", "",
             "| command | median s | CPU s | spread | peak MB | floor s | × floor | × floor, CPU | target |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for row in rows:
        f, fl = row.figures, row.floor
        if f is None:
            lines.append(f"| {row.case.name} | | | | | | | | {row.verdict()} |")
            continue
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else ""
        cpu = f"{row.cpu_ratio:.2f}" if row.cpu_ratio is not None else ""
        floor = f"{fl.wall:.3f}" if fl else ""
        lines.append(f"| {row.case.name} | {f.wall:.3f} | {f.cpu:.3f} | {f.spread:.0%} | {f.peak_mb:.0f} | "
                     f"{floor} | {ratio} | {cpu} | {row.verdict()} |")
    notes = [f"- {r.case.name}: {r.case.note}" for r in rows if r.case.note]
    spreads = [r.figures.spread for r in rows if r.figures]
    if spreads:
        notes.append(f"- noise: the spread (slowest − fastest over the median) was {statistics.median(spreads):.0%} "
                     f"for the median command, {max(spreads):.0%} at most")
    return "\n".join(lines + ([""] + notes if notes else []))


def machine(load_before, load_after, seconds: float, runs: int) -> str:
    import lxml.etree as etree

    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = subprocess.run(["git", "-C", str(PROJECT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "?"
    return "\n".join([
        f"- when: {time.strftime('%Y-%m-%d %H:%M %Z')}, commit {commit}, {seconds:.0f} s in all",
        f"- machine: {platform.machine()}, {os.cpu_count()} CPU(s) ({cpu}), {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, lxml {etree.__version__} (libxml2 "
        f"{'.'.join(map(str, etree.LIBXML_VERSION))})",
        f"- load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after: the machine is shared, "
        "so every ratio is between medians measured in the same rounds",
    ])


def document(machine_lines: str, tables: list[str], failures: list[str]) -> str:
    out = ["# lawpatch benchmark results", "",
           "Written by `python -m benchmarks` (benchmarks/README.md says what each figure is).", "",
           machine_lines, ""]
    for t in tables:
        out += [t, ""]
    if failures:
        out += ["## Failures", ""] + [f"- {f.splitlines()[0]}" for f in failures] + [""]
    return "\n".join(out)
