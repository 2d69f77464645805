"""Title blocks as the official database prints them, in Russian and Kyrgyz (tests/data/importer/
titles: small texts in the forms real texts take that the corpus lacks): the act's name, date,
number and status are read without options; what a text does not give is said, never refused."""
from __future__ import annotations

import pytest

from lawpatch.importer import import_file
from lawpatch.importer.titleblock import header_of, plain_title
from lawpatch.structure import A
from tests.conftest import DATA

TITLES = DATA / "importer" / "titles"

# file: (name, date, number, long title as printed, status, codes of the warnings)
CASES = {
    "civil-code-part2.ru.txt": ("Гражданский кодекс Кыргызской Республики Часть II", "1998-01-05", "1",
                                "ГРАЖДАНСКИЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ ЧАСТЬ II", None, set()),
    "civil-code-part2.ky.txt": ("Кыргыз Республикасынын граждандык кодекси II бөлүк", "1998-01-05", "1",
                                "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН ГРАЖДАНДЫК КОДЕКСИ II БӨЛҮК", None, set()),
    "wrapped-name.ru.txt": ("Кодекс Кыргызской Республики о неналоговых доходах", "2019-08-10", "115",
                            "КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ О НЕНАЛОГОВЫХ ДОХОДАХ", None, set()),
    "wrapped-name.ky.txt": ("Кыргыз Республикасынын салыктык эмес кирешелер жөнүндө кодекси", "2019-08-10", "115",
                            "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН САЛЫКТЫК ЭМЕС КИРЕШЕЛЕР ЖӨНҮНДӨ КОДЕКСИ", None, set()),
    "notice.ru.txt": ("О пробном регулировании", "2000-07-17", "61",
                      "ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ О ПРОБНОМ РЕГУЛИРОВАНИИ", None, set()),
    "notice.ky.txt": ("Сыноо жөнгө салуу жөнүндө", "2000-07-17", "61", "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ", None, set()),
    "repealed.ru.txt": ("Трудовой кодекс Кыргызской Республики", "2004-08-04", "106",
                        "ТРУДОВОЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ", "repealed", {"IMPORT.REPEALED"}),
    "repealed.ky.txt": ("Кыргыз Республикасынын эмгек кодекси", "2004-08-04", "106",
                        "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН ЭМГЕК КОДЕКСИ", "repealed", {"IMPORT.REPEALED"}),
    "congress.ru.txt": ("Кодекс судейской этики Кыргызской Республики", "2019-03-11", "nn",
                        "КОДЕКС СУДЕЙСКОЙ ЭТИКИ КЫРГЫЗСКОЙ РЕСПУБЛИКИ", None,
                        {"IMPORT.DATE_FROM_ADOPTION", "IMPORT.NO_NUMBER"}),
    "congress.ky.txt": ("Кыргыз Республикасынын сотторунун этика кодекси", "2019-03-11", "nn",
                        "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН СОТТОРУНУН ЭТИКА КОДЕКСИ", None,
                        {"IMPORT.DATE_FROM_ADOPTION", "IMPORT.NO_NUMBER"}),
    "draft.ru.txt": ("О внесении изменений в Закон Кыргызской Республики «О внешней миграции»", "0001-01-01", "nn",
                     "ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ", "draft", {"IMPORT.DRAFT", "IMPORT.NO_DATE", "IMPORT.NO_NUMBER"}),
    "draft.ky.txt": ("«Тышкы миграция жөнүндө» Кыргыз Республикасынын Мыйзамына өзгөртүүлөрдү киргизүү жөнүндө",
                     "0001-01-01", "nn", "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ", "draft",
                     {"IMPORT.DRAFT", "IMPORT.NO_DATE", "IMPORT.NO_NUMBER"}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_title_block(name):
    title, date, number, printed, status, codes = CASES[name]
    result = import_file(TITLES / name)
    law = result.law
    assert (law.title, law.date, law.number, law.long_title) == (title, date, number, printed)
    assert law.source_info.get("status") == status
    assert {f.code for f in result.warnings} == codes
    assert all(f.line for f in result.warnings)
    assert sum(1 for _ in law.articles()) >= 1   # the title block never swallows the body


def test_notices_before_the_title_stay_in_the_preface():
    law = import_file(TITLES / "notice.ru.txt").law
    preface = [p.text for p in law.act.find(A + "preface").iter(A + "p")]
    assert preface[0] == "Внимание!" and "вступают в силу с 1 января 2027 года." in preface
    assert law.act.find(A + "preamble") is None
    assert [e.get("date") for e in law.meta.iter(A + "eventRef")] == ["2000-07-17", "2025-04-29", "2025-07-08"]


def test_the_acts_name_on_a_line_of_its_own_is_no_editorial_note():
    """«КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ» / date / «Сыноо жөнгө салуу жөнүндө»: the name is printed as
    the act's (it was marked a note: `text --no-editorial` and the consolidated text dropped it)."""
    law = import_file(TITLES / "notice.ky.txt").law
    name = next(p for p in law.act.find(A + "preface").iter(A + "p") if p.text == "Сыноо жөнгө салуу жөнүндө")
    assert name.get("class") != "editorial"


@pytest.mark.parametrize("name", ["repealed.ru.txt", "repealed.ky.txt"])
def test_a_repealed_act_records_the_repeal(name):
    result = import_file(TITLES / name)
    [repeal] = [e for e in result.law.meta.iter(A + "eventRef") if e.get("type") == "repeal"]
    assert repeal.get("date") == "2025-01-23"
    [ref] = [r for r in result.law.meta.iter(A + "passiveRef") if "#" + r.get("eId") == repeal.get("source")]
    assert ref.get("href") == "/akn/kg/act/2025-01-23/24"
    [warning] = result.warnings
    assert warning.line == (1 if name.endswith("ru.txt") else 2)


@pytest.mark.parametrize("name", ["draft.ru.txt", "congress.ru.txt"])
def test_options_still_override(name):
    law = import_file(TITLES / name, title="Т", date="2020-01-02", number="7").law
    assert (law.title, law.date, law.number) == ("Т", "2020-01-02", "7")
    assert law.source_info.get("missing") is None


@pytest.mark.parametrize("text,expected", [
    ('Кодекс КР "Гражданский кодекс Кыргызской Республики Часть I" от 8 мая 1996 года № 15',
     ("Гражданский кодекс Кыргызской Республики Часть I", "1996-05-08", "15")),
    ('Кодекс КР от 25 января 2017 года № 14 "Уголовно-процессуальный кодекс Кыргызской Республики"',
     ("Уголовно-процессуальный кодекс Кыргызской Республики", "2017-01-25", "14")),
    ('"Конституция Кыргызской Республики" от 5 мая 2021 года (принятый референдумом)',
     ("Конституция Кыргызской Республики", "2021-05-05", "")),
    ("cbd.minjust.gov.kg", None),
    ("СЕМЕЙНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ", None),
])
def test_page_header_forms(text, expected):
    header = header_of(text)
    assert (header and (header.name, header.date, header.number)) == expected


def test_plain_title_examples():
    assert plain_title("ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ О ВНЕШНЕЙ МИГРАЦИИ") == "О внешней миграции"
    assert plain_title("КЫРГЫЗ РЕСПУБЛИКАСЫНЫН КОНСТИТУЦИЯСЫ") == "Кыргыз Республикасынын Конституциясы"
