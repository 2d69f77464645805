"""Front end for the restructured export of the migration laws (one line an article).

The export prefixes every article with «Section N. Original section/article: X. Source: …» and
runs the article into one line: heading, parts, points, dash items, definitions and editorial
notes follow one another with single spaces, and superscript article numbers are flattened
(«Статья 5-2» became article «5» with text «2 . …»). Division headings («РАЗДЕЛ II», «Глава 1»)
trail the previous article's text and spill onto extra lines. This module rebuilds the official
database's plain-text shape (one paragraph a line, «Статья 5-2. Заголовок», «РАЗДЕЛ II» + title,
«Глава 1» + title) and reports what it had to guess.
"""
from __future__ import annotations

import re
from pathlib import Path

from lawpatch.errors import LawpatchError
from lawpatch.importer.lines import ReadResult, SourceLine

SECTION_RE = re.compile(r"^Section (\d+)\. Original section/article: (\S+?)\.? Source: .*$")
SUPERSCRIPT_RE = re.compile(r"^(\d+) \. ")
DIVISION_RE = re.compile(
    r"\s(РАЗДЕЛ [IVXLC]+|Глава [IVXLC]+|Глава \d+(?:-\d+)?)(?: (\S.*))?$"
    r"|(?<=[.)]) ([IVXLC]+\. [А-ЯЁ][^.()]*(?:\([^()]*\))?)$"  # «II. Основные права …» after the last sentence
)

# Words written with a capital inside article headings (so they do not start the body).
_PROPER = re.compile(
    r"^[«\"(]?(?!Кыргызская\b|Конституция\b|Кабинет\b|Президент\b)"
    r"(Кыргыз|Республик|Конституц|Кабинет|Министр|Жогорку|Кенеш|Президент|Закон(?:а|у|ом|е|ы|ов|ами|ах)?\b|Кодекс|"
    r"Евразийск|ЕАЭС|СНГ|Правительств|Национальн|Digital|Тамчы|КР\b)"
)
_UPPER = re.compile(r"^[«\"(]?[А-ЯЁA-Z]")
_BODY_START = re.compile(r"^(\((?:В редакции|Утратил|Исключен)|\d+(?:-\d+)?[.)] |[а-яё]\) |- )")
_ABBREV = re.compile(r"(?:\b(?:г|гг|ст|п|пп|ч|т|е|др|им|см|тыс|млн|руб|с|ред|абз)|\b[А-ЯЁ])\.$")

# Break points inside a flattened article body (each begins a new paragraph).
_EDITORIAL = r"\((?:В редакции|Утратил|Дополнен|Исключен|Введен|См\.|Раздел|Глава|Статья \d)"
_BREAK_BEFORE = [
    re.compile(r"(?<=[.:;)]) (?=\d+(?:-\d+)?\. [А-ЯЁA-Z«\"(])"),       # numbered part «2. »
    re.compile(r"(?<=[.:;)]) (?=\d+(?:-\d+)?\) )"),                     # point «1) »
    re.compile(r"(?<=[.:;]) (?=[а-яё]\) )"),                            # subpoint «а) »
    re.compile(r"(?<=[.:;]) (?=- \S)"),                                # dash item
    re.compile(r" (?=" + _EDITORIAL + ")"),                             # editorial note
    re.compile(r"(?<=\)) (?=\S)"),                                      # after a closing note (filtered)
    re.compile(r"(?<=[.:]) (?=Примечани)"),
    # the database's publication footnote «Опубликован в газете "Эркин-Тоо" от … № 4», glued to the
    # text before it and to the sentence after it
    re.compile(r"(?<=\.) (?=Опубликован[аоы]? в )"),
    re.compile(r"(?<=Опубликован)[аоы]? в [^.]{0,120}?№ \d+(?:-\d+)? (?=[А-ЯЁ])"),
]
# Word endings the export split off with a space («Закон ов», «иностранн ых»): never words alone.
_SPLIT_ENDING = re.compile(r"(?<=\w) (ов|ых|ами)\b")
_BARE_NUMBER = re.compile(r"^(?:\d+(?:-\d+)?[.)]|[а-яё]\))$")
_SENTENCE = re.compile(r"(?<=\.) (?=[«\"]?[А-ЯЁA-Z])")
_DEFINITION_NEXT = re.compile(r"^[а-яёa-z][^;:.]{0,120}? - ")


