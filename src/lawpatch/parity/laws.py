"""Parity of content between the two texts of one law (``laws/<slug>/rus.xml`` and ``kir.xml``).

``validate`` checks that the two texts have the same units; this module checks that each unit
present in both says the same thing where any translation must: its numbers, dates, amounts,
percentages, references to units and to other acts (:mod:`.compare`), how many items it enumerates,
the glossary's terms it quotes, that it is in force in both, and that each text is in its own
language. Between texts of one redaction a difference is an error; between texts of different
redactions (the database often has a later Kyrgyz text) it is a warning that says so.
"""
from __future__ import annotations

import gc
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from .. import structure as st
from .. import vocabulary as voc
from ..errors import Finding, UsageError, portable, restored
from ..law import Law, redactions
from ..workers import Channel, forked
from .compare import KINDS, differences
from .facts import Fact, facts_of

A = st.A
ENUMERATED = {"paragraph": ("part", "parts"), "point": ("point", "points"), "alinea": ("abzats", "abzatses"),
              "indent": ("dash item", "dash items")}


@dataclass
class LawParity:
    """The parity of one law's two texts: the findings and what was compared."""

    folder: str
    redaction: str = ""          # how the texts' redactions differ («rus@2024-02-02, kir@2025-12-31»), "" for one
    findings: list[Finding] = field(default_factory=list)
    compared: int = 0            # units in both texts
    rus_only: int = 0
    kir_only: int = 0

    @property
    def same_redaction(self) -> bool:
        return not self.redaction

    def summary(self) -> str:
        """«laws/tax-code: 4767 units in both texts, 395 differ (numbers 242, …); different redactions …»."""
        units = len({f.unit for f in self.findings})
        by = Counter(f.code.split(".", 1)[1].lower() for f in self.findings)
        detail = f" ({', '.join(f'{k} {n}' for k, n in by.most_common())})" if by else ""
        extra = f"; {self.rus_only} unit(s) only in rus, {self.kir_only} only in kir" \
            if self.rus_only or self.kir_only else ""
        red = "one redaction" if self.same_redaction else f"different redactions: {self.redaction}"
        return f"{self.folder}: {self.compared} unit(s) in both texts, {units} differ{detail}{extra}; {red}"


_BOXES = {A + "content", A + "intro", A + "wrapUp"}
_HEADING, _P = A + "heading", A + "p"
_ENUMERATED = {A + tag: tag for tag in ENUMERATED}
_KY_LETTERS = re.compile("[өүңӨҮҢ]")
_QUOTES = {"rus": re.compile("«"), "kir": re.compile('["“]')}     # what may open a glossary term's quotation


def unit_texts(law: Law) -> dict[str, str]:
    """Each unit's own normative text by its eId, its heading first (editorial notes and sub-units
    left out)."""
    return _units(law)[2]


_UNITS = tuple(A + tag for tag in st.KINDS)


def _units(law: Law) -> tuple[dict[str, int], set[str], dict[str, str], dict[str, list]]:
    """What parity reads of the units, in one pass over the law (each element met once): each
    unit's source line by eId, in the document's order; the units repealed; each unit's own
    normative text (:func:`unit_texts`); the local tags of each unit's enumerated sub-units
    (parts, points, abzats, dash items)."""
    units: dict = {}
    lines: dict[str, int] = {}
    repealed: set[str] = set()
    items: dict[str, list] = {}
    parts: dict = {}
    for el in law.body.iter(*_UNITS, _HEADING, _P):
        tag = el.tag
        if tag == _P:
            box = el.getparent()
            cls = el.get("class")
            if box.tag not in _BOXES or (cls and st.EDITORIAL in cls.split()):
                continue
            box = box.getparent()
        elif tag == _HEADING:
            box = el.getparent()
        else:
            eid = el.get("eId")
            if eid:
                units[eid], lines[eid] = el, el.sourceline        # (of a repeated eId, the last unit)
                if st.is_repealed(el):
                    repealed.add(eid)
                else:
                    repealed.discard(eid)
            kind = _ENUMERATED.get(tag)
            if kind:
                items.setdefault(el.getparent().get("eId"), []).append(kind)
            continue
        text = el.text or "" if not len(el) else "".join(el.itertext())
        found = parts.get(box)
        if found is None:
            parts[box] = [text]
        else:
            found.append(text)
    texts = {eid: "\n".join(parts[el]) for eid, el in units.items() if el in parts}
    return lines, repealed, texts, items


