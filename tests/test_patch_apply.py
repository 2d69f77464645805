"""Good patches on the sample law: every op kind in RU and KY, the new expression, writing."""
from __future__ import annotations

import shutil

import pytest
from lxml import etree

from lawpatch import storage
from lawpatch import structure as st
from lawpatch.cli import main
from lawpatch.law import Law
from lawpatch.patch import apply_bill, check_bill, load_bill, write_applied
from lawpatch.patch.model import Kind, Position

from . import billfiles
from .conftest import DATA, snapshot

EVERY = DATA / "patches" / "good" / "every-op.xml"


@pytest.fixture
def repo(tmp_path):
    shutil.copytree(DATA / "sample-law", tmp_path / "laws" / "sample-law")
    return tmp_path


@pytest.fixture
def applied(repo):
    return {a.path.stem: a for a in apply_bill(load_bill(EVERY), root=repo)}


def write_bill(path, bill_id: str, ops: str) -> None:
    """A one-law bill for the sample law around ``ops`` (patch XML)."""
    billfiles.write_bill(path, ops, bill_id=bill_id)


def text(law: Law, eid: str) -> str:
    """The unit's own normative text (the database's notes under it left out)."""
    return "\n".join(st.block_text(p) for p in st.own_paragraphs(law.get(eid)))


def notes(law: Law, eid: str) -> list[str]:
    return [st.block_text(p) for p in st.own_paragraphs(law.get(eid), editorial=True) if st.is_editorial(p)]


def test_model_of_the_bill():
    bill = load_bill(EVERY)
    assert (bill.id, bill.date, bill.number) == ("every-op", "2026-11-20", "150")
    assert set(bill.titles) == {"rus", "kir"}
    ops = bill.laws[0].ops
    assert {op.kind for op in ops} == set(Kind)
    assert ops[0].cite == "абзац третий статьи 2" and ops[0].reasons[0].treaty == "icrmw-1990"
    assert ops[1].occurrence == 1 and ops[1].lang == "rus"
    assert ops[6].position is Position.AFTER and ops[6].at == "art_3__para_1"
    assert len({*ops}) == len(ops)      # ops are values: hashable, equal only when the same
    assert ops[4].note == "Формулировка пункта 3 статьи 12 Пакта."


def test_check_is_clean(repo):
    assert check_bill(load_bill(EVERY), root=repo) == []


def test_word_ops_ru_and_ky(applied):
    ru, ky = applied["rus"].new, applied["kir"].new
    assert text(ru, "art_2__indent_2") == "обеспечение защиты всех прав мигрантов;"
    assert text(ky, "art_2__indent_2") == "мигранттардын бардык укуктарын коргоону камсыз кылуу;"
    assert text(ru, "art_1__al_2").startswith("Выдворение - принудительное перемещение иностранных подданных и лиц")
    assert "подданных" not in text(ky, "art_1__al_2")  # the op was limited to rus
    assert "пользуются правами и свободами, установленными" in text(ru, "art_3__para_1")
    assert "укуктарды жана эркиндиктерди пайдаланышат" in text(ky, "art_3__para_1")
    assert text(ru, "art_3__para_2__point_3") == "информации."
    assert text(ky, "art_3__para_2__point_3") == "алууга."


def test_unit_ops(applied):
    ru, ky = applied["rus"].new, applied["kir"].new
    assert text(ru, "art_3__para_3") == "Права мигрантов могут быть ограничены только законом."
    assert st.heading_text(ky.get("art_1")) == "Ушул Мыйзамда колдонулуучу негизги түшүнүктөр"
    assert text(ru, "art_3__para_1-1") == "Мигранты равны перед судами."
    assert st.num_text(ru.get("art_3__para_1-1")) == "1-1."
    assert text(ru, "art_2__indent_4") == "содействие воссоединению семей мигрантов."
    assert "art_3__para_2__point_2__point_б" not in ru
    assert ru.get("art_2__indent_3").get("status") == "removed"
    assert notes(ru, "art_2__indent_3") == ["(Утратил силу в соответствии с Законом КР от 20 ноября 2026 года № 150)"]
    assert notes(ky, "art_2__indent_3") == ["(КР 2026-жылдын 20-ноябрындагы № 150 Мыйзамына ылайык күчүн жоготту)"]
    assert st.num_text(ru.get("art_4-1")) == "Статья 4-1." and "art_5" not in ru
    assert ru.long_title == "Закон Кыргызской Республики «О внешней миграции и защите прав мигрантов»"


