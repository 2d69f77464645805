"""The KR unit vocabulary: which AKN element stands for which KR unit, how numbers become eIds,
and the few tree operations every module needs (see docs/profile.md for the model).

eIds are *derived* data: :func:`assign_eids` recomputes all of them from the tree (numbers as
printed, positions for unnumbered units) and returns the old→new map, so nothing else ever has to
invent an eId.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from lxml import etree

from .vocabulary import nominative_ordinal
from .xmlio import AKN_NS

NS = {"a": AKN_NS}
A = "{%s}" % AKN_NS


class UnitKind(NamedTuple):
    """An AKN unit element and how its eId is formed."""

    tag: str          # AKN element name
    prefix: str       # eId prefix (AKN naming convention)
    numbered: bool    # numbered by its <num> (else by position among same-tag siblings)


# Order matters: from the largest unit to the smallest. The words for each (RU, KY) are in
# :mod:`lawpatch.vocabulary`; :func:`unit_name` says which word a unit of a given act takes.
KINDS: dict[str, UnitKind] = {k.tag: k for k in [
    UnitKind("division", "dvs", True),
    UnitKind("part", "part", True),
    UnitKind("chapter", "chp", True),
    UnitKind("section", "sec", True),
    UnitKind("article", "art", True),
    UnitKind("paragraph", "para", True),
    UnitKind("point", "point", True),
    UnitKind("alinea", "al", False),
    UnitKind("indent", "indent", False),
]}
UNIT_TAGS = frozenset(KINDS)
_UNIT_CLARK = tuple(A + tag for tag in KINDS)   # units are AKN elements (the profile's namespace)
_UNIT_SET = frozenset(_UNIT_CLARK)
_NUM = A + "num"
_HEADING = A + "heading"
_P = A + "p"
_OWN_BLOCKS = (A + "content", A + "intro", A + "wrapUp")     # where a unit's own blocks are
_KIND_OF = {A + tag: kind for tag, kind in KINDS.items()}
PREFIX_TO_TAG = {k.prefix: k.tag for k in KINDS.values()}
# Units above the article: their eIds chain through their containers. Articles are numbered
# across the whole act, so their eIds start afresh (art_5, not chp_1__art_5).
CONTAINER_TAGS = ("division", "part", "chapter", "section")
ABZATS_TAGS = ("alinea", "indent")
# The ranks of the numbered units, largest first (a unit may contain those of a higher rank).
RANK = {"division": 0, "part": 1, "chapter": 2, "section": 3, "article": 4, "paragraph": 5, "point": 6}

EDITORIAL = "editorial"


_LOCAL: dict = {}


def local(tag) -> str:
    """The local name of an element's tag ("" for a comment or processing instruction)."""
    try:
        return _LOCAL[tag]
    except KeyError:
        name = _LOCAL[tag] = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
        return name


def akn(tag: str) -> str:
    """Clark name of an AKN element: ``akn("article") == "{ns}article"``."""
    return A + tag


def is_unit(el) -> bool:
    return el.tag in _UNIT_SET


