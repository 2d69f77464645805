"""Front end for the official database's Word files (``*.docx``).

The database writes one paragraph of the law per Word paragraph, headings included; a heading
paragraph may hold a line break («I БӨЛҮМ» / «ЖАЛПЫ БӨЛҮК», «1-Глава» / «Негизги жоболор»),
which becomes two lines, as in the database's plain text. Tables (the adoption banner at the
top, the signature block at the end) are read cell by cell, each cell's paragraphs a line, and
reported, since they are not part of the law's structure; a cell is one line. ``lineno`` is the 1-based number of
the Word paragraph in reading order (table paragraphs counted where they stand).
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from lawpatch.errors import LawpatchError
from lawpatch.importer import bounds
from lawpatch.importer.lines import ReadResult, SourceLine

_SPACES = "\u00a0\u2007\u202f\ufeff"


def read_lines(path: str | Path) -> ReadResult:
    """Read the paragraphs (and table cells) of a DOCX in reading order, one per line."""
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
                result.warnings.append((first, f"table ({cells} non-empty cells) read cell by cell: "
                                               "check that its text belongs to the law"))
        else:
            counter[0] += 1
            _add(result, block.text, counter[0])
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
    """Add each distinct cell of ``table`` as one line; return how many cells had text."""
    seen = set()  # the cell elements themselves: holding them keeps lxml's proxies (and identity) stable
    filled = 0
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell is repeated across the row
                continue
            seen.add(cell._tc)
            first = counter[0] + 1
            counter[0] += len(cell.paragraphs)
            text = " ".join(paragraph.text for paragraph in cell.paragraphs).replace("\n", " ")
            filled += _add(result, text, first)
    return filled


def _add(result: ReadResult, text: str, lineno: int) -> bool:
    """Add the lines of one paragraph (split at its line breaks); return whether any had text."""
    added = False
    for piece in text.replace("\r", "\n").split("\n"):
        piece = " ".join(piece.translate({ord(c): " " for c in _SPACES}).split())
        if piece:
            result.lines.append(SourceLine(piece, lineno))
            added = True
    return added
