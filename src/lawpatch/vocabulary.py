"""The KR vocabulary, in one place: the names of the units of a law in Russian and Kyrgyz, their
genders and case forms, numbers in words (written and read), the wording of repeal notes, and the test
of a text's language.

Every module that writes or reads KR legal language takes its words from here (citations, the
amending law's text, repeal notes in the law, the comparison table, the importer's messages), so
that «пункт 4 утратил силу» in the law, «пункт 4 признать утратившим силу» in the bill and «утратил
силу» in the table can never disagree. ``tests/test_vocabulary.py`` enumerates every unit × language
× case × number.

Units are named by their Russian nominative («статья», «часть», «пункт»…): which AKN element a name
stands for depends on the act's naming (see :func:`lawpatch.structure.unit_name`).

Russian nouns and cardinals are written out (six cases, singular and plural); Russian ordinals are
declined by the adjective's endings (both checked against pymorphy3 by the tests). Kyrgyz nouns take their case endings after vowel harmony, written out in both forms a
citation needs: plain («5-берене», «5-беренеге») and possessed, as the head of a genitive chain
(«5-беренесинин 2-бөлүгүнө»). Kyrgyz ordinals precede the noun and are not inflected.
"""
from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from . import lazyre

LANGS = ("rus", "kir")
RU_CASES = ("nom", "gen", "dat", "acc", "ins", "loc")
KY_CASES = ("nom", "gen", "acc", "dat", "loc", "abl")
GENDERS = ("masc", "femn", "neut")


class VocabularyError(ValueError):
    """A word the vocabulary does not have (a programming error or a number out of range)."""


# --- nouns --------------------------------------------------------------------------------------

class RuNoun(NamedTuple):
    """A Russian unit noun: its gender and its forms in the six cases, singular and plural."""

    gender: str
    singular: tuple[str, ...]   # nom gen dat acc ins loc
    plural: tuple[str, ...]

    def form(self, case: str = "nom", plural: bool = False) -> str:
        return (self.plural if plural else self.singular)[_case_index(case, RU_CASES)]


class KyNoun(NamedTuple):
    """A Kyrgyz unit noun: its forms in the six cases, plain and possessed, singular and plural."""

    plain: tuple[str, ...]       # nom gen acc dat loc abl: «берене», «берененин» …
    possessed: tuple[str, ...]   # «беренеси», «беренесинин» …
    plain_plural: tuple[str, ...]
    possessed_plural: tuple[str, ...]

    def form(self, case: str = "nom", possessed: bool = False, plural: bool = False) -> str:
        table = ((self.possessed_plural if plural else self.possessed) if possessed
                 else (self.plain_plural if plural else self.plain))
        return table[_case_index(case, KY_CASES)]


def _case_index(case: str, cases: tuple[str, ...]) -> int:
    try:
        return cases.index(case)
    except ValueError:
        raise VocabularyError(f"unknown case {case!r} (one of {', '.join(cases)})") from None


def _ru(gender: str, sg: str, pl: str) -> RuNoun:
    return RuNoun(gender, tuple(sg.split()), tuple(pl.split()))


def _ky(plain: str, poss: str, plain_pl: str, poss_pl: str) -> KyNoun:
    return KyNoun(*(tuple(s.split()) for s in (plain, poss, plain_pl, poss_pl)))


RU_NOUNS: dict[str, RuNoun] = {
    "статья": _ru("femn", "статья статьи статье статью статьей статье",
                  "статьи статей статьям статьи статьями статьях"),
    "часть": _ru("femn", "часть части части часть частью части",
                 "части частей частям части частями частях"),
    "пункт": _ru("masc", "пункт пункта пункту пункт пунктом пункте",
                 "пункты пунктов пунктам пункты пунктами пунктах"),
    "подпункт": _ru("masc", "подпункт подпункта подпункту подпункт подпунктом подпункте",
                    "подпункты подпунктов подпунктам подпункты подпунктами подпунктах"),
    "абзац": _ru("masc", "абзац абзаца абзацу абзац абзацем абзаце",
                 "абзацы абзацев абзацам абзацы абзацами абзацах"),
    "глава": _ru("femn", "глава главы главе главу главой главе",
                 "главы глав главам главы главами главах"),
    "раздел": _ru("masc", "раздел раздела разделу раздел разделом разделе",
                  "разделы разделов разделам разделы разделами разделах"),
    "параграф": _ru("masc", "параграф параграфа параграфу параграф параграфом параграфе",
                    "параграфы параграфов параграфам параграфы параграфами параграфах"),
    "предложение": _ru("neut", "предложение предложения предложению предложение предложением предложении",
                       "предложения предложений предложениям предложения предложениями предложениях"),
    "наименование": _ru("neut", "наименование наименования наименованию наименование наименованием наименовании",
                        "наименования наименований наименованиям наименования наименованиями наименованиях"),
}

# Kyrgyz: nom gen acc dat loc abl, each table in the order plain, possessed, plain plural, possessed plural.
KY_NOUNS: dict[str, KyNoun] = {
    "берене": _ky("берене берененин беренени беренеге беренеде беренеден",
                  "беренеси беренесинин беренесин беренесине беренесинде беренесинен",
                  "беренелер беренелердин беренелерди беренелерге беренелерде беренелерден",
                  "беренелери беренелеринин беренелерин беренелерине беренелеринде беренелеринен"),
    "бөлүк": _ky("бөлүк бөлүктүн бөлүктү бөлүккө бөлүктө бөлүктөн",
                 "бөлүгү бөлүгүнүн бөлүгүн бөлүгүнө бөлүгүндө бөлүгүнөн",
                 "бөлүктөр бөлүктөрдүн бөлүктөрдү бөлүктөргө бөлүктөрдө бөлүктөрдөн",
                 "бөлүктөрү бөлүктөрүнүн бөлүктөрүн бөлүктөрүнө бөлүктөрүндө бөлүктөрүнөн"),
    "пункт": _ky("пункт пункттун пунктту пунктка пунктта пункттан",
                 "пункту пунктунун пунктун пунктуна пунктунда пунктунан",
                 "пункттар пункттардын пункттарды пункттарга пункттарда пункттардан",
                 "пункттары пункттарынын пункттарын пункттарына пункттарында пункттарынан"),
    "пунктча": _ky("пунктча пунктчанын пунктчаны пунктчага пунктчада пунктчадан",
                   "пунктчасы пунктчасынын пунктчасын пунктчасына пунктчасында пунктчасынан",
                   "пунктчалар пунктчалардын пунктчаларды пунктчаларга пунктчаларда пунктчалардан",
                   "пунктчалары пунктчаларынын пунктчаларын пунктчаларына пунктчаларында пунктчаларынан"),
    "абзац": _ky("абзац абзацтын абзацты абзацка абзацта абзацтан",
                 "абзацы абзацынын абзацын абзацына абзацында абзацынан",
                 "абзацтар абзацтардын абзацтарды абзацтарга абзацтарда абзацтардан",
                 "абзацтары абзацтарынын абзацтарын абзацтарына абзацтарында абзацтарынан"),
    "глава": _ky("глава главанын главаны главага главада главадан",
                 "главасы главасынын главасын главасына главасында главасынан",
                 "главалар главалардын главаларды главаларга главаларда главалардан",
                 "главалары главаларынын главаларын главаларына главаларында главаларынан"),
    "бөлүм": _ky("бөлүм бөлүмдүн бөлүмдү бөлүмгө бөлүмдө бөлүмдөн",
                 "бөлүмү бөлүмүнүн бөлүмүн бөлүмүнө бөлүмүндө бөлүмүнөн",
                 "бөлүмдөр бөлүмдөрдүн бөлүмдөрдү бөлүмдөргө бөлүмдөрдө бөлүмдөрдөн",
                 "бөлүмдөрү бөлүмдөрүнүн бөлүмдөрүн бөлүмдөрүнө бөлүмдөрүндө бөлүмдөрүнөн"),
    "параграф": _ky("параграф параграфтын параграфты параграфка параграфта параграфтан",
                    "параграфы параграфынын параграфын параграфына параграфында параграфынан",
                    "параграфтар параграфтардын параграфтарды параграфтарга параграфтарда параграфтардан",
                    "параграфтары параграфтарынын параграфтарын параграфтарына параграфтарында параграфтарынан"),
    "сүйлөм": _ky("сүйлөм сүйлөмдүн сүйлөмдү сүйлөмгө сүйлөмдө сүйлөмдөн",
                  "сүйлөмү сүйлөмүнүн сүйлөмүн сүйлөмүнө сүйлөмүндө сүйлөмүнөн",
                  "сүйлөмдөр сүйлөмдөрдүн сүйлөмдөрдү сүйлөмдөргө сүйлөмдөрдө сүйлөмдөрдөн",
                  "сүйлөмдөрү сүйлөмдөрүнүн сүйлөмдөрүн сүйлөмдөрүнө сүйлөмдөрүндө сүйлөмдөрүнөн"),
    "аталыш": _ky("аталыш аталыштын аталышты аталышка аталышта аталыштан",
                  "аталышы аталышынын аталышын аталышына аталышында аталышынан",
                  "аталыштар аталыштардын аталыштарды аталыштарга аталыштарда аталыштардан",
                  "аталыштары аталыштарынын аталыштарын аталыштарына аталыштарында аталыштарынан"),
}

