"""The comparison table DOCX: read back with python-docx."""
from __future__ import annotations

import json
import zipfile

import docx
import pytest
from docx.enum.section import WD_ORIENT

from lawpatch.compare.model import Segment
from lawpatch.errors import LawpatchError
from lawpatch.render.labels import TableOptions, load_labels
from lawpatch.render.table import elide, write_table

from .render_helpers import CHANGED, DELETED, INSERTED, REPEALED, W, cell_text, comparison, marked_runs


def _table(tmp_path, comps=None, **opts):
    path = tmp_path / "t.docx"
    write_table(comps or [comparison()], path, TableOptions(**opts))
    return path, docx.Document(str(path))


def test_rows_hold_the_old_and_new_texts(tmp_path):
    _, doc = _table(tmp_path, context_words=None, reasons=False)
    table = doc.tables[0]
    head = [c.text for c in table.rows[0].cells]
    assert head == ["Действующая редакция", "Предлагаемая редакция"]
    rows = [[cell_text(c) for c in r.cells] for r in table.rows[1:]]
    # the article context row spans both columns, then one row per change
    assert rows[0] == ["Статья 5. Права", "Статья 5. Права"]
    assert rows[1] == [CHANGED.old_text, CHANGED.new_text]
    assert rows[2] == ["отсутствует", INSERTED.new_text]
    assert rows[3] == [DELETED.old_text, "исключить"]
    assert rows[4] == [REPEALED.old_text, "утратила силу"]
    assert len(rows) == 5


def test_changed_words_bold_and_struck(tmp_path):
    _, doc = _table(tmp_path, context_words=None, reasons=False)
    row = doc.tables[0].rows[2]
    assert marked_runs(row.cells[0], strike=True) == ["временно"]
    assert marked_runs(row.cells[0], strike=False) == []
    assert marked_runs(row.cells[1], strike=False) == ["постоянно"]
    assert marked_runs(row.cells[1], strike=True) == []


def test_header_repeats_and_page_is_landscape(tmp_path):
    _, doc = _table(tmp_path)
    tr = doc.tables[0].rows[0]._tr
    flag = tr.find(f"{W}trPr/{W}tblHeader")
    assert flag is not None and flag.get(f"{W}val") == "true"
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert abs(section.page_width.cm - 29.7) < 0.05
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml


def test_title_from_bill_and_default(tmp_path):
    class Bill:
        titles = {"rus": "О внесении изменений в некоторые законодательные акты"}
        date = "2025-05-01"

    path = tmp_path / "t.docx"
    write_table([comparison()], path, TableOptions(), bill=Bill())
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert texts[0] == "СРАВНИТЕЛЬНАЯ ТАБЛИЦА"
    assert texts[1] == "к проекту Закона Кыргызской Республики «О внесении изменений в некоторые законодательные акты»"
    _, doc = _table(tmp_path)
    assert doc.paragraphs[1].text == ("к проекту Закона Кыргызской Республики «О внесении изменений в Закон "
                                      "Кыргызской Республики «О внешней миграции»»")


def test_repealed_point_is_masculine(tmp_path):
    from lawpatch.compare.model import UnitChange

    point = UnitChange("repealed", "art_5__para_1__point_2", "art_5__para_1__point_2", "2) текст;", "2)",
                       (), "art_5", "Статья 5. Права", unit_name="пункт")
    part = UnitChange("repealed", "art_5__para_2", "art_5__para_2", "2. текст;", "2.",
                      (), "art_5", "Статья 5. Права", unit_name="часть")
    _, doc = _table(tmp_path, [comparison(changes=(point, part))], reasons=False)
    assert cell_text(doc.tables[0].rows[2].cells[1]) == "утратил силу"
    assert cell_text(doc.tables[0].rows[3].cells[1]) == "утратила силу"


def test_kz_columns_and_reasons(tmp_path):
    _, doc = _table(tmp_path, kz_columns=True, reasons=True, context_words=None)
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["№ п/п", "Структурный элемент", "Действующая редакция",
                                                      "Предлагаемая редакция", "Обоснование"]
    row = [cell_text(c) for c in table.rows[2].cells]
    assert row[0] == "1" and row[1] == "часть 1 статьи 5" and row[4] == "МКЗТМ, ст. 4"


