"""The back end's entry: lines of any front end → a :class:`~lawpatch.law.Law` with its
metadata, and the warnings of the import."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..dates import find_dates
from ..errors import Finding, LawpatchError
from ..law import Law
from ..meta import ActInfo, AmendingAct
from ..structure import A
from ..xmlio import KG
from . import classify as c
from .build import build_act, detect_lang, detect_naming, line_of
from .lines import ReadResult
from .identify import identify
from .titleblock import header_of, read_title_block

_FORMAT_NAMES = {"pdf": "pdf-text"}


@dataclass
class ImportResult:
    law: Law
    warnings: list[Finding] = field(default_factory=list)
    articles: int = 0
    units: int = 0


def build_law(read: ReadResult, source: str, lang: str | None = None, **overrides) -> ImportResult:
    """Build the law from a front end's lines (``overrides`` as for ``import_file``)."""
    if not read.lines:
        raise LawpatchError(f"{source}: no text to import")
    cleaned, notices = _xml_safe(read, source)
    lines = c.classify_lines(cleaned)
    header = header_of(read.header.text, read.header.lineno) if read.header else None
    tb = read_title_block(lines, header)
    full_text = "\n".join(line.text for line in lines)
    publication, publication_date = _publication(lines)
    who = identify(tb, lines, source, overrides, publication_date)
    info = ActInfo(
        title=who.title, date=who.date, number=who.number,
        lang=lang or detect_lang(full_text),
        doc_name=overrides.get("doc_name") or tb.doc_name,
        publication=overrides.get("publication") or publication,
        publication_date="" if overrides.get("publication") else publication_date,
        amendments=tb.amendments or _amendments_in_notes(lines),
        source_file=overrides.get("source_file") or Path(source).name,
        source_format=_FORMAT_NAMES.get(read.format, read.format),
        naming=overrides.get("naming") or detect_naming(full_text),
        status=who.status, repealed_by=tb.repealed_by, missing=who.missing,
    )
    root, warnings, where = build_act(lines, info, tb, source)
    warnings = [Finding("IMPORT.SOURCE", msg, source, lineno, severity="warning")
                for lineno, msg in read.warnings] + notices + who.warnings + warnings
    if overrides.get("source_note"):
        law_source = root.find(f".//{KG}source")
        law_source.set("note", overrides["source_note"])
    law = Law(etree.ElementTree(root), source)
    warnings += _duplicates(law, source, where)
    articles = sum(1 for _ in law.articles())
    units = sum(1 for _ in law.units())
    return ImportResult(law, sorted(warnings, key=lambda f: f.line or 0), articles, units)


def _amendments_in_notes(lines: list[c.Line]) -> list[AmendingAct]:
    """Where the title block lists no amending acts (a text saved without it), the acts its
    editorial notes name («(В редакции Закона КР от 24 апреля 2025 года № 79)»)."""
    seen: dict[tuple[str, str], AmendingAct] = {}
    for line in lines:
        if line.kind == c.EDITORIAL and not c.PUBLICATION.match(line.text) and not c.PUBLISHED_IN.match(line.text):
            for date, number, words in find_dates(line.text):
                if number:
                    seen.setdefault((date, number), AmendingAct(date, number, words))
    return list(seen.values())


def _publication(lines: list[c.Line]) -> tuple[str, str]:
    """The note that says where the act was published («("Эркин Тоо - Свободные горы", 29 апреля
    1998 года, № 53-54)», «Опубликован в газете "Эркин-Тоо" от 20 января 2006 года № 4»), without
    its parentheses, and the date it gives (ISO, or "")."""
    for line in lines:
        if line.kind != c.EDITORIAL:
            continue
        published = c.PUBLISHED_IN.match(line.text)
        if c.PUBLICATION.match(line.text) or published:
            text = f"газета {published['where']}" if published else line.text.strip()[1:-1].strip()
            dates = find_dates(text)
            return text, dates[0][0] if dates else ""
    return "", ""


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


_SUPERSCRIPT = re.compile("(?<=[0-9])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _xml_safe(read: ReadResult, source: str) -> tuple[list[tuple[str, int]], list[Finding]]:
    """The lines with characters XML cannot hold (control characters) turned into spaces, and
    superscript digits after a number written as the database's plain text writes them
    («Статья 240¹» → «Статья 240-1»)."""
    out, notices = [], []
    for line in read.lines:
        text = _SUPERSCRIPT.sub(lambda m: "-" + m.group(1).translate(_SUPERSCRIPT_DIGITS), line.text)
        if _NOT_XML.search(text):
            text = " ".join(_NOT_XML.sub(" ", text).split())
            notices.append(Finding("IMPORT.CONTROL_CHARACTERS", "control characters replaced by spaces",
                                   source, line.lineno, severity="warning"))
        if text:
            out.append((text, line.lineno))
    return out, notices


def _duplicates(law: Law, source: str, where: dict) -> list[Finding]:
    """A number printed twice in one unit (the eId got a ``_dup`` suffix)."""
    return [Finding("IMPORT.DUPLICATE_NUMBER", "a number printed twice in the same unit",
                    source, line_of(el, where), eid, "warning")
            for eid, el in law.index.items() if "_dup" in eid.rsplit("__", 1)[-1]]


_IGNORED = re.compile(r"[\s\-\x00-\x1f]+")


def first_difference(read: ReadResult, law: Law) -> str:
    """Where the law's text (normative and editorial, num and headings included) first differs
    from the source's, compared without whitespace and hyphens (a mended «Статья 23-1.» was
    printed «Статья 231.» or «Статья 23¹.»); "" when nothing was lost or added."""
    source = _IGNORED.sub("", "".join(line.text for line in read.lines).translate(_SUPERSCRIPT_DIGITS))
    parts = [law.act.find(A + name) for name in ("preface", "preamble", "body", "conclusions")]
    made = _IGNORED.sub("", "".join("".join(el.itertext()) for el in parts if el is not None))
    if source == made:
        return ""
    i = next((k for k, (a, b) in enumerate(zip(source, made)) if a != b), min(len(source), len(made)))
    return f"at character {i}: source …{source[max(0, i - 40):i + 40]}… vs law …{made[max(0, i - 40):i + 40]}…"
