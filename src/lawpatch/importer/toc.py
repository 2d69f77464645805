"""A table of contents printed before the text («ОГЛАВЛЕНИЕ», then «Глава 1. …», «Статья 1. …»):
found, so that its lines are not read as empty chapters and articles, and kept in the preface as
AKN ``toc`` items pointing at the units they name.

The contents are a run of heading lines (divisions, chapters, articles) with no text between them,
and the text proper starts where the run's first heading is printed again — after a preamble,
if the act has one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..structure import A, clean_number
from . import classify as c

TOC_TITLE = re.compile(r"^(?:ОГЛАВЛЕНИЕ|Оглавление|СОДЕРЖАНИЕ|Содержание|МАЗМУНУ|Мазмуну)\.?$")
_LEVEL = {c.DIVISION: 1, c.PART: 2, c.CHAPTER: 3, c.SECTION: 4, c.SUBSECTION: 5, c.ARTICLE: 6}
_TAG = {c.DIVISION: "division", c.PART: "part", c.CHAPTER: "chapter", c.SECTION: "section", c.ARTICLE: "article"}


@dataclass
class Contents:
    start: int       # the contents' first heading line
    end: int         # the line after the contents
    body: int        # where the text proper starts (the first heading printed again)


def find_contents(lines: list[c.Line], start: int) -> Contents | None:
    """The table of contents starting at ``start`` (the first heading line), if there is one."""
    if start >= len(lines):
        return None
    key = _key(lines[start])
    k, articles = start, 0
    while k < len(lines):
        line = lines[k]
        if k > start and _key(line) == key:
            break
        if line.kind in c.RANK:
            articles += line.kind == c.ARTICLE
        elif not (line.kind == c.TEXT and lines[k - 1].kind in c.RANK and not lines[k - 1].rest
                  and len(line.text) < 150 and line.text.rstrip()[-1:] not in ".;:"):
            break    # a line of text (the heading of «Глава 1» printed on the next line is not)
        k += 1
    body = k
    while body < len(lines) and lines[body].kind not in c.RANK:
        body += 1
    if articles < 2 or body >= len(lines) or _key(lines[body]) != key:
        return None
    return Contents(start, k, body)


def _key(line: c.Line) -> tuple[str, str]:
    return line.kind, clean_number(line.num) if line.num else ""


def emit_contents(parent, lines: list[c.Line], body) -> None:
    """The contents' lines as a ``toc`` in ``parent`` (the preface); each item links to the unit
    of the body with the same kind and number, where there is one."""
    toc = etree.SubElement(parent, A + "toc")
    units = {}
    for tag in _TAG.values():
        for el in body.iter(A + tag):
            num = el.find(A + "num")
            units.setdefault((tag, clean_number(num.text or "") if num is not None else ""), el.get("eId"))
    level = 1
    for line in lines:
        if line.kind in c.RANK:
            level = _LEVEL[line.kind]
            eid = units.get((_TAG.get(line.kind, "section"), clean_number(line.num)))
        item = etree.SubElement(toc, A + "tocItem", href=f"#{eid}" if eid else "#", level=str(level))
        item.text = line.text
