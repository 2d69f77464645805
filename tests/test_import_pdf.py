"""The PDF front end: page furniture dropped, wrapped lines re-flowed into the database's paragraphs."""
from __future__ import annotations

import pytest

from lawpatch.errors import LawpatchError
from lawpatch.importer import pdf
from lawpatch.structure import A
from tests.conftest import DATA

PDF = DATA / "import" / "family-code-2pages.pdf"  # pages 1-2 of the 2025 print of the Family Code
TEXT = DATA / "import" / "family-code-3pages.ed2025.ru.txt"  # pdftotext output of pages 1-3

OPENING = [
    "СЕМЕЙНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ",
    "от 30 августа 2003 года № 201",
]
ARTICLE_1 = [
    "РАЗДЕЛ I", "ОБЩИЕ ПОЛОЖЕНИЯ", "Глава 1", "Семейное законодательство",
    "Статья 1. Основные задачи семейного законодательства",
    "1. Семья - основа общества.",
    "Семья, отцовство, материнство, детство - предмет заботы всего общества и преимущественной охраны законом.",
    "Государство обеспечивает подготовку граждан к семейной жизни, супружеству, отцовству и материнству.",
    # across the page break, with the running title and the site name between the lines
    "Государство обеспечивает содержание, воспитание, обучение детей-сирот и детей, лишенных родительского попечения.",
]


def texts(path):
    return [line.text for line in pdf.read_lines(path).lines]


@pytest.mark.parametrize("path", [PDF, TEXT], ids=["pdf", "pdftotext"])
def test_paragraphs_rebuilt(path):
    lines = texts(path)
    assert lines[:2] == OPENING
    assert lines[2].startswith("(В редакции Законов КР от 26 июля 2004 года № 96, 25 февраля 2005 года № 38,")
    assert lines[2].endswith("17 июля 2025 года № 148)")
    start = lines.index("РАЗДЕЛ I")
    assert lines[start:start + len(ARTICLE_1)] == ARTICLE_1
    assert "Статья 2. Основные понятия, используемые в настоящем Кодексе" in lines
    assert "брачный возраст - возраст по достижении которого лицо вправе вступить в брак;" in lines


@pytest.mark.parametrize("path", [PDF, TEXT], ids=["pdf", "pdftotext"])
def test_page_furniture_dropped_and_reported(path):
    result = pdf.read_lines(path)
    assert result.format == "pdf"
    assert not any("cbd.minjust.gov.kg" in line.text or line.text.startswith("Кодекс КР от 30 августа")
                   for line in result.lines)
    assert any("header/footer" in message for _, message in result.warnings)


def test_line_numbers_name_page_and_line():
    lines = pdf.read_lines(PDF).lines
    across = next(line for line in lines if line.text.startswith("Государство обеспечивает содержание"))
    assert across.lineno // 1000 == 2  # it starts on page 2
    text_lines = pdf.read_lines(TEXT).lines
    assert next(line.lineno for line in text_lines if line.text == "РАЗДЕЛ I") == 26


class FakeTextPage:
    """pdfium's text of «Статья 233¹. Общие» where the superscript ends pdfium's line."""

    def __init__(self, text="Статья 233" + "1" + "\r\n" + ". Общие", superscript=10):
        self.text = text
        self.boxes = []
        x = 100.0
        for i, char in enumerate(self.text):
            small = i == superscript
            height = 7.0 if small else 11.0
            self.boxes.append((x, 430.0 if small else 424.0, x + 5, 434.0 if small else 432.0, height))
            x += 5

    def get_text_range(self):
        return self.text

    def get_charbox(self, index, loose=False):
        left, bottom, right, top, height = self.boxes[index]
        return (left, bottom, right, bottom + height) if loose else (left, bottom, right, top)


def test_superscript_article_number_becomes_a_hyphen():
    [line] = pdf._page_lines(FakeTextPage(), 7)
    assert line.text == "Статья 233-1. Общие"
    assert line.lineno == 7001


