"""Dates as KR acts print them, written and read: «13 января 2006 года № 4» and
«2006-жылдын 13-январындагы № 4»."""
from __future__ import annotations

import re

# the last year lawpatch writes: a DOCX is a zip, whose entries record their time up to 2107
LAST_YEAR = 2107

MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря")
MONTHS_KY = ("январындагы", "февралындагы", "мартындагы", "апрелиндеги", "майындагы",
             "июнундагы", "июлундагы", "августундагы", "сентябрындагы", "октябрындагы",
             "ноябрындагы", "декабрындагы")


def date_ru(iso: str) -> str:
    """
    >>> date_ru("2006-01-13")
    '13 января 2006 года'
    """
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTHS_RU[int(m) - 1]} {y} года"


def date_ky(iso: str) -> str:
    """
    >>> date_ky("2006-01-13")
    '2006-жылдын 13-январындагы'
    """
    y, m, d = iso.split("-")
    return f"{y}-жылдын {int(d)}-{MONTHS_KY[int(m) - 1]}"


MONTHS_KY_FROM = ("январынан", "февралынан", "мартынан", "апрелинен", "майынан", "июнунан", "июлунан",
                  "августунан", "сентябрынан", "октябрынан", "ноябрынан", "декабрынан")


def date_ky_from(iso: str) -> str:
    """The date «from which» (entry into force):

    >>> date_ky_from("2027-01-01")
    '2027-жылдын 1-январынан'
    """
    y, m, d = iso.split("-")
    return f"{y}-жылдын {int(d)}-{MONTHS_KY_FROM[int(m) - 1]}"


# Month stems shared by Russian («января») and Kyrgyz («январындагы», «4-августу») forms.
_MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
           "ноябр", "декабр"]
_MONTH_RX = r"(?P<month>январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
_NUMBER = r"(?:№|N)\s*(?P<number>[0-9]+(?:-[0-9IVXLCа-яА-Я]+)?)"
DATE_RU = re.compile(rf"(?P<day>\d{{1,2}})\s+{_MONTH_RX}\s+(?P<year>\d{{4}})\s*(?:года|г\.)?\s*(?:{_NUMBER})?")
DATE_KY = re.compile(rf"(?P<year>\d{{4}})\s*-?\s*жыл\w*\s+(?P<day>\d{{1,2}})\s*-?\s*{_MONTH_RX}\s*(?:{_NUMBER})?")


def iso_date(m: re.Match) -> str:
    month = next(i for i, stem in enumerate(_MONTHS) if m.group("month").lower().startswith(stem)) + 1
    return f"{int(m.group('year')):04d}-{month:02d}-{int(m.group('day')):02d}"


def find_dates(text: str) -> list[tuple[str, str, str]]:
    """Every «date № number» in a text, as (ISO date, number, the words as printed).

    >>> find_dates("(В редакции Законов КР от 2 декабря 2024 года № 190, 4 июня 2025 года № 111)")
    [('2024-12-02', '190', '2 декабря 2024 года № 190'), ('2025-06-04', '111', '4 июня 2025 года № 111')]
    >>> find_dates("1998-жылдын 5-январы № 1"), find_dates("2021 жылдын 5 майындагы Мыйзамы")
    ([('1998-01-05', '1', '1998-жылдын 5-январы № 1')], [('2021-05-05', '', '2021 жылдын 5 майындагы')])
    """
    out = []
    for rx in (DATE_RU, DATE_KY):
        for m in rx.finditer(text):
            out.append((m.start(), iso_date(m), m.group("number") or "", m.group(0).strip()))
    return [(d, n, s) for _, d, n, s in sorted(out)]
