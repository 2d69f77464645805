"""Reading a patch file: safe parse, schema check with line numbers, then the model (ops built
valid, or a finding with the op's line)."""
from __future__ import annotations

import datetime
import os
import re

from ..dates import LAST_YEAR
from ..errors import Finding, FindingsError, Refusal
from ..schemas import schema_findings
from ..xmlio import PATCH_NS, XmlError, parse
from .model import (ALL, Adoption, Bill, InForce, Kind, LawAmendment, Op, Part, Position, Reason, Scope,
                    Target, Texts)

P = "{%s}" % PATCH_NS
OP_TAGS = {P + k.value: k for k in Kind}


class PatchError(FindingsError):
    """A patch file that cannot be read: malformed XML, schema errors, invalid ops (all of them)."""

    exit_code = 1

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self.findings)


def _texts(el, tag: str) -> Texts:
    return Texts.of({c.get("lang"): c.text for c in el.findall(P + tag)})


def _target(el, kind: Kind) -> Target:
    at = (el.get("at") or "").split()
    if kind is Kind.INSERT:
        at = [el.get("after") or el.get("before") or (at[0] if at else "")]
    scope = {"act": Scope.ACT, "title": Scope.TITLE}.get(el.get("scope") or "", Scope.UNITS)
    if kind is Kind.RESTATE and not at and scope is Scope.UNITS:
        scope = Scope.TITLE          # a restate without a unit restates the act's title
    sentence = el.get("sentence")
    part = Part.SENTENCE if sentence else (Part.HEADING if el.get("part") == "heading" else Part.TEXT)
    return Target(units=tuple(a for a in at if a), through=el.get("through"), scope=scope, part=part,
                  sentence=int(sentence) if sentence else None)


def build_op(el) -> Op:
    """The op an element of a patch file describes; raises :class:`Refusal`."""
    kind = OP_TAGS[el.tag]
    position = None
    anchor = Texts()
    if kind is Kind.INSERT:
        position = Position.AFTER if el.get("after") else Position.BEFORE if el.get("before") else Position.END
    elif kind is Kind.INSERT_WORDS:
        after, before = _texts(el, "after"), _texts(el, "before")
        if after and before:
            raise Refusal("PATCH.POSITION", "insert-words takes <after> or <before> words, not both",
                            "one anchor per op")
        position = Position.AFTER if after else Position.BEFORE if before else None
        anchor = after or before
    occurrence = el.get("occurrence")
    notes = [n.text for n in el.findall(P + "note")]
    return Op(kind=kind, target=_target(el, kind), line=el.sourceline or 0, cite=el.get("cite"),
              lang=el.get("lang"),
              reasons=tuple(Reason(r.get("treaty"), r.get("article")) for r in el.findall(P + "reason")),
              note="\n".join(notes) if notes else None,
              old=_texts(el, "old"), new=_texts(el, "new"), anchor=anchor, text=_texts(el, "text"),
              heading=_texts(el, "heading"), position=position,
              occurrence=(ALL if occurrence == ALL else int(occurrence)) if occurrence else None,
              case_forms=el.get("forms") == "cases",
              forms=tuple((f.get("lang"), f.get("old"), f.get("new")) for f in el.findall(P + "form")),
              to=el.get("to"), expect=_texts(el, "expect"))


def _duplicates(root, path: str) -> list[Finding]:
    """Two texts of one field in one language: which one was meant is unknowable."""
    out = []
    for op in root.iterfind(f"{P}law/*"):
        seen = set()
        for child in op:
            if not isinstance(child.tag, str) or not child.get("lang") or child.tag == P + "form":
                continue
            key = (child.tag, child.get("lang"))
            if key in seen:
                out.append(Finding("PATCH.DUPLICATE_TEXT", f"a second <{child.tag[len(P):]} lang=\"{key[1]}\">",
                                   file=path, line=child.sourceline, op=op.tag[len(P):], unit=op.get("at") or "",
                                   hint="one text per field and language"))
            seen.add(key)
    return out


def _in_force(root) -> InForce:
    el = root.find(P + "in-force")
    if el is None:
        return InForce()
    deferred = tuple((d.get("href"), d.get("date")) for d in el.findall(P + "deferred"))
    days = el.get("days")
    return InForce(days=int(days) if days is not None else None if el.get("date") else 0,
                   date=el.get("date"), deferred=deferred)


def _adoption(root) -> Adoption | None:
    el = root.find(P + "adopted")
    if el is not None:
        return Adoption(el.get("date"), el.get("number"), el.get("publication") or "")
    if root.get("number"):   # bills written before <adopted>: the number alone
        return Adoption(root.get("date"), root.get("number"))
    return None


def date_problem(value: str) -> str:
    """Why ``value`` cannot be a bill's date ('' when it can): the date of the law's new expression
    and of the documents made for the bill, which a DOCX (a zip) records up to its last year.

    >>> date_problem("2026-11-20")
    ''
    >>> date_problem("2150-01-01")
    'the year must be between 1900 and 2107'
    """
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value or ""):
        return "write the date as YYYY-MM-DD, without a time zone"
    try:
        year = datetime.date.fromisoformat(value).year
    except ValueError:
        return "no such day"
    if not 1900 <= year <= LAST_YEAR:
        return f"the year must be between 1900 and {LAST_YEAR}"
    return ""


def _date(root, path: str) -> list[Finding]:
    problem = date_problem(root.get("date"))
    return [Finding("PATCH.DATE", f"date «{root.get('date')}»: {problem}", file=path, line=root.sourceline,
                    hint="the bill's date becomes the date of the law's new expression")] if problem else []


def load_bill(path: str | os.PathLike) -> Bill:
    """The bill in ``path``; raises :class:`PatchError` with every schema error and invalid op."""
    path = str(path)
    try:
        tree = parse(path)
    except XmlError as exc:
        raise PatchError([exc.finding("PATCH.XML")]) from exc
    root = tree.getroot()
    if root.tag != P + "amendment":
        raise PatchError([Finding("PATCH.ROOT", f"the root element is not <amendment xmlns=\"{PATCH_NS}\">",
                                  file=path, line=root.sourceline)])
    errors = schema_findings(tree, path, "amendment.xsd", "PATCH.SCHEMA") or _duplicates(root, path) + _date(root, path)
    if errors:
        raise PatchError(errors)
    laws = []
    for law in root.findall(P + "law"):
        ops = []
        for el in law:
            if el.tag not in OP_TAGS:
                continue
            try:
                ops.append(build_op(el))
            except Refusal as exc:
                errors.append(Finding(exc.code, exc.message, file=path, line=el.sourceline, op=el.tag[len(P):],
                                      unit=el.get("at") or el.get("after") or el.get("before") or "", hint=exc.hint))
        laws.append(LawAmendment(law.get("href"), law.get("base"), tuple(ops), law.sourceline,
                                 law.get("publication") or ""))
    try:
        in_force = _in_force(root)
    except Refusal as exc:
        errors.append(Finding(exc.code, exc.message, file=path, line=root.find(P + "in-force").sourceline))
        in_force = InForce()
    if errors:
        raise PatchError(errors)
    return Bill(id=root.get("id"), date=root.get("date"), titles=_texts(root, "title"), path=path,
                laws=tuple(laws), notes=_texts(root, "note"), in_force=in_force, adoption=_adoption(root))
