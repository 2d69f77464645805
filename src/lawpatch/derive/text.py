"""The edited plain text of a law — what ``lawpatch text`` prints, edited in any text editor — read
into a law by the importer (the editorial marks «[ред.] » taken off, so that the database's notes
are read as notes again)."""
from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

from ..errors import Finding, LawpatchError, UsageError
from ..importer.text import decode
from ..law import Law
from ..textrender import EDITORIAL_MARK


def unmarked(text: str) -> str:
    """The text without the «[ред.] » marks ``lawpatch text`` puts before editorial notes."""
    return "\n".join(line[len(EDITORIAL_MARK):] if line.startswith(EDITORIAL_MARK) else line
                     for line in text.splitlines()) + "\n"


def import_text(text: str, source: Path, old: Law, lang: str) -> tuple[Law, list[Finding]]:
    """Import the text of the law (the importer reads a file: a temporary one beside nothing)."""
    from ..importer import import_file

    fd, tmp = tempfile.mkstemp(suffix=".txt", prefix="lawpatch-derive-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        try:
            try:
                result = import_file(tmp, fmt="text", lang=lang, naming=old.naming)
            except LawpatchError as exc:
                if "title block" not in str(exc):
                    raise
                # a text without the title block (or a law imported without one): the law's own
                # title, date and number; another act's text is then told by its articles
                result = import_file(tmp, fmt="text", lang=lang, naming=old.naming, title=old.title,
                                     date=old.date, number=old.number)
        except LawpatchError as exc:
            raise UsageError(f"{source}: the edited text cannot be read as a law: "
                             f"{str(exc).replace(tmp, str(source))}") from None
    finally:
        os.unlink(tmp)
    findings = [replace(f, code="DERIVE.IMPORT", file=str(source), message=f.message.replace(tmp, str(source)))
                for f in result.warnings if f.code not in _TITLE_BLOCK]
    return result.law, findings


# what the importer says of the title block: the bill amends the law's own, so none of it matters
_TITLE_BLOCK = frozenset({"IMPORT.NO_TITLE", "IMPORT.NO_DATE", "IMPORT.NO_NUMBER", "IMPORT.TITLE_FROM_HEADER",
                          "IMPORT.DATE_FROM_HEADER", "IMPORT.NUMBER_FROM_HEADER", "IMPORT.DATE_FROM_ADOPTION",
                          "IMPORT.DATE_FROM_PUBLICATION", "IMPORT.DRAFT"})


def read_text(path: Path, old: Law, lang: str) -> tuple[Law, list[Finding]]:
    new, findings = import_text(unmarked(decode(path)), path, old, lang)
    check_title(new, old, path)
    return new, findings


def check_title(new: Law, old: Law, path: Path) -> None:
    """Refuse the text of another act (its title is not the law's)."""
    from .words import norm

    a, b = norm(new.title).lower(), norm(old.title).lower()
    if a and b and a != b:
        raise UsageError(f"{path}: the text of «{new.title}», not of «{old.title}»")