RU_NOUNS["часть кодекса"] = RuNoun("femn", *(tuple(f + " кодекса" for f in forms)
                                             for forms in (RU_NOUNS["часть"].singular, RU_NOUNS["часть"].plural)))

# The unit names (Russian nominative) and their Kyrgyz names.
UNIT_NAMES = ("часть кодекса", "раздел", "глава", "параграф", "статья", "часть", "пункт", "подпункт", "абзац",
              "предложение", "наименование")
KY_NAME = {"часть кодекса": "бөлүк", "раздел": "бөлүм", "глава": "глава", "параграф": "параграф", "статья": "берене",
           "часть": "бөлүк", "пункт": "пункт", "подпункт": "пунктча", "абзац": "абзац",
           "предложение": "сүйлөм", "наименование": "аталыш"}
# The parts of a code («Общая часть», «Жалпы бөлүк»): a division of the act, named by its number.
CODE_PARTS = {
    "rus": {1: ("Общая часть", "Общей части", "Общей части", "Общую часть", "Общей частью", "Общей части"),
            2: ("Особенная часть", "Особенной части", "Особенной части", "Особенную часть",
                "Особенной частью", "Особенной части")},
    "kir": {1: "Жалпы", 2: "Атайын"},
}


def ru_noun(name: str) -> RuNoun:
    try:
        return RU_NOUNS[name]
    except KeyError:
        raise VocabularyError(f"no Russian unit name {name!r} (one of {', '.join(RU_NOUNS)})") from None


def ky_noun(name: str) -> KyNoun:
    """The Kyrgyz noun of a unit, by its Russian name («статья») or its own («берене»)."""
    word = KY_NAME.get(name, name)
    try:
        return KY_NOUNS[word]
    except KeyError:
        raise VocabularyError(f"no Kyrgyz unit name for {name!r}") from None


def gender(name: str) -> str:
    """The grammatical gender of a Russian unit name: «статья» femn, «пункт» masc, «предложение» neut."""
    return ru_noun(name).gender


def noun(name: str, lang: str = "rus", case: str = "nom", plural: bool = False,
         possessed: bool = False) -> str:
    """A unit name in a case: («пункт», ins) «пунктом»; («статья», kir, dat, possessed) «беренесине».

    >>> noun("часть", case="ins"), noun("абзац", case="loc", plural=True), noun("статья", "kir", "dat", possessed=True)
    ('частью', 'абзацах', 'беренесине')
    """
    if lang == "rus":
        return ru_noun(name).form(case, plural)
    if lang == "kir":
        return ky_noun(name).form(case, possessed, plural)
    raise VocabularyError(f"unknown language {lang!r} (rus or kir)")


# --- numbers: ordinals and cardinals, written and read ------------------------------------------
# Russian forms are written out (cardinals) or built by the adjective declension (ordinals), not
# asked of a morphology library at run time: reading a law's numbers must be fast, and
# ``tests/test_vocabulary.py`` checks every form against pymorphy3. Kyrgyz ordinals and cardinals
# standing before a noun are not inflected; a Kyrgyz number standing alone takes a case ending
# («онго», «үчтөн»), which the reading accepts.

ORDINALS_RU = ("первый", "второй", "третий", "четвертый", "пятый", "шестой", "седьмой", "восьмой",
               "девятый", "десятый", "одиннадцатый", "двенадцатый", "тринадцатый", "четырнадцатый",
               "пятнадцатый", "шестнадцатый", "семнадцатый", "восемнадцатый", "девятнадцатый",
               "двадцатый")
ORDINALS_KY = ("биринчи", "экинчи", "үчүнчү", "төртүнчү", "бешинчи", "алтынчы", "жетинчи",
               "сегизинчи", "тогузунчу", "онунчу", "он биринчи", "он экинчи", "он үчүнчү",
               "он төртүнчү", "он бешинчи", "он алтынчы", "он жетинчи", "он сегизинчи",
               "он тогузунчу", "жыйырманчы")
_RU_TENS = {2: ("двадцать", "двадцатый"), 3: ("тридцать", "тридцатый"), 4: ("сорок", "сороковой"),
            5: ("пятьдесят", "пятидесятый"), 6: ("шестьдесят", "шестидесятый"),
            7: ("семьдесят", "семидесятый"), 8: ("восемьдесят", "восьмидесятый"),
            9: ("девяносто", "девяностый")}
_KY_TENS = {2: ("жыйырма", "жыйырманчы"), 3: ("отуз", "отузунчу"), 4: ("кырк", "кыркынчы"),
            5: ("элүү", "элүүнчү"), 6: ("алтымыш", "алтымышынчы"), 7: ("жетимиш", "жетимишинчи"),
            8: ("сексен", "сексенинчи"), 9: ("токсон", "токсонунчу")}
_RU_HUNDREDS = ("сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот",
                "девятьсот")
_RU_HUNDREDTHS = ("сотый", "двухсотый", "трехсотый", "четырехсотый", "пятисотый", "шестисотый",
                  "семисотый", "восьмисотый", "девятисотый")
_KY_DIGITS = ("", "эки ", "үч ", "төрт ", "беш ", "алты ", "жети ", "сегиз ", "тогуз ")
MAX_ORDINAL = 999

# The declension of an ordinal's last word (nom gen dat acc ins loc; the accusative of an inanimate
# noun): hard stems («пятый», «второй») and the soft «третий».
_ADJECTIVE = {"masc": "ый ого ому ый ым ом", "femn": "ая ой ой ую ой ой", "neut": "ое ого ому ое ым ом",
              "plur": "ые ых ым ые ыми ых"}
