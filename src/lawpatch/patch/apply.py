"""Applying a bill the way an amending law is executed: instruction by instruction, in the order the
bill is read (:mod:`.order`), each on the text the earlier ones left.

Every op's targets are found on the base first (its units, checked against the text the op expects
there: :mod:`.targets`), so that an op lands on the unit the drafter meant or is refused; then the
instructions run in order — word ops look for their words in the text as it stands when their turn
comes — and the eIds are recomputed once at the end.

``check_bill`` is the same run without keeping the result, so that check and apply can never
disagree; ``check_bills`` runs several bills on one base and refuses those that meet.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import structure as st
from ..errors import Finding, FindingsError, Refusal
from ..law import Law
from ..parity.ops import op_differences
from . import guard
from . import ops as o
from . import targets as tg
from . import words as w
from .model import ALL, Bill, Kind, LawAmendment, Op, Part, Position, Reason, Scope
from .order import Instruction, instructions
from .record import record_expression

A = st.A


class PatchRefused(FindingsError):
    exit_code = 1

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self.findings if f.severity == "error")


@dataclass
class Footprint:
    """What a bill does to one law file, in the base's eIds: the units it changes (``touched``),
    those it takes whole (``taken``: restated, deleted, repealed), and the positional lists whose
    numbering it shifts (``shifted``: parent eId → the first position that moves)."""

    touched: dict[str, Op] = field(default_factory=dict)
    taken: dict[str, Op] = field(default_factory=dict)
    shifted: dict[str, tuple[int, Op]] = field(default_factory=dict)
    cited: dict[str, Op] = field(default_factory=dict)


@dataclass
class AppliedLaw:
    """One law as a bill left it: before and after, the ops run on it, and what they touched."""

    path: Path
    old: Law
    new: Law
    data: bytes | None          # ``new`` as written, read back by the guard (None: a refused bill's, never written)
    ops: tuple[Op, ...]
    reasons: dict[str, list[Reason]] = field(default_factory=dict)
    footprint: Footprint = field(default_factory=Footprint)
    base: str = ""              # the expression the bill was written against
    links: bytes | None = None  # the law's new links.xml (lawpatch.links), None when it has none
    old_date: str = ""          # the expression date before the bill


class _Run:
    """One bill against the laws under ``root``: findings and the changed laws."""

    def __init__(self, bill: Bill, root, trace=None):
        self.bill, self.root = bill, Path(root)
        self.findings: list[Finding] = []
        self.applied: list[AppliedLaw] = []
        self.trace = trace
        self.errors = 0     # refusals counted as they come (a refusal repeated in the second language is one finding)
        self.glossary = None

    def add(self, code, message, line=None, op: Op | None = None, unit="", hint="", severity="error"):
        f = Finding(code, message, file=self.bill.path, line=line or (op.line if op else None),
                    unit=unit or (op.where() if op else ""), severity=severity, hint=hint,
                    op=op.kind.value if op else "")
        if severity == "error":
            self.errors += 1
        if f not in self.findings:
            self.findings.append(f)

    def refuse(self, exc: Refusal, op: Op | None = None, line=None) -> None:
        self.add(exc.code, exc.message, line=line, op=op, hint=exc.hint)

    def _refused(self, since: int = 0) -> bool:
        """Whether a refusal came since the count ``since`` (``self.errors`` then)."""
        return self.errors > since

    # --- the whole bill --------------------------------------------------------------------
    def run(self) -> None:
        from ..glossary import load_glossary
        from ..treaties import load_registry

        registry = load_registry(self.root)
        self.glossary = load_glossary(self.root)
        for la in self.bill.laws:
            self._law(la, registry)
        if not self._refused():
            from ..references import cited_by_findings

            self.findings += cited_by_findings(self.bill, self.applied, self.root)

    def _law(self, la: LawAmendment, registry) -> None:
        laws, refused = guard.read_laws(self.root, la.href)  # safe paths, laws that validate
        self.findings += refused
        if refused:
            return
        if not laws:
            self.add("CHECK.UNKNOWN_LAW", f"no law at {la.href} (no rus.xml/kir.xml under {self.root / la.href})",
                     la.line, hint="href is laws/<slug> relative to the repository root (--root)")
            return
        if not la.ops:
            self.add("CHECK.NO_OPS", f"the bill names {la.href} but changes nothing in it", la.line,
                     severity="warning", hint="add ops with `lawpatch amend --law` or remove the <law>")
            return
        mark = self.errors
        for op in la.ops:
            self._op_static(op, laws, registry)
        if self._refused(mark):      # an op without its text in a language cannot run there
            return
        for lang, (old, new, path) in laws.items():
            ops = [op for op in la.ops if op.applies_to(lang)]
            if not ops:
                continue
            if new.meta.find(f".//{A}passiveRef[@eId='{self.ref_id}']") is not None:
                self.add("CHECK.ALREADY_APPLIED", f"{path}: the bill {self.bill.id} is already applied to this law",
                         la.line, hint="its amendment is in the law's lifecycle; nothing to do")
                continue
            stale = self._stale(la, lang, new)
            mark, kept = self.errors, len(self.findings)
            before = dict(new.index)   # the base's eIds → the elements the run changes in place
            old_date = new.expression_date
            result = _LawRun(self, la, lang, new, stale).run(ops)
            if self._refused(mark) and _looks_applied(old, ops, lang):
                del self.findings[kept:]
                self.add("CHECK.ALREADY_APPLIED", f"{path}: every op's new text is already there: the bill "
                         f"{self.bill.id} looks applied", la.line, hint="nothing to do; or check the law's version")
                continue
            if not self._refused(mark) and result is not None:
                reasons, footprint, dests = result
                record_expression(new, self.bill, lang, ops, dests)
                # never write what lawpatch cannot read back (asked only of a bill that would be written)
                data, broken = (None, []) if self._refused() else guard.read_back(new)
                self.findings += broken
                if not broken:
                    links = self._links(path.parent, old, new, before, footprint, reasons)
                    self.applied.append(AppliedLaw(path, old, new, data, tuple(ops), reasons, footprint, la.base,
                                                   links, old_date))

    def _links(self, folder: Path, old: Law, new: Law, before: dict, footprint: Footprint, reasons) -> bytes | None:
        """The law's links.xml after the bill: each link on its unit's new eId, dropped with a
        repealed or deleted unit, the ops' reasons added as links of the units they change."""
        from .. import links as lk

        try:
            current = lk.load_links(folder)
        except FindingsError as exc:
            self.findings.extend(exc.findings)
            return None
        added = [lk.Link(eid, r.treaty, r.article, bill=self.bill.id) for eid, rs in reasons.items() if eid
                 for r in rs]
        if not current and not added:
            return None
        gone = {e for eid, op in footprint.taken.items() if op.kind in (Kind.DELETE, Kind.REPEAL) and eid in old
                for e in (u.get("eId") for u in st.iter_units(old.get(eid)))}
        return lk.to_xml(lk.updated(current, before, new, gone, added))

    def _stale(self, la: LawAmendment, lang: str, law: Law) -> bool:
        """Whether the law is no longer the expression the bill was written against («rus@2025-07-10»
        names one language version: the others keep their own dates)."""
        base_lang, _, base_date = la.base.rpartition("@")
        return base_lang.rsplit("/", 1)[-1] == lang and base_date != law.expression_date

    @property
    def ref_id(self) -> str:
        return f"bill-{self.bill.id}"

    # --- checks that do not depend on the tree ---------------------------------------------
    def _op_static(self, op: Op, laws: dict, registry) -> None:
        if op.lang and op.lang not in laws:
            self.add("CHECK.NO_LANGUAGE", f"the law has no {op.lang}.xml", op=op)
        for lang in laws:
            if not op.applies_to(lang):
                continue
            for name in ("old", "new", "anchor", "text", "heading"):
                value = getattr(op, name)
                if value and lang not in value:
                    what = "<after>/<before>" if name == "anchor" else f"<{name}>"
                    self.add("CHECK.TEXT_MISSING", f"no {what} text in {lang}", op=op,
                             hint=f"the law has {lang}.xml: every op needs its text in each language, or lang=\"…\"")
        for r in op.reasons:
            problem = registry.problem(r.treaty, r.article) if registry is not None else None
            if problem:
                self.add("CHECK.REASON", problem, op=op, hint=registry.hint(r.treaty))
        if op.cite:
            self._cite(op, laws)
        for code, message, hint in op_differences(op, self.glossary):     # the two texts say the same
            self.add(code, message, op=op, hint=hint, severity="warning")

    def _cite(self, op: Op, laws: dict) -> None:
        """The op's citation names what its target names: the same units, the same part."""
        from ..citations import CitationError, citation_language, resolve_target

        lang = citation_language(op.cite)
        lang = lang if lang in laws else next(iter(laws))
        try:
            named = resolve_target(laws[lang][1], op.cite)   # the law as yet unchanged
        except CitationError as exc:
            self.add("CHECK.CITE", f"citation «{op.cite}»: {exc}", op=op, hint=exc.hint)
            return
        t = op.target
        mine = {"units": t.units, "through": t.through, "part": t.part.value, "sentence": t.sentence}
        if named["part"] == "text":          # a citation of the unit alone says nothing of its part
            named = {**named, "part": mine["part"], "sentence": mine["sentence"]}
        if t.units and named != mine:
            where = ", ".join(named["units"]) + (f"–{named['through']}" if named["through"] else "")
            part = f" ({named['part']}{' ' + str(named['sentence']) if named['sentence'] else ''})" \
                if named["part"] != "text" else ""
            self.add("CHECK.CITE_MISMATCH", f"«{op.cite}» is {where}{part}, not {op.where()}", op=op,
                     hint="correct at= (and part=, sentence=, through=) or the citation")


