"""Parity of content between a law's Russian and Kyrgyz texts: differences of every kind planted in
the sample law (each found where it is, nothing else reported), the real pairs (counts pinned), the
glossary file, the command line."""
from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter

import pytest

from lawpatch import structure as st
from lawpatch.glossary import Glossary, GlossaryError, Term, definitions, read_glossary
from lawpatch.law import Law
from lawpatch.parity.compare import differences
from lawpatch.parity.facts import Fact
from lawpatch.parity.laws import law_parity, unit_texts

from .conftest import DATA, LAWS, run_cli

SAMPLE = DATA / "sample-law"


def sample() -> tuple[Law, Law]:
    return Law.load(SAMPLE / "rus.xml"), Law.load(SAMPLE / "kir.xml")


def set_text(law: Law, eid: str, text: str) -> None:
    """The unit's (first) text block says ``text``."""
    st.own_paragraphs(law.get(eid))[0].text = text


def test_the_sample_law_has_no_difference():
    assert law_parity(*sample()).findings == []


# (unit, Russian text, Kyrgyz text, code, values only in rus, values only in kir)
PLANTED = [
    ("art_3__para_1", "Мигранты пользуются правами в течение 30 дней.", "Мигранттар 15 күндүн ичинде укуктарды пайдаланышат.",
     "PARITY.NUMBER", ["30"], ["15"]),
    ("art_3__para_1", "Мигранты пользуются правами в течение тридцати дней.", "Мигранттар отуз беш күндүн ичинде укуктарды пайдаланышат.",
     "PARITY.NUMBER", ["30"], ["35"]),
    ("art_3__para_1", "Решение принимается двумя третями голосов.", "Чечим добуштардын үчтөн бири менен кабыл алынат.",
     "PARITY.NUMBER", ["2/3"], ["1/3"]),
    ("art_3__para_3", "Сбор составляет 10 процентов дохода.", "Жыйым кирешенин 20 пайызын түзөт.",
     "PARITY.PERCENT", ["10%"], ["20%"]),
    ("art_3__para_3", "Штраф составляет 100 сомов.", "Айып пул 200 сомду түзөт.",
     "PARITY.AMOUNT", ["100"], ["200"]),
    ("art_3__para_3", "Ограничения действуют с 1 января 2025 года.", "Чектөөлөр 2026-жылдын 1-январынан тартып колдонулат.",
     "PARITY.DATE", ["2025-01-01"], ["2026-01-01"]),
    ("art_3__para_3", "Ограничения устанавливаются в соответствии с частью 2 статьи 3.",
     "Чектөөлөр 3-берененин 1-бөлүгүнө ылайык белгиленет.", "PARITY.REFERENCE", ["часть 2"], ["часть 1"]),
    ("art_3__para_3", "Ограничения устанавливаются Законом КР от 10 июля 2025 года № 137.",
     "Чектөөлөр КР 2025-жылдын 10-июлундагы № 138 Мыйзамы менен белгиленет.", "PARITY.ACT", ["№ 137"], ["№ 138"]),
    ("art_3__para_3", None, "Ограничения прав мигрантов в Кыргызской Республике устанавливаются только законом и "
     "судом.", "PARITY.LANGUAGE", [], []),
]


@pytest.mark.parametrize("eid, rus, kir, code, only_rus, only_kir", PLANTED, ids=lambda v: v if isinstance(v, str) and
                         v.startswith("PARITY") else None)
def test_a_planted_difference_is_found_and_nothing_else(eid, rus, kir, code, only_rus, only_kir):
    r, k = sample()
    if rus:
        set_text(r, eid, rus)
    set_text(k, eid, kir)
    (f,) = law_parity(r, k).findings
    assert (f.code, f.unit, f.severity) == (code, eid, "error")      # one redaction: an error
    assert (f.extra.get("rus", []), f.extra.get("kir", [])) == (only_rus, only_kir)
    assert f.extra["kir_text"] == kir and f.extra["same_redaction"] is True
    assert f.file.endswith("rus.xml") and f.line == r.get(eid).sourceline
    assert f.extra["kir_line"] == k.get(eid).sourceline