def test_kyrgyz_labels_and_both_languages(tmp_path):
    comps = [comparison(), comparison("kir", "Тышкы миграция жөнүндө")]
    _, doc = _table(tmp_path, comps, reasons=False)
    assert len(doc.tables) == 2
    assert [c.text for c in doc.tables[1].rows[0].cells] == ["Колдонуудагы редакция", "Сунушталып жаткан редакция"]
    texts = [p.text for p in doc.paragraphs]
    ky = texts.index("САЛЫШТЫРМА ТАБЛИЦА")
    assert texts[ky - 1] == ("««Тышкы миграция жөнүндө» Кыргыз Республикасынын Мыйзамына өзгөртүүлөрдү киргизүү "
                             "жөнүндө» Кыргыз Республикасынын Мыйзамынын долбооруна карата")
    assert len(doc.sections) == 2


def test_several_laws_get_a_heading_each(tmp_path):
    comps = [comparison(), comparison(title="О гражданстве", changes=(CHANGED,))]
    _, doc = _table(tmp_path, comps)
    texts = [p.text for p in doc.paragraphs]
    assert "Закон Кыргызской Республики «О внешней миграции»" in texts
    assert "Закон Кыргызской Республики «О гражданстве»" in texts
    assert len(doc.tables) == 2


def test_labels_override(tmp_path):
    f = tmp_path / "labels.json"
    f.write_text(json.dumps({"rus": {"absent": "нет", "removed": "исключена"}}), encoding="utf-8")
    _, doc = _table(tmp_path, labels=load_labels(f), reasons=False)
    rows = [[cell_text(c) for c in r.cells] for r in doc.tables[0].rows]
    assert rows[3][0] == "нет" and rows[4][1] == "исключена"
    assert [p.text for p in doc.paragraphs][-1] != "Министр юстиции"
    f.write_text(json.dumps({"signature": "Министр юстиции\nА. Б. Фамилия"}), encoding="utf-8")
    _, doc = _table(tmp_path, labels=load_labels(f))
    assert [p.text for p in doc.paragraphs][-2:] == ["Министр юстиции", "А. Б. Фамилия"]
    t = tmp_path / "labels.toml"
    t.write_text('old = "Было"\n', encoding="utf-8")
    assert load_labels(t)["kir"]["old"] == "Было"
    bad = tmp_path / "bad.json"
    bad.write_text('{"rus": {"nonsense": "x"}}', encoding="utf-8")
    with pytest.raises(LawpatchError, match="nonsense"):
        load_labels(bad)


def test_elision_keeps_words_around_changes():
    words = " ".join(f"w{i}" for i in range(30))
    segs = [Segment("equal", "1. " + words + " "), Segment("delete", "old"), Segment("insert", "new"),
            Segment("equal", " " + words)]
    out = elide(segs, 3)
    assert out[0].text == "1. … w27 w28 w29 "
    assert out[1:3] == segs[1:3]
    assert out[3].text == " w0 w1 w2 …"
    assert elide(segs, None) == segs
    short = [Segment("equal", "a b c "), Segment("insert", "d")]
    assert elide(short, 3) == short


def test_elided_row_in_document(tmp_path):
    long = " ".join(f"слово{i}" for i in range(40))
    from .render_helpers import change
    ch = change("changed", [("equal", long + " "), ("delete", "старое"), ("insert", "новое")])
    _, doc = _table(tmp_path, [comparison(changes=(ch,))], context_words=5, reasons=False)
    old = cell_text(doc.tables[0].rows[2].cells[0])
    assert old == "… слово35 слово36 слово37 слово38 слово39 старое"


def test_byte_identical_and_fixed_timestamps(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    write_table([comparison()], a)
    write_table([comparison()], b)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        names = z.namelist()
        assert names[0] == "[Content_Types].xml" and names[1:] == sorted(names[1:])
        assert {i.date_time for i in z.infolist()} == {(2024, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    write_table([comparison()], b)
    assert docx.Document(str(b)).core_properties.created.year == 2025