class _LawRun:
    """The ops of one bill on one language version of one law."""

    def __init__(self, run: _Run, la: LawAmendment, lang: str, law: Law, stale: bool, settle: bool = True):
        self.run_, self.la, self.lang, self.law, self.stale, self.settle = run, la, lang, law, stale, settle
        self.handles: dict[Op, list | None] = {}
        self.replaced: dict = {}       # an element restated → the element that took its place
        self.removed: dict = {}        # an element taken out of the tree → the op that did it
        self.touched: dict[Op, list] = {}
        self.deleted: dict[Op, list[str]] = {}
        self.last_after: dict = {}     # an anchor → the last unit inserted after it (several inserts keep their order)
        self.edited: dict = {}         # a text block → the last op that changed its words
        self.emptied: list = []        # units that lost a sub-unit: collapsed at the end if one abzats is left
        self.footprint = Footprint()

    def run(self, ops: list[Op]):
        mark = self.run_.errors
        for op in ops:
            self._resolve(op)
        if self.run_._refused(mark):
            return None
        self.renumbered: dict = {}     # a parent whose units were renumbered → the op, to check at the end
        stale: set | None = set()      # the articles whose eIds the instructions so far changed (None: any)
        for step in instructions(self.law, ops, self.handles):
            if self.run_.trace is not None:
                self.law.reindex(within=stale)
                stale = set()
                try:
                    targets = {op: [self._anchor_now(op, self._current(e)) for e in self.handles.get(op) or []]
                               for op in step.ops}
                except Refusal as exc:
                    self.run_.refuse(exc, step.op)
                    continue
                self.run_.trace(step, self.law, self.lang, targets)
            changed = self._changes_eids_in(step)
            stale = None if changed is None or stale is None else stale | changed
            try:
                self._execute(step)
            except Refusal as exc:
                self.run_.refuse(exc, step.op)
        for parent, (tag, op, made_numbered) in self.renumbered.items():
            try:
                _check_sequence(parent, tag, made_numbered)
            except Refusal as exc:
                self.run_.refuse(exc, op)
        if self.run_._refused(mark):
            return None
        for parent, by in self.emptied if self.settle else ():  # a unit left with one abzats: its own text again
            if not (st.is_unit(parent) and _attached(parent)):
                continue
            if not st.unit_children(parent) and parent.find(A + "content") is None:
                self.run_.add("CHECK.EMPTY_UNIT", f"the bill excludes everything {parent.get('eId')} holds",
                              op=by, hint="repeal the unit (it keeps its number) or exclude it whole")
                continue
            st.collapse_if_single(parent)
            inside = parent if st.local(parent.tag) == "article" else _article(parent)
            stale = None if inside is None or stale is None else stale | {inside}
        if self.run_._refused(mark):
            return None
        self.law.reindex(within=stale)
        reasons: dict[str, list[Reason]] = {}
        dests: dict[Op, list[str]] = {}
        for op in ops:
            eids = self.deleted.get(op) or [el.get("eId") or "" for el in self.touched.get(op, []) if _attached(el)]
            if op.target.scope is Scope.TITLE:
                eids = [""]
            dests[op] = list(dict.fromkeys(eids))
            for eid in dests[op]:
                reasons.setdefault(eid, []).extend(r for r in op.reasons if r not in reasons.get(eid, []))
        return reasons, self.footprint, dests

    # --- targets on the base ---------------------------------------------------------------
    def _resolve(self, op: Op) -> None:
        law = self.law
        if op.kind is Kind.INSERT and op.target.unit not in law:
            self.handles[op] = None          # anchored on a unit an earlier insert adds
            return
        try:
            els = tg.units(law, op)
        except Refusal as exc:
            self.run_.refuse(exc, op)
            return
        expected = op.expect.get(self.lang)
        if op.target.scope is Scope.UNITS and not op.target.is_many:
            if expected is not None and not tg.matches(els[0], expected):
                els = self._reanchor(op, els[0], expected)
            elif expected is None and self.stale:
                self.run_.add("CHECK.STALE_BASE", f"base {self.la.base} is not the law's current expression "
                              f"({law.expression_uri}) and the op does not record the text it expects",
                              op=op, hint="re-check the op against the current text and write its <expect> "
                              "(`lawpatch amend` writes it)")
                return
        if els is None:
            return
        if op.kind is Kind.INSERT and op.position is Position.END and st.local(els[0].tag) in st.ABZATS_TAGS:
            self.run_.add("CHECK.INSERT_PLACE", f"{op.at} is an abzats: it has no units of its own to end with",
                          op=op, hint="insert after it (after=) for a new abzats, or add words to it (insert-words)")
            return
        self.handles[op] = els
        for el in els:
            if el.get("eId"):
                self.footprint.cited[el.get("eId")] = op

    def _reanchor(self, op: Op, el, expected: str):
        """The unit whose text is what the op expects: the named one moved (a stale base), found
        among its siblings, else in the whole law; refused when none or several are."""
        candidates = [c for c in el.getparent() if c.tag == el.tag and tg.matches(c, expected)]
        if not candidates:
            candidates = [c for c in self.law.body.iter(el.tag) if tg.matches(c, expected)]
        if len(candidates) == 1:
            found = candidates[0]
            self.run_.add("CHECK.REANCHORED", f"{op.at} no longer holds the text the op expects; it is now "
                          f"{found.get('eId')}: the op acts there", op=op, severity="warning",
                          hint="update the bill's at= and base once you have read the change")
            return [found]
        how = "several units hold it" if candidates else "no unit of the law holds it"
        self.run_.add("CHECK.EXPECT_MISMATCH", f"{op.at} does not hold the text the op expects, and {how}",
                      op=op, hint=f"expected: «{expected[:300]}»; found at {op.at}: «{tg.anchor(el)[:300]}»")
        return None

    def _changes_eids_in(self, step: Instruction) -> set | None:
        """The articles inside which ``step`` may change eIds (their own stay), so that a run
        renumbers only those (before the next traced instruction, and at its end): none for words,
        headings and sentences; None where it may change any (an article or a unit above it
        inserted, restated, removed)."""
        op = step.op
        if op.kind.is_words or op.kind is Kind.RESTATE_HEADING or op.target.scope is not Scope.UNITS \
                or op.target.part is Part.SENTENCE:
            return set()
        out = set()
        for each in step.ops:
            for el in self.handles.get(each) or [None]:
                try:
                    el = self._current(el) if el is not None else None
                except Refusal:
                    el = None
                if el is None:
                    return None
                if each.kind is Kind.INSERT and each.position is Position.END:
                    inside = el if st.local(el.tag) == "article" else _article(el)
                else:
                    inside = _article(el)
                if inside is None:
                    return None
                out.add(inside)
        return out

    def _anchor_now(self, op: Op, el):
        """Where an insert after ``el`` will go: after the units earlier inserts put after it."""
        return self.last_after.get(el, el) if op.kind is Kind.INSERT and op.position is Position.AFTER else el

    def _current(self, el):
        """The element that stands for ``el`` now (a restated unit's replacement); refuses when an
        earlier instruction took it out of the text."""
        while el in self.replaced:
            el = self.replaced[el]
        if not _attached(el):
            top = el
            while top.getparent() is not None:
                top = top.getparent()
            by = self.removed.get(top) or next((self.removed[a] for a in el.iterancestors() if a in self.removed), None)
            where = f"the {by.kind} on line {by.line}" if by else "an earlier instruction"
            raise Refusal("CHECK.OVERLAP", f"{where} already took this unit out of the text",
                          "one op per unit when it is restated, deleted or repealed")
        return el

    # --- one instruction ----------------------------------------------------------------------
    def _execute(self, step: Instruction) -> None:
        op = step.op
        if op.kind is Kind.RENUMBER:
            self._renumber(step.ops)
        elif op.kind.is_words:
            self._words(op)
        elif op.kind is Kind.INSERT:
            self._insert(op)
        else:
            for one in step.ops:      # an exclusion or a repeal of several units that follow each other
                self._unit(one)

    def _els(self, op: Op) -> list:
        return [self._current(el) for el in self.handles[op]]

    def _touch(self, op: Op, el, taken: bool = False) -> None:
        self.touched.setdefault(op, []).append(el)
        eid = el.get("eId")
        if eid:
            self.footprint.touched.setdefault(eid, op)
            if taken:
                self.footprint.taken.setdefault(eid, op)

    def _shift(self, op: Op, parent, index: int) -> None:
        eid = parent.get("eId") or "body"
        old = self.footprint.shifted.get(eid)
        if old is None or index < old[0]:
            self.footprint.shifted[eid] = (index, op)

    # --- words ----------------------------------------------------------------------------------
    def _words(self, op: Op) -> None:
        t = op.target
        whole = t.scope is Scope.ACT
        els = self._els(op)
        pairs = self._pairs(op)
        for words, _ in pairs:
            w.check_words(words, "anchor words" if op.kind is Kind.INSERT_WORDS else "words")
        spans = []          # (block, start, end, new, unit index)
        per_unit = []
        others = self._other_number_forms(op)
        probe = w.common_stem([old for old, _ in pairs] + others) if op.case_forms else ""
        left: dict[str, int] = {}   # forms of the other number the text keeps
        for i, el in enumerate(els):
            blocks = tg.blocks(el, t.part, whole)
            limits = {}
            if t.part is Part.SENTENCE:
                p, a, b = tg.sentence_span(el, t.sentence)
                blocks, limits = [p], {p: (a, b)}
            found = []
            for p in blocks:
                text = _text(p)
                if probe and probe not in text.lower():     # none of the forms can be here
                    continue
                lo, hi = limits.get(p, (0, len(text)))
                for old, new in pairs:
                    for a, b in w.find_whole(text, old, ignore_first_case=op.case_forms):
                        if lo <= a and b <= hi:
                            found.append((p, a, b, w.with_capital(text[a:b], new) if op.case_forms else new))
                for form in others:
                    if count := len(w.find_whole(text, form, ignore_first_case=True)):
                        left[form] = left.get(form, 0) + count
            order = {p: i for i, p in enumerate(blocks)}
            found.sort(key=lambda s: (order[s[0]], s[1]))
            per_unit.append(len(found))
            spans += [(p, a, b, new, i) for p, a, b, new in found]
        if not spans:
            earlier = next((self.edited[b] for el in els for b in tg.blocks(el, t.part, whole) if b in self.edited), None)
            if earlier is not None:
                raise Refusal("CHECK.OVERLAP", f"«{pairs[0][0]}» is no longer in the text: the {earlier.kind} on "
                              f"line {earlier.line} changed these words", "one op per change of the same words")
            raise self._not_found(op, els, pairs[0][0])
        if op.target.units and len(op.target.units) > 1 and 0 in per_unit:
            missing = op.target.units[per_unit.index(0)]
            raise Refusal("CHECK.OLD_WORDS_NOT_FOUND", f"«{pairs[0][0]}» is not in {missing}",
                          "every unit of the list must have the words")
        # «по всему тексту», a list or a range, and «в различных падежных формах» mean every occurrence
        occurrence = op.occurrence if op.occurrence is not None else (ALL if t.is_many or op.case_forms else None)
        if occurrence is None and len(spans) > 1:
            raise Refusal("CHECK.WORDS_AMBIGUOUS", f"«{pairs[0][0]}» occurs {len(spans)} times",
                          'say which with occurrence="N" («во втором случае») or occurrence="all" («во всех случаях»)')
        if occurrence not in (None, ALL):
            if occurrence > len(spans):
                raise Refusal("CHECK.OCCURRENCE", f"«{pairs[0][0]}» occurs {len(spans)} time(s), not {occurrence}",
                              f"occurrence is 1..{len(spans)}")
            spans = [spans[occurrence - 1]]
        if left:
            listed = ", ".join(f"«{form}» ({n})" for form, n in left.items())
            self.run_.add("CHECK.CASE_NUMBER", f"{listed}: the other number of «{op.old[self.lang]}» stays as it is",
                          op=op, severity="warning",
                          hint=f"the forms of «{op.old[self.lang]}» are replaced in its own number; to replace "
                               "these too, add an op on their nominative in all case forms")
        edits: dict = {}
        for p, a, b, new, _ in spans:
            if op.kind is Kind.INSERT_WORDS:
                after = op.position is Position.AFTER
                at = b if after else a
                edits.setdefault(p, []).append((at, at, w.insertion(new, after)))
            else:
                edits.setdefault(p, []).append((a, b, new))
            if op.case_forms:
                self.run_.add("CHECK.CASE_FORM", f"«{_text(p)[a:b]}» → «{new}»", op=op, severity="info")
        for p, items in edits.items():
            text = _text(p)
            for a, b, new in sorted(items, key=lambda s: -s[0]):
                text = w.splice(text, a, b, new)
            o.set_block_text(p, text)
            self.edited[p] = op
            self._touch(op, _owner(p))

    def _other_number_forms(self, op: Op) -> list[str]:
        """«слово «мигрант» в различных падежных формах» replaces the singular forms: the plural
        ones («мигрантов») the text also has stay, and the drafter hears of them (Russian forms
        generated here; forms a drafter gives are his whole list)."""
        if not op.case_forms or self.lang != "rus" or any(lang == self.lang for lang, _, _ in op.forms):
            return []
        return w.other_number_forms(op.old[self.lang])

    def _pairs(self, op: Op) -> list[tuple[str, str]]:
        """(words to find, what goes in their place) for this language: the words themselves, or with
        case forms every form of them («суда» → «нотариуса»)."""
        lang = self.lang
        if op.kind is Kind.INSERT_WORDS:
            return [(op.anchor[lang], op.new[lang])]
        old, new = op.old[lang], op.new.get(lang, "") if op.kind is Kind.REPLACE_WORDS else ""
        if op.kind is Kind.REPLACE_WORDS and old == new:
            raise Refusal("CHECK.NO_CHANGE", "the old and the new words are the same")
        if not op.case_forms:
            return [(old, new)]
        given = [(a, b) for form_lang, a, b in op.forms if form_lang == lang]
        if given:
            return [(old, new)] + [p for p in given if p[0] != old]
        if lang == "kir":
            raise Refusal("CHECK.KY_FORMS", "the Kyrgyz case forms are not generated",
                          'give each form: <form lang="kir" old="…" new="…"/>')
        return [(pair.old, pair.new) for pair in w.case_pairs(old, new)]

    def _not_found(self, op: Op, els: list, words: str) -> Refusal:
        what = "anchor words" if op.kind is Kind.INSERT_WORDS else "words"
        notes = [p for el in els for p in el.iter(A + "p") if st.is_editorial(p)]
        if any(w.find_whole(_text(p), words) for p in notes):
            return Refusal("CHECK.WORDS_IN_NOTE", f"«{words}» is only inside an editorial note",
                           "word operations never change editorial notes")
        text = "\n".join(_text(b) for el in els for b in tg.blocks(el, op.target.part, op.target.scope is Scope.ACT))
        hint = w.why_not_found(text, words)
        if not hint:
            near = w.closest(text, words)
            hint = f"closest text in the unit: «{near}»" if near else f"the unit's text: «{text[:200]}»"
        return Refusal("CHECK.OLD_WORDS_NOT_FOUND", f"{what} «{words}» not found in the text", hint)

    # --- units ----------------------------------------------------------------------------------
    def _unit(self, op: Op) -> None:
        kind, lang = op.kind, self.lang
        if op.target.scope is Scope.TITLE:
            el = self._els(op)[0]
            p = el.find(f"{A}p")
            o.set_block_text(p if p is not None else el, op.text[lang])
            self._touch(op, el)
            return
        el = self._els(op)[0]
        if op.target.part is Part.SENTENCE:
            p, a, b = tg.sentence_span(el, op.target.sentence)
            if kind is Kind.DELETE:
                o.delete_span(p, a, b)
            else:
                o.set_block_text(p, w.splice(_text(p), a, b, op.text[lang].strip()))
            self._touch(op, el)
            return
        if kind is Kind.RESTATE_HEADING:
            o.set_heading(el, op.heading[lang])
            self._touch(op, el)
        elif kind is Kind.REPEAL:
            if st.is_repealed(el):
                raise Refusal("CHECK.ALREADY_REPEALED", "the unit is already repealed")
            self._touch(op, el, taken=True)
            for child in el:
                self.removed[child] = op
            adoption = self.run_.bill.adoption
            o.repeal(el, o.repeal_note(el, self.law.naming, lang, adoption.date if adoption else "",
                                       adoption.number if adoption else ""))
        elif kind is Kind.DELETE:
            self._touch(op, el, taken=True)
            self.deleted[op] = [el.get("eId") or ""]
            parent = el.getparent()
            if el in st.part_blocks(parent):
                self._shift(op, parent, st.part_blocks(parent).index(el))
            self.removed[el] = op
            o.delete(el)
            self.emptied.append((parent, op))
        elif kind is Kind.RESTATE:
            self._touch(op, el, taken=True)
            new = o.fragment(op.text[lang], lang, self.law, el.getparent())
            before = list(st.part_blocks(el.getparent()))
            o.restate(el, new)
            if len(new) == 1 and new[0].getparent() is not None and st.is_unit(new[0]):
                self.replaced[el] = new[0]
                self.touched[op] = list(new)
            else:
                self.touched[op] = [el]
            parent = (new[0] if new and new[0].getparent() is not None else el).getparent()
            if parent is not None and len(st.part_blocks(parent)) != len(before) and el in before:
                self._shift(op, parent, before.index(el))

    def _insert(self, op: Op) -> None:
        law, lang = self.law, self.lang
        if self.handles[op] is None:
            law.reindex()
            el = law.index.get(op.at)
            if el is None:
                raise Refusal("CHECK.TARGET_MISSING", f"no unit {op.at} in {law.source}", law.nearby_hint(op.at))
        else:
            el = self._els(op)[0]
        parent = el if op.position is Position.END else el.getparent()
        new = o.fragment(op.text[lang], lang, law, parent)
        if not new:
            raise Refusal("CHECK.EMPTY_TEXT", "the text to insert is empty")
        anchor = el
        if op.position is Position.AFTER:
            el = self.last_after.get(el, el)
        _check_numbers(el, op.position, new)
        _check_abzats_place(el, op.position, new)
        o.insert(el, op.position.value, new, {})
        if op.position is Position.AFTER:  # remembered once inserted: a refused insert is no anchor
            self.last_after[anchor] = new[-1]
        self.touched[op] = list(new)
        self._already_there(op, new)
        blocks = st.part_blocks(parent)
        moved = [b for b in blocks if b not in new]
        first_new = min((blocks.index(n) for n in new if n in blocks), default=None)
        if first_new is not None and first_new < len(blocks) - 1 and moved:
            self._shift(op, parent, first_new)

    def _already_there(self, op: Op, new: list) -> None:
        """A unit inserted with the very words of one beside it (its number aside): an amending law
        applied a second time (an old law read again by parse-bill) would add it twice. Said, not
        refused: a law may repeat a sentence."""
        for el in new:
            words = _words_of(el)
            if len(words) < 4:
                continue
            for other in el.getparent():
                if other is not el and other.tag == el.tag and other not in new and _words_of(other) == words:
                    self.run_.add("CHECK.ALREADY_THERE", f"the inserted unit has the very words "
                                  f"of {other.get('eId')}", op=op, severity="warning",
                                  hint="is the bill applied already? compare the law's redaction with the bill's base")
                    break

    def _renumber(self, run: tuple[Op, ...]) -> None:
        els = [self._els(op)[0] for op in run]
        parent = els[0].getparent()
        siblings = [c for c in parent if st.is_unit(c) and c.tag == els[0].tag and c not in els]
        if st.local(els[0].tag) in st.ABZATS_TAGS:
            tag, _ = o.numbered_kind(parent)
            siblings = [c for c in parent if st.is_unit(c) and st.local(c.tag) == tag]
        taken = {st.clean_number(st.num_text(c)) for c in siblings if st.num_text(c)}
        new_numbers = [op.to for op in run]
        if len(set(els)) != len(els):
            raise Refusal("CHECK.OVERLAP", "one unit is renumbered twice", "one renumber op per unit")
        if len(set(new_numbers)) != len(new_numbers):
            raise Refusal("CHECK.NUMBER_EXISTS", "two units of the run get the same number")
        for op in run:
            if op.to in taken:
                raise Refusal("CHECK.NUMBER_EXISTS", f"number {op.to} is already taken",
                              "exclude or renumber that unit first (its instruction comes earlier in the text)")
        made_numbered = st.local(els[0].tag) in st.ABZATS_TAGS
        for op, el in zip(run, els):
            if made_numbered:
                self._shift(op, parent, st.part_blocks(parent).index(el))
            o.renumber(el, op.to)
            self._touch(op, el)
        self.renumbered[parent] = (els[0].tag, run[0], made_numbered)


