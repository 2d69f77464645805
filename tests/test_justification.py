"""The справка-обоснование draft `lawpatch build` writes per bill: seven sections, filled with
what the bill and the registry say, marked blanks for the rest."""
from __future__ import annotations

import docx
import pytest

from lawpatch.build import build
from lawpatch.render.justification import BLANK, SECTIONS

from .conftest import ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    results = build([ROOT / "amendments" / "2026-icrmw-family.xml"], out, root=ROOT, langs=("rus",))
    return results[0]


def paragraphs(path):
    return docx.Document(str(path)).paragraphs


def test_the_draft_is_written_with_the_seven_sections(built):
    assert "justification.rus.docx" in built.files
    paras = paragraphs(built.folder / "justification.rus.docx")
    texts = [p.text for p in paras]
    assert texts[0] == "СПРАВКА-ОБОСНОВАНИЕ"
    assert [t for t in texts if t[:2] in {f"{n}." for n in range(1, 8)}] == [f"{n}. {s}" for n, s in
                                                                            enumerate(SECTIONS, 1)]


def test_what_the_tool_knows_is_filled_in(built):
    text = "\n".join(p.text for p in paragraphs(built.folder / "justification.rus.docx"))
    # the bill's purpose note, its treaty basis, each change with its reason
    assert text.count("Проект приводит понятие членов семьи трудящегося-мигранта") == 1
    assert ("Международная конвенция о защите прав всех трудящихся-мигрантов и членов их семей (1990), "
            "ст. 4, 44, 47") in text
    assert "– абзац двенадцатый статьи 1 изменяется (обоснование:" in text
    # the status under the treaty, with its source; the articles before the bill
    assert "статус для Кыргызской Республики — участник, 2003-09-29 (источник: https://" in text
    assert "– ст. 44 (Государства принимают меры" in text and "laws/external-labour-migration: статья 9 (частично)" in text
    # the definition the bill brings closer to the Convention's
    assert "Понятие «Члены семьи трудящегося-мигранта» (laws/external-labour-migration, абзац двенадцатый " \
           "статьи 1) и определение статьи 4 (Международная конвенция о защите прав всех трудящихся-мигрантов " \
           "и членов их семей): общих слов 71 % (до проекта — 62 %)." in text


def test_the_rest_is_a_marked_blank(built):
    paras = paragraphs(built.folder / "justification.rus.docx")
    blanks = [p for p in paras if p.text.startswith(f"[{BLANK}:")]
    assert len(blanks) >= 9
    assert all(r.font.highlight_color is not None for p in blanks for r in p.runs)
    texts = [p.text for p in paras]
    finance = texts.index("6. " + SECTIONS[5])
    assert texts[finance + 1].startswith(f"[{BLANK}: требует ли принятие проекта расходов")


def test_a_treaty_the_republic_is_not_party_to_is_a_standard_not_an_obligation(tmp_path):
    (result,) = build([ROOT / "amendments" / "2026-refugees-statelessness.xml"], tmp_path, root=ROOT, langs=("rus",))
    text = "\n".join(p.text for p in paragraphs(result.folder / "justification.rus.docx"))
    assert "обязательств Кыргызской Республики по договорам: Конвенция о статусе беженцев (1951), ст. 33." in text
    assert "участие Кыргызской Республики в которых реестром не подтверждено: Конвенция о сокращении " \
           "безгражданства (1961), ст. 1." in text
    assert f"[{BLANK}: участие Кыргызской Республики в договоре «Конвенция о сокращении безгражданства»" in text


def test_each_change_is_worded_as_a_sentence_in_its_units_gender():
    from types import SimpleNamespace as NS

    from lawpatch.law import Law
    from lawpatch.render.justification import _described

    from .conftest import DATA

    law = Law.load(DATA / "sample-law" / "rus.xml")

    def change(kind, citation, eid, name):
        return NS(kind=kind, citation=citation, old_eid=eid, new_eid=eid, eid=eid, unit_name=name)

    assert _described(change("heading", "статья 3", "art_3", "статья"), law) == "изменяется наименование статьи 3"
    assert _described(change("inserted", "часть 4 статьи 3", "art_3__para_4", "часть"), law) == \
        "вводится часть 4 статьи 3"
    assert _described(change("repealed", "статья 5", "art_5", "статья"), law) == "статья 5 признается утратившей силу"
    assert _described(change("repealed", "пункт 3 части 2 статьи 3", "art_3__para_2__point_3", "пункт"), law) == \
        "пункт 3 части 2 статьи 3 признается утратившим силу"
    assert _described(change("changed", "часть 1 статьи 3", "art_3__para_1", "часть"), law) == \
        "часть 1 статьи 3 изменяется"
