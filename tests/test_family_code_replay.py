"""The oracle: the three real laws that changed the Family Code between its redaction of 6 June 2022
and that of 17 July 2025 (№ 190 of 2 Dec 2024, № 111 of 4 Jun 2025, № 148 of 17 Jul 2025), written as
bills the way a drafter writes them (word ops for word changes), applied in order to the 2022 text:
the result is the official 2025 text unit by unit, and the database's notes of those laws too."""
from __future__ import annotations

import re
import shutil

import pytest

from lawpatch import structure as st
from lawpatch.billtext import bill_text
from lawpatch.law import Law
from lawpatch.patch import load_bill
from lawpatch.patch.apply import apply_bills
from lawpatch.patch.model import Kind

from .conftest import DATA

FC = DATA / "family-code"
BILLS = [FC / "amendments" / f"{name}.xml" for name in ("2024-190", "2025-111", "2025-148")]


@pytest.fixture(scope="module")
def applied(tmp_path_factory):
    root = tmp_path_factory.mktemp("fc")
    shutil.copytree(FC / "laws", root / "laws")
    (law,) = apply_bills([load_bill(p) for p in BILLS], root=root)
    return law.new


@pytest.fixture(scope="module")
def official():
    return Law.load(FC / "family-code-2025.rus.xml")


CHANGED = ("art_63", "art_85", "art_86", "art_92", "art_111", "art_112", "art_114", "art_116", "art_117", "art_125")


def changed_units(old: Law, new: Law) -> list[tuple[str, str]]:
    """The units the official comparison of the two redactions shows changed (16 rows), with the kind."""
    from lawpatch.compare import compare

    return [(c.new_eid, c.kind) for c in compare(old, new).changes if c.new_eid]


def test_the_bills_make_the_official_2025_text_unit_by_unit(applied, official):
    """All 713 units of the applied law read as the 2025 print's (the database's notes aside), the 16
    the laws changed among them."""
    from lawpatch.compare import compare

    mine = {el.get("eId"): st.unit_lines(el) for el in applied.units()}
    theirs = {el.get("eId"): st.unit_lines(el) for el in official.units()}
    assert mine.keys() == theirs.keys() and len(mine) == 713
    assert [eid for eid in mine if mine[eid] != theirs[eid]] == []
    assert len(changed_units(Law.load(FC / "laws" / "family-code" / "rus.xml"), official)) == 16
    assert compare(applied, official).changes == ()


def test_the_database_notes_of_the_three_laws(applied, official):
    """Each changed article ends with the note of the law that changed it, merged into the note it
    ended with. One difference is the database's own: when art. 114 became numbered, its clerk
    dropped the older law (30 June 2014 № 100) from the note."""
    def last_note(law: Law, art: str) -> str:
        notes = [st.block_text(p) for p in law.get(art).iter(st.A + "p") if st.is_editorial(p)]
        return re.sub(r"\s+\)", ")", notes[-1])
    differ = [art for art in CHANGED if last_note(applied, art) != last_note(official, art)]
    assert differ == ["art_114"]
    assert last_note(applied, "art_114") == "(В редакции Законов КР от 30 июня 2014 года № 100, 4 июня 2025 года № 111)"
    assert last_note(applied, "art_63") == "(В редакции Законов КР от 1 августа 2020 года № 109, 17 июля 2025 года № 148)"
    title = [st.block_text(p) for p in applied.act.find(st.A + "preface").iter(st.A + "p") if st.is_editorial(p)]
    assert title[-1].endswith("6 июня 2022 года № 41, 2 декабря 2024 года № 190, 4 июня 2025 года № 111, "
                              "17 июля 2025 года № 148)")


def test_word_ops_for_word_changes():
    kinds = [op.kind for p in BILLS for op in load_bill(p).laws[0].ops]
    assert sum(k.is_words for k in kinds) == 8 and kinds.count(Kind.RESTATE) == 3 and len(kinds) == 17


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    """Each bill's text, worded on the law as the earlier bills left it."""
    root = tmp_path_factory.mktemp("fc-text")
    shutil.copytree(FC / "laws", root / "laws")
    out = {}
    for path in BILLS:
        bill = load_bill(path)
        out[path.stem] = bill_text(bill, "rus", root=root)
        from lawpatch.patch import write_applied
        write_applied(apply_bills([bill], root=root))
    return out


def test_the_bill_of_law_111_reads_as_a_clerk_writes_it(texts):
    text = texts["2025-111"]
    assert text.startswith("ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ\n\nО внесении изменений в Семейный кодекс Кыргызской Республики\n")
    assert "Внести в Семейный кодекс Кыргызской Республики от 30 августа 2003 года №\u00a0201 следующие изменения:" in text
    for line in [
        "1) пункт 2 статьи 85 дополнить абзацем вторым следующего содержания:",
        "2) в статье 86:\nа) в наименовании слова «в судебном порядке» исключить;\n"
        "б) дополнить пунктом 5 следующего содержания:",
        "3) статью 111 изложить в следующей редакции:\n«Статья 111. Взыскание алиментов\n1. При отсутствии",
        "4) в статье 112:\nа) в пункте 1 после слов «в суд» дополнить словами «или к нотариусу»;\nб) в пункте 2:\n"
        "- после слов «в суд» во всех случаях дополнить словами «или к нотариусу»;\n- слово «судом» исключить;",
        "5) в статье 114:\nа) абзацы первый и второй считать соответственно пунктами 1 и 2;\n"
        "б) в пункте 1 после слов «письменного заявления плательщика алиментов» дополнить словами "
        "«, нотариального приказа»;",
        "8) статью 125 дополнить пунктом 2-1 следующего содержания:",
    ]:
        assert line in text, line


def test_the_bill_of_law_148_cites_the_abzats_the_insert_moved(texts):
    text = texts["2025-148"]
    assert "1) в пункте 3 статьи 63:\nа) в абзаце третьем слова «с добавлением для детей мужского пола" in text
    assert "б) после абзаца третьего дополнить абзацем следующего содержания:\n«- по имени дедушки без" in text
    assert "в) абзац пятый изложить в следующей редакции:\n«- по имени дедушки с присоединением" in text