# --- checks on inserted units -----------------------------------------------------------------------

def _words_of(el) -> list[str]:
    """A unit's heading and text as words, its number and the database's notes left out."""
    heading = el.find(A + "heading")
    text = [st.block_text(p) for p in el.iter(A + "p") if not st.is_editorial(p)]
    return ((heading.xpath("string()") if heading is not None else "") + " " + " ".join(text)).split()


def _check_numbers(anchor, position: Position, new: list) -> None:
    if position is Position.END:
        siblings, before = list(anchor), list(anchor)
    else:
        siblings = list(anchor.getparent())
        i = siblings.index(anchor)
        before = siblings[: i + 1] if position is Position.AFTER else siblings[:i]
    for el in new:
        number = st.clean_number(st.num_text(el)) if st.num_text(el) else None
        if not number or not st.KINDS[st.local(el.tag)].numbered:
            continue
        same = [c for c in siblings if st.is_unit(c) and c.tag == el.tag]
        if number in {st.clean_number(st.num_text(c)) for c in same if st.num_text(c)}:
            raise Refusal("CHECK.NUMBER_EXISTS", f"{st.local(el.tag)} {number} already exists",
                          "a new unit takes a free number: 5-1 after 5")
        prev = [c for c in before if st.is_unit(c) and c.tag == el.tag and st.num_text(c)]
        prev_number = st.clean_number(st.num_text(prev[-1])) if prev else None
        if not o.sequence_ok(prev_number, number):
            raise Refusal("CHECK.NUMBER_SEQUENCE",
                          f"{st.local(el.tag)} {number} cannot follow {prev_number or 'the start'}",
                          f"after {prev_number} the next numbers are {prev_number}-1 or the following one"
                          if prev_number else "the first unit is 1")
        before = before + [el]


