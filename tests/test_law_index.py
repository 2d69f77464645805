"""A law's eId index follows the law as a bill changes it instruction by instruction: brought up to
date inside the articles an instruction changed (Law.reindex), it equals the index built again over
the whole law — on the Family Code's real bills and on a bill of every op kind."""
from __future__ import annotations

import shutil

import pytest

from lawpatch import structure as st
from lawpatch.law import Law
from lawpatch.patch import apply_bill, load_bill

from .conftest import DATA
from .test_patch_apply import EVERY

FAMILY = DATA / "family-code"


def built_again(law: Law) -> dict:
    return {el.get("eId"): el for el in st.iter_units(law.body) if el.get("eId")}


@pytest.fixture
def updates(monkeypatch) -> list:
    """Each time the index was brought up to date in place (True) or dropped (False)."""
    out, real = [], Law._reindexed

    def recorded(self, articles):
        out.append(real(self, articles))
        return out[-1]
    monkeypatch.setattr(Law, "_reindexed", recorded)
    return out


def traced(bill_path, root) -> int:
    """Apply with a trace that compares the index with one built again before each instruction."""
    seen = []

    def trace(step, law, lang, targets):
        assert law.index == built_again(law)
        assert law._sorted in (None, sorted(law.index))   # the eIds in order the update relies on
        seen.append(step)

    for applied in apply_bill(load_bill(bill_path), root, trace=trace):
        assert applied.new.index == built_again(applied.new)
    return len(seen)


@pytest.mark.parametrize("bill", sorted((FAMILY / "amendments").glob("*.xml")), ids=lambda p: p.stem)
def test_the_index_follows_the_family_code_bills(tmp_path, bill, updates):
    shutil.copytree(FAMILY / "laws", tmp_path / "laws")
    assert traced(bill, tmp_path) and True in updates


def test_the_index_follows_a_bill_of_every_kind(tmp_path, updates):
    shutil.copytree(DATA / "sample-law", tmp_path / "laws" / "sample-law")
    assert traced(EVERY, tmp_path) > 5 and True in updates


def test_an_article_taken_out_means_building_the_index_again(updates):
    law = Law.load(DATA / "sample-law" / "rus.xml")
    article = law.get("art_2")
    article.getparent().remove(article)
    law.reindex(within={article})
    assert updates == [False] and "art_2" not in law.index and law.index == built_again(law)
