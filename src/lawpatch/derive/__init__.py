"""``lawpatch derive``: the bill that turns a law of laws/ into the text a drafter edited.

The edited text (another AKN redaction, the plain text ``lawpatch text`` prints, or a DOCX written
by ``lawpatch render`` and edited in Word) is read into a law (:mod:`.inputs`); the two texts are
aligned unit by unit (:mod:`.plan`); replacements made alike everywhere become «по всему тексту»
(:mod:`.acts`); changed words become word operations or, where most of a unit changed, its
restatement (:mod:`.words`). Every op records the text it expects at its target.

The bill is then checked the way ``lawpatch check`` checks it and applied in memory, and the result
is compared with the edited text unit by unit (editorial notes aside): a unit that would not read
as edited is an error (``DERIVE.MISMATCH``), and nothing is written.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date as _date
from pathlib import Path

from ..errors import Finding, Refusal, UsageError
from ..law import Law
from ..patch import targets as tg
from ..patch.model import Bill, Kind, LawAmendment, Op, Reason, Scope, Target, Texts
from . import acts
from . import words as wd
from .plan import Item, Planner


@dataclass
class Derived:
    """A derived bill, what was found on the way, and what it holds."""

    bill: Bill
    findings: list[Finding] = field(default_factory=list)
    layout: int = 0                       # ops made only because blocks were split or joined
    # the law read from laws/ (applied in memory by the proof, when it ran) and the edited text
    laws: tuple = field(default=(), repr=False)

    @property
    def refused(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def counts(self) -> dict[str, int]:
        """Ops by kind («replace-words» …)."""
        return dict(Counter(op.kind.value for la in self.bill.laws for op in la.ops))

    def totals(self) -> tuple[int, int, int]:
        """(ops, word ops, restatements — of units and of headings)."""
        ops = [op for la in self.bill.laws for op in la.ops]
        return (len(ops), sum(op.kind.is_words for op in ops),
                sum(op.kind in (Kind.RESTATE, Kind.RESTATE_HEADING) for op in ops))


def derive(law: str | os.PathLike, edited: str | os.PathLike, output: str | os.PathLike, root=".",
           lang: str | None = None, bill_id: str | None = None, titles: dict | None = None,
           reasons: tuple[Reason, ...] = (), verify: bool = True, write: bool = True,
           force: bool = False) -> Derived:
    """The bill that makes the law at ``law`` (``laws/<slug>``) read as ``edited``, written to
    ``output`` (when ``write``) only if nothing was refused; an existing file is replaced only
    with ``force``. Raises :class:`UsageError` for unreadable inputs."""
    if write and Path(output).exists() and not force:
        raise UsageError(f"{output}: already exists (give --force to replace it)")
    from .inputs import read_edited

    root = Path(root)
    folder = Path(law)
    if not folder.is_dir() and (root / folder).is_dir():
        folder = root / folder
    href = _href(folder, root)
    langs = [x for x in ("rus", "kir") if (folder / f"{x}.xml").is_file()]
    if not langs:
        raise UsageError(f"{law}: no rus.xml or kir.xml here (give the law's folder, laws/<slug>)")
    lang = lang or langs[0]
    if lang not in langs:
        raise UsageError(f"{law}: no {lang}.xml here")
    old = Law.load(folder / f"{lang}.xml")
    new, findings, fmt, pins = read_edited(Path(edited), old, lang)
    # the act's title is amended from another AKN text of it; a plain text or a document prints
    # the title block in its own way (and a different name there is another act: refused)
    planner = Planner(old, new, lang, titles=fmt == "xml", pins=pins)
    _same_text(planner, old, new, Path(edited))
    plan = planner.run()
    ops = _ops(plan, old, lang, lang_attr=lang if len(langs) > 1 else None, reasons=reasons)
    findings += [f if f.file else replace(f, file=str(edited)) for f in plan.findings]
    if len(langs) > 1:
        other = next(x for x in langs if x != lang)
        findings.append(Finding("DERIVE.ONE_LANGUAGE", f"the ops change the {_lang_name(lang)} text only "
                                f"(lang=\"{lang}\"); {href}/{other}.xml stays as it is", severity="warning",
                                hint=f"add the {_lang_name(other)} texts to each op, or derive the "
                                     f"{_lang_name(other)} edit as well"))
    bill_id = bill_id or _id_from(Path(output))
    title = dict(titles or {})
    if not title.get(lang):
        title[lang] = _default_title(old, lang, len(ops))
    bill = Bill(id=bill_id, date=_bill_date(old, new), titles=Texts.of(title), path=str(output),
                laws=(LawAmendment(href, f"{lang}@{old.expression_date}", tuple(ops), 0),))
    result = Derived(bill, findings, layout=sum(1 for item in plan.items if item.layout), laws=(old, new))
    if not ops and not result.refused:
        findings.append(Finding("DERIVE.NO_CHANGE", f"{edited} reads as {href}/{lang}.xml: there is nothing to amend",
                                file=str(edited)))
    if result.layout:
        findings.append(Finding("DERIVE.LAYOUT", f"{result.layout} op(s) only split or join blocks of text "
                                "(the same words): check that the edited text's paragraphs are meant",
                                file=str(edited), severity="warning",
                                hint="`lawpatch diff` shows them as layout rows"))
    if not reasons and ops:
        lines = ", ".join(op.where() for op in ops[:8]) + (" …" if len(ops) > 8 else "")
        findings.append(Finding("DERIVE.NO_REASON", f"{len(ops)} op(s) have no reason: {lines}",
                                file=str(output), severity="warning",
                                hint="give --reason treaty:article, or add <reason> to each op"))
    result.findings += _reasons(reasons, root)
    if verify and ops and not result.refused:
        from .verify import verify_bill

        result.findings += verify_bill(bill, old, new)     # old is changed in place: used no more
    if write and ops and not result.refused:
        write_bill(result.bill, output)
    return result


def write_bill(bill: Bill, output: str | os.PathLike) -> None:
    """The bill's patch file, written whole or not at all."""
    from ..patch.write import bill_element
    from ..xmlio import atomic_write_bytes, to_bytes

    atomic_write_bytes(output, to_bytes(bill_element(bill)))


