"""``lawpatch parse-bill``: the text of an amending law read back into a patch file. Every kind of
instruction ``lawpatch bill`` writes is read back: parse-bill(bill(P)) applied gives the law P
applied — for each kind on the sample law, and for random bills on real laws (hypothesis). The real
openings of KR amending laws in the corpus: which instructions are read."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from lawpatch import structure as st
from lawpatch.billread import parse_bill
from lawpatch.billtext import bill_text
from lawpatch.cli import main
from lawpatch.law import Law
from lawpatch.patch import apply_bill, load_bill
from lawpatch.patch.model import (
    Bill,
    InForce,
    Kind,
    LawAmendment,
    Op,
    Part,
    Position,
    Scope,
    Target,
    Texts,
)
from lawpatch.patch.write import bill_element
from lawpatch.textrender import law_text
from lawpatch.xmlio import to_bytes

from .conftest import LAWS, snapshot
from .test_bill_read_in_order import (
    SLUGS,
    _random_ops,
    _repo,
    empties_a_unit_is_no_example,
)


def round_trip(root: Path, slug: str, ops, in_force: InForce = InForce()) -> tuple[str, str, Bill]:
    """(the law as bill P makes it, the law as the bill read from P's text makes it, the bill read)."""
    href = f"laws/{slug}"
    base = f"rus@{Law.load(root / href / 'rus.xml').expression_date}"
    path = root / "p.xml"
    bill = Bill(id="p", date="2026-11-20", titles=Texts.of(rus="О внесении изменений в Закон"), path=str(path),
                laws=(LawAmendment(href, base, tuple(ops), 0),), in_force=in_force)
    path.write_bytes(to_bytes(bill_element(bill)))
    bill = load_bill(path)
    (a,) = apply_bill(bill, root)
    text = root / "p.txt"
    text.write_text(bill_text(bill, "rus", root), encoding="utf-8")
    read = parse_bill(text, root / "read.xml", root=root)
    assert not read.refused, "\n".join(map(str, read.findings)) + "\n" + text.read_text(encoding="utf-8")
    (b,) = apply_bill(load_bill(root / "read.xml"), root)
    return law_text(a.new, editorial=False), law_text(b.new, editorial=False), read.bill


def op(kind, units=(), **fields):
    fields.setdefault("lang", "rus")
    target = fields.pop("target", None) or Target(units=tuple(units))
    for name in ("old", "new", "anchor", "text", "heading"):
        if isinstance(fields.get(name), str):
            fields[name] = Texts.of(rus=fields[name])
    return Op(kind=kind, target=target, **fields)


EVERY_KIND = {
    "replace-words": [op(Kind.REPLACE_WORDS, ["art_2__indent_2"], old="защиты", new="охраны")],
    "replace-words-occurrence": [op(Kind.REPLACE_WORDS, ["art_3__para_2__point_1"], old="со", new="с",
                                    occurrence=1)],
    "insert-words": [op(Kind.INSERT_WORDS, ["art_2__indent_1"], anchor="процессов", new="внутренней и",
                        position=Position.AFTER)],
    "insert-words-before": [op(Kind.INSERT_WORDS, ["art_3__para_1"], anchor="правами", new="всеми",
                               position=Position.BEFORE)],
    "delete-words": [op(Kind.DELETE_WORDS, ["art_1__al_3"], old="или выезжающее из нее")],
    "whole-act": [op(Kind.REPLACE_WORDS, target=Target(scope=Scope.ACT), old="мигрантов", new="переселенцев")],
    "title": [op(Kind.REPLACE_WORDS, target=Target(scope=Scope.TITLE), old="миграции", new="миграции населения")],
    "list": [op(Kind.REPLACE_WORDS, target=Target(units=("art_2__indent_1", "art_2__indent_3")),
                old="миграции", new="миграции населения")],
    "range": [op(Kind.DELETE_WORDS, target=Target(units=("art_1__al_2",), through="art_1__al_4"),
                 old="Кыргызской Республики")],
    "heading-words": [op(Kind.DELETE_WORDS, target=Target(units=("art_3",), part=Part.HEADING), old="мигрантов")],
    "sentence": [op(Kind.RESTATE, target=Target(units=("art_5",), part=Part.SENTENCE, sentence=1),
                    text="Настоящий Закон вступает в силу через десять дней.")],
    "case-forms": [op(Kind.REPLACE_WORDS, target=Target(scope=Scope.ACT), old="мигрант", new="переселенец",
                      case_forms=True)],
    "restate": [op(Kind.RESTATE, ["art_3__para_3"], text="3. Ограничения прав устанавливаются только законом.")],
    "restate-heading": [op(Kind.RESTATE_HEADING, ["art_2"], heading="Задачи Закона")],
    "insert-number": [op(Kind.INSERT, ["art_3__para_1"], position=Position.AFTER,
                         text="1-1. Мигранты равны перед законом.")],
    "insert-end": [op(Kind.INSERT, ["art_3"], position=Position.END, text="4. Новая часть.")],
    "insert-abzats-middle": [op(Kind.INSERT, ["art_2__indent_1"], position=Position.AFTER,
                                text="- обеспечение занятости;")],
    "insert-abzats-before-point": [op(Kind.INSERT, ["art_3__para_2__point_1"], position=Position.BEFORE,
                                      text="в том числе:")],
    "insert-article": [op(Kind.INSERT, ["art_3"], position=Position.AFTER,
                          text="Статья 3-1. Обязанности мигрантов\nМигранты соблюдают законы.")],
    "delete": [op(Kind.DELETE, ["art_2__indent_2"])],
    "repeal": [op(Kind.REPEAL, ["art_3__para_3"])],
    "renumber": [op(Kind.RENUMBER, ["art_3__para_3"], to="4")],
    "renumber-run": [op(Kind.DELETE, ["art_3__para_2"]), op(Kind.RENUMBER, ["art_3__para_3"], to="2")],
    "made-numbered": [op(Kind.RENUMBER, ["art_1__al_2"], to="1"), op(Kind.RENUMBER, ["art_1__al_3"], to="2"),
                      op(Kind.RENUMBER, ["art_1__al_4"], to="3")],
    "final-mark": [op(Kind.REPLACE_WORDS, ["art_2__indent_3"], old="миграции.", new="миграции;"),
                   op(Kind.INSERT, ["art_2__indent_3"], position=Position.AFTER,
                      text="- содействие возвращению мигрантов.")],
    "final-mark-article": [op(Kind.REPLACE_WORDS, ["art_5"], old="опубликования.", new="опубликования;")],
    "grouped": [op(Kind.REPLACE_WORDS, ["art_3__para_2__point_1"], old="государства", new="Кыргызской Республики"),
                op(Kind.DELETE_WORDS, ["art_3__para_2__point_2__point_б"], old="через"),
                op(Kind.INSERT, ["art_3__para_2__point_2__point_б"], position=Position.AFTER, text="в) иначе.")],
}


@pytest.mark.parametrize("name", sorted(EVERY_KIND))
def test_every_kind_is_read_back(tmp_path, name):
    root = _repo(tmp_path, "sample-law")
    made, read, _ = round_trip(root, "sample-law", EVERY_KIND[name])
    assert made == read


@pytest.mark.parametrize("slug", SLUGS)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=hs.data())
def test_random_bills_are_read_back(tmp_path_factory, slug, data):
    """The random bills of the read-in-order property (every kind, on three real laws)."""
    root = _repo(tmp_path_factory.mktemp("read"), slug)
    ops = _random_ops(Law.load(root / "laws" / slug / "rus.xml"), data)
    if ops:
        with empties_a_unit_is_no_example():
            made, read, _ = round_trip(root, slug, ops)
        assert made == read


