"""Reading a patch file: safe parse, schema check with line numbers, the model."""
from __future__ import annotations

import datetime
import functools
import os
import re

from ..errors import Finding, FindingsError
from ..resources import project_file
from ..xmlio import PATCH_NS, XmlError, parse
from .model import OP_KINDS, Bill, LawAmendment, Op, Reason

P = "{%s}" % PATCH_NS


class PatchError(FindingsError):
    """A patch file that cannot be read: malformed XML or schema errors (all of them)."""

    exit_code = 1

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self.findings)


@functools.lru_cache(maxsize=None)
def schema(name: str = "amendment.xsd"):
    """The compiled schema (lxml's libxml2 validator: milliseconds to build, errors with lines)."""
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(project_file("schemas", name))))


def schema_findings(tree, path: str, name: str = "amendment.xsd", code: str = "PATCH.SCHEMA") -> list[Finding]:
    """Every schema error of ``tree``, each with its line."""
    validator = schema(name)
    if validator.validate(tree):
        return []
    return [Finding(code, f"not valid against {name}: {_plain(err.message)}", file=path, line=err.line or None,
                    hint=f"see schemas/{name}")
            for err in validator.error_log]


def _plain(message: str) -> str:
    """libxml2 names elements with their namespace; the drafter knows them without it."""
    return message.replace("{%s}" % PATCH_NS, "").replace("{urn:lawpatch:treaty:1}", "")


def _texts(el, tag: str) -> dict:
    return {c.get("lang"): c.text for c in el.findall(P + tag)}


def _op(el) -> Op:
    kind = el.tag[len(P):]
    at, position, after, before = el.get("at"), None, None, None
    if kind == "insert":
        for pos in ("after", "before"):
            if el.get(pos):
                at, position = el.get(pos), pos
        position = position or "at"
        after, before = el.get("after"), el.get("before")
    elif kind == "insert-words":
        after, before = _texts(el, "after") or None, _texts(el, "before") or None
    notes = [n.text for n in el.findall(P + "note")]
    occurrence = el.get("occurrence")
    return Op(kind=kind, line=el.sourceline, at=at or "", cite=el.get("cite"), lang=el.get("lang"),
              reasons=tuple(Reason(r.get("treaty"), r.get("article")) for r in el.findall(P + "reason")),
              old=_texts(el, "old"), new=_texts(el, "new"), text=_texts(el, "text"),
              heading=_texts(el, "heading"), after=after, before=before, position=position,
              occurrence=(occurrence if occurrence == "all" else int(occurrence)) if occurrence else None, to=el.get("to"),
              note="\n".join(notes) if notes else None)


def _duplicates(root, path: str) -> list[Finding]:
    """Two texts of one field in one language: which one was meant is unknowable."""
    out = []
    for op in root.iterfind(f"{P}law/*"):
        seen = set()
        for child in op:
            if not isinstance(child.tag, str) or not child.get("lang"):
                continue
            key = (child.tag, child.get("lang"))
            if key in seen:
                out.append(Finding("PATCH.DUPLICATE_TEXT", f"a second <{child.tag[len(P):]} lang=\"{key[1]}\">",
                                   file=path, line=child.sourceline, op=op.tag[len(P):], unit=op.get("at") or "",
                                   hint="one text per field and language"))
            seen.add(key)
    return out


# the years a bill may bear: its date becomes the new expression's (FRBR URIs, the documents'
# timestamps, which the DOCX zip format keeps only up to 2107)
YEARS = (1900, 2099)
MAX_OCCURRENCE_DIGITS = 6


def date_problem(value: str) -> str:
    """Why ``value`` cannot be a bill's date ('' when it can).

    >>> date_problem("2026-11-20")
    ''
    >>> date_problem("2026-11-20+05:00")
    'write the date as YYYY-MM-DD, without a time zone'
    """
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value or ""):
        return "write the date as YYYY-MM-DD, without a time zone"
    try:
        year = datetime.date.fromisoformat(value).year
    except ValueError:
        return "no such day"
    if not YEARS[0] <= year <= YEARS[1]:
        return f"the year must be between {YEARS[0]} and {YEARS[1]}"
    return ""


def _semantic(root, path: str) -> list[Finding]:
    """What the schema lets through and no op can mean: a date lawpatch cannot write, an occurrence
    beyond any text, words to insert after without the words to insert."""
    out = []
    problem = date_problem(root.get("date"))
    if problem:
        out.append(Finding("PATCH.DATE", f"date «{root.get('date')}»: {problem}", file=path, line=root.sourceline,
                           hint="the bill's date becomes the date of the law's new expression"))
    for op in root.iterfind(f"{P}law/*"):
        kind = op.tag[len(P):] if isinstance(op.tag, str) else ""
        occurrence = op.get("occurrence") or ""
        if occurrence.isdigit() and len(occurrence) > MAX_OCCURRENCE_DIGITS:
            out.append(Finding("PATCH.OCCURRENCE", f"occurrence {occurrence[:12]}… is beyond any text", file=path,
                               line=op.sourceline, op=kind, unit=op.get("at") or "",
                               hint="the number of the occurrence in the unit: 1, 2 …, or all"))
        if kind == "insert-words":  # the engine reports a missing anchor; missing new words stop it
            new = {c.get("lang") for c in op.findall(P + "new")}
            for anchor in op:
                if anchor.tag in (P + "after", P + "before") and anchor.get("lang") not in new:
                    out.append(Finding("PATCH.TEXT_MISSING", f'<{anchor.tag[len(P):]} lang="{anchor.get("lang")}"> '
                                       f'without <new lang="{anchor.get("lang")}">: no words to insert', file=path,
                                       line=anchor.sourceline, op=kind, unit=op.get("at") or "",
                                       hint="in each of its languages insert-words gives the words it looks for "
                                            "and the words to insert"))
    return out


def load_bill(path: str | os.PathLike) -> Bill:
    """The bill in ``path``; raises :class:`PatchError` with every schema error and its line."""
    path = str(path)
    try:
        tree = parse(path)
    except XmlError as exc:
        raise PatchError([exc.finding("PATCH.XML")]) from exc
    root = tree.getroot()
    if root.tag != P + "amendment":
        raise PatchError([Finding("PATCH.ROOT", f"the root element is not <amendment xmlns=\"{PATCH_NS}\">",
                                  file=path, line=root.sourceline)])
    errors = schema_findings(tree, path) or _duplicates(root, path) + _semantic(root, path)
    if errors:
        raise PatchError(errors)
    laws = []
    for law in root.findall(P + "law"):
        ops = tuple(_op(c) for c in law if isinstance(c.tag, str) and c.tag[len(P):] in OP_KINDS)
        laws.append(LawAmendment(law.get("href"), law.get("base"), ops, law.sourceline))
    return Bill(id=root.get("id"), date=root.get("date"), number=root.get("number") or "",
                titles=_texts(root, "title"), path=path, laws=tuple(laws), notes=_texts(root, "note"))
