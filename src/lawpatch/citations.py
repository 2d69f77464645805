"""Citations as drafters write them («пункт 3 части 2 статьи 5», «5-берененин 2-бөлүгү») ↔ eIds.

:func:`resolve` reads a Russian or Kyrgyz citation (or an eId) and returns the eId of the unit;
:func:`cite` writes the citation of a unit in Russian (in the grammatical case an amending law
needs: «в пункте 3 части 2 статьи 5», «абзац пятый» → «абзаца пятого») or Kyrgyz (a possessive
chain: «5-беренесинин 2-бөлүгүнүн 3-пункту»).

The act's naming (``law.naming``) decides what «пункт» means: in an act of the ``parts`` naming
«1.» is a часть (paragraph) and «1)» a пункт (point); in the ``points`` naming «1.» is a пункт and
«1)» a подпункт.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import structure as st
from .errors import LawpatchError

CASES = ("nom", "gen", "dat", "acc", "ins", "loc")
_PYMORPHY_CASE = {"nom": "nomn", "gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "loc": "loct"}


class CitationError(LawpatchError):
    """A citation that does not name a unit of the law; ``hint`` says what exists nearby."""

    def __init__(self, message: str, hint: str = ""):
        self.hint = hint
        super().__init__(message + (f"; {hint}" if hint else ""))


# --- ordinals ------------------------------------------------------------------------------

_RU_TENS = {2: ("двадцать", "двадцатый"), 3: ("тридцать", "тридцатый"), 4: ("сорок", "сороковой"),
            5: ("пятьдесят", "пятидесятый"), 6: ("шестьдесят", "шестидесятый"),
            7: ("семьдесят", "семидесятый"), 8: ("восемьдесят", "восьмидесятый"),
            9: ("девяносто", "девяностый")}
_KY_TENS = {2: ("жыйырма", "жыйырманчы"), 3: ("отуз", "отузунчу"), 4: ("кырк", "кыркынчы"),
            5: ("элүү", "элүүнчү"), 6: ("алтымыш", "алтымышынчы"), 7: ("жетимиш", "жетимишинчи"),
            8: ("сексен", "сексенинчи"), 9: ("токсон", "токсонунчу")}
_RU_HUNDREDS = ["сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот",
                "девятьсот"]
_RU_HUNDREDTHS = ["сотый", "двухсотый", "трехсотый", "четырехсотый", "пятисотый", "шестисотый",
                  "семисотый", "восьмисотый", "девятисотый"]
_KY_DIGITS = ["", "эки ", "үч ", "төрт ", "беш ", "алты ", "жети ", "сегиз ", "тогуз "]
MAX_ORDINAL = 999


def ordinal(n: int, lang: str = "rus", case: str = "nom", gender: str = "masc") -> str:
    """«пятый», gen «пятого», «двадцать первый»; KY «бешинчи», «жыйырма биринчи» (not inflected).

    >>> ordinal(5), ordinal(5, case="gen"), ordinal(21, case="loc"), ordinal(40, "kir"), ordinal(102)
    ('пятый', 'пятого', 'двадцать первом', 'кыркынчы', 'сто второй')
    """
    if not 1 <= n <= MAX_ORDINAL:
        raise CitationError(f"no ordinal word for {n} (1–{MAX_ORDINAL})")
    hundreds, rest = divmod(n, 100)
    if hundreds and not rest:
        last = _RU_HUNDREDTHS[hundreds - 1] if lang == "rus" else _KY_DIGITS[hundreds - 1] + "жүзүнчү"
        return _inflect(last, case, "ADJF", gender=gender) if lang == "rus" and (case, gender) != ("nom", "masc") else last
    head = ""
    if hundreds:
        head = (_RU_HUNDREDS[hundreds - 1] if lang == "rus" else _KY_DIGITS[hundreds - 1] + "жүз") + " "
    small, tens = (st.ORDINALS_RU, _RU_TENS) if lang == "rus" else (st.ORDINALS_KY, _KY_TENS)
    if rest <= 20:
        last = small[rest - 1]
    elif rest % 10 == 0:
        last = tens[rest // 10][1]
    else:
        head, last = head + tens[rest // 10][0] + " ", small[rest % 10 - 1]
    if lang == "rus" and (case, gender) != ("nom", "masc"):
        last = _inflect(last, case, "ADJF", gender=gender)
    return head + last


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=None)
def _inflect(word: str, case: str, pos: str = "NOUN", plural: bool = False, gender: str = "masc") -> str:
    """A Russian noun or ordinal (singular; ordinals masculine unless ``gender``) in a case;
    «ё» written «е» as in KR laws."""
    if case == "nom" and not plural and gender == "masc":
        return word
    parses = [p for p in _morph().parse(word) if p.tag.POS == pos] or _morph().parse(word)
    grammemes = {_PYMORPHY_CASE[case]} | ({"plur"} if plural else set())
    if pos == "ADJF":
        grammemes |= {gender, "sing"} | ({"inan"} if case == "acc" and gender == "masc" else set())
    form = parses[0].inflect(grammemes)
    return (form.word if form else word).replace("ё", "е")


@lru_cache(maxsize=None)
def _ordinal_values() -> dict[str, int]:
    """Every written form of the ordinals 1–99 (RU in every case, KY) → its value."""
    table: dict[str, int] = {}
    for n in range(1, MAX_ORDINAL + 1):
        table[ordinal(n, "kir")] = n
        for case in CASES:
            table[ordinal(n, "rus", case)] = n
    # «часть первая статьи 5», «части второй»: older acts number parts in words
    for n, word in enumerate(st.ORDINALS_RU, 1):
        for case in CASES:
            table[_inflect(word, case, "ADJF", gender="femn")] = n
    return table


# --- unit words ------------------------------------------------------------------------------

# The name of each unit in citations, per language: (paragraph in the «parts» naming, in the «points»
# naming, point, subpoint, the containers).
_UNIT_WORDS = {
    "rus": ("часть", "пункт", "пункт", "подпункт",
            {"part": "раздел", "chapter": "глава", "section": "параграф", "article": "статья"}),
    "kir": ("бөлүк", "пункт", "пункт", "пунктча",
            {"part": "бөлүм", "chapter": "глава", "section": "параграф", "article": "берене"}),
}


def _unit_word(el, naming: str, lang: str) -> str:
    part, point_named_part, point, subpoint, containers = _UNIT_WORDS[lang]
    tag = st.local(el.tag)
    if tag == "paragraph":
        return point_named_part if naming == "points" else part
    if tag == "point":
        return subpoint if naming == "points" or st.local(el.getparent().tag) == "point" else point
    return containers.get(tag, "абзац")


# Kyrgyz forms: (plain: nom gen acc dat loc) for the first unit of a chain, and the possessive
# stem with its case endings for the units that follow (vowel harmony spelled out).
_KY_PLAIN = {
    "берене": ("берене", "берененин", "беренени", "беренеге", "беренеде"),
    "глава": ("глава", "главанын", "главаны", "главага", "главада"),
    "бөлүм": ("бөлүм", "бөлүмдүн", "бөлүмдү", "бөлүмгө", "бөлүмдө"),
    "бөлүк": ("бөлүк", "бөлүктүн", "бөлүктү", "бөлүккө", "бөлүктө"),
    "параграф": ("параграф", "параграфтын", "параграфты", "параграфка", "параграфта"),
}
_KY_POSS = {
    "берене": ("беренеси", "беренесинин", "беренесин", "беренесине", "беренесинде"),
    "бөлүк": ("бөлүгү", "бөлүгүнүн", "бөлүгүн", "бөлүгүнө", "бөлүгүндө"),
    "пункт": ("пункту", "пунктунун", "пунктун", "пунктуна", "пунктунда"),
    "пунктча": ("пунктчасы", "пунктчасынын", "пунктчасын", "пунктчасына", "пунктчасында"),
    "абзац": ("абзацы", "абзацынын", "абзацын", "абзацына", "абзацында"),
    "глава": ("главасы", "главасынын", "главасын", "главасына", "главасында"),
    "бөлүм": ("бөлүмү", "бөлүмүнүн", "бөлүмүн", "бөлүмүнө", "бөлүмүндө"),
    "параграф": ("параграфы", "параграфынын", "параграфын", "параграфына", "параграфында"),
}
_KY_CASE_INDEX = {"nom": 0, "gen": 1, "acc": 2, "dat": 3, "loc": 4}
_DIVISION = {
    "rus": {1: ("Общая часть", "Общей части", "Общей части", "Общую часть", "Общей частью", "Общей части"),
            2: ("Особенная часть", "Особенной части", "Особенной части", "Особенную часть",
                "Особенной частью", "Особенной части")},
    "kir": {1: "Жалпы", 2: "Атайын"},
}


def _ky_form(word: str, case: str, alone: bool) -> str:
    if case == "ins":
        return _ky_form(word, "nom", alone) + " менен"
    table = _KY_PLAIN if alone else _KY_POSS
    return table[word][_KY_CASE_INDEX[case]]


# --- cite ------------------------------------------------------------------------------------

def _chain(law, el) -> list:
    """The units a citation names, innermost first: up to the article, or the container
    (with its own containers only where its number alone is ambiguous)."""
    chain = [el]
    while st.local(chain[-1].tag) not in ("article",) + st.CONTAINER_TAGS:
        parent = chain[-1].getparent()
        if parent is None or not st.is_unit(parent):
            break
        chain.append(parent)
    top = chain[-1]
    while st.local(top.tag) in st.CONTAINER_TAGS and st.is_unit(top.getparent()) and _ambiguous(law, top):
        top = top.getparent()
        chain.append(top)
    return chain


def _ambiguous(law, el) -> bool:
    return _numbered(law, st.local(el.tag)).get(_number_key(_number(el))) is not el


def _number(el) -> str:
    return st.clean_number(st.num_text(el)) if st.num_text(el) else ""


def _abzats_position(el) -> int:
    return st.part_blocks(el.getparent()).index(el) + 1


def _is_part_block(el) -> bool:
    """An unnumbered part, or an abzats beside unnumbered parts: cited «часть N» (N counting both)."""
    return st.is_unnumbered_part(el) or (st.local(el.tag) in st.ABZATS_TAGS
                                         and st.has_unnumbered_parts(el.getparent()))


def _label(el, naming: str, lang: str, case: str, alone: bool = True) -> str:
    """One unit's part of a citation; ``alone``: KY plain form («5-берене»), else possessed
    («5-беренесинин»)."""
    tag = st.local(el.tag)
    if tag == "division":
        n = int(_number(el)) if _number(el).isdigit() else 1
        if lang == "rus":
            return _DIVISION["rus"].get(n, _DIVISION["rus"][1])[CASES.index(case)]
        return f"{_DIVISION['kir'].get(n, 'Жалпы')} {_ky_form('бөлүк', case, alone)}"
    if _is_part_block(el):
        pos = _abzats_position(el)
        if lang == "rus":
            return f"{_inflect('часть', case)} {ordinal(pos, 'rus', case, 'femn')}"
        return f"{ordinal(pos, 'kir')} {_ky_form('бөлүк', case, alone)}"
    if tag in st.ABZATS_TAGS:
        pos = _abzats_position(el)
        if lang == "rus":
            return f"{_inflect('абзац', case)} {ordinal(pos, 'rus', case)}"
        return f"{ordinal(pos, 'kir')} {_ky_form('абзац', case, alone)}"
    number = _number(el)
    if lang == "rus":
        word = _unit_word(el, naming, "rus")
        shown = f'"{number}"' if re.fullmatch(r"[^\W\d_]{1,2}", number) and tag == "point" else number
        return f"{_inflect(word, case)} {shown}"
    word = _unit_word(el, naming, "kir")
    if re.fullmatch(r"[^\W\d_]{1,2}", number) and tag == "point":
        return f'"{number}" {_ky_form(word, case, alone)}'
    if re.fullmatch(r"[IVXLC]+", number):
        return f"{number} {_ky_form(word, case, alone)}"
    return f"{number}-{_ky_form(word, case, alone)}"


def cite(law, eid: str, lang: str = "rus", case: str = "nom") -> str:
    """The citation of unit ``eid``: RU innermost first («пункта 3 части 2 статьи 5» for gen),
    KY outermost first («5-беренесинин 2-бөлүгүнүн 3-пункту»).

    ``case`` is the case of the whole citation (the cited units that follow are in the genitive):
    nom, gen, dat, acc, ins or loc.
    """
    if case not in CASES:
        raise CitationError(f"unknown case {case!r} (one of {', '.join(CASES)})")
    if lang not in ("rus", "kir"):
        raise CitationError(f"unknown language {lang!r} (rus or kir)")
    el = law.get(eid)
    if re.search(r"_dup[0-9]+(?:__|$)", eid):
        raise CitationError(f"{law.source}: {eid}: its number is printed twice in the same place, so "
                            f"a citation would name its twin as well; cite it by eId")
    chain = _chain(law, el)
    naming = law.naming
    if lang == "rus":
        return " ".join(_label(u, naming, "rus", case if i == 0 else "gen")
                        for i, u in enumerate(chain))
    outer_first = list(reversed(chain))
    last = len(outer_first) - 1
    # «5-берене» alone; in a chain every unit is possessed: «5-беренесинин 2-бөлүгү»
    return " ".join(_label(u, naming, "kir", case if i == last else "gen", alone=last == 0)
                    for i, u in enumerate(outer_first))


# --- resolve ---------------------------------------------------------------------------------

_ABBREVIATIONS = [
    (r"\bподп\.\s*", "подпункт "), (r"\bпп\.\s*", "подпункт "), (r"\bп\.\s*", "пункт "),
    (r"\bч\.\s*", "часть "), (r"\bст\.\s*", "статья "), (r"\bабз\.\s*", "абзац "),
    (r"\bгл\.\s*", "глава "), (r"\bразд\.\s*", "раздел "), (r"§\s*", "параграф "),
]
# word stem → kind of step
_RU_STEMS = [("подпункт", "subpoint"), ("пункт", "point"), ("част", "part_of"), ("стать", "article"),
             ("абзац", "abzats"), ("глав", "chapter"), ("раздел", "part"), ("параграф", "section")]
_KY_STEMS = [("пунктча", "subpoint"), ("пункт", "point"), ("бөлүг", "part_of"), ("бөлүк", "part_of"),
             ("берене", "article"), ("статья", "article"), ("абзац", "abzats"), ("глава", "chapter"),
             ("бөлүм", "part"), ("параграф", "section")]
_NUMBER = r"(?:[0-9]+(?:-[0-9]+)*|[IVXLC]+)"
_LETTER = r"[«\"']?[а-яёөүң]{1,2}[»\"']?"
_EID_RE = re.compile(r"^[a-z]+_[^\s_]+(?:_dup[0-9]+)?(?:__[a-z]+_[^\s_]+(?:_dup[0-9]+)?)*$")


def _stem_kind(word: str, stems) -> str | None:
    for stem, kind in stems:
        if word.startswith(stem):
            return kind
    return None


def _ordinal_at(words: list[str], i: int) -> tuple[int, int] | None:
    """(value, words used) of an ordinal starting at words[i] («двадцать первого» is two)."""
    table = _ordinal_values()
    for size in (4, 3, 2, 1):
        phrase = " ".join(words[i:i + size])
        if len(words[i:i + size]) == size and phrase in table:
            return table[phrase], size
    return None


def _parse(text: str) -> list[tuple[str, object]]:
    """Steps (kind, key) outermost first; key is a number/letter string or an abzats position."""
    t = text.strip().lower().replace("ё", "е")
    for pattern, repl in _ABBREVIATIONS:
        t = re.sub(pattern, repl, t)
    t = t.replace("«", '"').replace("»", '"')
    # the frame around a citation in running text: «в статье 5 настоящего Закона»,
    # «ушул Мыйзамдын 5-беренеси»
    t = re.sub(r"^(?:в|во|к|из|на|по|согласно|со)\s+", "", t)
    t = re.sub(r"\s+(?:настоящего|этого|указанного)\s+\S+$", "", t)
    t = re.sub(r"^(?:ушул|бул)\s+\S+\s+", "", t)
    division: list[tuple[str, object]] = []
    m = re.search(r"\b(общ|особенн|жалпы|атайын)\w*\s+(?:част|бөлүг|бөлүк)\w*", t)
    if m:
        division.append(("division", "1" if m.group(1) in ("общ", "жалпы") else "2"))
        t = (t[:m.start()] + " " + t[m.end():]).strip()
    words = re.findall(r'"[^"\s]{1,2}"|[^\s,;:]+', t)
    steps: list[tuple[str, object]] = []
    kyrgyz = bool(re.search(r"[өүң]|берене|-[а-яөүң]|^(?:[ivxlc]+|[0-9]+)\s+[а-я]", t))
    i = 0
    while i < len(words):
        w = words[i]
        if kyrgyz:
            if re.fullmatch(r"[ivxlc]+", w):
                w = w.upper()
            m = re.fullmatch(rf"({_NUMBER})-(\S+)", w)
            if m and _stem_kind(m.group(2), _KY_STEMS):
                steps.append(_ky_step(_stem_kind(m.group(2), _KY_STEMS), m.group(1)))
                i += 1
                continue
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if re.fullmatch(_NUMBER, w) and _stem_kind(nxt, _KY_STEMS):
                steps.append(_ky_step(_stem_kind(nxt, _KY_STEMS), w))
                i += 2
                continue
            if re.fullmatch(_LETTER, w) and _stem_kind(nxt, _KY_STEMS) in ("subpoint", "point"):
                steps.append((_stem_kind(nxt, _KY_STEMS), w.strip('"\'')))
                i += 2
                continue
            o = _ordinal_at(words, i)
            after = _stem_kind(words[i + o[1]], _KY_STEMS) if o and i + o[1] < len(words) else None
            if after in ("abzats", "part_of"):  # «төртүнчү абзацы», «экинчи бөлүгү»
                steps.append((after, o[0] if after == "abzats" else str(o[0])))
                i += o[1] + 1
                continue
            raise CitationError(f"cannot read «{w}» in the citation «{text}»")
        kind = _stem_kind(w, _RU_STEMS)
        if kind is None:
            raise CitationError(f"cannot read «{w}» in the citation «{text}»")
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if kind == "abzats":
            o = _ordinal_at(words, i + 1)
            if o:
                steps.append(("abzats", o[0]))
                i += 1 + o[1]
                continue
            if nxt.isdigit():
                steps.append(("abzats", int(nxt)))
                i += 2
                continue
        elif kind in ("part_of", "point", "subpoint") and _ordinal_at(words, i + 1):
            value, size = _ordinal_at(words, i + 1)
            steps.append((kind, str(value)))
            i += 1 + size
            continue
        elif re.fullmatch(_NUMBER, nxt.upper() if re.fullmatch(r"[ivxlc]+", nxt) else nxt) or \
                re.fullmatch(_LETTER, nxt):
            number = nxt.strip('"\'')
            steps.append((kind, number.upper() if re.fullmatch(r"[ivxlc]+", number) else number))
            i += 2
            continue
        raise CitationError(f"no number after «{w}» in the citation «{text}»")
    if not kyrgyz and len(steps) > 1 and _RANK[steps[0][0]] >= _RANK[steps[-1][0]]:
        steps.reverse()  # Russian cites innermost first («ч. 2 ст. 5»); «ст. 5 ч. 2» is kept
    return division + steps


def _ky_step(kind: str, number: str) -> tuple[str, object]:
    """A Kyrgyz numbered step («18-беренеси», «3-абзацы»); an abzats is counted, so its key is a number."""
    if kind != "abzats":
        return kind, number
    if not number.isdigit() or len(number) > 6:
        raise CitationError(f"«{number}-абзацы»: an abzats is counted 1, 2, 3 …")
    return kind, int(number)


_RANK = {"part": 1, "chapter": 2, "section": 3, "article": 4, "part_of": 5, "point": 6, "subpoint": 7,
         "abzats": 8}


def _number_key(number: str):
    """Numbers compare as printed, Roman numerals as their value («II» == «2»), letters lower."""
    roman = st.roman_value(number)
    return str(roman) if roman is not None else number.lower()


_TAGS = {"article": "article", "chapter": "chapter", "part": "part", "section": "section",
         "division": "division", "part_of": "paragraph", "subpoint": "point"}


def resolve(law, text: str) -> str:
    """The eId of the unit a citation names (RU or KY, full words or «ч. 2 ст. 5»); an eId
    passes through. Raises :class:`CitationError` with what exists nearby."""
    text = (text or "").strip()
    if text in law.index:
        return text
    if _EID_RE.match(text):
        raise CitationError(f"{law.source}: no unit {text!r} in this law", law.nearby_hint(text))
    steps = _parse(text)
    if not steps:
        raise CitationError(f"«{text}» is not a citation")
    current = law.body
    for kind, key in steps:
        found = _step(law, current, kind, key)
        if found is None:
            where = cite(law, current.get("eId"), "rus") if current is not law.body else "the law"
            raise CitationError(f"{law.source}: «{text}»: {where} has no {_describe(kind, key)}",
                                law.nearby_hint(f"art_{key}") if kind == "article" else _nearby(law, current))
        current = found
    return current.get("eId")


def _step(law, current, kind: str, key):
    if kind == "abzats":
        abzats = st.part_blocks(current)
        return abzats[key - 1] if 0 < key <= len(abzats) else None
    if kind == "point":
        tag = "paragraph" if law.naming == "points" and st.local(current.tag) == "article" else "point"
    else:
        tag = _TAGS[kind]
    want = _number_key(key)
    children = [c for c in current if st.local(c.tag) == tag]
    for c in children:
        if _number_key(_number(c)) == want:
            return c
    if kind == "part_of" and not any(_number(c) for c in children) and key.isdigit():
        # an article without numbered parts: «часть 2» = its second block (abzats or unnumbered part)
        return _step(law, current, "abzats", int(key))
    if tag in ("article",) + st.CONTAINER_TAGS:
        return _numbered(law, tag).get(want) if current is law.body else next(
            (c for c in current.iter(st.akn(tag)) if _number_key(_number(c)) == want), None)
    return None


def _numbered(law, tag: str) -> dict:
    """{number key: first unit} of one tag across the law, built once per index of the law."""
    cache = law.__dict__.setdefault("_citation_cache", {})
    stamp = id(law.index)
    if cache.get("stamp") != stamp:
        cache.clear()
        cache["stamp"] = stamp
    if tag not in cache:
        table: dict = {}
        for el in law.body.iter(st.akn(tag)):
            table.setdefault(_number_key(_number(el)), el)
        cache[tag] = table
    return cache[tag]


def _describe(kind: str, key) -> str:
    if kind == "abzats":
        return f"абзац {ordinal(key) if 0 < key <= MAX_ORDINAL else key}"
    words = {"article": "статья", "chapter": "глава", "part": "раздел", "section": "параграф",
             "division": "часть кодекса", "part_of": "часть", "subpoint": "подпункт", "point": "пункт"}
    return f"{words[kind]} {key}"


def _nearby(law, current) -> str:
    """What the unit where the citation stopped contains («статья 5 has: часть 1, часть 2»)."""
    if current is law.body:
        kids = [_label(k, law.naming, "rus", "nom") for k in st.unit_children(current)]
        return f"the law has: {', '.join(kids[:15])}" + (" …" if len(kids) > 15 else "")
    kids = st.unit_children(current)
    if not kids:
        return f"{cite(law, current.get('eId'))} has no sub-units"
    labels = [_label(k, law.naming, "rus", "nom") for k in kids]
    return f"{cite(law, current.get('eId'))} has: {', '.join(labels[:15])}" + (" …" if len(labels) > 15 else "")
