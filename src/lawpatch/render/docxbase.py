"""The pieces every DOCX output shares: the template, page setup, fonts, the page-number field,
the repeated header row, and a deterministic save (same inputs → byte-identical file).

python-docx is imported inside the functions so that the command line starts fast.
"""
from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from ..dates import LAST_YEAR
from ..errors import LawpatchError
from ..resources import PROJECT
from ..storage import StorageError
from ..xmlio import atomic_write_bytes

TEMPLATES = PROJECT / "templates"
FONT = "Times New Roman"
DEFAULT_EPOCH = 1704067200          # 2024-01-01T00:00:00Z: the date written when nothing else is given


class RenderError(LawpatchError):
    """A document could not be produced (bad template, unwritable path…)."""


def new_template(kind: str):
    """A fresh template document: ``table`` (A4 landscape, 12 pt) or ``law`` (A4 portrait, 14 pt).

    templates/make_templates.py saves these; a user may replace the files with their own.
    """
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12 if kind == "table" else 14)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(_qn(attr), FONT)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    set_page(doc, landscape=(kind == "table"))
    add_page_numbers(doc)
    doc.core_properties.author = "lawpatch"
    return doc


def open_template(kind: str, template: str | os.PathLike | None = None):
    """The document to build on: the user's template, else templates/<kind>.docx, else a fresh one.

    The body of the template is emptied (its styles, page setup, header and footer stay).
    """
    import docx

    path = Path(template) if template else TEMPLATES / f"{kind}.docx"
    if template is None and not path.is_file():
        doc = new_template(kind)
    else:
        try:
            doc = docx.Document(str(path))
        except Exception as exc:  # python-docx raises several kinds on a bad package
            raise RenderError(f"{path}: not a usable DOCX template ({exc})") from exc
    body = doc.element.body
    for child in list(body):
        if child.tag != _qn("w:sectPr"):
            body.remove(child)
    return doc


def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(name)


def set_page(doc, landscape: bool) -> None:
    """A4, orientation as asked, 2 cm margins (3 cm on the binding side)."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    for section in doc.sections:
        short, long_ = Cm(21.0), Cm(29.7)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long_, short) if landscape else (short, long_)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin = Cm(3 if not landscape else 2)
        section.right_margin = Cm(1.5 if not landscape else 2)


def add_page_numbers(doc) -> None:
    """A centred PAGE field in the footer of every section."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    for section in doc.sections:
        p = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
            run = p.add_run()
            if kind:
                fld = OxmlElement("w:fldChar")
                fld.set(_qn("w:fldCharType"), kind)
                run._r.append(fld)
            elif text == " PAGE ":
                instr = OxmlElement("w:instrText")
                instr.set(_qn("xml:space"), "preserve")
                instr.text = text
                run._r.append(instr)
            else:
                run.text = text


def page_width(doc):
    """The text width of the first section (page minus margins), in EMU."""
    s = doc.sections[0]
    return s.page_width - s.left_margin - s.right_margin


def repeat_header(row) -> None:
    """Mark a table row as a header row, repeated at the top of every page (w:tblHeader)."""
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(_qn("w:val"), "true")
    trpr.append(el)




def epoch(date: str | None = None) -> datetime:
    """The moment written into the document: SOURCE_DATE_EPOCH, else ``date`` (YYYY-MM-DD), else a
    fixed date. A value the document cannot hold is refused, not replaced by another."""
    env = (os.environ.get("SOURCE_DATE_EPOCH") or "").strip()
    if env:
        last = datetime(LAST_YEAR + 1, 1, 1, tzinfo=timezone.utc).timestamp()
        if not env.isdigit() or len(env) > 12 or int(env) >= last:
            raise RenderError(f"SOURCE_DATE_EPOCH={env[:20]}: give the seconds since 1970 of a moment before "
                              f"{LAST_YEAR + 1} (a DOCX records years up to {LAST_YEAR})")
        return datetime.fromtimestamp(int(env), tz=timezone.utc)
    if date:
        try:
            when = datetime.strptime(date[:10], "%Y-%m-%d").replace(tzinfo=timezone.utc)
        except ValueError:
            raise RenderError(f"date {date!r}: not a date (YYYY-MM-DD)") from None
        if when.year > LAST_YEAR:
            raise RenderError(f"date {date}: a DOCX records dates up to {LAST_YEAR}")
        return when
    return datetime.fromtimestamp(DEFAULT_EPOCH, tz=timezone.utc)


def save(doc, path: str | os.PathLike, date: str | None = None, title: str = "") -> None:
    """Write the document byte-for-byte reproducibly: fixed core properties and zip timestamps,
    zip entries in a fixed order. The file appears whole or not at all."""
    write_bytes(path, to_bytes(doc, date, title))


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write a finished document atomically; an OS refusal becomes a RenderError naming the file."""
    try:
        atomic_write_bytes(path, data)
    except StorageError as exc:
        raise RenderError(f"{path}: cannot write the document ({exc.reason})") from exc


def to_bytes(doc, date: str | None = None, title: str = "") -> bytes:
    when = epoch(date).replace(tzinfo=None)
    cp = doc.core_properties
    cp.created = cp.modified = when
    cp.last_printed = when
    cp.revision = 1
    cp.last_modified_by = "lawpatch"
    cp.title = title
    raw = io.BytesIO()
    doc.save(raw)
    return normalize_zip(raw.getvalue(), when)


def normalize_zip(data: bytes, when: datetime) -> bytes:
    """The same package with sorted entries ([Content_Types].xml first) and one timestamp."""
    # a zip records times from 1980: an earlier moment is written as 1980 there, the properties keep it
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    src = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def run(paragraph, text: str, bold: bool = False, strike: bool = False, italic: bool = False, size=None):
    """Add a run with the given marks; returns it."""
    r = paragraph.add_run(text)
    if bold:
        r.bold = True
    if strike:
        r.font.strike = True
    if italic:
        r.italic = True
    if size is not None:
        from docx.shared import Pt

        r.font.size = Pt(size)
    return r
