"""The back end's entry: lines of any front end → a :class:`~lawpatch.law.Law` with its
metadata, and the warnings of the import."""
from __future__ import annotations

from lxml import etree

from ..errors import Finding, LawpatchError
from ..law import Law
from ..meta import ActInfo
from ..structure import A
from . import classify as c
from .build import build_act, detect_lang, detect_naming, split_head
from .lines import ReadResult
from .titleblock import plain_title, read_title_block

_FORMAT_NAMES = {"pdf": "pdf-text"}


def build_law(read: ReadResult, source: str, lang: str | None = None, **overrides):
    from . import ImportResult

    if not read.lines:
        raise LawpatchError(f"{source}: no text to import")
    lines = c.classify_lines((line.text, line.lineno) for line in read.lines)
    start = split_head(lines)
    tb = read_title_block(lines[:start])
    full_text = "\n".join(line.text for line in lines)
    info = ActInfo(
        title=overrides.get("title") or plain_title(tb.title),
        date=overrides.get("date") or tb.date,
        number=overrides.get("number") or tb.number,
        lang=lang or detect_lang(full_text),
        doc_name=overrides.get("doc_name") or tb.doc_name,
        publication=overrides.get("publication") or "",
        amendments=tb.amendments,
        source_file=overrides.get("source_file") or source,
        source_format=_FORMAT_NAMES.get(read.format, read.format),
        naming=overrides.get("naming") or detect_naming(full_text),
    )
    missing = [name for name in ("title", "date", "number") if not getattr(info, name)]
    if missing:
        raise LawpatchError(
            f"{source}: the text has no title block giving the act's {', '.join(missing)}; "
            f"give {' '.join('--' + m for m in missing)}")
    root, warnings = build_act(lines, info, tb, source)
    warnings = [Finding("IMPORT.SOURCE", msg, source, lineno, severity="warning")
                for lineno, msg in read.warnings] + warnings
    law = Law(etree.ElementTree(root), source)
    warnings += _check_numbers(law, source)
    articles = sum(1 for line in lines[start:] if line.kind == c.ARTICLE)
    units = sum(1 for _ in law.units())
    return ImportResult(law, sorted(warnings, key=lambda f: f.line or 0), articles, units)


def _check_numbers(law: Law, source: str) -> list[Finding]:
    """Duplicate numbers (the eId got a ``_dup`` suffix) and articles out of order (a flattened
    superscript: «Статья 1931.» printed for «Статья 193-1.»)."""
    out = []
    for eid, el in law.index.items():
        if "_dup" in eid.rsplit("__", 1)[-1]:
            out.append(Finding("IMPORT.DUPLICATE_NUMBER", "a number printed twice in the same unit",
                               source, el.sourceline, eid, "warning"))
    prev = 0
    for art in law.body.iter(A + "article"):
        head = art.get("eId", "").split("_", 1)[-1].split("-")[0].split("_")[0]
        if not head.isdigit():
            continue
        value = int(head)
        if prev and value > prev + 1 and str(value).startswith(str(prev)):
            out.append(Finding("IMPORT.ARTICLE_ORDER",
                               f"article {value} follows article {prev}: a superscript number printed flat?",
                               source, art.sourceline, art.get("eId"), "warning",
                               hint=f"the official number is probably {prev}-{str(value)[len(str(prev)):]}"))
            continue
        prev = value
    return out
