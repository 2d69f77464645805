"""Front end for the database's PDF prints: the PDF itself, or its ``pdftotext`` output.

A print wraps every paragraph into lines and repeats the act's title at the top and
«cbd.minjust.gov.kg» at the bottom of each page. This module drops that page furniture (handing
the running title to the back end, which reads the act from it when the title block is damaged)
and re-flows the lines into the database's paragraphs.

With the PDF (read with pypdfium2, no external program) the layout alone decides: a paragraph's
first line is indented (the indent is measured on the print), so an indented line opens a
paragraph — also at the top of a page, also when it starts in lower case (a definition, a
sanction) — and a line at the margin goes on with its paragraph, even when it starts with a dash
or a number; a line at the margin opens one only where the line before stopped short of the
right margin or the spacing widens. Centered lines wrap together (a heading, the adoption stamp).

With the text (``*.ed2025.ru.txt``, pages split by form feeds) only the text is left: a line
starting with a unit number or heading word, a line after one ending with «;» or «:», a sanction
after its disposition's dash, or a short line ending a sentence, closes the paragraph before it.
The prints do not hyphenate words; a line ending in a soft hyphen is joined without it, a line
ending in a real hyphen («юридическо-») keeps it and is joined without a space.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lawpatch.errors import LawpatchError
from lawpatch.importer import bounds
from lawpatch.importer.classify import is_note
from lawpatch.importer.lines import ReadResult, SourceLine

# A line that opens a paragraph in pdftotext output (and stops a bracketed note or a heading in
# capitals from running on, in both readers).
_STARTS_UNIT = re.compile(
    r"^(Статья \d|\d+(?:-\d+)*-(?:берене|статья)\b|\d+(?:-\d+)*\. |\d+(?:-\d+)*\) |[а-яё]\) |- |— |"
    r"(?:РАЗДЕЛ|Раздел|ГЛАВА|Глава|Параграф|ПАРАГРАФ)\b|§ |\(В редакции|\(Утратил|Примечание)"
)
_ARTICLE = re.compile(r"^(?:Статья \d|\d+(?:-\d+)*-(?:берене|статья)\b)")
_PROPER_NAME = re.compile(r"^(?:Кыргыз|Республик|Конституц|Кабинет|Министр|Жогорку|Кенеш|Президент|Закон|Кодекс)")
_CAPS_HEADING = re.compile(r"^(?:РАЗДЕЛ|ГЛАВА)\s+\S+\s+\S.*[^.]$")  # «ГЛАВА V. ОРГАНЫ … СО СПЕЦИАЛЬНЫМ»
_BARE_NUMBER = re.compile(r"^\d+(?:-\d+)*[.)]$")
_MARKER_ONLY = re.compile(r"^(?:РАЗДЕЛ|Раздел|ГЛАВА|Глава|Статья|Параграф)\s+\S+$")
_ARTICLE_LINE = re.compile(r"^Статья \d+(?:-\d+)*\.(?: \S+)*$")  # «Статья 17. Защита»: a heading's start
_UNIT_WORD = re.compile(r"^(?:РАЗДЕЛ|Раздел|ГЛАВА|Глава|Статья|Параграф)$")  # its number on the next line
_SENTENCE_END = re.compile(r"[.:;!?)»\"]$")
_SANCTION = re.compile(r"^[-–—]?\s*(?:наказыва|влеч[её]т|влекут)")
_SOFT_HYPHENS = ("\u00ad", "\u0002")
_LINE_END_HYPHEN = "\ufffe"  # pdfium's mark for a hyphen where a line breaks: the prints' hyphens are real


@dataclass
class _Line:
    text: str
    lineno: int  # page-wide: see ``read_lines``
    left: float | None = None
    right: float | None = None
    top: float | None = None


def read_lines(path: str | Path, progress=None) -> ReadResult:
    """Read a PDF print (or its pdftotext output) into one paragraph a line (``progress(done,
    total)`` as the pages of a PDF are read).

    ``lineno`` is the line of the text file, or for a PDF ``page * 1000 + line on the page``
    (so «12034» is page 12, line 34), which a warning's reader can find in the print.
    """
    path = Path(path)
    if not path.is_file():
        raise LawpatchError(f"{path}: no such file")
    is_pdf = path.read_bytes()[:5] == b"%PDF-"
    if path.suffix.lower() == ".pdf" and not is_pdf:
        raise LawpatchError(f"{path}: named .pdf but not a PDF (it does not start with %PDF-); a pdftotext "
                            "output is imported as .txt")
    pages = _pdf_pages(path, progress) if is_pdf else _text_pages(path)
    if not any(pages):
        raise LawpatchError(f"{path}: no text found (a scanned PDF needs OCR first)")
    result = ReadResult(lines=[], warnings=[], format="pdf")
    body = _drop_furniture(pages, result)
    geometric = path.suffix.lower() == ".pdf"
    for para in (_reflow_layout(body) if geometric else _reflow_text(body, result.warnings)):
        result.lines.append(para)
    return result


def _pdf_pages(path: Path, progress=None) -> list[list[_Line]]:
    import pypdfium2 as pdfium

    bounds.check_pdf(path)
    try:
        document = pdfium.PdfDocument(str(path))
    except Exception as exc:  # pypdfium2 raises PdfiumError and others for a damaged file
        raise LawpatchError(f"{path}: cannot read the PDF: {exc}") from exc
    pages = []
    try:
        for number in range(1, len(document) + 1):
            try:
                textpage = document[number - 1].get_textpage()
            except pdfium.PdfiumError as exc:
                raise LawpatchError(f"{path}: page {number} of the PDF cannot be read: {exc}") from exc
            pages.append(_page_lines(textpage, number))
            if progress:
                progress(number, len(document))
    finally:
        document.close()
    return pages


def _page_lines(textpage, number: int) -> list[_Line]:
    """The page's lines with their extents, from pdfium's text (which marks line ends by CR LF).

    A superscript digit (article «233¹») is printed smaller and raised; pdfium ends the line after
    it. It is written «233-1», the database's plain-text form, and its line goes on.
    """
    text = textpage.get_text_range()
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    sample = [_height(textpage, i) for i in letters[:: max(1, len(letters) // 200)]]
    typical = statistics.median(sample) if sample else 0.0
    superscript = [c.isdigit() and _height(textpage, i) < 0.8 * typical for i, c in enumerate(text)]
    rows: list[list[int]] = [[]]
    last = None  # the box of the row's last visible character
    for i, char in enumerate(text):
        if char in "\r\n":
            if rows[-1] and not (superscript[rows[-1][-1]]):
                rows.append([])
                last = None
        elif superscript[i] and not rows[-1] and len(rows) > 1 and text[rows[-2][-1]].isdigit():
            rows.pop()  # the superscript was put after a line break: back onto its number's line
            rows[-1].append(i)
        else:
            if not char.isspace() and not superscript[i]:
                box = textpage.get_charbox(i)
                if last is not None and box[3] < last[1] and box[0] < last[0] and rows[-1]:
                    rows.append([])  # a line break pdfium did not mark: the text goes on below, at the left
                last = box
            rows[-1].append(i)
    lines: list[_Line] = []
    for row in rows:
        visible = [i for i in row if not text[i].isspace() and not superscript[i]]
        if not visible:
            continue
        boxes = [textpage.get_charbox(visible[0]), textpage.get_charbox(visible[-1])]  # the line's ends
        chars = []
        for i in row:
            if superscript[i] and (not chars or chars[-1].isdigit()) and (i == 0 or not superscript[i - 1]):
                chars.append("-")
            chars.append("-" if text[i] == _LINE_END_HYPHEN else text[i])
        lines.append(_Line("".join(chars).strip(), number * 1000 + len(lines) + 1,
                           min(b[0] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)))
    return lines


def _height(textpage, index: int) -> float:
    left, bottom, right, top = textpage.get_charbox(index, loose=True)
    return top - bottom


def _text_pages(path: Path) -> list[list[_Line]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LawpatchError(f"{path}: neither a PDF nor UTF-8 text ({exc})") from exc
    pages: list[list[_Line]] = [[]]
    for lineno, line in enumerate(raw.split("\n"), start=1):
        *breaks, line = line.split("\f")
        pages.extend([] for _ in breaks)
        if line.strip():
            pages[-1].append(_Line(line.rstrip(), lineno))
    return [page for page in pages if page]


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _drop_furniture(pages: list[list[_Line]], result: ReadResult) -> list[_Line]:
    """Drop lines repeated at the top or bottom of most pages (title, site name, page numbers)."""
    edges = Counter()
    for page in pages:
        if len(page) > 4:
            edges.update({_furniture_key(line.text) for line in page[:2] + page[-2:]})
    need = max(2, len(pages) // 2)
    furniture = {key for key, count in edges.items() if count >= need}
    body: list[_Line] = []
    dropped = 0
    for page in pages:
        for i, line in enumerate(page):
            at_edge = i < 2 or i >= len(page) - 2
            if at_edge and (_furniture_key(line.text) in furniture or line.text.strip().isdigit()):
                dropped += 1
                continue
            body.append(line)
    if dropped:
        result.warnings.append((1, f"dropped {dropped} page header/footer lines "
                                   f"({', '.join(sorted(furniture)) or 'page numbers'})"))
    top = next((line for line in pages[0][:2] if _furniture_key(line.text) in furniture), None) if pages else None
    if top is not None:   # the running title names the act: the back end reads it if the title block fails
        result.header = SourceLine(" ".join(top.text.split()), top.lineno)
    return body


def _join(paragraph: str, line: str) -> str:
    if paragraph.endswith(_SOFT_HYPHENS):
        return paragraph[:-1] + line
    if re.search(r"\w-$", paragraph) and line[:1].islower():
        return paragraph + line
    return f"{paragraph} {line}"


def _paragraphs(lines: list[_Line], starts_new) -> list[SourceLine]:
    out: list[SourceLine] = []
    text, first = "", 0
    prev: _Line | None = None
    for line in lines:
        stripped = " ".join(line.text.split())
        goes_on = (text.startswith("(") and text.count("(") > text.count(")") or _CAPS_HEADING.match(text) and _is_caps(stripped)) \
            and not _STARTS_UNIT.match(stripped)
        if prev is None or (not goes_on and starts_new(prev, line, stripped, text)):
            if text:
                out.append(SourceLine(text, first))
            text, first = stripped, line.lineno
        else:
            text = _join(text, stripped)
        prev = line
    if text:
        out.append(SourceLine(text, first))
    return out


def _exploded_headings(lines: list[_Line], width: int, warnings: list[tuple[int, str]]) -> list[_Line]:
    """Article headings pdftotext split word by word. A justified two-line heading comes out as its
    start («Статья», or «Статья 17. Защита») and the words under it (the heading's second line, the
    number among them or after them), then each other word of the first line on a line of its own:

        Статья / 62. / (эмансипация) // Объявление // ребенка // полностью // дееспособным
        Статья / имущества // 331. // Последствия // утраты // или // повреждения // заложенного
        Статья 17. Защита / нематериальных благ // личных // неимущественных // прав // и // других

    («/» a line, «//» a blank line between). Read as «Статья 62. Объявление ребенка полностью
    дееспособным (эмансипация)», each with a warning: where pdftotext moved a word elsewhere the
    order cannot be mended, and the print says what the heading is. «Статья» / «191.» / the heading
    on lines that follow each other are only joined, as the line «Статья 191. …» would read."""
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        head = line.text.strip()
        lone = bool(_UNIT_WORD.match(head))
        if not lone and not _ARTICLE_LINE.match(head):
            out.append(line)
            i += 1
            continue
        j, under = i + 1, []       # the lines right under the start, without a blank line between: the
        most = 3 if lone else 1    # heading's second line (and the number)
        while j < len(lines) and len(under) < most and lines[j].lineno == lines[j - 1].lineno + 1 \
                and not _STARTS_UNIT.match(lines[j].text) and not _UNIT_WORD.match(lines[j].text.strip()):
            under.append(lines[j])
            j += 1
        number = next((u for u in under if _BARE_NUMBER.match(u.text.strip())), None) if lone else None
        if lone and number is None and j < len(lines) and _BARE_NUMBER.match(lines[j].text.strip()):
            number, j = lines[j], j + 1
        if lone and number is None:
            out.append(line)
            i += 1
            continue
        k, words = j, []           # the first line's other words, one (or two) a line, a blank line before each
        while k < len(lines) and lines[k].lineno > lines[k - 1].lineno + 1 and len(lines[k].text.split()) <= 2 \
                and not _STARTS_UNIT.match(lines[k].text) and not _BARE_NUMBER.match(lines[k].text.strip()) \
                and not lines[k].text.strip().isdigit():
            words.append(lines[k].text.strip())
            k += 1
        rest = [u for u in under if u is not number]
        start = f"{head} {number.text.strip()}" if lone else head
        short = all(len(u.text.strip()) < width * 0.8 for u in rest)   # a heading's line, not a text's
        if words and (lone or short):
            text = " ".join([start] + words + [u.text.strip() for u in rest])
            warnings.append((line.lineno, f"«{start}» printed word by word (a justified heading pdftotext split): "
                                          f"read as «{text}»; check it against the print, or import the PDF itself"))
            out.append(_Line(text, line.lineno))
            i = k
        else:
            if _loose_words_follow(lines, j):
                warnings.append((line.lineno, f"«{start}»: words of the heading printed one a line further on (a "
                                              "justified line pdftotext split): the heading may be cut or its words "
                                              "out of order; check it against the print, or import the PDF itself"))
            if lone:               # «Статья» / «191.» / «Недействительность» …: as «Статья 191. Недействительность» …
                first = rest[:1]
                out.append(_Line(" ".join([start] + [u.text.strip() for u in first]), line.lineno))
                out += rest[1:]
                i = j
            else:
                out.append(line)
                i += 1
    return out


def _loose_words_follow(lines: list[_Line], j: int, reach: int = 8) -> bool:
    """Whether a word or two on a line of its own, after a blank line, comes before the article's
    text starts: the rest of an exploded heading that could not be put back."""
    for k in range(j, min(j + reach, len(lines))):
        text = lines[k].text.strip()
        if _STARTS_UNIT.match(text) or _UNIT_WORD.match(text):
            return False
        if k and lines[k].lineno > lines[k - 1].lineno + 1 and len(text.split()) <= 2 and not text.isdigit():
            return True
    return False


def _second_sentence_of_headings(lines: list[_Line], width: int) -> list[_Line]:
    """A heading of two sentences wrapped after the first («Статья 304. Исполнение обязательств
    наиболее экономичным образом.» / «Оказание содействия в исполнении» / «Каждая из сторон …»):
    a short line in capitalised words with no stop of its own, followed by a line that starts a
    sentence, ends the heading; a text's first line runs to the margin or ends with a stop."""
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 2 < len(lines) and _ARTICLE_LINE.match(line.text.strip()) and line.text.rstrip().endswith("."):
            end, after = lines[i + 1].text.strip(), lines[i + 2].text.strip()
            if end[:1].isupper() and not _SENTENCE_END.search(end) and len(end) < width * 0.8 \
                    and not _STARTS_UNIT.match(end) and not _a_note(end) \
                    and (after[:1].isupper() or _STARTS_UNIT.match(after)) and lines[i + 1].lineno == line.lineno + 1:
                out.append(_Line(f"{line.text.strip()} {end}", line.lineno))
                i += 2
                continue
        out.append(line)
        i += 1
    return out


def _a_note(text: str) -> bool:
    """A line that opens the database's note («(Исключена Законом КР от …», «(Название статьи в
    редакции …»): a paragraph of its own, not the end of the heading above it."""
    return text.startswith("(") and is_note(text)


def _sanction(para: str, text: str) -> bool:
    """The sanction of a criminal or offence norm, after its disposition's dash: an abzats of its
    own («…, –» + «наказывается лишением свободы …», «влечет наложение штрафа …»)."""
    return bool(_SANCTION.match(text)) and para.rstrip()[-1:] in "-–—"


def _is_caps(text: str) -> bool:
    """A line in capitals (a title or division heading), not a sentence."""
    return text.upper() == text and any(c.isalpha() for c in text)


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0]