def test_pdfium_line_break_hyphen_is_a_real_hyphen():
    page = FakeTextPage("гражданско\ufffe\r\nправовое", superscript=-1)
    assert [line.text for line in pdf._page_lines(page, 1)] == ["гражданско-", "правовое"]


def test_hyphen_joins():
    assert pdf._join("историко-", "культурного") == "историко-культурного"
    assert pdf._join("юридическо-", "правовой") == "юридическо-правовой"
    assert pdf._join("статья 5-", "1") == "статья 5- 1"  # not a word break: kept apart
    assert pdf._join("пере\u00ad", "нос") == "перенос"


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4\n garbage \x00\xff", b"\x00\xff\xfe\x01 binary"])
def test_bad_input_refused(tmp_path, content):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    with pytest.raises(LawpatchError, match="bad.pdf"):
        pdf.read_lines(bad)


def test_missing_file_refused(tmp_path):
    with pytest.raises(LawpatchError, match="missing.pdf: no such file"):
        pdf.read_lines(tmp_path / "missing.pdf")


@pytest.mark.slow
def test_print_matches_the_older_redaction(corpus):
    """Most paragraphs of the 2025 print read exactly as in the database text of 2022."""
    old = {" ".join(line.split()) for line in
           (corpus / "family-code-2003-201.ru.txt").read_text(encoding="utf-8").splitlines()}
    lines = texts(corpus / "orig" / "family-code-2003-201.ed2025.ru.pdf")
    assert sum(line in old for line in lines) / len(lines) > 0.9


def test_pdftotext_exploded_justified_lines_and_heading_ends(tmp_path):
    page = ("Статья 21. Рассмотрение споров, возникающих между супругами при\n"
            "расторжении брака в органах записи актов гражданского состояния\n"
            "Споры о разделе общего имущества супругов рассматриваются судом.\n"
            "Статья 86. Государственная регистрация (перерегистрация)\n"
            "юридических лиц\n1.\nЮридическое\nлицо\nподлежит\nгосударственной\nрегистрации\n"
            "уполномоченным органом в порядке, определяемом Кабинетом Министров\n"
            "Кыргызской Республики.\n")
    source = tmp_path / "print.ed2025.ru.txt"
    source.write_text(page, encoding="utf-8")
    assert texts(source) == [
        "Статья 21. Рассмотрение споров, возникающих между супругами при расторжении брака в органах "
        "записи актов гражданского состояния",
        "Споры о разделе общего имущества супругов рассматриваются судом.",
        "Статья 86. Государственная регистрация (перерегистрация) юридических лиц",
        "1. Юридическое лицо подлежит государственной регистрации уполномоченным органом в порядке, "
        "определяемом Кабинетом Министров Кыргызской Республики."]


