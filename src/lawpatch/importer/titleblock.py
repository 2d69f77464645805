"""The title block of an official text, in Russian and Kyrgyz: the act's name as printed (over
one to four lines, a part of a code included), its date and number, the database's notices and
list of amending acts (lifecycle metadata), and the marks of a repealed act or a draft.

What the database prints before the first unit, in the order it may come::

    Внимание! / Көңүл буруңуздар! …            notices (any number of lines)
    … Мыйзамына ылайык КҮЧҮН ЖОГОТТУ            the act was repealed (before or after the title)
    Проект / Долбоор                            a draft
    ГРАЖДАНСКИЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ    the title, possibly wrapped
    ЧАСТЬ II / II БӨЛҮК                         a part of a code
    от 5 января 1998 года № 1                   date and number (1998-жылдын 5-январы № 1)
    О внешней миграции                          the name, after «ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ»
    Принят на XI съезде судей … 2019 года       the adoption, for acts without a number
    (В редакции Законов КР от …)                editorial notes

A page header of a PDF print («Кодекс КР от 25 января 2017 года № 14 "…"») or a line of that form
at the top of a text gives what a damaged title block lacks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import find_dates
from ..meta import AmendingAct
from . import classify as c

_TITLE = re.compile(r"КОДЕКС|ЗАКОН|КОНСТИТУЦ|МЫЙЗАМ", re.I)
_STATE = re.compile(r"КЫРГЫЗСКАЯ\s+РЕСПУБЛИКА|КЫРГЫЗ\s+РЕСПУБЛИКАСЫ")   # printed above «ЗАКОН»
_GENERIC = re.compile(r"(?:ЗАКОН(?:\s+КЫРГЫЗСКОЙ\s+РЕСПУБЛИКИ)?|(?:КЫРГЫЗ\s+РЕСПУБЛИКАСЫНЫН\s+)?МЫЙЗАМЫ?)")
_PART = re.compile(r"(?:ЧАСТЬ\s+(?:[IVX]+|ПЕРВАЯ|ВТОРАЯ|ТРЕТЬЯ|ЧЕТВЕРТАЯ)|(?:[IVX]+|БИРИНЧИ|ЭКИНЧИ|ҮЧҮНЧҮ|ТӨРТҮНЧҮ)\s+БӨЛҮК)\.?",
                   re.I)
_DRAFT = re.compile(r"(?:ПРОЕКТ|Проект|ДОЛБООР|Долбоор)\b")
_REPEALED = re.compile(r"КҮЧҮН\s+ЖОГОТТУ|утратил[аио]?\s+силу", re.I)
# adopted or put into force (the date of an act without a date line): «Принят на XI съезде судей …
# 11 марта 2019 года», «(Введена в действие Законом … от 5 мая 2021 года)», «… кабыл алынды»
_ADOPTED = re.compile(r"^\(?Принят[аоы]?\s|введен\w*\s+в\s+действие|кабыл\s+алын|күчүнө\s+киргиз|колдонууга\s+киргиз", re.I)
_AMENDMENT_LIST = re.compile(r"^\((?:В редакции|КР\s+\d{4}|Кыргыз Республикасынын\s+\d{4}.*редакция)")
_QUOTED = re.compile(r"[\"«“](.+)[\"»”]")
_LOOK = 40   # how many lines from the top the title may start after (notices before it)


@dataclass
class Header:
    """What a page header line says: «Кодекс КР "…" от 8 мая 1996 года № 15»."""

    name: str
    date: str
    number: str
    lineno: int = 0


@dataclass
class TitleBlock:
    title: str = ""            # as printed, its lines joined («ГРАЖДАНСКИЙ КОДЕКС … ЧАСТЬ II»)
    date: str = ""             # ISO
    number: str = ""
    doc_name: str = "act"      # act | code | constitution
    part: str = ""             # «ЧАСТЬ II», «II БӨЛҮК» printed between the name and the date
    amendments: list[AmendingAct] = field(default_factory=list)
    repealed_by: AmendingAct | None = None
    draft: bool = False
    adopted_date: str = ""     # «Принят на XI съезде судей … 11 марта 2019 года»
    header: Header | None = None
    size: int = 0              # how many leading lines belong to the title block
    title_start: int = -1      # the title's lines: [title_start, title_end)
    title_end: int = -1
    date_index: int = -1
    name_index: int = -1       # the act's name on a line of its own, after «ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ»
    notes: dict[str, int] = field(default_factory=dict)   # what was found where: «repealed» → line index

    def name(self, lines) -> str:
        """The act's name without «Закон КР» («О внешней миграции»)."""
        if self.name_index >= 0:
            return _unquote(lines[self.name_index].text)
        if self.title:
            return plain_title(self.title)
        return self.header.name if self.header else ""