@pytest.mark.parametrize("force", [InForce(days=0), InForce(days=10), InForce(days=None, date="2027-01-01")])
def test_entry_into_force_is_read_back(tmp_path, force):
    root = _repo(tmp_path, "sample-law")
    _, _, bill = round_trip(root, "sample-law", EVERY_KIND["delete"], force)
    assert bill.in_force == force


def bill_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "bill.txt"
    path.write_text("ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ\n\nО внесении изменений в Закон Кыргызской Республики «О внешней "
                    "миграции»\n\nСтатья 1.\nВнести в Закон Кыргызской Республики «О внешней миграции» следующие "
                    "изменения:\n" + body + "\nСтатья 2.\nНастоящий Закон вступает в силу со дня официального "
                    "опубликования.\n", encoding="utf-8")
    return path


def test_a_real_style_bill_with_straight_quotes_and_groups(tmp_path):
    root = _repo(tmp_path, "sample-law")
    path = bill_file(tmp_path, 'в статье 3:\nа) в части 2:\n- в пункте 1 слово "государства" заменить словом '
                     '"общества";\n- подпункт "б" пункта 2 исключить;\nб) часть 3 изложить в следующей редакции:\n'
                     '"3. Ограничения устанавливаются законом.".')
    read = parse_bill(path, tmp_path / "read.xml", root=root)
    assert not read.refused, read.findings
    ops = read.bill.laws[0].ops
    assert [(o.kind, o.target.units) for o in ops] == [
        (Kind.REPLACE_WORDS, ("art_3__para_2__point_1",)), (Kind.DELETE, ("art_3__para_2__point_2__point_б",)),
        (Kind.RESTATE, ("art_3__para_3",))]
    assert ops[2].text["rus"] == "3. Ограничения устанавливаются законом."
    assert read.bill.in_force == InForce(days=0)
    assert all(o.expect for o in ops)


