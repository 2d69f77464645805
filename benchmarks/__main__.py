"""``python -m benchmarks``: lawpatch's speed next to the floor, at scale, and on big inputs.

Run from the repository root with the project installed (``pip install -e .``)::

    python -m benchmarks            # everything; writes benchmarks/RESULTS.md
    python -m benchmarks --quick    # CI: fewer runs, smaller corpora (about two minutes)
    python -m benchmarks --only diff --only table --sections commands

Every figure is a whole process timed from outside (:mod:`benchmarks.timer`). Commands run in
rounds — each round runs every case once — so that the load of a shared machine falls on all of
them alike, and each ratio is taken between medians measured in the same run. The exit status is
1 when a command failed (a target missed is reported, not failed: timings are no test).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import bigger, report
from .cases import Case, commands, floor_argv, lawpatch_argv
from .timer import Figures, run
from .workspace import prepare

HERE = Path(__file__).resolve().parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="CI: 3 runs, small corpora, no RESULTS.md")
    ap.add_argument("--runs", type=int, help="runs of each command (default 7; 3 with --quick)")
    ap.add_argument("--only", action="append", default=[], help="cases whose name contains this (repeatable)")
    ap.add_argument("--sections", default="commands,scale,big", help="commands, scale, big (comma-separated)")
    ap.add_argument("--results", type=Path, help="write the tables here (default: benchmarks/RESULTS.md "
                                                   "for a full run of every section, nowhere with --quick)")
    args = ap.parse_args(argv)
    runs = args.runs or (3 if args.quick else 7)
    sections = set(args.sections.split(","))
    # modules compiled once and cached, as installed; the cache of references in the run's own folder
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["SOURCE_DATE_EPOCH"] = "1780000000"
    load_before = os.getloadavg()
    started = time.perf_counter()
    failures: list[str] = []
    tables: list[str] = []
    with tempfile.TemporaryDirectory(prefix="lawpatch-bench-") as tmp:
        tmp = Path(tmp)
        env["LAWPATCH_CACHE"] = str(tmp / "cache")
        print("preparing the inputs …", file=sys.stderr)
        ws = prepare(tmp / "ws")
        if "commands" in sections:
            cases = [c for c in commands(ws, tmp / "out") if _selected(c, args.only)]
            rows = run_cases(cases, runs, tmp, env, failures)
            tables.append(report.commands_table(rows, runs))
        if "scale" in sections:
            tables.append(bigger.scale(tmp, env, args.quick, failures))
        if "big" in sections:
            tables.append(bigger.big_inputs(ws, tmp, env, args.quick, failures))
    machine = report.machine(load_before, os.getloadavg(), time.perf_counter() - started, runs)
    text = report.document(machine, tables, failures)
    print(text)
    target = args.results or (HERE / "RESULTS.md" if not args.quick and not args.only
                              and sections == {"commands", "scale", "big"} else None)
    if target:
        target.write_text(text, encoding="utf-8")
        print(f"written: {target}", file=sys.stderr)
    return 1 if failures else 0


def _selected(case: Case, only: list[str]) -> bool:
    return not only or any(o in case.name for o in only)


def available(cases: list[Case]) -> tuple[list[Case], list[Case]]:
    """The cases whose lawpatch command exists in this checkout, and those left out."""
    out = subprocess.run(lawpatch_argv() + ["--help"], capture_output=True, text=True).stdout
    names = {line.split()[0] for line in out.split("Commands:", 1)[-1].splitlines() if line.strip()}
    have = [c for c in cases if not c.lawpatch or not c.command or c.command in names]
    return have, [c for c in cases if c not in have]


def run_cases(cases: list[Case], runs: int, tmp: Path, env: dict, failures: list[str]) -> list:
    """Each case and each floor ``runs`` times, in rounds; the rows of the table."""
    cases, missing = available(cases)
    lp = lawpatch_argv()
    floors: dict[tuple, Figures] = {(c.floor, c.floor_writes): Figures() for c in cases if c.floor}
    figures = {c.name: Figures() for c in cases}
    for r in range(runs):
        print(f"round {r + 1}/{runs}", file=sys.stderr)
        for (files, writes), fig in floors.items():
            sample = run(floor_argv(files, tmp / "floor", writes), env=env)
            if sample.status:
                raise SystemExit(f"the floor failed: {sample.stderr}")
            fig.add(sample)
        for c in cases:
            if c.name in {f.split(":")[0] for f in failures}:
                continue
            if c.setup:
                c.setup()
            sample = run((lp if c.lawpatch else []) + c.argv, cwd=c.cwd, env={**env, **c.env})
            if sample.status not in c.statuses:
                failures.append(f"{c.name}: exit {sample.status}\n{sample.stderr}")
                continue
            figures[c.name].add(sample)
    rows = []
    for c in cases:
        fig = figures[c.name]
        if not fig.samples:
            continue
        rows.append(report.Row(c, fig, floors.get((c.floor, c.floor_writes))))
    rows += [report.Row(c, None, None) for c in missing]
    return rows


if __name__ == "__main__":
    sys.exit(main())
