"""Importing official KR texts into the KR profile of Akoma Ntoso.

A pipeline with one seam: a *front end* per source format turns the file into
:class:`~lawpatch.importer.lines.SourceLine` objects — the official database's plain text shape,
one paragraph a line, with the line number in the original file — and one shared *back end*
recognises the structure and builds the AKN document (see docs/profile.md).

Front ends (module: function ``read_lines(path) -> ReadResult``):
- ``text``       plain text saved from the database (``*.ru.txt``)
- ``docx``       the database's Word files (``orig/*.ky.docx``)
- ``pdf``        PDF prints (through their text: ``*.ed2025.ru.txt`` made by pdftotext, or the PDF)
- ``flattened``  the restructured export of the migration laws (one line an article)
"""
from __future__ import annotations

import importlib
from pathlib import Path

from typing import TYPE_CHECKING

from ..errors import LawpatchError, UsageError

if TYPE_CHECKING:
    from .document import ImportResult
    from .lines import ReadResult

__all__ = ["ImportResult", "import_file", "parse_fragment", "read_source", "FORMATS"]

FORMATS = ("text", "docx", "pdf", "flattened")


def __getattr__(name: str):
    """``ImportResult`` and ``parse_fragment`` on first use: the patch engine reads inserted text
    with the fragment parser and needs none of the front ends' and title block's modules."""
    if name == "ImportResult":
        from .document import ImportResult
        return ImportResult
    if name == "parse_fragment":
        from .fragment import parse_fragment
        return parse_fragment
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def detect_format(path: Path) -> str:
    """The front end for a file: by suffix, then by the text's own marks."""
    suffix = path.suffix.lower()
    if suffix in (".docx", ".pdf"):
        return suffix[1:]
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError as exc:
        raise LawpatchError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"%PDF"):
        return "pdf"
    text = head.decode("utf-8", "ignore")
    if "Original section/article:" in text[:2000]:
        return "flattened"
    if "\f" in text or "cbd.minjust.gov.kg" in text:
        return "pdf"
    return "text"


def read_source(path: str | Path, fmt: str | None = None, progress=None) -> "ReadResult":
    """Run the front end of ``fmt`` (``None``/``auto``: detected) on ``path`` (``progress(done,
    total)`` as the pages of a PDF are read)."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    fmt = detect_format(path) if fmt in (None, "auto") else fmt
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; one of: auto, {', '.join(FORMATS)}")
    try:
        module = importlib.import_module(f"{__name__}.{fmt}")
    except ImportError as exc:
        raise LawpatchError(f"{path}: the {fmt} front end is not available ({exc})") from exc
    return module.read_lines(path, progress=progress) if fmt == "pdf" else module.read_lines(path)


def import_file(path, fmt: str | None = None, lang: str | None = None, progress=None, **overrides) -> "ImportResult":
    """Import an official text into a :class:`~lawpatch.law.Law` of the KR profile.

    ``overrides`` (``title``, ``date``, ``number``, ``naming``, ``doc_name``, ``publication``)
    fill in or replace what the title block gives.
    """
    from .document import build_law

    read = read_source(path, fmt, progress)
    return build_law(read, str(path), lang=lang, **overrides)
