"""Applying a bill: resolve every op on the base text, then change the tree in an order that
keeps the resolved targets valid, renumber the eIds once, and record the new expression.

``check_bill`` is the same run without keeping the result, so that check and apply can never
disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import meta as mt
from .. import structure as st
from ..errors import Finding, FindingsError
from ..law import Law, UnitNotFound
from . import guard
from . import ops as o
from .model import WORD_KINDS, Bill, LawAmendment, Op, Reason
from .resolve import find_words

A = st.A
NEEDS = {"replace-words": ("old", "new"), "insert-words": ("new",), "delete-words": ("old",),
         "restate": ("text",), "restate-heading": ("heading",), "insert": ("text",)}
DESTRUCTIVE = ("restate", "delete", "repeal")
MOD_TYPE = {"replace-words": "substitution", "insert-words": "insertion", "delete-words": "repeal",
            "restate": "substitution", "restate-heading": "substitution", "insert": "insertion",
            "delete": "repeal", "repeal": "repeal", "renumber": "renumbering"}


class PatchRefused(FindingsError):
    exit_code = 1

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self.findings if f.severity == "error")


@dataclass
class AppliedLaw:
    path: Path
    old: Law
    new: Law
    ops: tuple[Op, ...]
    reasons: dict[str, list[Reason]] = field(default_factory=dict)


class _Run:
    """One bill against the laws under ``root``: findings and the changed laws."""

    def __init__(self, bill: Bill, root):
        self.bill, self.root = bill, Path(root)
        self.findings: list[Finding] = []
        self.applied: list[AppliedLaw] = []
        self._dest: dict = {}
        self._renumbered: dict = {}

    def add(self, code, message, line=None, op: Op | None = None, unit="", hint="", severity="error"):
        f = Finding(code, message, file=self.bill.path, line=line or (op.line if op else None),
                    unit=unit or (op.at if op else ""), severity=severity, hint=hint, op=op.kind if op else "")
        if f not in self.findings:
            self.findings.append(f)

    def _refused(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    # --- the whole bill --------------------------------------------------------------------
    def run(self) -> None:
        registry = self._registry()
        for la in self.bill.laws:
            self._law(la, registry)

    def _registry(self):
        from ..treaties import load_registry

        return load_registry(self.root)

    def _law(self, la: LawAmendment, registry) -> None:
        laws, refused = guard.read_laws(self.root, la.href)  # safe paths, laws that validate
        self.findings += refused
        if refused:
            return
        if not laws:
            self.add("CHECK.UNKNOWN_LAW", f"no law at {la.href} (no rus.xml/kir.xml under {self.root / la.href})",
                     la.line, hint="href is laws/<slug> relative to the repository root (--root)")
            return
        for op in la.ops:
            self._op_static(op, laws, registry)
        ref = self.ref_id
        for lang, (old, new, path) in laws.items():
            if not any(op.lang in (None, lang) for op in la.ops):
                continue
            if new.meta.find(f".//{A}passiveRef[@eId='{ref}']") is not None:
                self.add("CHECK.ALREADY_APPLIED", f"{path}: the bill {self.bill.id} is already applied to this law",
                         la.line, hint="its amendment is in the law's lifecycle; nothing to do")
                continue
            mark = len(self.findings)
            reasons = self._apply_ops(la, lang, new)
            errors = self._refused()
            new_codes = {f.code for f in self.findings[mark:]}
            if errors and new_codes and new_codes <= {"CHECK.OLD_WORDS_NOT_FOUND", "CHECK.ALREADY_REPEALED"} \
                    and _looks_applied(old, la.ops, lang):
                del self.findings[mark:]
                self.add("CHECK.ALREADY_APPLIED", f"{path}: every op's new text is already there: the bill "
                         f"{self.bill.id} looks applied", la.line, hint="nothing to do; or check the law's version")
                continue
            # base names one language version («rus@2025-07-10»): the others have their own dates
            base_lang, _, base_date = la.base.rpartition("@")
            if base_lang.rsplit("/", 1)[-1] == lang and base_date != old.expression_date:
                msg = f"base {la.base} is not the law's current expression ({old.expression_uri})"
                lost = {"CHECK.OLD_WORDS_NOT_FOUND", "CHECK.TARGET_MISSING", "CHECK.WORDS_AMBIGUOUS",
                        "CHECK.OCCURRENCE"} & {f.code for f in self.findings[mark:]}
                if lost:
                    self.add("CHECK.STALE_BASE", msg + ": the ops no longer find their text", la.line,
                             hint="update base and re-check the old words")
                else:
                    self.add("CHECK.STALE_BASE", msg + "; stale base, re-anchored", la.line, severity="warning")
            if not errors:
                self._record(new, la.ops, lang, reasons)
                broken = guard.result_findings(new)  # never write what lawpatch cannot read back
                self.findings += broken
                if not broken:
                    self.applied.append(AppliedLaw(path, old, new, tuple(op for op in la.ops
                                                                         if op.lang in (None, lang)), reasons))

    @property
    def ref_id(self) -> str:
        return f"bill-{self.bill.id}"

    # --- checks that do not depend on the tree ---------------------------------------------
    def _op_static(self, op: Op, laws: dict, registry) -> None:
        langs = [op.lang] if op.lang else list(laws)
        if op.lang and op.lang not in laws:
            self.add("CHECK.NO_LANGUAGE", f"the law has no {op.lang}.xml", op=op)
        for name in NEEDS.get(op.kind, ()):
            for lang in langs:
                if lang in laws and lang not in op.texts(name):
                    self.add("CHECK.TEXT_MISSING", f"no <{name} lang=\"{lang}\"> text", op=op,
                             hint=f"the law has {lang}.xml: every op needs its text in each language, or lang=\"…\"")
        if op.kind == "insert-words":
            for lang in langs:
                if lang in laws and lang not in op.texts("after") and lang not in op.texts("before"):
                    self.add("CHECK.TEXT_MISSING", f"no <after>/<before lang=\"{lang}\"> words", op=op)
        for r in op.reasons:
            if registry is not None:
                problem = registry.problem(r.treaty, r.article)
                if problem:
                    self.add("CHECK.REASON", problem, op=op, hint=registry.hint(r.treaty))
        if op.cite:
            self._cite(op, laws)

    def _cite(self, op: Op, laws: dict) -> None:
        from ..citations import CitationError, resolve

        lang = "kir" if ("-берене" in op.cite and "kir" in laws) else ("rus" if "rus" in laws else next(iter(laws)))
        law = laws[lang][0]
        try:
            eid = resolve(law, op.cite)
        except CitationError as exc:
            self.add("CHECK.CITE", f"citation «{op.cite}»: {exc}", op=op, hint=getattr(exc, "hint", "") or "")
            return
        if op.at and eid != op.at:
            self.add("CHECK.CITE_MISMATCH", f"«{op.cite}» is {eid}, not {op.at}", op=op,
                     hint=f"at=\"{eid}\" or correct the citation")

    # --- the tree ----------------------------------------------------------------------------
    def _target(self, law: Law, op: Op):
        if op.kind == "restate" and not op.at:
            return law.act.find(f"{A}preface/{A}longTitle")
        try:
            return law.get(op.at)
        except UnitNotFound as exc:
            self.add("CHECK.TARGET_MISSING", f"no unit {op.at} in {law.source}", op=op, hint=exc.hint)
            return None

    def _apply_ops(self, la: LawAmendment, lang: str, law: Law) -> dict:
        ops = [op for op in la.ops if op.lang in (None, lang)]
        # an insert may be anchored on a unit an earlier insert of the bill adds: resolved later
        later = [op for op in ops if op.kind == "insert" and op.at not in law]
        targets = {id(op): self._target(law, op) for op in ops if op not in later}
        if any(t is None for t in targets.values()):
            return {}
        self._overlaps(ops, targets)
        edits: dict = {}  # id(p) -> (p, [(start, end, text, op)])
        for op in ops:
            if op.kind in WORD_KINDS:
                self._word_edit(op, lang, targets[id(op)], edits)
        for p, spans in edits.values():
            spans.sort(key=lambda s: (s[0], s[1]))
            for a, b in zip(spans, spans[1:]):
                if b[0] < a[1] or (a[0] == a[1] == b[0] == b[1]):
                    self.add("CHECK.OVERLAP", "two ops change the same words", op=b[3],
                             hint=f"the other op is on line {a[3].line}")
        if self._refused():
            return {}
        for p, spans in edits.values():
            text = st.block_text(p)
            for start, end, new, _ in sorted(spans, key=lambda s: -s[0]):
                text = o.splice(text, start, end, new)
            o.set_block_text(p, text)
        self._renumbered = {id(targets[id(op)]): op.to for op in ops if op.kind == "renumber"}
        inserted: dict = {}
        order = ("restate-heading", "renumber", "insert", "restate", "repeal", "delete")
        last: dict = {}
        for kind in order:
            for op in ops:
                if op.kind == kind and op not in later:
                    try:
                        inserted[id(op)] = self._unit_op(op, lang, law, targets[id(op)], last)
                    except o.OpError as exc:
                        self.add(exc.code, exc.message, op=op, hint=exc.hint)
        if later and not self._refused():
            self._insert_later(law, lang, later, targets, inserted, last)
        if self._refused():
            return {}
        changes = law.reindex()
        reasons: dict = {}
        for op in ops:
            if op.kind == "insert":
                dests = [el.get("eId") for el in inserted.get(id(op)) or []]
            elif op.kind == "restate" and not op.at:
                dests = [""]
            elif op.kind == "delete":
                dests = [op.at]
            elif op.kind == "restate":
                dests = [el.get("eId") for el in inserted.get(id(op)) or []] or [changes.get(op.at, op.at)]
            else:
                dests = [targets[id(op)].get("eId")]
            self._dest[id(op)] = dests
            for d in dests:
                reasons.setdefault(d, []).extend(op.reasons)
        return reasons

    def _insert_later(self, law: Law, lang: str, later, targets, inserted, last) -> None:
        """Inserts anchored on units that the bill's earlier inserts add, in the bill's order."""
        new_units = {id(el) for els in inserted.values() for el in els or ()}
        for op in later:
            law.reindex()
            el = law.index.get(op.at)
            if el is None or not (id(el) in new_units or any(id(a) in new_units for a in el.iterancestors())):
                self.add("CHECK.TARGET_MISSING", f"no unit {op.at} in {law.source}", op=op,
                         hint=law.nearby_hint(op.at) if el is None else f"{op.at} is the base's unit renumbered "
                         "by this bill: anchor inserts on the base's eIds")
                continue
            targets[id(op)] = el
            try:
                inserted[id(op)] = self._unit_op(op, lang, law, el, last)
                new_units.update(id(x) for x in inserted[id(op)])
            except o.OpError as exc:
                self.add(exc.code, exc.message, op=op, hint=exc.hint)

    def _overlaps(self, ops, targets) -> None:
        for i, a in enumerate(ops):
            for b in ops[i + 1:]:
                if a.kind not in DESTRUCTIVE and b.kind not in DESTRUCTIVE:
                    continue
                ta, tb = targets.get(id(a)), targets.get(id(b))
                if ta is None or tb is None:
                    continue
                # a destructive op takes its unit's whole content: nothing else may act inside it
                related = (a.kind in DESTRUCTIVE and (ta is tb or _contains(ta, tb))) or \
                    (b.kind in DESTRUCTIVE and (ta is tb or _contains(tb, ta)))
                side_insert = any(x.kind == "insert" and x.position != "at" and targets.get(id(x)) is t
                                  for x, t in ((a, tb), (b, ta)))
                if related and not side_insert:
                    self.add("CHECK.OVERLAP", f"{b.kind} of {b.at or 'the title'} overlaps {a.kind} of "
                             f"{a.at or 'the title'} (line {a.line})", op=b,
                             hint="one op per unit when it is restated, deleted or repealed")

    def _word_edit(self, op: Op, lang: str, el, edits: dict) -> None:
        try:
            if op.kind == "insert-words":
                after = op.texts("after").get(lang)
                words = after if after is not None else op.texts("before").get(lang)
                if words is None:
                    return
                spans = find_words(el, words, op.occurrence, "anchor words")
                new = o.insertion(op.new[lang], after is not None)
                items = [(s.end, s.end, new) if after is not None else (s.start, s.start, new) for s in spans]
            else:
                old = op.old.get(lang)
                if old is None:
                    return
                spans = find_words(el, old, op.occurrence, "words")
                new = op.new.get(lang, "") if op.kind == "replace-words" else ""
                if op.kind == "replace-words" and old == new:
                    raise o.OpError("CHECK.NO_CHANGE", "the old and the new words are the same")
                items = [(s.start, s.end, new) for s in spans]
        except o.OpError as exc:
            self.add(exc.code, exc.message, op=op, hint=exc.hint)
            return
        for s, (start, end, new) in zip(spans, items):
            edits.setdefault(id(s.p), (s.p, []))[1].append((start, end, new, op))

    def _fragment(self, text: str, lang: str, law: Law, context_el) -> list:
        from ..importer import parse_fragment

        ctx = "body" if context_el is law.body or not st.is_unit(context_el) else st.local(context_el.tag)
        if ctx == "point" and st.local(context_el.getparent().tag) == "point":
            ctx = "subpoint"
        return parse_fragment(text, lang, law.naming, context=ctx)

    def _unit_op(self, op: Op, lang: str, law: Law, el, last: dict):
        kind = op.kind
        if kind == "restate-heading":
            o.set_heading(el, op.heading[lang])
        elif kind == "renumber":
            # siblings renumbered by the same bill count with their new numbers (3→4 and 4→5 together)
            siblings = [c for c in el.getparent() if st.is_unit(c) and c.tag == el.tag and c is not el]
            taken = {self._renumbered.get(id(c)) or st.clean_number(st.num_text(c)) for c in siblings}
            if op.to in taken:
                raise o.OpError("CHECK.NUMBER_EXISTS", f"number {op.to} is already taken")
            o.renumber(el, op.to)
        elif kind == "repeal":
            if st.is_repealed(el):
                raise o.OpError("CHECK.ALREADY_REPEALED", "the unit is already repealed")
            o.repeal(el, o.repeal_note(el, lang, self.bill.date, self.bill.number))
        elif kind == "delete":
            o.delete(el)
        elif kind == "restate" and not op.at:
            p = el.find(f"{A}p")
            o.set_block_text(p, op.text[lang])
        elif kind == "restate":
            new = self._fragment(op.text[lang], lang, law, el.getparent())
            o.restate(el, new)
            # the new unit took the old one's place: it is the destination
            return new if len(new) == 1 and new[0].getparent() is not None and st.is_unit(new[0]) else None
        elif kind == "insert":
            parent = el if op.position == "at" else el.getparent()
            new = self._fragment(op.text[lang], lang, law, parent)
            if not new:
                raise o.OpError("CHECK.EMPTY_TEXT", "the text to insert is empty")
            self._check_numbers(el, op.position, new)
            return o.insert(el, op.position, new, last)
        return None

    @staticmethod
    def _check_numbers(anchor, position: str, new: list) -> None:
        if position == "at":
            siblings, before = list(anchor), list(anchor)
        else:
            siblings = list(anchor.getparent())
            i = siblings.index(anchor)
            before = siblings[: i + 1] if position == "after" else siblings[:i]
        for el in new:
            number = st.clean_number(st.num_text(el)) if st.num_text(el) else None
            if not number or not st.KINDS[st.local(el.tag)].numbered:
                continue
            same = [c for c in siblings if st.is_unit(c) and c.tag == el.tag]
            if number in {st.clean_number(st.num_text(c)) for c in same if st.num_text(c)}:
                raise o.OpError("CHECK.NUMBER_EXISTS", f"{st.local(el.tag)} {number} already exists",
                                "a new unit takes a free number: 5-1 after 5")
            prev = [c for c in before if st.is_unit(c) and c.tag == el.tag and st.num_text(c)]
            prev_number = st.clean_number(st.num_text(prev[-1])) if prev else None
            if not o.sequence_ok(prev_number, number):
                raise o.OpError("CHECK.NUMBER_SEQUENCE",
                                f"{st.local(el.tag)} {number} cannot follow {prev_number or 'the start'}",
                                f"after {prev_number} the next numbers are {prev_number}-1 or the following one"
                                if prev_number else "the first unit is 1")
            before = before + [el]

    # --- the new expression ------------------------------------------------------------------
    def _record(self, law: Law, ops, lang: str, reasons) -> None:
        bill, m = self.bill, law.meta
        date = bill.date
        uri = mt.frbr(law.date, law.number, lang, date).expression_uri()
        ident = m.find(f"{A}identification")
        expr, man = ident.find(f"{A}FRBRExpression"), ident.find(f"{A}FRBRManifestation")
        expr.find(f"{A}FRBRthis").set("value", uri + "/!main")
        expr.find(f"{A}FRBRuri").set("value", uri)
        expr.find(f"{A}FRBRdate").set("date", date)
        man.find(f"{A}FRBRthis").set("value", uri + "/!main.xml")
        man.find(f"{A}FRBRuri").set("value", uri + ".akn")
        man.find(f"{A}FRBRdate").set("date", date)
        src = law.source_info
        if src is not None:
            src.set("redaction", date)
        href = mt.work_uri(bill.date, bill.number) if bill.number else bill.uri
        show = bill.titles.get(lang) or bill.id
        life = m.find(f"{A}lifecycle")
        n = len(life.findall(f"{A}eventRef")) + 1
        ev = life.makeelement(A + "eventRef", {"eId": f"e_{n}", "date": date, "source": "#" + self.ref_id,
                                               "type": "amendment"})
        life.append(ev)
        refs = m.find(f"{A}references")
        pref = refs.makeelement(A + "passiveRef", {"eId": self.ref_id, "href": href, "showAs": show})
        prev = refs.findall(f"{A}passiveRef") or refs.findall(f"{A}original")
        (prev[-1].addnext(pref) if prev else refs.insert(0, pref))
        analysis = m.find(f"{A}analysis")
        if analysis is None:
            analysis = m.makeelement(A + "analysis", {"source": "#lawpatch"})
            anchor = m.find(f"{A}workflow") if m.find(f"{A}workflow") is not None else life
            anchor.addnext(analysis)
        mods = analysis.find(f"{A}passiveModifications")
        if mods is None:
            mods = analysis.makeelement(A + "passiveModifications", {})
            analysis.insert(0, mods)
        k = len(mods)
        for op in ops:
            for dest in self._dest.get(id(op), []):
                k += 1
                tm = mods.makeelement(A + "textualMod", {"eId": f"pmod_{k}", "type": MOD_TYPE[op.kind]})
                mods.append(tm)
                tm.append(tm.makeelement(A + "source", {"href": "#" + self.ref_id}))
                tm.append(tm.makeelement(A + "destination", {"href": "#" + dest if dest else "#"}))


def _looks_applied(law: Law, ops, lang: str) -> bool:
    """Whether the law already reads as the ops would make it (word ops, headings, repeals), with
    at least one op whose new text is there (an absent word alone proves nothing)."""
    ops = [op for op in ops if op.lang in (None, lang)]
    if not any(op.kind in ("replace-words", "insert-words", "restate-heading") for op in ops):
        return False
    for op in ops:
        if op.at not in law:
            return False
        el = law.get(op.at)
        text = st.own_text(el)
        if op.kind == "replace-words":
            new, old = op.new.get(lang), op.old.get(lang)
            if not new or new == old or new not in text or (old not in new and old in text):
                return False
        elif op.kind == "insert-words":
            new = op.new.get(lang, "").strip()
            if not new or new not in text:
                return False
        elif op.kind == "delete-words":
            if op.old.get(lang, "") in text:
                return False
        elif op.kind == "restate-heading":
            if st.heading_text(el) != op.heading.get(lang):
                return False
        elif op.kind == "repeal":
            if not st.is_repealed(el):
                return False
        else:
            return False
    return True


def _contains(outer, inner) -> bool:
    return any(a is outer for a in inner.iterancestors())


def _run(bill: Bill, root) -> _Run:
    r = _Run(bill, root)
    r.run()
    return r


def apply_bill(bill: Bill, root=".") -> list[AppliedLaw]:
    """The laws as the bill makes them (nothing written); raises :class:`PatchRefused`."""
    r = _run(bill, root)
    if any(f.severity == "error" for f in r.findings):
        raise PatchRefused(r.findings)
    return r.applied


def check_bill(bill: Bill, root=".") -> list[Finding]:
    """Every finding of the bill against the laws, errors and warnings, at once."""
    return _run(bill, root).findings


def write_applied(applied: list[AppliedLaw], root=None) -> None:
    """Write every changed law, all or nothing, also across a crash (the journal of
    :func:`lawpatch.storage.commit` in ``root``, by default the repository of the laws,
    ``<root>/laws/<slug>/<lang>.xml``); the caller holds :func:`lawpatch.storage.locked`."""
    from .. import storage

    if applied:
        storage.commit(root or Path(applied[0].path).parents[2], [(a.path, a.new.to_bytes()) for a in applied])
