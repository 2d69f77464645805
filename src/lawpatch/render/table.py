"""The comparison table («сравнительная таблица») of a bill, as DOCX.

One section per language, a heading per law when the bill amends several; one row per changed
unit, preceded by its article («Статья 5. …») as a context row. Deleted words are bold and struck
through on the left, new words bold on the right; long unchanged stretches are elided with «…».
"""
from __future__ import annotations

import os
import re
from typing import Iterable, Sequence

from ..actnames import act_name
from ..compare.model import LawComparison, Segment, UnitChange
from . import docxbase, wml
from .labels import TableOptions

_TOKENS = re.compile(r"\s+|\S+")
_NUMBER = re.compile(r"^(?:Статья\s+\S+|\S+-берене\.|[\dа-яёa-z][\w\-]*[.)])", re.IGNORECASE)
LANG_ORDER = ("rus", "kir")


def write_table(comparisons: Sequence[LawComparison], path: str | os.PathLike,
                options: TableOptions | None = None, bill=None) -> None:
    """Write the comparison table of ``comparisons`` (one per law and language) to ``path``."""
    options = options or TableOptions()
    doc = build_table(comparisons, options, bill)
    date = getattr(bill, "date", None)
    docxbase.save(doc, path, date=date, title=options.label(_langs(comparisons)[0], "title"))


def _langs(comparisons: Sequence[LawComparison]) -> list[str]:
    found = {c.lang for c in comparisons} or {"rus"}
    return sorted(found, key=lambda lang: (LANG_ORDER.index(lang) if lang in LANG_ORDER else 9, lang))


def build_table(comparisons: Sequence[LawComparison], options: TableOptions, bill=None):
    """The python-docx Document of the table (not saved)."""
    from docx.enum.section import WD_SECTION

    doc = docxbase.open_template("table", options.template)
    for i, lang in enumerate(_langs(comparisons)):
        if i:
            doc.add_section(WD_SECTION.NEW_PAGE)
        ours = [c for c in comparisons if c.lang == lang]
        _title(doc, lang, ours, options, bill)
        for comp in ours:
            if len(ours) > 1:
                _para(doc, options.label(lang, "law_heading").format(act=act_name(comp.title, lang)), bold=True, center=True,
                      before=True)
            _law_table(doc, comp, options)
        signature = options.label(lang, "signature")
        if signature:   # the initiator's signature under the table, lines split by "\n"
            for k, line in enumerate(signature.split("\n")):
                _para(doc, line, bold=True, before=(k == 0))
    return doc