def test_an_enumeration_with_an_item_less_is_found():
    r, k = sample()
    item = k.get("art_2__indent_3")
    item.getparent().remove(item)
    (f,) = law_parity(r, k).findings
    assert (f.code, f.unit) == ("PARITY.ENUMERATION", "art_2")
    assert f.message == "items differ: 1 abzats, 3 dash items in rus; 1 abzats, 2 dash items in kir"


def test_a_unit_repealed_in_one_text_only_is_found():
    r, k = sample()
    k.get("art_5").set("status", "removed")
    (f,) = law_parity(r, k).findings
    assert (f.code, f.unit, f.message) == ("PARITY.REPEALED", "art_5", "repealed in kir only")


def test_a_quoted_term_without_its_pair_is_found():
    r, k = sample()
    set_text(r, "art_3__para_3", "Ограничения прав «трудящихся-мигрантов» устанавливаются законом.")
    glossary = Glossary([Term(("трудящийся-мигрант",), ("эмгек мигранты",))])
    (f,) = law_parity(r, k, glossary).findings
    assert f.code == "PARITY.TERM" and "lacks «эмгек мигранты»" in f.message
    set_text(k, "art_3__para_3", "Эмгек мигранттарынын укуктарын чектөө мыйзам менен белгиленет.")
    assert law_parity(r, k, glossary).findings == []


def test_the_same_facts_written_otherwise_are_no_difference():
    """Figures against words, a figure against a weak word, the order of a chain, a list against a range."""
    for rus, kir in [("в течение 30 дней", "отуз күндүн ичинде"),
                     ("не менее двух третей голосов", "үчтөн экисинен кем эмес добуш"),
                     ("пунктом 3 части 2 статьи 5", "5-беренесинин 2-бөлүгүнүн 3-пунктунда"),
                     ("в пунктах 2, 3 статьи 83", "83-статьясынын 2-3-пункттарында"),
                     ("статьями 5–7", "5, 6 жана 7-беренелеринде"),
                     ("статьями 233-17 – 233-19", "233-17, 233-18, 233-19-статьяларында"),
                     ("один из родителей", "ата-энесинин бири"),
                     ("в течение одного года", "1 жылдын ичинде"),
                     ("с 1 января 2024 года", "2024-жылдын 1-январынан"),
                     ("первое января следующего года", "кийинки жылдын 1-январы"),
                     ("в размере 10 процентов", "10 пайыз өлчөмүндө"),
                     ("в пятидневный срок", "беш күндүк мөөнөттө")]:
        assert differences(rus, kir) == [], (rus, kir)


def test_a_range_the_other_text_lists_short_is_found():
    """Civil Code art. 281: «статьями 233-17 – 233-19» against «233-17, 233-19-статьяларында»."""
    (d,) = differences("статьями 233-9, 233-17 – 233-19, 250", "233-9, 233-17, 233-19, 250-статьяларында")
    assert d.message() == "references differ: статья 233-18 only in rus"


def test_different_redactions_give_warnings_that_say_so():
    r, k = sample()
    k.meta.find(f".//{st.A}FRBRExpression/{st.A}FRBRdate").set("date", "2026-01-01")
    set_text(k, "art_3__para_1", "Мигранттар 15 күндүн ичинде укуктарды пайдаланышат.")
    (f,) = law_parity(r, k).findings
    assert f.severity == "warning" and f.extra["same_redaction"] is False
    assert f.message.endswith("(different redactions: rus@2025-07-10, kir@2026-01-01)")


def test_unit_texts_leave_notes_and_sub_units_out():
    texts = unit_texts(Law.load(SAMPLE / "rus.xml"))
    assert texts["art_5"] == "Вступление в силу\nНастоящий Закон вступает в силу со дня официального опубликования."
    assert texts["art_3__para_2__al_1"] == "Мигранты имеют право:"    # a unit with points: its lead-in
    assert "art_3__para_2" not in texts


