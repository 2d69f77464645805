"""A change lands where the drafter meant it, or nowhere: content anchors on a stale base, and bills
that meet at a unit, reproduced on the bundled laws and bills."""
from __future__ import annotations

import shutil

import pytest

from lawpatch import structure as st
from lawpatch.cli import main
from lawpatch.patch import check_bill, load_bill
from lawpatch.patch.apply import PatchRefused, apply_bills, check_bills

from .billfiles import write_bill
from .conftest import LAWS, ROOT, snapshot

ICCPR = ROOT / "amendments" / "2026-iccpr-expulsion-guarantees.xml"
LSFC = "laws/legal-status-foreign-citizens"


@pytest.fixture
def repo(tmp_path):
    shutil.copytree(LAWS / "legal-status-foreign-citizens", tmp_path / LSFC)
    shutil.copytree(ROOT / "treaties", tmp_path / "treaties")
    return tmp_path


def other_bill(repo, ops: str, bill_id: str = "other", base: str = "rus@2023-06-30") -> str:
    return str(write_bill(repo / f"{bill_id}.xml", ops, href=LSFC, base=base, bill_id=bill_id, date="2026-10-01",
                          titles=("О внесении изменения",)))


def test_a_stale_base_is_reanchored_by_the_text_the_op_expects(repo):
    """Another law inserts an abzats into article 3 before its third: the ICCPR bill's repeal of
    «абзац третий статьи 3» finds its text in the fourth and repeals that one, with a warning."""
    first = load_bill(other_bill(repo, '<insert after="art_3__al_2"><text lang="rus">Вставленный абзац.</text></insert>'))
    (a,) = apply_bills([first], root=repo)
    from lawpatch.patch import write_applied
    write_applied([a])
    findings = check_bill(load_bill(ICCPR), root=repo)
    assert [f.code for f in findings if f.severity == "error"] == []
    assert "art_3__al_4" in next(f.message for f in findings if f.code == "CHECK.REANCHORED")
    (iccpr,) = apply_bills([load_bill(ICCPR)], root=repo)
    law = iccpr.new
    assert st.is_repealed(law.get("art_3__al_4")) and not st.is_repealed(law.get("art_3__al_3"))
    assert "Вставленный абзац." in st.own_text(law.get("art_3__al_3"))


def test_an_op_whose_text_is_gone_is_refused_with_both_texts(repo):
    first = load_bill(other_bill(repo, '<restate at="art_20__al_2"><text lang="rus">Они пользуются в суде всеми '
                                       'правами.</text></restate>'))
    from lawpatch.patch import write_applied
    write_applied(apply_bills([first], root=repo))
    findings = [f for f in check_bill(load_bill(ICCPR), root=repo) if f.severity == "error"]
    assert {f.code for f in findings} == {"CHECK.EXPECT_MISMATCH"}
    f = next(f for f in findings if f.unit == "art_20__al_2")
    assert "наравне в гражданами" in f.hint and "всеми правами" in f.hint


def test_a_bill_that_deletes_what_another_restates(repo, capsys):
    """A deletes «абзац второй статьи 20», B (the ICCPR bill) changes it: refused with both bills' lines,
    every law left as it was."""
    a = other_bill(repo, '<delete at="art_20__al_2"/>', "deletes")
    before = snapshot(repo / "laws")
    with pytest.raises(SystemExit) as exc:
        main(["apply", "--root", str(repo), a, str(ICCPR)])
    assert exc.value.code == 1 and snapshot(repo / "laws") == before
    err = capsys.readouterr().err
    assert "CHECK.BILLS_OVERLAP" not in err and "meet at art_20__al_2" in err
    findings, _ = check_bills([load_bill(a), load_bill(ICCPR)], root=repo)
    meets = [f for f in findings if f.code == "CHECK.BILLS_OVERLAP"]
    assert {f.file for f in meets} == {a, str(ICCPR)}


def test_two_bills_restating_one_unit(repo):
    a = other_bill(repo, '<restate at="art_20__al_2"><text lang="rus">Первая редакция.</text></restate>', "one")
    b = other_bill(repo, '<restate at="art_20__al_2"><text lang="rus">Вторая редакция.</text></restate>', "two")
    findings, _ = check_bills([load_bill(a), load_bill(b)], root=repo)
    assert [f.code for f in findings if f.severity == "error"].count("CHECK.BILLS_OVERLAP") == 2
    with pytest.raises(PatchRefused):
        apply_bills([load_bill(a), load_bill(b)], root=repo)


def test_a_shift_of_positions_meets_a_citation_by_position(repo):
    """A inserts an abzats before the third of article 3: B's «абзац третий статьи 3» would name
    another abzats once A is law."""
    a = other_bill(repo, '<insert after="art_3__al_1"><text lang="rus">Новый абзац.</text></insert>', "shifts")
    findings, _ = check_bills([load_bill(a), load_bill(ICCPR)], root=repo)
    assert any(f.code == "CHECK.BILLS_OVERLAP" and "position" in f.message for f in findings)


def test_bills_on_different_units_apply_together(repo):
    a = other_bill(repo, '<replace-words at="art_1"><old lang="rus">Настоящий</old><new lang="rus">Этот</new>'
                         '</replace-words>', "elsewhere")
    findings, _ = check_bills([load_bill(a), load_bill(ICCPR)], root=repo)
    assert not [f for f in findings if f.severity == "error"], findings
    (law,) = apply_bills([load_bill(a), load_bill(ICCPR)], root=repo)
    assert st.is_repealed(law.new.get("art_3__al_3"))