def _reflow_layout(lines: list[_Line]) -> list[SourceLine]:
    """Paragraphs from a PDF's layout: indent, spacing, and where the justified line stops."""
    if not lines:
        return []
    # The text's margin: the leftmost of the frequent line starts. First lines of paragraphs are
    # indented, and in a print of short paragraphs they can outnumber the lines at the margin.
    starts = Counter(round(line.left) for line in lines)
    left = min(x for x, count in starts.items() if count >= len(lines) * 0.05)
    right = sorted(line.right for line in lines)[int(len(lines) * 0.98)]
    gaps = [a.top - b.top for a, b in zip(lines, lines[1:]) if 0 < a.top - b.top < 40]
    step = statistics.median(gaps) if gaps else 14.0
    widths = [(line.right - line.left) / max(len(line.text), 1) for line in lines]
    char = statistics.median(widths) if widths else 5.0
    # The first-line indent: the most frequent start a little right of the margin.
    inner = Counter({x: n for x, n in starts.items() if left + 5 < x < left + 80})
    indent = (left + max(inner, key=inner.get)) / 2 if inner else left + 3 * char

    def centered_under(prev: _Line, line: _Line) -> bool:
        """Both lines centered on one axis (a heading, the adoption stamp), not flush left."""
        return min(line.left, prev.left) > indent and abs(line.left - prev.left) > char \
            and abs(line.left + line.right - prev.left - prev.right) < 4 * char

    def starts_new(prev: _Line, line: _Line, text: str, para: str) -> bool:
        """The layout decides, not the words: a line at the margin goes on with its paragraph even
        when it starts with a dash or a number («…юридического лица,» + «- по правилам …»)."""
        if _MARKER_ONLY.match(para) or _sanction(para, text):
            return True
        if centered_under(prev, line):
            return not text[:1].islower()  # a centered heading wrapped onto the next line
        if line.left > indent:
            return True  # a paragraph's first line is indented, on a new page too
        new_page = line.lineno // 1000 != prev.lineno // 1000
        if not new_page and prev.top - line.top > step * 1.3:
            return True
        room = right - prev.right
        return room > (len(_first_word(text)) + 2) * char  # the line before stopped short: it ended

    return _paragraphs(lines, starts_new)


