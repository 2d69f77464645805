"""structure.numbered_units names the units as the naming convention reads it: walking down from
the body through every element but text blocks (num, heading, content, intro, wrapUp, p). Here the
walk is written out plainly and compared with it on every bundled law, and on laws with the
shapes the walk decides: a unit inside a text block (a quotation), a unit in a wrapper element,
a number printed twice, a unit without a number."""
from __future__ import annotations

import copy

import pytest
from lxml import etree

from lawpatch import structure as st
from lawpatch.law import Law

from .conftest import DATA, LAWS

A = st.A
TEXT_BLOCKS = {A + t for t in ("num", "heading", "content", "intro", "wrapUp", "p")}
FILES = sorted(LAWS.glob("*/[rk]*.xml")) + sorted(DATA.glob("sample-law/*.xml")) + \
    [DATA / "family-code" / "laws" / "family-code" / "rus.xml"]


def walked(root, eid: str = "") -> list[tuple]:
    """The convention read by a plain recursive walk: (unit, eId) for every unit it names."""
    out, seen, counters = [], set(), {}

    def walk(parent, parent_eid):
        for el in parent:
            if st.is_unit(el):
                kind = st.KINDS[st.local(el.tag)]
                if kind.numbered and st.num_text(el):
                    number = st.clean_number(st.num_text(el))
                else:
                    key = (parent_eid, kind.tag) + (("pos",) if kind.numbered else ())
                    counters[key] = counters.get(key, 0) + 1
                    number = f"u{counters[key]}" if kind.numbered else str(counters[key])
                new = f"{kind.prefix}_{number}"
                if kind.tag != "article" and parent_eid:
                    new = f"{parent_eid}__{new}"
                if new in seen:
                    new += "_dup" + str(next(k for k in range(2, len(seen) + 3) if f"{new}_dup{k}" not in seen))
                seen.add(new)
                out.append((el, new))
                walk(el, new)
            elif isinstance(el.tag, str) and el.tag not in TEXT_BLOCKS:
                walk(el, parent_eid)

    walk(root, eid)
    return out


def agree(root, eid: str = "") -> None:
    units = st.numbered_units(root, eid)
    assert [el for el, *_ in units] == [el for el in st.iter_units(root) if el is not root]
    assert [(el, new) for el, _, _, new in units if new is not None] == walked(root, eid)
    for el, kind, printed, _ in units:
        assert kind is st.KINDS[st.local(el.tag)]
        assert printed == (st.num_text(el) if kind.numbered else "")


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_convention_as_walked_on_every_bundled_law(path):
    law = Law.load(path)
    agree(law.body)
    article = next(law.body.iter(A + "article"))
    agree(article, article.get("eId"))             # a unit's own sub-units, as renumbering asks


def sample_body():
    return copy.deepcopy(Law.load(DATA / "sample-law" / "rus.xml").body)


def test_a_unit_quoted_inside_a_text_block_is_not_named_nor_what_it_holds():
    body = sample_body()
    p = next(body.iter(A + "p"))
    quoted = etree.SubElement(etree.SubElement(p, A + "quotedStructure"), A + "article", eId="art_1")
    etree.SubElement(quoted, A + "num").text = "Статья 1."
    inner = etree.SubElement(quoted, A + "paragraph")
    etree.SubElement(inner, A + "num").text = "1."
    units = {el: new for el, _, _, new in st.numbered_units(body)}
    assert units[quoted] is None and units[inner] is None
    agree(body)


def test_a_unit_in_a_wrapper_is_named_through_it_and_numbers_printed_twice_get_dup():
    body = sample_body()
    article = next(a for a in body.iter(A + "article") if len(a.findall(A + "paragraph")) > 2)
    paragraphs = article.findall(A + "paragraph")
    wrapper = etree.Element(A + "hcontainer", name="group")
    paragraphs[0].addprevious(wrapper)
    wrapper.append(paragraphs[0])
    article.append(copy.deepcopy(paragraphs[-1]))                  # a number printed twice
    paragraphs[1].remove(paragraphs[1].find(A + "num"))             # a number missing
    units = {el: new for el, _, _, new in st.numbered_units(body)}
    assert units[paragraphs[0]] == f"{article.get('eId')}__para_1"
    assert any(new and new.endswith("_dup2") for new in units.values())
    agree(body)
