"""`lawpatch new` and `lawpatch amend`: a whole bill written from the command line."""
from __future__ import annotations

import shutil

import pytest

from lawpatch.cli import main
from lawpatch.patch import apply_bill, load_bill

from .conftest import DATA


@pytest.fixture
def repo(tmp_path, monkeypatch):
    shutil.copytree(DATA / "sample-law", tmp_path / "laws" / "sample-law")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args):
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out = capsys.readouterr()
    return exc.value.code, out.out + out.err


def test_new_then_amend_writes_a_bill_that_applies(repo, capsys):
    assert run(capsys, "new", "b.xml", "--id", "t1", "--title-rus", "О внесении изменений", "--title-kir", "Өзгөртүү",
               "--law", "laws/sample-law", "--date", "2026-11-20")[0] == 0
    assert 'base="rus@2025-07-10"' in (repo / "b.xml").read_text(encoding="utf-8")
    code, out = run(capsys, "amend", "b.xml", "replace-words", "--cite", "абзац третий статьи 2", "--old", "защиты прав",
                    "--new", "защиты всех прав", "--kir", "old=укуктарын коргоону",
                    "--kir", "new=бардык укуктарын коргоону", "--reason", "icrmw-1990:7")
    assert code == 0, out
    code, out = run(capsys, "amend", "b.xml", "repeal", "--at", "art_2__indent_3", "--reason", "icrmw-1990:7")
    assert code == 0, out
    code, out = run(capsys, "amend", "b.xml", "insert", "--after", "art_3__para_1", "--text", "1-1. Новая часть.",
                    "--kir", "text=1-1. Жаңы бөлүк.")
    assert code == 0, out
    bill = load_bill(repo / "b.xml")
    assert [op.kind.value for op in bill.laws[0].ops] == ["replace-words", "repeal", "insert"]
    assert bill.laws[0].ops[0].at == "art_2__indent_2"
    assert len(apply_bill(bill, root=repo)) == 2


def test_refused_op_leaves_the_file_as_it_was(repo, capsys):
    run(capsys, "new", "b.xml", "--id", "t1", "--title-rus", "О внесении изменений", "--law", "laws/sample-law")
    before = (repo / "b.xml").read_bytes()
    code, out = run(capsys, "amend", "b.xml", "delete-words", "--at", "art_5", "--old", "нет таких слов",
                    "--kir", "old=жок")
    assert code == 1 and "b.xml:" in out and "not found" in out
    assert (repo / "b.xml").read_bytes() == before
    assert not list(repo.glob(".b.xml*"))


def test_new_refuses_to_overwrite_and_unknown_laws(repo, capsys):
    (repo / "b.xml").write_text("x", encoding="utf-8")
    assert run(capsys, "new", "b.xml", "--id", "t", "--title-rus", "О", "--law", "laws/sample-law")[0] == 2
    assert run(capsys, "new", "c.xml", "--id", "t", "--title-rus", "О", "--law", "laws/nope")[0] == 2
    assert not (repo / "c.xml").exists()


def test_amend_reads_a_kyrgyz_citation(repo, capsys):
    """`amend --cite` in the form Kyrgyz drafters write (lists and ranges: tests/test_citations.py)."""
    run(capsys, "new", "b.xml", "--id", "t1", "--title-rus", "О внесении изменений", "--title-kir", "Өзгөртүү",
        "--law", "laws/sample-law", "--date", "2026-11-20")
    code, out = run(capsys, "amend", "b.xml", "restate", "--cite", "3-беренесинин 3-бөлүгү",
                    "--text", "3. Ограничения прав мигрантов устанавливаются только законом.",
                    "--kir", "text=3. Мигранттардын укуктарын чектөө мыйзам менен гана белгиленет.")
    assert code == 0, out
    bill = load_bill(repo / "b.xml")
    assert bill.laws[0].ops[0].at == "art_3__para_3" and bill.laws[0].ops[0].cite == "3-беренесинин 3-бөлүгү"


def test_case_forms_in_both_languages_from_the_command_line(repo, capsys):
    """Russian forms are generated; the Kyrgyz ones are given form by form (--kir-form OLD=NEW), and
    each is replaced where the Kyrgyz text has it."""
    run(capsys, "new", "b.xml", "--id", "t1", "--title-rus", "О внесении изменений", "--title-kir", "Өзгөртүү",
        "--law", "laws/sample-law", "--date", "2026-11-20")
    code, out = run(capsys, "amend", "b.xml", "replace-words", "--whole-act", "--case-forms", "--old", "мигрант",
                    "--new", "переселенец", "--kir", "old=мигранттардын", "--kir", "new=көчмөндөрдүн",
                    "--kir-form", "мигранты=көчмөнү")
    assert code == 0, out
    (op,) = load_bill(repo / "b.xml").laws[0].ops
    assert op.forms == (("kir", "мигранты", "көчмөнү"),)
    laws = {a.new.lang: a.new for a in apply_bill(load_bill(repo / "b.xml"), root=repo)}
    kir = " ".join(p.xpath("string()") for p in laws["kir"].body.iter("{*}p"))
    assert "мигрант" not in kir and "Эмгек көчмөнү" in kir and "көчмөндөрдүн укуктарын" in kir
    assert run(capsys, "amend", "b.xml", "replace-words", "--whole-act", "--case-forms", "--old", "суд", "--new",
               "нотариус", "--kir-form", "сот")[0] == 2
