"""Import speed: the Tax Code text (RU, 1.3 MB, ~470 articles) and a PDF print of over 300 pages,
best of several runs, as a whole ``lawpatch import`` process (the figure a drafter waits for) and,
for the text, in-process. Targets: the Tax Code text ≤ 1 s, a 300-page print ≤ 10 s.

The print is the database's PDF of the Civil Code part I (178 pages, from the corpus next to the
checkout) printed twice over into one file of 356 pages; without the corpus that figure is left
out, and the benchmark says so. Each process figure is given as wall time and as the CPU time the
process used: on a machine shared with other work the wall time grows, the CPU time does not.

Run: ``python benchmarks/bench_import.py``.
"""
from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from timing import best, command

DATA = Path(__file__).parent / "data" / "tax-code-2022-3.ru.txt"
PRINT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "orig" / "civil-code-part1-1996-15.ed2025.ru.pdf"
RUNS = 5


def process(cmd: list[str], runs: int) -> tuple[float, float]:
    """The best wall time and the best CPU time (user + system) of ``runs`` runs of ``cmd``."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(best(command(cmd), 1))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def long_print(folder: Path, pages: int = 300) -> Path:
    """The Civil Code print repeated until it has at least ``pages`` pages."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(PRINT))
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        out.import_pages(source)
    path = folder / "civil-code-twice.pdf"
    out.save(path)
    return path


def main() -> None:
    from lawpatch.importer import import_file

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rus.xml"
        result = import_file(DATA)
        in_process = best(lambda: import_file(DATA).law.save(out), RUNS)
        wall, cpu = process([sys.executable, "-m", "lawpatch", "import", str(DATA), "-o", str(out), "-q"], RUNS)
        print(f"{DATA.name}: {result.articles} articles, {result.units} units, {len(result.warnings)} warnings")
        print(f"  import + write, in-process (best of {RUNS}): {in_process:.3f} s")
        print(f"  lawpatch import, whole process (best of {RUNS}): {wall:.3f} s wall, {cpu:.3f} s CPU (target ≤ 1 s)")
        if not PRINT.is_file():
            print(f"PDF print: left out, the corpus print is not at {PRINT}")
            return
        pdf = long_print(Path(tmp))
        import pypdfium2 as pdfium
        pages = len(pdfium.PdfDocument(str(pdf)))
        started = time.perf_counter()
        result = import_file(pdf)
        in_process = time.perf_counter() - started
        wall, cpu = process([sys.executable, "-m", "lawpatch", "import", str(pdf), "-o", str(out), "-q"], 3)
        print(f"{PRINT.name} printed twice: {pages} pages, {result.articles} articles, {result.units} units")
        print(f"  import, in-process (one run): {in_process:.3f} s")
        print(f"  lawpatch import, whole process (best of 3): {wall:.3f} s wall, {cpu:.3f} s CPU (target ≤ 10 s)")


if __name__ == "__main__":
    main()
