"""The title block of an official text: the act's name, its date and number line, and the
database's list of amending acts (which becomes lifecycle metadata), in Russian and Kyrgyz."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import find_dates
from ..meta import AmendingAct
from .classify import EDITORIAL, TEXT

_TITLE = re.compile(r"(КОДЕКС|ЗАКОН|КОНСТИТУЦ|МЫЙЗАМ)", re.I)
_GENERIC = re.compile(r"(ЗАКОН\s+КЫРГЫЗСКОЙ\s+РЕСПУБЛИКИ|ЗАКОН|КЫРГЫЗ\s+РЕСПУБЛИКАСЫНЫН\s+МЫЙЗАМЫ|МЫЙЗАМ)")
_AMENDMENT_LIST = re.compile(r"^\((?:В редакции|КР\s+\d{4}|Кыргыз Республикасынын\s+\d{4}.*редакция)")


@dataclass
class TitleBlock:
    title: str = ""            # as printed («ТРУДОВОЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ»)
    date: str = ""             # ISO
    number: str = ""
    doc_name: str = "act"      # act | code | constitution
    amendments: list[AmendingAct] = field(default_factory=list)
    size: int = 0              # how many leading lines belong to the title block
    title_index: int = -1      # which of them is the title
    date_index: int = -1
    name_index: int = -1       # the act's name on a line of its own, after «ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ»

    def name(self, lines) -> str:
        """The act's name without «Закон КР» («О внешней миграции»)."""
        if self.name_index >= 0:
            return lines[self.name_index].text.strip(' "«»')
        return plain_title(self.title)


def read_title_block(lines) -> TitleBlock:
    """Read the title block from the lines before the first structural unit.

    The block runs from the top to the last of: the title line, the date line, the notes that
    follow them. Lines after it (before the first unit) are the preamble.
    """
    tb = TitleBlock()
    texts = [line.text for line in lines]
    notes: list[str] = []
    for i, text in enumerate(texts[:12]):
        if _TITLE.search(text) and _mostly_upper(text):
            tb.title_index, tb.title, tb.size = i, text, i + 1
            break
    if tb.title_index < 0:
        return tb
    generic = bool(_GENERIC.fullmatch(tb.title.strip()))
    if generic and tb.size < len(texts) and _mostly_upper(texts[tb.size]) and not find_dates(texts[tb.size]):
        tb.title = f"{tb.title} {texts[tb.size]}"   # «ЗАКОН» + «О ПРЕДУПРЕЖДЕНИИ …»
        tb.size += 1
        generic = False
    for i in range(tb.size, min(len(texts), tb.size + 6)):
        text = texts[i]
        if lines[i].kind == EDITORIAL:
            notes.append(text)
        elif tb.date_index < 0 and len(text) < 120 and find_dates(text):
            tb.date, tb.number, _ = find_dates(text)[0]
            tb.date_index = i
        elif generic and tb.name_index < 0 and len(text) < 200 and lines[i].kind == TEXT:
            tb.name_index = i       # «О внешней миграции», «Качкындар жөнүндө»
        else:
            break
        tb.size = i + 1
    for note in _join_notes(notes):
        if _AMENDMENT_LIST.match(note):
            tb.amendments.extend(AmendingAct(d, n, s) for d, n, s in find_dates(note) if n)
    upper = tb.title.upper()
    tb.doc_name = "constitution" if "КОНСТИТУЦ" in upper else "code" if "КОДЕКС" in upper else "act"
    return tb


def _join_notes(notes: list[str]) -> list[str]:
    """Notes split over lines («(КР … № 181,» + «Мыйзамдарынын редакцияларына ылайык)») joined."""
    out: list[str] = []
    for note in notes:
        if out and not out[-1].rstrip().endswith(")"):
            out[-1] += " " + note
        else:
            out.append(note)
    return out


def _mostly_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def plain_title(printed: str) -> str:
    """«ТРУДОВОЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ» → «Трудовой кодекс Кыргызской Республики»;
    «ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ О ВНЕШНЕЙ МИГРАЦИИ» → «О внешней миграции»."""
    text = " ".join(printed.split()).strip(' "«»')
    m = re.match(r"^ЗАКОН(?:\s+КЫРГЫЗСКОЙ\s+РЕСПУБЛИКИ)?\s+(.*)$", text, re.I)
    if m:
        text = m.group(1).strip(' "«»')
    text = text.lower()
    text = text[:1].upper() + text[1:]
    for name in ("Кыргызской Республики", "Кыргызской Республике", "Кыргызская Республика",
                 "Кыргыз Республикасынын", "Кыргыз Республикасы"):
        text = re.sub(name, name, text, flags=re.I)
    return text