def test_pdftotext_headings_split_word_by_word(tmp_path):
    """Justified two-line headings as pdftotext writes them out of the Civil Code's 2025 print: the
    article keeps its number and heading (each read so said, for the words' order is pdftotext's)."""
    page = ("Перечень имущества устанавливается законодательством.\n"
            "Статья\n62.\n(эмансипация)\n\nОбъявление\n\nребенка\n\nполностью\n\nдееспособным\n\n"
            "1. Ребенок, достигший шестнадцати лет, может быть объявлен полностью дееспособным.\n"
            "Статья\nимущества\n\n331.\n\nПоследствия\n\nутраты\n\nили\n\nповреждения\n\nзаложенного\n\n"
            "1. Залогодатель несет риск случайной гибели имущества.\n"
            "Статья 17. Защита\nнематериальных благ\n\nличных\n\nнеимущественных\n\nправ\n\nи\n\nдругих\n\n"
            "1. Нематериальные блага защищаются.\n"
            "Статья\n191.\nНедействительность\nсделки, совершенной несовершеннолетним\n"
            "1. Сделка может быть признана судом недействительной.\n"
            "Статья 154. Имущество производственного кооператива\n(Исключена Законом КР от 23 января 2009 года № 23)\n"
            "Статья 304. Исполнение обязательств наиболее экономичным образом.\nОказание содействия в исполнении\n"
            "Каждая из сторон в обязательстве должна исполнять свои обязанности наиболее экономичным\n"
            "образом.\n")
    source = tmp_path / "print.ed2025.ru.txt"
    source.write_text(page, encoding="utf-8")
    result = pdf.read_lines(source)
    assert [line.text for line in result.lines] == [
        "Перечень имущества устанавливается законодательством.",
        "Статья 62. Объявление ребенка полностью дееспособным (эмансипация)",
        "1. Ребенок, достигший шестнадцати лет, может быть объявлен полностью дееспособным.",
        "Статья 331. Последствия утраты или повреждения заложенного имущества",
        "1. Залогодатель несет риск случайной гибели имущества.",
        "Статья 17. Защита личных неимущественных прав и других нематериальных благ",
        "1. Нематериальные блага защищаются.",
        "Статья 191. Недействительность сделки, совершенной несовершеннолетним",
        "1. Сделка может быть признана судом недействительной.",
        "Статья 154. Имущество производственного кооператива",       # the note is no part of the heading
        "(Исключена Законом КР от 23 января 2009 года № 23)",
        "Статья 304. Исполнение обязательств наиболее экономичным образом. Оказание содействия в исполнении",
        "Каждая из сторон в обязательстве должна исполнять свои обязанности наиболее экономичным образом."]
    assert [line for line, message in result.warnings if "word by word" in message] == [2, 15, 31]


def test_wrapped_capital_heading_joined(tmp_path):
    source = tmp_path / "print.txt"
    source.write_text("ГЛАВА V. ОРГАНЫ ГОСУДАРСТВЕННОЙ ВЛАСТИ КЫРГЫЗСКОЙ РЕСПУБЛИКИ СО СПЕЦИАЛЬНЫМ\nСТАТУСОМ\n"
                      "Статья 105\nНадзор осуществляется прокуратурой.\n\fРАЗДЕЛ ВТОРОЙ. ПРАВА\nГЛАВА I. ОБЩИЕ\n",
                      encoding="utf-8")
    assert texts(source) == [
        "ГЛАВА V. ОРГАНЫ ГОСУДАРСТВЕННОЙ ВЛАСТИ КЫРГЫЗСКОЙ РЕСПУБЛИКИ СО СПЕЦИАЛЬНЫМ СТАТУСОМ",
        "Статья 105", "Надзор осуществляется прокуратурой.", "РАЗДЕЛ ВТОРОЙ. ПРАВА", "ГЛАВА I. ОБЩИЕ"]


# --- prints laid out as the database prints an act (tests/data/importer/prints, make_prints.py) ---
PRINTS = DATA / "importer" / "prints"


@pytest.fixture(scope="module")
def criminal():
    from lawpatch.importer import import_file
    return import_file(PRINTS / "criminal.ru.pdf")


def _own(law, eid):
    from lawpatch import structure as st
    return [st.block_text(p) for p in st.own_paragraphs(law.get(eid))]


def test_sanction_is_its_own_abzats_across_a_page_break(criminal):
    law = criminal.law
    assert _own(law, "art_3__para_1__al_2") == ["наказывается лишением свободы на срок от восьми до пятнадцати лет."]
    assert _own(law, "art_3__para_1__al_1")[0].endswith("не указанных в части 2 настоящей статьи, –")
    assert _own(law, "art_3__para_2__al_2") == ["влечет наложение штрафа в размере ста расчетных показателей."]
    assert _own(law, "art_3-1__al_2") == ["наказывается лишением свободы на срок до пяти лет."]


def test_dash_starting_a_line_mid_sentence_is_not_an_indent(criminal):
    [text] = _own(criminal.law, "art_1__para_1")
    assert text.endswith("о его возмещении – судом по месту совершения деяния.")


