"""Line → kind: what one paragraph of an official KR text is (a unit's number line, an editorial
note, or plain text), in Russian and Kyrgyz.

A :class:`Line` keeps the number *as printed* (``num``) and the rest of the line (``rest``), so
that num + rest is the source line: nothing is lost here.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .. import lazyre

# kinds, from the largest unit to the smallest
DIVISION, PART, CHAPTER, SECTION, ARTICLE = "division", "part", "chapter", "section", "article"
SUBSECTION = "subsection"   # «1. Общие положения» heading a group of articles inside a chapter or §
PARAGRAPH, POINT, SUBPOINT, INDENT = "paragraph", "point", "subpoint", "indent"
TEXT, EDITORIAL = "text", "editorial"
RANK = {DIVISION: 0, PART: 1, CHAPTER: 2, SECTION: 3, SUBSECTION: 3.5, ARTICLE: 4}

_ROMAN = r"[IVXLC]+"
_NUM = r"\d+(?:-\d+)*"
_ORD_KY = (r"(?:БИРИНЧИ|ЭКИНЧИ|ҮЧҮНЧҮ|ТӨРТҮНЧҮ|БЕШИНЧИ|АЛТЫНЧЫ|ЖЕТИНЧИ|СЕГИЗИНЧИ|ТОГУЗУНЧУ|ОНУНЧУ)")
_ORD_RU = (r"(?:ПЕРВЫЙ|ВТОРОЙ|ТРЕТИЙ|ЧЕТВЕРТЫЙ|ЧЕТВЁРТЫЙ|ПЯТЫЙ|ШЕСТОЙ|СЕДЬМОЙ|ВОСЬМОЙ|ДЕВЯТЫЙ|ДЕСЯТЫЙ|"
           r"ОДИННАДЦАТЫЙ|ДВЕНАДЦАТЫЙ)")

# (kind, regex with groups num and rest); first match wins, so the order matters.
_PATTERNS = [
    (DIVISION, rf"(?P<num>(?:ОБЩАЯ|ОСОБЕННАЯ) ЧАСТЬ|ЧАСТЬ {_ROMAN}|(?:ЖАЛПЫ|АТАЙЫН|ӨЗГӨЧӨ) БӨЛҮК|{_ROMAN} БӨЛҮК)(?P<rest>)"),
    (PART, rf"(?P<num>(?:РАЗДЕЛ|Раздел)\s+(?:{_ROMAN}|{_NUM}|{_ORD_RU})\.?)(?:\s+(?P<rest>.*))?"),
    (PART, rf"(?P<num>(?:{_ROMAN}|{_NUM}(?:-|\s)|{_ORD_KY})\s*(?:БӨЛҮМ|бөлүм)\.?)(?:\s+(?P<rest>.*))?"),
    (CHAPTER, rf"(?P<num>(?:Глава|ГЛАВА)\s+(?:{_NUM}|{_ROMAN})\.?)(?:\s+(?P<rest>.*))?"),
    (CHAPTER, rf"(?P<num>(?:{_NUM}-|{_ROMAN}\s+)(?:Глава|глава|ГЛАВА)\.?)(?:\s+(?P<rest>.*))?"),
    (CHAPTER, rf"(?P<num>{_ROMAN}\.)\s+(?P<rest>[А-ЯЁӨҮҢ].*)"),   # «II. Основные права …» (1990s laws)
    (SECTION, rf"(?P<num>(?:Параграф|ПАРАГРАФ)\s+{_NUM}\.?|§\s*{_NUM}\.?|{_NUM}-параграф\.?)(?:\s+(?P<rest>.*))?"),
    (ARTICLE, rf"(?P<num>Статья\s+{_NUM}\.?)(?:\s+(?P<rest>.*))?"),
    (ARTICLE, rf"(?P<num>{_NUM}-(?:берене|статья)\.?)(?:\s+(?P<rest>.*))?"),
    (PARAGRAPH, rf"(?P<num>{_NUM}\.)(?:\s+(?P<rest>.*))?"),
    (POINT, rf"(?P<num>{_NUM}\))(?:\s*(?P<rest>.*))?"),
    (SUBPOINT, r"(?P<num>[а-яёөүң]{1,2}\))(?:\s*(?P<rest>.*))?"),
    (INDENT, r"(?P<num>[-–—])\s+(?P<rest>.*)"),
]
_COMPILED = [(kind, re.compile(rx + r"$")) for kind, rx in _PATTERNS]

# Notes of the database, not of the law.
_NOTE_OPEN = lazyre.compile(
    r"^\((?:В редакции|Утратил|Исключен|Дополнен|Введен|Признан|Действие|Приостановлен|Изложен|См\.|"
    r"КР\s|Кыргыз Республикасынын\s+\d{4})")
_NOTE_KY = lazyre.compile(r"(редакция\w*\s+ылайык|күчүн\s+жоготту|күчүнө\s+киргизил|колдонууга\s+киргизил|"
                          r"Мыйзам\w*\s+менен|Мыйзам\w*\s+ылайык)")
_NOTE_WORDS = lazyre.compile(r"^\([^()]{0,80}?(?:в\s+редакции|утратил\w*\s+сил|исключен|толкование|см\.|введен\w*\s+в\s+действие|"
                             r"редакция\w*|аталыш\w*|күчүн\s+жоготт|ал(?:ын)?ып\s+салын|кошулган|толукталган|Мыйзам\w*)", re.I)
# the database's pointers: «О правовом положении общественных объединений см. Закон КР …»
_COMMENTARY = re.compile(r"^О\s[^.;:]{0,160}?\sсм\.\s+(?:также\s+)?(?:Закон|Указ|постановлени|Кодекс)", re.I)
_SEE_KY = re.compile(r"\sдагы\s+караңыз\.?$")
_SEE_ALSO = lazyre.compile(r"^(?:(?:Закон|Указ|Постановлени|Решени|Кодекс)\w*\s.{0,60}\bот\s+\d|"
                           r"(?:КР|Кыргыз Республикасынын)\s+(?:Өкмөтүнүн\s+)?\d{4}-жыл)", re.I)
PUBLICATION = lazyre.compile(r"^\(\s*[\"«]?(?:Эркин[- ]Тоо|Ведомости|Кыргыз Туусу|Нормативные акты)[^()]*\)$")
# the database's footnote «Опубликован в газете "Эркин-Тоо" от 20 января 2006 года № 4»
PUBLISHED_IN = re.compile(r"^Опубликован[аоы]? в (?:газете )?(?P<where>.{3,120}? № \d+(?:-\d+)?)\.?$")
_BANNER = re.compile(r"^(?:ВНИМАНИЕ!|Внимание!|Көңүл буруңуздар!|См\. также|См\.:|Караңыз\b|"
                     r"(?:Примечание|ПРИМЕЧАНИЕ)\W+(?:Изменени|Дополнени).{0,40}внесен|"
                     r"Законом\s+(?:КР|Кыргызской\s+Республики)\s+(?:от\s+)?[^.]{0,60}\sвнесены\s+изменения|"
                     r"(?:КР|Кыргыз\s+Республикасынын)\s+\d{4}-жылдын\s[^.]{0,60}Мыйзамы\s+менен\s.{0,120}"
                     r"өзгөртүүлөр\s+киргизил)")
_REPEAL = lazyre.compile(r"^\([^()]{0,40}?(?:утратил\w*\s+сил|исключен)|^\(.*(?:күчүн\s+жоготту|ал(?:ын)?ып\s+салынган)", re.S | re.I)


# Text that looks like a unit's number line in a form not known here (kept as an abzats, reported).
LOOKS_LIKE_UNIT = re.compile(r"^(?:(?:Статья|СТАТЬЯ|Глава|ГЛАВА|Раздел|РАЗДЕЛ|Параграф|берене)\b|\d+\.\d+\.?\s|\d+\s+\)\s)")


class Line(NamedTuple):
    """A source line and what it is: a unit's number line, text, or an editorial note (a named
    tuple: a frozen dataclass compiled six methods at import)."""

    kind: str
    num: str        # the number as printed («Статья 5-1.», «1.», «а)», «-»); "" for text and notes
    rest: str       # the rest of the line (heading or text)
    text: str       # the whole line
    lineno: int
    misprint: str = ""   # how a misprinted number line was read («Статья З09-3» as article 309-3)


# An article's number line with a misprint a reader sees through: a Cyrillic «З» for the digit 3
# («Статья З09-3.»), no space before the heading («Статья 291.Незаконная …»).
_MISPRINTED_ARTICLE = re.compile(r"^(?P<lead>(?:Статья|СТАТЬЯ)\s+)(?P<num>[0-9З]+(?:-[0-9З]+)*)(?P<dot>\.?)(?P<rest>.*)$")
_MISPRINTED_ARTICLE_KY = re.compile(r"^(?P<lead>)(?P<num>[0-9З]+(?:-[0-9З]+)*)(?P<dot>)(?P<rest>-(?:берене|статья)\b.*)$")


def classify(text: str, lineno: int = 0) -> Line:
    """The kind of one stripped source line."""
    if is_note(text):
        return Line(EDITORIAL, "", text, text, lineno)
    for kind, rx in _COMPILED:
        m = rx.match(text)
        if m:
            return Line(kind, m.group("num"), (m.group("rest") or "").strip(), text, lineno)
    read, misprint = _misprinted(text)
    if misprint:
        line = classify(read, lineno)
        if line.kind == ARTICLE:
            return Line(ARTICLE, line.num, line.rest, text, lineno, misprint)
    return Line(TEXT, "", text, text, lineno)


def _misprinted(text: str) -> tuple[str, str]:
    """An article line read through its misprint, and what was read («» when there is none)."""
    m = _MISPRINTED_ARTICLE.match(text) or _MISPRINTED_ARTICLE_KY.match(text)
    if not m or not re.search(r"\d", m["num"]):
        return text, ""
    num, rest, said = m["num"], m["rest"], []
    if "З" in num:
        num = num.replace("З", "3")
        said.append(f"the letter «З» in «{m['num']}» read as the digit 3")
    if m["dot"] and rest[:1].isalpha():
        rest = " " + rest
        said.append(f"no space after «{m['lead']}{m['num']}.»: the heading starts after it")
    return m["lead"] + num + m["dot"] + rest, "; ".join(said)


def is_note(text: str) -> bool:
    """An editorial note of the database: «(В редакции Закона КР от …)», «ВНИМАНИЕ!», KY forms."""
    if _BANNER.match(text) or _COMMENTARY.match(text) or _SEE_KY.search(text) or PUBLISHED_IN.match(text):
        return True
    if not text.startswith("("):
        return False
    if _NOTE_OPEN.match(text) or _NOTE_WORDS.match(text) or PUBLICATION.match(text):
        return True
    return bool(_NOTE_KY.search(text)) and text.rstrip().endswith(")")


def is_repeal(text: str) -> bool:
    """A note that says the unit was repealed («(Утратила силу …)», «(… күчүн жоготту)»)."""
    return bool(_REPEAL.match(text.strip()))


def classify_lines(pairs) -> list[Line]:
    """Classify ``(text, lineno)`` pairs. A note may run over lines: «(Глава» + «КР … редакциясына
    ылайык)»; its lines up to the closing «)» (at most three more, never a unit's number line)
    are read together."""
    lines = [classify(text, lineno) for text, lineno in pairs]
    for i in range(len(lines) - 1):
        line = lines[i]
        if line.kind == PARAGRAPH and lines[i + 1].kind == ARTICLE and _is_heading(line.rest):
            lines[i] = Line(SUBSECTION, line.num, line.rest, line.text, line.lineno)
    for i in range(1, len(lines)):
        # «См.:» + the acts it refers to, one a line
        prev = lines[i - 1]
        if lines[i].kind == TEXT and prev.kind == EDITORIAL and (
                re.fullmatch(r"(?:См\.(?:\s+также)?|Караңыз):?", prev.text)
                or (_SEE_ALSO.match(lines[i].text) and (prev.text.startswith(("См.", "Караңыз"))
                                                        or _SEE_ALSO.match(prev.text)))):
            lines[i] = Line(EDITORIAL, "", lines[i].text, lines[i].text, lines[i].lineno)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.text.startswith("(") and line.kind in (TEXT, EDITORIAL) and depth(line.text) > 0:
            end, open_ = i, depth(line.text)
            while open_ > 0 and end + 1 < len(lines) and end - i < 3 and lines[end + 1].kind == TEXT:
                end += 1
                open_ = depth(lines[end].text, open_)
            joined = " ".join(x.text for x in lines[i:end + 1])
            if open_ <= 0 and (line.kind == EDITORIAL or is_note(joined)):
                for k in range(i, end + 1):
                    lines[k] = Line(EDITORIAL, "", lines[k].text, lines[k].text, lines[k].lineno)
                i = end
        i += 1
    return lines


def _is_heading(text: str) -> bool:
    """A short title without final punctuation («Общие положения»), not a sentence."""
    return 0 < len(text) < 150 and text[0].isupper() and text.rstrip()[-1] not in ".;:,"


def depth(text: str, start: int = 0) -> int:
    """How many brackets are left open at the end of ``text`` (``start`` open before it)."""
    depth = start
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
    return depth

