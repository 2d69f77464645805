"""Dates as KR acts print them, written and read: «13 января 2006 года № 4» and
«2006-жылдын 13-январындагы № 4»."""
from __future__ import annotations

import re

from . import lazyre

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
DATE_RU = lazyre.compile(rf"(?P<day>\d{{1,2}})\s+{_MONTH_RX}\s+(?P<year>\d{{4}})\s*(?:года|г\.)?\s*(?:{_NUMBER})?")
DATE_KY = lazyre.compile(rf"(?P<year>\d{{4}})\s*-?\s*жыл\w*\s+(?P<day>\d{{1,2}})\s*-?\s*{_MONTH_RX}\s*(?:{_NUMBER})?")


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


# A date starting at a figure: «17.07.2000», «2000-жылдын 17-июлундагы», «17 июля 2000 года», «1-январь».
_DATE_AT = lazyre.compile(
    rf"(?P<nd>\d{{1,2}})\.(?P<nm>\d{{1,2}})\.(?P<ny>\d{{4}})(?!\d)"
    rf"|(?P<ky>\d{{4}})\s*-?\s*ж(?:ыл\w*|\.)\s+(?P<kd>\d{{1,2}})\s*-\s*{_MONTH_RX.replace('<month>', '<km>')}"
    rf"|(?P<day>\d{{1,2}})(?:\s+|\s*-\s*){_MONTH_RX}(?:\s+(?P<year>\d{{4}})(?!\d)(?:\s*(?:год\w*|г\.))?)?",
    re.IGNORECASE)
_FIGURE_START = lazyre.compile(r"(?<![\d.-])\d")


def date_at(text: str, pos: int) -> tuple[int, tuple] | None:
    """The date printed from ``pos`` (a figure's start): (end, (year or None, month, day)), or None."""
    m = _DATE_AT.match(text, pos)
    if m is None:
        return None
    if m.group("nd"):
        month, day, year = int(m.group("nm")), int(m.group("nd")), int(m.group("ny"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
    else:
        stem = (m.group("km") or m.group("month")).lower()
        month = next(i for i, s in enumerate(_MONTHS) if stem.startswith(s)) + 1
        day = int(m.group("kd") or m.group("day"))
        year = m.group("ky") or m.group("year")
        year = int(year) if year else None
    return m.end(), (year, month, day)


_MONTH_AFTER = lazyre.compile(rf"\s+{_MONTH_RX}(?:\s+(?P<year>\d{{4}})(?!\d)(?:\s*(?:год\w*|г\.))?)?", re.IGNORECASE)


def month_after(text: str, pos: int) -> tuple[int, int, int | None] | None:
    """(end, month, year or None) of a month's name (and year) right after ``pos`` — a day written
    in words before it: «первое января», «тридцать первого декабря 2025 года»; None otherwise.

    >>> month_after("первое января следующего года", 6), month_after("первого мая 2026 года", 7)
    ((13, 1, None), (21, 5, 2026))
    """
    m = _MONTH_AFTER.match(text, pos)
    if m is None:
        return None
    stem = m.group("month").lower()
    year = int(m.group("year")) if m.group("year") else None
    return m.end(), next(i for i, s in enumerate(_MONTHS) if stem.startswith(s)) + 1, year


def read_dates(text: str) -> list[tuple[int, int, tuple]]:
    """Every date in a text, RU or KY, with or without its year: (start, end, (year or None, month,
    day)) — «17 июля 2000 года», «17.07.2000», «2000-жылдын 17-июлундагы», «1 января», «1-январь».

    >>> [d for _, _, d in read_dates("с 1 января 2024 года до 01.07.2024, 2000-жылдын 17-июлундагы, 1-май")]
    [(2024, 1, 1), (2024, 7, 1), (2000, 7, 17), (None, 5, 1)]
    """
    out, end = [], 0
    for m in _FIGURE_START.finditer(text):
        if m.start() < end:
            continue
        found = date_at(text, m.start())
        if found:
            end = found[0]
            out.append((m.start(), end, found[1]))
    return out