def _reflow_text(lines: list[_Line], warnings: list[tuple[int, str]]) -> list[SourceLine]:
    """Paragraphs from pdftotext's lines, where only the text and its length are left."""
    if not lines:
        return []
    width = sorted(len(line.text) for line in lines)[int(len(lines) * 0.9)]
    lines = _second_sentence_of_headings(_exploded_headings(lines, width, warnings), width)

    def starts_new(prev: _Line, line: _Line, text: str, para: str) -> bool:
        if _STARTS_UNIT.match(text) or _UNIT_WORD.match(text) or _MARKER_ONLY.match(para) or _a_note(text) or _BARE_NUMBER.match(text) or _sanction(para, text):
            return True
        if _ARTICLE.match(para) and text[:1].isupper() and not _PROPER_NAME.match(text):
            return True  # a heading goes on in lower case; its text starts a sentence
        previous = " ".join(prev.text.split())
        if _BARE_NUMBER.match(previous) or " " not in previous and not _SENTENCE_END.search(previous):
            return False  # pdftotext put each word of a justified line on a line of its own
        if previous.endswith((";", ":")) or _is_caps(text) and _SENTENCE_END.search(previous):
            return True   # a list item, a lead-in, a heading after a sentence: each an abzats of its own
        fits = len(previous) + 1 + len(_first_word(text)) < width * 0.9
        if fits and (_SENTENCE_END.search(previous) or text[:1].isupper()):
            return True
        return _is_caps(previous) and not _is_caps(text) or len(previous) < width * 0.5 and not text[:1].islower()

    return _paragraphs(lines, starts_new)