def _check_sequence(parent, tag, made_numbered: bool) -> None:
    """Once renumbered, the numbered units of one kind in ``parent`` stand in increasing order (a gap
    an old law already has is its own); abzats made numbered continue the list without a gap."""
    prev = None
    for c in parent:
        if c.tag != tag or not st.num_text(c):
            continue
        number = st.clean_number(st.num_text(c))
        ok = o.sequence_ok(prev, number) if made_numbered else (prev is None or _order(prev) < _order(number))
        if not ok:
            raise Refusal("CHECK.NUMBER_SEQUENCE", f"{st.local(tag)} {number} cannot follow {prev or 'the start'}",
                          "renumber the run so that the numbers follow each other")
        prev = number


def _order(number: str) -> tuple:
    return tuple(int(x) if x.isdigit() else ord(x[0]) for x in number.split("-"))


def _check_abzats_place(anchor, position: Position, new: list) -> None:
    """An abzats never stands between two numbered parts: it would be read as a part of the one before."""
    if position is Position.END or not any(st.local(n.tag) in st.ABZATS_TAGS for n in new):
        return
    siblings = [c for c in anchor.getparent() if st.is_unit(c)]
    i = siblings.index(anchor) + (1 if position is Position.AFTER else 0)
    numbered = lambda c: st.local(c.tag) == "paragraph" and bool(st.num_text(c))  # noqa: E731
    if any(numbered(c) for c in siblings[:i]) and any(numbered(c) for c in siblings[i:]):
        raise Refusal("CHECK.ABZATS_BETWEEN_PARTS", "an abzats cannot stand between numbered parts",
                      "add the text to the part before it (insert at its end) or as a new numbered part (2-1.)")


