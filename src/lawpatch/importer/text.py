"""Front end for plain text saved from the official database: one paragraph a line."""
from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from .lines import ReadResult, SourceLine


def decode(path: str | Path) -> str:
    """The file as text: UTF-8 (with or without BOM); a clear error (exit 2) for a missing, empty or
    binary file or another encoding (naming Windows-1251 when the file reads as it)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    if b"\x00" in data[:65536]:
        raise UsageError(f"{path}: a binary file, not a text (give --format for Word or PDF files)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        try:
            data.decode("cp1251")
            guess = ", it reads as Windows-1251"
        except UnicodeDecodeError:
            guess = ""
        raise UsageError(f"{path}:{line}: not UTF-8 text (byte {exc.start}{guess}); save the text as UTF-8") from None
    if not text.strip():
        raise UsageError(f"{path}: the file is empty")
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