def read_title_block(lines, header: Header | None = None) -> TitleBlock:
    """Read the title block from the top of the classified lines.

    The block runs from the top to the last of: the title, the part, the date line, the name and
    the notes that follow them. Lines after it, before the first unit, are the preamble.
    ``header`` is the page header of a print, used where the block lacks a date, number or name.
    """
    tb = TitleBlock(header=header)
    texts = [line.text for line in lines]
    top = _first_unit(lines)
    for i in range(min(top, _LOOK)):
        text = texts[i]
        if tb.header is None and not i and _header(text, lines[i].lineno):
            tb.header = _header(text, lines[i].lineno)
        elif _DRAFT.match(text) and len(text) < 40:
            tb.draft = True
        elif _title_run(lines, i, top):
            run = _title_run(lines, i, top)
            tb.title_start = run[1] if len(run) > 1 and _STATE.fullmatch(texts[run[0]]) else run[0]
            break
    if tb.title_start < 0:
        _notices(tb, lines, 0, min(top, _LOOK))
        return _finish(tb)
    end = _title_lines(tb, lines)
    tb.size = end
    for i in range(end, min(len(texts), end + 8)):
        text, kind = texts[i], lines[i].kind
        if kind in c.RANK:
            break
        if kind == c.EDITORIAL or _repeal_notice(texts, i):
            pass
        elif _ADOPTED.search(text) and len(text) < 200 and (find_dates(text) or _dated_next(texts, i)):
            pass
        elif i and _ADOPTED.search(texts[i - 1]) and not find_dates(texts[i - 1]) and find_dates(text):
            pass    # the adoption line's second half, with its date
        elif tb.date_index < 0 and len(text) < 120 and find_dates(text):
            tb.date, tb.number, _ = find_dates(text)[0]
            tb.date_index = i
        elif _generic(tb.title) and tb.name_index < 0 and len(text) < 200 and kind == c.TEXT:
            tb.name_index = i       # «О внешней миграции», «Качкындар жөнүндө»
        else:
            break
        tb.size = i + 1
    _notices(tb, lines, 0, tb.size)
    return _finish(tb)


def _first_unit(lines) -> int:
    return next((i for i, line in enumerate(lines) if line.kind in c.RANK), len(lines))


def _title_run(lines, i: int, top: int) -> list[int]:
    """The lines from ``i`` that print a title: a run of lines in capitals (at most five), one of
    them naming the kind of act — first in Russian («КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ О» + «НЕНАЛОГОВЫХ
    ДОХОДАХ»), last in Kyrgyz («… САЛЫКТЫК ЭМЕС» + «КИРЕШЕЛЕР ЖӨНҮНДӨ» + «КОДЕКСИ»). Empty when
    the lines there are not a title."""
    run: list[int] = []
    k = i
    while k < min(len(lines), max(top, i + 1)) and len(run) < 5 and _caps_title_line(lines[k]):
        run.append(k)
        if find_dates(lines[k].text):
            break
        k += 1
    return run if run and _TITLE.search(" ".join(_before_date(lines[k].text) for k in run)) else []


def _caps_title_line(line) -> bool:
    text = line.text
    return line.kind not in (c.EDITORIAL, *c.RANK) and _mostly_upper(_before_date(text)) and len(text) < 200 \
        and not text.startswith(("(", "«", '"')) and not _REPEALED.search(text) and not _DRAFT.match(text)


