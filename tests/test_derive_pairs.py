"""The proof on the official pairs of the corpus: the Family Code 2022 → 2025 (the new text from its PDF
print) and the Civil Code part I 2024 → 2025. ``derive`` OLD NEW gives a bill that checks, and applied it
makes NEW unit by unit (number, heading, text, sub-units; editorial notes aside); the bill's text read
back by ``parse-bill`` makes the same law again. The numbers (ops by kind, word ops and restatements,
the time) are printed (``pytest -m slow -s``)."""
from __future__ import annotations

import time

import pytest

from lawpatch.billread import parse_bill
from lawpatch.billtext import bill_text
from lawpatch.derive import derive
from lawpatch.derive.verify import mismatches
from lawpatch.importer import import_file
from lawpatch.law import Law
from lawpatch.patch import apply_bill, check_bill, load_bill
from lawpatch.textrender import law_text

pytestmark = pytest.mark.slow

PAIRS = {
    "family-code": ("family-code-2003-201.ru.txt", "orig/family-code-2003-201.ed2025.ru.pdf"),
    "civil-code": ("civil-code-part1-1996-15.ru.txt", "orig/civil-code-part1-1996-15.ed2025.ru.pdf"),
}


@pytest.mark.parametrize("slug", sorted(PAIRS))
def test_derive_check_apply_and_read_back(corpus, tmp_path, slug):
    old_src, new_src = PAIRS[slug]
    (tmp_path / "laws" / slug).mkdir(parents=True)
    import_file(corpus / old_src).law.save(tmp_path / "laws" / slug / "rus.xml")
    new = import_file(corpus / new_src).law
    new.save(tmp_path / "new.xml")

    t = time.perf_counter()
    result = derive(f"laws/{slug}", tmp_path / "new.xml", tmp_path / "bill.xml", root=tmp_path)
    elapsed = time.perf_counter() - t
    assert not result.refused, "\n".join(map(str, result.findings))
    bill = load_bill(tmp_path / "bill.xml")
    assert not [f for f in check_bill(bill, tmp_path) if f.severity == "error"]
    (applied,) = apply_bill(bill, tmp_path)
    assert mismatches(applied.new, Law.load(tmp_path / "new.xml"), "bill.xml") == []

    text = tmp_path / "bill.txt"
    text.write_text(bill_text(bill, "rus", tmp_path), encoding="utf-8")
    read = parse_bill(text, tmp_path / "read.xml", root=tmp_path)
    assert not read.refused, "\n".join(map(str, read.findings))
    (again,) = apply_bill(load_bill(tmp_path / "read.xml"), tmp_path)
    assert law_text(again.new, editorial=False) == law_text(applied.new, editorial=False)

    total, words, restatements = result.totals()
    print(f"\n{slug}: {total} ops ({dict(sorted(result.counts().items()))}); {words} word ops, "
          f"{restatements} restatements; {result.layout} only split/join blocks; derive {elapsed:.2f} s; "
          f"parse-bill read {len(read.read)} instructions")