# --- helpers ------------------------------------------------------------------------------------------

def _text(p) -> str:
    return "".join(p.itertext())


def _owner(block):
    """The unit a text block belongs to (a heading or <p> → its unit; the title → the longTitle)."""
    for a in block.iterancestors():
        if st.is_unit(a) or st.local(a.tag) == "longTitle":
            return a
    return block


def _article(el):
    """The article ``el`` stands in (not ``el`` itself), None above the articles."""
    return next((a for a in el.iterancestors(A + "article")), None)


def _attached(el) -> bool:
    root = el
    while root.getparent() is not None:
        root = root.getparent()
    return st.local(root.tag) == "akomaNtoso"


def _looks_applied(law: Law, ops, lang: str) -> bool:
    """Whether the law already reads as the ops would make it (word ops, headings, repeals), with
    at least one op whose new text is there (an absent word alone proves nothing)."""
    if not any(op.kind in (Kind.REPLACE_WORDS, Kind.INSERT_WORDS, Kind.RESTATE_HEADING) for op in ops):
        return False
    for op in ops:
        if op.target.is_many or op.target.scope is not Scope.UNITS or op.at not in law:
            return False
        el = law.get(op.at)
        text = " ".join(_text(b) for b in tg.blocks(el, op.target.part))
        if op.kind is Kind.REPLACE_WORDS:
            new, old = op.new.get(lang), op.old.get(lang)
            if not new or new == old or not w.find_whole(text, new) or (old not in new and w.find_whole(text, old)):
                return False
        elif op.kind is Kind.INSERT_WORDS:
            if not w.find_whole(text, op.new.get(lang, "").strip(" ,")):
                return False
        elif op.kind is Kind.DELETE_WORDS:
            if w.find_whole(text, op.old.get(lang, "")):
                return False
        elif op.kind is Kind.RESTATE_HEADING:
            if st.heading_text(el) != op.heading.get(lang):
                return False
        elif op.kind is Kind.REPEAL:
            if not st.is_repealed(el):
                return False
        else:
            return False
    return True


