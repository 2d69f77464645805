"""One function per op kind, acting on the lxml tree of one language version.

Targets are resolved on the base text first (:mod:`.resolve`); the functions here only change
the tree. Errors are :class:`OpError` (code, message, hint), turned into findings by the caller.
"""
from __future__ import annotations

import re

from .. import structure as st
from .. import vocabulary as voc
from ..dates import date_ky, date_ru
from ..errors import LawpatchError

A = st.A


class OpError(LawpatchError):
    def __init__(self, code: str, message: str, hint: str = ""):
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


# --- words ---------------------------------------------------------------------------------
def set_block_text(p, text: str) -> None:
    """Replace a block's text (inline markup inside the block, if any, is flattened)."""
    for child in list(p):
        p.remove(child)
    p.text = text


def splice(text: str, start: int, end: int, new: str) -> str:
    """``text[start:end]`` replaced by ``new``, keeping single spaces and no space before punctuation."""
    left, right = text[:start], text[end:]
    if not new:
        if left.endswith(" ") and (right.startswith(" ") or right[:1] in ",.;:)»" or not right):
            left = left.rstrip(" ")
        elif not left and right.startswith(" "):
            right = right.lstrip(" ")
        return left + right
    return left + new + right


def insertion(new: str, after: bool) -> str:
    """The words to insert next to an anchor: a space between words, none before punctuation."""
    if after:
        return new if new[:1] in ",.;:) " else " " + new
    return new if new[-1:] in " («" else new + " "


# --- units ---------------------------------------------------------------------------------
def set_heading(el, heading: str) -> None:
    h = el.find(A + "heading")
    if h is None:
        h = el.makeelement(A + "heading", {})
        num = el.find(A + "num")
        if num is not None:
            num.addnext(h)
        else:
            el.insert(0, h)
    for child in list(h):
        h.remove(child)
    h.text = heading


def renumber(el, to: str) -> None:
    num = el.find(A + "num")
    if num is None or not st.clean_number(st.num_text(el)):
        raise OpError("CHECK.NOT_NUMBERED", "the unit has no number to change", "renumber applies to numbered units")
    old = st.clean_number(st.num_text(el))
    text = "".join(num.itertext())
    for child in list(num):
        num.remove(child)
    num.text = text.replace(old, to, 1)


def repeal_note(el, naming: str, lang: str, date: str, number: str) -> str:
    """The note a repealed unit keeps, in its gender: «(Утратил силу в соответствии с Законом КР от …
    № …)» for a пункт, «(Утратила …)» for a статья; «(КР … № … Мыйзамына ылайык күчүн жоготту)»."""
    act = ""
    if number:
        act = f"КР {date_ky(date)} № {number} Мыйзамына ылайык" if lang == "kir" else \
            f"в соответствии с Законом КР от {date_ru(date)} № {number}"
    return voc.repealed_note(st.unit_name(el, naming), lang, act)


def repeal(el, note: str) -> None:
    """The unit keeps its number; its content is the editorial note alone."""
    for child in list(el):
        if isinstance(child.tag, str) and st.local(child.tag) not in ("num", "heading"):
            el.remove(child)
    el.set("status", "removed")
    content = el.makeelement(A + "content", {})
    el.append(content)
    p = content.makeelement(A + "p", {"class": st.EDITORIAL})
    p.text = note
    content.append(p)


def delete(el) -> None:
    parent = el.getparent()
    parent.remove(el)
    if st.is_unit(parent):
        st.collapse_if_single(parent)


def restate(el, new: list) -> None:
    """Put the parsed ``new`` units in place of ``el``; a text without a number keeps the unit's
    number and heading and replaces its body."""
    tag = st.local(el.tag)
    if len(new) == 1 and st.local(new[0].tag) == tag:
        el.addnext(new[0])
        el.getparent().remove(el)
        return
    if new and tag not in st.ABZATS_TAGS and all(_may_contain(tag, st.local(n.tag)) for n in new):
        for child in list(el):
            if isinstance(child.tag, str) and st.local(child.tag) not in ("num", "heading"):
                el.remove(child)
        if len(new) == 1 and st.local(new[0].tag) == "alinea" and new[0].find(A + "num") is None:
            el.append(new[0].find(A + "content"))
        else:
            for n in new:
                el.append(n)
        return
    if tag in st.ABZATS_TAGS and len(new) == 1 and st.local(new[0].tag) in st.ABZATS_TAGS:
        el.addnext(new[0])
        el.getparent().remove(el)
        return
    raise OpError("CHECK.RESTATE_SHAPE",
                  f"the new text is {len(new)} unit(s) of kind {', '.join(sorted({st.local(n.tag) for n in new}))}, "
                  f"not one {tag}", "start the text with the unit's number as printed («3. …», «1) …»)")


_RANK = {"division": 0, "part": 1, "chapter": 2, "section": 3, "article": 4, "paragraph": 5, "point": 6}


def _may_contain(outer: str, inner: str) -> bool:
    """Whether a unit of kind ``inner`` may stand inside one of kind ``outer`` (sub-points in points)."""
    if inner in st.ABZATS_TAGS:
        return True
    a, b = _RANK.get(outer), _RANK.get(inner)
    return a is not None and b is not None and (b > a or outer == inner == "point")


def insert(anchor, position: str, new: list, last: dict) -> list:
    """Insert ``new`` after/before ``anchor`` or at the end of it; ``last`` remembers the previous
    insert at the same place so that several inserts keep the bill's order."""
    key = (id(anchor), position)
    if position == "at":
        if anchor.find(A + "content") is not None:
            st.to_hier(anchor)
        for n in new:
            anchor.append(n)
    elif position == "after":
        ref = last.get(key, anchor)
        for n in new:
            ref.addnext(n)
            ref = n
        last[key] = ref
    else:
        for n in new:
            anchor.addprevious(n)
    return new


def sequence_ok(prev: str | None, new: str) -> bool:
    """Whether ``new`` may follow ``prev`` among the siblings: 5 → 6 or 5-1, 5-1 → 5-2 or 5-1-1."""
    if not re.fullmatch(r"\d+(-\d+)*", new):
        return True
    if prev is None:
        return new == "1"
    if not re.fullmatch(r"\d+(-\d+)*", prev):
        return True
    parts = prev.split("-")
    candidates = {prev + "-1"}
    for i in range(len(parts)):
        candidates.add("-".join(parts[:i] + [str(int(parts[i]) + 1)]))
    return new in candidates
