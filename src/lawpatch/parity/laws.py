"""Parity of content between the two texts of one law (``laws/<slug>/rus.xml`` and ``kir.xml``).

``validate`` checks that the two texts have the same units; this module checks that each unit
present in both says the same thing where any translation must: its numbers, dates, amounts,
percentages, references to units and to other acts (:mod:`.compare`), how many items it enumerates,
the glossary's terms it quotes, that it is in force in both, and that each text is in its own
language. Between texts of one redaction a difference is an error; between texts of different
redactions (the database often has a later Kyrgyz text) it is a warning that says so.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .. import structure as st
from .. import vocabulary as voc
from ..errors import Finding, UsageError
from ..law import Law
from .compare import KINDS, differences

A = st.A
ENUMERATED = {"paragraph": ("part", "parts"), "point": ("point", "points"), "alinea": ("abzats", "abzatses"),
              "indent": ("dash item", "dash items")}


@dataclass
class LawParity:
    """The parity of one law's two texts: the findings and what was compared."""

    folder: str
    rus: Law
    kir: Law
    findings: list[Finding] = field(default_factory=list)
    compared: int = 0            # units in both texts
    rus_only: int = 0
    kir_only: int = 0

    @property
    def same_redaction(self) -> bool:
        return self.rus.expression_date == self.kir.expression_date

    def summary(self) -> str:
        """«laws/tax-code: 4767 units in both texts, 395 differ (numbers 242, …); different redactions …»."""
        units = len({f.unit for f in self.findings})
        by = Counter(f.code.split(".", 1)[1].lower() for f in self.findings)
        detail = f" ({', '.join(f'{k} {n}' for k, n in by.most_common())})" if by else ""
        extra = f"; {self.rus_only} unit(s) only in rus, {self.kir_only} only in kir" \
            if self.rus_only or self.kir_only else ""
        red = ("one redaction" if self.same_redaction else
               f"different redactions: rus@{self.rus.expression_date}, kir@{self.kir.expression_date}")
        return f"{self.folder}: {self.compared} unit(s) in both texts, {units} differ{detail}{extra}; {red}"


def unit_texts(law: Law) -> dict[str, str]:
    """Each unit's own normative text, its heading first (editorial notes and sub-units left out),
    read in one pass over the law."""
    parts: dict = {}
    for h in law.body.iter(A + "heading"):
        parts.setdefault(h.getparent(), []).append(st.block_text(h))
    for p in law.body.iter(A + "p"):
        box = p.getparent()
        if st.is_editorial(p) or st.local(box.tag) not in ("content", "intro", "wrapUp"):
            continue
        parts.setdefault(box.getparent(), []).append(st.block_text(p))
    return {el.get("eId"): "\n".join(texts) for el, texts in parts.items() if st.is_unit(el)}


def law_parity(rus: Law, kir: Law, glossary=None, folder: str = "") -> LawParity:
    """Compare every unit the two texts share; see the module's docstring."""
    result = LawParity(folder or str(Path(rus.source).parent), rus, kir)
    same = result.same_redaction
    why = "" if same else f" (different redactions: rus@{rus.expression_date}, kir@{kir.expression_date})"
    severity = "error" if same else "warning"
    rus_texts, kir_texts = unit_texts(rus), unit_texts(kir)
    kir_index = kir.index
    for eid, el in rus.index.items():
        twin = kir_index.get(eid)
        if twin is None:
            result.rus_only += 1
            continue
        result.compared += 1
        rt, kt = rus_texts.get(eid, ""), kir_texts.get(eid, "")

        def add(code: str, message: str, **extra) -> None:
            result.findings.append(Finding(
                f"PARITY.{code}", message + why, file=rus.source, line=el.sourceline, unit=eid, severity=severity,
                extra={**extra, "rus_text": rt, "kir_text": kt, "kir_file": kir.source, "kir_line": twin.sourceline,
                       "same_redaction": same}))

        if st.is_repealed(el) != st.is_repealed(twin):
            add("REPEALED", f"repealed in {'rus' if st.is_repealed(el) else 'kir'} only")
            continue
        if st.is_repealed(el):
            continue
        slip = _language_slip(rt, kt)
        if slip:
            add("LANGUAGE", slip)
            continue
        for d in differences(rt, kt, glossary):
            add(d.code, d.message(), rus=list(d.rus), kir=list(d.kir), rus_at=list(d.rus_at), kir_at=list(d.kir_at))
        counts = _enumeration(el), _enumeration(twin)
        if counts[0] != counts[1]:
            shown = [", ".join(f"{n} {ENUMERATED[t][0 if n == 1 else 1]}" for t, n in sorted(c.items())) or "none"
                     for c in counts]
            add("ENUMERATION", f"items differ: {shown[0]} in rus; {shown[1]} in kir", rus=[shown[0]], kir=[shown[1]])
    result.kir_only = sum(1 for eid in kir_index if eid not in rus.index)
    return result


def _enumeration(el) -> Counter:
    return Counter(st.local(c.tag) for c in el if st.is_unit(c) and st.local(c.tag) in ENUMERATED)


def _language_slip(rus_text: str, kir_text: str) -> str:
    """A text printed in the other language (the database's Kyrgyz file has Russian units)."""
    if voc.reads_as(kir_text) == "rus":
        return "the Kyrgyz text is in Russian"
    if voc.reads_as(rus_text) == "kir":
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
    results = []
    for folder in found:
        rus, kir = Law.load(folder / "rus.xml"), Law.load(folder / "kir.xml")
        if rus.lang != "rus" or kir.lang != "kir":
            raise UsageError(f"{folder}: rus.xml is {rus.lang!r} and kir.xml {kir.lang!r} (run `lawpatch validate`)")
        results.append(law_parity(rus, kir, glossary, str(folder)))
    return results, single


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


__all__ = ["KINDS", "LawParity", "detail", "law_parity", "parity_paths", "unit_texts"]