def test_definitions_are_separate_abzats(criminal):
    law = criminal.law
    texts_ = [_own(law, f"art_2__al_{i}")[0] for i in range(1, 6)]
    assert texts_[0] == "В настоящем Кодексе используются следующие основные понятия:"
    assert [t.split(" - ")[0] for t in texts_[1:]] == ["лицо", "должностное лицо", "близкие родственники",
                                                        "существенный вред"]


def test_table_of_contents_is_not_read_as_units(criminal):
    law = criminal.law
    assert [a.get("eId") for a in law.articles()] == ["art_1", "art_2", "art_3", "art_3-1"]
    items = [(i.get("href"), i.text) for i in law.act.iter(A + "tocItem")]
    assert items[0] == ("#chp_1", "Глава 1. Общие положения") and items[-1] == ("#art_3-1", "Статья 3-1. Убийство матерью")
    [warning] = [f for f in criminal.warnings if f.code == "IMPORT.CONTENTS"]
    assert warning.line == 1007   # page 1, line 7


def test_every_word_of_the_print_kept():
    from lawpatch.importer.document import build_law, first_difference
    read = pdf.read_lines(PRINTS / "criminal.ru.pdf")
    assert first_difference(read, build_law(read, "criminal.ru.pdf").law) == ""


def test_preamble_stays_the_preamble(criminal):
    law = criminal.law
    preamble = ["".join(p.itertext()) for p in law.act.find(A + "preamble").iter(A + "p")]
    assert preamble == ["Настоящий Кодекс определяет, какие общественно опасные деяния являются преступлениями, "
                        "и устанавливает наказания за их совершение."]
    assert (law.title, law.date, law.number) == ("Уголовный кодекс Кыргызской Республики", "2021-10-28", "127")


@pytest.mark.parametrize("name,title", [
    ("damaged-title.ru.pdf", "Кодекс Кыргызской Республики о пробах"),
    ("damaged-title.ky.pdf", "Сыноолор жөнүндө кодекси")])
def test_damaged_title_block_read_from_the_page_header(name, title):
    from lawpatch.importer import import_file
    result = import_file(PRINTS / name)
    law = result.law
    assert (law.title, law.date, law.number, law.act.get("name")) == (title, "2017-01-25", "14", "code")
    codes = {f.code: f.line for f in result.warnings}
    assert codes["IMPORT.TITLE_FROM_HEADER"] == codes["IMPORT.DATE_FROM_HEADER"] == 1001


def test_sanction_and_lists_from_pdftotext_output(tmp_path):
    source = tmp_path / "print.ed2025.ru.txt"
    source.write_text("В настоящем Кодексе используются следующие понятия:\nлицо - физическое лицо, достигшее\n"
                      "возраста;\nдолжностное лицо - лицо, осуществляющее функции\nпредставителя власти.\n"
                      "1. Убийство, то есть умышленное причинение смерти другому человеку, –\n"
                      "\fнаказывается лишением свободы на срок от восьми лет.\n",
                      encoding="utf-8")
    assert texts(source) == [
        "В настоящем Кодексе используются следующие понятия:", "лицо - физическое лицо, достигшее возраста;",
        "должностное лицо - лицо, осуществляющее функции представителя власти.",
        "1. Убийство, то есть умышленное причинение смерти другому человеку, –",
        "наказывается лишением свободы на срок от восьми лет."]


def test_a_split_heading_that_cannot_be_put_back_is_said(tmp_path):
    """pdftotext moved words of article 134's heading where the print's order is lost: the article is
    read, and a warning at its line says to check the heading."""
    source = tmp_path / "print.ed2025.ru.txt"
    source.write_text("Статья\n134.\nВыход\nучастника\nответственностью из общества\n\nобщества\n\nс\n\nограниченной\n\n"
                      "Участник общества с ограниченной ответственностью вправе в любое время выйти из общества.\n",
                      encoding="utf-8")
    result = pdf.read_lines(source)
    assert result.lines[0].text.startswith("Статья 134. Выход")
    assert [line for line, message in result.warnings if "further on" in message] == [1]