def test_untouched_units_are_byte_identical(applied):
    old, new = applied["rus"].old, applied["rus"].new
    for eid in ("art_1__al_1", "art_1__al_3", "art_3__para_2__point_1", "art_4"):
        assert etree.tostring(old.get(eid)) == etree.tostring(new.get(eid))


def test_new_expression_and_passive_modifications(applied):
    a = applied["rus"]
    assert a.new.expression_date == "2026-11-20"
    assert a.new.expression_uri == "/akn/kg/act/2000-07-17/61/rus@2026-11-20"
    assert a.old.expression_date == "2025-07-10"
    mods = a.new.meta.findall(f".//{st.A}textualMod")
    assert len(mods) == 12
    dests = {m.find(st.A + "destination").get("href") for m in mods}
    assert {"#art_3__para_1-1", "#art_2__indent_3", "#art_4-1"} <= dests
    assert a.new.meta.find(f".//{st.A}passiveRef[@eId='bill-every-op']").get("href") == "/akn/kg/act/2026-11-20/150"
    assert [r.article for r in a.reasons["art_3__para_1-1"]] == ["18"]


def test_results_validate(applied):
    from lawpatch.validate import validate_law

    for a in applied.values():
        assert not [f for f in validate_law(a.new) if f.severity == "error"]


def test_apply_writes_then_refuses_a_second_time(repo, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["apply", "--root", str(repo), str(EVERY)])
    assert exc.value.code == 0
    assert "rus.xml: 2025-07-10 -> 2026-11-20, 12 op(s)" in capsys.readouterr().err
    assert Law.load(repo / "laws" / "sample-law" / "rus.xml").expression_date == "2026-11-20"
    findings = check_bill(load_bill(EVERY), root=repo)
    assert {f.code for f in findings} == {"CHECK.ALREADY_APPLIED"}


def test_dry_run_writes_nothing(repo, capsys):
    before = snapshot(repo)
    with pytest.raises(SystemExit) as exc:
        main(["apply", "--dry-run", "--root", str(repo), str(EVERY)])
    assert exc.value.code == 0 and snapshot(repo) == before


def test_a_stale_base_needs_the_text_each_op_expects(repo, tmp_path):
    """On a newer expression than the bill's base, an op that does not say what text it expects
    could land on whatever moved into its place: it is refused."""
    stale = tmp_path / "stale.xml"
    stale.write_text(EVERY.read_text(encoding="utf-8").replace("rus@2025-07-10", "rus@2024-01-01"), encoding="utf-8")
    findings = check_bill(load_bill(stale), root=repo)
    assert {(f.code, f.severity) for f in findings} == {("CHECK.STALE_BASE", "error")}
    assert all("does not record the text it expects" in f.message for f in findings)


def test_write_applied_is_all_or_nothing(repo, monkeypatch):
    applied = apply_bill(load_bill(EVERY), root=repo)
    before = snapshot(repo)
    calls = []

    def failing(fd, data):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return original(fd, data)
    original = storage._write_all
    monkeypatch.setattr(storage, "_write_all", failing)
    with pytest.raises(storage.StorageError, match="disk full"):
        write_applied(applied)
    assert len(calls) == 2 and snapshot(repo) == before


def test_two_inserts_after_one_unit_keep_the_bill_order(repo, tmp_path):
    bill = tmp_path / "two.xml"
    write_bill(bill, "two", """
    <insert after="art_2__indent_1" lang="rus"><text lang="rus">- первое;</text></insert>
    <insert after="art_2__indent_1" lang="rus"><text lang="rus">- второе;</text></insert>
""")
    (a,) = apply_bill(load_bill(bill), root=repo)
    assert [text(a.new, f"art_2__indent_{i}") for i in (2, 3)] == ["первое;", "второе;"]



