"""The Word front end: paragraphs in reading order, tables a row a line, clear refusals."""
from __future__ import annotations

import re
import zipfile

import pytest

from lawpatch.errors import LawpatchError
from lawpatch.importer import docx as docx_front


def make_docx(path, build):
    import docx

    document = docx.Document()
    build(document)
    document.save(str(path))
    return path


def ky_law(document):
    document.add_paragraph("КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ")
    document.add_paragraph("\u00a0")
    heading = document.add_paragraph("I БӨЛҮМ")
    heading.add_run().add_break()
    heading.add_run("ЖАЛПЫ БӨЛҮК")
    document.add_paragraph("1-Глава")
    document.add_paragraph("1-берене.  Ушул Мыйзамдын максаты")
    document.add_paragraph("1. Биринчи бөлүк:")
    document.add_paragraph("1) биринчи пункт;")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Кыргыз Республикасынын Президенти"
    table.cell(0, 1).text = "А. Акаев"
    document.add_paragraph("2-статья. Акыркы")


def test_paragraphs_in_order_with_line_breaks_split(tmp_path):
    result = docx_front.read_lines(make_docx(tmp_path / "law.docx", ky_law))
    assert result.format == "docx"
    assert [line.text for line in result.lines] == [
        "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ", "I БӨЛҮМ", "ЖАЛПЫ БӨЛҮК", "1-Глава",
        "1-берене. Ушул Мыйзамдын максаты", "1. Биринчи бөлүк:", "1) биринчи пункт;",
        "Кыргыз Республикасынын Президенти | А. Акаев", "2-статья. Акыркы"]
    numbers = [line.lineno for line in result.lines]
    assert numbers[1] == numbers[2] == 3  # both halves of the heading paragraph
    assert numbers == sorted(numbers)


def test_table_is_flagged(tmp_path):
    result = docx_front.read_lines(make_docx(tmp_path / "law.docx", ky_law))
    [(lineno, message)] = result.warnings
    assert "table" in message
    assert lineno == next(line.lineno for line in result.lines if line.text.startswith("Кыргыз Республикасынын Президенти"))


def test_superscript_number_read_as_the_database_writes_it(tmp_path):
    def build(document):
        heading = document.add_paragraph("82")
        heading.add_run("1").font.superscript = True
        heading.add_run("-статья. Дыйкан чарбасы")
        note = document.add_paragraph("Эскертүү")
        note.add_run("1").font.superscript = True   # a footnote mark after a word stays as it is

    lines = [line.text for line in docx_front.read_lines(make_docx(tmp_path / "law.docx", build)).lines]
    assert lines == ["82-1-статья. Дыйкан чарбасы", "Эскертүү1"]


def test_empty_document_refused(tmp_path):
    path = make_docx(tmp_path / "empty.docx", lambda d: d.add_paragraph("   "))
    with pytest.raises(LawpatchError, match="empty.docx: the Word file has no text"):
        docx_front.read_lines(path)


def test_zip_without_document_refused(tmp_path):
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not word")
    with pytest.raises(LawpatchError, match="fake.docx: not a Word document"):
        docx_front.read_lines(path)


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02 random bytes \xff", "Статья 1. Текст".encode()])
def test_not_a_zip_refused(tmp_path, content):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(LawpatchError, match="bad.docx: not a Word document"):
        docx_front.read_lines(path)


def test_missing_file_refused(tmp_path):
    with pytest.raises(LawpatchError, match="missing.docx: no such file"):
        docx_front.read_lines(tmp_path / "missing.docx")


@pytest.mark.slow
@pytest.mark.parametrize("stem", ["constitution-2021", "labour-code-2004-106", "civil-code-part1-1996-15", "tax-code-2022-3"])
def test_database_word_files_match_their_text(corpus, stem):
    """The corpus's .ky.txt holds the paragraphs of the .docx (a table row a line, «cell | cell»):
    the two must agree line for line. (Where a row repeats a cell — «274,5 | - | - | 31,65» — the
    .txt printed it once; the Word file has both. A stamp in a layout table, «| 2021-жылдын …»
    there, is its text alone here; a superscript, flat there, is «82-1» here.)"""
    mine = [_flat(_once(line.text)) for line in docx_front.read_lines(corpus / "orig" / f"{stem}.ky.docx").lines]
    text = [" ".join(line.translate({0xa0: " ", 0x2007: " ", 0x202f: " ", 0xfeff: " "}).split())
            for line in (corpus / f"{stem}.ky.txt").read_text(encoding="utf-8").splitlines()]
    assert mine == [_flat(line.strip("| ") if line.count("|") == 1 else line) for line in text if line.strip("| ")]


def _flat(line: str) -> str:
    """The text as the .txt prints a superscript number: flat («82-1-статья» there is «821-статья»)."""
    return re.sub(r"(?<=\d)-(?=\d)", "", line)


def _once(row: str) -> str:
    cells = row.split(" | ")
    return " | ".join(cell for i, cell in enumerate(cells) if i == 0 or cell != cells[i - 1])