def _title_lines(tb: TitleBlock, lines) -> int:
    """Gather the title's lines from ``tb.title_start``: the name wrapped over lines in capitals, a
    part of a code, a date printed on the name's line. Returns the index after them."""
    texts = [line.text for line in lines]
    i = tb.title_start
    parts = [_before_date(texts[i])]
    if parts[0] != texts[i]:      # «ГРАЖДАНСКИЙ КОДЕКС … от 8 мая 1996 года № 15» on one line
        tb.date, tb.number, _ = find_dates(texts[i])[0]
        tb.date_index = i
    i += 1
    while tb.date_index < 0 and i < len(texts) and len(parts) < 5:
        text = texts[i]
        nxt = texts[i + 1] if i + 1 < len(texts) else ""
        if _PART.fullmatch(text) and find_dates(nxt):
            tb.part = text.rstrip(".")
        elif not _caps_title_line(lines[i]) or find_dates(text) and not _mostly_upper(_before_date(text)):
            break
        elif _named(" ".join(parts)):
            break
        parts.append(_before_date(text))
        if parts[-1] != text:
            tb.date, tb.number, _ = find_dates(text)[0]
            tb.date_index = i
        i += 1
    tb.title = " ".join(parts)
    tb.title_end = i
    return i


def _named(title: str) -> bool:
    """Whether the title lines so far are a whole Kyrgyz name: it ends with the kind of act
    («… ЭМГЕК КОДЕКСИ»), unless that is all it is («КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ», whose
    name follows). A Russian title goes on over every line in capitals until the date."""
    return bool(re.search(r"(?:КОДЕКСИ|МЫЙЗАМЫ|КОНСТИТУЦИЯСЫ)$", title)) and not _generic(title)


def _before_date(text: str) -> str:
    """The words before a date printed on the same line («… РЕСПУБЛИКИ от 8 мая 1996 года № 15»)."""
    m = re.search(r"\s(?:от\s+)?\d{1,2}\s+\w+\s+\d{4}\s*(?:года|г\.)|\s\d{4}\s*-?\s*жыл", text)
    return text[:m.start()].strip() if m and m.start() > 10 else text


def _dated_next(texts: list[str], i: int) -> bool:
    return i + 1 < len(texts) and bool(find_dates(texts[i + 1])) and len(texts[i + 1]) < 120


def _repeal_notice(texts: list[str], i: int) -> bool:
    """«Кыргыз Республикасынын 2025-жылдын 23-январындагы № 24 Мыйзамына ылайык» + «КҮЧҮН ЖОГОТТУ»."""
    return bool(_REPEALED.search(texts[i])) or (
        i + 1 < len(texts) and bool(_REPEALED.search(texts[i + 1])) and bool(find_dates(texts[i])))


def _notices(tb: TitleBlock, lines, start: int, end: int) -> None:
    """What the notes and notices of the block say: the amending acts, the repeal of the act, the
    date it was adopted or put into force."""
    notes = _join_notes([line.text for line in lines[start:end] if line.kind == c.EDITORIAL])
    for note in notes:
        if _AMENDMENT_LIST.match(note):
            tb.amendments.extend(AmendingAct(d, n, s) for d, n, s in find_dates(note) if n)
    texts = [line.text for line in lines[start:end]]
    for i, text in enumerate(texts):
        if _REPEALED.search(text) and tb.repealed_by is None and _about_the_act(text):
            acts = [(d, n, s) for d, n, s in find_dates(" ".join(texts[max(0, i - 1):i + 1])) if n]
            if acts and lines[start + i].kind not in c.RANK:
                tb.repealed_by = AmendingAct(*acts[-1])
                tb.notes["repealed"] = start + i
        adopted = text if find_dates(text) else " ".join(texts[i:i + 2])
        if _ADOPTED.search(text) and find_dates(adopted) and start + i != tb.date_index:
            tb.adopted_date = max(tb.adopted_date, find_dates(adopted)[-1][0])


def _about_the_act(text: str) -> bool:
    """A repeal notice of the act itself: printed on its own («… КҮЧҮН ЖОГОТТУ», «Утратил силу в
    соответствии с …»), not a note on a unit in brackets («(Преамбула утратила силу …)»)."""
    return not text.startswith("(") or bool(re.match(r"\((?:Закон\s+|Кодекс\s+)?утратил\s", text, re.I))


def _finish(tb: TitleBlock) -> TitleBlock:
    upper = (tb.title or (tb.header.name if tb.header else "")).upper()
    tb.doc_name = "constitution" if "КОНСТИТУЦ" in upper else "code" if "КОДЕКС" in upper else "act"
    return tb


