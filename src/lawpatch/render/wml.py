"""WordprocessingML written as text and parsed in one go: the bulk of a document (the paragraphs of
a law, the rows of a table) without python-docx's element-by-element API.

python-docx finds where each new element goes by searching its parent's children, and a table
row's cells by laying out the whole table, so that adding n paragraphs or n rows costs n² (200,000
paragraphs of a body, thousands of rows of a table). Here the XML of the paragraphs and rows is
joined as text, parsed once by python-docx's own parser (so the elements are its classes) and moved
into place: linear. The paragraph and run properties are those python-docx writes: each distinct
set is made once through its API and reused as text.
"""
from __future__ import annotations

import re
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DECLARATION = re.compile(r'\s+xmlns:\w+="[^"]*"')
_BREAKS = re.compile(r"(\t|\r\n|\n|\r)")


def text_xml(text: str, tag: str = "w:t") -> str:
    """The run content of ``text`` as python-docx writes it: a tab is ``w:tab``, a line break
    ``w:br``, spaces at either end kept (``xml:space``)."""
    out = []
    for piece in _BREAKS.split(text):
        if not piece:
            continue
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            out.append("<w:br/>")
        else:
            space = ' xml:space="preserve"' if piece != piece.strip() else ""
            out.append(f"<{tag}{space}>{escape(piece)}</{tag}>")
    return "".join(out)


def run_xml(text: str, props: str = "", deleted: bool = False) -> str:
    """One run (``deleted``: its text as ``w:delText``, for a tracked deletion)."""
    return f"<w:r>{props}{text_xml(text, 'w:delText' if deleted else 'w:t')}</w:r>"


def paragraph_xml(props: str, runs: str) -> str:
    return f"<w:p>{props}{runs}</w:p>"


class Styles:
    """The ``w:pPr`` and ``w:rPr`` of a document as text, each made once with python-docx."""

    def __init__(self, doc):
        self.doc = doc
        self._made: dict = {}

    def paragraph(self, key, setup) -> str:
        """The paragraph properties ``setup(paragraph)`` gives (``key`` names them)."""
        if ("p", key) not in self._made:
            p = self.doc.add_paragraph()
            setup(p)
            ppr = p._p.pPr
            self._made[("p", key)] = _text(ppr) if ppr is not None else ""
            p._p.getparent().remove(p._p)
        return self._made[("p", key)]

    def run(self, bold=False, italic=False, strike=False, size=None) -> str:
        """The run properties of these marks, as :func:`lawpatch.render.docxbase.run` sets them."""
        key = ("r", bold, italic, strike, size)
        if key not in self._made:
            from . import docxbase

            p = self.doc.add_paragraph()
            r = docxbase.run(p, "", bold=bold, strike=strike, italic=italic, size=size)
            rpr = r._r.rPr
            self._made[key] = _text(rpr) if rpr is not None else ""
            p._p.getparent().remove(p._p)
        return self._made[key]


def _text(el) -> str:
    from lxml import etree

    return _DECLARATION.sub("", etree.tostring(el, encoding="unicode"))


def elements(xml: str) -> list:
    """The elements of a run of WordprocessingML text, parsed by python-docx's parser."""
    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import parse_xml

    return list(parse_xml(f"<w:body {nsdecls('w')}>{xml}</w:body>"))


def append(parent, xml: list[str] | str) -> None:
    """Put the elements of ``xml`` at the end of ``parent``; in a body, before its ``w:sectPr``."""
    from docx.oxml.ns import qn

    if not isinstance(xml, str):
        xml = "".join(xml)
    if not xml:
        return
    last = parent[-1] if len(parent) else None
    before = last if last is not None and last.tag == qn("w:sectPr") else None
    for el in elements(xml):
        if before is not None:
            before.addprevious(el)
        else:
            parent.append(el)
