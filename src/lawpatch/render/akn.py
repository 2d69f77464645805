"""A bill as an Akoma Ntoso 3.0 document (``lawpatch export-akn``), so that other AKN tools read it.

The body is the amending law as ``lawpatch bill`` words it: «Статья 1.» per amended act, its
instructions as points («1)», «а)») and indents («-»), each instruction a ``mod`` whose quoted words
are ``quotedText`` and whose new units are a ``quotedStructure`` (the units as the law will hold
them). ``meta/analysis/activeModifications`` has one ``textualMod`` per op — substitution,
insertion, repeal, renumbering — with its source (the ``mod``), its destination (the unit of the
amended act's expression, ``…/rus@2024-12-02/~art_112__para_1``) and, where the op has them, its
old and new words (references to the ``quotedText``/``quotedStructure``).

Built from the worded instructions (:func:`lawpatch.billtext.worded`): this module applies nothing.
"""
from __future__ import annotations

import re

from lxml import etree

from .. import structure as st
from ..billtext import _WORDING, _into, in_force_text, layout
from ..errors import Refusal
from ..patch import ops as pops
from ..patch.model import Kind, Position, Scope
from ..patch.record import MOD_TYPE
from ..xmlio import AKN_NS

A = "{%s}" % AKN_NS
_MARKER = re.compile(r"^(?:(\d+)\)|([а-я])\)|(-))\s")


