"""Where an op acts: the units its target names, the text blocks its words are looked for in, the
sentences of a unit, and the text an op expects to find there (its content anchor)."""
from __future__ import annotations

import hashlib

from .. import lazyre
from .. import structure as st
from ..errors import Refusal
from ..law import Law
from .model import Op, Part, Scope

A = st.A


def units(law: Law, op: Op) -> list:
    """The units ``op`` names on ``law``: one, a list, or a range of siblings («в статьях 336–348»);
    the body for the whole act; the act's long title for the title. Raises :class:`Refusal`."""
    t = op.target
    if t.scope is Scope.ACT:
        return [law.body]
    if t.scope is Scope.TITLE:
        title = law.act.find(f"{A}preface/{A}longTitle")
        if title is None:
            raise Refusal("CHECK.TARGET_MISSING", f"{law.source} has no title (preface/longTitle)")
        return [title]
    found = []
    for eid in t.units:
        if eid not in law:
            raise Refusal("CHECK.TARGET_MISSING", f"no unit {eid} in {law.source}", law.nearby_hint(eid))
        found.append(law.get(eid))
    if t.through:
        if t.through not in law:
            raise Refusal("CHECK.TARGET_MISSING", f"no unit {t.through} in {law.source}", law.nearby_hint(t.through))
        return units_between(found[0], law.get(t.through))
    return found


def units_between(first, last) -> list:
    """The units from ``first`` to ``last`` in document order, of the same kind; for articles the
    range may cross chapters («в статьях 336–348»)."""
    tag = first.tag
    if last.tag != tag:
        raise Refusal("CHECK.RANGE", f"a range runs between units of one kind, not {st.local(tag)} to "
                                       f"{st.local(last.tag)}")
    if st.local(tag) != "article" and first.getparent() is not last.getparent():
        raise Refusal("CHECK.RANGE", "a range runs between units of one parent")
    root = first.getroottree().getroot()
    out, inside = [], False
    for el in root.iter(tag):
        if el is first:
            inside = True
        if inside and (st.local(tag) == "article" or el.getparent() is first.getparent()):
            out.append(el)
        if el is last:
            if not inside:
                break
            return out
    raise Refusal("CHECK.RANGE", f"{last.get('eId')} does not come after {first.get('eId')}",
                    "a range runs forward: at=\"art_336\" through=\"art_348\"")


def blocks(el, part: Part, whole_act: bool = False) -> list:
    """The text blocks word ops look in: the unit's normative ``<p>`` blocks, its sub-units'
    included (never editorial notes); its heading for ``Part.HEADING``; for the whole act every
    block and every heading of the body."""
    if part is Part.HEADING:
        h = el.find(A + "heading")
        return [h] if h is not None else []
    if st.local(el.tag) == "longTitle":
        return [p for p in el.iter(A + "p")]
    if whole_act:
        return [b for b in el.iter(A + "p", A + "heading") if not st.is_editorial(b)]
    return [p for p in el.iter(A + "p") if not st.is_editorial(p)]


def ending(el) -> tuple[str, int]:
    """The word a unit's normative text ends with, its final mark included («лица.»), and how many
    times that word stands whole in the unit: «точку заменить точкой с запятой» changes its last
    occurrence. ("", 0) for a unit without text."""
    from .words import find_whole

    texts = [st.block_text(b) for b in blocks(el, Part.TEXT)]
    words = texts[-1].split() if texts else []
    if not words:
        return "", 0
    return words[-1], sum(len(find_whole(text, words[-1])) for text in texts)


# --- sentences ----------------------------------------------------------------------------------

# A full stop that does not end a sentence: «ст.», «п.», «г.», «т.е.», «и т.д.», initials «А.»
_ABBREVIATION = lazyre.compile(r"(?:\b(?:ст|ч|п|пп|подп|абз|г|гг|т\.е|т\.д|т\.п|др|пр|им|см|руб|млн|млрд|тыс|стр|"
                               r"обл|р-н|ул|кв|м|км|кг|га|чел)|\b[А-ЯЁӨҮҢ])\.$")
_END = lazyre.compile(r"[.!?…](?=\s+[«\"(]?[А-ЯЁӨҮҢA-Z0-9])")


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of a text as (start, end), the end after its full stop.

    >>> t = "Суд вправе уменьшить размер. В случае, предусмотренном ст. 5, размер не меняется."
    >>> [t[a:b] for a, b in sentences(t)]
    ['Суд вправе уменьшить размер.', 'В случае, предусмотренном ст. 5, размер не меняется.']
    """
    out, start = [], 0
    for m in _END.finditer(text):
        if _ABBREVIATION.search(text[max(0, m.start() - 6): m.end()]):
            continue
        out.append((start, m.end()))
        start = m.end() + (len(text[m.end():]) - len(text[m.end():].lstrip()))
    if text[start:].strip():
        out.append((start, len(text.rstrip())))
    return out


def sentence_span(el, n: int) -> tuple[object, int, int]:
    """(block, start, end) of the ``n``-th sentence of the unit's own text; raises :class:`Refusal`."""
    found = []
    for p in st.own_paragraphs(el):
        found += [(p, a, b) for a, b in sentences(st.block_text(p))]
    if not 1 <= n <= len(found):
        raise Refusal("CHECK.SENTENCE", f"the unit has {len(found)} sentence(s), not {n}",
                        f"its text: «{st.own_text(el)[:200]}»")
    return found[n - 1]


# --- content anchors ---------------------------------------------------------------------------

_ANCHOR_WHOLE = 300     # texts up to this length are kept whole in <expect>; longer ones start + digest
_ANCHOR_HEAD = 240


def unit_text(el) -> str:
    """The unit as printed (number, heading, text, sub-units), editorial notes left out, one line."""
    if st.local(el.tag) == "longTitle":
        return " ".join("".join(el.itertext()).split())
    return " ".join(" ".join(st.unit_lines(el)).split())


def anchor(el) -> str:
    """What an op records of its target at the base: the text itself, or for a long unit its start
    and a digest of the whole («Статья 5. … #3f2a…»)."""
    text = unit_text(el)
    if len(text) <= _ANCHOR_WHOLE:
        return text
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"{text[:_ANCHOR_HEAD].rstrip()} … #{digest}"


def matches(el, expected: str) -> bool:
    return anchor(el) == " ".join(expected.split())
