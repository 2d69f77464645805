"""parse_fragment: new text in the importer's syntax → AKN units."""
from __future__ import annotations

import pytest

from lawpatch.errors import LawpatchError
from lawpatch.importer import parse_fragment
from lawpatch.structure import A, assign_eids, local, num_text, unit_lines


def _wrap(elements):
    from lxml import etree
    body = etree.Element(A + "body")
    for el in elements:
        body.append(el)
    assign_eids(body)
    return body


def test_article_with_parts_points_and_subpoints():
    els = parse_fragment("Статья 5-1. Новая статья\n1. Текст:\n1) один;\nа) подпункт;\nб) два.\n"
                         "2) три.\nАбзац после списка.\n2. Вторая часть.", "rus")
    assert len(els) == 1
    body = _wrap(els)
    art = els[0]
    assert art.get("eId") == "art_5-1"
    ids = [el.get("eId") for el in body.iter() if el.get("eId")]
    assert "art_5-1__para_1__point_1__point_а" in ids
    assert "art_5-1__para_1__al_2" in ids  # the abzats after the list belongs to part 1
    assert "art_5-1__para_2" in ids
    assert unit_lines(art)[:3] == ["Статья 5-1. Новая статья", "1. Текст:", "1) один;"]


@pytest.mark.parametrize("text,context,tag,num", [
    ("5) новый пункт;", "paragraph", "point", "5)"),
    ("в) новый подпункт;", "point", "point", "в)"),
    ("3. Новая часть.", "article", "paragraph", "3."),
    ("- новое тире;", "article", "indent", "-"),
    ("Новый абзац.", "article", "alinea", ""),
    ("5-1-берене. Жаңы берене\nТекст.", None, "article", "5-1-берене."),
])
def test_single_units(text, context, tag, num):
    els = parse_fragment(text, "rus", context=context)
    assert [local(e.tag) for e in els] == [tag]
    assert num_text(els[0]) == num


def test_several_units_in_order():
    els = parse_fragment("1) первый;\n2) второй;\n3) третий.", "rus", context="paragraph")
    assert [num_text(e) for e in els] == ["1)", "2)", "3)"]


def test_editorial_note_is_kept_as_editorial():
    els = parse_fragment("3. Текст.\n(В редакции Закона КР от 1 января 2025 года № 1)", "rus", context="article")
    ps = els[0].findall(f".//{A}p")
    assert [p.get("class") for p in ps] == [None, "editorial"]


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_text_is_refused(text):
    with pytest.raises(LawpatchError, match="empty"):
        parse_fragment(text, "rus")


def test_unknown_context_is_refused():
    with pytest.raises(LawpatchError, match="context"):
        parse_fragment("1) x", "rus", context="bogus")


def test_lead_in_of_subpoints_after_a_closed_point_belongs_to_the_point():
    els = parse_fragment("1) первый.\n2) второй.\nДля целей настоящей статьи признается:\nа) одно;\nб) другое.\n3) третий.",
                         "rus", context="paragraph")
    body = _wrap(els)
    assert [num_text(e) for e in els] == ["1)", "2)", "3)"]
    assert els[1].find(A + "alinea") is not None
    assert [num_text(p) for p in els[1].findall(A + "point")] == ["а)", "б)"]
    assert body is not None


def test_repealed_article_on_one_line():
    (art,) = parse_fragment("Статья 7. (Утратила силу в соответствии с Законом КР от 10 июля 2025 года № 137)", "rus")
    assert art.get("status") == "removed"
    assert art.find(A + "heading") is None
    assert [p.get("class") for p in art.iter(A + "p")] == ["editorial"]


def test_kyrgyz_repealed_part():
    (para,) = parse_fragment("3. (КР 2025-жылдын 29-октябрындагы № 243 Мыйзамына ылайык күчүн жоготту)", "kir",
                             context="article")
    assert para.get("status") == "removed"
