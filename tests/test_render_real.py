"""The documents of a real law edited as a bill would: the comparison engine's rows and the redline."""
from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest

from lawpatch import structure as st
from lawpatch.law import Law
from lawpatch.render.labels import TableOptions
from lawpatch.render.table import write_table

from .render_helpers import cell_text, marked_runs
from .test_render_redline import _body, _resolve

LAW = Path(__file__).resolve().parents[1] / "laws" / "road-traffic" / "rus.xml"


@pytest.fixture
def edited():
    if not LAW.is_file():
        pytest.skip(f"{LAW} is not here")
    old = Law.load(LAW)
    new = Law.from_bytes(old.to_bytes())
    p = new.get("art_2__al_2").find(f".//{st.A}p")
    p.text = p.text.replace("имеющее право", "имеющее действующее право")
    indent = new.get("art_3__indent_3")
    twin = copy.deepcopy(indent)
    twin.find(f".//{st.A}p").text = "защита прав детей в дорожном движении."
    indent.addnext(twin)
    gone = new.get("art_3__indent_2")
    gone.getparent().remove(gone)
    new.reindex()
    return old, new


def test_table_rows_of_the_engine(edited, tmp_path):
    from lawpatch.compare import compare

    old, new = edited
    comp = compare(old, new)
    out = tmp_path / "t.docx"
    write_table([comp], out, TableOptions(context_words=None, reasons=False))
    rows = [[cell_text(c) for c in r.cells] for r in docx.Document(str(out)).tables[0].rows[1:]]
    unit_rows = [r for r in rows if r[0] != r[1]]          # context rows span both cells
    assert len(unit_rows) == len(comp.changes)
    for row, change in zip(unit_rows, comp.changes):
        assert row[0] == (change.old_text or "отсутствует")
        assert row[1] == (change.new_text or "исключить")
    doc = docx.Document(str(out))
    changed = [r for r in doc.tables[0].rows if "действующее" in cell_text(r.cells[1])][0]
    assert "".join(marked_runs(changed.cells[1])).strip() == "действующее"
    assert marked_runs(changed.cells[0]) == []


def test_redline_of_a_real_law(edited, tmp_path):
    from lawpatch.render.consolidated import law_blocks
    from lawpatch.render.redline import write_redline

    old, new = edited
    out = tmp_path / "r.docx"
    write_redline(None, old, new, out, "x", "2025-01-01")
    body = _body(out)
    assert _resolve(body, accept=True) == [b.text for b in law_blocks(new)]
    assert _resolve(body, accept=False) == [b.text for b in law_blocks(old)]


def test_documents_of_a_real_bill(tmp_path):
    from lawpatch.render.consolidated import law_blocks
    from lawpatch.render.inputs import pairs_of_bill
    from lawpatch.render.redline import write_redline

    root = Path(__file__).resolve().parents[1]
    bill_path = root / "amendments" / "2026-icrmw-family.xml"
    if not bill_path.is_file():
        pytest.skip(f"{bill_path} is not here")
    bill, pairs = pairs_of_bill(str(bill_path), root=str(root), langs=("rus",))   # the law has no kir.xml
    out = tmp_path / "t.docx"
    write_table([p.comparison for p in pairs], out, TableOptions(), bill=bill)
    doc = docx.Document(str(out))
    assert bill.titles["rus"] in doc.paragraphs[1].text
    rows = [r for r in doc.tables[0].rows[1:] if r.cells[0]._tc is not r.cells[2]._tc]   # not context rows
    reasons = [cell_text(r.cells[2]) for r in rows if cell_text(r.cells[2])]
    assert reasons and all(r.startswith("Международная конвенция о защите прав всех трудящихся-мигрантов") for r in reasons)
    for pair in pairs:
        red = tmp_path / f"{pair.new.lang}.docx"
        write_redline(pair.comparison, pair.old, pair.new, red, bill.id, bill.date)
        body = _body(red)
        assert _resolve(body, accept=True) == [b.text for b in law_blocks(pair.new)]
        assert _resolve(body, accept=False) == [b.text for b in law_blocks(pair.old)]
