"""Units as printed (tests/data/importer/units: small texts in the forms real texts take):
superscript numbers printed flat and read from the numbering, real superscripts, wrapped
headings, misprinted number lines — each reading a warning naming its line."""
from __future__ import annotations

import pytest

from lawpatch import structure as st
from lawpatch.importer import import_file
from lawpatch.structure import A
from tests.conftest import DATA

UNITS = DATA / "importer" / "units"


@pytest.fixture(scope="module", params=["ru", "ky"])
def imported(request):
    return request.param, import_file(UNITS / f"units.{request.param}.txt")


def _text(law, eid: str) -> str:
    return " ".join(st.block_text(p) for p in st.own_paragraphs(law.get(eid)))


def test_flat_superscripts_read_from_the_numbering(imported):
    lang, result = imported
    law = result.law
    eids = [a.get("eId") for a in law.articles()]
    assert eids[:4] == ["art_193", "art_193-1", "art_205", "art_205-1"]
    assert [el.get("eId") for el in law.get("art_193").iter(A + "paragraph")] == [
        "art_193__para_1", "art_193__para_2", "art_193__para_2-1", "art_193__para_3"]
    flat = {(f.line, f.unit) for f in result.warnings if f.code == "IMPORT.FLAT_SUPERSCRIPT" and f.unit}
    assert {(6, "art_193__para_2-1"), (8, "art_193-1"), (12, "art_205-1")} <= flat


def test_a_run_of_inserted_articles_placed_later():
    eids = [a.get("eId") for a in import_file(UNITS / "units.ru.txt").law.articles()]
    assert eids[eids.index("art_244"):eids.index("art_245") + 1] == ["art_244", "art_233-1", "art_233-2", "art_245"]


def test_citations_in_the_text_read_from_the_act(imported):
    lang, result = imported
    law = result.law
    part3 = _text(law, "art_193__para_3")
    if lang == "ru":
        assert "частью 2-1 настоящей статьи" in part3 and "в статье 205-1." in part3
        # another act's article keeps its number: «статьями 193, 2051 и 233 Налогового кодекса»
        assert "статьями 193, 2051 и 233 Налогового кодекса" in _text(law, "art_193-1")
        assert "статью 233-1 настоящего Кодекса" in _text(law, "art_233-2")
    else:
        assert "2-1-бөлүгүндө" in part3 and "2051" not in part3 and "205-1-беренесинде" in part3
    cited = [f for f in result.warnings if f.code == "IMPORT.FLAT_SUPERSCRIPT" and not f.unit]
    assert cited and all(f.line for f in cited)


def test_real_superscript(imported):
    lang, result = imported
    article = result.law.get("art_240-1")
    assert st.num_text(article) == ("Статья 240-1." if lang == "ru" else "240-1-берене.")
    assert not any("240" in f.message for f in result.warnings)   # read as printed: nothing to say


def test_wrapped_headings(imported):
    lang, result = imported
    heading = st.heading_text(result.law.get("art_205-1"))
    assert heading == ("Права лица, ограниченного в правах" if lang == "ru" else "Укуктары чектелген адамдын укуктары")


@pytest.mark.parametrize("lang,expected", [
    ("ru", "(Исключена в соответствии с Законом КР от 1 июля 2020 года № 12)"),
    ("ky", "(КР 2020-жылдын 1-июлундагы № 12 Мыйзамына ылайык алынып салынган)")])
def test_excluded_article_with_its_note_wrapped(lang, expected):
    law = import_file(UNITS / f"units.{lang}.txt").law
    article = law.get("art_235")
    assert st.is_repealed(article)
    [note] = [st.block_text(p) for p in article.iter(A + "p")]
    assert note == expected
    assert not st.heading_text(article)


@pytest.mark.parametrize("lang,line,eid", [("ru", 29, "art_291"), ("ru", 31, "art_309-3"), ("ky", 21, "art_309-3")])
def test_misprinted_number_lines(lang, line, eid):
    result = import_file(UNITS / f"units.{lang}.txt")
    assert eid in result.law
    [warning] = [f for f in result.warnings if f.code == "IMPORT.MISPRINTED_NUMBER" and f.line == line]
    assert ("З" in warning.message) == (eid == "art_309-3")


@pytest.mark.parametrize("lang,expected", [
    ("ru", "Возникновение гражданских прав и обязанностей, осуществление и защита гражданских прав"),
    ("ky", "Граждандык укуктардын жана милдеттердин келип чыгышы, граждандык укуктарды жүзөгө ашыруу жана коргоо")])
def test_a_chapter_heading_wrapped_onto_the_next_line(lang, expected):
    """As the Civil Code's 2025 print wraps it: the line in lower case is the heading's end, not a
    text of the chapter (a bill derived from it read «в главе 2 перед статьей 7 дополнить абзацем»);
    the editorial note under it stays a note."""
    law = import_file(UNITS / f"chapter-heading.{lang}.txt").law
    (chapter,) = law.root.iter(A + "chapter")
    assert st.heading_text(chapter) == expected
    intro = chapter.find(A + "intro")
    assert intro is None or all(st.is_editorial(p) for p in intro.iter(A + "p"))
    assert [a.get("eId") for a in chapter.iter(A + "article")] == ["art_7"]
