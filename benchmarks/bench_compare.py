"""Comparison of two redactions of the Civil Code, part I (RU): 2024 database text against the
2025 pdftotext print. Both are imported first; then, best of 3 each, with the peak memory of
the child process (maxrss):

- the floor: parse both XML files and write them back (nothing else);
- ``lawpatch diff OLD NEW --format json`` and ``lawpatch table OLD NEW`` as whole processes;
- the comparison in-process (load both + compare);
- beside it, ``git diff --no-index --word-diff`` of the two ``lawpatch text`` renderings.

Run: ``python benchmarks/bench_compare.py``.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).parent / "data"
OLD = DATA / "civil-code-part1-1996-15.ru.txt"
NEW = DATA / "civil-code-part1-1996-15.ed2025.ru.txt"
RUNS = 3
MEMORY_LIMIT_MB = 500


def run(cmd: list[str], stdout=subprocess.DEVNULL) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one child process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):   # git diff exits 1 when the files differ
        raise RuntimeError(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def best(cmd: list[str], stdout=subprocess.DEVNULL) -> tuple[float, float]:
    results = [run(cmd, stdout) for _ in range(RUNS)]
    return min(r[0] for r in results), max(r[1] for r in results)


def main() -> None:
    from lawpatch.compare import compare
    from lawpatch.importer import import_file
    from lawpatch.law import Law

    cli = [sys.executable, "-m", "lawpatch"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        old_xml, new_xml = tmp / "old.xml", tmp / "new.xml"
        t = time.perf_counter()
        for src, dst in ((OLD, old_xml), (NEW, new_xml)):
            import_file(src).law.save(dst)
        print(f"import of both texts: {time.perf_counter() - t:.2f} s")

        floor = (f"from lawpatch.law import Law\n"
                 f"for p in ({str(old_xml)!r}, {str(new_xml)!r}): Law.load(p).save({str(tmp)!r} + '/floor.xml')")
        figures = [("floor: parse + write both", best([sys.executable, "-c", floor]))]
        figures.append(("lawpatch diff --format json", best(cli + ["diff", str(old_xml), str(new_xml),
                                                                         "--format", "json"])))
        figures.append(("lawpatch table (DOCX)", best(cli + ["table", str(old_xml), str(new_xml),
                                                             "-o", str(tmp / "table.docx")])))
        texts = []
        for xml in (old_xml, new_xml):
            txt = xml.with_suffix(".txt")
            with open(txt, "wb") as fh:
                run(cli + ["text", str(xml)], stdout=fh)
            texts.append(str(txt))
        if shutil.which("git"):
            figures.append(("git diff --no-index --word-diff of the texts",
                            best(["git", "diff", "--no-index", "--word-diff", *texts])))

        old, new = Law.load(old_xml), Law.load(new_xml)
        times = []
        for _ in range(RUNS):
            t = time.perf_counter()
            comparison = compare(Law.load(old_xml), Law.load(new_xml))
            times.append(time.perf_counter() - t)
        kinds: dict[str, int] = {}
        for c in comparison.changes:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1

    units = sum(1 for _ in old.units()), sum(1 for _ in new.units())
    print(f"{OLD.name}: {units[0]} units; {NEW.name}: {units[1]} units")
    print(f"changes: {len(comparison.changes)} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    print(f"load both + compare, in-process (best of {RUNS}): {min(times):.3f} s")
    for name, (seconds, mb) in figures:
        flag = "" if mb < MEMORY_LIMIT_MB else f"  OVER {MEMORY_LIMIT_MB} MB"
        print(f"{name} (best of {RUNS}): {seconds:.3f} s, peak {mb:.0f} MB{flag}")


if __name__ == "__main__":
    main()
