"""References, trace and the compliance report on the bundled laws: best of 5.
- the reference index of every law in laws/ (in-process), beside its floor: parsing the same files;
- `lawpatch refs` and `lawpatch trace` as whole processes (targets: index ≤ 2 s, refs and trace
  ≤ 0.5 s), beside the floor of any command: `lawpatch --version`;
- `lawpatch compliance` (HTML) as a whole process.
Run from the repository root: ``python benchmarks/bench_refs.py``."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from timing import best, command

ROOT = Path(__file__).resolve().parents[1]
LAWS = ROOT / "laws"
RUNS = 5


def main() -> None:
    from lawpatch.law import Law, law_files
    from lawpatch.references import Index

    files = law_files(LAWS)
    parse = best(lambda: [Law.load(f) for f in files], RUNS)
    index = Index(LAWS)
    build = best(lambda: Index(LAWS), RUNS)
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"reference index of {len(files)} law files ({size:.1f} MB): {build:.3f} s "
          f"({build / parse:.1f}× parsing them, {parse:.3f} s); {len(index.references)} references, "
          f"{sum(bool(r.problem) for r in index.references)} resolve to nothing")
    lawpatch = [sys.executable, "-m", "lawpatch"]
    floor = best(command(lawpatch + ["--version"]), RUNS)
    with tempfile.TemporaryDirectory() as tmp:
        cases = [
            ("refs laws/external-migration «статья 33»", ["refs", str(LAWS / "external-migration"), "статья 33"]),
            ("refs laws/constitution «статья 16» (cited from the Labour Code)",
             ["refs", str(LAWS / "constitution"), "статья 16"]),
            ("trace icrmw-1990:44", ["trace", "icrmw-1990:44", "--root", str(ROOT)]),
            ("trace laws/external-labour-migration «статья 16»",
             ["trace", str(LAWS / "external-labour-migration"), "статья 16"]),
            ("compliance -o report.html", ["compliance", "--root", str(ROOT), "-o", str(Path(tmp) / "r.html")]),
        ]
        print(f"whole processes (floor: lawpatch --version, {floor:.3f} s):")
        for name, args in cases:
            t = best(command(lawpatch + args), RUNS)
            print(f"  {name}: {t:.3f} s ({t / floor:.1f}× the floor)")


if __name__ == "__main__":
    main()