# --- entry points ----------------------------------------------------------------------------------

def _run(bill: Bill, root, trace=None) -> _Run:
    r = _Run(bill, root, trace)
    r.run()
    return r


def apply_bill(bill: Bill, root=".", trace=None) -> list[AppliedLaw]:
    """The laws as the bill makes them (nothing written); raises :class:`PatchRefused`.

    ``trace(instruction, law, lang, targets)`` is called before each instruction with the law as
    the earlier instructions left it (eIds up to date) and ``targets[op]``, the units each op of the
    instruction acts on: the amending law's text cites from there.
    """
    r = _run(bill, root, trace)
    if any(f.severity == "error" for f in r.findings):
        raise PatchRefused(r.findings)
    return r.applied


def apply_ops(law: Law, ops: list[Op], bill: Bill, more_to_come: bool = False) -> list[Finding]:
    """Run ``ops`` on ``law`` (one language version, in memory) as ``bill`` would run them, and
    return the findings; the law is changed in place and its eIds recomputed (after an error it
    may be half-changed: discard it). Nothing is recorded in its metadata. This is for reading a
    bill instruction by instruction (``lawpatch parse-bill``), each instruction citing the text
    the earlier ones left; ``more_to_come``: later instructions follow, so a unit left with one
    abzats is not yet collapsed (the bill still cites that abzats)."""
    run = _Run(bill, ".")
    la = LawAmendment("", f"{law.lang}@{law.expression_date}", tuple(ops), 0)
    _LawRun(run, la, law.lang or "rus", law, stale=False, settle=not more_to_come).run(list(ops))
    return run.findings


