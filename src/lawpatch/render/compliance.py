"""The compliance report as a self-contained HTML page (inline styles, no scripts, nothing fetched)
or a DOCX for the справка-обоснование: the instruments and their status, the implementation
matrix, the gaps, and the definitions side by side with their differences marked."""
from __future__ import annotations

import os
from html import escape
from pathlib import Path

from ..compliance import GAP, IMPLEMENTED, PARTIAL, PENDING, STATUS_RU, Report
from ..errors import UsageError
from ..treaties import STATUS_RU as KR_STATUS

TITLE = "Соответствие законодательства Кыргызской Республики международным договорам в сфере миграции"
COLORS = {IMPLEMENTED: "#d9f0d3", PARTIAL: "#fff2b3", PENDING: "#d6e6fa", GAP: "#f8d0cc"}


def write_report(report: Report, path: str | os.PathLike) -> None:
    """HTML or DOCX by the file's suffix; the file appears whole or not at all."""
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm"):
        from ..xmlio import atomic_write_bytes

        atomic_write_bytes(path, html(report).encode("utf-8"))
    elif suffix == ".docx":
        write_docx(report, path)
    else:
        raise UsageError(f"{path}: the report is written as .html or .docx")


def _kr(t) -> str:
    return ", ".join(x for x in (KR_STATUS[t.kr.status], t.kr.date) if x)


def _pieces_html(pieces, mark: str) -> str:
    return "".join(f"<{mark}>{escape(p.text)}</{mark}>" if p.op != "equal" else escape(p.text) for p in pieces)


def _provisions_text(row) -> list[str]:
    return [f"laws/{p.law}: {p.citation}" + (" (частично" + (f": {p.note}" if p.note else "") + ")"
                                                if p.extent == "partial" else "") for p in row.provisions]


def _pending_text(row) -> list[str]:
    """«2026-icrmw-family: статья 23 — исключение слов (laws/external-labour-migration, строка 29)»."""
    from ..vocabulary import OP_NAMES

    return [f"{op.bill}: {op.citation or op.at or 'наименование акта'} — {OP_NAMES.get(op.kind, op.kind)} "
            f"(laws/{op.law}, строка {op.line})" for op in row.pending]


_CSS = """
body{font-family:"Times New Roman",Times,serif;margin:2em auto;max-width:1200px;color:#111;line-height:1.35}
h1{font-size:1.5em;text-align:center}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #888}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #777;padding:4px 6px;
vertical-align:top;text-align:left}th{background:#eee}td.num{white-space:nowrap}
.status{font-weight:bold;white-space:nowrap}.meta{color:#444}.badge{display:inline-block;padding:2px 8px;
margin-right:6px;border:1px solid #999}del{background:#f8d0cc;text-decoration:line-through}
ins{background:#d9f0d3;text-decoration:none;font-weight:bold}ul{margin:.2em 0;padding-left:1.2em}
.small{font-size:.9em;color:#333}
@page{size:A4 landscape;margin:1.5cm}@media print{body{margin:0;max-width:none;font-size:10pt}
tr{page-break-inside:avoid}}
"""


def html(report: Report) -> str:
    counts = report.counts()
    out = [f"<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>{escape(TITLE)}</title>",
           f"<style>{_CSS}</style></head><body>", f"<h1>{escape(TITLE)}</h1>",
           f"<p class=\"meta\">Дата: {escape(report.date)}" + (f"; охват: {escape(report.scope)}" if report.scope else "")
           + "</p>", "<p class=\"meta\">Законы: " + "; ".join(escape(f"{title} (laws/{slug})")
                                                            for slug, title in report.laws) + "</p>",
           "<p id=\"summary\">" + "".join(f"<span class=\"badge\" style=\"background:{COLORS[s]}\">"
                                         f"{STATUS_RU[s]}: {counts[s]}</span>" for s in counts) + "</p>"]
    out += ["<h2>1. Международные договоры и их статус для Кыргызской Республики</h2>",
            "<table id=\"treaties\"><tr><th>Договор</th><th>Принят</th><th>Статус КР</th><th>Акт, примечание</th>"
            "<th>Источник</th></tr>"]
    for t in report.treaties:
        source = f"<a href=\"{escape(t.kr.source)}\">источник</a>" if t.kr.source else "—"
        out.append(f"<tr><td>{escape(t.title())}<br><span class=\"small\">{escape(t.titles.get('eng', ''))}</span></td>"
                   f"<td class=\"num\">{escape(t.adopted)}</td><td>{escape(_kr(t))}</td>"
                   f"<td class=\"small\">{escape('; '.join(x for x in (t.kr.act, t.kr.note) if x))}</td><td>{source}</td></tr>")
    out.append("</table>")
    out += ["<h2>2. Матрица выполнения обязательств</h2>",
            "<table id=\"matrix\"><tr><th>Статья</th><th>Обязательство</th><th>Положения законов</th>"
            "<th>Законопроекты</th><th>Статус</th></tr>"]
    current = None
    for row in report.rows:
        if row.treaty.id != current:
            current = row.treaty.id
            out.append(f"<tr><th colspan=\"5\">{escape(row.treaty.title())} ({row.treaty.adopted[:4]}) — "
                       f"{escape(_kr(row.treaty))}</th></tr>")
        out.append(f"<tr class=\"{row.status}\"><td class=\"num\">ст. {escape(row.article.number)}</td>"
                   f"<td>{escape(row.article.summary)}</td><td>{_list(_provisions_text(row))}</td>"
                   f"<td>{_list(_pending_text(row))}</td><td class=\"status\" style=\"background:"
                   f"{COLORS[row.status]}\">{STATUS_RU[row.status]}</td></tr>")
    out.append("</table>")
    out += ["<h2>3. Пробелы: обязательства без положения закона</h2>", "<ol id=\"gaps\">"]
    for row in report.gaps:
        bills = f" — <i>в проекте: {escape('; '.join(_pending_text(row)))}</i>" if row.pending else ""
        out.append(f"<li><b>{escape(row.treaty.title())}, ст. {escape(row.article.number)}</b> "
                   f"({escape(_kr(row.treaty))}): {escape(row.article.summary)}{bills}</li>")
    out.append("</ol>")
    out += ["<h2>4. Определения: договор и закон (коллизии)</h2>",
            "<p class=\"small\">Слова сравниваются по словарной форме; <del>зачеркнуто</del> — есть в договоре, "
            "нет в законе; <ins>выделено</ins> — есть в законе, нет в договоре.</p>",
            "<table id=\"definitions\"><tr><th>Понятие</th><th>Договор</th><th>Закон</th><th>Совпадение</th></tr>"]
    for c in report.collisions:
        out.append(f"<tr><td><b>{escape(c.term)}</b><br><span class=\"small\">{escape(c.law_term)}</span></td>"
                   f"<td>{_pieces_html(c.treaty_pieces, 'del')}<br><span class=\"small\">{escape(c.treaty.title())}, "
                   f"ст. {escape(c.article.number)} ({escape(_kr(c.treaty))})</span></td>"
                   f"<td>{_pieces_html(c.law_pieces, 'ins')}<br><span class=\"small\">laws/{escape(c.law)}: "
                   f"{escape(c.citation)}</span></td><td class=\"num\">{round(100 * c.agreement)} %</td></tr>")
    out.append("</table>")
    out.append("<p class=\"small\">Сформировано lawpatch из реестра treaties/, связей laws/*/links.xml и "
               "законопроектов amendments/.</p></body></html>")
    return "\n".join(out) + "\n"


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>" if items else "—"


