"""Validation of law files: is this XML a law of the KR profile, and do rus/kir agree?

Four layers, each reported as :class:`~lawpatch.errors.Finding` objects with file and line:
(1) the safe parse of :mod:`lawpatch.xmlio`; (2) the official AKN 3.0 schema (strict, so eIds
are unique); (3) the profile schema ``schemas/kr-profile.xsd`` (our vocabulary, eId patterns,
required metadata); (4) semantic checks the schemas cannot express: eIds as the naming
convention derives them, numbering gaps and duplicates (warnings), and for a folder with
``rus.xml`` and ``kir.xml`` the same eIds in the same order.

Errors make a law unusable by the other commands; warnings are things a drafter should look at
(a gap in the numbering is usually the source's, not ours).
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from . import structure as st
from . import vocabulary as voc
from . import xmlio
from .aknschema import narrowed_accepts, narrowed_schema, official_path, official_schema
from .errors import Finding, LawpatchError, portable, restored
from .law import SIDECARS, Law, law_files, redactions
from .workers import beside, run_all
from .xmlio import XmlError


@lru_cache(maxsize=None)
def profile_schema() -> etree.XMLSchema:
    """The project's profile schema (schemas/kr-profile.xsd), compiled once per process."""
    from .schemas import compiled

    return compiled("kr-profile.xsd")


def validate_law(law_or_path, schemas: bool = True) -> list[Finding]:
    """Every finding on one law file (or a loaded :class:`Law`), layer by layer."""
    if isinstance(law_or_path, Law):
        law = law_or_path
    else:
        try:
            law = Law.load(law_or_path)
        except LawpatchError as exc:
            return [_load_finding(str(law_or_path), exc)]
    schema_findings = beside(_schema_errors, law) if schemas else list
    units = st.numbered_units(law.body)
    semantic = _eid_findings(law, units) + _numbering_findings(law, units)
    return schema_findings() + semantic


def _schema_errors(law: Law) -> list[Finding]:
    """The official schema's findings, then the profile schema's."""
    return _official_findings(law) + _schema_findings(law, profile_schema(), "VALIDATE.PROFILE_SCHEMA", "KR profile")


def _official_findings(law: Law) -> list[Finding]:
    """The official schema's findings: none when the narrowed schema accepts the law."""
    if narrowed_accepts(law.tree):
        return []
    return _schema_findings(law, official_schema(), "VALIDATE.AKN_SCHEMA", "AKN 3.0 schema")


def law_errors(law: Law) -> list[Finding]:
    """The errors of :func:`validate_law` without its warnings (what makes a law unusable), at less
    cost."""
    schema_findings = beside(_schema_errors, law)   # libxml2 validates while the eIds are checked here
    eids = [f for f in _eid_findings(law, st.numbered_units(law.body)) if f.severity == "error"]
    return schema_findings() + eids


def known_errors(law: Law, data: bytes) -> list[Finding]:
    """:func:`law_errors` of a law read from ``data``, whose verdict "valid" is remembered by the
    digest of the bytes (:mod:`lawpatch.cache`): a law a bill amends is validated once per change of
    its text, not once per run. Only "valid" is remembered, and only as made by this code and these
    schemas; a cache that is off, damaged or made by other code means validating again."""
    from . import cache

    if known_valid(data):
        return []
    errors = law_errors(law)
    if not errors:
        cache.store("valid", cache.digest(data), _verdict_version(), {"valid": True})
    return errors


def known_valid(data: bytes) -> bool:
    """Whether a law of exactly these bytes was read and found without errors by this code and
    these schemas (:func:`known_errors` remembered it)."""
    from . import cache

    return cache.load("valid", cache.digest(data), _verdict_version()).get("valid") is True


@lru_cache(maxsize=None)
def _verdict_version() -> str:
    """What a verdict of :func:`law_errors` and the findings of a folder depend on: this code, the
    eId convention, the parser, the metadata read, the schemas and the libxml2 that applies them."""
    import sys

    from . import aknschema, cache, errors, law, meta, schemas
    from .resources import project_file

    xsds = [project_file("schemas", n) for n in ("kr-profile.xsd", "kr-profile-source.xsd", aknschema.NARROWED)]
    official = Path(official_path())
    return cache.code_version(sys.modules[__name__], aknschema, st, voc, law, meta, errors, schemas, xmlio,
                              files=[*xsds, official, official.with_name("xml.xsd")]) \
        + ".".join(map(str, etree.LXML_VERSION + etree.LIBXML_VERSION))


