"""The KR vocabulary, in one place: the names of the units of a law in Russian and Kyrgyz, their
genders and case forms, ordinal words, the wording of repeal notes, and the test of a text's language.

Every module that writes or reads KR legal language takes its words from here (citations, the
amending law's text, repeal notes in the law, the comparison table, the importer's messages), so
that «пункт 4 утратил силу» in the law, «пункт 4 признать утратившим силу» in the bill and «утратил
силу» in the table can never disagree. ``tests/test_vocabulary.py`` enumerates every unit × language
× case × number.

Units are named by their Russian nominative («статья», «часть», «пункт»…): which AKN element a name
stands for depends on the act's naming (see :func:`lawpatch.structure.unit_name`).

Russian nouns are written out (six cases, singular and plural); Russian ordinals are inflected by
pymorphy3. Kyrgyz nouns take their case endings after vowel harmony, written out in both forms a
citation needs: plain («5-берене», «5-беренеге») and possessed, as the head of a genitive chain
(«5-беренесинин 2-бөлүгүнө»). Kyrgyz ordinals precede the noun and are not inflected.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

LANGS = ("rus", "kir")
RU_CASES = ("nom", "gen", "dat", "acc", "ins", "loc")
KY_CASES = ("nom", "gen", "acc", "dat", "loc", "abl")
GENDERS = ("masc", "femn", "neut")


class VocabularyError(ValueError):
    """A word the vocabulary does not have (a programming error or a number out of range)."""


# --- nouns --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RuNoun:
    gender: str
    singular: tuple[str, ...]   # nom gen dat acc ins loc
    plural: tuple[str, ...]

    def form(self, case: str = "nom", plural: bool = False) -> str:
        return (self.plural if plural else self.singular)[_case_index(case, RU_CASES)]


@dataclass(frozen=True)
class KyNoun:
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


# --- ordinals ---------------------------------------------------------------------------------

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
_PYMORPHY_CASE = {"nom": "nomn", "gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "loc": "loct"}


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
    _case_index(case, RU_CASES)
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
    return head + _inflect_adjective(last, case, gender)


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=None)
def _inflect_adjective(word: str, case: str, gender: str) -> str:
    """A Russian ordinal (masculine nominative) in a case and gender; «ё» written «е» as in KR laws."""
    if (case, gender) == ("nom", "masc"):
        return word
    parses = [p for p in _morph().parse(word) if p.tag.POS == "ADJF"] or _morph().parse(word)
    grammemes = {_PYMORPHY_CASE[case], gender, "sing"}
    if case == "acc" and gender == "masc":
        grammemes.add("inan")
    form = parses[0].inflect(grammemes)
    if form is None:
        raise VocabularyError(f"pymorphy3 has no {case} {gender} form of «{word}»")
    return form.word.replace("ё", "е")


@lru_cache(maxsize=None)
def _ordinal_values() -> dict[str, int]:
    """Every written form of the ordinals 1–999 (RU in every case and gender, KY) → its value."""
    table: dict[str, int] = {}
    for n in range(1, MAX_ORDINAL + 1):
        table[ordinal(n, "kir")] = n
    # the forms citations use: every case, masculine (абзац, пункт), feminine (часть), neuter
    # (предложение) — built for 1–99 in full and the round hundreds, the rest on demand
    for n in list(range(1, 100)) + [100 * k for k in range(1, 10)]:
        for case in RU_CASES:
            for g in GENDERS:
                table[ordinal(n, "rus", case, g)] = n
    return table


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


def ordinal_value(phrase: str) -> int | None:
    """The value of an ordinal in any case or gender, RU or KY: «пятого» 5, «двадцать первом» 21,
    «ПЕРВЫЙ» 1, «экинчи» 2, «тогузунчу» 9; None for anything else.

    >>> ordinal_value("пятого"), ordinal_value("двадцать первом"), ordinal_value("ПЕРВЫЙ"), ordinal_value("экинчи")
    (5, 21, 1, 2)
    """
    w = " ".join(phrase.strip(" .").lower().replace("ё", "е").split())
    for table in (ORDINALS_RU, ORDINALS_KY):   # the nominatives first: no morphology to load
        if w in table:
            return table.index(w) + 1
    value = _ordinal_values().get(w)
    if value is None and w.startswith(_RU_HUNDREDS + tuple(d.strip() for d in _KY_DIGITS if d)):
        head, _, tail = w.partition(" ")
        rest = _ordinal_values().get(tail)
        hundreds = (_RU_HUNDREDS.index(head) + 1) if head in _RU_HUNDREDS else None
        if rest and rest < 100 and hundreds:
            value = hundreds * 100 + rest
    return value


@lru_cache(maxsize=1)
def _nominatives() -> dict[str, int]:
    """Every ordinal 1–999 in its nominative masculine form (RU) and its one form (KY) → value."""
    return {ordinal(n, lang): n for n in range(1, MAX_ORDINAL + 1) for lang in LANGS}


@lru_cache(maxsize=1)
def _ordinal_starts() -> frozenset[str]:
    return frozenset(w[:3] for phrase in _nominatives() for w in phrase.split())


def ordinal_by_lemma(phrase: str) -> int | None:
    """:func:`ordinal_value` for reading running text fast: the phrase's last word is brought to
    its dictionary form (pymorphy3 parses one word; no table of every case and gender is built),
    and nothing is loaded for a word no ordinal starts with.

    >>> ordinal_by_lemma("двадцать первой"), ordinal_by_lemma("третьего"), ordinal_by_lemma("настоящей")
    (21, 3, None)
    """
    words = phrase.strip(" .").lower().replace("ё", "е").split()
    if not words or any(w[:3] not in _ordinal_starts() for w in words):
        return None
    value = _nominatives().get(" ".join(words))
    if value is None and re.fullmatch(r"[а-я]+", words[-1]):
        for parse in _morph().parse(words[-1]):   # «второе» is a noun too: the adjective's form
            if parse.tag.POS == "ADJF":
                return _nominatives().get(" ".join(words[:-1] + [parse.normal_form.replace("ё", "е")]))
    return value


# --- cardinals --------------------------------------------------------------------------------

_RU_UNITS = ("один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
             "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать",
             "семнадцать", "восемнадцать", "девятнадцать")
_KY_UNITS = ("бир", "эки", "үч", "төрт", "беш", "алты", "жети", "сегиз", "тогуз", "он",
             "он бир", "он эки", "он үч", "он төрт", "он беш", "он алты", "он жети", "он сегиз", "он тогуз")


def cardinal(n: int, lang: str = "rus", case: str = "nom") -> str:
    """A number in words (1–999): «десять», gen «десяти», «тридцать пять»; KY «он», «отуз беш»
    (Kyrgyz cardinals are not inflected).

    >>> cardinal(10, case="gen"), cardinal(35), cardinal(10, "kir"), cardinal(120, case="gen")
    ('десяти', 'тридцать пять', 'он', 'ста двадцати')
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 999:
        raise VocabularyError(f"no number word for {n!r} (1–999)")
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if lang == "kir":
        if hundreds:
            words.append((_KY_DIGITS[hundreds - 1] + "жүз").strip())
        if rest >= 20:
            words.append(_KY_TENS[rest // 10][0])
            rest %= 10
        if rest:
            words.append(_KY_UNITS[rest - 1])
        return " ".join(words)
    if lang != "rus":
        raise VocabularyError(f"unknown language {lang!r} (rus or kir)")
    if hundreds:
        words.append(_RU_HUNDREDS[hundreds - 1])
    if rest >= 20:
        words.append(_RU_TENS[rest // 10][0])
        rest %= 10
    if rest:
        words.append(_RU_UNITS[rest - 1])
    return " ".join(_inflect_numeral(w, case) for w in words)


@lru_cache(maxsize=None)
def _inflect_numeral(word: str, case: str) -> str:
    if case == "nom":
        return word
    parse = next((p for p in _morph().parse(word) if p.tag.POS in ("NUMR", "ADJF")), None)
    form = parse.inflect({_PYMORPHY_CASE[case]} | ({"inan"} if case == "acc" else set())) if parse else None
    if form is None:
        raise VocabularyError(f"pymorphy3 has no {case} form of «{word}»")
    return form.word.replace("ё", "е")


# The letters that number подпункты and the items of an amending law («а)», «б)» … without ё, й, ъ,
# ы, ь, as KR acts letter them).
LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


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
    if plural:
        return "признать утратившими силу"
    return "признать " + {"masc": "утратившим", "femn": "утратившей", "neut": "утратившим"}[gender(name)] + " силу"


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

_KYRGYZ = re.compile(r"[өүңӨҮҢ]|\b\d+(?:-\d+)*-(?:берене|бөлүк|пункт|абзац|глава|бөлүм)|берене|бөлүг|деген\s+сөз")


def language_of(text: str) -> str:
    """«kir» for a Kyrgyz text (its letters ө ү ң, or KR Kyrgyz unit words), else «rus».

    >>> language_of("5-беренесинин 2-бөлүгү"), language_of("часть 2 статьи 5"), language_of("18-берене")
    ('kir', 'rus', 'kir')
    """
    return "kir" if _KYRGYZ.search(text or "") else "rus"
