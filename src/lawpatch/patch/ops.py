"""The changes an op makes to the lxml tree of one language version, one function each.

Targets are found by :mod:`.targets`; the functions here only change the tree. Errors are
:class:`Refusal` (code, message, hint), turned into findings by the engine.
"""
from __future__ import annotations

import re

from .. import structure as st
from .. import vocabulary as voc
from ..dates import date_ky, date_ru
from ..errors import LawpatchError, Refusal

A = st.A


# --- blocks ---------------------------------------------------------------------------------
def set_block_text(p, text: str) -> None:
    """Replace a block's text (inline markup inside the block, if any, is flattened)."""
    for child in list(p):
        p.remove(child)
    p.text = text


# --- units ---------------------------------------------------------------------------------
def fragment(text: str, lang: str, law, context_el) -> list:
    """The units a new text («3. …», «1) …», «Статья 5-1. …», an abzats) makes inside
    ``context_el``, read by the importer's fragment parser — the one reading of inserted text that
    the engine and the amending law's wording share."""
    from ..importer.fragment import parse_fragment

    ctx = "body" if context_el is law.body or not st.is_unit(context_el) else st.local(context_el.tag)
    if ctx == "point" and st.local(context_el.getparent().tag) == "point":
        ctx = "subpoint"
    try:
        return parse_fragment(text, lang, law.naming, context=ctx)
    except Refusal:
        raise
    except LawpatchError as exc:
        raise Refusal("CHECK.FRAGMENT", f"the new text cannot be read: {exc}",
                      "write it as the law prints it: «3. …», «1) …», «а) …», «- …»") from None



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
    """Give a numbered unit a new number («3.» → «2.»); an abzats becomes the numbered unit of its
    level («абзацы первый и второй считать соответственно пунктами 1 и 2»): a part of an article,
    a point of a part, a subpoint of a point."""
    tag = st.local(el.tag)
    if tag in st.ABZATS_TAGS:
        _number_abzats(el, to)
        return
    num = el.find(A + "num")
    if num is None or not st.num_text(el):
        raise Refusal("CHECK.NOT_NUMBERED", "the unit has no number to change", "renumber applies to numbered units")
    old = st.clean_number(st.num_text(el))
    text = "".join(num.itertext())
    for child in list(num):
        num.remove(child)
    num.text = text.replace(old, to, 1)


def numbered_kind(parent) -> tuple[str, str]:
    """(AKN tag, printed number format) of a numbered unit inside ``parent``: «1.» parts in an
    article, «1)» points in a part, «а)» subpoints in a point."""
    tag = st.local(parent.tag)
    if tag == "article":
        return "paragraph", "{}."
    if tag in ("paragraph", "point"):
        return "point", "{})"
    raise Refusal("CHECK.NOT_NUMBERED", f"an abzats of a {tag} cannot become a numbered unit",
                  "renumber abzats of an article, a part or a point")


def _number_abzats(el, to: str) -> None:
    parent = el.getparent()
    tag, fmt = numbered_kind(parent)
    if (to.isalpha()) != (tag == "point" and st.local(parent.tag) == "point"):
        raise Refusal("CHECK.NUMBER_FORMAT", f"a {tag} inside a {st.local(parent.tag)} is not numbered «{to}»",
                      "subpoints take letters («а»), parts and points digits")
    el.tag = A + tag
    num = el.makeelement(A + "num", {})
    num.text = fmt.format(to)
    el.insert(0, num)


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


def delete_span(p, start: int, end: int) -> None:
    """Take ``[start, end)`` out of a block, with the spacing after it («второе предложение исключить»)."""
    from .words import splice

    text = st.block_text(p)
    set_block_text(p, splice(text, start, end, "").strip())


def delete(el) -> None:
    """Take the unit out (the engine collapses a parent left with one abzats once the bill has run:
    until then the instructions cite that abzats as the bill's text does)."""
    el.getparent().remove(el)


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
    raise Refusal("CHECK.RESTATE_SHAPE",
                  f"the new text is {len(new)} unit(s) of kind {', '.join(sorted({st.local(n.tag) for n in new}))}, "
                  f"not one {tag}", "start the text with the unit's number as printed («3. …», «1) …»)")


def _may_contain(outer: str, inner: str) -> bool:
    """Whether a unit of kind ``inner`` may stand inside one of kind ``outer`` (sub-points in points)."""
    if inner in st.ABZATS_TAGS:
        return True
    a, b = st.RANK.get(outer), st.RANK.get(inner)
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