@lru_cache(maxsize=4096)
def clean_number(num_text: str) -> str:
    """The number part of a printed ``<num>``, as it goes into an eId.

    >>> [clean_number(s) for s in ["Статья 5-2.", "5-берене.", "1.", "3)", "а)", "РАЗДЕЛ II", "I БӨЛҮМ", "1-Глава", "§ 2", "Параграф 1"]]
    ['5-2', '5', '1', '3', 'а', 'II', 'I', '1', '2', '1']
    >>> [clean_number(s) for s in ["РАЗДЕЛ ПЕРВЫЙ.", "БИРИНЧИ БӨЛҮМ.", "ОБЩАЯ ЧАСТЬ", "АТАЙЫН БӨЛҮК", "I ГЛАВА."]]
    ['1', '1', '1', '2', 'I']
    """
    text = (num_text or "").strip()
    # Kyrgyz order: number first («5-берене.», «1-Глава», «2-бөлүк»)
    m = re.match(r"^([0-9]+(?:-[0-9]+)*)-(?:[^\W\d_]+)\.?$", text)
    if m:
        return m.group(1)
    m = re.match(r"^([IVXLC]+)\s+[^\W\d_]+\.?$", text)
    if m:
        return m.group(1)
    # Russian order: word first («Статья 5-2.», «РАЗДЕЛ II», «Глава 3», «§ 2»)
    m = re.match(r"^(?:[^\W\d_]+\s+|§\s*)?([0-9]+(?:-[0-9]+)*|[IVXLC]+)\s*[.)]?$", text)
    if m:
        return m.group(1)
    # bare letters of subpoints («а)», «б.»)
    m = re.match(r"^([^\W\d_]{1,2})[.)]$", text)
    if m:
        return m.group(1).lower()
    words = text.split()
    # «РАЗДЕЛ ПЕРВЫЙ» (Russian: the ordinal last), «БИРИНЧИ БӨЛҮМ» (Kyrgyz: the ordinal first)
    word = (nominative_ordinal(words[-1]) or nominative_ordinal(words[0])) if words else None
    if word:
        return str(word)
    # the parts of a code: «ОБЩАЯ ЧАСТЬ» / «ЖАЛПЫ БӨЛҮК» is 1, «ОСОБЕННАЯ ЧАСТЬ» / «ӨЗГӨЧӨ БӨЛҮК» is 2
    if re.match(r"^(?:ОБЩАЯ|ЖАЛПЫ)\s", text, re.I):
        return "1"
    if re.match(r"^(?:ОСОБЕННАЯ|АТАЙЫН|ӨЗГӨЧӨ)\s", text, re.I):
        return "2"
    cleaned = re.sub(r"[^0-9A-Za-zА-Яа-яЁёӨөҮүҢң-]+", "", text)
    return cleaned or "x"


def roman_value(text: str) -> int | None:
    """2 for «II», 14 for «XIV»; None for anything that is not a Roman numeral.

    >>> roman_value("XIV"), roman_value("II"), roman_value("5")
    (14, 2, None)
    """
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not text or any(c not in values for c in text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " "):
        total += -values[a] if b != " " and values[b] > values[a] else values[a]
    return total


def num_text(el) -> str:
    n = el[0] if len(el) else None   # the num comes first: looked at before a search (a hot path)
    if n is None or n.tag != _NUM:
        n = next(el.iterchildren(_NUM), None)
    if n is None:
        return ""
    text = n.text if not len(n) else "".join(n.itertext())
    return text.strip() if text else ""


def is_unnumbered_part(el) -> bool:
    """A ``paragraph`` without ``<num>``: a lead-in and its points grouped as one unnumbered part of
    an article whose point lists restart (docs/profile.md, Abzats)."""
    return local(el.tag) == "paragraph" and not num_text(el)


def part_blocks(parent) -> list:
    """The blocks «абзац N» (and, beside unnumbered parts, «часть N») count in ``parent``: its
    ``alinea``, ``indent`` and unnumbered ``paragraph`` children, in document order."""
    return [c for c in parent if isinstance(c.tag, str) and (local(c.tag) in ABZATS_TAGS or is_unnumbered_part(c))]


def has_unnumbered_parts(parent) -> bool:
    return any(isinstance(c.tag, str) and is_unnumbered_part(c) for c in parent)


def is_part_block(el) -> bool:
    """An unnumbered part, or an abzats beside unnumbered parts: cited «часть N» (N counting both)."""
    return is_unnumbered_part(el) or (local(el.tag) in ABZATS_TAGS and has_unnumbered_parts(el.getparent()))


def unit_name(el, naming: str = "parts", parent=None) -> str:
    """The Russian name of a unit in an act of ``naming`` (a key of :mod:`lawpatch.vocabulary`):
    in the «parts» naming «1.» is a «часть» and «1)» a «пункт»; in the «points» naming (the Civil and
    Family Codes) «1.» is a «пункт» and «1)» a «подпункт»; a point inside a point is a «подпункт»;
    an unnumbered block is an «абзац», or a «часть» beside unnumbered parts. ``parent``: where a
    unit not yet in the tree (a new text) will stand."""
    tag = local(el.tag)
    parent = parent if parent is not None else el.getparent()
    if tag == "paragraph":
        return "часть" if naming != "points" or is_unnumbered_part(el) else "пункт"
    if tag == "point":
        nested = parent is not None and local(parent.tag) == "point"
        return "подпункт" if naming == "points" or nested else "пункт"
    if tag in ABZATS_TAGS:
        return "часть" if parent is not None and has_unnumbered_parts(parent) else "абзац"
    return {"division": "часть кодекса", "part": "раздел", "chapter": "глава", "section": "параграф",
            "article": "статья"}[tag]