def validate_paths(paths, jobs: int = 1, progress=None) -> list[Finding]:
    """Findings on files and folders; a folder holding ``rus.xml`` and ``kir.xml`` is also
    checked for parity. ``jobs`` > 1 validates the files in that many processes;
    ``progress(n)`` is called as files are done."""
    files: list[Path] = []
    for p in paths:
        files += law_files(p)
    treaty_files = [f for f in files if f.parent.name == "treaties"]  # the registry, not laws
    files = [f for f in files if f not in treaty_files]
    if jobs > 1 and len(files) > 1:
        narrowed_schema(), profile_schema()  # compiled once here; forked workers inherit them
    folders: dict[Path, list[str]] = {}
    for f in files:
        folders.setdefault(f.parent, []).append(str(f))
    # a folder's files in one job: its parity is checked there and only findings come back
    findings = [f for group in run_all(_check_folder, list(folders.values()), jobs, progress, weight=len)
                for f in group]
    findings += _links_findings(files)
    findings += [f for path in treaty_files for f in treaty_findings(path)]
    return findings


def treaty_findings(path) -> list[Finding]:
    """A registry file (treaties/<id>.xml): valid against treaty.xsd, its id its name."""
    from .errors import FindingsError
    from .treaties import load_treaty

    try:
        load_treaty(path)
    except FindingsError as exc:
        return exc.findings
    return []


def _links_findings(files) -> list[Finding]:
    """The links.xml beside the laws: valid, its units in the law, its articles in the registry."""
    folders = sorted({f.parent for f in files
                      if f.name in ("rus.xml", "kir.xml") and (f.parent / SIDECARS[0]).is_file()})
    if not folders:
        return []
    from .links import links_findings   # only where there are links to check (3 ms to import)

    return [f for folder in folders for f in links_findings(folder)]


@dataclass(frozen=True)
class LawSummary:
    """What the parity check needs of one file, so that each file is parsed once (in a worker)."""

    source: str
    lang: str
    work_uri: str
    expression_date: str
    units: tuple  # (eId, line) in document order
    lang_line: int | None
    work_line: int | None
    amendments: tuple = ()  # the lifecycle's events: one redaction when both texts list the same

    @classmethod
    def of(cls, law: Law) -> "LawSummary":
        units = tuple((el.get("eId") or "", el.sourceline) for el in st.iter_units(law.body))
        return cls(law.source, law.lang, law.work_uri, law.expression_date, units, _meta_line(law, "FRBRlanguage"),
                   _meta_line(law, "FRBRWork"), law.amendments)


def _check_folder(paths: list[str]) -> list[Finding]:
    """The files of one folder, and the parity of its rus.xml and kir.xml (a module-level function:
    it runs in workers).

    The findings are remembered by the names and the digests of the files' bytes
    (:mod:`lawpatch.cache`, made by this code and these schemas): a folder validated before and
    unchanged since costs reading and hashing its files. What is remembered is every finding,
    errors and warnings, as computed; a cache that is off, damaged or made by other code means
    validating again."""
    from . import cache

    texts: dict[str, bytes] = {}
    for path in paths:
        try:
            texts[path] = xmlio.read(path)
        except LawpatchError:
            return _folder_findings(paths, texts)   # an unreadable file: nothing is remembered
    if cache.directory() is None:
        return _folder_findings(paths, texts)
    key = json.dumps([[Path(p).name, cache.digest(data)] for p, data in texts.items()])
    found = cache.load("findings", key, _verdict_version()).get("findings")
    if isinstance(found, list):
        try:
            return restored(found, paths)
        except (TypeError, KeyError, IndexError, AttributeError):
            pass                                    # a damaged entry: computed again
    findings = _folder_findings(paths, texts)
    stored = portable(findings, paths)
    if stored is not None:
        cache.store("findings", key, _verdict_version(), {"findings": stored})
    return findings


