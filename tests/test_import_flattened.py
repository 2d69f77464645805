"""The flattened export front end: articles rebuilt from one-line sections."""
from __future__ import annotations

import pytest

from lawpatch.errors import LawpatchError
from lawpatch.importer import flattened
from tests.conftest import DATA

SAMPLE = DATA / "import" / "flattened-external-migration.txt"


def texts(path=SAMPLE):
    return [line.text for line in flattened.read_lines(path).lines]


def test_superscript_article_number_and_heading_rebuilt():
    lines = texts()
    assert lines[0] == "Статья 5-1. Безвизовый режим"
    assert "Статья 5-2. Единая система учета внешней миграции" in lines
    assert "Статья 6. Разрешение на въезд иностранных граждан или лиц без гражданства в Кыргызскую Республику, " \
           "их пребывание в Кыргызской Республике, транзитный проезд и выезд из Кыргызской Республики" in lines


def test_division_headings_taken_off_the_previous_article():
    lines = texts()
    i = lines.index("РАЗДЕЛ II")
    assert lines[i + 1] == ("ВЪЕЗД ИНОСТРАННЫХ ГРАЖДАН И ЛИЦ БЕЗ ГРАЖДАНСТВА В КЫРГЫЗСКУЮ РЕСПУБЛИКУ "
                            "И ПРЕБЫВАНИЕ ИХ НА ТЕРРИТОРИИ РЕСПУБЛИКИ")
    assert lines[i + 2] == "Глава 1"
    assert lines[i + 3].startswith("Основные требования к въезду")
    assert lines[i + 4].startswith("Статья 6.")
    assert not any(line != "РАЗДЕЛ II" and line.endswith("РАЗДЕЛ II") for line in lines)


def test_parts_and_editorial_notes_split():
    lines = texts()
    start = lines.index("Статья 5-2. Единая система учета внешней миграции")
    body = lines[start + 1:lines.index("РАЗДЕЛ II")]
    assert body[0].startswith("Регулирование процессов внешней миграции")
    assert body[-1] == "(В редакции Закона Кыргызской Республики от 30 июня 2023 года № 129)"
    assert all(len(p) < 1500 for p in body)


def test_line_numbers_point_at_the_source():
    result = flattened.read_lines(SAMPLE)
    assert result.format == "flattened"
    assert result.lines[0].lineno == 7  # the article's line in the export
    assert any("title block" in msg for _, msg in result.warnings)


def test_split_body_points_dashes_definitions():
    body = ("Основаниями являются: 1) первое; 2) второе; а) буква; - тире; - ещё. "
            "Термин - значение; другой термин - другое значение.")
    assert flattened.split_body(body) == [
        "Основаниями являются:", "1) первое;", "2) второе;", "а) буква;", "- тире;", "- ещё.",
        "Термин - значение;", "другой термин - другое значение."]


def test_numbered_parts_keep_their_sentences_together():
    body = "1. Первая часть. Ещё предложение. 2. Вторая часть (см. ст. 5). Текст."
    assert flattened.split_body(body) == [
        "1. Первая часть. Ещё предложение.", "2. Вторая часть (см. ст. 5). Текст."]


def test_heading_split_skips_proper_names_and_quotes():
    assert flattened.split_heading('Статус "Цифровой кочевник" Категория граждан') == (
        'Статус "Цифровой кочевник"', "Категория граждан")
    assert flattened.split_heading("Принципы гражданства Кыргызской Республики 1. Каждое лицо") == (
        "Принципы гражданства Кыргызской Республики", "1. Каждое лицо")
    assert flattened.split_heading("Законодательство о праве Законодательство Кыргызской Республики") == (
        "Законодательство о праве", "Законодательство Кыргызской Республики")


