"""A derived bill proves itself: checked as ``lawpatch check`` checks it, applied in memory, and
the result compared with the edited text unit by unit (number, heading, normative text, the order
of the sub-units; editorial notes aside)."""
from __future__ import annotations

from pathlib import Path

from .. import structure as st
from ..errors import Finding
from ..patch.model import Bill
from .words import norm


def verify_bill(bill: Bill, new, root) -> list[Finding]:
    """The findings of checking ``bill`` under ``root`` and, when it applies, every unit of the
    result that does not read as in ``new`` (``DERIVE.MISMATCH``)."""
    from ..patch.apply import _run

    run = _run(bill, Path(root))
    findings = list(run.findings)
    if any(f.severity == "error" for f in findings):
        return [_as_derive(f) for f in findings]
    applied = next((a for a in run.applied if a.new.lang == (new.lang or a.new.lang)), None)
    if applied is None:
        return findings
    return findings + mismatches(applied.new, new, bill.path)


def _as_derive(f: Finding) -> Finding:
    from dataclasses import replace

    return replace(f, message=f"the derived bill does not check: {f.message}")


def signature(el) -> tuple:
    """What a unit says, for the comparison: its kind, number, heading, text and sub-units' eIds."""
    return (st.local(el.tag), norm(st.num_text(el)), norm(st.heading_text(el)), norm(st.own_text(el)),
            st.is_repealed(el), tuple(c.get("eId") for c in st.unit_children(el)))


def mismatches(applied, new, path: str) -> list[Finding]:
    """The units of ``new`` that ``applied`` does not have, or has otherwise."""
    out: list[Finding] = []
    got = applied.index
    for el in new.units():
        eid = el.get("eId")
        mine = got.get(eid)
        if mine is None:
            why = "is not in the law the bill makes"
        elif signature(mine) != signature(el):
            why = f"reads «{norm(' '.join(st.unit_lines(mine)))[:160]}»"
        else:
            continue
        out.append(Finding("DERIVE.MISMATCH", f"{eid} of the edited text {why}; edited: "
                           f"«{norm(' '.join(st.unit_lines(el)))[:160]}»", file=path, unit=eid,
                           hint="a derive defect: please report it with both texts"))
    extra = [eid for eid in got if eid not in new.index]
    for eid in extra[:20]:
        out.append(Finding("DERIVE.MISMATCH", f"{eid} is in the law the bill makes, not in the edited text",
                           file=path, unit=eid, hint="a derive defect: please report it with both texts"))
    return out