def _folder_findings(paths: list[str], texts: dict[str, bytes]) -> list[Finding]:
    """:func:`_check_folder` computed: each file (its bytes in ``texts`` where read), then parity."""
    findings, summaries = [], {}
    parity = {"rus.xml", "kir.xml"} <= {Path(p).name for p in paths}
    for path in paths:
        found, summary = _check_file(path, texts.get(path), parity)
        findings += found
        if summary is not None:
            summaries[Path(path).name] = summary
    if "rus.xml" in summaries and "kir.xml" in summaries:
        findings += parity_findings(summaries["rus.xml"], summaries["kir.xml"])
    return findings


def _check_file(path: str, data: bytes | None, summary: bool) -> tuple[list[Finding], LawSummary | None]:
    """The findings on one file, and what its parity check needs (where ``summary``)."""
    try:
        law = Law.load(path) if data is None else Law.from_bytes(data, path)
    except LawpatchError as exc:
        return [_load_finding(path, exc)], None
    return validate_law(law), LawSummary.of(law) if summary else None


# --- layer 1 and 2/3 -------------------------------------------------------------------------

def _load_finding(path: str, exc: LawpatchError) -> Finding:
    if isinstance(exc, XmlError):
        return exc.finding("VALIDATE.NOT_A_LAW")
    message = str(exc)
    if message.startswith(path + ": "):
        message = message[len(path) + 2:]
    return Finding("VALIDATE.NOT_A_LAW", message, file=path)


def _schema_findings(law: Law, schema: etree.XMLSchema, code: str, label: str) -> list[Finding]:
    if schema.validate(law.tree):
        return []
    lines = [(el.sourceline or 0, el.get("eId") or "") for el in st.iter_units(law.body)]
    out = []
    for err in schema.error_log:
        message = re.sub(r"\{%s\}" % re.escape(st.AKN_NS), "", err.message)
        k = bisect.bisect_right(lines, (err.line, "\uffff")) - 1 if err.line else -1
        unit = lines[k][1] if k >= 0 else ""
        out.append(Finding(code, f"{label}: {message}", file=law.source, line=err.line or None, unit=unit))
    return out


# --- layer 4: semantics ------------------------------------------------------------------------

def _eid_findings(law: Law, units: list) -> list[Finding]:
    """eIds must be what the naming convention derives from the tree (``units``: the law's
    :func:`structure.numbered_units`)."""
    out = []
    seen: dict[str, object] = {}    # eId -> the unit that has it first
    for el, kind, printed, want in units:
        if want is None:
            continue
        eid = el.get("eId")
        if not eid:
            out.append(Finding("VALIDATE.EID_MISSING", f"<{kind.tag}> has no eId (expected {want})",
                               file=law.source, line=el.sourceline, unit=num_label(el)))
        elif eid in seen:
            out.append(Finding("VALIDATE.EID_DUPLICATE",
                               f"eId {eid} is used twice (first at line {seen[eid].sourceline})",
                               file=law.source, line=el.sourceline, unit=eid, hint=f"expected {want}"))
        elif eid != want:
            out.append(Finding("VALIDATE.EID_MISMATCH",
                               f"eId {eid} does not follow the naming convention: expected {want}",
                               file=law.source, line=el.sourceline, unit=eid,
                               hint="eIds are derived from the numbers as printed (docs/profile.md): "
                                    f"write {want}, or re-import the law"))
        if eid:
            seen.setdefault(eid, el)
        if kind.numbered and not printed and not _unnumbered_part_ok(el):
            out.append(Finding("VALIDATE.NUMBER_MISSING", f"<{kind.tag}> has no <num>",
                               file=law.source, line=el.sourceline, unit=eid or "", severity="warning"))
        if eid == want and "_dup" in want:
            out.append(Finding("VALIDATE.NUMBER_DUPLICATE", f"the number «{printed}» is printed twice",
                               file=law.source, line=el.sourceline, unit=eid, severity="warning"))
    return out


def _unnumbered_part_ok(el) -> bool:
    """An unnumbered part is in the profile where none of its sibling parts is numbered."""
    return st.is_unnumbered_part(el) and not any(
        st.local(c.tag) == "paragraph" and st.num_text(c) for c in el.getparent())


def num_label(el) -> str:
    return st.num_text(el) or st.local(el.tag)