def _header(text: str, lineno: int) -> Header | None:
    """A page header's act: «Кодекс КР "Гражданский кодекс … Часть I" от 8 мая 1996 года № 15»,
    «Кодекс КР от 25 января 2017 года № 14 "…"», «"Конституция …" от 5 мая 2021 года (…)»."""
    quoted = _QUOTED.search(text)
    dates = find_dates(text)
    if not quoted or not dates or _mostly_upper(text) or text.startswith("("):
        return None
    date, number, words = dates[0]
    if text.index(words) > quoted.start() + 200:
        return None
    return Header(quoted.group(1).strip(' "«»“”'), date, number, lineno)


def header_of(text: str, lineno: int = 0) -> Header | None:
    """The act a print's page header names (``None`` when the line is not of that form)."""
    return _header(" ".join(text.split()), lineno)


def _unquote(text: str) -> str:
    """A name printed in quotes, without them: «"О внешней миграции"» → «О внешней миграции»; quotes
    inside it stay («"Тышкы миграция жөнүндө" … Мыйзамына … жөнүндө»)."""
    text = text.strip()
    if len(text) > 1 and text[0] in "\"«“" and text[-1] in "\"»”" and not re.search(r"[\"«»“”]", text[1:-1]):
        return text[1:-1].strip()
    return text


def _generic(title: str) -> bool:
    return bool(_GENERIC.fullmatch(" ".join(title.split())))


def _join_notes(notes: list[str]) -> list[str]:
    """Notes split over lines («(КР … № 181,» + «Мыйзамдарынын редакцияларына ылайык)») joined."""
    out: list[str] = []
    for note in notes:
        if out and out[-1].startswith("(") and c.depth(out[-1]) > 0:
            out[-1] += " " + note
        else:
            out.append(note)
    return out


def _mostly_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def plain_title(printed: str) -> str:
    """«ТРУДОВОЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ» → «Трудовой кодекс Кыргызской Республики»;
    «ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ О ВНЕШНЕЙ МИГРАЦИИ» → «О внешней миграции»;
    a part of a code is named as the database's page header names it.

    >>> plain_title("ЗАКОН О ПРЕДУПРЕЖДЕНИИ И БОРЬБЕ С ТОРГОВЛЕЙ ЛЮДЬМИ")
    'О предупреждении и борьбе с торговлей людьми'
    >>> plain_title("ГРАЖДАНСКИЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ ЧАСТЬ II")
    'Гражданский кодекс Кыргызской Республики Часть II'
    >>> plain_title("КЫРГЫЗ РЕСПУБЛИКАСЫНЫН ГРАЖДАНДЫК КОДЕКСИ II БӨЛҮК")
    'Кыргыз Республикасынын граждандык кодекси II бөлүк'
    >>> plain_title("КЫРГЫЗ РЕСПУБЛИКАСЫНЫН КОНСТИТУЦИЯСЫ")
    'Кыргыз Республикасынын Конституциясы'
    """
    text = " ".join(printed.split()).strip(' "«»')
    part = _PART.search(text)
    suffix = ""
    if part and part.end() == len(text) and part.start():
        words = part.group(0).rstrip(".").split()
        suffix = " " + " ".join(w if re.fullmatch(r"[IVX]+", w) else w.lower() for w in words)
        suffix = suffix[:1] + suffix[1].upper() + suffix[2:]
        text = text[:part.start()].strip()
    m = re.match(r"^(?:ЗАКОН(?:\s+КЫРГЫЗСКОЙ\s+РЕСПУБЛИКИ)?|КЫРГЫЗ\s+РЕСПУБЛИКАСЫНЫН\s+МЫЙЗАМЫ)\s+(.*)$", text, re.I)
    if m:
        text = m.group(1).strip(' "«»')
    text = text.lower()
    text = text[:1].upper() + text[1:]
    for name in ("Кыргызской Республики", "Кыргызской Республике", "Кыргызская Республика",
                 "Кыргыз Республикасынын", "Кыргыз Республикасы", "Конституциясы"):
        text = re.sub(name, name, text, flags=re.I)
    return text + suffix
