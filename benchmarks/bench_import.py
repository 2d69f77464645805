"""Import of the Tax Code (RU, 1.3 MB, ~470 articles): best of 5, in-process and as a whole
``lawpatch import`` process. Run: ``python benchmarks/bench_import.py``."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from timing import best, command

DATA = Path(__file__).parent / "data" / "tax-code-2022-3.ru.txt"
RUNS = 5


def main() -> None:
    from lawpatch.importer import import_file

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rus.xml"
        result = import_file(DATA)
        in_process = best(lambda: import_file(DATA).law.save(out), RUNS)
        cmd = [sys.executable, "-m", "lawpatch", "import", str(DATA), "-o", str(out), "-q"]
        whole = best(command(cmd), RUNS)
    print(f"{DATA.name}: {result.articles} articles, {result.units} units, {len(result.warnings)} warnings")
    print(f"import + write, in-process (best of {RUNS}): {in_process:.3f} s")
    print(f"lawpatch import, whole process (best of {RUNS}): {whole:.3f} s")


if __name__ == "__main__":
    main()