# --- DOCX ---------------------------------------------------------------------------------------
def write_docx(report: Report, path: str | os.PathLike) -> None:
    from docx.shared import Emu

    from .docxbase import open_template, page_width, repeat_header, run, save

    doc = open_template("table")
    p = doc.add_paragraph()
    p.alignment = 1
    run(p, TITLE, bold=True, size=14)
    doc.add_paragraph(f"Дата: {report.date}" + (f"; охват: {report.scope}" if report.scope else ""))
    counts = report.counts()
    doc.add_paragraph("; ".join(f"{STATUS_RU[s]}: {counts[s]}" for s in counts))

    def heading(text: str) -> None:
        run(doc.add_paragraph(), text, bold=True, size=13)

    width = page_width(doc)

    def table(header: list[str], rows: list[list], shares: list[int]):
        t = doc.add_table(rows=1, cols=len(header))
        t.autofit = False
        if "Table Grid" in [s.name for s in doc.styles]:
            t.style = doc.styles["Table Grid"]
        for cell, text in zip(t.rows[0].cells, header):
            run(cell.paragraphs[0], text, bold=True)
        repeat_header(t.rows[0])
        for values in rows:
            cells = t.add_row().cells
            for cell, value in zip(cells, values):
                if isinstance(value, list):  # pieces of a definition
                    for piece in value:
                        run(cell.paragraphs[0], piece.text, bold=piece.op != "equal", strike=piece.op == "delete")
                else:
                    cell.paragraphs[0].text = value
        widths = [Emu(width * share // sum(shares)) for share in shares]
        for column, w in zip(t.columns, widths):  # LibreOffice reads the grid, Word the cells
            column.width = w
        for row in t.rows:
            for cell, w in zip(row.cells, widths):
                cell.width = w
        return t

    heading("1. Международные договоры и их статус для Кыргызской Республики")
    table(["Договор", "Принят", "Статус КР", "Акт, примечание, источник"],
          [[t.title(), t.adopted, _kr(t), "; ".join(x for x in (t.kr.act, t.kr.note, t.kr.source) if x)]
           for t in report.treaties], [7, 2, 3, 12])
    heading("2. Матрица выполнения обязательств")
    table(["Договор, статья", "Обязательство", "Положения законов", "Законопроекты", "Статус"],
          [[f"{r.treaty.title()}, ст. {r.article.number}", r.article.summary, "\n".join(_provisions_text(r)) or "—",
            "\n".join(_pending_text(r)) or "—", STATUS_RU[r.status]] for r in report.rows], [5, 8, 7, 6, 3])
    heading("3. Пробелы: обязательства без положения закона")
    for i, row in enumerate(report.gaps, 1):
        doc.add_paragraph(f"{i}) {row.treaty.title()}, ст. {row.article.number}: {row.article.summary}"
                          + (f" — в проекте: {'; '.join(_pending_text(row))}" if row.pending else ""))
    heading("4. Определения: договор и закон (коллизии)")
    doc.add_paragraph("Зачеркнуто — слова договора, которых нет в законе; полужирным — слова закона, которых "
                      "нет в договоре (слова сравниваются по словарной форме).")
    table(["Понятие", "Договор", "Закон", "Совпадение"],
          [[c.term, c.treaty_pieces + [_Note(f" ({c.treaty.title()}, ст. {c.article.number})")],
            c.law_pieces + [_Note(f" (laws/{c.law}: {c.citation})")], f"{round(100 * c.agreement)} %"]
           for c in report.collisions], [3, 10, 10, 2])
    save(doc, path, date=report.date, title=TITLE)


class _Note:
    """A plain piece of text after a definition (its source)."""

    op = "equal"

    def __init__(self, text: str):
        self.text = text
