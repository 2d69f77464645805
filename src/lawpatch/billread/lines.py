"""The text of an amending law as numbered items: lines read from a .txt or a .docx, the quoted
new text that follows an instruction («… следующего содержания:» + «…») joined to it, and each
item's place in the nesting («1)», «а)», «-»).

Quotes: «…» are counted (they nest); straight quotes "…", as older texts print them, cannot be,
so a block opened by one ends at the first line that ends with a quote and «;» or «.».
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError


@dataclass(frozen=True)
class Line:
    no: int
    text: str


@dataclass
class Item:
    """One item of the bill: its line, its marker («1)», «а)», «-», «»), its level (1 numbers,
    2 letters, 3 dashes, 0 unmarked), its words, and the quoted block that follows it."""

    no: int
    marker: str
    level: int
    text: str
    block: str | None = None
    block_line: int = 0
    unclosed: bool = False     # the quoted block never closes: the text is cut, or a quote is missing


def read_lines(path: Path) -> list[Line]:
    """The non-blank lines of a bill (.txt in UTF-8, or .docx), stripped, with their numbers."""
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    if path.read_bytes()[:4] == b"PK\x03\x04" or path.suffix.lower() == ".docx":
        texts = _docx_paragraphs(path)
    else:
        from ..importer.text import decode

        texts = decode(path).splitlines()
    out = [Line(i, " ".join(t.replace("\u00a0", " ").split())) for i, t in enumerate(texts, 1)]
    if _fixed_width(texts):
        out = _paragraphs(texts)
    out = [x for x in out if x.text]
    if not out:
        raise UsageError(f"{path}: the file is empty")
    return out


def _fixed_width(texts: list[str]) -> bool:
    """An old text typed at a fixed width: paragraphs start indented, their lines run on at the margin."""
    lines = [t for t in texts if t.strip()]
    indented = sum(1 for t in lines if re.match(r"^\s{3,}\S", t))
    return len(lines) > 5 and 0.2 * len(lines) <= indented <= 0.8 * len(lines) and \
        sum(len(t) >= 60 for t in lines) >= 0.3 * len(lines)


def _paragraphs(texts: list[str]) -> list[Line]:
    """The paragraphs of a fixed-width text: a line at the margin continues the paragraph above;
    a word broken at the margin («Ведо-» «мости») is joined again."""
    out: list[Line] = []
    for i, raw in enumerate(texts, 1):
        text = " ".join(raw.replace("\u00a0", " ").split())
        if not text:
            continue
        if out and not re.match(r"^\s{3,}", raw) and out[-1].text:
            prev = out[-1].text
            if re.search(r"[а-яёa-z]-$", prev) and text[:1].islower():
                joined = prev[:-1] + text
            else:
                joined = f"{prev} {text}"
            out[-1] = Line(out[-1].no, joined)
            continue
        out.append(Line(i, text))
    return out


def _docx_paragraphs(path: Path) -> list[str]:
    """The paragraphs of a Word document as it reads with its tracked changes accepted."""
    import zipfile

    from ..xmlio import parse_bytes

    try:
        with zipfile.ZipFile(path) as z:
            data = z.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise UsageError(f"{path}: not a readable Word document ({exc})") from None
    root = parse_bytes(data, str(path)).getroot()
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out = []
    for p in root.iter(w + "p"):
        parts = []
        for el in p.iter(w + "t", w + "tab", w + "br", w + "delText"):
            if any(a.tag == w + "del" for a in el.iterancestors()):
                continue
            parts.append(el.text or "" if el.tag == w + "t" else " ")
        out.append("".join(parts))
    return out


_MARKERS = [(re.compile(r"^(\d+)\)\s*"), 1), (re.compile(r"^(\d+)\.\s+(?=[^\d])"), 1),
            (re.compile(r"^([а-я])\)\s*"), 2), (re.compile(r"^[-–—]\s+"), 3)]
_OPENS = ("«", '"', "“", "„")


def items(lines: list[Line]) -> list[Item]:
    """The items of the instructions' part of a bill, quoted blocks joined to the item before."""
    out: list[Item] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        wants = out and out[-1].block is None and re.search(r"(?:содержания|редакции):$", out[-1].text)
        if wants and line.text.startswith(_OPENS) and not _quoted_term(line.text):
            block, end, closed = _block(lines, i)
            out[-1].block, out[-1].block_line, out[-1].unclosed = block, line.no, not closed
            i = end + 1
            continue
        if wants:               # the new text printed without quotes, up to the next instruction
            end = _unquoted_end(lines, i, out[-1])
            out[-1].block = "\n".join(x.text for x in lines[i:end]).rstrip(";.") if end > i else None
            out[-1].block_line = line.no
            if end > i:
                i = end
                continue
        marker, level, text = "", 0, line.text
        for pattern, lvl in _MARKERS:
            m = pattern.match(text)
            if m:
                marker, level, text = m.group(0).strip(), lvl, text[m.end():]
                break
        out.append(Item(line.no, marker, level, text))
        i += 1
    return out


def _quoted_term(text: str) -> bool:
    """A line that starts with a quoted term but runs on («"Маркировка товара" - нанесение …»):
    the text of a definition, not a quoted block."""
    m = re.match(r'^["“]([^"”]+)["”]\s+[-–—]', text)
    return bool(m)


def _unquoted_end(lines: list[Line], start: int, item: Item) -> int:
    """Where new text printed without quotes ends: at the next instruction of the same list
    («2)» after «1)», «б)» after «а)»), a group («в статье 5:»), or the next article."""
    following = None
    m = re.match(r"^(\d+)\)$", item.marker)
    if m:
        following = re.compile(rf"^{int(m.group(1)) + 1}\)\s")
    m = re.match(r"^([а-я])\)$", item.marker)
    if m:
        letter = chr(ord(m.group(1)) + 1)
        following = re.compile(rf"^{letter}\)\s")
    for j in range(start, len(lines)):
        t = lines[j].text
        if (following and following.match(t)) or re.match(r"^Статья\s+\d+", t) or \
                (re.match(r"^(?:в|во)\s.+:$", t) and j > start):
            return j
    return len(lines)


def _block(lines: list[Line], start: int) -> tuple[str, int, bool]:
    """The quoted text that starts at ``lines[start]`` (quotes taken off, the line breaks kept),
    the index of its last line, and whether its quote closes (a text cut short never does)."""
    first = lines[start].text
    straight = first[0] != "«"
    depth = 0
    collected: list[str] = []
    for j in range(start, len(lines)):
        t = lines[j].text
        collected.append(t)
        if straight:
            if re.search(r"[\"”»][.;]?$", t) and (j > start or len(t) > 1):
                break
        else:
            depth += t.count("«") - t.count("»")
            if depth <= 0 and re.search(r"»[.;]?$", t):
                break
    else:
        return "\n".join(collected), len(lines) - 1, False
    text = "\n".join(collected)
    text = re.sub(r"[.;]$", "", text.rstrip())
    return unquote(text), j, True


def unquote(text: str) -> str:
    """The text without its outer quotes («…» or "…")."""
    text = text.strip()
    if len(text) >= 2 and text[0] in "«\"“„" and text[-1] in "»\"”":
        return text[1:-1]
    return text