def test_words_of_a_part_are_found_in_its_points(repo, tmp_path):
    """«в части 2 статьи 3 слова «…» заменить» reaches the part's points, as KR bills mean it."""
    bill = tmp_path / "part.xml"
    write_bill(bill, "part", """
    <replace-words at="art_3__para_2" lang="rus"><old lang="rus">на получение информации</old>
      <new lang="rus">на получение информации на понятном ему языке</new></replace-words>
""")
    (a,) = [x for x in apply_bill(load_bill(bill), root=repo) if x.new.lang == "rus"]
    assert text(a.new, "art_3__para_2__point_3") == "на получение информации на понятном ему языке."

def test_structure_ops_give_the_expected_text(repo):
    from lawpatch.textrender import law_text
    from lawpatch.validate import validate_law

    (a,) = apply_bill(load_bill(DATA / "patches" / "good" / "structure.xml"), root=repo)
    text = law_text(a.new, editorial=False)
    assert "Статья 1. Понятия\nДля целей настоящего Закона:\n- мигрант - лицо.\n" in text
    assert "- новое регулирование;\n- обеспечение защиты прав всех мигрантов;\n" in text
    assert "б) через представителя.\nв) иным способом.\n3) на получение информации." in text
    assert "3. Ограничения прав мигрантов устанавливаются законом.\n4. Новая часть в конце.\n" in text
    assert "Статья 5. Вступление в силу\nНастоящий Закон вступает в силу через десять дней.\n" in text
    assert text.rstrip().endswith("Статья 5-1. Переходные положения\n1. Первая часть.\n2. Вторая часть:\n1) пункт;\n2) пункт.")
    assert {"art_5-1__para_2__point_2", "art_3__para_4", "art_3__para_2__point_2__point_в"} <= set(a.new.index)
    assert not [f for f in validate_law(a.new) if f.severity == "error"]


def test_a_bill_whose_text_is_already_in_the_law_is_refused_as_applied(repo, tmp_path):
    bill = tmp_path / "words.xml"
    write_bill(bill, "words", """
    <replace-words at="art_2__indent_2" lang="rus"><old lang="rus">защиты прав</old><new lang="rus">защиты всех прав</new></replace-words>
    <repeal at="art_2__indent_3" lang="rus"/>
""")
    write_applied(apply_bill(load_bill(bill), root=repo))
    # the same text again under another id: the metadata does not know it, the text does
    again = tmp_path / "again.xml"
    again.write_text(bill.read_text(encoding="utf-8").replace('id="words"', 'id="again"'), encoding="utf-8")
    findings = check_bill(load_bill(again), root=repo)
    assert [(f.code, f.line) for f in findings] == [("CHECK.ALREADY_APPLIED", 4)]


def test_several_bills_apply_in_order_or_not_at_all(repo, tmp_path, capsys):
    first = tmp_path / "first.xml"
    write_bill(first, "first", """
    <replace-words at="art_2__indent_2" lang="rus"><old lang="rus">защиты прав</old><new lang="rus">защиты всех прав</new></replace-words>
""")
    second = tmp_path / "second.xml"
    second.write_text(first.read_text(encoding="utf-8").replace('id="first"', 'id="second"')
                      .replace("rus@2025-07-10", "rus@2026-11-20").replace("защиты всех прав</new>", "охраны всех прав</new>")
                      .replace('<old lang="rus">защиты прав', '<old lang="rus">защиты всех прав'), encoding="utf-8")
    bad = tmp_path / "bad.xml"
    bad.write_text(first.read_text(encoding="utf-8").replace('id="first"', 'id="bad"').replace("защиты прав</old>", "нет таких</old>"),
                   encoding="utf-8")
    before = snapshot(repo)
    with pytest.raises(SystemExit) as exc:
        main(["apply", "--root", str(repo), str(first), str(bad)])
    assert exc.value.code == 1 and snapshot(repo) == before
    with pytest.raises(SystemExit) as exc:
        main(["apply", "--root", str(repo), str(first), str(second)])
    assert exc.value.code == 0, capsys.readouterr()
    ru = Law.load(repo / "laws" / "sample-law" / "rus.xml")
    assert text(ru, "art_2__indent_2") == "обеспечение охраны всех прав мигрантов;"
    assert ru.meta.find(f".//{st.A}passiveRef[@eId='bill-first']") is not None
    assert ru.meta.find(f".//{st.A}passiveRef[@eId='bill-second']") is not None