# --- the real pairs ------------------------------------------------------------------------------
def codes(folder) -> Counter:
    result = law_parity(Law.load(folder / "rus.xml"), Law.load(folder / "kir.xml"))
    return Counter(f.code.split(".")[1] for f in result.findings)


def test_the_constitution_two_texts_agree():
    """One redaction (the original of 2021): no difference of content in its 777 units."""
    assert codes(LAWS / "constitution") == Counter()


def test_the_labour_code_differences_are_pinned():
    """Different redactions (rus 2022, kir 2024): the units the later Kyrgyz text changed, and a
    real omission — art. 58-1 part 5: «в течение 2 лет после его увольнения» has no Kyrgyz words."""
    result = law_parity(Law.load(LAWS / "labour-code" / "rus.xml"), Law.load(LAWS / "labour-code" / "kir.xml"))
    assert Counter(f.code.split(".")[1] for f in result.findings) == Counter(
        {"NUMBER": 14, "ENUMERATION": 8, "REFERENCE": 2, "REPEALED": 1})
    assert all(f.severity == "warning" for f in result.findings)
    (omission,) = [f for f in result.findings if f.unit == "art_58-1__al_5"]
    assert omission.message.startswith("numbers differ: 2 only in rus")


def test_the_tax_code_differences_are_pinned():
    """Different redactions (rus 2024, kir 2025); 22 units of the Kyrgyz text are printed in Russian."""
    assert codes(LAWS / "tax-code") == Counter({"ENUMERATION": 273, "NUMBER": 111, "REPEALED": 63, "REFERENCE": 62,
                                                "DATE": 28, "LANGUAGE": 22, "PERCENT": 21, "AMOUNT": 13, "ACT": 1})


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_a_text_read_in_a_process_beside_gives_what_reading_it_here_gives(monkeypatch):
    """A long pair's Russian text is read in a forked process while this one reads the Kyrgyz text;
    the two swap their units' eIds and read the units both have alone: what comes back is the
    reading made here of those units, and every finding is the one made reading both texts whole."""
    from lawpatch import workers
    from lawpatch.parity import laws

    monkeypatch.setenv("LAWPATCH_CACHE", "off")
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    given = []

    def forked(fn, *args, channel=None):
        wait = workers.forked(fn, *args, channel=channel)
        return lambda: given.append(wait()) or given[-1]
    monkeypatch.setattr(laws, "forked", forked)
    folder = LAWS / "tax-code"                          # two redactions: units only in one text
    glossary = read_glossary(LAWS.parent / "glossary" / "terms.tsv")
    beside = laws.folder_parity(folder, glossary)
    assert len(given) == 1 and isinstance(given[0], tuple)           # builtin values, sent back
    sent = laws.Reading.from_plain(given[0])
    rus, kir = (Law.load(folder / f"{lang}.xml") for lang in ("rus", "kir"))
    shared = {el.get("eId") for el in rus.units()} & {el.get("eId") for el in kir.units()}
    assert len(shared) < len(sent.lines)
    assert sent == laws.reading(rus, "rus", shared)
    assert sent.facts and all(type(f) is Fact for found in sent.facts.values() for f in found)
    monkeypatch.setattr(laws, "forked", lambda fn, *args, channel=None: channel.close() or (lambda: None))
    here = laws.folder_parity(folder, glossary)
    whole = laws.law_parity(rus, kir, glossary, str(folder))
    assert [f.as_dict() for f in beside.findings] == [f.as_dict() for f in here.findings] \
        == [f.as_dict() for f in whole.findings] != []
    assert beside.summary() == here.summary() == whole.summary()