_SOFT_ADJECTIVE = {"masc": "ий ьего ьему ий ьим ьем", "femn": "ья ьей ьей ью ьей ьей",
                   "neut": "ье ьего ьему ье ьим ьем", "plur": "ьи ьих ьим ьи ьими ьих"}


def _ordinal_word(word: str, case: str, gender: str) -> str:
    """One ordinal word (masculine nominative «пятый», «второй», «третий») in a case and gender
    (or ``plur``)."""
    i = _case_index(case, RU_CASES)
    if word.endswith("ий"):
        return word[:-2] + _SOFT_ADJECTIVE[gender].split()[i]
    ending = _ADJECTIVE[gender].split()[i]
    if gender == "masc" and case in ("nom", "acc"):
        ending = word[-2:]                      # «второй», «сороковой»
    return word[:-2] + ending


def ordinal(n: int, lang: str = "rus", case: str = "nom", gender: str = "masc") -> str:
    """The ordinal word of ``n``: «пятый», gen «пятого», femn «пятой», neut «пятое»; KY «бешинчи»
    (Kyrgyz ordinals are not inflected).

    >>> ordinal(5), ordinal(5, case="gen"), ordinal(21, case="loc"), ordinal(40, "kir"), ordinal(102)
    ('пятый', 'пятого', 'двадцать первом', 'кыркынчы', 'сто второй')
    >>> ordinal(2, gender="neut"), ordinal(3, case="ins", gender="femn")
    ('второе', 'третьей')
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_ORDINAL:
        raise VocabularyError(f"no ordinal word for {n!r} (1–{MAX_ORDINAL})")
    if gender not in GENDERS:
        raise VocabularyError(f"unknown gender {gender!r}")
    hundreds, rest = divmod(n, 100)
    if lang == "kir":
        if hundreds and not rest:
            return _KY_DIGITS[hundreds - 1] + "жүзүнчү"
        head = _KY_DIGITS[hundreds - 1] + "жүз " if hundreds else ""
        if rest <= 20:
            return head + ORDINALS_KY[rest - 1]
        if rest % 10 == 0:
            return head + _KY_TENS[rest // 10][1]
        return head + _KY_TENS[rest // 10][0] + " " + ORDINALS_KY[rest % 10 - 1]
    if lang != "rus":
        raise VocabularyError(f"unknown language {lang!r} (rus or kir)")
    if hundreds and not rest:
        head, last = "", _RU_HUNDREDTHS[hundreds - 1]
    else:
        head = _RU_HUNDREDS[hundreds - 1] + " " if hundreds else ""
        if rest <= 20:
            last = ORDINALS_RU[rest - 1]
        elif rest % 10 == 0:
            last = _RU_TENS[rest // 10][1]
        else:
            head, last = head + _RU_TENS[rest // 10][0] + " ", ORDINALS_RU[rest % 10 - 1]
    return head + _ordinal_word(last, case, gender)


# Russian cardinals in the six cases (nom gen dat acc ins loc), masculine; «одна», «две» apart.
_RU_CARDINALS = {
    1: "один одного одному один одним одном", 2: "два двух двум два двумя двух",
    3: "три трех трем три тремя трех", 4: "четыре четырех четырем четыре четырьмя четырех",
    5: "пять пяти пяти пять пятью пяти", 6: "шесть шести шести шесть шестью шести",
    7: "семь семи семи семь семью семи", 8: "восемь восьми восьми восемь восемью восьми",
    9: "девять девяти девяти девять девятью девяти", 10: "десять десяти десяти десять десятью десяти",
    11: "одиннадцать одиннадцати одиннадцати одиннадцать одиннадцатью одиннадцати",
    12: "двенадцать двенадцати двенадцати двенадцать двенадцатью двенадцати",
    13: "тринадцать тринадцати тринадцати тринадцать тринадцатью тринадцати",
    14: "четырнадцать четырнадцати четырнадцати четырнадцать четырнадцатью четырнадцати",
    15: "пятнадцать пятнадцати пятнадцати пятнадцать пятнадцатью пятнадцати",
    16: "шестнадцать шестнадцати шестнадцати шестнадцать шестнадцатью шестнадцати",
    17: "семнадцать семнадцати семнадцати семнадцать семнадцатью семнадцати",
    18: "восемнадцать восемнадцати восемнадцати восемнадцать восемнадцатью восемнадцати",
    19: "девятнадцать девятнадцати девятнадцати девятнадцать девятнадцатью девятнадцати",
    20: "двадцать двадцати двадцати двадцать двадцатью двадцати",
    30: "тридцать тридцати тридцати тридцать тридцатью тридцати",
    40: "сорок сорока сорока сорок сорока сорока",
    50: "пятьдесят пятидесяти пятидесяти пятьдесят пятьюдесятью пятидесяти",
    60: "шестьдесят шестидесяти шестидесяти шестьдесят шестьюдесятью шестидесяти",
    70: "семьдесят семидесяти семидесяти семьдесят семьюдесятью семидесяти",
    80: "восемьдесят восьмидесяти восьмидесяти восемьдесят восемьюдесятью восьмидесяти",
    90: "девяносто девяноста девяноста девяносто девяноста девяноста",
    100: "сто ста ста сто ста ста", 200: "двести двухсот двумстам двести двумястами двухстах",
    300: "триста трехсот тремстам триста тремястами трехстах",
    400: "четыреста четырехсот четыремстам четыреста четырьмястами четырехстах",
    500: "пятьсот пятисот пятистам пятьсот пятьюстами пятистах",
    600: "шестьсот шестисот шестистам шестьсот шестьюстами шестистах",
    700: "семьсот семисот семистам семьсот семьюстами семистах",
    800: "восемьсот восьмисот восьмистам восемьсот восемьюстами восьмистах",
    900: "девятьсот девятисот девятистам девятьсот девятьюстами девятистах",
}
_RU_OTHER_CARDINALS = {   # the feminine and neuter of 1 and 2, the plural «одни», the scale nouns
    1: ("одна одной одной одну одной одной", "одно одного одному одно одним одном",
        "одни одних одним одни одними одних"),
    2: ("две двух двум две двумя двух",),
    1000: ("тысяча тысячи тысяче тысячу тысячей тысяче", "тысячи тысяч тысячам тысячи тысячами тысячах"),
    10 ** 6: ("миллион миллиона миллиону миллион миллионом миллионе",
              "миллионы миллионов миллионам миллионы миллионами миллионах"),
    10 ** 9: ("миллиард миллиарда миллиарду миллиард миллиардом миллиарде",
              "миллиарды миллиардов миллиардам миллиарды миллиардами миллиардах"),
}
_KY_CARDINALS = {1: "бир", 2: "эки", 3: "үч", 4: "төрт", 5: "беш", 6: "алты", 7: "жети", 8: "сегиз",
                 9: "тогуз", 10: "он", 20: "жыйырма", 30: "отуз", 40: "кырк", 50: "элүү", 60: "алтымыш",
                 70: "жетимиш", 80: "сексен", 90: "токсон", 100: "жүз", 1000: "миң", 10 ** 6: "миллион",
                 10 ** 9: "миллиард"}


def nominative_ordinal(word: str) -> int | None:
    """The value of an ordinal in the nominative masculine, as printed numbers of divisions use them
    («РАЗДЕЛ ПЕРВЫЙ», «БИРИНЧИ БӨЛҮМ»); cheap: no morphology.

    >>> nominative_ordinal("ПЕРВЫЙ"), nominative_ordinal("экинчи"), nominative_ordinal("части")
    (1, 2, None)
    """
    w = word.strip(" .").lower().replace("ё", "е")
    for table in (ORDINALS_RU, ORDINALS_KY):
        if w in table:
            return table.index(w) + 1
    return None


def cardinal(n: int, lang: str = "rus", case: str = "nom") -> str:
    """A number in words (1–999): «десять», gen «десяти», «тридцать пять»; KY «он», «отуз беш»
    (Kyrgyz cardinals are not inflected).

    >>> cardinal(10, case="gen"), cardinal(35), cardinal(10, "kir"), cardinal(120, case="gen")
    ('десяти', 'тридцать пять', 'он', 'ста двадцати')
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 999:
        raise VocabularyError(f"no number word for {n!r} (1–999)")
    if lang not in LANGS:
        raise VocabularyError(f"unknown language {lang!r} (rus or kir)")
    hundreds, rest = divmod(n, 100)
    parts = [hundreds * 100] if hundreds else []
    if rest >= 20:
        parts += [rest - rest % 10] + ([rest % 10] if rest % 10 else [])
    elif rest:
        parts.append(rest)
    if lang == "kir":
        words = [(_KY_DIGITS[p // 100 - 1] + "жүз").strip() if p >= 100 else _KY_CARDINALS.get(p) or
                 f"он {_KY_CARDINALS[p - 10]}" for p in parts]
        return " ".join(words)
    i = _case_index(case, RU_CASES)
    return " ".join(_RU_CARDINALS[p].split()[i] for p in parts)


# --- reading numbers written in words ----------------------------------------------------------

class Numeral(NamedTuple):
    """A number written in words in a text: where, its value (a :class:`~fractions.Fraction` for «две
    трети», «үчтөн бири»), whether it is an ordinal, and whether it is *weak* — «один», «оба», «бир»,
    «экөө» are as often not numbers at all («один из», «ар бир»)."""

    start: int
    end: int
    value: int | Fraction
    ordinal: bool = False
    weak: bool = False


# ranks: what may follow what in one number («сто двадцать пять», «эки жүз отуз», «две тысячи»)
_UNIT, _TEEN, _TEN, _HUNDRED, _SCALE = range(5)
# The Kyrgyz case endings after vowel harmony (gen, acc, dat, loc, abl), longer first where one ends another.
KY_CASE_ENDINGS = ("нын нин нун нүн дын дин дун дүн тын тин тун түн дан ден дон дөн тан тен тон төн нан нен "
                   "нон нөн ны ни ну нү ды ди ду дү ты ти ту тү га ге го гө ка ке ко кө да де до дө та те то "
                   "тө").split()


def _rank(value: int) -> int:
    return (_UNIT if value < 10 else _TEEN if value < 20 else _TEN if value < 100 else
            _HUNDRED if value < 1000 else _SCALE)


class _Word(NamedTuple):
    """A number word: its value, whether it is an ordinal or weak, and its role in a fraction or a
    multiple: ``den`` «трети» (value 3), ``abl``/``gen`` a Kyrgyz denominator «үчтөн», «үчтүн»,
    ``poss`` a Kyrgyz numerator «экиси», ``quarter`` «чейреги», ``half`` «жарымы»."""

    value: int | Fraction
    ordinal: bool = False
    weak: bool = False
    role: str = ""
    ended: bool = False     # a Kyrgyz form with a case ending: the last word of its number («миңден»)


# Fractions and multiples in words: «две трети», «одной четверти», «половины», «полутора», «двойной»;
# KY «үчтөн экиси», «үчтүн эки бөлүгү», «бир чейреги», «жарымы», «бир жарым».
_RU_FRACTIONS = {3: "треть трети третей третям третями третях", 4: "четверть четверти четвертью "
                 "четвертей четвертям четвертями четвертях", 2: "половина половины половине половину половиной"}
_RU_MULTIPLES = {Fraction(3, 2): "полуторный", 2: "двойной", 3: "тройной"}
# Russian adjectives made of a number: «пятидневный», «трехсторонний», «двухмесячный».
_RU_COMPOUND = r"(?:дневн|месячн|недельн|летн|годичн|годов|часов|кратн|минутн|суточн|сторонн|разов|этажн)\w*"
_KY_ABLATIVE = ("дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн", "нан", "нен", "нон", "нөн")
_KY_GENITIVE = ("дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн", "нын", "нин", "нун", "нүн")
_KY_POSSESSED = {1: "бири", 2: "экиси", 3: "үчү", 4: "төртү", 5: "беши"}
_KY_POSSESSED_ENDINGS = ("", "н", "нин", "нын", "нүн", "нун", "не", "на", "нө", "но", "нен", "нан", "нөн", "нон")


def _ru_adjectives() -> list[tuple[str, _Word]]:
    """The Russian adjectives of number (masculine nominative): the ordinals to the thousandth, then
    the multiples («полуторный», «двойной»)."""
    lasts = ([(i + 1, w) for i, w in enumerate(ORDINALS_RU)] + [(t * 10, w) for t, (_, w) in _RU_TENS.items()]
             + [((i + 1) * 100, w) for i, w in enumerate(_RU_HUNDREDTHS)] + [(1000, "тысячный")])
    return ([(word, _Word(value, True, value <= 2)) for value, word in lasts]
            + [(word, _Word(value)) for value, word in _RU_MULTIPLES.items()])


@lru_cache(maxsize=None)
def _adjective_forms(word: str) -> tuple[str, ...]:
    """Every case and gender of a Russian adjective of number: its stem (``word[:-2]``) and an ending
    (asked for the number words and again for their pattern)."""
    return tuple(_ordinal_word(word, case, g) for g in (*GENDERS, "plur") for case in RU_CASES)


@lru_cache(maxsize=None)
def _numeral_words(lang: str) -> dict[str, _Word]:
    """Every written form of a number word → its :class:`_Word`."""
    words: dict[str, _Word] = {}
    if lang == "rus":
        for value, forms in _RU_CARDINALS.items():
            for form in forms.split():
                words[form] = _Word(value, weak=value == 1 or form == "семью")   # «на семью»: «per family»
        for value, tables in _RU_OTHER_CARDINALS.items():
            for forms in tables:
                for form in forms.split():
                    words[form] = _Word(value, weak=value == 1)
        for form in "оба обе обоих обеих обоим обеим обоими обеими".split():
            words[form] = _Word(2, weak=True)
        words.update({"дважды": _Word(2), "трижды": _Word(3), "четырежды": _Word(4),
                      "полтора": _Word(Fraction(3, 2)), "полторы": _Word(Fraction(3, 2)),
                      "полутора": _Word(Fraction(3, 2))})
        for den, forms in _RU_FRACTIONS.items():
            for form in forms.split():
                words[form] = _Word(den, role="den")
        for word, value in _ru_adjectives():
            for form in _adjective_forms(word):
                words[form] = value
        return words
    for value, root in _KY_CARDINALS.items():
        words[root] = _Word(value, weak=value == 1)
        if value != 1:                                  # «бирге», «бирден» are «together», «at once»
            for ending in KY_CASE_ENDINGS:
                role = "abl" if ending in _KY_ABLATIVE else "gen" if ending in _KY_GENITIVE else ""
                words.setdefault(root + ending, _Word(value, role=role, ended=True))
    for value, stem in _KY_POSSESSED.items():
        for ending in _KY_POSSESSED_ENDINGS:
            if stem + ending != "үчүн":                 # «үчүн» is «for»
                words[stem + ending] = _Word(value, role="poss")
    for root in ("экөө", "экөөнүн", "экөөнө", "экөөсү", "экөөсүнүн", "экөөсүнө"):
        words[root] = _Word(2, weak=True)
    words["жарым"] = _Word(Fraction(1, 2), weak=True, role="half")        # «жарым фабрикат»: «semi-finished»
    for ending in ("ы", "ын", "ына", "ынан", "ынын", "ында", "ыны"):
        words["жарым" + ending] = _Word(Fraction(1, 2), role="half")
    for form in ("теңи", "теңин", "теңине", "теңинен", "теңинин", "теңинде"):
        words[form] = _Word(Fraction(1, 2), role="half")
    for form in ("чейрек", "чейреги", "чейрегин", "чейрегине", "чейрегинен", "чейрегинин"):
        words[form] = _Word(4, role="quarter")
    ordinals = ([(i + 1, w) for i, w in enumerate(ORDINALS_KY[:10])] + [(20, ORDINALS_KY[19])]
                + [(t * 10, w) for t, (_, w) in _KY_TENS.items()] + [(100, "жүзүнчү"), (1000, "миңинчи")])
    for value, word in ordinals:
        words[word] = _Word(value, True, value <= 2)     # «экинчи тарап»: «the other party»
    return words


def alternation(words) -> str:
    """A regular expression matching any of ``words``, written as a trie (one branch per shared
    prefix), so that a text is scanned once however many words are asked for.

    >>> alternation(["пять", "пятый", "пятью"])
    'пят(?:ый|ь(?:ю)?)'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def lower(text: str) -> str:
    """``text`` in lower case, letter for letter (its positions kept), for the case-sensitive patterns
    of the readings, which are faster: a letter whose lower case is longer («İ») stays as it is."""
    low = text.lower()
    if low == text or len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) > 1 else c.lower() for c in text)


def _inside_word(text: str, at: int) -> bool:
    """Whether ``at`` follows a letter, a figure, «_» or «-» of ``text``: where «(?<![\\w-])» fails.
    The patterns of words check it so, after the match: beginning with the words' letters, they
    are searched far faster (the regular expression engine skips to those letters at once)."""
    return at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_-")


# The first parts of Russian adjectives made of a number («пятидневный», «двухсторонний», «пяти-»).
_RU_PREFIXES = {**{forms.split()[1]: value for value, forms in _RU_CARDINALS.items() if value > 1},
                "одно": 1, "дву": 2}


@lru_cache(maxsize=None)
def _numeral_pattern(lang: str) -> re.Pattern:
    """The number words of ``lang`` in a small expression: stems and endings apart (Kyrgyz cardinals
    and their case endings, Russian adjectives of number and theirs), so that it matches more than
    the forms («бирге»), which the reading skips; and the Russian adjectives made of a number (group
    ``compound``: their tail; see :func:`_compound_pattern`). It begins with the words' letters, to
    which the regular expression engine skips at once: whether a match starts a word is the
    reader's to check. On the text in lower case."""
    words = _numeral_words(lang)
    if lang == "kir":
        inflected = {r + e for r in _KY_CARDINALS.values() for e in ("", *KY_CASE_ENDINGS)}
        stems = {*_KY_CARDINALS.values(), *(w for w in words if w not in inflected)}
        return re.compile(rf"{alternation(stems)}(?:{alternation(KY_CASE_ENDINGS)})?(?![\w-])")
    adjectives, stems, endings = set(), set(_RU_PREFIXES), set()
    for word, _ in _ru_adjectives():
        stems.add(word[:-2])
        for form in _adjective_forms(word):
            adjectives.add(form)
            endings.add(form[len(word) - 2:])
    stems.update(w for w in words if w not in adjectives)
    return re.compile(rf"{alternation(stems)}(?:{alternation(endings)})?(?P<compound>{_RU_COMPOUND}|-(?=\s))?"
                      rf"(?![\w-])")


@lru_cache(maxsize=None)
def _compound_pattern() -> re.Pattern:
    """A Russian adjective made of a number, and the number (group ``prefix``)."""
    return re.compile(rf"(?P<prefix>{alternation(_RU_PREFIXES)})(?:{_RU_COMPOUND}|-(?=\s))(?![\w-])")


def numerals(text: str, lang: str = "rus", lowered: bool = False) -> list[Numeral]:
    """The numbers written in words in ``text``: cardinals and ordinals in any case and gender
    («тридцати», «двадцать первого», «двух тысяч»; KY «отуз», «эки жүз», «онго», «экинчи»), each
    run of number words read as one number where it is one; fractions («двух третей», «үчтөн
    экисинин») and Russian adjectives made of a number («пятидневный»).

    >>> [(n.value, n.ordinal) for n in numerals("в течение тридцати дней, в двадцать первом случае")]
    [(30, False), (21, True)]
    >>> [n.value for n in numerals("отуз күндүн ичинде, эки жүз элүү сомдон, 14төн онго чейин", "kir")]
    [30, 250, 10]
    >>> [str(n.value) for n in numerals("не менее двух третей голосов в пятидневный срок")]
    ['2/3', '5']
    >>> [str(n.value) for n in numerals("депутаттардын үчтөн экисинин добушу, жарымынан кем эмес", "kir")]
    ['2/3', '1/2']
    """
    words = _numeral_words(lang)
    if not lowered:                           # ``lowered``: in lower case, «е» for «ё» already
        text = lower(text).replace("ё", "е")
    return _Reading(text, lang, words).read()


class _Reading:
    """One pass over the number words of a text (in lower case), joining the runs that make one
    number («двести пять», «эки жүз»), a fraction («две трети», «үчтөн экиси») or a multiple («бир
    жарым»)."""

    def __init__(self, text: str, lang: str, words: dict):
        self.text, self.lang, self.words = text, lang, words
        self.out: list[Numeral] = []
        # the open number: [start, end, group, total, last rank, last scale, weak, role, words read,
        # whether its last word ends it (a Kyrgyz case ending: «миңден | бешке» are two numbers)]
        self.current: list = []

    def close(self) -> None:
        if self.current:
            start, end, group, total, _, _, weak, *_ = self.current
            self.out.append(Numeral(start, end, total + group, False, weak))
            self.current = []

    def emit(self, start: int, end: int, value, ordinal: bool = False, weak: bool = False) -> None:
        """A number read; it takes in the open number where it starts there («двух» of «двух третей»)."""
        if self.current and self.current[0] == start:
            self.current = []
        self.close()
        self.out.append(Numeral(start, end, value, ordinal, weak))

    def read(self) -> list[Numeral]:
        text, lang = self.text, self.lang
        for m in _numeral_pattern(lang).finditer(text):
            if _inside_word(text, m.start()):
                continue
            word = self.words.get(m.group(0))
            if word is None:
                compound = _compound_pattern().match(text, m.start()) if lang == "rus" else None
                if compound:                                                     # «пятидневный»
                    self.emit(m.start(), compound.end(), _RU_PREFIXES[compound.group("prefix")])
                continue
            cur = self.current
            joined = bool(cur) and not text[cur[1]:m.start()].strip()
            simple = joined and cur[8] == 1 and cur[4] == _UNIT            # one unit word open: «две», «бир»
            if lang == "kir" and m.group(0) == "эки" and text[max(0, m.start() - 5):m.start()] == "ооз ":
                continue                                                    # «ооз эки»: «oral»
            if (word.role and word.role not in ("abl", "gen")) or isinstance(word.value, Fraction):
                self._fraction(m, word, cur, joined, simple)
                continue
            value = word.value
            rank = _TEN if lang == "kir" and value == 10 else _rank(value)     # KY «он бир»: 11
            if joined and cur[7] == "abl" and cur[8] == 1 and word.role == "abl" and value < 10:
                self.emit(cur[0], m.end(), Fraction(value, _one_word(cur)))   # «үчтөн экиден кем эмес»
                continue
            if joined and cur[7] == "gen" and cur[8] == 1 and rank <= _TEN and not word.role \
                    and re.match(r"\s+бөлүг", text[m.end():m.end() + 12]):
                self.emit(cur[0], m.end(), Fraction(value, _one_word(cur)))   # «үчтүн эки бөлүгү»
                continue
            if word.ordinal and lang == "rus" and simple and rank < _SCALE:
                self.emit(cur[0], m.end(), Fraction(cur[2], value))        # «одна третья»
                continue
            if joined and not cur[9] and _continues(cur, value, rank, lang):
                start, _, group, total, last, scale, *_ = cur
                if rank == _SCALE:
                    total, group, scale = total + (group or 1) * value, 0, value
                elif lang == "kir" and value == 100 and last == _UNIT:
                    group *= 100                               # «эки жүз»
                else:
                    group += value
                self.current = [start, m.end(), group, total, rank, scale, False, word.role, cur[8] + 1, word.ended]
            else:
                self.close()
                scaled = rank == _SCALE
                self.current = [m.start(), m.end(), 0 if scaled else value, value if scaled else 0, rank,
                                value if scaled else None, word.weak, word.role, 1, word.ended]
            if word.ordinal:
                start, end, group, total, *_ = self.current
                self.emit(start, end, total + group, True, word.weak and self.current[8] == 1)
        self.close()
        return self.out

    def _fraction(self, m, word: _Word, cur: list, joined: bool, simple: bool) -> None:
        role = word.role
        if role == "den":                                                   # «две трети», «трети»
            if simple:
                self.emit(cur[0], m.end(), Fraction(cur[2], word.value))
            else:
                self.emit(m.start(), m.end(), Fraction(1, word.value))
        elif role == "quarter":                                             # «бир чейреги»; «чейрек» alone: a quarter of a year
            if simple:
                self.emit(cur[0], m.end(), Fraction(cur[2], 4))
            else:
                self.close()
        elif role == "half":                                                # «бир жарым»; «жарымы»
            if simple:
                self.emit(cur[0], m.end(), cur[2] + Fraction(1, 2))
            else:
                self.emit(m.start(), m.end(), word.value, weak=word.weak)
        elif role == "poss":                                                # «үчтөн экиси»
            if joined and cur[7] == "abl" and cur[8] == 1:
                self.emit(cur[0], m.end(), Fraction(word.value, _one_word(cur)))
            else:
                self.close()
        else:                                                               # «полтора», «двойной»
            self.emit(m.start(), m.end(), word.value)


def _one_word(current: list) -> int:
    """The value of an open number of one word: a scale word («миңден») is its total, any other its group."""
    return current[2] + current[3]


def _continues(current: list, value: int, rank: int, lang: str) -> bool:
    """Whether a number word goes on the number being read: «двадцать» + «пять», «сто» + «двадцать»,
    «две» + «тысячи», KY «эки» + «жүз»; not «пять» + «двадцать»."""
    _, _, group, total, last, scale, *_ = current
    if rank == _SCALE:
        return (scale is None or value < scale) and group + total < value
    if lang == "kir" and value == 100 and last == _UNIT and group < 10:
        return True
    return {_HUNDRED: rank < _HUNDRED, _TEN: rank == _UNIT}.get(last, False) or (
        last == _SCALE and group == 0)


def numeral_value(phrase: str, lang: str | None = None) -> int | None:
    """The value of a phrase that is one number in words, cardinal or ordinal, in any case:
    «тридцати» 30, «двадцать первого» 21, «двух тысяч» 2000, «отуз беш» 35; None otherwise.

    >>> numeral_value("двадцати пяти"), numeral_value("эки жүз"), numeral_value("пятого"), numeral_value("пять лет")
    (25, 200, 5, None)
    """
    text = " ".join(phrase.strip(" .").split())
    for lang in ((lang,) if lang else LANGS):
        found = numerals(text, lang)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
            return found[0].value
    return None


def ordinal_at(words: list[str], i: int) -> tuple[int, int] | None:
    """(value, words used) of the ordinal phrase that starts at ``words[i]``, in any case and gender
    («двадцать первого»: two words), or None.

    >>> ordinal_at(["в", "абзаце", "двадцать", "первом"], 2)
    (21, 2)
    """
    for size in (4, 3, 2, 1):
        if i + size <= len(words):
            value = ordinal_value(" ".join(words[i:i + size]))
            if value is not None:
                return value, size
    return None


def ordinal_value(phrase: str) -> int | None:
    """The value of an ordinal in any case or gender, RU or KY: «пятого» 5, «двадцать первом» 21,
    «ПЕРВЫЙ» 1, «экинчи» 2, «тогузунчу» 9; None for anything else (a cardinal too).

    >>> ordinal_value("пятого"), ordinal_value("двадцать первом"), ordinal_value("ПЕРВЫЙ"), ordinal_value("экинчи")
    (5, 21, 1, 2)
    >>> ordinal_value("пять") is None
    True
    """
    text = " ".join(phrase.strip(" .").split())
    for lang in LANGS:
        found = numerals(text, lang)
        if len(found) == 1 and found[0].ordinal and found[0].start == 0 and found[0].end == len(text):
            return found[0].value
    return None


# The letters that number подпункты and the items of an amending law («а)», «б)» … without ё, й, ъ,
# ы, ь, as KR acts letter them).
LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


# --- reading unit words and measures ------------------------------------------------------------

# Abbreviated unit words («ст. 5 ч. 2», «абз. 3»).
UNIT_ABBREVIATIONS = {"ст.": "статья", "ч.": "часть", "п.": "пункт", "пп.": "подпункт", "подп.": "подпункт",
                      "абз.": "абзац", "гл.": "глава", "разд.": "раздел"}
# Kyrgyz unit words by their stems, which take any ending («беренесиндеги», «бөлүгүнүн»), longer stems
# first; «статья» is the older texts' word for «берене» (printed «статъя» too).
KY_UNIT_STEMS = (("пунктча", "подпункт"), ("пункт", "пункт"), ("бөлүг", "часть"), ("бөлүк", "часть"),
                 ("берене", "статья"), ("статья", "статья"), ("статъя", "статья"), ("абзац", "абзац"), ("глава", "глава"),
                 ("бөлүм", "раздел"), ("параграф", "параграф"), ("сүйлөм", "предложение"))
_CITED_UNITS = ("статья", "часть", "пункт", "подпункт", "абзац", "глава", "раздел", "параграф", "предложение")


@lru_cache(maxsize=None)
def _ru_unit_forms() -> dict[str, str]:
    forms = {form: name for name in _CITED_UNITS for table in (RU_NOUNS[name].singular, RU_NOUNS[name].plural)
             for form in table}
    return {**forms, **UNIT_ABBREVIATIONS}


def unit_of_word(word: str, lang: str = "rus") -> str | None:
    """The unit (its Russian name) an inflected or abbreviated unit word names, RU or KY; None for
    any other word.

    >>> unit_of_word("статьями"), unit_of_word("ч."), unit_of_word("беренесиндеги", "kir"), unit_of_word("пунктчасы", "kir")
    ('статья', 'часть', 'статья', 'подпункт')
    """
    word = word.lower()
    if lang == "rus":
        return _ru_unit_forms().get(word)
    return next((name for stem, name in KY_UNIT_STEMS if word.startswith(stem)), None)


@lru_cache(maxsize=None)
def _unit_word_pattern() -> re.Pattern:
    forms = _ru_unit_forms()                     # the abbreviations end in «.», the words before no letter
    return re.compile(rf"{alternation(forms)}(?:(?<=\.)|(?![\w-]))")


def unit_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, unit) of each Russian unit word or abbreviation of ``text``, in lower case (see
    :func:`unit_of_word`).

    >>> unit_words("согласно ч. 2 статьи 5, подпунктам «а» и «б»; подпункты")
    [(9, 11, 'часть'), (14, 20, 'статья'), (24, 34, 'подпункт'), (46, 55, 'подпункт')]
    """
    forms = _ru_unit_forms()
    return [(m.start(), m.end(), forms[m.group()]) for m in _unit_word_pattern().finditer(text)
            if not _inside_word(text, m.start())]


# What makes a number a percentage or an amount of money, as the words that follow it.
MEASURES = {
    "percent": {"rus": r"%|процент\w*|проц\.", "kir": r"%|пайыз\w*"},
    "amount": {"rus": r"(?:сом(?:а|ов|ам|ами|ах|е|ом)?|тыйын\w*|доллар\w*|евро|рубл\w*|тенге|расчетн\w+\s+показател\w*)(?!\w)",
               "kir": r"(?:сом\w*|тыйын\w*|доллар\w*|евро\w*|рубл\w*|теңге\w*|эсептик\s+көрсөткүч\w*)"},
}
# Abbreviated scale words after figures («10 тыс.», «1 млн»).
SCALE_ABBREVIATIONS = {"тыс.": 1000, "млн": 10 ** 6, "млн.": 10 ** 6, "млрд": 10 ** 9, "млрд.": 10 ** 9}


# The first parts of hyphenated Russian nouns that do not decline («премьер-министра»,
# «генерал-майора»); in other hyphenated nouns both parts do («трудящегося-мигранта»).
RU_FIXED_FIRST_PARTS = frozenset({"премьер", "вице", "экс", "генерал", "штаб", "контр", "обер", "унтер", "лейб"})


# --- what each kind of instruction does, named for reports («в проекте: замена слов — статья 23») ---
OP_NAMES = {"replace-words": "замена слов", "insert-words": "дополнение словами", "delete-words": "исключение слов",
            "restate": "новая редакция", "restate-heading": "новое наименование", "insert": "дополнение",
            "delete": "исключение", "repeal": "признание утратившим силу", "renumber": "изменение нумерации"}


# --- the amending law's title ------------------------------------------------------------------------

def amending_title(act: str, lang: str = "rus", changes: int = 2) -> str:
    """The title of a law amending ``act`` (named in the accusative, KY the dative), singular when it
    makes one change.

    >>> amending_title("Семейный кодекс Кыргызской Республики", changes=1)
    'О внесении изменения в Семейный кодекс Кыргызской Республики'
    >>> amending_title("Кыргыз Республикасынын Эмгек кодексине", "kir")
    'Кыргыз Республикасынын Эмгек кодексине өзгөртүүлөрдү киргизүү жөнүндө'
    """
    if lang == "kir":
        return f"{act} {'өзгөртүү' if changes == 1 else 'өзгөртүүлөрдү'} киргизүү жөнүндө"
    return f"О внесении {'изменения' if changes == 1 else 'изменений'} в {act}"


# --- the mark that ends a unit's text ---------------------------------------------------------------
# «в пункте 5 точку заменить точкой с запятой» (a point added after it): the mark's name to replace
# (accusative) and to replace with (instrumental); KY «чекит үтүрлүү чекит менен алмаштырылсын».
MARKS = {".": ("точку", "точкой", "чекит"), ";": ("точку с запятой", "точкой с запятой", "үтүрлүү чекит"),
         ",": ("запятую", "запятой", "үтүр"), ":": ("двоеточие", "двоеточием", "кош чекит")}


def mark_change(old: str, new: str, lang: str = "rus") -> str:
    """The instruction that changes the mark ending a unit's text.

    >>> mark_change(".", ";"), mark_change(".", ";", "kir")
    ('точку заменить точкой с запятой', 'чекит үтүрлүү чекит менен алмаштырылсын')
    """
    if lang == "kir":
        return f"{MARKS[old][2]} {MARKS[new][2]} менен алмаштырылсын"
    return f"{MARKS[old][0]} заменить {MARKS[new][1]}"


def mark_of(name: str, case: str) -> str | None:
    """The mark a Russian name stands for: «точку» (acc), «точкой с запятой» (ins) → «.», «;»."""
    column = 0 if case == "acc" else 1
    return next((mark for mark, names in MARKS.items() if names[column] == name), None)


# --- words and figures in instructions -----------------------------------------------------------

def quoted_words(text: str, lang: str = "rus", case: str = "nom") -> str:
    """How an amending law names quoted words: «слова «…»», «слово «…»», «цифры «30»», «цифру «3»»
    in the case the instruction needs (nom, gen, ins, acc); KY «"…" деген сөздөр», «"…" деген сөз».

    >>> quoted_words("суд"), quoted_words("органы опеки", case="ins"), quoted_words("30", case="gen")
    ('слово «суд»', 'словами «органы опеки»', 'цифр «30»')
    >>> quoted_words("орган", "kir"), quoted_words("эки орган", "kir")
    ('«орган» деген сөз', '«эки орган» деген сөздөр')
    """
    if lang == "kir":
        return f"«{text}» деген {'сөз' if len(text.split()) == 1 else 'сөздөр'}"
    if re.fullmatch(r"[\d\s.,%-]+", text) and re.search(r"\d", text):
        one = len(re.sub(r"\D", "", text)) == 1
        forms = ({"nom": "цифру", "acc": "цифру", "gen": "цифры", "ins": "цифрой"} if one else
                 {"nom": "цифры", "acc": "цифры", "gen": "цифр", "ins": "цифрами"})
    elif len(text.split()) > 1 or not re.search(r"\w", text):
        forms = {"nom": "слова", "acc": "слова", "gen": "слов", "ins": "словами"}
    else:
        forms = {"nom": "слово", "acc": "слово", "gen": "слова", "ins": "словом"}
    try:
        return f"{forms[case]} «{text}»"
    except KeyError:
        raise VocabularyError(f"quoted words have no {case!r} form here (nom, acc, gen, ins)") from None


def occurrence_phrase(occurrence, lang: str = "rus") -> str:
    """Which occurrence an instruction means: «во втором случае», «во всех случаях»; KY «экинчи
    учурда», «бардык учурларда» [the Kyrgyz wording is unverified in a KR text].

    >>> occurrence_phrase(2), occurrence_phrase("all"), occurrence_phrase(1, "kir")
    ('во втором случае', 'во всех случаях', 'биринчи учурда')
    """
    if occurrence == "all":
        return "во всех случаях" if lang == "rus" else "бардык учурларда"
    if lang == "rus":
        word = ordinal(int(occurrence), "rus", "loc")
        return f"{'во' if word.startswith('втор') else 'в'} {word} случае"
    return f"{ordinal(int(occurrence), 'kir')} учурда"


# --- repeal -----------------------------------------------------------------------------------

def repealed_note(name: str, lang: str, act: str = "") -> str:
    """The database's note under a repealed unit, in the unit's gender: «(Утратил силу …)» for a
    пункт, абзац, раздел, параграф; «(Утратила силу …)» for a статья, часть, глава; ``act`` is
    «в соответствии с Законом КР от … № …» (RU) or «КР … № … Мыйзамына ылайык» (KY).

    >>> repealed_note("пункт", "rus"), repealed_note("статья", "rus", "в соответствии с Законом КР от 1 июля 2025 года № 1")
    ('(Утратил силу)', '(Утратила силу в соответствии с Законом КР от 1 июля 2025 года № 1)')
    >>> repealed_note("пункт", "kir", "КР 2025-жылдын 1-июлундагы № 1 Мыйзамына ылайык")
    '(КР 2025-жылдын 1-июлундагы № 1 Мыйзамына ылайык күчүн жоготту)'
    """
    if lang == "kir":
        return f"({act} күчүн жоготту)" if act else "(Күчүн жоготту)"
    verb = {"masc": "Утратил", "femn": "Утратила", "neut": "Утратило"}[gender(name)]
    return f"({verb} силу {act})" if act else f"({verb} силу)"


def repealed_label(name: str, lang: str = "rus") -> str:
    """The comparison table's mark for a repealed unit: «утратил силу» / «утратила силу»; KY
    «күчүн жоготту»."""
    if lang == "kir":
        return "күчүн жоготту"
    return {"masc": "утратил", "femn": "утратила", "neut": "утратило"}[gender(name)] + " силу"


def repeal_verb(name: str, lang: str = "rus", plural: bool = False) -> str:
    """The instruction that repeals: «признать утратившим силу» (пункт), «утратившей силу» (статья),
    «утратившими силу» (several); KY «күчүн жоготту деп таанылсын»."""
    if lang == "kir":
        return "күчүн жоготту деп таанылсын"
    return "признать " + repealed_as(name, plural)


def repealed_as(name: str, plural: bool = False) -> str:
    """What a repealed unit is held to be, in its gender: «утратившим силу» (пункт), «утратившей
    силу» (статья), «утратившими силу» (several) — «признать …», «признается …»."""
    if plural:
        return "утратившими силу"
    return {"masc": "утратившим", "femn": "утратившей", "neut": "утратившим"}[gender(name)] + " силу"


# --- the database's notes of amending acts ------------------------------------------------------

def redaction_note(acts: list[tuple[str, str]], lang: str = "rus") -> str:
    """The note the database prints under a changed unit (and in the title block), naming the
    amending laws by (ISO date, number): «(В редакции Закона КР от 17 июля 2025 года № 148)»,
    «(В редакции Законов КР от …, …)»; KY «(КР 2025-жылдын 17-июлундагы № 148 Мыйзамынын
    редакциясына ылайык)», «(КР …, … Мыйзамдарынын редакцияларына ылайык)».

    >>> redaction_note([("2025-07-17", "148")])
    '(В редакции Закона КР от 17 июля 2025 года № 148)'
    >>> redaction_note([("2024-12-02", "190"), ("2025-07-17", "148")], "kir")
    '(КР 2024-жылдын 2-декабрындагы № 190, 2025-жылдын 17-июлундагы № 148 Мыйзамдарынын редакцияларына ылайык)'
    """
    from .dates import date_ky, date_ru

    if lang == "kir":
        listed = ", ".join(f"{date_ky(d)} № {n}" for d, n in acts)
        tail = "Мыйзамынын редакциясына ылайык" if len(acts) == 1 else "Мыйзамдарынын редакцияларына ылайык"
        return f"(КР {listed} {tail})"
    listed = ", ".join(f"{date_ru(d)} № {n}" for d, n in acts)
    return f"(В редакции {'Закона' if len(acts) == 1 else 'Законов'} КР от {listed})"


def draft_note(title: str, lang: str = "rus") -> str:
    """The note a draft leaves under the units it changes: «(В редакции проекта Закона КР «…»)»."""
    if lang == "kir":
        return f"(«{title}» КР Мыйзамынын долбоорунун редакциясына ылайык)"
    return f"(В редакции проекта Закона КР «{title}»)"


def is_redaction_note(text: str) -> bool:
    """Whether an editorial note is the list of amending laws a unit was changed by (not a draft's)."""
    t = text.strip()
    return t.startswith("(В редакции Закон") or (t.startswith("(КР ") and "редакция" in t and t.endswith("ылайык)"))


# --- language ---------------------------------------------------------------------------------

_KYRGYZ = lazyre.compile(r"[өүңӨҮҢ]|\b\d+(?:-\d+)*-(?:берене|бөлүк|пункт|абзац|глава|бөлүм)|берене|бөлүг|деген\s+сөз"
                         r"|(?<!\w)(?:жана|менен|боюнча|жөнүндө|ушул|тарабынан|болуп|ылайык|Республикасын\w*|мыйзам\w*)(?!\w)",
                         re.IGNORECASE)


# Short Russian words Kyrgyz never has: a text with several of them is Russian.
_RUSSIAN = lazyre.compile(r"(?<!\w)(?:и|в|на|не|с|по|от|для|или|при|к|из|за|что|также|а|со|во)(?!\w)", re.IGNORECASE)


def reads_as(text: str, lang: str) -> bool:
    """Whether a running text reads as written in ``lang``: «rus» with two or more Russian short
    words and nothing Kyrgyz, «kir» with Kyrgyz words or letters and no Russian short word (a short
    list item reads as neither). The text is searched only as far as the answer needs: a law's
    texts are asked by the thousand.

    >>> reads_as("Ар бир адам эс алууга укуктуу жана башка", "kir"), reads_as("Каждый имеет право на отдых и досуг", "rus")
    (True, True)
    >>> reads_as("бюджет", "rus"), reads_as("бюджет", "kir"), reads_as("Кодекс и закон", "rus")
    (False, False, False)
    """
    if lang == "rus":
        russian = _RUSSIAN.finditer(text)
        return next(russian, None) is not None and next(russian, None) is not None and not _KYRGYZ.search(text)
    return bool(_KYRGYZ.search(text)) and not _RUSSIAN.search(text)


def language_of(text: str) -> str:
    """«kir» for a Kyrgyz text (its letters ө ү ң, Kyrgyz unit words, or words such as «жана»,
    «менен», «ушул» that Russian does not have), else «rus».

    >>> language_of("5-беренесинин 2-бөлүгү"), language_of("часть 2 статьи 5"), language_of("18-берене")
    ('kir', 'rus', 'kir')
    """
    return "kir" if _KYRGYZ.search(text or "") else "rus"
