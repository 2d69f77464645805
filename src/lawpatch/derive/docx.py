"""The edited Word document: the consolidated text ``lawpatch render`` wrote, edited in Word or
LibreOffice. Its paragraphs are read as the document reads with every tracked change accepted (an
inserted run kept, a deleted one dropped, a paragraph whose mark was deleted joined to the next),
and imported as the law's plain text.

``render`` marks each paragraph that prints a unit with a hidden bookmark («_lp<N>»: block N of
the law as rendered) and records the law's expression in the document's properties. The marks
tell the law apart (another act's document is refused), and pair each marked paragraph with the
unit it printed, whatever became of its words (the alignment keeps those pairs and aligns by text
between them); a document without them (typed anew, or saved by a tool that drops bookmarks) is
still read, by aligning its text with the law, with a warning.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import Finding, UsageError
from ..law import Law
from ..render.consolidated import MARK
from .text import check_title, import_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML = 200 * 1024 * 1024          # an uncompressed document part larger than this is refused


def read_docx(path: Path, old: Law, lang: str) -> tuple[Law, list[Finding], dict]:
    """The edited law, the findings, and the pins: each unit of the edited text whose paragraph
    carries a mark → the unit of the law it marks (the alignment keeps those pairs)."""
    read, identifier, marks = _read(path)
    paragraphs = [text for text, _ in read]
    findings: list[Finding] = []
    if identifier:
        work = identifier.split("/" + lang + "@")[0].split("/rus@")[0].split("/kir@")[0]
        if old.work_uri and work != old.work_uri:
            raise UsageError(f"{path}: the document of another act ({identifier}), not of {old.work_uri} «{old.title}»")
        if identifier != old.expression_uri:
            findings.append(Finding("DERIVE.MARKS", f"the document was rendered from {identifier}; the law is now "
                                    f"{old.expression_uri}: read by aligning its text", file=str(path),
                                    severity="warning", hint="render the law again and edit that document"))
    if not marks:
        findings.append(Finding("DERIVE.MARKS", "the document has no unit marks of `lawpatch render`: its "
                                "paragraphs are matched to the law's units by their text", file=str(path),
                                severity="warning",
                                hint="edit a document written by `lawpatch render` to keep the marks"))
    text = "\n".join(p for p in paragraphs if p.strip()) + "\n"
    if not text.strip():
        raise UsageError(f"{path}: the document has no text")
    new, more = import_text(text, path, old, lang)
    check_title(new, old, path)
    pins = _pins(read, old, new) if marks and identifier == old.expression_uri else {}
    return new, findings + more, pins


def _pins(read: list[tuple[str, int | None]], old: Law, new: Law) -> dict:
    """{edited unit: law's unit} for the marked paragraphs: the edited text printed as ``render``
    prints it must give the document's paragraphs one for one (else no pins: the text decides)."""
    from ..render.consolidated import law_blocks
    from .words import norm

    read = [(text, mark) for text, mark in read if text.strip()]
    printed = law_blocks(new)
    if len(printed) != len(read) or any(norm(b.text) != norm(t) for b, (t, _) in zip(printed, read)):
        return {}
    rendered = law_blocks(old)
    pins = {}
    for block, (_, mark) in zip(printed, read):
        if mark is None or not block.unit or not 0 <= mark < len(rendered) or not rendered[mark].unit:
            continue
        mine, theirs = new.index.get(block.unit), old.index.get(rendered[mark].unit)
        if mine is not None and theirs is not None and mine not in pins:
            pins[mine] = theirs
    return pins


def _read(path: Path) -> tuple[list[tuple[str, int | None]], str, int]:
    """(the paragraphs with tracked changes accepted, each with the block its mark names; the
    document's identifier; how many paragraphs carry a unit mark)."""
    from ..xmlio import XmlError, parse_bytes

    try:
        with zipfile.ZipFile(path) as z:
            info = z.getinfo("word/document.xml")
            if info.file_size > MAX_XML:
                raise UsageError(f"{path}: the document part is {info.file_size} bytes unpacked: too large")
            data = z.read(info)
            core = z.read("docProps/core.xml") if "docProps/core.xml" in z.namelist() else b""
    except KeyError:
        raise UsageError(f"{path}: not a Word document (a zip archive without word/document.xml)") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise UsageError(f"{path}: not a readable Word document ({exc})") from None
    try:
        body = parse_bytes(data, str(path)).getroot()
        identifier = ""
        if core:
            found = parse_bytes(core, f"{path}:docProps/core.xml").getroot().find(
                "{http://purl.org/dc/elements/1.1/}identifier")
            identifier = (found.text or "").strip() if found is not None else ""
    except XmlError as exc:
        raise UsageError(f"{path}: a damaged Word document: {exc}") from None
    paragraphs: list[tuple[str, int | None]] = []
    marks = 0
    carry, carried = "", None
    for p in body.iter(W + "p"):
        text = carry + _accepted_text(p)
        names = [b.get(W + "name", "") for b in p.iter(W + "bookmarkStart")]
        block = next((int(n[len(MARK):]) for n in names if n.startswith(MARK) and n[len(MARK):].isdigit()), None)
        block = carried if carried is not None else block
        marks += block is not None
        if p.find(f"{W}pPr/{W}rPr/{W}del") is not None:     # the paragraph mark deleted: the next runs on
            carry, carried = text, block
            continue
        carry, carried = "", None
        paragraphs.append((" ".join(text.split()), block))
    if carry:
        paragraphs.append((" ".join(carry.split()), carried))
    return paragraphs, identifier, marks


def _accepted_text(p) -> str:
    """The paragraph's text with its tracked insertions kept and its tracked deletions dropped."""
    out = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "noBreakHyphen"):
        if any(a.tag in (W + "del", W + "moveFrom") for a in el.iterancestors()):
            continue
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag == W + "noBreakHyphen":
            out.append("-")
        else:
            out.append(" ")
    return re.sub(r"[\u00a0\u2007\u202f]", " ", "".join(out))
