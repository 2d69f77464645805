"""The title block of an official text: the act's name, its date and number line, and the
database's list of amending acts (which becomes lifecycle metadata), in Russian and Kyrgyz."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..meta import AmendingAct
from .classify import EDITORIAL

# Month stems shared by Russian («января») and Kyrgyz («январындагы», «4-августу») forms.
_MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
           "ноябр", "декабр"]
_MONTH_RX = r"(?P<month>январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
_NUMBER = r"(?:№|N)\s*(?P<number>[0-9]+(?:-[0-9IVXLCа-яА-Я]+)?)"
DATE_RU = re.compile(rf"(?P<day>\d{{1,2}})\s+{_MONTH_RX}\s+(?P<year>\d{{4}})\s*(?:года|г\.)?\s*(?:{_NUMBER})?")
DATE_KY = re.compile(rf"(?P<year>\d{{4}})\s*-?\s*жыл\w*\s+(?P<day>\d{{1,2}})\s*-\s*{_MONTH_RX}\s*(?:{_NUMBER})?")
_TITLE = re.compile(r"(КОДЕКС|ЗАКОН|КОНСТИТУЦ|МЫЙЗАМ)", re.I)
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


def iso_date(m: re.Match) -> str:
    month = next(i for i, stem in enumerate(_MONTHS) if m.group("month").lower().startswith(stem)) + 1
    return f"{int(m.group('year')):04d}-{month:02d}-{int(m.group('day')):02d}"


def find_dates(text: str) -> list[tuple[str, str, str]]:
    """Every «date № number» in a text, as (iso date, number, the words as printed)."""
    out = []
    for rx in (DATE_RU, DATE_KY):
        for m in rx.finditer(text):
            out.append((m.start(), iso_date(m), m.group("number") or "", m.group(0).strip()))
    return [(d, n, s) for _, d, n, s in sorted(out)]


def read_title_block(lines) -> TitleBlock:
    """Read the title block from the lines before the first structural unit.

    The block runs from the top to the last of: the title line, the date line, the notes that
    follow them. Lines after it (before the first unit) are the preamble.
    """
    tb = TitleBlock()
    texts = [line.text for line in lines]
    notes: list[str] = []
    for i, text in enumerate(texts[:12]):
        if tb.title_index < 0 and _TITLE.search(text) and _mostly_upper(text):
            tb.title_index = i
            tb.title = text
            tb.size = i + 1
            if re.fullmatch(r"(ЗАКОН|МЫЙЗАМЫ?)\b.*", text.strip()) and i + 1 < len(texts) \
                    and _mostly_upper(texts[i + 1]):
                tb.title = f"{text} {texts[i + 1]}"
                tb.size = i + 2
            continue
        if tb.title_index >= 0 and tb.date_index < 0 and i >= tb.size:
            dates = find_dates(text)
            if dates and len(text) < 120:
                tb.date, tb.number, _ = dates[0]
                tb.date_index = i
                tb.size = i + 1
                continue
        if tb.title_index >= 0 and i == tb.size and lines[i].kind == EDITORIAL:
            tb.size = i + 1
            notes.append(text)
            continue
        if tb.title_index >= 0 and i >= tb.size:
            break
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
    m = re.match(r"^ЗАКОН\s+КЫРГЫЗСКОЙ\s+РЕСПУБЛИКИ\s+(.*)$", text, re.I)
    if m:
        text = m.group(1).strip(' "«»')
    text = text.lower()
    text = text[:1].upper() + text[1:]
    for name in ("Кыргызской Республики", "Кыргызской Республике", "Кыргызская Республика",
                 "Кыргыз Республикасынын", "Кыргыз Республикасы"):
        text = re.sub(name, name, text, flags=re.I)
    return text
