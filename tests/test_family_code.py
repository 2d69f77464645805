"""The real check: the Family Code as of 6 Jun 2022 (database text) against its PDF print of 17 Jul 2025
(three amending laws between them: 2 Dec 2024 №190, 4 Jun 2025 №111, 17 Jul 2025 №148).
See docs/family-code-check.md."""
from __future__ import annotations

import pytest

from lawpatch.compare import compare
from lawpatch.importer import import_file

pytestmark = pytest.mark.slow


_CACHE: dict = {}


@pytest.fixture
def comparison(corpus):
    if corpus not in _CACHE:    # import and compare once for the module's tests
        old = import_file(corpus / "family-code-2003-201.ru.txt").law
        new = import_file(corpus / "orig" / "family-code-2003-201.ed2025.ru.pdf").law
        _CACHE[corpus] = compare(old, new)
    return _CACHE[corpus]


def _by_eid(comparison):
    return {c.eid: c for c in comparison.changes}


def _inserted_words(change) -> str:
    return "".join(s.text for s in change.segments if s.op == "insert")


def test_law_190_of_2024_article_92(comparison):
    change = _by_eid(comparison)["art_92__para_2"]
    assert change.kind == "changed"
    assert "Местная государственная администрация" in _inserted_words(change)


def test_law_148_of_2025_names_by_kyrgyz_tradition(comparison):
    changes = _by_eid(comparison)
    assert changes["art_63__para_3__indent_2"].kind == "inserted"
    assert "без добавления окончания" in changes["art_63__para_3__indent_2"].new_text
    assert "присоединением к нему слова \"тегин\"" in _inserted_words(changes["art_63__para_3__indent_3"])


def test_law_111_of_2025_alimony_by_notarial_order(comparison):
    changes = _by_eid(comparison)
    for eid in ("art_86__para_5", "art_125__para_2-1"):
        assert changes[eid].kind == "inserted", eid
    assert "в бесспорном порядке на основе нотариального приказа" in _inserted_words(changes["art_85__para_2"])
    # art. 111 restated (its text became parts 1 and 2): one row, the whole article
    assert changes["art_111"].kind == "changed"
    assert "art_111__para_1" not in changes and "art_111__para_2" not in changes
    assert "законодательством в сфере нотариальной деятельности" in _inserted_words(changes["art_111"])
    assert changes["art_86"].kind == "heading"
    assert [s.text for s in changes["art_86"].segments if s.op == "delete"] == [" в судебном порядке"]
    assert _inserted_words(changes["art_112__para_1"]) == "или к нотариусу "
    assert _inserted_words(changes["art_116__para_1"]) == ", нотариального приказа"
    assert _inserted_words(changes["art_117__para_1"]) == ", нотариальным приказом"


def test_reflowed_blocks_are_not_reported(comparison):
    """The print joins abzats the database keeps apart (and splits others): same words, no row."""
    articles = {c.article_eid for c in comparison.changes}
    for art in ("art_1", "art_8", "art_18", "art_21", "art_25", "art_39", "art_46", "art_61", "art_69",
                "art_74", "art_77", "art_84", "art_95"):
        assert art not in articles, art
    # art. 2: the print reorders and merges the definitions; only the blocks whose words differ
    assert sum(c.article_eid == "art_2" for c in comparison.changes) <= 4


def test_every_row_is_a_real_change_of_the_three_laws(comparison):
    """Read against both texts and the print's editorial notes: these 16 units, nothing else."""
    assert sorted(c.eid for c in comparison.changes) == sorted([
        "art_63__para_3__indent_1", "art_63__para_3__indent_2", "art_63__para_3__indent_3",   # № 148
        "art_85__para_2", "art_86", "art_86__para_5", "art_111", "art_112__para_1",            # № 111
        "art_112__para_2", "art_112__para_2__al_2", "art_114__para_1", "art_114__para_2",
        "art_116__para_1", "art_117__para_1", "art_125__para_2-1",
        "art_92__para_2",                                                                        # № 190
    ])


def test_only_units_not_the_articles_above_them(comparison):
    changes = _by_eid(comparison)
    assert "art_112" not in changes and "art_117" not in changes


def test_each_row_names_the_amending_law_its_notes_give(comparison):
    """«Обоснование» of a comparison of two redactions: the law that made the change."""
    law = {c.eid: c.reasons for c in comparison.changes}
    assert law["art_92__para_2"] == ("Закон КР от 2 декабря 2024 года № 190",)
    assert law["art_63__para_3__indent_2"] == ("Закон КР от 17 июля 2025 года № 148",)
    assert {r for eid, reasons in law.items() if eid.startswith(("art_85", "art_86", "art_11", "art_125"))
            for r in reasons} == {"Закон КР от 4 июня 2025 года № 111"}


def test_no_layout_rows_between_the_two_prints(comparison):
    """The importer reads the database's text and the PDF print into the same blocks: no block is
    split or joined otherwise (a layout row here would be an import difference to look at)."""
    assert comparison.layout == ()