def test_unknown_wording_names_the_line_and_the_words(tmp_path, monkeypatch, capsys):
    root = _repo(tmp_path, "sample-law")
    path = bill_file(tmp_path, "1) в статье 3 слова «мигрантов» перенести в конец;\n2) статью 5 исключить.")
    err = refused(root, path, monkeypatch, capsys)
    assert f"{path}:7: error: cannot read «в статье 3 слова «мигрантов» перенести в конец»" in err


def refused(root, path, monkeypatch, capsys) -> str:
    """parse-bill run as a drafter types it, refused: exit 1, nothing written; its stderr."""
    monkeypatch.chdir(root)
    before = snapshot(root)
    with pytest.raises(SystemExit) as exc:
        main(["parse-bill", str(path), "-o", "read.xml"])
    assert exc.value.code == 1
    assert snapshot(root) == before
    return capsys.readouterr().err


def test_a_citation_that_names_nothing_is_an_error(tmp_path):
    root = _repo(tmp_path, "sample-law")
    read = parse_bill(bill_file(tmp_path, "1) в статье 9 слово «мигрант» исключить."), tmp_path / "r.xml", root=root)
    assert read.refused and read.findings[0].code == "CHECK.CITE" and read.findings[0].line == 7


def test_an_act_not_in_laws_is_named(tmp_path):
    root = _repo(tmp_path, "sample-law")
    path = tmp_path / "bill.txt"
    path.write_text("Статья 1. Внести в Налоговый кодекс Кыргызской Республики следующие изменения:\n"
                    "1) статью 4 признать утратившей силу.\n", encoding="utf-8")
    read = parse_bill(path, tmp_path / "r.xml", root=root, write=False)
    assert [f.code for f in read.findings if f.severity == "error"] == ["PARSE.UNKNOWN_ACT"]
    assert read.read == [(2, "repeal")]