def _reasons(reasons: tuple, root: Path) -> list[Finding]:
    """The reasons given exist in the treaty registry (as ``check`` requires)."""
    if not reasons:
        return []
    from ..treaties import load_registry

    registry = load_registry(root)
    out = []
    for r in reasons:
        problem = registry.problem(r.treaty, r.article)
        if problem:
            out.append(Finding("CHECK.REASON", problem, hint=registry.hint(r.treaty)))
    return out


FOREIGN_SHARE = 0.2     # fewer of the law's articles than this found word for word: another text


def _same_text(planner: Planner, old: Law, new: Law, path: Path) -> None:
    """Refuse a text that is not this law edited: too few of its articles found word for word."""
    olds = list(old.articles())
    if len(olds) < 5:
        return
    # an article printed alike in both laws is found at once; the others by their keys
    ns, os_ = planner.ns, planner.os
    news = {ns.key(a) for a in new.articles() if not ns.printed_alike(a)}
    found = sum(os_.printed_alike(a) or os_.key(a) in news for a in olds)
    if found < FOREIGN_SHARE * len(olds):
        raise UsageError(f"{path}: not an edited text of «{old.title}»: {found} of its {len(olds)} articles "
                         "are found in it word for word (another act, or another redaction wholly rewritten?)")


# --- items → ops -------------------------------------------------------------------------------