def heading_text(el) -> str:
    h = next(el.iterchildren(_HEADING), None)      # not el.find: its path parsing costs twice as much (a hot path)
    return block_text(h).strip() if h is not None else ""


def unit_children(el) -> list:
    """Direct sub-units of a unit (or of body), in document order."""
    return [c for c in el if c.tag in _UNIT_SET]


def is_repealed(el) -> bool:
    return el.get("status") == "removed"


def is_editorial(p) -> bool:
    cls = p.get("class")
    return cls is not None and EDITORIAL in cls.split()


def block_text(p) -> str:
    return "".join(p.itertext()) if len(p) else p.text or ""     # most blocks hold their text alone


def own_paragraphs(el, editorial: bool = False) -> list:
    """The ``<p>`` blocks that belong to this unit itself (not to its sub-units).

    With ``editorial=False`` (the default) editorial notes are left out.
    """
    out = []
    for child in el.iterchildren(*_OWN_BLOCKS):
        for p in child.iter(_P):
            if editorial or not is_editorial(p):
                out.append(p)
    return out


def unit_parts(el) -> tuple:
    """A unit's ``<num>`` and ``<heading>`` (None where it has none), its own ``<p>`` blocks
    (editorial notes left out) and its sub-units, read in one pass over its children: what
    :func:`num_text`, :func:`heading_text`, :func:`own_paragraphs` and :func:`unit_children` read
    one by one (a proof reads every article of two laws)."""
    num = heading = None
    blocks: list = []
    subs: list = []
    for c in el:
        tag = c.tag
        if tag in _UNIT_SET:
            subs.append(c)
        elif tag in _OWN_BLOCKS:
            blocks += [p for p in c.iter(_P) if not is_editorial(p)]
        elif tag == _NUM:
            if num is None:
                num = c
        elif tag == _HEADING and heading is None:
            heading = c
    return num, heading, blocks, subs


def own_text(el) -> str:
    """Normative text of the unit itself, its blocks joined by newlines (no num, no heading)."""
    return "\n".join(block_text(p) for p in own_paragraphs(el))


def iter_units(root):
    """Every unit under ``root`` in document order (``root`` itself too, where it is one)."""
    return root.iter(*_UNIT_CLARK)


def unit_lines(el, editorial: bool = False) -> list[str]:
    """The unit as printed, one line per block: «Статья 5. Заголовок», «1. текст», «1) текст»…

    A numbered unit's own first block is printed on the line of its number, as the official
    texts do; a unit whose first child is an unnumbered abzats prints that abzats there.
    """
    return [line for line, _ in printed_lines(el, editorial)]


def printed_lines(el, editorial: bool = False) -> list[tuple[str, object]]:
    """:func:`unit_lines` with the unit each line prints (a number line with its unit's first
    abzats: the numbered unit)."""
    lines: list[tuple[str, object]] = []
    _print_unit(el, lines, editorial)
    return lines


def _print_unit(el, lines: list, editorial: bool) -> None:
    lead = num_text(el)
    head = heading_text(el)
    if head:
        lead = f"{lead} {head}".strip()
    pending = lead
    for child in el:
        name = local(child.tag)
        if name in ("content", "intro", "wrapUp"):
            for p in child.iter(A + "p"):
                if is_editorial(p) and not editorial:
                    continue
                text = block_text(p)
                if pending and not head and not is_editorial(p):
                    lines.append((f"{pending} {text}", el))
                else:
                    if pending:
                        lines.append((pending, el))
                    lines.append((text, el))
                pending = ""
        elif is_unit(child):
            if pending and not head and local(child.tag) in ABZATS_TAGS and num_text(child) == "":
                sub: list = []
                _print_unit(child, sub, editorial)
                if sub:
                    lines.append((f"{pending} {sub[0][0]}", el))
                    lines.extend(sub[1:])
                pending = ""
                continue
            if pending:
                lines.append((pending, el))
                pending = ""
            _print_unit(child, lines, editorial)
    if pending:
        lines.append((pending, el))


