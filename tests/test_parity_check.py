"""`check` on an op written in two languages: warnings where its Russian and Kyrgyz texts differ in
numbers, dates, amounts, references, acts, language or the glossary's terms; none where they agree."""
from __future__ import annotations

import shutil

import pytest

from lawpatch.patch import check_bill, load_bill

from .billfiles import write_bill
from .conftest import DATA

TITLES = ("О внесении изменений", "Өзгөртүүлөрдү киргизүү жөнүндө")


@pytest.fixture
def repo(tmp_path):
    shutil.copytree(DATA / "sample-law", tmp_path / "laws" / "sample-law")
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.tsv").write_text(
        "rus\tkir\tsource\nтрудящийся-мигрант\tэмгек мигранты\tsample art_1__al_4\n", encoding="utf-8")
    return tmp_path


def warnings(repo, ops: str) -> list:
    bill = load_bill(write_bill(repo / "b.xml", ops, titles=TITLES))
    findings = check_bill(bill, root=repo)
    assert not [f for f in findings if f.severity == "error"], findings
    return [f for f in findings if f.code.startswith("CHECK.PARITY")]


def insert(rus: str, kir: str) -> str:
    return f"""    <insert after="art_3__para_1"><text lang="rus">{rus}</text><text lang="kir">{kir}</text></insert>"""


@pytest.mark.parametrize("rus, kir, code, message", [
    ("1-1. Решение принимается в течение 30 дней.", "1-1. Чечим 15 күндүн ичинде кабыл алынат.",
     "CHECK.PARITY_NUMBER", "the new text: numbers differ: 30 only in rus; 15 only in kir"),
    ("1-1. Сбор составляет 10 процентов.", "1-1. Жыйым 20 пайызды түзөт.",
     "CHECK.PARITY_PERCENT", "the new text: percentages differ: 10% only in rus; 20% only in kir"),
    ("1-1. Штраф составляет 100 сомов.", "1-1. Айып пул 1000 сомду түзөт.",
     "CHECK.PARITY_AMOUNT", "the new text: amounts differ: 100 only in rus; 1000 only in kir"),
    ("1-1. Часть действует с 1 января 2027 года.", "1-1. Бөлүк 2028-жылдын 1-январынан тартып колдонулат.",
     "CHECK.PARITY_DATE", "the new text: dates differ: 2027-01-01 only in rus; 2028-01-01 only in kir"),
    ("1-1. Права, указанные в части 2 статьи 3.", "1-1. 3-берененин 3-бөлүгүндө көрсөтүлгөн укуктар.",
     "CHECK.PARITY_REFERENCE", "the new text: references differ: часть 2 only in rus; часть 3 only in kir"),
    ("1-1. Закон от 10 июля 2025 года № 137.", "1-1. 2025-жылдын 10-июлундагы № 173 Мыйзам.",
     "CHECK.PARITY_ACT", "the new text: acts cited differ: № 137 only in rus; № 173 only in kir"),
    ("1-1. Мигранты имеют право на защиту и на обращение в суд.",
     "1-1. Мигранты имеют право на защиту и на обращение в суд.",
     "CHECK.PARITY_LANGUAGE", "the new text: the Kyrgyz text is in Russian"),
    ("1-1. Права трудящихся-мигрантов охраняются законом.", "1-1. Мигранттардын укуктары мыйзам менен корголот.",
     "CHECK.PARITY_TERM", "the new text: terms differ: «трудящийся-мигрант» in rus without «эмгек мигранты» in kir"),
])
def test_an_op_whose_two_texts_differ_is_warned(repo, rus, kir, code, message):
    (f,) = warnings(repo, insert(rus, kir))
    assert (f.code, f.message, f.severity, f.unit) == (code, message, "warning", "art_3__para_1")
    assert f.file.endswith("b.xml") and f.line == 6 and "rus: «1-1." in f.hint     # the op's line


def test_an_op_whose_two_texts_agree_is_not_warned(repo):
    assert warnings(repo, insert("1-1. Права трудящихся-мигрантов охраняются в течение тридцати дней.",
                                 "1-1. Эмгек мигранттарынын укуктары 30 күндүн ичинде корголот.")) == []


def test_a_word_op_changing_a_term_in_one_language_only_is_warned(repo):
    ops = """    <replace-words at="art_2__indent_2">
      <old lang="rus">защиты прав мигрантов</old><new lang="rus">защиты прав трудящихся-мигрантов</new>
      <old lang="kir">мигранттардын укуктарын</old><new lang="kir">мигранттардын бардык укуктарын</new>
    </replace-words>"""
    (f,) = warnings(repo, ops)
    assert f.code == "CHECK.PARITY_TERM" and f.message.startswith("the new words: terms differ: «трудящийся-мигрант»")
    agreed = ops.replace("мигранттардын бардык укуктарын", "эмгек мигранттарынын укуктарын")
    assert warnings(repo, agreed) == []


def test_an_op_in_one_language_is_not_compared(repo):
    ops = """    <insert after="art_3__para_1" lang="rus"><text lang="rus">1-1. В течение 30 дней.</text></insert>"""
    assert warnings(repo, ops) == []
