"""The new expression a bill makes: FRBR dates and URIs, the lifecycle event, the passive
modifications, and the database's notes — «(В редакции Закона КР от … № …)» under each changed unit
and in the title block's list of amending acts once the bill is adopted; a draft's notes name the
draft."""
from __future__ import annotations

from .. import meta as mt
from .. import structure as st
from .. import vocabulary as voc
from ..dates import find_dates
from .model import Bill, Kind, Op, Scope

A = st.A
MOD_TYPE = {Kind.REPLACE_WORDS: "substitution", Kind.INSERT_WORDS: "insertion", Kind.DELETE_WORDS: "repeal",
            Kind.RESTATE: "substitution", Kind.RESTATE_HEADING: "substitution", Kind.INSERT: "insertion",
            Kind.DELETE: "repeal", Kind.REPEAL: "repeal", Kind.RENUMBER: "renumbering"}


def ref_id(bill: Bill) -> str:
    return f"bill-{bill.id}"


def record_expression(law, bill: Bill, lang: str, ops: list[Op], dests: dict[Op, list[str]]) -> None:
    """Make ``law`` the expression the bill creates; ``dests[op]`` are the eIds each op changed."""
    _identification(law, bill, lang)
    _lifecycle(law, bill, lang)
    _modifications(law, bill, ops, dests)
    _notes(law, bill, lang, ops, dests)


def _identification(law, bill: Bill, lang: str) -> None:
    date = bill.date
    uri = mt.frbr(law.date, law.number, lang, date).expression_uri()
    ident = law.meta.find(f"{A}identification")
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


def _lifecycle(law, bill: Bill, lang: str) -> None:
    m = law.meta
    adoption = bill.adoption
    href = mt.work_uri(adoption.date, adoption.number) if adoption else bill.uri
    life = m.find(f"{A}lifecycle")
    n = len(life.findall(f"{A}eventRef")) + 1
    life.append(life.makeelement(A + "eventRef", {"eId": f"e_{n}", "date": bill.date, "source": "#" + ref_id(bill),
                                                  "type": "amendment"}))
    refs = m.find(f"{A}references")
    pref = refs.makeelement(A + "passiveRef", {"eId": ref_id(bill), "href": href,
                                               "showAs": bill.titles.get(lang) or bill.id})
    prev = refs.findall(f"{A}passiveRef") or refs.findall(f"{A}original")
    (prev[-1].addnext(pref) if prev else refs.insert(0, pref))


def _modifications(law, bill: Bill, ops: list[Op], dests: dict[Op, list[str]]) -> None:
    m = law.meta
    analysis = m.find(f"{A}analysis")
    if analysis is None:
        analysis = m.makeelement(A + "analysis", {"source": "#lawpatch"})
        anchor = m.find(f"{A}workflow") if m.find(f"{A}workflow") is not None else m.find(f"{A}lifecycle")
        anchor.addnext(analysis)
    mods = analysis.find(f"{A}passiveModifications")
    if mods is None:
        mods = analysis.makeelement(A + "passiveModifications", {})
        analysis.insert(0, mods)
    k = len(mods)
    for op in ops:
        for dest in dests.get(op, []):
            k += 1
            tm = mods.makeelement(A + "textualMod", {"eId": f"pmod_{k}", "type": MOD_TYPE[op.kind]})
            mods.append(tm)
            tm.append(tm.makeelement(A + "source", {"href": "#" + ref_id(bill)}))
            tm.append(tm.makeelement(A + "destination", {"href": "#" + dest if dest else "#"}))


# --- the database's notes -----------------------------------------------------------------------

def _notes(law, bill: Bill, lang: str, ops: list[Op], dests: dict[Op, list[str]]) -> None:
    """«(В редакции Закона КР от … № …)» under each unit the bill changed (a repealed unit has its
    own note, a deleted one is gone), merged into the note already there; once adopted, the law is
    added to the title block's list."""
    changed: list[str] = []
    for op in ops:
        if op.kind in (Kind.DELETE, Kind.REPEAL) or op.target.scope is Scope.TITLE:
            continue
        changed += [d for d in dests.get(op, []) if d and d not in changed]
    for eid in changed:
        el = law.index.get(eid)
        if el is not None and not st.is_repealed(el):
            _note_under(el, bill, lang)
    if bill.adoption is not None:
        _title_block(law, bill, lang)


def _acts(bill: Bill) -> tuple[str, str] | None:
    return (bill.adoption.date, bill.adoption.number) if bill.adoption else None


def _note_text(existing: str | None, bill: Bill, lang: str) -> str:
    act = _acts(bill)
    if act is None:
        return voc.draft_note(bill.titles.get(lang) or bill.id, lang)
    acts = [(d, n) for d, n, _ in find_dates(existing)] if existing else []
    if act not in acts:
        acts.append(act)
    return voc.redaction_note(acts, lang)


def _note_under(el, bill: Bill, lang: str) -> None:
    """The unit's own redaction note: in its content after its text (a leaf), else in a wrapUp."""
    holder = el.find(A + "content")
    if holder is None:
        holder = el.find(A + "wrapUp")
        if holder is None:
            holder = el.makeelement(A + "wrapUp", {})
            el.append(holder)
    notes = [p for p in holder.findall(A + "p") if st.is_editorial(p)]
    if bill.adoption is None:
        existing = next((p for p in notes if st.block_text(p) == _note_text(None, bill, lang)), None)
    else:
        existing = next((p for p in notes if voc.is_redaction_note(st.block_text(p))), None)
    text = _note_text(st.block_text(existing) if existing is not None else None, bill, lang)
    if existing is None:
        existing = holder.makeelement(A + "p", {"class": st.EDITORIAL})
        holder.append(existing)
    else:
        for child in list(existing):
            existing.remove(child)
    existing.text = text


def _title_block(law, bill: Bill, lang: str) -> None:
    preface = law.act.find(A + "preface")
    if preface is None:
        return
    note = next((p for p in preface.findall(A + "p") if st.is_editorial(p) and voc.is_redaction_note(st.block_text(p))),
                None)
    text = _note_text(st.block_text(note) if note is not None else None, bill, lang)
    if note is None:
        note = preface.makeelement(A + "p", {"class": st.EDITORIAL})
        preface.append(note)
    note.text = text
