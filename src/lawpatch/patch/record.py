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
    n = _next_number(life.findall(f"{A}eventRef"), "e_")
    life.append(life.makeelement(A + "eventRef", {"eId": f"e_{n}", "date": bill.date, "source": "#" + ref_id(bill),
                                                  "type": "amendment"}))
    refs = m.find(f"{A}references")
    pref = refs.makeelement(A + "passiveRef", {"eId": ref_id(bill), "href": href,
                                               "showAs": bill.titles.get(lang) or bill.id})
    prev = refs.findall(f"{A}passiveRef") or refs.findall(f"{A}original")
    (prev[-1].addnext(pref) if prev else refs.insert(0, pref))


def _next_number(elements, prefix: str) -> int:
    """The number after the highest ``prefix``N eId among ``elements`` (a gap left by hand stays a gap)."""
    numbers = [int(el.get("eId")[len(prefix):]) for el in elements
               if (el.get("eId") or "").startswith(prefix) and el.get("eId")[len(prefix):].isdigit()]
    return max(numbers, default=0) + 1


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
    k = _next_number(mods, "pmod_") - 1
    for op in ops:
        for dest in dests.get(op, []):
            k += 1
            tm = mods.makeelement(A + "textualMod", {"eId": f"pmod_{k}", "type": MOD_TYPE[op.kind]})
            mods.append(tm)
            tm.append(tm.makeelement(A + "source", {"href": "#" + ref_id(bill)}))
            tm.append(tm.makeelement(A + "destination", {"href": "#" + dest if dest else "#"}))


# --- the database's notes -----------------------------------------------------------------------

def _notes(law, bill: Bill, lang: str, ops: list[Op], dests: dict[Op, list[str]]) -> None:
    """«(В редакции Закона КР от … № …)» at the end of each article the bill changed, merged into the
    note the article already ends with — as the database prints it (a unit outside an article gets
    its own); a repealed unit has its own note, a deleted one is gone. Once adopted, the law is added
    to the title block's list."""
    holders: list = []
    changed: set = set()
    for op in ops:
        if op.kind in (Kind.DELETE, Kind.REPEAL) or op.target.scope is Scope.TITLE:
            continue
        for eid in dests.get(op, []):
            el = law.index.get(eid) if eid else None
            if el is None or st.is_repealed(el):
                continue
            changed.add(el)
            article = next((a for a in [el, *el.iterancestors()] if st.local(a.tag) == "article"), el)
            if article not in holders:
                holders.append(article)
    for unit in holders:
        _note_at_end(unit, bill, lang, changed)
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


def _note_at_end(unit, bill: Bill, lang: str, changed: set) -> None:
    """The note that ends ``unit``: the redaction note it ended with before the bill (only text the
    bill changed or added may follow it), moved to the end with this law added; else a new one after
    the unit's last text (in the last block of text, as the database prints it)."""
    paragraphs = list(unit.iter(A + "p"))
    last = paragraphs[-1] if paragraphs else None
    mine = _note_text(None, bill, lang)
    trailing = _trailing_note(paragraphs, bill, mine, changed)
    if trailing is not None:
        text = _note_text(st.block_text(trailing), bill, lang)
        for child in list(trailing):
            trailing.remove(child)
        trailing.text = text
        if trailing is not last and last.getparent() is not None:
            trailing.getparent().remove(trailing)
            last.addnext(trailing)
        return
    holder = None
    if last is not None and last.getparent() is not None and st.local(last.getparent().tag) in ("content", "wrapUp"):
        holder = last.getparent()
    if holder is None:
        holder = unit.makeelement(A + "wrapUp", {})
        unit.append(holder)
    note = holder.makeelement(A + "p", {"class": st.EDITORIAL})
    note.text = mine if bill.adoption is None else voc.redaction_note([_acts(bill)], lang)
    holder.append(note)


def _trailing_note(paragraphs: list, bill: Bill, mine: str, changed: set):
    """The unit's redaction note followed by nothing but notes and text the bill changed."""
    for p in reversed(paragraphs):
        if st.is_editorial(p):
            text = st.block_text(p)
            if voc.is_redaction_note(text) if bill.adoption else text == mine:
                return p
            continue
        owner = next((a for a in p.iterancestors() if st.is_unit(a)), None)
        if owner is None or not (owner in changed or any(a in changed for a in owner.iterancestors())):
            return None
    return None


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
