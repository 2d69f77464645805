"""Property: random valid word ops on real laws change exactly their units, by exactly the
expected text, and leave every other unit byte-identical."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from lxml import etree

from lawpatch import structure as st
from lawpatch.law import Law
from lawpatch.patch import apply_bill, load_bill
from lawpatch.patch.words import find_whole

from .conftest import DATA, LAWS

SMALL = ["external-migration", "citizenship", "legal-status-foreign-citizens"]


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    r = tmp_path_factory.mktemp("root")
    shutil.copytree(DATA / "sample-law", r / "laws" / "sample-law")
    for slug in SMALL:
        if (LAWS / slug / "rus.xml").is_file():
            (r / "laws" / slug).mkdir()
            shutil.copy(LAWS / slug / "rus.xml", r / "laws" / slug / "rus.xml")
    return r


def candidates(law: Law) -> list[tuple[str, str]]:
    """(eId, word) pairs: a word found exactly once, as a whole word, in a unit's text (its sub-units'
    included: a word op reaches them)."""
    out = []
    for el in law.units():
        text = "\n".join(st.block_text(p) for p in el.iter(st.A + "p") if not st.is_editorial(p))
        for w in set(re.findall(r"[А-Яа-яЁё]{5,}", st.own_text(el))):
            if len(find_whole(text, w)) == 1:
                out.append((el.get("eId"), w))
    return sorted(out)


def ops_xml(kind: str, eid: str, word: str) -> tuple[str, callable]:
    if kind == "repeal":
        return f'<repeal at="{eid}" lang="rus"/>', "repeal"
    if kind == "replace-words":
        return (f'<replace-words at="{eid}" lang="rus"><old lang="rus">{word}</old><new lang="rus">ЗАМЕНА</new></replace-words>',
                lambda t: _whole(t, word, "ЗАМЕНА"))
    if kind == "delete-words":
        return (f'<delete-words at="{eid}" lang="rus"><old lang="rus">{word}</old></delete-words>', None)
    return (f'<insert-words at="{eid}" lang="rus"><after lang="rus">{word}</after><new lang="rus">ВСТАВКА</new></insert-words>',
            lambda t: _whole(t, word, word + " ВСТАВКА"))


def _whole(text: str, word: str, new: str) -> str:
    (a, b), = find_whole(text, word)
    return text[:a] + new + text[b:]


def _only_the_note_added(old, new) -> bool:
    """The unit differs from the old one only by the draft's note at its end (the note of the article
    the change is in, as the database prints it)."""
    notes = [st.block_text(p) for p in new.iter(st.A + "p") if st.is_editorial(p)]
    return bool(notes) and notes[-1].startswith("(В редакции проекта Закона КР") and \
        st.unit_lines(old, editorial=True) == st.unit_lines(new, editorial=True)[:-1]


def property_check(root: Path, tmp: Path, slug: str, data) -> None:
    path = root / "laws" / slug / "rus.xml"
    law = Law.load(path)
    pool = candidates(law)
    picks = data.draw(hs.lists(hs.sampled_from(pool), min_size=1, max_size=6, unique_by=lambda p: p[0]))
    # no two ops on a unit and its descendant (the check refuses those when one repeals)
    chosen = {e for e, _ in picks}
    picks = [(e, w) for e, w in picks
             if not any(a.get("eId") in chosen for a in law.get(e).iterancestors() if st.is_unit(a))]
    kinds = data.draw(hs.lists(hs.sampled_from(["replace-words", "delete-words", "insert-words", "repeal"]),
                               min_size=len(picks), max_size=len(picks)))
    parts = [ops_xml(k, e, w) for k, (e, w) in zip(kinds, picks)]
    bill = tmp / "bill.xml"
    bill.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<amendment xmlns="urn:lawpatch:amendment:1" id="prop" '
                    'date="2026-11-20"><title lang="rus">О внесении изменений</title>'
                    f'<law href="laws/{slug}" base="rus@{law.expression_date}">'
                    + "".join(x for x, _ in parts) + "</law></amendment>", encoding="utf-8")
    (a,) = [x for x in apply_bill(load_bill(bill), root=root) if x.path.stem == "rus"]
    expected = {e: (w, fn) for (e, w), (_, fn) in zip(picks, parts)}
    ancestors = {anc.get("eId") for e in expected for anc in law.get(e).iterancestors() if st.is_unit(anc)}
    repealed = {e for e, (_, fn) in expected.items() if fn == "repeal"}
    for el in a.old.units():
        eid = el.get("eId")
        if any(anc.get("eId") in repealed for anc in el.iterancestors()):
            assert eid not in a.new.index
            continue
        new_el = a.new.get(eid)
        if eid in expected:
            word, fn = expected[eid]
            old_text, new_text = st.own_text(el), st.own_text(new_el)
            if fn == "repeal":
                assert new_el.get("status") == "removed" and new_text == ""
                assert [st.block_text(p) for p in st.own_paragraphs(new_el, editorial=True)][0] in \
                    ("(Утратил силу)", "(Утратила силу)")
            elif fn is None:  # delete-words: the word is gone, spaces tidied
                assert not find_whole(new_text, word) and len(new_text) < len(old_text)
            else:
                assert new_text == fn(old_text)
        elif eid not in ancestors:   # untouched: the same text (the article's note of the change aside)
            assert st.unit_lines(el) == st.unit_lines(new_el), eid
            same = etree.tostring(el, with_tail=False) == etree.tostring(new_el, with_tail=False)
            assert same or _only_the_note_added(el, new_el), eid


@pytest.mark.parametrize("slug", ["sample-law"] + SMALL)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=hs.data())
def test_random_word_ops(root, tmp_path, slug, data):
    if not (root / "laws" / slug / "rus.xml").is_file():
        pytest.skip(f"laws/{slug} is not here")
    property_check(root, tmp_path, slug, data)


@pytest.mark.slow
@pytest.mark.parametrize("slug", ["sample-law"] + SMALL)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=hs.data())
def test_random_word_ops_many(root, tmp_path, slug, data):
    if not (root / "laws" / slug / "rus.xml").is_file():
        pytest.skip(f"laws/{slug} is not here")
    property_check(root, tmp_path, slug, data)