@dataclass
class Reading:
    """What parity reads of one text, as plain data (a process of its own may read it, beside the
    other text): each unit's source line (by eId, in the document's order), the units repealed,
    those printed in the other language and those quoting what may be a glossary term, the units'
    texts, enumerated items and facts, and what :func:`lawpatch.law.redactions` compares. The
    language, quotations, texts and facts are those of the units the other text has too, where
    it is known (:func:`reading`'s ``shared``)."""

    source: str
    lang: str
    expression_date: str
    amendments: tuple
    lines: dict[str, int]
    repealed: set[str]
    foreign: set[str]
    quoted: set[str]
    texts: dict[str, str]
    items: dict[str, list]
    facts: dict[str, list]       # the units that have any (the last field)

    def plain(self) -> tuple:
        """The reading as builtin values, each fact a plain tuple: what a process that read the
        text sends back (:func:`lawpatch.workers.forked`)."""
        state = [getattr(self, f.name) for f in fields(self)]
        state[-1] = {eid: [tuple(f) for f in found] for eid, found in self.facts.items()}
        return tuple(state)

    @classmethod
    def from_plain(cls, state: tuple) -> Reading:
        """The reading whose :meth:`plain` values are ``state``."""
        *rest, facts = state
        return cls(*rest, {eid: list(map(Fact._make, found)) for eid, found in facts.items()})


def reading(law: Law, lang: str, shared=None) -> Reading:
    """``law``'s :class:`Reading`, its facts read as a text in ``lang``; with ``shared`` (the
    eIds the other text has too), the texts, facts, language and quotations of those units alone:
    no other unit is compared."""
    with _collector_paused():
        return _reading(law, lang, _units(law), shared)


def _reading(law: Law, lang: str, units: tuple, shared) -> Reading:
    lines, repealed, texts, items = units
    if shared is not None:
        texts = {eid: text for eid, text in texts.items() if eid in shared}
    said = [(eid, text) for eid, text in texts.items() if text]
    facts = {eid: found for (eid, _), found in zip(said, facts_of([text for _, text in said], lang)) if found}
    quoting = _QUOTES[lang].search
    return Reading(law.source, law.lang, law.expression_date, law.amendments, lines, repealed,
                   {eid for eid, text in said if in_other_language(text, lang)},
                   {eid for eid, text in said if quoting(text)}, texts, items, facts)


def law_parity(rus: Law, kir: Law, glossary=None, folder: str = "") -> LawParity:
    """Compare every unit the two texts share; see the module's docstring."""
    return compared(reading(rus, "rus"), reading(kir, "kir"), glossary, folder)