@pytest.mark.parametrize("content", [b"", b"\x00\xff\xfe binary", "Просто текст\nбез секций\n".encode()])
def test_not_a_flattened_export(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(LawpatchError, match="bad.txt"):
        flattened.read_lines(bad)


@pytest.mark.slow
def test_the_four_migration_laws(corpus):
    for name, articles in [("law-external-migration-2000-61.ru.txt", 71),
                           ("law-external-labour-migration-2006-4.ru.txt", 31),
                           ("law-legal-status-foreign-citizens-1993-1296-XII.ru.txt", 31),
                           ("law-citizenship-2007-70.ru.txt", 44)]:
        lines = texts(corpus / name)
        assert sum(line.startswith("Статья ") for line in lines) == articles, name


def test_repealed_point_keeps_its_note_and_the_next_point_stays_apart():
    body = "оснований: 1) (Утратил силу в соответствии с Законом КР от 17 марта 2012 года №23 ) 2) наличие."
    assert flattened.split_body(body) == [
        "оснований:", "1) (Утратил силу в соответствии с Законом КР от 17 марта 2012 года №23 )", "2) наличие."]


def test_roman_division_heading_after_the_last_note(tmp_path):
    export = tmp_path / "law.txt"
    export.write_text(
        "Section 1. Original section/article: 6. Source: X.\n"
        "Предоставление убежища Кыргызская Республика предоставляет убежище. "
        "(В редакции Закона КР от 11 октября 2011 года № 168 ) II. Основные права иностранных граждан\n\n"
        "Section 2. Original section/article: 7. Source: X.\n"
        "Трудовая деятельность Иностранные граждане могут работать.\n", encoding="utf-8")
    assert texts(export) == [
        "Статья 6. Предоставление убежища", "Кыргызская Республика предоставляет убежище.",
        "(В редакции Закона КР от 11 октября 2011 года № 168)", "II. Основные права иностранных граждан",
        "Статья 7. Трудовая деятельность", "Иностранные граждане могут работать."]


def test_word_endings_split_by_the_export_rejoined(tmp_path):
    export = tmp_path / "law.txt"
    export.write_text(
        "Section 1. Original section/article: 3. Source: X.\n"
        "Принципы Права иностранн ых граждан. (В редакции Закон ов КР от 11 октября 2011 года № 168)\n",
        encoding="utf-8")
    result = flattened.read_lines(export)
    assert [line.text for line in result.lines] == [
        "Статья 3. Принципы", "Права иностранных граждан.", "(В редакции Законов КР от 11 октября 2011 года № 168)"]
    assert any("split by the export" in message for _, message in result.warnings)


def test_division_heading_with_its_note_spilled_onto_the_next_line(tmp_path):
    export = tmp_path / "law.txt"
    export.write_text(
        "Section 1. Original section/article: 25. Source: X.\n"
        "Привилегии Положения не затрагивают привилегии. (В редакции Закона КР от 11 октября 2011 года № 168 ) "
        "III. ПРАВА ИНОСТРАННЫХ ГРАЖДАН (Раздел\nв редакции Закона КР от 24 июля 2020 года № 89)\n\n"
        "Section 2. Original section/article: 26. Source: X.\n"
        "Права Иностранные граждане вправе.\n", encoding="utf-8")
    assert texts(export)[3:] == [
        "III. ПРАВА ИНОСТРАННЫХ ГРАЖДАН", "(Раздел в редакции Закона КР от 24 июля 2020 года № 89)",
        "Статья 26. Права", "Иностранные граждане вправе."]


def test_publication_footnote_is_a_note_and_the_act_s_publication(tmp_path):
    from lawpatch.importer import import_file

    export = tmp_path / "law.txt"
    export.write_text(
        "Section 1. Original section/article: 31. Source: X.\n"
        "Вступление в силу Настоящий Закон вступает в силу со дня официального опубликования. "
        "Опубликован в газете \"Эркин-Тоо\" от 20 января 2006 года № 4 Кабинету Министров Кыргызской "
        "Республики привести свои акты в соответствие с настоящим Законом.\n", encoding="utf-8")
    assert texts(export)[1:] == [
        "Настоящий Закон вступает в силу со дня официального опубликования.",
        "Опубликован в газете \"Эркин-Тоо\" от 20 января 2006 года № 4",
        "Кабинету Министров Кыргызской Республики привести свои акты в соответствие с настоящим Законом."]
    law = import_file(export, title="О внешней трудовой миграции", date="2006-01-13", number="4").law
    assert law.publication == "газета \"Эркин-Тоо\" от 20 января 2006 года № 4"
    assert law.meta.find(".//{*}publication").get("date") == "2006-01-20"
    assert [el.get("eId") for el in law.get("art_31")][-2:] == ["art_31__al_1", "art_31__al_2"]
    assert not [e for e in law.meta.iter("{*}eventRef") if e.get("date") == "2006-01-20"]   # not an amendment
