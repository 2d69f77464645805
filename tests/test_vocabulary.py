"""The one KR vocabulary: every unit name × language × case × number, genders, ordinals, the names
the units of real laws take, and the agreement of the law's note, the bill's verb and the table's mark."""
from __future__ import annotations

import functools

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


# --- numbers in words ----------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _pymorphy_form(word: str, case: str, gender: str | None = None, pos=("NUMR",)) -> str:
    """pymorphy3's form of a number word; the accusative is the inanimate one (a law's units)."""
    parse = next(p for p in _morph().parse(word) if p.tag.POS in pos)
    grammemes = {PYMORPHY[case]} | ({gender, "sing"} if gender else set())
    form = parse.inflect(grammemes | ({"inan"} if case == "acc" and gender in (None, "masc") else set()))
    return (form or parse.inflect(grammemes)).word.replace("ё", "е")


@pytest.mark.parametrize("n", [n for n in range(1, 1000) if n < 21 or n % 10 == 0 or n in (21, 99, 101, 345, 999)])
@pytest.mark.parametrize("case", voc.RU_CASES)
def test_cardinal_forms_agree_with_pymorphy(n, case):
    """The written-out cardinals against pymorphy3, word by word («ста двадцати»)."""
    words = voc.cardinal(n, "rus").split()
    expected = " ".join(_pymorphy_form(w, case, pos=("NUMR", "ADJF")) for w in words)
    assert voc.cardinal(n, "rus", case) == expected


@pytest.mark.parametrize("n", list(range(1, 21)) + [30, 40, 50, 60, 70, 80, 90, 100, 200, 300, 400, 500, 600,
                                                    700, 800, 900])
@pytest.mark.parametrize("gender", voc.GENDERS)
def test_ordinal_forms_agree_with_pymorphy(n, gender):
    """The ordinal's last word declined by rule, against pymorphy3 (every case and gender)."""
    for case in voc.RU_CASES:
        assert voc.ordinal(n, "rus", case, gender) == _pymorphy_form(voc.ordinal(n), case, gender, ("ADJF",))


@pytest.mark.parametrize("n", list(range(1, 130)) + [200, 234, 345, 500, 999])
def test_cardinals_read_back_in_every_case(n):
    for case in voc.RU_CASES:
        assert voc.numeral_value(voc.cardinal(n, "rus", case)) == n
    assert voc.numeral_value(voc.cardinal(n, "kir")) == n
    assert voc.ordinal_value(voc.cardinal(n, "rus")) is None


@pytest.mark.parametrize("text, lang, found", [
    ("в течение тридцати дней", "rus", [(30, False)]),
    ("не позднее двадцать первого числа", "rus", [(21, True)]),
    ("не более двух тысяч пятисот сомов", "rus", [(2500, False)]),
    ("сто двадцать пять миллионов", "rus", [(125_000_000, False)]),
    ("пять двадцать", "rus", [(5, False), (20, False)]),       # two numbers, not one
    ("в пунктах первом и третьем", "rus", [(1, True), (3, True)]),
    ("одного из родителей", "rus", [(1, False)]),
    ("в четвёртом абзаце", "rus", [(4, True)]),
    ("отуз күндүн ичинде", "kir", [(30, False)]),
    ("эки жүз элүү сом", "kir", [(250, False)]),
    ("он беш күн", "kir", [(15, False)]),
    ("он биринчи", "kir", [(11, True)]),
    ("эки жүзүнчү", "kir", [(200, True)]),
    ("беш жүз миң", "kir", [(500_000, False)]),
    ("онго чейин, үчтөн кем эмес", "kir", [(10, False), (3, False)]),
    ("14төн 16га чейинки", "kir", []),                        # figures are not words
    ("миңден бешке чейин, жүздөн он экиге", "kir", [(1000, False), (5, False), (100, False), (12, False)]),
    ("миң беш жүзгө чейин", "kir", [(1500, False)]),           # a case ending ends its number, only the last word has one
    ("бирге, бирден, бирок", "kir", []),                     # «together», «at once», «but»
])
def test_numerals_in_running_text(text, lang, found):
    assert [(n.value, n.ordinal) for n in voc.numerals(text, lang)] == found


@pytest.mark.parametrize("text, lang, values", [
    ("не менее двух третей голосов", "rus", ["2/3"]), ("одной трети депутатов", "rus", ["1/3"]),
    ("одна четвертая, на двух - одна третья", "rus", ["1/4", "2", "1/3"]),
    ("более половины работников, в полуторном размере", "rus", ["1/2", "3/2"]),
    ("в пятидневный срок, трехсторонняя комиссия, в двойном размере", "rus", ["5", "3", "2"]),
    ("үчтөн экисинин добушу, үчтөн биринин", "kir", ["2/3", "1/3"]),
    ("миңден экиси, миңдин үч бөлүгү", "kir", ["1/500", "3/1000"]),         # over a scale word
    ("бир чейреги, бир жарым эседен, жарымынан көбүн, теңинен азын", "kir", ["1/4", "3/2", "1/2", "1/2"]),
    ("толук же жарым-жартылай", "kir", []),                   # «partly»
])
def test_fractions_and_multiples(text, lang, values):
    assert [str(n.value) for n in voc.numerals(text, lang)] == values


def test_weak_numerals():
    """«один», «оба», «бир», «экөө» are often not numbers: read, and marked weak."""
    assert [n.weak for n in voc.numerals("один из супругов, оба супруга, двадцать один день")] == [True, True, False]
    assert [n.weak for n in voc.numerals("первой помощи, второй стороне, третьей стороне")] == [True, True, False]
    assert [n.weak for n in voc.numerals("ар бир адам, экөө тең", "kir")] == [True, True]


def test_numerals_keep_their_place():
    text = "в течение тридцати дней"
    (n,) = voc.numerals(text)
    assert text[n.start:n.end] == "тридцати"


def test_ordinal_value_reads_running_text_words_only_when_they_are_ordinals():
    """What references read in running text: «настоящей», «первоначальный» are no ordinals."""
    assert voc.ordinal_value("настоящей") is None and voc.ordinal_value("первоначальный") is None
    assert voc.ordinal_value("сто девяносто девятой") == 199
