"""``lawpatch derive`` on the Civil Code, part I: the 2024 database text as the law, the 2025 PDF print
as the edited text. Both are imported first; then, best of 3 each, with the peak memory of the child
process (maxrss):

- the floor: a Python process that parses the two XML files and writes them back (nothing else);
- ``lawpatch derive laws/civil-code new.xml -o bill.xml`` as a whole process (alignment, word
  planning, and the bill checked, applied in memory and compared with the edited text);
- ``lawpatch parse-bill`` of that bill's text, for the record.

The target: derive within 3× the floor, under 300 MB. The PDF print is read from the shared corpus
(``../shared/corpus/orig``); its pdftotext output in ``benchmarks/data`` imports a division that
the database text does not have, which derive reports rather than works around.

Run: ``python benchmarks/bench_derive.py``.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
OLD = HERE / "data" / "civil-code-part1-1996-15.ru.txt"
PDF = HERE.parent.parent / "shared" / "corpus" / "orig" / "civil-code-part1-1996-15.ed2025.ru.pdf"
RUNS = 3
RATIO_LIMIT = 3.0
MEMORY_LIMIT_MB = 300


# as installed: modules compiled once and cached (PYTHONDONTWRITEBYTECODE would make every process
# compile every module it imports, which weighs on the command with more modules, not the floor)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one child process (exit status 0 or 1)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)}: exit {code}: {proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def best(cmd: list[str], cwd: Path) -> tuple[float, float]:
    run(cmd, cwd)                  # once untimed: the bytecode caches written
    results = [run(cmd, cwd) for _ in range(RUNS)]
    return min(r[0] for r in results), max(r[1] for r in results)


def main() -> None:
    from lawpatch.importer import import_file

    if not PDF.is_file():
        sys.exit(f"{PDF}: the Civil Code's 2025 PDF print is not here (the shared corpus); nothing measured")
    cli = [sys.executable, "-m", "lawpatch"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "laws" / "civil-code").mkdir(parents=True)
        old_xml, new_xml = root / "laws" / "civil-code" / "rus.xml", root / "new.xml"
        t = time.perf_counter()
        import_file(OLD).law.save(old_xml)
        import_file(PDF).law.save(new_xml)
        print(f"import of both texts: {time.perf_counter() - t:.2f} s")
        floor_code = (f"from lawpatch.law import Law\n"
                      f"for p in ({str(old_xml)!r}, {str(new_xml)!r}): Law.load(p).save({str(root)!r} + '/floor.xml')")
        floor = best([sys.executable, "-c", floor_code], root)
        derive = best(cli + ["derive", "laws/civil-code", "new.xml", "-o", "bill.xml", "--force"], root)
        out = subprocess.run(cli + ["derive", "laws/civil-code", "new.xml", "-o", "bill.xml", "--force"], cwd=root,
                             capture_output=True, text=True, env=ENV)
        summary = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""
        subprocess.run(cli + ["bill", "bill.xml", "-o", "bill.txt"], cwd=root, check=True, capture_output=True)
        parse = best(cli + ["parse-bill", "bill.txt", "-o", "read.xml", "--force"], root)
    ratio = derive[0] / floor[0]
    print(summary)
    print(f"floor: parse + write both (best of {RUNS}): {floor[0]:.3f} s, peak {floor[1]:.0f} MB")
    flags = ("" if ratio <= RATIO_LIMIT else f"  OVER {RATIO_LIMIT}x") + \
        ("" if derive[1] < MEMORY_LIMIT_MB else f"  OVER {MEMORY_LIMIT_MB} MB")
    print(f"lawpatch derive (best of {RUNS}): {derive[0]:.3f} s = {ratio:.2f}x the floor, peak {derive[1]:.0f} MB{flags}")
    print(f"lawpatch parse-bill of its text (best of {RUNS}): {parse[0]:.3f} s, peak {parse[1]:.0f} MB")


if __name__ == "__main__":
    main()
