"""The order a bill is read in: its instructions follow the law's text, each acting on the text the
earlier ones left (as an amending law is executed), and renumberings of one list run together.

Within the text: the act's title first, then words «по всему тексту», then unit by unit in document
order — an insert before a unit, then the unit's heading, its own changes (its sentences in order),
the changes inside it, and the inserts after it or at its end. Ops that the text cannot tell apart
keep the patch file's order.
"""
from __future__ import annotations

from typing import NamedTuple

from .. import structure as st
from .model import Kind, Op, Part, Position, Scope


class Instruction(NamedTuple):
    """One instruction of the amending law: one op, or a run of renumberings of siblings
    («пункты 3–5 считать соответственно пунктами 2–4»), executed together. (A named tuple: a
    frozen dataclass compiled six methods at import.)"""

    ops: tuple[Op, ...]

    @property
    def op(self) -> Op:
        return self.ops[0]


def instructions(law, ops: list[Op], handles: dict) -> list[Instruction]:
    """``ops`` in the order the bill is read; ``handles[op]`` are the op's target elements on the
    base (None for an insert anchored on a unit an earlier insert of the bill adds)."""
    # where each unit stands in the law: what orders several ops (one alone has nothing to order,
    # and parse-bill runs its instructions one at a time on a whole code)
    position = {el: i for i, el in enumerate(st.iter_units(law.body))} if len(ops) > 1 else {}
    keys: dict[Op, tuple] = {}
    previous_insert = None
    for i, op in enumerate(ops):
        els = handles.get(op)
        if els is None:       # after the insert that makes its anchor
            keys[op] = (keys[previous_insert] if previous_insert is not None else (10 ** 9,)) + (4, i)
        else:
            keys[op] = _key(op, els, position) + (i,)
        if op.kind is Kind.INSERT:
            previous_insert = op
    _runs_together(ops, handles, keys)
    _after_renumbering(ops, handles, keys)
    ordered = sorted(ops, key=lambda op: keys[op])
    return _runs(ordered, handles)


def _runs_together(ops: list[Op], handles: dict, keys: dict) -> None:
    """The renumberings of one list are one instruction, read where the first of them stands."""
    leaders: dict = {}
    for op in sorted((op for op in ops if op.kind is Kind.RENUMBER and handles.get(op)), key=lambda op: keys[op]):
        el = handles[op][0]
        group = (el.getparent(), el.tag)
        if group in leaders:
            keys[op] = keys[leaders[group]] + keys[op][-1:]   # right after its leader, in the file's order
        else:
            leaders[group] = op


def _after_renumbering(ops: list[Op], handles: dict, keys: dict) -> None:
    """An insert among units the bill renumbers comes after the renumbering, as KR bills word it
    («части 2 и 3 считать соответственно частями 3 и 4; дополнить частью 2 …»): the freed number
    is then free."""
    renumbered: dict = {}
    for op in ops:
        if op.kind is Kind.RENUMBER and handles.get(op):
            parent = handles[op][0].getparent()
            renumbered[parent] = max(renumbered.get(parent, keys[op]), keys[op])
    if not renumbered:
        return
    for op in ops:
        if op.kind is Kind.INSERT and handles.get(op):
            el = handles[op][0]
            parent = el if op.position is Position.END else el.getparent()
            if parent in renumbered and keys[op] < renumbered[parent]:
                keys[op] = renumbered[parent] + (5,)


def _key(op: Op, els: list, position: dict) -> tuple:
    t = op.target
    if t.scope is Scope.TITLE:
        return (-2, 0, 0)
    if t.scope is Scope.ACT:
        return (-1, 0, 0)
    el = els[0]
    here = position.get(el, 0)
    if op.kind is Kind.INSERT:
        if op.position is Position.BEFORE:
            return (here, 0, 0)
        last = max((position.get(u, here) for u in st.iter_units(el)), default=here)
        return (last, 3, 0)
    if op.kind is Kind.RESTATE_HEADING or t.part is Part.HEADING:
        return (here, 1, 0)
    return (here, 2, t.sentence or 0)


def _runs(ordered: list[Op], handles: dict) -> list[Instruction]:
    """Consecutive renumberings of siblings become one instruction; so do exclusions (or repeals)
    of units that follow each other («абзацы седьмой–двенадцатый исключить»)."""
    out: list[Instruction] = []
    for op in ordered:
        if out and _joins(out[-1], op, handles):
            out[-1] = Instruction(out[-1].ops + (op,))
            continue
        out.append(Instruction((op,)))
    return out


def _joins(run: Instruction, op: Op, handles: dict) -> bool:
    last = run.ops[-1]
    if op.kind is not last.kind or op.kind not in (Kind.RENUMBER, Kind.DELETE, Kind.REPEAL):
        return False
    if op.target.part is not Part.TEXT or last.target.part is not Part.TEXT:
        return False
    prev, here = (handles.get(last) or [None])[0], (handles.get(op) or [None])[0]
    if prev is None or here is None or prev.getparent() is not here.getparent() or prev.tag != here.tag:
        return False
    if op.kind is Kind.RENUMBER:
        return True
    following = next((s for s in prev.itersiblings() if st.is_unit(s)), None)
    return following is here
