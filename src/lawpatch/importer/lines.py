"""What every importer front end hands to the back end."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class SourceLine(NamedTuple):
    """One paragraph of the source, as the official database prints it, with its place in the file
    (a named tuple: a frozen dataclass compiled six methods at import)."""

    text: str
    lineno: int  # 1-based line (or paragraph) number in the source file


@dataclass
class ReadResult:
    """A front end's output: the lines, and what it had to report (``(lineno, message)`` pairs)."""

    lines: list[SourceLine]
    warnings: list[tuple[int, str]] = field(default_factory=list)
    format: str = "text"
    header: SourceLine | None = None   # a print's page header («Кодекс КР от … № … "…"»), dropped from the lines
