"""``lawpatch derive`` on the sample law: the edited plain text («lawpatch text», edited) or another
AKN text becomes the bill a drafter writes — word ops where a few words changed, restatements where
most did, inserts, exclusions, repeals, renumbering, headings, «по всему тексту» — and the bill
makes exactly the edited text; bad inputs are refused with nothing written."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawpatch import structure as st
from lawpatch.cli import main
from lawpatch.derive import derive
from lawpatch.law import Law
from lawpatch.patch import apply_bill, load_bill
from lawpatch.patch.model import Kind, Part, Position, Scope
from lawpatch.textrender import law_text

from .conftest import DATA, LAWS, snapshot


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository with the sample law (Russian only) and the treaty registry."""
    root = tmp_path / "repo"
    (root / "laws" / "sample").mkdir(parents=True)
    shutil.copy(DATA / "sample-law" / "rus.xml", root / "laws" / "sample" / "rus.xml")
    shutil.copytree(LAWS.parent / "treaties", root / "treaties")
    (root / "amendments").mkdir()
    return root


def edited(repo: Path, *pairs: tuple[str, str]) -> Path:
    """The law's plain text with each (old, new) replaced once."""
    text = law_text(Law.load(repo / "laws" / "sample" / "rus.xml"))
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = repo / "edited.txt"
    path.write_text(text, encoding="utf-8")
    return path


def run(repo: Path, path: Path, **kw):
    result = derive("laws/sample", path, repo / "amendments" / "bill.xml", root=repo, **kw)
    assert not result.refused, "\n".join(map(str, result.findings))
    return result, [op for la in result.bill.laws for op in la.ops]


def applied(repo: Path) -> Law:
    (a,) = apply_bill(load_bill(repo / "amendments" / "bill.xml"), repo)
    return a.new


def test_a_few_words_changed_are_a_word_op_with_its_anchor(repo):
    path = edited(repo, ("обеспечение защиты прав мигрантов", "обеспечение защиты всех прав мигрантов"))
    result, (op,) = run(repo, path)
    assert op.kind is Kind.INSERT_WORDS and op.target.units == ("art_2__indent_2",)
    assert (op.anchor["rus"], op.new["rus"], op.position) == ("защиты", "всех", Position.AFTER)
    assert op.expect["rus"] == "- обеспечение защиты прав мигрантов;"
    assert "всех прав мигрантов" in " ".join(st.unit_lines(applied(repo).get("art_2__indent_2")))


def test_the_title_says_one_change_or_several(repo):
    one, _ = run(repo, edited(repo, ("обеспечение защиты прав мигрантов", "обеспечение защиты всех прав мигрантов")))
    assert one.bill.titles["rus"] == "О внесении изменения в Закон Кыргызской Республики «О внешней миграции»"
    two, _ = run(repo, edited(repo, ("обеспечение защиты прав мигрантов", "обеспечение защиты всех прав мигрантов"),
                              ("Ограничения прав мигрантов", "Ограничения всех прав мигрантов")), force=True)
    assert two.bill.titles["rus"] == "О внесении изменений в Закон Кыргызской Республики «О внешней миграции»"


def test_replaced_and_deleted_words_quote_the_fewest_unique_words(repo):
    path = edited(repo, ("Мигрант - лицо, въезжающее в Кыргызскую Республику или выезжающее из нее.",
                         "Мигрант - лицо, прибывающее в Кыргызскую Республику."))
    _, ops = run(repo, path)
    assert [(op.kind, op.old.get("rus"), op.new.get("rus")) for op in ops] == [
        (Kind.REPLACE_WORDS, "въезжающее", "прибывающее"), (Kind.DELETE_WORDS, "или выезжающее из нее", None)]
    assert st.own_text(applied(repo).get("art_1__al_3")) == "Мигрант - лицо, прибывающее в Кыргызскую Республику."


def test_most_words_changed_restate_the_unit(repo):
    path = edited(repo, ("3. Ограничения прав мигрантов устанавливаются законом.",
                         "3. Любые ограничения допускаются только конституционным законом."))
    _, (op,) = run(repo, path)
    assert op.kind is Kind.RESTATE and op.target.units == ("art_3__para_3",)
    assert op.text["rus"] == "3. Любые ограничения допускаются только конституционным законом."


def test_new_units_are_inserted_after_the_unit_they_follow(repo):
    path = edited(repo, ("3) на получение информации.", "3) на получение информации;\n4) на переводчика."),
                  ("- предупреждение незаконной миграции.", "- предупреждение незаконной миграции;\n- интеграция мигрантов."))
    _, ops = run(repo, path)
    inserts = [op for op in ops if op.kind is Kind.INSERT]
    assert [(op.target.unit, op.position, op.text["rus"]) for op in inserts] == [
        ("art_2__indent_3", Position.AFTER, "- интеграция мигрантов."),
        ("art_3__para_2__point_3", Position.AFTER, "4) на переводчика.")]
    law = applied(repo)
    assert st.num_text(law.get("art_3__para_2__point_4")) == "4)"


