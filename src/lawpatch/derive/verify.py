"""A derived bill proves itself: checked as ``lawpatch check`` checks it, applied in memory, and
the result compared with the edited text unit by unit (number, heading, normative text, the order
of the sub-units; editorial notes aside)."""
from __future__ import annotations

from dataclasses import replace

from lxml import etree

from .. import structure as st
from ..errors import Finding
from ..patch.model import Bill
from .words import norm


def verify_bill(bill: Bill, old, new) -> list[Finding]:
    """Run ``bill``'s ops on ``old`` (the law it amends, loaded; changed in place) as the engine
    runs them, and return its refusals, or every unit of the result that does not read as in
    ``new`` (``DERIVE.MISMATCH``): every unit of the articles the ops touch (of the whole act for
    an op on the whole act), and the articles and containers of the whole act, in order."""
    from ..patch.apply import apply_ops
    from ..patch.model import Scope

    ops = [op for la in bill.laws for op in la.ops]
    touched = None if any(op.target.scope is Scope.ACT for op in ops) else \
        {_article(u) for op in ops for u in (*op.target.units, op.target.through) if u} | \
        {f"art_{op.to}" for op in ops if op.to and op.target.unit.startswith("art_") and "__" not in op.target.unit}
    findings = [replace(f, file=bill.path) for f in apply_ops(old, ops, bill)]
    if any(f.severity == "error" for f in findings):
        return [_as_derive(f) for f in findings]
    return findings + mismatches(old, new, bill.path, touched)


def _article(eid: str) -> str:
    """The article an eId is in (its own eId above the articles)."""
    parts = eid.split("__")
    return next((p for p in parts if p.startswith("art_")), eid)


def _as_derive(f: Finding) -> Finding:
    return replace(f, message=f"the derived bill does not check: {f.message}")


def signature(el) -> tuple:
    """What a unit says, for the comparison: its kind, number, heading, text and sub-units' eIds,
    its children read once (:func:`lawpatch.structure.unit_parts`)."""
    num, heading, blocks, subs = st.unit_parts(el)
    return (el.tag, norm(st.block_text(num)) if num is not None else "",
            norm(st.block_text(heading)) if heading is not None else "",
            norm("\n".join(st.block_text(p) for p in blocks)), st.is_repealed(el),
            tuple([c.get("eId") for c in subs]))


def mismatches(applied, new, path: str, articles: set | None = None) -> list[Finding]:
    """The units of ``new`` that ``applied`` does not have, or has otherwise (and those ``applied``
    has that ``new`` has not); with ``articles``, every unit inside those articles, and every
    article and unit above the articles."""
    if articles is None:
        olds, news = list(applied.units()), list(new.units())
    else:
        olds, news = _in_view(applied, articles), _in_view(new, articles)
    got = {el.get("eId"): el for el in olds}
    out: list[Finding] = []
    for el in news:
        eid = el.get("eId")
        mine = got.pop(eid, None)
        if mine is None:
            why = "is not in the law the bill makes"
        elif el.tag == _ARTICLE and _xml(mine) == _xml(el):
            continue            # the same to the byte: the same signature, each unit's inside too
        elif signature(mine) != signature(el):
            why = f"reads «{norm(' '.join(st.unit_lines(mine)))[:160]}»"
        else:
            continue
        out.append(Finding("DERIVE.MISMATCH", f"{eid} of the edited text {why}; edited: "
                           f"«{norm(' '.join(st.unit_lines(el)))[:160]}»", file=path, unit=eid,
                           hint="a derive defect: please report it with both texts"))
    for eid in list(got)[:20]:
        out.append(Finding("DERIVE.MISMATCH", f"{eid} is in the law the bill makes, not in the edited text",
                           file=path, unit=eid, hint="a derive defect: please report it with both texts"))
    return out


_ABOVE = tuple(st.akn(t) for t in st.CONTAINER_TAGS) + (st.akn("article"),)
_ARTICLE = _ABOVE[-1]


def _xml(el) -> bytes:
    """The unit's XML: two units that serialize alike say the same (most articles of a redaction
    are untouched: this is told in C, where a signature reads each block in Python)."""
    return etree.tostring(el, encoding="utf-8", with_tail=False)


def _in_view(law, articles: set) -> list:
    """The containers and articles of the act, and every unit inside the ``articles``."""
    out = []
    for el in law.body.iter(*_ABOVE):
        out.append(el)
        if el.tag == _ABOVE[-1] and el.get("eId") in articles:
            out += list(st.iter_units(el))[1:]
    return out
