"""Write the small PDF prints the PDF front end is tested on, laid out as the official database
prints an act: A4, 12 pt serif, justified lines from x=85 to x=552, a paragraph's first line
indented by 20 pt, centered headings, the act's running title at the top of every page and
«cbd.minjust.gov.kg» at the bottom. Each print puts on the page a form the corpus's prints have
only by chance or not at all (a sanction at the top of a page, a dash starting a line in the middle
of a sentence, a table of contents, a damaged title block).

Run from the checkout: ``python tests/data/importer/prints/make_prints.py`` (needs only pypdfium2
and a TrueType font with Cyrillic; the prints are committed, so the tests do not run this).

In a paragraph's text «^N» prints N as a superscript; a paragraph marked ``page`` starts a new
page; ``lines`` breaks a paragraph where it is told (to start a line with a dash).
"""
from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

HERE = Path(__file__).parent
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
WIDTH, HEIGHT = 595.3, 841.9
LEFT, RIGHT, INDENT, SIZE = 85.0, 552.0, 20.0, 12.0
TOP, BOTTOM, STEP, GAP = 782.0, 70.0, 13.8, 3.6


class Print:
    def __init__(self, running_title: str):
        self.doc = pdfium.PdfDocument.new()
        data = FONT.read_bytes()
        self._buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        self.font = raw.FPDFText_LoadFont(self.doc.raw, self._buf, len(data), raw.FPDF_FONT_TRUETYPE, 1)
        self.running_title = running_title
        self.page = None
        self.y = 0.0
        self._new_page()

    # --- drawing ------------------------------------------------------------------------------
    def _obj(self, text: str, size: float = SIZE):
        obj = raw.FPDFPageObj_CreateTextObj(self.doc.raw, self.font, size)
        encoded = (text + "\0").encode("utf-16-le")
        raw.FPDFText_SetText(obj, (ctypes.c_ushort * (len(encoded) // 2)).from_buffer_copy(encoded))
        return obj

    def width(self, text: str, size: float = SIZE) -> float:
        if not text:
            return 0.0
        obj = self._obj(text, size)
        box = [ctypes.c_float() for _ in range(4)]
        raw.FPDFPageObj_GetBounds(obj, *box)
        raw.FPDFPageObj_Destroy(obj)
        return box[2].value - box[0].value

    def draw(self, text: str, x: float, y: float, stretch: float = 1.0, size: float = SIZE) -> None:
        obj = self._obj(text, size)
        raw.FPDFPageObj_Transform(obj, stretch, 0, 0, 1, x, y)
        raw.FPDFPage_InsertObject(self.page.raw, obj)

    def _new_page(self) -> None:
        if self.page is not None:
            raw.FPDFPage_GenerateContent(self.page.raw)
        self.page = self.doc.new_page(WIDTH, HEIGHT)
        self.draw(self.running_title, (WIDTH - self.width(self.running_title)) / 2, 804.0)
        self.draw("cbd.minjust.gov.kg", (WIDTH - self.width("cbd.minjust.gov.kg")) / 2, 42.0)
        self.y = TOP

    def _line(self, text: str, x: float, full: bool) -> None:
        if self.y < BOTTOM:
            self._new_page()
        if "^" in text:                      # «Статья 3^1. …»: a raised, smaller number
            before, rest = text.split("^", 1)
            digits = "".join(ch for ch in rest[:2] if ch.isdigit())
            self.draw(before, x, self.y)
            x += self.width(before)
            self.draw(digits, x + 0.5, self.y + 5.0, size=7.0)
            self.draw(rest[len(digits):], x + self.width(digits, 7.0) + 1.0, self.y)
        else:
            natural = self.width(text)
            self.draw(text, x, self.y, (RIGHT - x) / natural if full else 1.0)
        self.y -= STEP

    # --- paragraphs ---------------------------------------------------------------------------
    def paragraph(self, text: str, indent: bool = True, page: bool = False) -> None:
        """A paragraph wrapped to the measure, every line but the last justified full."""
        x0 = LEFT + (INDENT if indent else 0.0)
        lines, line = [], ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if line and self.width(trial.replace("^", "")) > RIGHT - (x0 if not lines else LEFT):
                lines.append(line)
                line = word
            else:
                line = trial
        self.lines(lines + [line], indent, page)

    def lines(self, lines: list[str], indent: bool = True, page: bool = False) -> None:
        """A paragraph broken into the given lines (to put a word at a line's start)."""
        if page:
            self._new_page()
        self.y -= GAP
        for i, line in enumerate(lines):
            self._line(line, LEFT + (INDENT if indent and not i else 0.0), full=i < len(lines) - 1)

    def centered(self, text: str) -> None:
        self.y -= GAP * 2
        self._line(text, (WIDTH - self.width(text)) / 2, full=False)

    def save(self, name: str) -> None:
        raw.FPDFPage_GenerateContent(self.page.raw)
        self.doc.save(HERE / name)


CRIMINAL_TITLE = 'Кодекс КР от 28 октября 2021 года № 127 "Уголовный кодекс Кыргызской Республики"'
DEFINITIONS = [
    "лицо - физическое лицо, достигшее возраста, с которого наступает уголовная ответственность;",
    "должностное лицо - лицо, постоянно или временно осуществляющее функции представителя власти;",
    "близкие родственники - родители, дети, усыновители, усыновленные, родные братья и сестры, дедушка, "
    "бабушка, внуки;",
    "существенный вред - вред, причиненный правам и законным интересам граждан или организаций.",
]


def criminal_ru() -> None:
    p = Print(CRIMINAL_TITLE)
    p.centered("УГОЛОВНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ")
    p.paragraph("от 28 октября 2021 года № 127", indent=False)
    p.centered("(В редакции Закона КР от 1 января 2024 года № 1)")
    p.centered("ОГЛАВЛЕНИЕ")
    for line in ["Глава 1. Общие положения", "Статья 1. Уголовное законодательство", "Статья 2. Основные понятия",
                 "Глава 2. Преступления против жизни", "Статья 3. Убийство", "Статья 3^1. Убийство матерью"]:
        p.paragraph(line, indent=False)
    p.paragraph("Настоящий Кодекс определяет, какие общественно опасные деяния являются преступлениями, и "
                "устанавливает наказания за их совершение.")
    p.centered("Глава 1")
    p.centered("Общие положения")
    p.paragraph("Статья 1. Уголовное законодательство")
    p.lines(["1. Уголовное законодательство Кыргызской Республики состоит из настоящего",
             "Кодекса, который основывается на Конституции Кыргызской Республики, а в случае",
             "спора о размере ущерба, причиненного преступлением, и о его возмещении",
             "– судом по месту совершения деяния."])
    p.paragraph("2. Законы, предусматривающие уголовную ответственность, подлежат включению в настоящий Кодекс.")
    p.paragraph("Статья 2. Основные понятия")
    p.paragraph("В настоящем Кодексе используются следующие основные понятия:")
    for definition in DEFINITIONS:
        p.paragraph(definition)
    p.centered("Глава 2")
    p.centered("Преступления против жизни")
    p.paragraph("Статья 3. Убийство")
    p.paragraph("1. Убийство, то есть умышленное причинение смерти другому человеку, совершенное при "
                "обстоятельствах, не указанных в части 2 настоящей статьи, –")
    p.paragraph("наказывается лишением свободы на срок от восьми до пятнадцати лет.", page=True)
    p.paragraph("2. Нарушение правил, установленных настоящей статьей, совершенное должностным лицом "
                "повторно в течение одного года после применения мер взыскания, –")
    p.paragraph("влечет наложение штрафа в размере ста расчетных показателей.")
    p.paragraph("Статья 3^1. Убийство матерью")
    p.paragraph("Убийство матерью новорожденного ребенка во время или сразу же после родов, а равно убийство "
                "новорожденного ребенка в условиях психотравмирующей ситуации или в состоянии психического "
                "расстройства, не исключающего вменяемости, совершенное матерью, которая находилась в "
                "условиях, когда она не могла рассчитывать на помощь и поддержку со стороны родственников "
                "или иных лиц, а также при иных обстоятельствах, существенно снижающих степень общественной "
                "опасности деяния, и которые суд признает заслуживающими внимания при назначении наказания "
                "за совершенное деяние в соответствии с общими началами назначения наказания, "
                "предусмотренными настоящим Кодексом, –")
    p.paragraph("наказывается лишением свободы на срок до пяти лет.")
    p.save("criminal.ru.pdf")


# Prints whose title block is lost (a print of the text only): the running title names the act.
DAMAGED_TITLE = {
    "damaged-title.ru.pdf": ('Кодекс КР от 25 января 2017 года № 14 "Кодекс Кыргызской Республики о пробах"', [
        "Статья 1. Отношения, регулируемые настоящим Кодексом",
        "Настоящий Кодекс регулирует отношения по проведению проб.",
        "Статья 2. Принципы", "Пробы проводятся на основе законности и равенства."]),
    "damaged-title.ky.pdf": ('Кыргыз Республикасынын 2017-жылдын 25-январындагы № 14 "Сыноолор жөнүндө кодекси"', [
        "1-берене. Ушул Кодекс менен жөнгө салынуучу мамилелер",
        "Ушул Кодекс сыноолорду жүргүзүү боюнча мамилелерди жөнгө салат."]),
}


def damaged_titles() -> None:
    for name, (running_title, paragraphs) in DAMAGED_TITLE.items():
        p = Print(running_title)
        for text in paragraphs:
            p.paragraph(text)
        p.save(name)


if __name__ == "__main__":
    criminal_ru()
    damaged_titles()
