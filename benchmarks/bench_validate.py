"""Validation of the Tax Code (RU, imported once from benchmarks/data to a temporary file):
best of 5, in-process (schemas compiled once, as in a long-running process) and as a whole
``lawpatch validate`` process; and the citation round trip (cite, then resolve) of every unit.
Run: ``python benchmarks/bench_validate.py``."""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import best

DATA = Path(__file__).parent / "data" / "tax-code-2022-3.ru.txt"
RUNS = 5


def main() -> None:
    from lawpatch.citations import cite, resolve
    from lawpatch.importer import import_file
    from lawpatch.validate import official_schema, profile_schema, validate_law

    with tempfile.TemporaryDirectory() as tmp:
        law_path = Path(tmp) / "rus.xml"
        result = import_file(DATA)
        result.law.save(law_path)
        t = time.perf_counter()
        official_schema(), profile_schema()
        compile_time = time.perf_counter() - t
        findings = validate_law(law_path)
        in_process = best(lambda: validate_law(law_path), RUNS)
        cmd = [sys.executable, "-m", "lawpatch", "validate", str(law_path)]
        whole = best(lambda: subprocess.run(cmd, capture_output=True), RUNS)
        size = law_path.stat().st_size
        law = result.law
        eids = [el.get("eId") for el in law.units()]
        round_trip = best(lambda: [resolve(law, cite(law, e, "rus")) for e in eids], RUNS)
    errors = sum(f.severity == "error" for f in findings)
    print(f"{DATA.name} → {size / 1e6:.1f} MB XML: {result.articles} articles, {result.units} units; "
          f"{errors} errors, {len(findings) - errors} warnings")
    print(f"schemas compiled once per process: {compile_time:.3f} s")
    print(f"validate_law, in-process (best of {RUNS}): {in_process:.3f} s")
    print(f"lawpatch validate, whole process (best of {RUNS}): {whole:.3f} s")
    print(f"cite + resolve of all {len(eids)} units (best of {RUNS}): {round_trip:.3f} s "
          f"({round_trip / len(eids) * 1e6:.0f} µs a unit)")


if __name__ == "__main__":
    main()