def test_renumbering_a_run_of_units_together(repo, tmp_path):
    bill = tmp_path / "shift.xml"
    write_bill(bill, "shift", """
    <renumber at="art_3__para_2" to="3"/>
    <renumber at="art_3__para_3" to="4"/>
    <insert after="art_3__para_1"><text lang="rus">2. Новая часть.</text><text lang="kir">2. Жаңы бөлүк.</text></insert>
""")
    applied = apply_bill(load_bill(bill), root=repo)
    ru = [a for a in applied if a.path.stem == "rus"][0].new
    assert [st.num_text(ru.get(f"art_3__para_{n}")) for n in (1, 2, 3, 4)] == ["1.", "2.", "3.", "4."]
    assert text(ru, "art_3__para_2") == "Новая часть."
    assert text(ru, "art_3__para_4") == "Ограничения прав мигрантов устанавливаются законом."


def test_insert_after_a_unit_the_bill_adds(repo, tmp_path):
    ops = ['<insert after="art_5" lang="rus"><text lang="rus">Статья 5-1. Первая новая&#10;Текст.</text></insert>',
           '<insert after="art_5-1" lang="rus"><text lang="rus">Статья 5-2. Вторая новая&#10;Текст.</text></insert>',
           '<insert at="art_5-1" lang="rus"><text lang="rus">Еще абзац.</text></insert>',
           '<insert after="art_5-7" lang="rus"><text lang="rus">Статья 5-8. Нет&#10;Текст.</text></insert>']

    def bill(ops):
        path = tmp_path / "chain.xml"
        write_bill(path, "chain", "\n".join(ops))
        return load_bill(path)

    findings = check_bill(bill(ops), root=repo)
    assert [(f.code, f.line) for f in findings] == [("CHECK.TARGET_MISSING", 8)]
    (a,) = apply_bill(bill(ops[:3]), root=repo)
    assert [st.heading_text(a.new.get(e)) for e in ("art_5-1", "art_5-2")] == ["Первая новая", "Вторая новая"]
    assert text(a.new, "art_5-1__al_2") == "Еще абзац."


def test_ops_run_on_a_law_in_memory(sample_dir):
    """apply_ops: one instruction at a time on the text the earlier ones left (parse-bill reads a
    bill so); eIds follow, nothing is recorded in the metadata."""
    from lawpatch.patch.apply import apply_ops
    from lawpatch.patch.model import Bill, Kind, Op, Position, Target, Texts

    law = Law.load(sample_dir / "rus.xml")
    bill = Bill(id="step", date="2026-01-01", titles=Texts.of(rus="О внесении изменений"), path="<bill>", laws=())
    meta = etree.tostring(law.meta)
    insert = Op(Kind.INSERT, Target(("art_2__indent_1",)), position=Position.AFTER,
                text=Texts.of(rus="- новая задача;"))
    assert apply_ops(law, [insert], bill) == []
    assert " ".join(st.unit_lines(law.get("art_2__indent_2"))).endswith("новая задача;")
    # the old second dash item is now the third: the next instruction cites it so
    words = Op(Kind.REPLACE_WORDS, Target(("art_2__indent_3",)), old=Texts.of(rus="защиты"),
               new=Texts.of(rus="охраны"))
    assert apply_ops(law, [words], bill) == []
    assert "охраны прав мигрантов" in " ".join(st.unit_lines(law.get("art_2__indent_3")))
    assert etree.tostring(law.meta) == meta
    refused = apply_ops(law, [Op(Kind.DELETE, Target(("art_9",)))], bill)
    assert [f.code for f in refused] == ["CHECK.TARGET_MISSING"]