def _ops(plan, old: Law, lang: str, lang_attr: str | None, reasons: tuple) -> list[Op]:
    """The ops of the plan in the order of the text, the act-wide replacements first."""
    jobs = [item.job for item in plan.items if item.job is not None]
    wide = acts.act_wide(jobs, old.body, plan.taken)
    out = [_op(Kind(e.kind), Target(scope=Scope.ACT), lang, lang_attr, reasons, old, edit=e) for e in wide]
    dropped: set = set()
    resolved: dict = {}
    for job in jobs:
        edits = wd.plan(job.current, job.new)
        if edits is None and job.restatement is not None:
            dropped.update(id(x) for x in job.covers)
        resolved[id(job)] = edits
    for item in plan.items:
        if id(item) in dropped:
            continue
        job = item.job
        if job is None:
            out.append(_unit_op(item, old, lang, lang_attr, reasons))
            continue
        edits = resolved[id(job)]
        if edits is None:
            if job.restatement is None:
                plan.findings.append(Finding("DERIVE.UNPLACED", f"{job.eid}: the change of its text can be "
                                             f"said neither in words nor by restating it: «{job.new[:200]}»",
                                             unit=job.eid))
                continue
            out.append(_unit_op(job.restatement, old, lang, lang_attr, reasons))
            continue
        target = Target(units=(job.eid,), part=job.part)
        out += [_op(e.kind, target, lang, lang_attr, reasons, old, edit=e) for e in edits]
    return out


def _unit_op(item: Item, old: Law, lang: str, lang_attr, reasons) -> Op:
    if item.kind is Kind.RESTATE and not item.eid:
        target = Target(scope=Scope.TITLE)
    else:
        target = Target(units=(item.eid,))
    fields = {}
    if item.kind in (Kind.RESTATE, Kind.INSERT):
        fields["text"] = Texts.of({lang: item.text})
    if item.kind is Kind.RESTATE_HEADING:
        fields["heading"] = Texts.of({lang: item.heading})
    if item.kind is Kind.INSERT:
        fields["position"] = item.position
    if item.kind is Kind.RENUMBER:
        fields["to"] = item.to
    return _op(item.kind, target, lang, lang_attr, reasons, old, **fields)


def _op(kind: Kind, target: Target, lang: str, lang_attr, reasons, old: Law, edit=None, **fields) -> Op:
    if edit is not None:
        if edit.old:
            fields["old"] = Texts.of({lang: edit.old})
        if edit.new and kind is not Kind.DELETE_WORDS:
            fields["new"] = Texts.of({lang: edit.new})
        if edit.anchor:
            fields["anchor"] = Texts.of({lang: edit.anchor})
            fields["position"] = edit.position
        if edit.occurrence is not None and not (target.scope is Scope.ACT) and not edit.case_forms:
            fields["occurrence"] = edit.occurrence
        if edit.case_forms:
            fields["case_forms"] = True
    expect = Texts()
    if target.scope is Scope.UNITS and not target.is_many:
        expect = Texts.of({lang: tg.anchor(old.get(target.unit))})
    try:      # no cite="…": the bill's text cites each unit as the instructions leave the law
        return Op(kind=kind, target=target, lang=lang_attr, reasons=tuple(reasons), expect=expect, **fields)
    except Refusal as exc:          # a derive bug: the op is not one a drafter could write
        raise AssertionError(f"derive built an invalid {kind} at {target}: {exc}") from exc


# --- the bill's envelope ---------------------------------------------------------------------------

def _href(folder: Path, root: Path) -> str:
    try:
        rel = folder.resolve().relative_to(root.resolve())
    except ValueError:
        raise UsageError(f"{folder}: not under the repository root {root} (give --root)") from None
    if rel.parent.name != "laws" or len(rel.parts) != 2:
        raise UsageError(f"{folder}: a law's folder is laws/<slug> under the repository root")
    return rel.as_posix()


def _id_from(output: Path) -> str:
    import re

    stem = re.sub(r"[^a-z0-9-]+", "-", output.stem.lower()).strip("-")
    return stem or "derived"


def _default_title(law: Law, lang: str, changes: int) -> str:
    from .. import vocabulary as voc
    from ..actnames import act_name

    return voc.amending_title(act_name(law.title, lang, "dat" if lang == "kir" else "acc"), lang, changes)


def _bill_date(old: Law, new: Law) -> str:
    """The new redaction's date when the edited text is a later one, else today (SOURCE_DATE_EPOCH)."""
    if new.expression_date and new.expression_date > (old.expression_date or ""):
        return new.expression_date
    from ..render.docxbase import epoch

    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    return epoch().date().isoformat() if stamp else _date.today().isoformat()


def _lang_name(lang: str) -> str:
    return "Kyrgyz" if lang == "kir" else "Russian"


__all__ = ["Derived", "derive", "write_bill"]