@pytest.mark.parametrize("broken", [("rus.xml",), ("kir.xml",), ("rus.xml", "kir.xml")])
@pytest.mark.parametrize("apart", [True, False])
def test_of_two_texts_read_side_by_side_the_first_broken_one_is_named(monkeypatch, tmp_path, broken, apart):
    """As when the texts are read in turn: the Russian text's error first, then the Kyrgyz one's."""
    from lawpatch import workers
    from lawpatch.errors import LawpatchError
    from lawpatch.parity import laws

    monkeypatch.setenv("LAWPATCH_CACHE", "off")
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    monkeypatch.setattr(laws, "_APART", 0 if apart else 1 << 40)
    folder = tmp_path / "law"
    shutil.copytree(SAMPLE, folder)
    for name in broken:
        (folder / name).write_text("<akomaNtoso>", encoding="utf-8")
    with pytest.raises(LawpatchError, match=re.escape(str(folder / broken[0]))):
        laws.folder_parity(folder)


@pytest.mark.parametrize("apart", [True, False])
def test_texts_in_each_others_place_are_refused_with_their_languages(monkeypatch, tmp_path, apart):
    from lawpatch import workers
    from lawpatch.errors import UsageError
    from lawpatch.parity import laws

    monkeypatch.setenv("LAWPATCH_CACHE", "off")
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    monkeypatch.setattr(laws, "_APART", 0 if apart else 1 << 40)
    folder = tmp_path / "law"
    folder.mkdir()
    shutil.copy(SAMPLE / "rus.xml", folder / "kir.xml")
    shutil.copy(SAMPLE / "kir.xml", folder / "rus.xml")
    with pytest.raises(UsageError, match="rus.xml is 'kir' and kir.xml 'rus'"):
        laws.folder_parity(folder)


@pytest.mark.slow
def test_the_civil_code_pair_of_the_corpus(corpus, tmp_path):
    """Civil Code part I: the 2025 print (RU) against the Kyrgyz Word file (to 14 Nov 2025)."""
    from lawpatch.importer import import_file

    folder = tmp_path / "civil-code"
    folder.mkdir()
    import_file(corpus / "orig" / "civil-code-part1-1996-15.ed2025.ru.pdf").law.save(folder / "rus.xml")
    import_file(corpus / "orig" / "civil-code-part1-1996-15.ky.docx").law.save(folder / "kir.xml")
    found = codes(folder)
    assert found == Counter({"ENUMERATION": 39, "REFERENCE": 14, "NUMBER": 10, "REPEALED": 5, "DATE": 1, "ACT": 1})


# --- the glossary ----------------------------------------------------------------------------------
def test_the_bundled_glossary_reads_and_its_terms_are_found_in_any_case():
    glossary = read_glossary(LAWS.parent / "glossary" / "terms.tsv")
    assert len(glossary) >= 155
    term = glossary.lookup("налоговый агент", "rus")
    assert term.kir == ("салык агенти",)
    assert glossary.occurs(term, "налоговыми агентами", "rus") and glossary.occurs(term, "салык агенттеринин", "kir")


def test_a_quoted_phrase_is_a_terms_form_exactly_where_the_terms_pattern_matches_it_whole():
    """``lookup`` tells a case form without compiling the term's pattern: the same answer as the
    pattern, for every term of the bundled glossary and every phrase quoted in the bundled laws."""
    from lawpatch.glossary import _is_form, normal, term_pattern

    glossary = read_glossary(LAWS.parent / "glossary" / "terms.tsv")
    asked = matched = 0
    for lang, quoted in (("rus", r"«([^«»]{2,120})»"), ("kir", r"[\"“«]([^\"“”«»]{2,120})[\"”»]")):
        phrases = {normal(m) for path in LAWS.glob(f"*/{lang}.xml")
                   for m in re.findall(quoted, path.read_text(encoding="utf-8"))}
        phrases |= {normal(v) + ending for t in glossary.terms for v in t.words(lang) for ending in ("", "ами", "-х", "ын")}
        for term in (v for t in glossary.terms for v in t.words(lang)):
            pattern = re.compile(term_pattern(term, lang), re.IGNORECASE)
            for phrase in (p for p in phrases if term[:3] in p):       # the near ones: lookup asks no others
                expected = bool(pattern.fullmatch(phrase))
                assert _is_form(term, lang, phrase) == expected, (term, phrase)
                asked += 1
                matched += expected
    assert asked > 5_000 and matched > 300