def test_excluded_repealed_renumbered_and_headings(repo):
    path = edited(repo, ("- обеспечение защиты прав мигрантов;\n", ""),
                  ("Статья 5. Вступление в силу", "Статья 5. Порядок вступления в силу"),
                  ("3. Ограничения прав мигрантов устанавливаются законом.", "2-1. Ограничения прав мигрантов устанавливаются законом."))
    _, ops = run(repo, path)
    kinds = {(op.kind, op.target.unit, op.target.part) for op in ops}
    assert (Kind.DELETE, "art_2__indent_2", Part.TEXT) in kinds
    assert (Kind.RENUMBER, "art_3__para_3", Part.TEXT) in kinds
    (heading,) = [op for op in ops if op.target.part is Part.HEADING]
    assert (heading.kind, heading.old["rus"], heading.new["rus"]) == (Kind.REPLACE_WORDS, "Вступление",
                                                                       "Порядок вступления")
    assert next(op for op in ops if op.kind is Kind.RENUMBER).to == "2-1"


def test_a_unit_that_reads_repealed_is_repealed(repo, tmp_path):
    new = Law.load(repo / "laws" / "sample" / "rus.xml")
    from lawpatch.patch import ops as o

    o.repeal(new.get("art_5"), "(Утратила силу)")
    path = tmp_path / "new.xml"
    new.save(path)
    _, ops = run(repo, path)
    assert [(op.kind, op.target.unit) for op in ops] == [(Kind.REPEAL, "art_5")]


def test_the_same_replacement_everywhere_is_one_op_on_the_whole_act(repo):
    law = law_text(Law.load(repo / "laws" / "sample" / "rus.xml"))
    count = law.count(" мигрантов")
    assert count >= 2
    path = repo / "edited.txt"
    path.write_text(law.replace(" мигрантов", " переселенцев"), encoding="utf-8")
    _, ops = run(repo, path)
    assert [(op.kind, op.target.scope, op.old["rus"], op.new["rus"]) for op in ops] == [
        (Kind.REPLACE_WORDS, Scope.ACT, "мигрантов", "переселенцев")]
    text = law_text(applied(repo), editorial=False)
    assert " мигрантов" not in text and text.count(" переселенцев") == count


def test_words_added_at_the_end_of_a_point(repo):
    path = edited(repo, ("1) на защиту со стороны государства;", "1) на защиту со стороны государства и со стороны общества;"))
    _, (op,) = run(repo, path)
    assert (op.kind, op.anchor["rus"], op.new["rus"]) == (Kind.INSERT_WORDS, "государства", "и со стороны общества")


def test_reasons_for_all_ops_or_a_warning_naming_them(repo):
    path = edited(repo, ("обеспечение защиты прав", "обеспечение защиты всех прав"))
    result = derive("laws/sample", path, repo / "amendments" / "bill.xml", root=repo, write=False)
    (warning,) = [f for f in result.findings if f.code == "DERIVE.NO_REASON"]
    assert "art_2__indent_2" in warning.message and warning.severity == "warning"
    from lawpatch.patch.model import Reason

    result = derive("laws/sample", path, repo / "amendments" / "bill.xml", root=repo, write=False,
                    reasons=(Reason("icrmw-1990", "4"),))
    assert not [f for f in result.findings if f.code == "DERIVE.NO_REASON"]
    assert all(op.reasons == (Reason("icrmw-1990", "4"),) for op in result.bill.laws[0].ops)