def read_lines(path: str | Path) -> ReadResult:
    """Read a flattened export into database-shaped lines (see the module docstring)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LawpatchError(f"{path}: cannot read as UTF-8 text: {exc}") from exc
    lines = raw.splitlines()
    sections = [i for i, line in enumerate(lines) if SECTION_RE.match(line)]
    if not sections:
        raise LawpatchError(f"{path}: no «Section N. Original section/article: X.» lines: not a flattened export")
    reader = _Reader()
    reader.warn(1, "flattened export: title block, date and number are not in the file; "
                   "the divisions before the first article are lost")
    for k, start in enumerate(sections):
        end = sections[k + 1] if k + 1 < len(sections) else len(lines)
        body = [(i + 1, lines[i].strip()) for i in range(start + 1, end) if lines[i].strip()]
        reader.section(start + 1, SECTION_RE.match(lines[start]).group(2), body)
    reader.flush_division()
    return ReadResult(lines=reader.out, warnings=reader.warnings, format="flattened")


class _Reader:
    def __init__(self) -> None:
        self.out: list[SourceLine] = []
        self.warnings: list[tuple[int, str]] = []
        self.division: list[tuple[int, str]] = []  # pending (lineno, marker or title fragment)
        self.seen: set[str] = set()

    def warn(self, lineno: int, message: str) -> None:
        self.warnings.append((lineno, message))

    def emit(self, lineno: int, text: str) -> None:
        text = re.sub(r"\s+", " ", text).strip()
        text = re.sub(r" ([,;.)])(?=\s|$)", r"\1", text)  # «№ 137 )» → «№ 137)»
        if text:
            self.out.append(SourceLine(text, lineno))

    def section(self, header_line: int, number: str, body: list[tuple[int, str]]) -> None:
        if not body:
            self.warn(header_line, f"article {number}: no text")
            return
        body = [(n, self.mend_words(n, t)) for n, t in _close_parentheses(body)]
        lineno, text = body[0]
        self.flush_division()
        m = SUPERSCRIPT_RE.match(text)
        if m:
            number, text = f"{number}-{m.group(1)}", text[m.end():]
        elif text.startswith(". "):
            text = text[2:]
            self.warn(lineno, f"article {number}: stray «.» before the heading (a lost superscript?)")
        if number in self.seen:
            self.warn(lineno, f"article {number} appears twice")
        self.seen.add(number)
        text = self.cut_division(lineno, text)
        heading, rest = split_heading(text)
        if len(heading) > 200 or not rest:
            self.warn(lineno, f"article {number}: heading and text could not be told apart")
        if heading.endswith("."):
            self.warn(lineno, f"article {number}: heading ends with «.»: it may go on in the text")
        self.emit(lineno, f"Статья {number}. {heading}")
        self.body(lineno, rest)
        for extra_line, extra in body[1:]:
            if self.division:
                self.division.append((extra_line, extra))
                continue
            if self.out and self.out[-1].text.count("(") > self.out[-1].text.count(")"):
                prev = self.out.pop()
                self.out.append(SourceLine(f"{prev.text} {extra}", prev.lineno))
                continue
            extra = self.cut_division(extra_line, extra)
            self.body(extra_line, extra)

    def mend_words(self, lineno: int, text: str) -> str:
        mended, count = _SPLIT_ENDING.subn(r"\1", text)
        if count:
            self.warn(lineno, f"{count} word(s) split by the export rejoined («Закон ов» → «Законов»)")
        return mended

    def cut_division(self, lineno: int, text: str) -> str:
        """Take a trailing «РАЗДЕЛ II» / «Глава 1 [title]» off an article's text into the pending division."""
        m = DIVISION_RE.search(text)
        if not m:
            return text
        self.division.append((lineno, m.group(0).strip()))
        return text[: m.start()]

    def flush_division(self) -> None:
        """Emit the pending division headings as «РАЗДЕЛ II» + title, «Глава 1» + title lines."""
        if not self.division:
            return
        joined = " ".join(t for _, t in self.division)
        lineno = self.division[0][0]
        self.division = []
        parts = re.split(r"\s*(РАЗДЕЛ [IVXLC]+|Глава [IVXLC]+|Глава \d+(?:-\d+)?)\s*", joined)
        # parts = [roman heading or "", marker, title, marker, title, ...]
        if parts[0].strip():
            heading, note = re.match(r"(.*?)\s*(\((?:Раздел|Глава)[^()]*\))?$", parts[0]).groups()
            self.emit(lineno, heading)
            if note:
                self.emit(lineno, note)
        for marker, title in zip(parts[1::2], parts[2::2]):
            self.emit(lineno, marker)
            if title.strip():
                self.emit(lineno, title)
            else:
                self.warn(lineno, f"«{marker}»: title lost in the export")

    def body(self, lineno: int, text: str) -> None:
        for para in split_body(text):
            self.emit(lineno, para)


