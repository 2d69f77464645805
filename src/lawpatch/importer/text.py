"""Front end for plain text saved from the official database: one paragraph a line."""
from __future__ import annotations

from pathlib import Path

from ..errors import LawpatchError
from .lines import ReadResult, SourceLine


def decode(path: str | Path) -> str:
    """The file as text; a clear error for a missing, empty, binary or non-UTF-8 file."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise LawpatchError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    if b"\x00" in data[:65536]:
        raise LawpatchError(f"{path}: a binary file, not a text (give --format for Word or PDF files)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise LawpatchError(f"{path}:{line}: not UTF-8 text (byte {exc.start}); save the text as UTF-8") from exc
    if not text.strip():
        raise LawpatchError(f"{path}: the file is empty")
    return text


def split_lines(text: str) -> list[SourceLine]:
    """Non-blank lines, stripped (no-break spaces count as blanks), with their line numbers."""
    out = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = " ".join(raw.replace("\u00a0", " ").split())
        if line:
            out.append(SourceLine(line, lineno))
    return out


def read_lines(path: str | Path) -> ReadResult:
    return ReadResult(split_lines(decode(path)), format="text")
