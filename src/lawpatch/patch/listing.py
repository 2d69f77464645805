"""A bill op by op in plain lines: what git shows of a bill that cannot be worded as an amending law
against the laws as they now are (an old version of a bill, a bill already applied).

``lawpatch bill --textconv`` words the bill when it can and lists it otherwise, so that ``git diff``
of ``amendments/*.xml`` always reads as text, never as XML or as an error.
"""
from __future__ import annotations

from .model import Bill, Op

_FIELDS = (("old", "words"), ("anchor", "next to"), ("new", "new words"), ("heading", "heading"),
           ("text", "text"))


def listing(bill: Bill, why: str = "") -> str:
    """``bill`` as lines: its titles, then per law its ops with their words in each language.

    >>> from lawpatch.patch.model import Bill, Kind, LawAmendment, Op, Target, Texts
    >>> op = Op(Kind.REPEAL, Target(("art_9",)), line=7)
    >>> print(listing(Bill("b", "2026-01-01", Texts.of(rus="О внесении"), "b.xml",
    ...                    (LawAmendment("laws/x", "rus@2025-01-01", (op,), 5),))))
    bill b of 2026-01-01
    rus: О внесении
    <BLANKLINE>
    laws/x (base rus@2025-01-01):
      repeal art_9  (line 7)
    <BLANKLINE>
    """
    out = [f"bill {bill.id} of {bill.date}"] + [f"{lang}: {title}" for lang, title in bill.titles.items]
    if why:
        out.append(f"(listed op by op: {why})")
    for law in bill.laws:
        out += ["", f"{law.href} (base {law.base}):"]
        for op in law.ops:
            out += _op(op)
    return "\n".join(out) + "\n"


def _op(op: Op) -> list[str]:
    head = f"  {op.kind.value} {op.where()}"
    if op.position is not None:
        head += f" ({op.position.value})"
    if op.to:
        head += f" → {op.to}"
    if op.occurrence is not None:
        head += f", occurrence {op.occurrence}"
    if op.case_forms:
        head += ", in every case form"
    if op.lang:
        head += f", {op.lang} only"
    lines = [head + f"  (line {op.line})"]
    if op.cite:
        lines.append(f"    cite: {op.cite}")
    for field, label in _FIELDS:
        for lang, text in getattr(op, field).items:
            lines.append(f"    {label} ({lang}): «{text}»")
    lines += [f"    reason: {r.treaty} art. {r.article}" for r in op.reasons]
    if op.note:
        lines.append(f"    note: {op.note}")
    return lines