def test_cli_writes_a_bill_that_check_bill_and_table_accept(repo, monkeypatch, capsys):
    path = edited(repo, ("обеспечение защиты прав", "обеспечение защиты всех прав"))
    monkeypatch.chdir(repo)
    with pytest.raises(SystemExit) as exc:
        main(["derive", "laws/sample", str(path), "-o", "amendments/x.xml", "--reason", "icrmw-1990:4",
              "--title-rus", "О внесении изменения в Закон «О внешней миграции»"])
    assert exc.value.code == 0
    assert "1 op(s), 1 of them word ops" in capsys.readouterr().err
    for argv in (["check", "amendments/x.xml"], ["bill", "amendments/x.xml"],
                 ["table", "amendments/x.xml", "-o", "t.docx"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 0, argv
    text = capsys.readouterr().out
    assert "после слова «защиты» дополнить словом «всех»" in text


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    ("Статья 1. Основные понятия".encode("cp1251"), "not UTF-8"),
    (b"\x00\x01binary", "binary"),
])
def test_bad_inputs_are_refused_and_nothing_is_written(repo, monkeypatch, capsys, content, message):
    path = repo / "edited.txt"
    path.write_bytes(content)
    monkeypatch.chdir(repo)
    before = snapshot(repo)
    with pytest.raises(SystemExit) as exc:
        main(["derive", "laws/sample", "edited.txt", "-o", "amendments/x.xml"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert snapshot(repo) == before


def test_another_act_is_refused(repo, monkeypatch, capsys):
    monkeypatch.chdir(repo)
    with pytest.raises(SystemExit) as exc:
        main(["derive", "laws/sample", str(LAWS / "citizenship" / "rus.xml"), "-o", "amendments/x.xml"])
    assert exc.value.code == 2
    assert "another act" in capsys.readouterr().err
    assert not (repo / "amendments" / "x.xml").exists()


def test_an_existing_bill_is_not_replaced_without_force(repo, monkeypatch, capsys):
    path = edited(repo, ("обеспечение защиты прав", "обеспечение защиты всех прав"))
    (repo / "amendments" / "x.xml").write_text("mine", encoding="utf-8")
    monkeypatch.chdir(repo)
    with pytest.raises(SystemExit) as exc:
        main(["derive", "laws/sample", str(path), "-o", "amendments/x.xml"])
    assert exc.value.code == 2 and "--force" in capsys.readouterr().err
    assert (repo / "amendments" / "x.xml").read_text(encoding="utf-8") == "mine"


def test_nothing_changed_writes_nothing(repo):
    path = edited(repo)
    result = derive("laws/sample", path, repo / "amendments" / "bill.xml", root=repo)
    assert [f.code for f in result.findings] == ["DERIVE.NO_CHANGE"]
    assert not (repo / "amendments" / "bill.xml").exists()


def test_the_case_forms_of_one_word_replaced_everywhere(repo):
    """«слово «мигрант» в различных падежных формах заменить словом «переселенец» в соответствующих
    падежах»: the singular forms (the engine's case forms) changed alike in every unit."""
    law = Law.load(repo / "laws" / "sample" / "rus.xml")
    text = law_text(law)
    text = text.replace("Мигрант - лицо", "Переселенец - лицо")      # «Трудящийся-мигрант» is another word
    # a second unit with another case form: the definition of expulsion names «мигранта»
    text = text.replace("принудительное перемещение иностранных граждан", "принудительное перемещение мигранта")
    base = law_text(law).replace("принудительное перемещение иностранных граждан", "принудительное перемещение мигранта")
    (repo / "base.txt").write_text(base, encoding="utf-8")
    derive("laws/sample", repo / "base.txt", repo / "amendments" / "base.xml", root=repo)
    (a,) = apply_bill(load_bill(repo / "amendments" / "base.xml"), repo)
    a.new.save(repo / "laws" / "sample" / "rus.xml")             # the law now names «мигранта» there
    text = text.replace("принудительное перемещение мигранта", "принудительное перемещение переселенца")
    path = repo / "edited.txt"
    path.write_text(text, encoding="utf-8")
    _, ops = run(repo, path)
    assert [(op.kind, op.target.scope, op.old["rus"], op.new["rus"], op.case_forms) for op in ops] == [
        (Kind.REPLACE_WORDS, Scope.ACT, "мигрант", "переселенец", True)]


@pytest.mark.parametrize("path", [LAWS / "labour-code" / "rus.xml", LAWS / "labour-code" / "kir.xml",
                                  LAWS / "tax-code" / "rus.xml"])
def test_the_proofs_signature_reads_what_the_structure_helpers_read(path):
    """verify.signature reads a unit's children in one pass: what num_text, heading_text, own_text,
    is_repealed and unit_children read, for every unit of a law."""
    from lawpatch.derive.verify import signature
    from lawpatch.derive.words import norm

    for el in Law.load(path).units():
        assert signature(el) == (el.tag, norm(st.num_text(el)), norm(st.heading_text(el)), norm(st.own_text(el)),
                                 st.is_repealed(el), tuple(c.get("eId") for c in st.unit_children(el))), el.get("eId")


def test_the_proof_finds_what_the_applied_law_says_otherwise():
    """mismatches: an article's heading, a text inside an article the ops touch, a sub-unit gone —
    each a DERIVE.MISMATCH; the same law twice, none."""
    from lawpatch.derive.verify import mismatches

    path = LAWS / "labour-code" / "rus.xml"
    applied, edited = Law.load(path), Law.load(path)
    assert mismatches(applied, edited, "bill.xml", {"art_2"}) == []
    head = edited.get("art_5").find(st.A + "heading")
    head.text = head.text + " и другое"
    p = edited.get("art_2__al_1").find(f"{st.A}content/{st.A}p")
    p.text = p.text.replace(" ", " новые слова ", 1)
    gone = edited.get("art_6__al_3")
    gone.getparent().remove(gone)
    found = mismatches(applied, edited, "bill.xml", {"art_2"})
    assert {(f.code, f.unit) for f in found} == {("DERIVE.MISMATCH", "art_5"), ("DERIVE.MISMATCH", "art_2__al_1"),
                                                 ("DERIVE.MISMATCH", "art_6")}
