"""The edited text, read into a law: an AKN file, the plain text ``lawpatch text`` prints, or a
DOCX written by ``lawpatch render`` (Word's tracked changes read as accepted)."""
from __future__ import annotations

from pathlib import Path

from ..errors import Finding, LawpatchError, UsageError
from ..law import Law, LawError


def read_edited(path: Path, old: Law, lang: str) -> tuple[Law, list[Finding], str, dict]:
    """The edited law, the findings of reading it, its format (xml, text, docx) and the pins of a
    marked Word document (:func:`.docx.read_docx`); a clear :class:`UsageError` for a missing,
    empty, corrupt or foreign file."""
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    with path.open("rb") as f:           # the head tells the format: the file is read whole once, later
        head = f.read(512)
    if not head.strip():
        raise UsageError(f"{path}: the file is empty")
    if head.startswith(b"PK\x03\x04") or path.suffix.lower() == ".docx":
        from .docx import read_docx

        new, findings, pins = read_docx(path, old, lang)
        return new, findings, "docx", pins
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return _xml(path, old, lang), [], "xml", {}
    from .text import read_text

    return (*read_text(path, old, lang), "text", {})


def _xml(path: Path, old: Law, lang: str) -> Law:
    try:
        new = Law.load(path)
    except (LawError, LawpatchError) as exc:
        raise UsageError(f"{path}: not a law in Akoma Ntoso: {exc}") from None
    same_law(new, old, path)
    if new.lang and new.lang != lang:
        raise UsageError(f"{path}: the {new.lang} text of the law; the bill amends its {lang} text "
                         f"(give --lang {new.lang}, or the {lang} text)")
    return new


def same_law(new: Law, old: Law, path: Path) -> None:
    """Refuse the text of another act."""
    if new.work_uri and old.work_uri and new.work_uri != old.work_uri:
        raise UsageError(f"{path}: another act ({new.work_uri}, «{new.title}»), not {old.work_uri} «{old.title}»")
