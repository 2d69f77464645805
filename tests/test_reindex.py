"""A run renumbers only the articles its instructions changed (before each instruction when traced
for the amending law's text, and at its end): at every step the eIds are those a whole renumbering
gives."""
from __future__ import annotations

import copy

import pytest

from lawpatch import structure as st
from lawpatch.billtext import bill_text
from lawpatch.errors import LawpatchError
from lawpatch.law import Law
from lawpatch.patch import load_bill

from .conftest import DATA, ROOT

BILLS = [(p, ROOT) for p in sorted((ROOT / "amendments").glob("*.xml"))] + \
    [(p, DATA / "family-code") for p in sorted((DATA / "family-code" / "amendments").glob("*.xml"))]


@pytest.mark.parametrize("path,root", BILLS, ids=lambda v: getattr(v, "stem", ""))
def test_renumbering_inside_articles_gives_the_eids_of_a_whole_renumbering(path, root, monkeypatch):
    whole = Law.reindex
    partial = []

    def checked(law, within=None):
        changes = whole(law, within)
        if within is not None:
            partial.append(len(within))
            body = copy.deepcopy(law.body)
            st.assign_eids(body)
            assert [e.get("eId") for e in st.iter_units(law.body)] == [e.get("eId") for e in st.iter_units(body)]
            assert law.index == {e.get("eId"): e for e in st.iter_units(law.body)}   # the index follows
        return changes

    monkeypatch.setattr(Law, "reindex", checked)
    for lang in ("rus", "kir"):
        try:
            bill_text(load_bill(path), lang, root)
        except LawpatchError as exc:   # a bill without Kyrgyz text: the Russian run is the test
            assert lang == "kir", exc
    assert partial   # the partial renumbering ran
