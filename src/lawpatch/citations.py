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

from . import lazyre
from . import structure as st
from . import vocabulary as voc
from .errors import LawpatchError

CASES = voc.RU_CASES
ordinal = voc.ordinal
MAX_ORDINAL = voc.MAX_ORDINAL


class CitationError(LawpatchError):
    """A citation that does not name a unit of the law; ``hint`` says what exists nearby."""

    def __init__(self, message: str, hint: str = ""):
        self.hint = hint
        super().__init__(message + (f"; {hint}" if hint else ""))


def _ky_form(name: str, case: str, alone: bool) -> str:
    """A Kyrgyz unit word: plain when it stands alone («5-берене»), possessed in a chain
    («5-беренесинин 2-бөлүгү»); the instrumental is the nominative with «менен»."""
    if case == "ins":
        return _ky_form(name, "nom", alone) + " менен"
    return voc.noun(name, "kir", case, possessed=not alone)


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


def _label(el, naming: str, lang: str, case: str, alone: bool = True) -> str:
    """One unit's part of a citation; ``alone``: KY plain form («5-берене»), else possessed
    («5-беренесинин»)."""
    tag = st.local(el.tag)
    name = st.unit_name(el, naming)
    if tag == "division":
        n = int(_number(el)) if _number(el).isdigit() else 1
        if lang == "rus":
            return voc.CODE_PARTS["rus"].get(n, voc.CODE_PARTS["rus"][1])[CASES.index(case)]
        return f"{voc.CODE_PARTS['kir'].get(n, 'Жалпы')} {_ky_form(name, case, alone)}"
    if tag in st.ABZATS_TAGS or st.is_unnumbered_part(el):   # cited by position: «абзац пятый», «часть вторая»
        pos = _abzats_position(el)
        if lang == "rus":
            return f"{voc.noun(name, 'rus', case)} {ordinal(pos, 'rus', case, voc.gender(name))}"
        return f"{ordinal(pos, 'kir')} {_ky_form(name, case, alone)}"
    number = _number(el)
    lettered = re.fullmatch(r"[^\W\d_]{1,2}", number) and tag == "point"
    if lang == "rus":
        shown = f'"{number}"' if lettered else number
        return f"{voc.noun(name, 'rus', case)} {shown}"
    if lettered:
        return f'"{number}" {_ky_form(name, case, alone)}'
    if re.fullmatch(r"[IVXLC]+", number):
        return f"{number} {_ky_form(name, case, alone)}"
    return f"{number}-{_ky_form(name, case, alone)}"