@lru_cache(maxsize=4096)
def _number_value(number: str) -> tuple[int, ...] | None:
    """(5, 1) for «5-1», (2,) for «II», (3,) for «в»; None for positions and other text."""
    if re.fullmatch(r"[0-9]+(-[0-9]+)*", number):
        return tuple(int(x) for x in number.split("-"))
    roman = st.roman_value(number)
    if roman is not None:
        return (roman,)
    if len(number) == 1 and number in voc.LETTERS:
        return (voc.LETTERS.index(number) + 1,)
    return None


def _numbering_findings(law: Law, units: list) -> list[Finding]:
    """Gaps in the numbering of sibling units (articles across the act) are warnings (``units``:
    the law's :func:`structure.numbered_units`)."""
    out: list[Finding] = []
    groups: dict = {}
    for el, kind, printed, _ in units:
        if not printed:
            continue
        key = ("article",) if kind.tag == "article" else (el.getparent(), kind.tag)
        groups.setdefault(key, []).append((el, printed))
    for els in groups.values():
        prev = None
        for el, printed in els:
            number = st.clean_number(printed)
            value = _number_value(number)
            if value is None:
                prev = None
                continue
            if prev is not None and len(value) == 1 and value[0] > prev[0] + 1:
                lettered = number in voc.LETTERS
                out.append(Finding("VALIDATE.NUMBER_GAP", _gap_message(el, law.naming, prev[0], value[0], lettered),
                                   file=law.source, line=el.sourceline, unit=el.get("eId") or "",
                                   severity="warning"))
            prev = value
    return out


def _gap_message(el, naming: str, before: int, after: int, lettered: bool = False) -> str:
    """«статья 7 после статьи 5: статьи 6 нет» (a range: «статей 5–6 нет»; letters: «"г"»)."""
    def show(n: int) -> str:
        return f"«{voc.LETTERS[n - 1]}»" if lettered else str(n)

    name = "подпункт" if lettered else st.unit_name(el, naming)
    if after == before + 2:
        missing = f"{voc.noun(name, case='gen')} {show(before + 1)}"
    else:
        missing = f"{voc.noun(name, case='gen', plural=True)} {show(before + 1)}–{show(after - 1)}"
    return f"{name} {show(after)} после {voc.noun(name, case='gen')} {show(before)}: {missing} нет"


def _meta_line(law: Law, name: str) -> int | None:
    el = next(law.meta.iter(st.akn(name)), None)
    return el.sourceline if el is not None else None


def parity_findings(rus: LawSummary, kir: LawSummary) -> list[Finding]:
    """rus.xml and kir.xml of one act: one work, each its language, the same eIds in the same order.

    Texts of different redactions (the database often has the Kyrgyz text of a later date) may
    really differ in structure: their mismatches are warnings, named as such.
    """
    import difflib

    out: list[Finding] = []
    difference = redactions(rus, kir)
    severity = "warning" if difference else "error"
    why = f" (different redactions: {difference})" if difference else ""
    for law, lang in ((rus, "rus"), (kir, "kir")):
        if law.lang != lang:
            out.append(Finding("VALIDATE.LANGUAGE", f"FRBRlanguage is {law.lang!r} in {lang}.xml", file=law.source,
                               line=law.lang_line, hint=f"{lang}.xml holds the {lang} expression"))
    if rus.work_uri != kir.work_uri:
        out.append(Finding("VALIDATE.PARITY_WORK", f"the work is {kir.work_uri} in kir.xml but {rus.work_uri} here",
                           file=rus.source, line=rus.work_line,
                           hint="rus.xml and kir.xml are two expressions of one work: same date and number"))
    a, b = rus.units, kir.units
    matcher = difflib.SequenceMatcher(None, [e for e, _ in a], [e for e, _ in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for here, name, there, mine, others, at in ((rus, "rus", "kir", a[i1:i2], b, j1),
                                                    (kir, "kir", "rus", b[j1:j2], a, i1)):
            other = others[at][1] if at < len(others) else (others[-1][1] if others else None)
            for eid, line in mine:
                out.append(Finding("VALIDATE.PARITY", f"{eid} is in {name}.xml but not at this place in "
                                                      f"{there}.xml ({there}.xml:{other}){why}",
                                   file=here.source, line=line, unit=eid, severity=severity,
                                   extra={"other_line": other}))
    return out