def settle(law: Law) -> None:
    """End a run of :func:`apply_ops` with ``more_to_come``: a unit left with one abzats takes it as
    its own text, as the engine does at the end of a bill."""
    for el in list(law.units()):
        if _attached(el):
            st.collapse_if_single(el)
    law.reindex()


def check_bill(bill: Bill, root=".") -> list[Finding]:
    """Every finding of the bill against the laws, errors and warnings, at once."""
    return _run(bill, root).findings


def run_bill(bill: Bill, root=".", trace=None) -> tuple[list[Finding], list[AppliedLaw]]:
    """:func:`check_bill` and :func:`apply_bill` in one run: every finding, and the laws as the bill
    makes them (none when it is refused)."""
    r = _run(bill, root, trace)
    refused = any(f.severity == "error" for f in r.findings)
    return r.findings, [] if refused else r.applied


def check_bills(bills: list[Bill], root=".") -> tuple[list[Finding], list[AppliedLaw]]:
    """Bills one after another (a later bill sees the earlier ones), and the bills written on one
    base that meet: a unit two of them change, one inside a unit the other takes whole, or a unit
    whose position the other shifts. Returns every finding and each changed law once, from its
    text before the first bill to its text after the last (nothing is written)."""
    findings = _overlaps(bills, root) if len(bills) > 1 else []
    more, applied = _one_after_another(bills, Path(root))
    return findings + [f for f in more if f not in findings], applied