def cite(law, eid: str, lang: str = "rus", case: str = "nom", within: str | None = None) -> str:
    """The citation of unit ``eid``: RU innermost first («пункта 3 части 2 статьи 5» for gen),
    KY outermost first («5-беренесинин 2-бөлүгүнүн 3-пункту»).

    ``case`` is the case of the whole citation (the cited units that follow are in the genitive):
    nom, gen, dat, acc, ins or loc. With ``within`` (a unit that contains it, named already, as an
    amending law's «в статье 5:» names it) only the part below that unit: «части 2», KY «2-бөлүгүндө»;
    "" for that unit itself.
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
    if within is not None:
        outer = law.get(within)
        if el is outer:
            return ""
        if any(a is outer for a in el.iterancestors()):
            chain = [u for u in chain if u is not outer and any(a is outer for a in u.iterancestors())]
            chain = chain or [el]
        else:
            within = None
    naming = law.naming
    if lang == "rus":
        return " ".join(_label(u, naming, "rus", case if i == 0 else "gen")
                        for i, u in enumerate(chain))
    outer_first = list(reversed(chain))
    last = len(outer_first) - 1
    # «5-берене» alone; in a chain (or under a unit already named) every unit is possessed:
    # «5-беренесинин 2-бөлүгү»
    return " ".join(_label(u, naming, "kir", case if i == last else "gen", alone=last == 0 and within is None)
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
_EID_RE = lazyre.compile(r"^[a-z]+_[^\s_]+(?:_dup[0-9]+)?(?:__[a-z]+_[^\s_]+(?:_dup[0-9]+)?)*$")


def citation_language(text: str) -> str:
    """«kir» for a Kyrgyz citation: Kyrgyz words (:func:`lawpatch.vocabulary.language_of`), or a
    number joined to its unit word («5-берене», «3-абзацы») or before it («II бөлүм»).

    >>> citation_language("18-беренесинин 3-абзацы"), citation_language("абзац 3 статьи 18"), citation_language("II бөлүм")
    ('kir', 'rus', 'kir')
    """
    t = text.strip().lower()
    if voc.language_of(t) == "kir" or re.search(r"\d-[а-яөүң]|^(?:[ivxlc]+|[0-9]+)\s+[а-яөүң]", t):
        return "kir"
    return "rus"


def _stem_kind(word: str, stems) -> str | None:
    for stem, kind in stems:
        if word.startswith(stem):
            return kind
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
    kyrgyz = citation_language(t) == "kir"
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
            o = voc.ordinal_at(words, i)
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
            o = voc.ordinal_at(words, i + 1)
            if o:
                steps.append(("abzats", o[0]))
                i += 1 + o[1]
                continue
            if nxt.isdigit():
                steps.append(("abzats", int(nxt)))
                i += 2
                continue
        elif kind in ("part_of", "point", "subpoint") and voc.ordinal_at(words, i + 1):
            value, size = voc.ordinal_at(words, i + 1)
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
    return resolve_steps(law, steps, text=text)


def resolve_steps(law, steps, base=None, text: str = "") -> str:
    """The eId of the unit that ``steps`` — (kind, key) pairs outermost first, as a citation
    parses into — reach from ``base`` (a unit element; the law's body by default): «части 2
    настоящей статьи» is ``[("part_of", "2")]`` from the article. Raises :class:`CitationError`."""
    current, missing = _walk(law, steps, base)
    if missing is not None:
        kind, key = missing
        where = cite(law, current.get("eId"), "rus") if current is not law.body else "the law"
        raise CitationError(f"{law.source}: «{text or _describe(kind, key)}»: {where} has no {_describe(kind, key)}",
                            law.nearby_hint(f"art_{key}") if kind == "article" else _nearby(law, current))
    return current.get("eId")


def reaches(law, steps, base=None) -> bool:
    """Whether :func:`resolve_steps` would resolve ``steps`` (without the message of its refusal)."""
    return _walk(law, steps, base)[1] is None


def _walk(law, steps, base):
    """(the unit ``steps`` reach, None), or (the unit where a step found nothing, that step)."""
    current = law.body if base is None else base
    for kind, key in steps:
        found = _step(law, current, kind, key)
        if found is None:
            return current, (kind, key)
        current = found
    return current, None


# --- citations of a part of a unit, of several units -------------------------------------------

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_PLURAL = {form: name for name, noun in voc.RU_NOUNS.items() if " " not in name
           for form in noun.plural}


def flat_superscripts(text: str) -> str:
    """«статья 85¹» (a superscript as Word prints it) → «статья 85-1».

    >>> flat_superscripts("статья 85¹"), flat_superscripts("статьи 233¹²")
    ('статья 85-1', 'статьи 233-12')
    """
    return re.sub(r"(\d)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", lambda m: f"{m.group(1)}-{m.group(2).translate(_SUPERSCRIPT)}", text)


def resolve_target(law, text: str) -> dict:
    """What a citation names, as a patch target: ``{"units": (eIds…), "through": eId|None,
    "part": "text"|"heading"|"sentence", "sentence": N|None}``.

    Beside one unit (:func:`resolve`) it reads «наименование статьи 86», «второе предложение пункта 1
    статьи 85», a list «абзацы второй и третий пункта 2 статьи 125» / «пункты 3, 4 и 7 статьи 5», a range
    «абзацы третий–пятый статьи 1» / «статьи 336–348», and superscripts «статья 85¹»; KY «86-беренесинин
    аталышы». Raises :class:`CitationError`.
    """
    t = " ".join(flat_superscripts(text or "").split())
    t = re.sub(r"^(?:в|во)\s+", "", t, flags=re.I)
    out = {"units": (), "through": None, "part": "text", "sentence": None}
    m = re.match(r"^наименовани[еия]\s+(.+)$", t, re.I) or re.match(r"^(.+?)\s+аталыш\w*$", t, re.I)
    if m:
        out["part"], t = "heading", m.group(1)
    m = re.match(r"^(\S+(?:\s+\S+)?)\s+предложени\w+\s+(.+)$", t, re.I)
    if m and voc.ordinal_value(m.group(1)):
        out["part"], out["sentence"], t = "sentence", voc.ordinal_value(m.group(1)), m.group(2)
    for m in (re.match(r"^(.+)\s+(\S+)\s+сүйлөм\w*$", t, re.I),            # «… экинчи сүйлөмү»
              re.match(r"^(.+)\s+(\S+\s+\S+)\s+сүйлөм\w*$", t, re.I)):       # «… он биринчи сүйлөмү»
        if m and voc.ordinal_value(m.group(2)):
            out["part"], out["sentence"], t = "sentence", voc.ordinal_value(m.group(2)), m.group(1)
            break
    many = _many_ky(t) if citation_language(t) == "kir" else split_many(t)
    if many is None:
        out["units"] = (resolve(law, t),)
        return out
    if len(many) == 2:                      # Kyrgyz: each unit's own citation
        citations, is_range = many
    else:
        name, items, is_range, rest = many
        citations = [f"{name} {item} {rest}".strip() for item in items]
    eids = [resolve(law, c) for c in citations]
    if is_range:
        out["units"], out["through"] = (eids[0],), eids[-1]
    else:
        out["units"] = tuple(eids)
    return out


def split_many(text: str):
    """(unit name, [items], a range?, the rest) for «абзацы второй и третий пункта 2 …»,
    «статьи 336–348»; None for a citation of one unit."""
    words = text.split(" ", 1)
    name = _PLURAL.get(words[0].lower())
    if name is None or len(words) < 2:
        return None
    tokens = re.findall(r",|–|—|[^\s,–—]+", words[1])
    tokens = [part for tok in tokens for part in _split_word_range(tok)]
    items, seps, i = [], [], 0
    while i < len(tokens):
        size = _item_at(tokens, i)
        if not size:
            break
        items.append(" ".join(tokens[i:i + size]))
        i += size
        if i < len(tokens) and tokens[i] in (",", "и", "–", "—"):
            seps.append(tokens[i])
            i += 1
            continue
        break
    if len(items) < 2:
        return None
    is_range = len(items) == 2 and seps[0] in ("–", "—")
    return name, items, is_range, " ".join(tokens[i:])


_KY_LIST_GAP = r"\s*(?:,|жана|же|–|—)\s*"
_KY_FIGURES = lazyre.compile(rf"^(?P<outer>.*?)\s*(?P<items>(?:[0-9]+(?:-[0-9]+)*{_KY_LIST_GAP})+)(?P<last>[0-9]+(?:-[0-9]+)*)"
                             rf"-(?P<unit>[^\W\d_]+)$")
def _many_ky(text: str):
    """([each unit's citation], a range?) for a Kyrgyz list or range, the unit word after the last
    item: «5-беренесинин 3 жана 4-бөлүктөрү», «1, 2-пункттары», «336–348-беренелер», «экинчи жана
    үчүнчү абзацтары», «экинчи–төртүнчү абзацтары»; None for a citation of one unit.

    >>> _many_ky("5-беренесинин 3 жана 4-бөлүктөрү")
    (['5-беренесинин 3-бөлүктөрү', '5-беренесинин 4-бөлүктөрү'], False)
    >>> _many_ky("18-беренесинин экинчи–төртүнчү абзацтары")
    (['18-беренесинин экинчи абзацтары', '18-беренесинин төртүнчү абзацтары'], True)
    """
    m = _KY_FIGURES.match(text)
    if m and _stem_kind(m.group("unit").lower(), _KY_STEMS):
        parts = re.split(f"({_KY_LIST_GAP})", m.group("items").strip() + " " + m.group("last"))
        items = [i.strip().rstrip(",") for i in parts[0::2] if i.strip()]
        seps = [p.strip() for p in parts[1::2]]
        outer, unit, joiner = m.group("outer").strip(), m.group("unit"), "-"
    else:
        found = _ky_ordinal_list(text)
        if found is None:
            return None
        outer, items, seps, unit = found
        joiner = " "
    if len(items) < 2:
        return None
    is_range = len(items) == 2 and seps[0] in ("–", "—", "-")
    return [f"{outer} {item}{joiner}{unit}".strip() for item in items], is_range


def _ky_ordinal_list(text: str):
    """(the units above, [ordinals], [separators], the unit word) of «… экинчи жана үчүнчү
    абзацтары», «… экинчи–төртүнчү бөлүктөрү»; None where the words before the unit word are not
    a list of ordinals."""
    words = re.sub(r"(?<=\w)\s*([–—])\s*(?=\w)", r" \1 ", text).replace(",", " , ").split()
    words = [part for w in words for part in _split_word_range(w)]
    if len(words) < 4 or _stem_kind(words[-1].lower(), _KY_STEMS) not in ("abzats", "part_of"):
        return None
    items, seps, j = [], [], len(words) - 1
    while True:
        size = next((n for n in (2, 1) if j - n >= 0 and voc.ordinal_value(" ".join(words[j - n:j]))), 0)
        if not size:
            return None
        items.insert(0, " ".join(words[j - size:j]))
        j -= size
        if j > 0 and words[j - 1] in (",", "жана", "же", "–", "—"):
            seps.insert(0, words[j - 1])
            j -= 1
            continue
        break
    return (" ".join(words[:j]), items, seps, words[-1]) if len(items) > 1 else None


def _split_word_range(token: str) -> list[str]:
    """«третий-пятый» (a range of ordinals written with a hyphen) → «третий», «–», «пятый»."""
    left, sep, right = token.partition("-")
    if sep and voc.ordinal_value(left) and voc.ordinal_value(right):
        return [left, "–", right]
    return [token]


def _item_at(tokens: list[str], i: int) -> int:
    """How many tokens the number, letter or ordinal at ``tokens[i]`` takes (0: none)."""
    if re.fullmatch(r"[0-9]+(?:-[0-9]+)*|[IVXLC]+|[«\"]?[а-яё][»\"]?", tokens[i], re.I):
        return 1
    for size in (2, 1):
        if i + size <= len(tokens) and voc.ordinal_value(" ".join(tokens[i:i + size])):
            return size
    return 0


def unit_kind(word: str, lang: str = "rus") -> str | None:
    """The kind of step a unit word in any case names («пунктах» → point, «статьей» → article,
    «бөлүгүндө» → part_of), or None; the kinds :func:`resolve_steps` takes."""
    return _stem_kind(word.lower(), _RU_STEMS if lang == "rus" else _KY_STEMS)


def unit_stems(lang: str = "rus") -> tuple[str, ...]:
    """The stems :func:`unit_kind` reads unit words by («пункт», «част», «берене»…)."""
    return tuple(stem for stem, _ in (_RU_STEMS if lang == "rus" else _KY_STEMS))


def _step(law, current, kind: str, key):
    if kind == "abzats":
        abzats = st.part_blocks(current)
        if not abzats and key == 1 and current.find(st.A + "content") is not None:
            return current       # the text of an undivided unit is its first abzats
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
    if tag == "point" and st.local(current.tag) in st.ABZATS_TAGS and not children:
        # «пункт 3 части первой» where the part is an abzats: its points are the ones that follow it
        for c in current.itersiblings():
            if st.is_unit(c) and (st.local(c.tag) in st.ABZATS_TAGS or st.is_unnumbered_part(c)):
                break
            if st.local(c.tag) == "point" and _number_key(_number(c)) == want:
                return c
    return None


def rank(kind: str) -> int:
    """How deep a kind of step lies: part 1 < chapter < section < article < part_of < point <
    subpoint < abzats 8."""
    return _RANK[kind]


def _numbered(law, tag: str) -> dict:
    """{number key: first unit} of one tag across the law (articles, units above them), built once
    per state of the law's outline."""
    cache = law.__dict__.setdefault("_citation_cache", {})
    stamp = law.outline_stamp
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