def _para(doc, text: str, bold=False, center=False, before=False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if before:
        p.paragraph_format.space_before = Pt(12)
        p.paragraph_format.space_after = Pt(6)
        p.paragraph_format.keep_with_next = True
    docxbase.run(p, text, bold=bold)
    return p


def _title(doc, lang: str, comps: list[LawComparison], options: TableOptions, bill) -> None:
    titles = getattr(bill, "titles", None) or {}
    bill_title = titles.get(lang) or titles.get({"rus": "ru", "kir": "ky"}.get(lang, lang))
    if not bill_title:
        act = act_name(comps[0].title, lang, "acc" if lang == "rus" else "dat") if len(comps) == 1 else "…"
        bill_title = options.label(lang, "bill_default").format(act=act)
    lines = {"title": options.label(lang, "title"), "subtitle": options.label(lang, "subtitle").format(bill=bill_title)}
    for key in options.label(lang, "heading_order").split():
        p = _para(doc, lines[key], bold=True, center=True)
    from docx.shared import Pt

    p.paragraph_format.space_after = Pt(12)


def _columns(lang: str, options: TableOptions) -> list[tuple[str, str, float]]:
    """(key, header, relative width) of each column, in order."""
    cols = []
    if options.kz_columns:
        cols += [("number", options.label(lang, "number"), 0.5), ("element", options.label(lang, "element"), 1.6)]
    cols += [("old", options.label(lang, "old"), 4), ("new", options.label(lang, "new"), 4)]
    if options.reasons:
        cols.append(("reasons", options.label(lang, "reasons"), 2))
    return cols


def _law_table(doc, comp: LawComparison, options: TableOptions) -> None:
    """The table of one law: the header row made with python-docx, the rows as text (:mod:`.wml`)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml.ns import qn

    lang = comp.lang
    cols = _columns(lang, options)
    table = doc.add_table(rows=1, cols=len(cols))
    if "Table Grid" in [s.name for s in doc.styles]:
        table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = docxbase.page_width(doc)
    share = sum(w for _, _, w in cols)
    widths = [int(total * w / share) for _, _, w in cols]
    for column, width in zip(table.columns, widths):
        column.width = width
    header = table.rows[0]
    docxbase.repeat_header(header)
    for cell, (_, text, _), width in zip(header.cells, cols, widths):
        cell.width = width
        p = cell.paragraphs[0]
        p.alignment = 1  # centre
        docxbase.run(p, text, bold=True)
    keys = [k for k, _, _ in cols]
    twips = [tc.tcPr.tcW.get(qn("w:w")) for tc in header._tr.tc_lst]
    styles = wml.Styles(doc)
    bold, struck = styles.run(bold=True), styles.run(bold=True, strike=True)
    rows: list[str] = []
    article = None
    for n, change in enumerate(comp.changes + (comp.layout if options.layout else ()), 1):
        if (change.article_eid and change.article_label and change.article_eid != change.eid
                and change.article_eid != article):
            span = sum(int(w) for w in twips)
            rows.append(f'<w:tr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{span}"/><w:gridSpan w:val="{len(cols)}"/>'
                        f'</w:tcPr>{_para_xml([wml.run_xml(change.article_label, bold)])}</w:tc></w:tr>')
        article = change.article_eid or change.eid
        cells = {}
        if "number" in keys:
            cells["number"] = _para_xml([wml.run_xml(str(n))])
        if "element" in keys:
            cells["element"] = _para_xml([wml.run_xml(change.citation)] if change.citation else [])
        if "reasons" in keys:
            cells["reasons"] = "".join(_para_xml([wml.run_xml(line)] if line else [])
                                       for line in "\n".join(change.reasons).split("\n"))
        cells["old"], cells["new"] = _sides(change, lang, options, bold, struck)
        rows.append("<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{w}"/></w:tcPr>{cells[k]}</w:tc>'
                                       for k, w in zip(keys, twips)) + "</w:tr>")
    wml.append(table._tbl, rows)


def _para_xml(runs: list[str]) -> str:
    return wml.paragraph_xml("", "".join(runs))


def _sides(change: UnitChange, lang: str, options: TableOptions, bold: str, struck: str) -> tuple[str, str]:
    """The paragraphs of the old and the new column of a change."""
    segments = change.segments or _whole(change)
    old = [s for s in segments if s.op != "insert"]
    new = [s for s in segments if s.op != "delete"]
    if change.kind == "inserted" or not change.old_text:
        left = _para_xml([wml.run_xml(options.label(lang, "absent"), bold)])
    else:
        left = _segments(elide(old, options.context_words, options.label(lang, "ellipsis")), struck)
    if change.kind == "repealed":
        right = _para_xml([wml.run_xml(options.repealed(lang, change.unit_name), bold)])
    elif change.kind == "deleted" or not change.new_text:
        right = _para_xml([wml.run_xml(options.label(lang, "removed"), bold)])
    else:
        right = _segments(elide(new, options.context_words, options.label(lang, "ellipsis")), bold)
    return left, right


def _whole(change: UnitChange) -> tuple[Segment, ...]:
    out = []
    if change.old_text:
        out.append(Segment("delete", change.old_text))
    if change.new_text:
        out.append(Segment("insert", change.new_text))
    return tuple(out)


def _segments(segments: Iterable[Segment], marked: str) -> str:
    """The segments as paragraphs, one a line; the changed words (not «equal») in ``marked`` props."""
    paragraphs: list[list[str]] = [[]]
    for seg in segments:
        props = "" if seg.op == "equal" else marked
        for i, piece in enumerate(seg.text.split("\n")):
            if i:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append(wml.run_xml(piece, props))
    return "".join(_para_xml(runs) for runs in paragraphs)


def elide(segments: Sequence[Segment], keep: int | None, mark: str = "…") -> list[Segment]:
    """Replace the middle of each long unchanged stretch with «…», keeping ``keep`` words on each
    side of a change (only the words after the change at the start, before it at the end)."""
    if keep is None:
        return list(segments)
    out: list[Segment] = []
    last = len(segments) - 1
    for i, seg in enumerate(segments):
        if seg.op != "equal":
            out.append(seg)
            continue
        tokens = _TOKENS.findall(seg.text)
        words = [j for j, t in enumerate(tokens) if not t.isspace()]
        head = keep if i > 0 else _number_words(seg.text)   # the unit's number always stays
        tail = keep if i < last else 0         # words kept before the next change
        if len(words) <= head + tail + 2 or (i == 0 and i == last):
            out.append(seg)
            continue
        start = "".join(tokens[: words[head - 1] + 1]) if head else ""
        end = "".join(tokens[words[len(words) - tail]:]) if tail else ""
        text = (start.rstrip() + " " if start else "") + mark + (" " + end.lstrip() if end else "")
        out.append(Segment("equal", text))
    return out


def _number_words(text: str) -> int:
    """How many words the unit's number takes at the start of its text («Статья 5.» → 2, «1)» → 1)."""
    m = _NUMBER.match(text)
    return len(m.group(0).split()) if m else 0