@contextmanager
def _collector_paused():
    """The cycle collector paused: the texts, tokens and facts made by the ten thousand hold no
    cycle, and it walked them a hundred times for nothing (8 ms of the Tax Code's 0.25 s). What was
    made meanwhile is then counted old (frozen and thawed: moved to the oldest generation, which
    is walked seldom), or the collector, resumed, walked it all at the next allocation (7 ms)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if not gc.get_freeze_count():           # (never thaw what another froze)
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def compared(rus: Reading, kir: Reading, glossary=None, folder: str = "") -> LawParity:
    """The parity of the two texts read."""
    with _collector_paused():
        result = LawParity(folder or str(Path(rus.source).parent), redactions(rus, kir))
        same = result.same_redaction
        why = "" if same else f" (different redactions: {result.redaction})"
        severity = "error" if same else "warning"
        shared = [eid for eid in rus.lines if eid in kir.lines]
        # what may differ: a unit repealed, printed in the other language, with facts, enumerated
        # items or (with a glossary) quotations in either text; most units are none of these
        marked = set().union(rus.repealed, kir.repealed, rus.foreign, kir.foreign, rus.facts, kir.facts, rus.items,
                             kir.items, *((rus.quoted, kir.quoted) if glossary is not None else ()))
        for eid in shared:
            if eid not in marked:
                continue
            for code, message, extra in _unit(eid, rus, kir, glossary):
                result.findings.append(Finding(
                    code, message + why, file=rus.source, line=rus.lines[eid], unit=eid, severity=severity,
                    extra={**extra, "rus_text": rus.texts.get(eid, ""), "kir_text": kir.texts.get(eid, ""),
                           "kir_file": kir.source, "kir_line": kir.lines[eid], "same_redaction": same}))
        result.compared = len(shared)
        result.rus_only = len(rus.lines) - len(shared)
        result.kir_only = len(kir.lines) - len(shared)
        return result


def _unit(eid: str, rus: Reading, kir: Reading, glossary):
    """(code, message, extra) of each difference between the two texts of unit ``eid``."""
    repealed = eid in rus.repealed
    if repealed != (eid in kir.repealed):
        return [("PARITY.REPEALED", f"repealed in {'rus' if repealed else 'kir'} only", {})]
    if repealed:
        return []
    if eid in kir.foreign or eid in rus.foreign:
        return [("PARITY.LANGUAGE", _SLIPS["kir" if eid in kir.foreign else "rus"], {})]
    rt, kt = rus.texts.get(eid, ""), kir.texts.get(eid, "")
    rf, kf = rus.facts.get(eid, ()), kir.facts.get(eid, ())
    items = rus.items.get(eid, ()), kir.items.get(eid, ())
    out = []
    if rf or kf or (glossary is not None and (eid in rus.quoted or eid in kir.quoted)):
        out = [(d.code, d.message(), {"rus": list(d.rus), "kir": list(d.kir), "rus_at": [list(at) for at in d.rus_at],
                                      "kir_at": [list(at) for at in d.kir_at]})
               for d in differences(rt, kt, glossary, rf, kf)]
    if items[0] != items[1]:
        shown = [", ".join(f"{n} {ENUMERATED[t][0 if n == 1 else 1]}" for t, n in sorted(Counter(i).items()))
                 or "none" for i in items]
        out.append(("PARITY.ENUMERATION", f"items differ: {shown[0]} in rus; {shown[1]} in kir",
                    {"rus": [shown[0]], "kir": [shown[1]]}))
    return out


_SLIPS = {"kir": "the Kyrgyz text is in Russian", "rus": "the Russian text is in Kyrgyz"}


def language_slip(rus_text: str, kir_text: str) -> str:
    """A text printed in the other language (the database's Kyrgyz file has Russian units)."""
    return next((_SLIPS[lang] for lang, text in (("kir", kir_text), ("rus", rus_text))
                 if in_other_language(text, lang)), "")


def in_other_language(text: str, lang: str) -> bool:
    """Whether ``text``, in ``lang``'s place, is printed in the other language."""
    if lang == "kir":
        return bool(text) and not _KY_LETTERS.search(text) and voc.reads_as(text, "rus")
    return bool(_KY_LETTERS.search(text)) and voc.reads_as(text, "kir")


def pairs(paths) -> tuple[list[Path], list[Path]]:
    """The folders holding both ``rus.xml`` and ``kir.xml`` under ``paths`` (a law's folder, or a
    folder of laws), and the law folders below that hold one text only."""
    found, single = [], []
    for p in map(Path, paths):
        if not p.exists():
            raise UsageError(f"{p}: no such folder")
        if p.is_file():
            raise UsageError(f"{p}: give the law's folder (laws/<slug>), which holds rus.xml and kir.xml")
        folders = [p] if (p / "rus.xml").exists() or (p / "kir.xml").exists() else \
            sorted(q for q in p.iterdir() if q.is_dir() and ((q / "rus.xml").exists() or (q / "kir.xml").exists()))
        for q in folders:
            (found if (q / "rus.xml").exists() and (q / "kir.xml").exists() else single).append(q)
    if not found:
        what = ", ".join(str(s) for s in single) or ", ".join(map(str, paths))
        raise UsageError(f"{what}: no law with both texts (rus.xml and kir.xml)")
    return found, single


def parity_paths(paths, glossary=None) -> tuple[list[LawParity], list[Path]]:
    """The parity of every law with both texts under ``paths``; and the folders with one text only."""
    found, single = pairs(paths)
    return [folder_parity(folder, glossary) for folder in found], single


def folder_parity(folder: Path, glossary=None) -> LawParity:
    """:func:`law_parity` of ``folder``'s rus.xml and kir.xml, remembered by the digests of their
    bytes and of the glossary's pairs (:mod:`lawpatch.cache`, made by this code): a law compared
    before and unchanged since costs reading and hashing its texts. What is remembered is the whole
    result, as computed; a cache that is off, damaged or made by other code means comparing again."""
    from .. import cache, xmlio

    rus_path, kir_path = str(folder / "rus.xml"), str(folder / "kir.xml")
    rus_data, kir_data = xmlio.read(rus_path), xmlio.read(kir_path)
    cached = cache.directory() is not None
    if cached:
        import json

        terms = repr([(t.rus, t.kir) for t in glossary.terms]) if glossary is not None else ""
        key = json.dumps([cache.digest(d) for d in (rus_data, kir_data, terms.encode("utf-8"))])
    found = cache.load("parity", key, _version()) if cached else {}
    if found:
        try:
            return LawParity(str(folder), found["redaction"], restored(found["findings"], [rus_path, kir_path]),
                             found["compared"], found["rus_only"], found["kir_only"])
        except (TypeError, KeyError, IndexError, AttributeError):
            pass                                    # a damaged entry: compared again
    rus, kir = _read_both(rus_data, rus_path, kir_data, kir_path)
    if rus.lang != "rus" or kir.lang != "kir":
        raise UsageError(f"{folder}: rus.xml is {rus.lang!r} and kir.xml {kir.lang!r} (run `lawpatch validate`)")
    result = compared(rus, kir, glossary, str(folder))
    findings = portable(result.findings, [rus_path, kir_path]) if cached else None
    if findings is not None:
        cache.store("parity", key, _version(), {"redaction": result.redaction, "compared": result.compared,
                                                "rus_only": result.rus_only, "kir_only": result.kir_only,
                                                "findings": findings})
    return result


# a text is read in a process of its own from this size on: forking, copy-on-write and pickling
# cost about 10 ms, reading beside the other text saves about 40 ms a MB (the Constitution, 230 KB,
# is 4 ms slower forked; the Labour Code, 0.9 MB, 28 ms faster)
_APART = 384 * 1024


def _read_both(rus_data: bytes, rus_path: str, kir_data: bytes, kir_path: str) -> tuple[Reading, Reading]:
    """The two texts' readings: the Russian one in a forked process while this one reads the
    Kyrgyz one, the longer work (each is about 40 ms a MB); the Russian text read here, after, for a
    short text or where that process gave nothing (no fork here; an error, met again here, and
    raised before the Kyrgyz text's own, as when the texts are read in turn). The two processes
    swap their units' eIds once each has read its own (a :class:`~lawpatch.workers.Channel`), and
    read the facts of the units both texts have alone: where the redactions differ, a fifth of a
    text may be units the other lacks, never compared."""
    with _collector_paused():         # in both processes, through sending the reading back
        talk = Channel() if len(rus_data) >= _APART else None
        apart = forked(_read_plain, rus_data, rus_path, "rus", channel=talk) if talk else lambda: None

        def rus() -> Reading:
            state = apart()
            return _read(rus_data, rus_path, "rus") if state is None else Reading.from_plain(state)
        try:
            kir = _read(kir_data, kir_path, "kir", talk)
        except Exception:
            rus()                                       # the Russian text's error, if any, first
            raise
        return rus(), kir


def _read_plain(data: bytes, path: str, lang: str, channel=None) -> tuple:
    return _read(data, path, lang, channel).plain()


def _read(data: bytes, path: str, lang: str, channel=None) -> Reading:
    """The :class:`Reading` of a text that should be in ``lang``; of one in another language, its
    language alone (the comparison is refused). With a ``channel`` to the process reading the
    other text, the units of both alone (:func:`_read_both`)."""
    try:
        law = Law.from_bytes(data, path)
        if law.lang != lang:
            return Reading(path, law.lang, "", (), {}, set(), set(), set(), {}, {}, {})
        units = _units(law)
        other = channel.swap(list(units[0])) if channel is not None else None
    finally:
        if channel is not None:
            channel.close()         # swapped, or never to be: the other process waits for nothing here
    return _reading(law, lang, units, None if other is None else units[0].keys() & set(other))


@lru_cache(maxsize=None)
def _version() -> str:
    """What a law's parity depends on: the code that reads and compares the texts, and the words."""
    import sys

    from .. import cache, dates, errors, glossary, law, meta, xmlio
    from . import compare, facts

    return cache.code_version(sys.modules[__name__], compare, facts, voc, dates, st, law, meta, errors, glossary,
                              xmlio)


def _glossary(root=".", glossary_file=None):
    from ..glossary import load_glossary, read_glossary

    return read_glossary(glossary_file) if glossary_file else load_glossary(root)


def run_parity(paths, root=".", glossary_file=None) -> tuple[list[LawParity], list[Path]]:
    """:func:`parity_paths` with the glossary of the repository at ``root`` (or ``glossary_file``)."""
    return parity_paths(paths, _glossary(root, glossary_file))


def new_terms(paths, root=".", glossary_file=None, everything: bool = False) -> tuple[list[str], int]:
    """Glossary lines for the definition pairs of the laws under ``paths`` the glossary lacks (all
    of them with ``everything``), and how many it has already."""
    from ..glossary import definitions, write_lines

    glossary = _glossary(root, glossary_file)
    lines, known = [], 0
    for folder in pairs(paths)[0]:
        terms = definitions(Law.load(folder / "rus.xml"), Law.load(folder / "kir.xml"))
        fresh = [t for t in terms if everything or glossary.lookup(t.rus[0], "rus") is None]
        known += len(terms) - len(fresh) if not everything else sum(glossary.lookup(t.rus[0], "rus") is not None
                                                                     for t in terms)
        lines += write_lines(fresh, folder.name)
    return lines, known


def snippet(text: str, spans, width: int = 240) -> str:
    """The part of ``text`` around its first differing value (``spans``), marked «…» where cut."""
    if len(text) <= width:
        return text
    start = max(0, (spans[0][0] if spans else 0) - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def detail(f: Finding) -> list[str]:
    """The two texts of a parity finding, as the text report prints them under it."""
    x = f.extra
    return [f"    rus: «{snippet(x.get('rus_text', ''), x.get('rus_at', []))}»",
            f"    kir ({x.get('kir_file')}:{x.get('kir_line')}): «{snippet(x.get('kir_text', ''), x.get('kir_at', []))}»"]


__all__ = ["KINDS", "LawParity", "Reading", "compared", "detail", "folder_parity", "law_parity", "new_terms",
           "parity_paths", "reading", "run_parity", "unit_texts"]
