"""A 200-op bill on the Tax Code (RU): whole-process ``lawpatch check`` and ``lawpatch apply``,
as a ratio to a process that only parses and writes the same XML (aim: ≤ 3×). Best of 3.
Run: ``python benchmarks/bench_patch.py``."""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from timing import best, command

DATA = Path(__file__).parent / "data" / "tax-code-2022-3.ru.txt"
RUNS = 3
OPS = 200


def make_bill(law, path: Path) -> int:
    """Replace one word found once in each of ``OPS`` units spread over the code."""
    from lawpatch import structure as st

    units = [el for el in law.units() if st.own_text(el)]
    step = max(len(units) // OPS, 1)
    ops = []
    for el in units[::step]:
        text = st.own_text(el)
        words = [w for w in re.findall(r"[А-Яа-яЁё]{6,}", text) if text.count(w) == 1]
        if words:
            ops.append(f'<replace-words at="{el.get("eId")}"><old lang="rus">{escape(words[0])}</old>'
                       f'<new lang="rus">{escape(words[0].upper())}</new></replace-words>')
        if len(ops) == OPS:
            break
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<amendment xmlns="urn:lawpatch:amendment:1" id="bench" '
                    'date="2026-11-20"><title lang="rus">О внесении изменений в Налоговый кодекс</title>'
                    f'<law href="laws/tax-code" base="rus@{law.expression_date}">' + "".join(ops) + "</law></amendment>\n",
                    encoding="utf-8")
    return len(ops)


def main() -> None:
    from lawpatch.importer import import_file

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        law_path = root / "laws" / "tax-code" / "rus.xml"
        law_path.parent.mkdir(parents=True)
        law = import_file(DATA).law
        law.save(law_path)
        pristine = law_path.read_bytes()
        bill = root / "bill.xml"
        n = make_bill(law, bill)
        lp = [sys.executable, "-m", "lawpatch"]
        baseline = best(command([sys.executable, "-c", "import sys; from lawpatch.law import Law; "
                                 "Law.load(sys.argv[1]).save(sys.argv[2])", str(law_path), str(root / "copy.xml")]), RUNS)
        check = best(command(lp + ["check", "--root", str(root), str(bill)]), RUNS)
        apply_ = best(command(lp + ["apply", "--root", str(root), str(bill)]), RUNS,
                      setup=lambda: law_path.write_bytes(pristine))
    print(f"Tax Code: {len(pristine) / 1e6:.1f} MB XML, a bill of {n} replace-words ops")
    print(f"parse + write only (best of {RUNS}): {baseline:.3f} s")
    print(f"lawpatch check: {check:.3f} s = {check / baseline:.2f}x")
    print(f"lawpatch apply: {apply_:.3f} s = {apply_ / baseline:.2f}x")


if __name__ == "__main__":
    main()