@pytest.mark.parametrize("text, message", [
    ("rus\tkir\n", "the header is «rus<TAB>kir<TAB>source»"),
    ("rus\tkir\tsource\nналог\n", "terms.tsv:2: a pair is «russian term<TAB>kyrgyz term<TAB>source» (1 column(s)"),
    ("# only comments\n", "no header"),
])
def test_a_glossary_line_that_is_no_pair_is_refused_with_its_line(tmp_path, text, message):
    path = tmp_path / "terms.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError, match=re.escape(message)):
        read_glossary(path)


def test_definitions_pair_terms_unit_by_unit():
    pairs = {t.rus[0]: t.kir[0] for t in definitions(Law.load(LAWS / "labour-code" / "rus.xml"),
                                                       Law.load(LAWS / "labour-code" / "kir.xml"))}
    assert pairs["заработная плата"] == "эмгек акы" and pairs["забастовка"] == "иш таштоо"
    assert pairs["тарифная ставка"] == "тарифтик ставка"          # «Тарифная ставка (оклад)»: two variants
    assert len(pairs) == 18


# --- the command line ------------------------------------------------------------------------------
def test_parity_cli_text_json_and_exit_status(tmp_path, capsys):
    folder = tmp_path / "law"
    shutil.copytree(SAMPLE, folder)
    assert run_cli(capsys, "parity", str(folder))[0] == 0
    kir = folder / "kir.xml"
    kir.write_text(kir.read_text(encoding="utf-8").replace(
        "Мигранттар Кыргыз Республикасынын мыйзамдарында белгиленген укуктарды пайдаланышат.",
        "Мигранттар 15 күндүн ичинде укуктарды пайдаланышат."), encoding="utf-8")
    code, out, err = run_cli(capsys, "parity", str(folder))
    assert code == 1 and out == ""
    assert "error: art_3__para_1: numbers differ: 15 only in kir" in err
    assert "    kir (" in err and "«Мигранттар 15 күндүн ичинде укуктарды пайдаланышат.»" in err
    code, out, _ = run_cli(capsys, "parity", str(folder), "--format", "json")
    (f,) = json.loads(out)
    assert code == 1 and f["code"] == "PARITY.NUMBER" and f["extra"]["kir"] == ["15"]


@pytest.mark.parametrize("args", [["no-such-folder"], [str(LAWS / "road-traffic")], [str(SAMPLE / "rus.xml")]])
def test_parity_cli_usage_errors(capsys, args):
    code, _, err = run_cli(capsys, "parity", *args)
    assert code == 2 and "Traceback" not in err


def test_parity_of_a_folder_of_laws_names_the_laws_with_one_text(capsys):
    code, _, err = run_cli(capsys, "parity", str(LAWS))
    assert code == 0
    assert "laws/road-traffic: one text only (no kir.xml), not compared" in err
    assert "laws/constitution: 777 unit(s) in both texts, 0 differ; one redaction" in err


def test_glossary_cli_prints_the_pairs_the_glossary_lacks(capsys, tmp_path):
    empty = tmp_path / "terms.tsv"
    empty.write_text("rus\tkir\tsource\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "glossary", str(LAWS / "labour-code"), "--glossary", str(empty))
    assert code == 0 and "заработная плата\tэмгек акы\tlabour-code art_151__al_2" in out.splitlines()
    code, out, _ = run_cli(capsys, "glossary", str(LAWS / "labour-code"))
    assert code == 0 and out == ""            # the bundled glossary has them all