def test_the_kyrgyz_text_is_refused_clearly(tmp_path, monkeypatch, capsys):
    path = tmp_path / "bill.txt"
    path.write_text("1-берене.\n«Тышкы миграция жөнүндө» Кыргыз Республикасынын Мыйзамына төмөнкүдөй өзгөртүүлөр "
                    "киргизилсин:\n1) 5-беренеси күчүн жоготту деп таанылсын.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(["parse-bill", str(path), "-o", "r.xml"])
    assert exc.value.code == 2
    assert "Kyrgyz" in capsys.readouterr().err and not (tmp_path / "r.xml").exists()


# --- the real openings of KR amending laws (../shared/corpus/amending) --------------------------------

OPENINGS = {   # file → the instructions read (line, kind), and the line of a new text the excerpt cuts short
    "2008-98_vneshnyaya-migraciya.ru.txt": ([], 23),
    "2012-164_nekotorye-akty-uk.ru.txt": ([], 15),
    "2013-160_vneshnyaya-migraciya.ru.txt": ([(13, "insert")], 19),
    "2018-39_nalogovyy-kodeks.ru.txt": ([(17, "insert")], None),
    "2023-97_mestnye-sudy.ru.txt": ([(19, "replace-words"), (21, "replace-words"), (23, "replace-words"),
                                     (25, "replace-words"), (27, "replace-words"), (29, "replace-words"),
                                     (33, "replace-words"), (35, "replace-words"), (37, "replace-words"),
                                     (39, "replace-words")], None),
}


@pytest.mark.parametrize("name", sorted(OPENINGS))
def test_the_real_openings(corpus, name):
    """Each excerpt is read up to where it is cut; a new text cut short is refused at its line."""
    read = parse_bill(corpus / "amending" / name, Path("unused.xml"), root=LAWS.parent, write=False)
    instructions, cut = OPENINGS[name]
    assert read.read == instructions
    assert [f.line for f in read.findings if f.code == "PARSE.QUOTE"] == ([cut] if cut else [])


@pytest.mark.parametrize("opening", ["«3. Ограничения устанавливаются", '"3. Ограничения устанавливаются'])
def test_a_new_text_cut_short_is_refused_not_read_to_the_end(tmp_path, monkeypatch, capsys, opening):
    """A text of an amending law cut off inside a quoted new text (as an excerpt ends) has no end
    to its new text: reading the rest of the file into it would amend the law with whatever follows."""
    root = _repo(tmp_path, "sample-law")
    path = tmp_path / "bill.txt"
    path.write_text("ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ\n\nО внесении изменений в Закон Кыргызской Республики «О внешней "
                    "миграции»\n\nСтатья 1.\nВнести в Закон Кыргызской Республики «О внешней миграции» следующие "
                    "изменения:\n1) статью 5 исключить;\n2) часть 3 статьи 3 изложить в следующей редакции:\n"
                    f"{opening}\nзаконом, и только\n", encoding="utf-8")
    err = refused(root, path, monkeypatch, capsys)
    assert f"{path}:9: error: the new text of «часть 3 статьи 3 изложить в следующей редакции:» opens a quote" in err


def test_the_mark_ending_a_unit_whose_last_word_stands_earlier_too(tmp_path):
    """«точку заменить точкой с запятой» changes the mark at the end, never an earlier one."""
    root = _repo(tmp_path, "sample-law")
    path = root / "laws" / "sample-law" / "rus.xml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Настоящий Закон вступает в силу со дня официального опубликования.",
        "Настоящий Закон вступает в силу со дня опубликования. Порядок определяется днем опубликования."),
        encoding="utf-8")
    read = parse_bill(bill_file(tmp_path, "в статье 5 точку заменить точкой с запятой."),
                      tmp_path / "read.xml", root=root)
    assert not read.refused, read.findings
    (law,) = apply_bill(load_bill(tmp_path / "read.xml"), root)
    assert [st.block_text(p) for p in law.new.get("art_5").iter(st.A + "p") if not st.is_editorial(p)] == [
        "Настоящий Закон вступает в силу со дня опубликования. Порядок определяется днем опубликования;"]
