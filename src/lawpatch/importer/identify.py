"""Which act a text is: its name, date and number, status (repealed, draft) and what is missing.

Each comes from the first source that gives it: the user's option (``--title``, ``--date``,
``--number``), the title block, the page header of a print, the line that says when the act was
adopted or put into force, the publication note. Every value not read from the title block, and
every gap, is a coded warning naming the line it comes from; nothing is refused for a gap.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Finding
from ..meta import UNKNOWN_DATE
from .titleblock import TitleBlock


@dataclass
class Identity:
    title: str
    date: str
    number: str
    status: str = ""
    missing: tuple[str, ...] = ()
    warnings: list[Finding] = field(default_factory=list)


def identify(tb: TitleBlock, lines, source: str, overrides: dict, publication_date: str = "") -> Identity:
    """The act's identity from the title block ``tb`` of the classified ``lines`` (see module doc)."""
    warnings: list[Finding] = []
    first = lines[0].lineno if lines else 1
    title_line = lines[tb.title_start].lineno if tb.title_start >= 0 else first
    header = tb.header

    def warn(code: str, message: str, line: int) -> None:
        warnings.append(Finding(code, message, source, line, severity="warning"))

    title = overrides.get("title") or (tb.name(lines) if tb.title else "")
    if not title and header and header.name:
        title = header.name
        warn("IMPORT.TITLE_FROM_HEADER", f"no title block: the act's name is read from the page header: {title!r}",
             header.lineno or first)
    date = overrides.get("date") or tb.date
    number = overrides.get("number") or tb.number
    if header and not date and header.date:
        date, number = header.date, number or header.number
        warn("IMPORT.DATE_FROM_HEADER", f"no date line: date {date}" + (f" and number {number}" if number else "")
             + " read from the page header", header.lineno or first)
    elif header and not number and header.number and header.date == date:
        number = header.number
        warn("IMPORT.NUMBER_FROM_HEADER", f"no number in the title block: number {number} read from the page header",
             header.lineno or first)
    if not date and tb.adopted_date:
        date = tb.adopted_date
        warn("IMPORT.DATE_FROM_ADOPTION", f"no date line: the act's date is the date it was adopted or put "
             f"into force, {date}", title_line)
    if not date and publication_date:
        date = publication_date
        warn("IMPORT.DATE_FROM_PUBLICATION", f"no title block: the act's date is the date of its publication, "
             f"{date}; give --date if it differs", first)
    missing = []
    if not title:
        missing.append("title")
        warn("IMPORT.NO_TITLE", "no title block: the act's name is unknown; give --title", first)
    if not date:
        missing.append("date")
        date = UNKNOWN_DATE
        warn("IMPORT.NO_DATE", f"the text gives no date of the act: {UNKNOWN_DATE} stands for it; give --date",
             title_line)
    if not number and tb.doc_name == "constitution":
        number = "constitution"   # a constitution has no number; AKN names its work so
    elif not number:
        missing.append("number")
        warn("IMPORT.NO_NUMBER", "the act is printed without a number (FRBR number «nn»); give --number if it "
             "has one", tb.date_index >= 0 and lines[tb.date_index].lineno or title_line)
    status = ""
    if tb.repealed_by:
        status = "repealed"
        warn("IMPORT.REPEALED", f"the act was repealed ({tb.repealed_by.show_as}): imported with status «repealed»",
             lines[tb.notes["repealed"]].lineno)
    elif tb.draft:
        status = "draft"
        warn("IMPORT.DRAFT", "a draft («Проект»/«Долбоор»): imported with status «draft»", first)
    return Identity(title, date, number, status, tuple(missing), warnings)
