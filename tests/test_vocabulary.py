"""The one KR vocabulary: every unit name × language × case × number, genders, ordinals, the names
the units of real laws take, and the agreement of the law's note, the bill's verb and the table's mark."""
from __future__ import annotations

import pytest

from lawpatch import structure as st
from lawpatch import vocabulary as voc
from lawpatch.law import Law

from .conftest import DATA, LAWS

FAMILY_CODE = DATA / "family-code" / "laws" / "family-code" / "rus.xml"

PYMORPHY = {"nom": "nomn", "gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "loc": "loct"}


@pytest.mark.parametrize("name", [n for n in voc.UNIT_NAMES if " " not in n])
@pytest.mark.parametrize("case", voc.RU_CASES)
@pytest.mark.parametrize("plural", [False, True])
def test_russian_forms_agree_with_pymorphy(name, case, plural):
    """The written-out tables against an independent morphology (pymorphy3's dictionary)."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    parse = next(p for p in morph.parse(name)   # the inanimate noun: «глава» of a law, not of a state
                 if p.tag.POS == "NOUN" and p.normal_form == name and "inan" in p.tag)
    expected = parse.inflect({PYMORPHY[case]} | ({"plur"} if plural else {"sing"})).word.replace("ё", "е")
    assert voc.noun(name, "rus", case, plural) == expected


@pytest.mark.parametrize("name", voc.UNIT_NAMES)
def test_genders(name):
    expected = {"статья": "femn", "часть": "femn", "глава": "femn", "часть кодекса": "femn",
                "предложение": "neut", "наименование": "neut"}.get(name, "masc")
    assert voc.gender(name) == expected


@pytest.mark.parametrize("name", voc.UNIT_NAMES)
@pytest.mark.parametrize("case", voc.KY_CASES)
def test_kyrgyz_forms_are_built_on_their_stems(name, case):
    ky = voc.ky_noun(name)
    plain, possessed = voc.noun(name, "kir", case), voc.noun(name, "kir", case, possessed=True)
    plain_pl = voc.noun(name, "kir", case, plural=True)
    possessed_pl = voc.noun(name, "kir", case, plural=True, possessed=True)
    stem = ky.plain[0]
    assert plain.startswith(stem[:-1]) and plain_pl.startswith(ky.plain_plural[0])
    assert possessed.startswith(ky.possessed[0][:-1]) and possessed_pl.startswith(ky.possessed_plural[0][:-1])
    assert len({plain, possessed, plain_pl, possessed_pl}) == 4
    if case != "nom":
        assert plain != stem and possessed != ky.possessed[0]


def test_kyrgyz_cases_of_the_article():
    assert [voc.noun("статья", "kir", c) for c in voc.KY_CASES] == [
        "берене", "берененин", "беренени", "беренеге", "беренеде", "беренеден"]
    assert [voc.noun("часть", "kir", c, possessed=True) for c in voc.KY_CASES] == [
        "бөлүгү", "бөлүгүнүн", "бөлүгүн", "бөлүгүнө", "бөлүгүндө", "бөлүгүнөн"]


@pytest.mark.parametrize("n", list(range(1, 120)) + [200, 201, 345, 999])
def test_ordinals_read_back_in_every_case_and_gender(n):
    for gender in voc.GENDERS:
        for case in voc.RU_CASES:
            assert voc.ordinal_value(voc.ordinal(n, "rus", case, gender)) == n
    assert voc.ordinal_value(voc.ordinal(n, "kir")) == n


def test_ordinal_forms():
    assert [voc.ordinal(2, "rus", c) for c in voc.RU_CASES] == [
        "второй", "второго", "второму", "второй", "вторым", "втором"]
    assert [voc.ordinal(3, "rus", c, "femn") for c in voc.RU_CASES] == [
        "третья", "третьей", "третьей", "третью", "третьей", "третьей"]
    assert voc.ordinal(2, gender="neut") == "второе"
    assert voc.ordinal(4) == "четвертый"   # «ё» is written «е» in KR laws
    with pytest.raises(voc.VocabularyError):
        voc.ordinal(0)
    with pytest.raises(voc.VocabularyError):
        voc.ordinal(5, case="voc")


@pytest.mark.parametrize("name, rus, kir", [
    ("пункт", "(Утратил силу)", "(Күчүн жоготту)"),
    ("абзац", "(Утратил силу)", "(Күчүн жоготту)"),
    ("раздел", "(Утратил силу)", "(Күчүн жоготту)"),
    ("параграф", "(Утратил силу)", "(Күчүн жоготту)"),
    ("подпункт", "(Утратил силу)", "(Күчүн жоготту)"),
    ("статья", "(Утратила силу)", "(Күчүн жоготту)"),
    ("часть", "(Утратила силу)", "(Күчүн жоготту)"),
    ("глава", "(Утратила силу)", "(Күчүн жоготту)"),
    ("предложение", "(Утратило силу)", "(Күчүн жоготту)"),
])
def test_repeal_words_agree(name, rus, kir):
    """The law's note, the bill's verb and the table's mark take the same gender."""
    assert voc.repealed_note(name, "rus") == rus
    assert voc.repealed_note(name, "kir") == kir
    participle = {"(Утратил силу)": "утратившим", "(Утратила силу)": "утратившей", "(Утратило силу)": "утратившим"}[rus]
    assert voc.repeal_verb(name) == f"признать {participle} силу"
    assert voc.repealed_label(name) == rus[1:-1].lower()


def _first(law: Law, predicate):
    return next(el for el in law.units() if predicate(el))


@pytest.mark.parametrize("slug, naming", [("external-migration", "parts"), ("labour-code", "parts"),
                                          ("constitution", "parts")])
def test_unit_names_in_real_laws(slug, naming):
    law = Law.load(LAWS / slug / "rus.xml")
    assert law.naming == naming
    names = {}
    for el in law.units():
        names.setdefault(st.local(el.tag) + ("/nested" if st.local(el.getparent().tag) == st.local(el.tag) else ""),
                         set()).add(st.unit_name(el, law.naming))
    assert names["article"] == {"статья"}
    assert names["paragraph"] <= {"часть"}
    assert names.get("point", {"пункт"}) == {"пункт"}
    assert names.get("point/nested", {"подпункт"}) == {"подпункт"}
    assert names.get("alinea", {"абзац"}) <= {"абзац", "часть"}


def test_unit_names_in_the_points_naming():
    """The Civil and Family Codes call «1.» a пункт and «1)» a подпункт."""
    law = Law.load(FAMILY_CODE)
    assert law.naming == "points"
    para = _first(law, lambda el: st.local(el.tag) == "paragraph" and st.num_text(el))
    point = _first(law, lambda el: st.local(el.tag) == "point")
    assert st.unit_name(para, "points") == "пункт" and st.unit_name(para, "parts") == "часть"
    assert st.unit_name(point, "points") == "подпункт" and st.unit_name(point, "parts") == "пункт"


@pytest.mark.parametrize("text, lang", [
    ("5-беренесинин 2-бөлүгү", "kir"), ("Мигранттар соттордун алдында тең", "kir"),
    ("«орган» деген сөз", "kir"), ("часть 2 статьи 5", "rus"), ("Статья 5-1. Права", "rus"),
])
def test_language_of(text, lang):
    assert voc.language_of(text) == lang


def test_quoted_words_and_occurrences():
    assert voc.quoted_words("3") == "цифру «3»"
    assert voc.quoted_words("30", case="ins") == "цифрами «30»"
    assert voc.quoted_words("в судебном порядке", case="gen") == "слов «в судебном порядке»"
    assert voc.occurrence_phrase(3) == "в третьем случае"
    assert voc.occurrence_phrase(2) == "во втором случае"


def test_ordinal_by_lemma_reads_every_form_ordinal_value_reads():
    """The fast reading of running text agrees with the full table: every case and gender of
    1–199 and of the round hundreds, and the Kyrgyz forms."""
    from lawpatch.vocabulary import ordinal, ordinal_by_lemma

    for n in list(range(1, 200)) + [300, 500, 999]:
        assert ordinal_by_lemma(ordinal(n, "kir")) == n
        for case in ("nom", "gen", "dat", "acc", "ins", "loc"):
            for g in ("masc", "femn", "neut"):
                assert ordinal_by_lemma(ordinal(n, "rus", case, g)) == n, (n, case, g)
    assert ordinal_by_lemma("настоящей") is None and ordinal_by_lemma("первоначальный") is None