def _sub(parent, tag: str, text: str | None = None, **attrs):
    el = etree.SubElement(parent, A + tag, {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def bill_document(bill, wording, applied: list, lang: str = "rus") -> etree._Element:
    """The ``<akomaNtoso>`` of ``bill`` in ``lang`` (``wording``: the instructions as the engine
    ran them; ``applied``: the laws it made, whose old texts are the destinations)."""
    root = etree.Element(A + "akomaNtoso", nsmap={None: AKN_NS})
    doc = _sub(root, "act" if bill.adoption else "bill", name="amendingAct" if bill.adoption else "amendingBill")
    meta = _meta(doc, bill, lang)
    mods = _sub(_sub(meta, "analysis", source="#lawpatch"), "activeModifications")
    refs = _references(meta)
    preface = _sub(doc, "preface")
    if bill.is_draft:
        _sub(preface, "p", _WORDING[lang]["draft"], **{"class": "draft"})
    _sub(_sub(preface, "longTitle"), "p", bill.titles.get(lang) or bill.id)
    body = _sub(doc, "body")
    olds = {str(a.path): a.old for a in applied if a.new.lang == lang}
    n = 0
    article_of: dict[str, int] = {}
    for la in bill.laws:
        words = wording.wordings.get((la.href, lang))
        old = next((law for path, law in olds.items() if path.endswith(f"{la.href}/{lang}.xml")), None)
        if words is None or not words.items or old is None:
            continue
        n += 1
        article_of[la.href] = n
        ref = _sub(refs, "activeRef", eId=f"act_{n}", href=old.expression_uri, showAs=old.title)
        lines = layout(words.items, lang)
        count = sum(1 for line in lines if not line.endswith(":"))
        article = _sub(body, "article", eId=f"art_{n}")
        _sub(article, "num", _WORDING[lang]["article"].format(n=n))
        _Instructions(article, words.items, lines, old, la, mods, ref.get("eId"), lang).build(_into(old, la, lang, count))
    n += 1
    article = _sub(body, "article", eId=f"art_{n}")
    _sub(article, "num", _WORDING[lang]["article"].format(n=n))
    content = _sub(article, "content")
    for line in in_force_text(bill, lang, article_of):
        _sub(content, "p", line)
    _sub(_sub(doc, "conclusions"), "p", _WORDING[lang]["sign"])
    if not len(mods):
        mods.getparent().remove(mods)
        meta.remove(meta.find(A + "analysis"))
    return root


class _Instructions:
    """The instructions of one amended act, as nested points, each instruction a ``mod``."""

    def __init__(self, article, items, lines, old, la, mods, ref_id: str, lang: str):
        self.article, self.items, self.lines = article, list(items), lines
        self.old, self.la, self.mods, self.ref_id, self.lang = old, la, mods, ref_id, lang

    def build(self, into: str) -> None:
        """«Внести в … следующие изменения:», then the instructions."""
        if len(self.lines) == 1 and not _MARKER.match(self.lines[0]):   # a single instruction, unnumbered
            content = _sub(self.article, "content")
            _sub(content, "p", into)
            self.instruction(_sub(content, "p"), self.lines[0], self.items.pop(0), self.article.get("eId") + "__mod_1")
            return
        _sub(_sub(self.article, "intro"), "p", into)
        stack = [(0, self.article)]
        for line in self.lines:
            m = _MARKER.match(line)
            level = 1 if m.group(1) else 2 if m.group(2) else 3
            while stack[-1][0] >= level:
                stack.pop()
            parent = stack[-1][1]
            tag = "indent" if level == 3 else "point"
            number = m.group(1) or m.group(2)
            count = len([c for c in parent if c.tag == A + tag]) + 1
            eid = f"{parent.get('eId')}__{'indent' if level == 3 else 'point'}_{number or count}"
            unit = _sub(parent, tag, eId=eid)
            _sub(unit, "num", m.group(0).strip())
            text = line[m.end():]
            if text.endswith(":"):
                _sub(_sub(unit, "intro"), "p", text)
                stack.append((level, unit))
                continue
            self.instruction(_sub(_sub(unit, "content"), "p"), text, self.items.pop(0), eid + "__mod_1")

    def instruction(self, p, text: str, item, eid: str) -> None:
        """``p`` holds the instruction's ``mod``: words, ``quotedText`` and ``quotedStructure``."""
        from ..billread.wording import skeleton

        end = text[-1] if text[-1:] in ";." else ""
        text = text[:-1] if end else text
        head, _, block = text.partition("\n")
        mod = _sub(p, "mod", eId=eid)
        mod.tail = end
        skel, quoted = skeleton(head)
        pieces = re.split(r"\u27e6(\d+)\u27e7", skel)
        mod.text = pieces[0]
        quoted_ids: dict[str, str] = {}
        for k in range(1, len(pieces), 2):
            q = _sub(mod, "quotedText", quoted[int(pieces[k])], eId=f"{eid}__qtext_{(k + 1) // 2}",
                     startQuote="«", endQuote="»")
            q.tail = pieces[k + 1]
            quoted_ids.setdefault(q.text, q.get("eId"))
        structure = None
        if block:                  # «… следующего содержания:» then the new units (a heading: its words)
            if len(mod):
                mod[-1].tail = (mod[-1].tail or "") + " "
            else:
                mod.text = (mod.text or "") + " "
            new = re.sub(r"^«|»$", "", block.strip())
            first = item.ops[0]
            if first.kind is Kind.RESTATE_HEADING or first.target.scope is Scope.TITLE:
                q = _sub(mod, "quotedText", new, eId=f"{eid}__qtext_{len(quoted) + 1}", startQuote="«", endQuote="»")
                structure = q
            else:
                structure = self.structure(mod, new, first, f"{eid}__qstr_1")
        for op in item.ops:
            self.textual_mod(op, eid, quoted_ids, structure)

    def structure(self, mod, text: str, op, eid: str):
        """The new units as the law will hold them (the fragment parser's reading of the text)."""
        qs = _sub(mod, "quotedStructure", eId=eid, startQuote="«", endQuote="»")
        try:
            units = pops.fragment(text, self.lang, self.old, self.context(op))
        except Refusal:          # the engine read this text already, so it reads here too
            units = []
        if not units:
            _sub(qs, "p", text)
            return qs
        box = etree.Element(A + "hcontainer")
        for u in units:
            box.append(u)
        st.assign_eids(box)
        for el in box.iter():
            if el.get("eId"):
                el.set("eId", f"{eid}__{el.get('eId')}")
        for u in list(box):
            qs.append(u)
        return qs

    def context(self, op):
        """Where the op's new text goes in the old law (the parent of a restated unit, the unit an
        insert adds to)."""
        el = self.old.index.get(op.target.unit)
        if el is None:
            return self.old.body
        if op.kind is Kind.INSERT and op.position is Position.END:
            return el
        return el.getparent()

    def textual_mod(self, op, eid: str, quoted: dict, structure) -> None:
        k = len(self.mods) + 1
        tm = _sub(self.mods, "textualMod", eId=f"amod_{k}", type=MOD_TYPE[op.kind])
        _sub(tm, "source", href=f"#{eid}")
        base = self.old.expression_uri
        t = op.target
        if t.scope is Scope.ACT:
            dests = [base]
        elif t.scope is Scope.TITLE:
            dests = [f"{base}/~longTitle"]
        else:
            dests = [f"{base}/~{u}" for u in t.units] + ([f"{base}/~{t.through}"] if t.through else [])
        for d in dests:
            pos = None
            if op.kind is Kind.INSERT:
                pos = {Position.AFTER: "after", Position.BEFORE: "before", Position.END: "end"}[op.position]
            _sub(tm, "destination", href=d, pos=pos)
        lang = self.lang
        old = op.old.get(lang) or ""
        new = op.new.get(lang) or ""
        if old and old in quoted:
            _sub(tm, "old", href="#" + quoted[old])
        if new and new.strip() in quoted:
            _sub(tm, "new", href="#" + quoted[new.strip()])
        elif structure is not None and op.kind in (Kind.RESTATE, Kind.INSERT, Kind.RESTATE_HEADING):
            _sub(tm, "new", href="#" + structure.get("eId"))
        elif op.kind in (Kind.RESTATE, Kind.RESTATE_HEADING):
            text = (op.text or op.heading).get(lang, "").strip()
            if text in quoted:
                _sub(tm, "new", href="#" + quoted[text])


def _meta(doc, bill, lang: str):
    """FRBR identification of the bill (``/akn/kg/bill/<id>``; an adopted law's own URI)."""
    from .. import meta as mt

    meta = _sub(doc, "meta")
    if bill.adoption:
        work = mt.work_uri(bill.adoption.date, bill.adoption.number)
        date = bill.adoption.date
    else:
        work, date = f"/akn/kg/bill/{bill.date}/{bill.id}", bill.date
    expr = f"{work}/{lang}@{bill.date}"
    ident = _sub(meta, "identification", source="#lawpatch")
    w = _sub(ident, "FRBRWork")
    _sub(w, "FRBRthis", value=work + "/!main")
    _sub(w, "FRBRuri", value=work)
    _sub(w, "FRBRdate", date=date, name="Generation")
    _sub(w, "FRBRauthor", href="#jogorku-kenesh")
    _sub(w, "FRBRcountry", value="kg")
    if bill.adoption:
        _sub(w, "FRBRnumber", value=bill.adoption.number)
    _sub(w, "FRBRname", value=bill.titles.get(lang) or bill.id)
    e = _sub(ident, "FRBRExpression")
    _sub(e, "FRBRthis", value=expr + "/!main")
    _sub(e, "FRBRuri", value=expr)
    _sub(e, "FRBRdate", date=bill.date, name="Generation")
    _sub(e, "FRBRauthor", href="#jogorku-kenesh")
    _sub(e, "FRBRlanguage", language=lang)
    m = _sub(ident, "FRBRManifestation")
    _sub(m, "FRBRthis", value=expr + "/!main.xml")
    _sub(m, "FRBRuri", value=expr + ".akn")
    _sub(m, "FRBRdate", date=bill.date, name="Generation")
    _sub(m, "FRBRauthor", href="#lawpatch")
    return meta


def _references(meta):
    refs = _sub(meta, "references", source="#lawpatch")
    _sub(refs, "TLCOrganization", eId="jogorku-kenesh", href="/ontology/organization/kg/jogorku-kenesh",
         showAs="Жогорку Кенеш Кыргызской Республики")
    _sub(refs, "TLCOrganization", eId="lawpatch", href="/ontology/organization/lawpatch", showAs="lawpatch")
    return refs
