"""Instructions, as worded, into ops: each citation is resolved on the law as the earlier
instructions left it — the instructions are run one at a time on a working copy of the law by the
patch engine (:func:`lawpatch.patch.apply.apply_ops`) — and the ops of the bill name the units of
the law as it was before the bill (the base), as a patch file does."""
from __future__ import annotations

import re

from .. import structure as st
from ..citations import CitationError, resolve
from ..errors import Finding, Refusal
from ..law import Law
from ..patch import ops as pops
from ..patch import targets as tg
from ..patch.apply import apply_ops
from ..patch.model import Bill, Kind, Op, Part, Position, Scope, Target, Texts
from .wording import Instruction, WordingError


class _Stop(Exception):
    """An instruction that cannot be resolved: the rest of the law's instructions are not run."""


class WorkingLaw:
    """The law as the earlier instructions left it, with the base eId of each unit still there."""

    def __init__(self, base: Law, work: Law, bill: Bill, path: str):
        self.base, self.law, self.bill, self.path = base, work, bill, path
        self.origin = {el: el.get("eId") for el in work.units()}     # element → its eId at the base
        self.ops: list[Op] = []
        self.findings: list[Finding] = []

    # --- citations ---------------------------------------------------------------------------
    def unit(self, phrase: str, context: list[str], line: int):
        """The unit a citation names, inside the groups of ``context`` (innermost last) when it is
        relative to them («в пункте 2» under «в статье 112:»), else on its own."""
        tries = []
        if context:
            tries.append(" ".join([phrase] + list(reversed(context))))
        tries.append(phrase)
        error = None
        for text in tries:
            try:
                return self.law.get(resolve(self.law, _citation(text)))
            except CitationError as exc:
                error = error or exc
        raise _stop(line, f"«{phrase}»: {error}", "CHECK.CITE")

    def group(self, context: list[str], line: int):
        """The unit the open groups («в статье 112:», «а) в пункте 2:») name, or None."""
        if not context:
            return None
        text = " ".join(reversed(context))
        try:
            return self.law.get(resolve(self.law, _citation(text)))
        except CitationError as exc:
            raise _stop(line, f"«в {context[-1]}»: {exc}", "CHECK.CITE") from None

    def base_eid(self, el, line: int, what: str = "acts on") -> str:
        eid = self.origin.get(el)
        if eid is None:
            raise _stop(line, f"the instruction {what} {st.unit_name(el, self.law.naming)} «{_short(el)}» that an "
                        "earlier instruction of the bill added or restated", "PARSE.NEW_UNIT",
                        "a bill amends the units of the law as it stands; word the change into the added text")
        return eid

    # --- one instruction -----------------------------------------------------------------------
    def run(self, ins: Instruction, context: list[str]) -> None:
        steps, ops = self.ops_of(ins, context)
        restated = [(op, el) for op, el in steps if op.kind is Kind.RESTATE and op.target.part is Part.TEXT
                    and op.target.scope is Scope.UNITS]
        before = {el: el.get("eId") for _, el in restated if el in self.origin}
        found = apply_ops(self.law, [op for op, _ in steps], self.bill, more_to_come=True)
        errors = [f for f in found if f.severity == "error"]
        if errors:
            raise _stop(ins.line, errors[0].message, errors[0].code, errors[0].hint)
        for op, el in restated:        # the unit a restatement put in place keeps the base eId
            new = self.law.index.get(before.get(el) or "")
            if new is not None and new is not el:
                self.origin[new] = self.origin.pop(el, None)
        self.ops += ops

    def ops_of(self, ins: Instruction, context: list[str]) -> tuple[list[tuple[Op, object]], list[Op]]:
        """(the ops on the working law with the elements they act on, the ops of the bill)."""
        lang = self.law.lang or "rus"
        if ins.kind is Kind.INSERT:
            return self.insert(ins, context, lang)
        if ins.scope in ("act", "title"):
            target = Target(scope=Scope.ACT if ins.scope == "act" else Scope.TITLE)
            op = self.op(ins, target, lang)
            return [(op, None)], [op]
        els = [self.unit(c, context, ins.line) for c in ins.cites] or [self.group(context, ins.line)]
        if els[0] is None:
            raise _stop(ins.line, "the instruction names no unit and stands in no group («в статье …:»)",
                        "PARSE.NO_UNIT")
        several = ins.kind in (Kind.RENUMBER, Kind.DELETE, Kind.REPEAL)   # one op per unit, run together
        if ins.through:
            last = self.unit(ins.through, context, ins.line)
            els = tg.units_between(els[0], last) if several else els + [last]
            if not several:
                return self._many(ins, els[0], last, lang)
        if ins.kind in (Kind.DELETE, Kind.REPEAL) and len(els) > 1:
            steps, ops = [], []
            for el in els:
                steps.append((Op(ins.kind, Target((el.get("eId"),))), el))
                ops.append(self.based(Op(ins.kind, Target((self.base_eid(el, ins.line),)), line=ins.line), lang))
            return steps, ops
        if ins.kind is Kind.RENUMBER:
            if len(els) != len(ins.to):
                raise _stop(ins.line, f"{len(els)} unit(s) to count as {len(ins.to)} number(s)", "PARSE.WORDING")
            steps, ops = [], []
            for el, to in zip(els, ins.to):
                steps.append((Op(Kind.RENUMBER, Target((el.get("eId"),)), to=to), el))
                ops.append(self.based(Op(Kind.RENUMBER, Target((self.base_eid(el, ins.line),)), to=to), lang))
            return steps, ops
        if ins.marks:
            ins = _words_ending(ins, els, lang)
        part = ins.part
        if ins.kind is Kind.RESTATE_HEADING:
            fields = {"heading": Texts.of({lang: _heading(ins.text, els[0])})}
            step = Op(ins.kind, Target((els[0].get("eId"),)), **fields)
            return [(step, els[0])], [self.based(Op(ins.kind, Target((self.base_eid(els[0], ins.line),)), **fields), lang)]
        step = self.op(ins, Target(tuple(e.get("eId") for e in els), part=part, sentence=ins.sentence), lang)
        bill_op = self.op(ins, Target(tuple(self.base_eid(e, ins.line) for e in els), part=part,
                                      sentence=ins.sentence), lang)
        return [(step, els[0])], [self.based(bill_op, lang)]

    def _many(self, ins: Instruction, first, last, lang: str):
        target = Target((first.get("eId"),), through=last.get("eId"))
        based = Target((self.base_eid(first, ins.line),), through=self.base_eid(last, ins.line))
        return [(self.op(ins, target, lang), first)], [self.op(ins, based, lang)]

    def op(self, ins: Instruction, target: Target, lang: str) -> Op:
        t = lambda s: Texts.of({lang: s}) if s else Texts()  # noqa: E731
        try:
            return Op(ins.kind, target, line=ins.line, old=t(ins.old),
                      new=t(ins.new) if ins.kind is not Kind.DELETE_WORDS else Texts(),
                      anchor=t(ins.anchor), text=t(ins.text) if ins.kind is Kind.RESTATE else Texts(),
                      position=ins.position if ins.kind is Kind.INSERT_WORDS else None,
                      occurrence=ins.occurrence, case_forms=ins.case_forms)
        except Refusal as exc:
            raise _stop(ins.line, exc.message, exc.code, exc.hint) from None

    def based(self, op: Op, lang: str) -> Op:
        """The bill's op: its line, the text it expects at the base, its citation there."""
        from dataclasses import replace

        from ..citations import cite

        if op.target.scope is not Scope.UNITS or op.target.is_many:
            return op
        el = self.base.index.get(op.target.unit)
        if el is None:
            return op
        try:
            citation = cite(self.base, op.target.unit, lang)
        except (CitationError, KeyError, ValueError):
            citation = None
        return replace(op, expect=Texts.of({lang: tg.anchor(el)}), cite=citation)

    # --- inserts -------------------------------------------------------------------------------
    def insert(self, ins: Instruction, context: list[str], lang: str):
        owner = self.unit(ins.cites[0], context, ins.line) if ins.cites else self.group(context, ins.line)
        text = Texts.of({lang: ins.text})
        if ins.relative and ins.relative[1] is None:       # «перед статьей 7»: next to a cited unit
            inner = [ins.cites[0]] if ins.cites else []
            anchor = self.unit(ins.relative[0], context + inner, ins.line)
            return self._insert_at(ins, anchor, ins.position, text, lang)
        if ins.relative:
            noun, n = ins.relative
            container = owner if owner is not None else None
            if container is None:
                raise _stop(ins.line, f"«{noun} {n}» of which unit?", "PARSE.NO_UNIT")
            blocks = st.part_blocks(container)
            if not 1 <= n <= len(blocks):
                raise _stop(ins.line, f"{_cite_now(self.law, container)} has {len(blocks)} abzats, not {n}",
                            "CHECK.CITE")
            return self._insert_at(ins, blocks[n - 1], ins.position, text, lang)
        context_el = owner if owner is not None else self.law.body
        try:
            new = pops.fragment(ins.text, lang, self.law, context_el)
        except Refusal as exc:
            raise _stop(ins.line, exc.message, exc.code, exc.hint) from None
        if not new:
            raise _stop(ins.line, "the text to add is empty", "CHECK.EMPTY_TEXT")
        first = new[0]
        tag = st.local(first.tag)
        if tag in st.ABZATS_TAGS or st.is_unnumbered_part(first):
            return self._abzats_place(ins, owner, text, lang)
        number = st.clean_number(st.num_text(first)) if st.num_text(first) else ""
        if owner is None:
            if tag != "article":
                raise _stop(ins.line, f"where in the act does the {tag} go? name the unit it is added to",
                            "PARSE.NO_UNIT")
            siblings = list(self.law.articles())
        else:
            siblings = [c for c in owner if c.tag == first.tag and st.num_text(c)]
        earlier = [c for c in siblings if _order(st.clean_number(st.num_text(c))) < _order(number)]
        if earlier:
            return self._insert_at(ins, earlier[-1], Position.AFTER, text, lang)
        if siblings:
            return self._insert_at(ins, siblings[0], Position.BEFORE, text, lang)
        if owner is None:
            raise _stop(ins.line, "the act has no article to add it beside", "PARSE.NO_UNIT")
        return self._insert_at(ins, owner, Position.END, text, lang)

    def _abzats_place(self, ins: Instruction, owner, text: Texts, lang: str):
        """«дополнить абзацем вторым»: at that position — at the end when it is the next one."""
        if owner is None:
            raise _stop(ins.line, "an abzats of which unit?", "PARSE.NO_UNIT")
        items = ins.what[1] if ins.what else []
        from .. import vocabulary as voc

        n = voc.ordinal_value(items[0]) if items else None
        if n is None and items and items[0].isdigit():
            n = int(items[0])
        blocks = st.part_blocks(owner)
        own = 1 if owner.find(st.A + "content") is not None else 0
        if n is None or n > len(blocks) + own:
            return self._insert_at(ins, owner, Position.END, text, lang)
        if n - own - 1 >= 1 and n - own - 2 < len(blocks):
            return self._insert_at(ins, blocks[n - own - 2], Position.AFTER, text, lang)
        if blocks:
            return self._insert_at(ins, blocks[0], Position.BEFORE, text, lang)
        return self._insert_at(ins, owner, Position.END, text, lang)

    def _insert_at(self, ins: Instruction, anchor, position: Position, text: Texts, lang: str):
        step = Op(Kind.INSERT, Target((anchor.get("eId"),)), position=position, text=text, line=ins.line)
        base = self.origin.get(anchor)
        if base is None and position is Position.AFTER:     # after a unit an earlier instruction added
            nxt = next((s for s in anchor.itersiblings() if st.is_unit(s) and s in self.origin), None)
            if nxt is not None:
                anchor, position, base = nxt, Position.BEFORE, self.origin[nxt]
            elif anchor.getparent() in self.origin:
                anchor, position, base = anchor.getparent(), Position.END, self.origin[anchor.getparent()]
        if base is None:
            self.base_eid(anchor, ins.line, "adds beside")
        bill_op = Op(Kind.INSERT, Target((base,)), position=position, text=text, line=ins.line)
        return [(step, anchor)], [self.based(bill_op, lang)]


