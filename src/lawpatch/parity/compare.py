"""The differences of content between a Russian and a Kyrgyz text: the facts (:mod:`.facts`) one
has and the other lacks, and the glossary's terms one quotes and the other does not translate.

Facts compare as sets of values: a value printed twice in one text and once in the other is not a
difference of content, a value the other text lacks is. Numbers, amounts and percentages are one
pool (a text may put «процентов» where the other puts nothing); a weak number word («один», «бир»)
answers a figure of the other text but makes no difference on its own.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .facts import Fact, facts

NUMERIC = ("number", "percent", "amount")
# What each kind of difference is called in messages, and its finding codes: between a law's two
# texts (``parity``) and between an op's two texts (``check``).
KINDS = {"number": ("numbers", "PARITY.NUMBER", "CHECK.PARITY_NUMBER"),
         "percent": ("percentages", "PARITY.PERCENT", "CHECK.PARITY_PERCENT"),
         "amount": ("amounts", "PARITY.AMOUNT", "CHECK.PARITY_AMOUNT"),
         "date": ("dates", "PARITY.DATE", "CHECK.PARITY_DATE"),
         "reference": ("references", "PARITY.REFERENCE", "CHECK.PARITY_REFERENCE"),
         "act": ("acts cited", "PARITY.ACT", "CHECK.PARITY_ACT"),
         "term": ("terms", "PARITY.TERM", "CHECK.PARITY_TERM")}


class Difference(NamedTuple):
    """What one kind of fact differs in: the values only the Russian text has, those only the Kyrgyz
    one has, and where each is printed (start, end) in its text."""

    kind: str
    rus: tuple[str, ...]
    kir: tuple[str, ...]
    rus_at: tuple[tuple[int, int], ...] = ()
    kir_at: tuple[tuple[int, int], ...] = ()

    @property
    def code(self) -> str:
        """The code of this difference between a law's two texts (``PARITY.NUMBER``…)."""
        return KINDS[self.kind][1]

    @property
    def check_code(self) -> str:
        """The code of this difference between an op's two texts (``CHECK.PARITY_NUMBER``…)."""
        return KINDS[self.kind][2]

    def message(self) -> str:
        """«numbers differ: 2 only in rus; 15 only in kir»; «terms differ: kir quotes «…», rus lacks «…»»."""
        if self.kind == "term":
            return f"{KINDS[self.kind][0]} differ: {'; '.join(self.rus + self.kir)}"
        sides = [f"{', '.join(values)} only in {lang}" for lang, values in (("rus", self.rus), ("kir", self.kir))
                 if values]
        return f"{KINDS[self.kind][0]} differ: {'; '.join(sides)}"


def differences(rus_text: str, kir_text: str, glossary=None, rus_facts=None, kir_facts=None) -> list[Difference]:
    """Every difference of content between the two texts of one provision (or of one op); the
    texts' facts where they are read already.

    >>> [d.message() for d in differences("в течение 30 дней согласно статье 5", "15 күндүн ичинде 5-беренеге ылайык")]
    ['numbers differ: 30 only in rus; 15 only in kir']
    >>> differences("не менее двух третей голосов", "үчтөн экисинен кем эмес добуш")
    []
    """
    rf = facts(rus_text, "rus") if rus_facts is None else rus_facts
    kf = facts(kir_text, "kir") if kir_facts is None else kir_facts
    out = []
    if (rf or kf) and _values(rf) != _values(kf):
        groups: dict[str, tuple[list, list]] = {}
        for side, found in ((0, rf), (1, kf)):
            for f in found:
                groups.setdefault("number" if f.kind in NUMERIC else f.kind, ([], []))[side].append(f)
        for kind in ("number", "date", "reference", "act"):
            if kind in groups:
                d = _compare(*groups[kind])
                if d:
                    out.append(d)
    if glossary is not None and len(glossary):
        d = _terms(rus_text, kir_text, glossary)
        if d:
            out.append(d)
    return out


def _values(found) -> set:
    """What a text's facts say, as the comparison reads them: two texts with the same differ in
    none (most units of a law's two texts)."""
    return {("number" if f.kind in NUMERIC else f.kind, f.value, f.weak) for f in found}


def _compare(rus: list[Fact], kir: list[Fact]) -> Difference | None:
    strong_r: dict = {}
    strong_k: dict = {}
    for found, strong in ((rus, strong_r), (kir, strong_k)):
        for f in found:                          # each value at its first place, in the text's order
            if not f.weak:
                strong.setdefault(f.value, f)
    weak_r = {f.value for f in rus if f.weak}
    weak_k = {f.value for f in kir if f.weak}
    only_r = [f for v, f in strong_r.items() if v not in strong_k and v not in weak_k and not _partial(f, kir)]
    only_k = [f for v, f in strong_k.items() if v not in strong_r and v not in weak_r and not _partial(f, rus)]
    if not only_r and not only_k:
        return None
    kinds = {f.kind for f in only_r + only_k}
    kind = next(k for k in ("percent", "amount", "number", "date", "reference", "act") if k in kinds)
    return Difference(kind, tuple(f.shown() for f in only_r), tuple(f.shown() for f in only_k),
                      tuple((f.start, f.end) for f in only_r), tuple((f.start, f.end) for f in only_k))


def _partial(f: Fact, others: list[Fact]) -> bool:
    """A date without its year («1 января») answers the same day and month with a year."""
    if f.kind != "date":
        return False
    y, m, d = f.value
    return any(o.kind == "date" and o.value[1:] == (m, d) and (y is None or o.value[0] is None) for o in others)


_QUOTED = {"rus": re.compile(r"«([^«»]{2,200})»"), "kir": re.compile(r"[\"“«]([^\"“”«»]{2,200})[\"”»]")}


def _terms(rus_text: str, kir_text: str, glossary) -> Difference | None:
    """Terms of the glossary quoted in one text whose pair the other text does not have."""
    only: dict[str, list] = {"rus": [], "kir": []}
    for lang, text, other, other_text in (("rus", rus_text, "kir", kir_text), ("kir", kir_text, "rus", rus_text)):
        if "«" not in text and '"' not in text and "“" not in text:
            continue
        for m in _QUOTED[lang].finditer(text):
            term = glossary.lookup(m.group(1), lang)
            if term is not None and not glossary.occurs(term, other_text, other):
                only[lang].append((f"{lang} quotes «{m.group(1)}», {other} lacks «{' | '.join(term.words(other))}»",
                                   m.span()))
    if not only["rus"] and not only["kir"]:
        return None
    return Difference("term", tuple(v for v, _ in only["rus"]), tuple(v for v, _ in only["kir"]),
                      tuple(s for _, s in only["rus"]), tuple(s for _, s in only["kir"]))
