"""Writing the bill model back as a patch file: the one place that makes patch XML (``new``,
``amend``, ``derive`` and ``parse-bill`` all write through it)."""
from __future__ import annotations

from lxml import etree

from ..xmlio import PATCH_NS
from .model import ALL, Bill, Kind, LawAmendment, Op, Part, Position, Scope, Texts

P = "{%s}" % PATCH_NS


def _texts(parent, tag: str, texts: Texts) -> None:
    for lang in ("rus", "kir"):
        if lang in texts:
            etree.SubElement(parent, P + tag, lang=lang).text = texts[lang]


def op_element(op: Op) -> etree._Element:
    """The patch element of one op (attributes and children in the schema's order)."""
    el = etree.Element(P + op.kind.value, nsmap={None: PATCH_NS})
    t = op.target
    if op.kind is Kind.INSERT:
        el.set({Position.AFTER: "after", Position.BEFORE: "before", Position.END: "at"}[op.position], t.unit)
    elif t.units:
        el.set("at", " ".join(t.units))
    if t.through:
        el.set("through", t.through)
    if t.scope is Scope.ACT or (t.scope is Scope.TITLE and op.kind is not Kind.RESTATE):
        el.set("scope", t.scope.value)
    if t.part is Part.HEADING:
        el.set("part", "heading")
    elif t.part is Part.SENTENCE:
        el.set("sentence", str(t.sentence))
    if op.cite:
        el.set("cite", op.cite)
    if op.lang:
        el.set("lang", op.lang)
    if op.occurrence is not None:
        el.set("occurrence", ALL if op.occurrence == ALL else str(op.occurrence))
    if op.case_forms:
        el.set("forms", "cases")
    if op.to:
        el.set("to", op.to)
    if op.kind is Kind.INSERT_WORDS:
        _texts(el, "after" if op.position is Position.AFTER else "before", op.anchor)
    for name in ("old", "new", "text", "heading"):
        _texts(el, name, getattr(op, name))
    for lang, old, new in op.forms:
        etree.SubElement(el, P + "form", lang=lang, old=old, new=new)
    _texts(el, "expect", op.expect)
    for r in op.reasons:
        etree.SubElement(el, P + "reason", treaty=r.treaty, article=r.article)
    if op.note:
        etree.SubElement(el, P + "note", lang="rus").text = op.note
    return el


def law_element(la: LawAmendment) -> etree._Element:
    el = etree.Element(P + "law", nsmap={None: PATCH_NS}, href=la.href, base=la.base)
    if la.publication:
        el.set("publication", la.publication)
    for op in la.ops:
        el.append(op_element(op))
    return el


def bill_element(bill: Bill) -> etree._Element:
    """The whole patch file of a bill."""
    root = etree.Element(P + "amendment", nsmap={None: PATCH_NS})
    root.set("id", bill.id)
    root.set("date", bill.date)
    _texts(root, "title", bill.titles)
    _texts(root, "note", bill.notes)
    if bill.adoption is not None:
        adopted = etree.SubElement(root, P + "adopted", date=bill.adoption.date, number=bill.adoption.number)
        if bill.adoption.publication:
            adopted.set("publication", bill.adoption.publication)
    f = bill.in_force
    if f.days != 10 or f.date or f.deferred:
        force = etree.SubElement(root, P + "in-force")
        if f.date:
            force.set("date", f.date)
        else:
            force.set("days", str(f.days))
        for href, date in f.deferred:
            etree.SubElement(force, P + "deferred", href=href, date=date)
    for la in bill.laws:
        root.append(law_element(la))
    return root
