"""Layout rows: blocks split or joined with the same words are not changes (no row of the table),
but the comparison reports them as their own kind, so that an import that broke a paragraph stays
visible — in ``lawpatch diff`` (text and JSON) and in build's summary."""
from __future__ import annotations

import json

import pytest

from lawpatch import structure as st
from lawpatch.cli import main
from lawpatch.compare import compare
from lawpatch.law import Law


def _pair(sample_dir):
    path = sample_dir / "rus.xml"
    return Law.load(path), Law.load(path)


def _split(law, eid: str, at: str):
    """Split the abzats ``eid`` into two before the words ``at``."""
    el = law.get(eid)
    p = el.find(f"{st.A}content/{st.A}p")
    head, tail = p.text.split(at, 1)
    p.text = head.rstrip()
    twin = el.makeelement(el.tag, {})
    content = twin.makeelement(st.A + "content", {})
    twin.append(content)
    q = content.makeelement(st.A + "p", {})
    q.text = at + tail
    content.append(q)
    el.addnext(twin)
    law.reindex()


def test_a_split_abzats_is_a_layout_row_not_a_change(sample_dir):
    old, new = _pair(sample_dir)
    _split(new, "art_1__al_2", "принудительное")
    comp = compare(old, new)
    assert comp.changes == ()
    (row,) = comp.layout
    assert row.kind == "layout" and row.old_eid == "art_1__al_2" and row.new_eid == "art_1__al_2"
    assert row.old_text.split() == row.new_text.split()
    assert row.old_text != row.new_text


def test_a_join_is_a_layout_row_and_words_changed_stay_changes(sample_dir):
    old, new = _pair(sample_dir)
    _split(old, "art_1__al_2", "принудительное")         # the old text has the block broken in two
    p = new.get("art_3__para_3").find(f"{st.A}content/{st.A}p")
    p.text = p.text.replace("законом", "конституционным законом")
    comp = compare(old, new)
    assert [c.eid for c in comp.changes] == ["art_3__para_3"]
    assert [(c.kind, c.old_eid) for c in comp.layout] == [("layout", "art_1__al_2")]


def test_a_leaf_split_into_abzats_is_a_layout_row(sample_dir):
    old, new = _pair(sample_dir)
    el = new.get("art_3__para_3")
    p = el.find(f"{st.A}content/{st.A}p")
    p.text, rest = "Ограничения прав мигрантов", "устанавливаются законом."
    st.to_hier(el)
    second = el.makeelement(st.A + "alinea", {})
    content = second.makeelement(st.A + "content", {})
    second.append(content)
    q = content.makeelement(st.A + "p", {})
    q.text = rest
    content.append(q)
    el.append(second)
    new.reindex()
    comp = compare(old, new)
    assert comp.changes == ()
    assert [c.eid for c in comp.layout] == ["art_3__para_3"]


def test_diff_shows_and_counts_layout_rows(sample_dir, tmp_path, capsys):
    old, new = _pair(sample_dir)
    _split(new, "art_1__al_2", "принудительное")
    new.save(tmp_path / "new.xml")
    with pytest.raises(SystemExit):
        main(["diff", str(sample_dir / "rus.xml"), str(tmp_path / "new.xml"), "--color", "never"])
    out = capsys.readouterr()
    assert "@@ абзац второй статьи 1 (layout)" in out.out
    assert "0 changed unit(s), 1 layout row(s)" in out.err
    with pytest.raises(SystemExit):
        main(["diff", str(sample_dir / "rus.xml"), str(tmp_path / "new.xml"), "--format", "json"])
    (law,) = json.loads(capsys.readouterr().out)
    assert law["changes"] == [] and [r["kind"] for r in law["layout"]] == ["layout"]


def test_the_table_leaves_layout_rows_out_unless_asked(sample_dir, tmp_path, capsys):
    from docx import Document

    old, new = _pair(sample_dir)
    _split(new, "art_1__al_2", "принудительное")
    p = new.get("art_3__para_3").find(f"{st.A}content/{st.A}p")
    p.text = p.text.replace("законом", "конституционным законом")
    new.save(tmp_path / "new.xml")
    rows = {}
    for flag in ([], ["--layout"]):
        out = tmp_path / f"t{len(flag)}.docx"
        with pytest.raises(SystemExit):
            main(["table", str(sample_dir / "rus.xml"), str(tmp_path / "new.xml"), "-o", str(out), *flag])
        rows[bool(flag)] = len(Document(str(out)).tables[0].rows)
    assert "1 layout row(s) left out" in capsys.readouterr().err
    assert rows[True] > rows[False]