def _close_parentheses(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join a line that ends inside a parenthesis («… (Раздел») with the line that closes it."""
    out: list[tuple[int, str]] = []
    for lineno, text in body:
        if out and out[-1][1].count("(") > out[-1][1].count(")"):
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
        else:
            out.append((lineno, text))
    return out


def split_heading(text: str) -> tuple[str, str]:
    """Split «Heading Body…» where the export lost the line break: the body starts at the first
    capitalised word (outside quotes) that is not a proper name, or at a number, dash or note."""
    words = text.split(" ")
    quotes = 0
    for i, word in enumerate(words):
        if i > 0 and quotes % 2 == 0:
            rest = " ".join(words[i:])
            if _BODY_START.match(rest):
                return " ".join(words[:i]), rest
            if (_UPPER.match(word) and not word.startswith(("«", "\""))
                    and not _PROPER.match(word) and words[i - 1] not in ("является", "и")):
                return " ".join(words[:i]), rest
        quotes += word.count("\"") + word.count("«") + word.count("»")
    # No boundary: the body often opens with the heading's first word («Законодательство … Законодательство …»).
    again = text.find(f" {words[0]} ")
    if again > 0:
        return text[:again], text[again + 1:]
    return text, ""


def split_body(text: str) -> list[str]:
    """Split an article body run together by the export into its paragraphs."""
    text = text.strip()
    if not text:
        return []
    cuts = {0, len(text)}
    for rx in _BREAK_BEFORE:
        for m in rx.finditer(text):
            cuts.add(m.end())
    numbered = re.search(r"(?:^|[.:;] )\d+(?:-\d+)?\. [А-ЯЁA-Z]", text) is not None
    if not numbered:
        for m in _SENTENCE.finditer(text):
            if not _ABBREV.search(text[: m.start()]):
                cuts.add(m.end())
    for m in re.finditer(r"; ", text):
        if _DEFINITION_NEXT.match(text[m.end():]):
            cuts.add(m.end())
    pieces = []
    bounds = sorted(cuts)
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b].strip()
        if piece:
            pieces.append(piece)
    return _rejoin(pieces)


def _rejoin(pieces: list[str]) -> list[str]:
    """Undo cuts that split an open parenthesis or follow a closing one inside a sentence."""
    out: list[str] = []
    for piece in pieces:
        if out and (out[-1].count("(") > out[-1].count(")") or _BARE_NUMBER.match(out[-1])
                    or (out[-1].endswith(")") and not _is_note(out[-1]) and not _starts_unit(piece))):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _is_note(text: str) -> bool:
    return re.match(_EDITORIAL, text) is not None and text.endswith(")")


def _starts_unit(text: str) -> bool:
    if _BARE_NUMBER.match(text):
        return True
    return re.match(r"(\d+(?:-\d+)?[.)] |[а-яё]\) |- |" + _EDITORIAL + r"|Примечани)", text) is not None
