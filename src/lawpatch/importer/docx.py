"""Front end for the official database's Word files (``*.docx``).

The database writes one paragraph of the law per Word paragraph, headings included; a heading
paragraph may hold a line break («I БӨЛҮМ» / «ЖАЛПЫ БӨЛҮК», «1-Глава» / «Негизги жоболор»),
which becomes two lines, as in the database's plain text. Tables (the adoption banner at the
top, rate tables in the text, the signature block at the end) are read a row a line, its cells
joined by « | » as the database's plain text prints them, and reported. ``lineno`` is the
1-based number of the Word paragraph in reading order (table paragraphs counted where they stand).
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from lawpatch.errors import LawpatchError
from lawpatch.importer import bounds
from lawpatch.importer.lines import ReadResult, SourceLine

_SPACES = "\u00a0\u2007\u202f\ufeff"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_lines(path: str | Path) -> ReadResult:
    """Read the paragraphs (and table rows) of a DOCX in reading order, one per line."""
    path = Path(path)
    document = _open(path)
    from docx.table import Table

    result = ReadResult(lines=[], warnings=[], format="docx")
    counter = [0]
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            first = counter[0] + 1
            cells = _table_lines(block, counter, result)
            if cells:
                result.warnings.append((first, f"table ({cells} rows) read a row a line, its cells joined "
                                               "by « | »: check that its text belongs to the law"))
        else:
            counter[0] += 1
            _add(result, paragraph_text(block), counter[0])
    if not result.lines:
        raise LawpatchError(f"{path}: the Word file has no text")
    return result


def _open(path: Path):
    """Open a DOCX with python-docx, turning every kind of bad input into one clear error."""
    if not path.is_file():
        raise LawpatchError(f"{path}: no such file")
    try:
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                raise LawpatchError(f"{path}: not a Word document (a zip archive without word/document.xml)")
    except zipfile.BadZipFile as exc:
        raise LawpatchError(f"{path}: not a Word document (.docx is a zip archive; this file is not one)") from exc
    bounds.check_docx(path)
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds (KeyError, ValueError, lxml errors…)
        raise LawpatchError(f"{path}: cannot read the Word document: {exc}") from exc


def _table_lines(table, counter: list[int], result: ReadResult) -> int:
    """Add each row of ``table`` as one line, its cells joined by « | » (as the database's text
    prints a table; a run of empty cells is one empty cell, a row of one filled cell is that cell's
    text); return how many rows had text."""
    filled = 0
    for row in table.rows:
        seen = set()  # the cell elements themselves: holding them keeps lxml's proxies (and identity) stable
        cells = []
        first = counter[0] + 1
        for cell in row.cells:
            if cell._tc in seen:  # a cell merged across columns is repeated along the row
                continue
            seen.add(cell._tc)
            counter[0] += len(cell.paragraphs)
            cells.append(" ".join(paragraph_text(paragraph) for paragraph in cell.paragraphs).replace("\n", " "))
        cells = [_clean(cell) for cell in cells]
        if sum(1 for cell in cells if cell) == 1:
            cells = [cell for cell in cells if cell]  # a stamp placed by a layout table
        cells = [cell for i, cell in enumerate(cells) if cell or i == 0 or cells[i - 1]]  # one gap for empty cells
        filled += _add(result, " | ".join(cells), first)
    return filled


def paragraph_text(paragraph) -> str:
    """The paragraph's text, a superscript number after a digit written as the database's plain
    text writes it: «82» + superscript «1» → «82-1» (python-docx would give «821»)."""
    from docx.text.run import Run

    out = []
    for r in paragraph._p.iter(_W + "r"):
        text = Run(r, paragraph).text
        if text.isdigit() and out and out[-1][-1:].isdigit() and _superscript(r):
            text = "-" + text
        out.append(text)
    return "".join(out)


def _superscript(r) -> bool:
    align = r.find(f"{_W}rPr/{_W}vertAlign")
    return align is not None and align.get(_W + "val") == "superscript"


def _clean(text: str) -> str:
    return " ".join(text.translate({ord(c): " " for c in _SPACES}).split())


def _add(result: ReadResult, text: str, lineno: int) -> bool:
    """Add the lines of one paragraph (split at its line breaks); return whether any had text."""
    added = False
    for piece in text.replace("\r", "\n").split("\n"):
        piece = _clean(piece)
        if piece.strip("| "):
            result.lines.append(SourceLine(piece, lineno))
            added = True
    return added