def _words_ending(ins: Instruction, els: list, lang: str) -> Instruction:
    """«точку заменить точкой с запятой»: the word the unit's text ends with and its mark, replaced
    by the word and the new mark (its last occurrence, where the same word and mark stand earlier)."""
    from dataclasses import replace

    word, count = tg.ending(els[0]) if len(els) == 1 else ("", 0)
    if not word.endswith(ins.old) or len(word) < 2:
        raise _stop(ins.line, f"the text of the unit does not end with «{ins.old}»", "PARSE.WORDING",
                    "the instruction changes the mark that ends the unit's text")
    return replace(ins, old=word, new=word[:-1] + ins.new, marks=False, occurrence=count if count > 1 else None)


def _order(number: str) -> tuple:
    return tuple(int(x) if x.isdigit() else ord(x[0]) for x in re.split(r"-", number) if x)


def _heading(printed: str, el) -> str:
    """The heading of «Статья 86. Размер алиментов» (the number as the unit prints it left out)."""
    num = st.num_text(el)
    text = printed.strip()
    if num and text.startswith(num):
        return text[len(num):].strip()
    m = re.match(r"^(?:Статья|Глава|Раздел|РАЗДЕЛ|Параграф|§)\s+[0-9IVXLC-]+\.?\s*", text)
    return text[m.end():] if m else text


def _citation(phrase: str) -> str:
    """A citation phrase as :func:`lawpatch.citations.resolve` reads it (a lettered подпункт's
    quotes are straight)."""
    return phrase.replace("«", '"').replace("»", '"')


def _short(el) -> str:
    return " ".join(" ".join(st.unit_lines(el)).split())[:80]


def _cite_now(law: Law, el) -> str:
    from ..citations import cite

    try:
        return cite(law, el.get("eId"))
    except (CitationError, KeyError, ValueError):
        return el.get("eId") or "the unit"


def _stop(line: int, message: str, code: str = "PARSE.WORDING", hint: str = "") -> _Stop:
    exc = _Stop(message)
    exc.finding = (code, message, line, hint)
    return exc


__all__ = ["WorkingLaw", "WordingError", "_Stop"]
