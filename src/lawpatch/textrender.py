"""The canonical plain text of a law (``lawpatch text``): what a reader sees, one unit a line group.

Stable by construction (a function of the tree alone), so it serves as the git ``textconv`` of
law files: a diff of two versions shows changed lines of law text, not XML. Editorial notes of
the database are kept but marked «[ред.] » so that they are never mistaken for normative text.
"""
from __future__ import annotations

import copy

from . import structure as st
from .structure import A

EDITORIAL_MARK = "[ред.] "


def law_text(law, editorial: bool = True) -> str:
    """Title block, preamble, every container heading and every article, then the signature block
    (conclusions), as blocks of lines separated by a blank line; editorial notes prefixed «[ред.] »
    (or left out)."""
    act = copy.deepcopy(law.act) if editorial else law.act
    if editorial:
        for p in act.iter(A + "p"):
            if st.is_editorial(p):
                p.text = EDITORIAL_MARK + (p.text or "")
    groups: list[list[str]] = [] if act.find(A + "preface") is not None else [[law.long_title]]
    for name in ("preface", "preamble"):
        el = act.find(A + name)
        if el is not None:
            lines = [st.block_text(p) for p in el.iter(A + "p") if editorial or not st.is_editorial(p)]
            if lines:
                groups.append(lines)
    _walk(act.find(A + "body"), groups, editorial)
    conclusions = act.find(A + "conclusions")
    if conclusions is not None:
        groups.append([st.block_text(p) for p in conclusions.iter(A + "p") if editorial or not st.is_editorial(p)])
    return "\n\n".join("\n".join(" ".join(line.split()) for line in g) for g in groups if g) + "\n"


def _walk(parent, groups: list[list[str]], editorial: bool) -> None:
    for el in parent:
        if not st.is_unit(el):
            continue
        if st.local(el.tag) in st.CONTAINER_TAGS:
            head = " ".join(x for x in (st.num_text(el), st.heading_text(el)) if x)
            own = [st.block_text(p) for p in st.own_paragraphs(el, editorial)]
            groups.append(([head] if head else []) + own)
            _walk(el, groups, editorial)
        else:
            groups.append(st.unit_lines(el, editorial))