def _eid_of(kind: UnitKind, printed: str, parent_eid: str, counters: dict) -> str:
    """The eId of a unit of ``kind`` numbered ``printed`` under a unit whose eId is ``parent_eid``
    (``counters``: the positions given so far under each)."""
    if kind.numbered:
        number = clean_number(printed) if printed else None
        if number is None:
            key = (parent_eid, kind.tag, "pos")
            counters[key] = counters.get(key, 0) + 1
            number = f"u{counters[key]}"
    else:
        key = (parent_eid, kind.tag)
        counters[key] = counters.get(key, 0) + 1
        number = str(counters[key])
    if kind.tag == "article" or not parent_eid:
        return f"{kind.prefix}_{number}"
    return f"{parent_eid}__{kind.prefix}_{number}"


# elements whose content holds no units: not walked into
_TEXT_HOLDERS = frozenset(A + t for t in ("num", "heading", "content", "intro", "wrapUp", "p"))


def numbered_units(root, eid: str = "") -> list[tuple[etree._Element, UnitKind, str, str | None]]:
    """Every unit under ``root`` (:func:`iter_units`, ``root`` itself left out) with its kind, its
    printed number (:func:`num_text`; "" for an abzats) and the eId the naming convention gives it
    under ``root`` (whose own eId is ``eid``): numbers as printed, positions for abzats, a
    ``_dupN`` suffix for a number printed twice (a source's misprint; the validator reports it).
    A unit inside a text block (``<content>``, ``<p>``…: a quotation) is not named: None.

    One pass over the units alone (the other elements are looked at only between a unit and the
    unit that holds it): every consumer of the numbering reads it from here."""
    out: list = []
    seen: set[str] = set()
    counters: dict = {}
    named = {root: eid}     # the units named so far (and root): their eIds
    for el in root.iter(*_UNIT_CLARK):
        if el is root:
            continue
        kind = _KIND_OF[el.tag]
        printed = num_text(el) if kind.numbered else ""
        holder = el.getparent()
        while holder not in named and holder.tag not in _UNIT_SET and holder.tag not in _TEXT_HOLDERS:
            holder = holder.getparent()
        parent_eid = named.get(holder)
        if parent_eid is None:     # inside a text block, or inside a unit that is
            out.append((el, kind, printed, None))
            continue
        new = _eid_of(kind, printed, parent_eid, counters)
        if new in seen:
            k = 2
            while f"{new}_dup{k}" in seen:
                k += 1
            new = f"{new}_dup{k}"
        seen.add(new)
        named[el] = new
        out.append((el, kind, printed, new))
    return out


def derived_eids(body, eid: str = "") -> list[tuple[etree._Element, str]]:
    """Every unit under ``body`` (or under a unit whose eId is ``eid``) that the naming convention
    names, with the eId it gives it, in document order (:func:`numbered_units`)."""
    return [(el, new) for el, _, _, new in numbered_units(body, eid) if new is not None]


def assign_eids(body, eid: str = "") -> dict[str, str]:
    """Recompute every unit's eId under ``body`` (:func:`derived_eids`); returns ``{old_eid: new_eid}``
    for every eId that changed."""
    changes: dict[str, str] = {}
    for el, eid in derived_eids(body, eid):
        old = el.get("eId")
        if old != eid:
            if old:
                changes[old] = eid
            el.set("eId", eid)
    return changes


def to_hier(el) -> None:
    """Give a leaf unit (``<content>``) the hierarchical form (its text in a first ``alinea``),
    so that sub-units can be added to it."""
    content = el.find(A + "content")
    if content is None:
        return
    alinea = etree.Element(A + "alinea")
    content.addprevious(alinea)
    alinea.append(content)


def collapse_if_single(el) -> None:
    """Undo :func:`to_hier` when a unit is left with a single unnumbered abzats and nothing else."""
    kids = [c for c in el if isinstance(c.tag, str) and local(c.tag) not in ("num", "heading", "subheading")]
    if len(kids) == 1 and local(kids[0].tag) == "alinea" and kids[0].find(A + "num") is None:
        content = kids[0].find(A + "content")
        if content is not None and len([c for c in kids[0] if isinstance(c.tag, str)]) == 1:
            kids[0].addprevious(content)
            el.remove(kids[0])


def new_unit(tag: str, num: str | None = None, heading: str | None = None,
             text: str | None = None) -> etree._Element:
    """Build a unit element in the profile's shape (eIds are assigned later by assign_eids)."""
    el = etree.Element(A + tag)
    if num:
        etree.SubElement(el, A + "num").text = num
    if heading:
        etree.SubElement(el, A + "heading").text = heading
    if text is not None:
        content = etree.SubElement(el, A + "content")
        etree.SubElement(content, A + "p").text = text
    return el
