"""``lawpatch parity`` on the Tax Code (laws/tax-code: the Russian and the Kyrgyz text, 4 MB of XML),
best of 5 whole processes each, against the floor: a Python process that only parses the two XML
files with lawpatch's one parser (``xmlio.parse``, with its safety checks); plain lxml beside it.
The target is a ratio of 3 or less. The processes run as an installed lawpatch runs, with Python's
bytecode cache (where PYTHONDONTWRITEBYTECODE is set, every start compiles every module: about a
tenth of a second more). Then the parity in-process, step by step.

Run: ``python benchmarks/bench_parity.py``.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from timing import best, command

LAW = Path(__file__).resolve().parents[1] / "laws" / "tax-code"
RUNS = 5
TARGET = 3.0


def main() -> None:
    files = [str(LAW / "rus.xml"), str(LAW / "kir.xml")]
    cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    parse_only = [sys.executable, "-c", "import sys\nfrom lawpatch.xmlio import parse\nfor f in sys.argv[1:]: parse(f)",
                  *files]
    parity_cmd = [sys.executable, "-m", "lawpatch", "parity", str(LAW)]
    command(parity_cmd, (0, 1), cached)()                        # the bytecode cache written once
    floor = best(command(parse_only, env=cached), RUNS)
    lxml = best(command([sys.executable, "-c", "import sys\nfrom lxml import etree\n"
                         "for f in sys.argv[1:]: etree.parse(f)", *files], env=cached), RUNS)
    parity = best(command(parity_cmd, (0, 1), cached), RUNS)
    as_json = best(command(parity_cmd + ["--format", "json"], (0, 1), cached), RUNS)
    size = sum(Path(f).stat().st_size for f in files)
    print(f"{LAW}: {size / 1e6:.1f} MB of XML (rus + kir)")
    print(f"floor, parse both with lawpatch.xmlio (best of {RUNS}): {floor:.3f} s (plain lxml: {lxml:.3f} s)")
    print(f"lawpatch parity, whole process (best of {RUNS}): {parity:.3f} s — {parity / floor:.2f}× the floor "
          f"(target ≤ {TARGET:.0f}×{'' if parity / floor <= TARGET else ', MISSED'}); with --format json "
          f"(both texts of every finding): {as_json:.3f} s")

    from lawpatch.law import Law
    from lawpatch.parity.facts import facts_of
    from lawpatch.parity.laws import law_parity, unit_texts

    t = time.perf_counter()
    rus, kir = Law.load(files[0]), Law.load(files[1])
    loaded = time.perf_counter() - t
    t = time.perf_counter()
    texts = unit_texts(rus), unit_texts(kir)
    read = time.perf_counter() - t
    t = time.perf_counter()
    facts_of(list(texts[0].values()), "rus"), facts_of(list(texts[1].values()), "kir")
    facts = time.perf_counter() - t
    whole = best(lambda: law_parity(rus, kir), RUNS)
    result = law_parity(rus, kir)
    print(f"in-process: load {loaded:.3f} s, unit texts {read:.3f} s, facts of every unit (both) {facts:.3f} s; "
          f"law_parity (best of {RUNS}) {whole:.3f} s: {result.compared} units compared, {len(result.findings)} findings")


if __name__ == "__main__":
    main()
