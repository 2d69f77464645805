"""A 200-op bill on the Tax Code (RU) with every kind of op a KR bill uses — word ops (whole
words, occurrences, case forms across the whole code), restatements, repeals, inserted abzats,
headings — run as whole processes: ``lawpatch check`` and ``lawpatch apply`` as a ratio to a process
that only parses and writes the same XML (aim: ≤ 2×). Best of 3.
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


KINDS = ("replace-words", "insert-words", "delete-words", "restate", "repeal", "insert", "heading")


def make_bill(law, path: Path) -> int:
    """``OPS`` ops spread over the code, the kinds in turn, each on a unit of its own."""
    from lawpatch import structure as st
    from lawpatch.patch.words import find_whole

    units = [el for el in law.units() if st.own_text(el) and not st.is_repealed(el)]
    step = max(len(units) // OPS, 1)
    ops = ['<replace-words scope="act" forms="cases"><old lang="rus">налогоплательщик</old>'
           '<new lang="rus">плательщик налога</new></replace-words>']
    taken: set = set()
    for i, el in enumerate(units[::step]):
        if len(ops) == OPS or any(a in taken for a in el.iterancestors()):
            continue
        eid, text, kind = el.get("eId"), st.own_text(el), KINDS[i % len(KINDS)]
        words = [w for w in re.findall(r"[А-Яа-яЁё]{6,}", text) if len(find_whole(text, w)) == 1
                 and "налог" not in w.lower() and "плательщик" not in w.lower()]
        tag = st.local(el.tag)
        if kind in ("replace-words", "insert-words", "delete-words") and words:
            w = escape(words[0])
            ops.append({"replace-words": f'<replace-words at="{eid}"><old lang="rus">{w}</old><new lang="rus">{w.upper()}</new></replace-words>',
                        "insert-words": f'<insert-words at="{eid}"><after lang="rus">{w}</after><new lang="rus">и другие</new></insert-words>',
                        "delete-words": f'<delete-words at="{eid}"><old lang="rus">{w}</old></delete-words>'}[kind])
        elif kind == "restate" and el.find(st.A + "content") is not None:
            num = st.num_text(el)
            ops.append(f'<restate at="{eid}"><text lang="rus">{escape((num + " ") if num and tag != "indent" else "- " if tag == "indent" else "")}Новая редакция.</text></restate>')
        elif kind == "repeal" and tag in ("paragraph", "point"):
            ops.append(f'<repeal at="{eid}"/>')
        elif kind == "insert" and tag == "alinea":
            ops.append(f'<insert after="{eid}"><text lang="rus">Новый абзац.</text></insert>')
        elif kind == "heading":
            article = next((a for a in el.iterancestors() if st.local(a.tag) == "article"), None)
            if article is None or article in taken or not st.heading_text(article):
                continue
            ops.append(f'<restate-heading at="{article.get("eId")}"><heading lang="rus">Новое наименование</heading></restate-heading>')
            taken.add(article)
            continue
        else:
            continue
        taken.add(el)
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
        import subprocess
        first = subprocess.run(lp + ["check", "--root", str(root), str(bill)], capture_output=True, text=True)
        if first.returncode:
            raise SystemExit(f"the benchmark bill does not check:\n{first.stderr[-3000:]}")
        baseline = best(command([sys.executable, "-c", "import sys; from lawpatch.law import Law; "
                                 "Law.load(sys.argv[1]).save(sys.argv[2])", str(law_path), str(root / "copy.xml")]), RUNS)
        check = best(command(lp + ["check", "--root", str(root), str(bill)]), RUNS)
        apply_ = best(command(lp + ["apply", "--root", str(root), str(bill)]), RUNS,
                      setup=lambda: law_path.write_bytes(pristine))
    print(f"Tax Code: {len(pristine) / 1e6:.1f} MB XML, a bill of {n} ops of {len(KINDS)} kinds and case forms in the whole code")
    print(f"parse + write only (best of {RUNS}): {baseline:.3f} s")
    print(f"lawpatch check: {check:.3f} s = {check / baseline:.2f}x")
    print(f"lawpatch apply: {apply_:.3f} s = {apply_ / baseline:.2f}x")


if __name__ == "__main__":
    main()