def _overlaps(bills: list[Bill], root) -> list[Finding]:
    """Each bill alone on the current laws; the footprints of those written on the same base meet?"""
    runs = [_run(bill, root) for bill in bills]
    out: list[Finding] = []
    for i, a in enumerate(runs):
        for j in range(i + 1, len(runs)):
            out += _meeting(bills[i], a.applied, bills[j], runs[j].applied)
    return out


def _one_after_another(bills: list[Bill], root: Path) -> tuple[list[Finding], list[AppliedLaw]]:
    if len(bills) == 1:
        r = _run(bills[0], root)
        return r.findings, r.applied
    findings: list[Finding] = []
    final: dict[Path, AppliedLaw] = {}
    with guard.working_copy(root, {la.href for b in bills for la in b.laws}) as work:
        for bill in bills:
            r = _run(bill, work)
            findings += [_real(f, work, root) for f in r.findings]
            if any(f.severity == "error" for f in r.findings):
                return findings, []
            for a in r.applied:
                target = root / Path(a.path).relative_to(work)
                first = final.get(target)
                final[target] = AppliedLaw(target, first.old if first else a.old, a.new, a.data,
                                           (first.ops if first else ()) + a.ops,
                                           {**(first.reasons if first else {}), **a.reasons}, a.footprint,
                                           links=a.links, old_date=first.old_date if first else a.old_date)
            write_applied(r.applied)   # into the working copy: the next bill sees it
    return findings, list(final.values())


def _real(f: Finding, work: Path, root: Path) -> Finding:
    from dataclasses import replace

    return replace(f, message=f.message.replace(str(work), str(root)), hint=f.hint.replace(str(work), str(root)))


def apply_bills(bills: list[Bill], root=".") -> list[AppliedLaw]:
    """:func:`check_bills`, refused as a whole when any bill is refused or two meet."""
    findings, applied = check_bills(bills, root)
    if any(f.severity == "error" for f in findings):
        raise PatchRefused(findings)
    return applied


def _meeting(bill_a: Bill, applied_a: list[AppliedLaw], bill_b: Bill, applied_b: list[AppliedLaw]) -> list[Finding]:
    out = []
    by_path = {str(x.path): x for x in applied_b}
    for a in applied_a:
        b = by_path.get(str(a.path))
        if b is None or b.base != a.base:   # a bill written on top of another builds on it
            continue
        fa, fb, law = a.footprint, b.footprint, a.old
        for first, second, fx, fy in ((bill_a, bill_b, fa, fb), (bill_b, bill_a, fb, fa)):
            for eid, op_y in list(fy.touched.items()) + list(fy.cited.items()):
                clash = _clash(law, eid, fx)
                if clash is None:
                    continue
                op_x, why = clash
                f = Finding("CHECK.BILLS_OVERLAP", f"{second.id} and {first.id} meet at {eid}: {why}",
                            file=second.path, line=op_y.line, unit=eid, op=op_y.kind.value,
                            hint=f"{first.path}:{op_x.line} ({op_x.kind}); amend one bill to take the "
                                 "other into account, or merge them")
                if f not in out:
                    out.append(f)
    return out


def _clash(law: Law, eid: str, other: Footprint):
    """Why ``eid`` (a unit one bill names or changes) meets the other bill's footprint, or None."""
    if eid in other.touched:
        return other.touched[eid], "both change this unit"
    el = law.index.get(eid)
    if el is None:
        return None
    for a in el.iterancestors():
        if a.get("eId") in other.taken:
            return other.taken[a.get("eId")], f"the other takes {a.get('eId')} whole"
    parent = el.getparent()
    shifted = other.shifted.get(parent.get("eId") or "body") if parent is not None else None
    if shifted is not None and el in st.part_blocks(parent) and st.part_blocks(parent).index(el) >= shifted[0]:
        return shifted[1], "the other shifts the position it is cited by («абзац …»)"
    return None


def write_applied(applied: list[AppliedLaw], root=None) -> None:
    """Write every changed law and its links.xml, all or nothing, also across a crash (the journal
    of :func:`lawpatch.storage.commit` in ``root``, by default the repository of the laws,
    ``<root>/laws/<slug>/<lang>.xml``); the caller holds :func:`lawpatch.storage.locked`."""
    from .. import storage
    from ..links import FILE

    if not applied:
        return
    files = {Path(a.path): a.data for a in applied}
    files.update({Path(a.path).with_name(FILE): a.links for a in applied if a.links is not None})
    storage.commit(root or Path(applied[0].path).parents[2], list(files.items()))
