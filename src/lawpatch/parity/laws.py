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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import structure as st
from .. import vocabulary as voc
from ..errors import Finding, UsageError, portable, restored
from ..law import Law, redactions
from .compare import KINDS, differences
from .facts import facts_of

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
_ENUMERATED = {A + tag for tag in ENUMERATED}
_KY_LETTERS = re.compile("[өүңӨҮҢ]")


def unit_texts(law: Law) -> dict[str, str]:
    """Each unit's own normative text by its eId, its heading first (editorial notes and sub-units
    left out), read in one pass over the law."""
    parts: dict = {}
    for el in law.body.iter(_HEADING, _P):
        box = el.getparent()
        if el.tag == _P:
            cls = el.get("class")
            if box.tag not in _BOXES or (cls and st.EDITORIAL in cls.split()):
                continue
            box = box.getparent()
        text = el.text or "" if not len(el) else "".join(el.itertext())
        found = parts.get(box)
        if found is None:
            parts[box] = [text]
        else:
            found.append(text)
    return {eid: "\n".join(parts[el]) for eid, el in law.index.items() if el in parts}


def law_parity(rus: Law, kir: Law, glossary=None, folder: str = "") -> LawParity:
    """Compare every unit the two texts share; see the module's docstring.

    The cycle collector is paused meanwhile: the texts, tokens and facts made by the ten thousand
    hold no cycle, and it walked them a hundred times for nothing (8 ms of the Tax Code's 0.25 s)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _compared(rus, kir, glossary, folder)
    finally:
        if collecting:
            gc.enable()


def _compared(rus: Law, kir: Law, glossary, folder: str) -> LawParity:
    result = LawParity(folder or str(Path(rus.source).parent), redactions(rus, kir))
    same = result.same_redaction
    why = "" if same else f" (different redactions: {result.redaction})"
    severity = "error" if same else "warning"
    rus_index, kir_index = rus.index, kir.index      # first: the units' elements, kept, are reused below
    rus_texts, kir_texts = unit_texts(rus), unit_texts(kir)
    shared = [eid for eid in rus_index if eid in kir_index]
    items = _items(rus), _items(kir)
    rus_facts = facts_of([rus_texts.get(e, "") for e in shared], "rus")
    kir_facts = facts_of([kir_texts.get(e, "") for e in shared], "kir")
    for eid, rf, kf in zip(shared, rus_facts, kir_facts):
        el, twin = rus_index[eid], kir_index[eid]
        rt, kt = rus_texts.get(eid, ""), kir_texts.get(eid, "")
        for code, message, extra in _unit(el, twin, rt, kt, rf, kf, glossary,
                                          (items[0].get(eid, ()), items[1].get(eid, ()))):
            result.findings.append(Finding(
                code, message + why, file=rus.source, line=el.sourceline, unit=eid, severity=severity,
                extra={**extra, "rus_text": rt, "kir_text": kt, "kir_file": kir.source, "kir_line": twin.sourceline,
                       "same_redaction": same}))
    result.compared = len(shared)
    result.rus_only = len(rus_index) - len(shared)
    result.kir_only = len(kir_index) - len(shared)
    return result


def _items(law: Law) -> dict[str, list]:
    """The tags of each unit's enumerated sub-units (parts, points, abzats, dash items), read in one
    pass over the law."""
    out: dict[str, list] = {}
    for el in law.body.iter(*_ENUMERATED):
        out.setdefault(el.getparent().get("eId"), []).append(el.tag)
    return out


def _unit(el, twin, rt: str, kt: str, rf, kf, glossary, items):
    """(code, message, extra) of each difference between the two texts of one unit; ``items``: the
    tags of each text's enumerated sub-units."""
    repealed = st.is_repealed(el)
    if repealed != st.is_repealed(twin):
        return [("PARITY.REPEALED", f"repealed in {'rus' if repealed else 'kir'} only", {})]
    if repealed:
        return []
    slip = language_slip(rt, kt)
    if slip:
        return [("PARITY.LANGUAGE", slip, {})]
    out = []
    if rf or kf or (glossary is not None and ("«" in rt or '"' in kt or "“" in kt)):
        out = [(d.code, d.message(), {"rus": list(d.rus), "kir": list(d.kir), "rus_at": [list(at) for at in d.rus_at],
                                      "kir_at": [list(at) for at in d.kir_at]})
               for d in differences(rt, kt, glossary, rf, kf)]
    if items[0] != items[1]:
        shown = [", ".join(f"{n} {ENUMERATED[st.local(t)][0 if n == 1 else 1]}" for t, n in sorted(Counter(i).items()))
                 or "none" for i in items]
        out.append(("PARITY.ENUMERATION", f"items differ: {shown[0]} in rus; {shown[1]} in kir",
                    {"rus": [shown[0]], "kir": [shown[1]]}))
    return out


def language_slip(rus_text: str, kir_text: str) -> str:
    """A text printed in the other language (the database's Kyrgyz file has Russian units)."""
    if kir_text and not _KY_LETTERS.search(kir_text) and voc.reads_as(kir_text) == "rus":
        return "the Kyrgyz text is in Russian"
    if _KY_LETTERS.search(rus_text) and voc.reads_as(rus_text) == "kir":
        return "the Russian text is in Kyrgyz"
    return ""


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
        import hashlib
        import json

        terms = repr([(t.rus, t.kir) for t in glossary.terms]) if glossary is not None else ""
        key = json.dumps([hashlib.sha256(d).hexdigest() for d in (rus_data, kir_data, terms.encode("utf-8"))])
    found = cache.load("parity", key, _version()) if cached else {}
    if found:
        try:
            return LawParity(str(folder), found["redaction"], restored(found["findings"], [rus_path, kir_path]),
                             found["compared"], found["rus_only"], found["kir_only"])
        except (TypeError, KeyError, IndexError, AttributeError):
            pass                                    # a damaged entry: compared again
    rus, kir = Law.from_bytes(rus_data, rus_path), Law.from_bytes(kir_data, kir_path)
    if rus.lang != "rus" or kir.lang != "kir":
        raise UsageError(f"{folder}: rus.xml is {rus.lang!r} and kir.xml {kir.lang!r} (run `lawpatch validate`)")
    result = law_parity(rus, kir, glossary, str(folder))
    findings = portable(result.findings, [rus_path, kir_path]) if cached else None
    if findings is not None:
        cache.store("parity", key, _version(), {"redaction": result.redaction, "compared": result.compared,
                                                "rus_only": result.rus_only, "kir_only": result.kir_only,
                                                "findings": findings})
    return result


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


__all__ = ["KINDS", "LawParity", "detail", "folder_parity", "law_parity", "new_terms", "parity_paths", "run_parity", "unit_texts"]
