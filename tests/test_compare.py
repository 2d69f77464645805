"""The comparison engine on the sample law: alignment, word segments, levels of change."""
from __future__ import annotations

import copy

from lawpatch import structure as st
from lawpatch.compare import compare
from lawpatch.compare.words import word_diff
from lawpatch.law import Law

from .conftest import DATA


def _pair(sample_dir):
    path = sample_dir / "rus.xml"
    return Law.load(path), Law.load(path)


def _p(law, start):
    return next(p for p in law.body.iter(st.A + "p") if (p.text or "").startswith(start))


def _title_p(law):
    return law.act.find(f"{st.A}preface/{st.A}longTitle/{st.A}p")


def test_identical_laws_have_no_changes(sample_dir):
    old, new = _pair(sample_dir)
    assert compare(old, new).changes == ()


def test_word_segments_are_whole_words_and_join_back():
    old, new = "по имени отца с добавлением «уулу»", "по имени отца без добавления «уулу»"
    segs = word_diff(old, new)
    assert "".join(s.text for s in segs if s.op != "insert") == old
    assert "".join(s.text for s in segs if s.op != "delete") == new
    assert [(s.op, s.text.strip()) for s in segs if s.op != "equal"] == [
        ("delete", "с добавлением"), ("insert", "без добавления")]


def test_a_word_changed_in_an_indent_is_a_change_of_that_indent_only(sample_dir):
    old, new = _pair(sample_dir)
    p = _p(new, "регулирование процессов")
    p.text = p.text.replace("регулирование", "правовое регулирование")
    (change,) = compare(old, new).changes
    assert change.kind == "changed"
    assert change.new_eid == change.old_eid == "art_2__indent_1"
    assert change.article_eid == "art_2"
    assert [s for s in change.segments if s.op != "equal"] == [type(s)("insert", "правовое ")
                                                              for s in change.segments if s.op == "insert"]
    assert change.citation  # cited, not empty


def test_inserted_and_deleted_units_are_reported_once_at_their_top(sample_dir):
    old, new = _pair(sample_dir)
    art = new.get("art_2")
    art.getparent().remove(art)
    extra = copy.deepcopy(old.get("art_1"))
    extra.find(st.A + "num").text = "Статья 1-1."
    extra.find(st.A + "heading").text = "Новая статья"
    for p in extra.iter(st.A + "p"):
        p.text = "Новый текст " + (p.text or "")
    new.get("art_1").addnext(extra)
    new.reindex()
    kinds = [(c.kind, c.eid) for c in compare(old, new).changes]
    assert sorted(kinds) == [("deleted", "art_2"), ("inserted", "art_1-1")]


def test_repealed_unit(sample_dir):
    old, new = _pair(sample_dir)
    unit = new.get("art_2__indent_1")
    unit.set("status", "removed")
    p = unit.find(f"{st.A}content/{st.A}p")
    p.text = "(Утратил силу в соответствии с Законом КР от 1 января 2026 года № 1)"
    p.set("class", "editorial")
    (change,) = compare(old, new).changes
    assert (change.kind, change.eid) == ("repealed", "art_2__indent_1")


def test_a_part_inserted_before_others_renumbers_them_without_reporting_them_as_changed(sample_dir):
    old, new = _pair(sample_dir)
    body = new.body
    arts = list(body.iter(st.A + "article"))
    # renumber every article after the first and insert a new article 2
    for art in reversed(arts[1:]):
        n = int(st.clean_number(st.num_text(art)))
        art.find(st.A + "num").text = f"Статья {n + 1}."
    fresh = st.new_unit("article", "Статья 2.", "Вставленная статья")
    arts[0].addnext(fresh)
    new.reindex()
    comp = compare(old, new)
    assert [c.kind for c in comp.changes if c.kind != "renumbered"] == ["inserted"]
    assert comp.changes[0].new_eid == "art_2"
    assert ("art_2", "art_3") in comp.renumbered


def test_title_change_is_reported(sample_dir):
    old, new = _pair(sample_dir)
    _title_p(new).text = "Закон Кыргызской Республики «О миграции»"
    (change,) = compare(old, new).changes
    assert (change.kind, change.old_eid, change.new_eid) == ("heading", None, None)
    assert [s.text for s in change.segments if s.op == "delete"] == ["внешней "]


def test_reflow_of_blocks_is_not_a_change(sample_dir):
    """Two abzats joined into one block (a pdftotext reflow) say the same words: no change."""
    old, new = _pair(sample_dir)
    first, second = new.get("art_1__al_2"), new.get("art_1__al_3")
    p1 = first.find(f"{st.A}content/{st.A}p")
    p1.text = p1.text + " " + second.find(f"{st.A}content/{st.A}p").text
    second.getparent().remove(second)
    new.reindex()
    assert compare(old, new).changes == ()


def test_only_the_changed_unit_is_diffed_never_the_whole_law(sample_dir, monkeypatch):
    from lawpatch.compare import engine

    seen = []
    real = engine.word_diff
    monkeypatch.setattr(engine, "word_diff", lambda a, b: seen.append((a, b)) or real(a, b))
    old, new = _pair(sample_dir)
    p = _p(new, "регулирование процессов")
    p.text = p.text.replace("регулирование", "правовое регулирование")
    compare(old, new)
    assert seen == [("- регулирование процессов внешней миграции;",
                     "- правовое регулирование процессов внешней миграции;")]


def test_three_abzats_joined_into_one_is_not_a_change(sample_dir):
    old, new = _pair(sample_dir)
    blocks = [new.get(f"art_1__al_{i}") for i in (2, 3, 4)]
    first = blocks[0].find(f"{st.A}content/{st.A}p")
    first.text = " ".join(b.find(f"{st.A}content/{st.A}p").text for b in blocks)
    for b in blocks[1:]:
        b.getparent().remove(b)
    new.reindex()
    assert compare(old, new).changes == ()


def test_a_part_restated_with_points_is_one_row(sample_dir):
    """A leaf unit that gains sub-units was restated as a whole: one row, not one per point."""
    old, new = _pair(sample_dir)
    unit = new.get("art_2__indent_1")
    st.to_hier(unit)
    unit.append(st.new_unit("point", "1)", text="первое;"))
    unit.append(st.new_unit("point", "2)", text="второе."))
    new.reindex()
    (change,) = compare(old, new).changes
    assert (change.kind, change.eid) == ("changed", "art_2__indent_1")
    assert "1) первое;" in change.new_text


def test_renumber_op_of_a_bill_is_a_renumbered_row(sample_dir):
    """«статью 3 считать статьей 2-1»: applied by the patch engine, reported as renumbered, not as
    one article deleted and another inserted."""
    import shutil

    from lawpatch.patch import apply_bill, load_bill
    from tests.conftest import DATA

    root = sample_dir.parent / "repo"
    (root / "laws").mkdir(parents=True)
    shutil.move(str(sample_dir), root / "laws" / "external-migration")
    for applied in apply_bill(load_bill(DATA / "build" / "renumber.xml"), root=root):
        comp = compare(applied.old, applied.new, reasons=applied.reasons)
        assert [(c.kind, c.old_eid, c.new_eid) for c in comp.changes] == [("renumbered", "art_3", "art_2-1")]
        assert comp.renumbered == (("art_3", "art_2-1"),)


def test_a_row_names_only_the_reasons_of_the_ops_that_made_it(tmp_path):
    """A new heading of article 3 (ICCPR art. 2) is not the reason of the change in its part 3
    (ICRMW art. 44): each row names its own."""
    import shutil

    from lawpatch.patch import apply_bill, load_bill
    from lawpatch.render.inputs import comparison_of

    shutil.copytree(DATA / "sample-law", tmp_path / "laws" / "sample-law")
    (tmp_path / "bill.xml").write_text("""<?xml version="1.0" encoding="UTF-8"?>
<amendment xmlns="urn:lawpatch:amendment:1" id="reasons" date="2026-11-20">
  <title lang="rus">О внесении изменений</title>
  <law href="laws/sample-law" base="rus@2025-07-10">
    <restate-heading at="art_3" lang="rus"><heading lang="rus">Права и обязанности мигрантов</heading>
      <reason treaty="iccpr-1966" article="2"/></restate-heading>
    <replace-words at="art_3__para_3" lang="rus"><old lang="rus">законом</old><new lang="rus">законами</new>
      <reason treaty="icrmw-1990" article="44"/></replace-words>
  </law>
</amendment>""", encoding="utf-8")
    (applied,) = [a for a in apply_bill(load_bill(tmp_path / "bill.xml"), root=tmp_path) if a.new.lang == "rus"]
    rows = {c.eid: c.reasons for c in comparison_of(applied, tmp_path).changes}
    assert rows["art_3"] == ("Международный пакт о гражданских и политических правах (1966), ст. 2",)
    assert rows["art_3__para_3"] == (
        "Международная конвенция о защите прав всех трудящихся-мигрантов и членов их семей (1990), ст. 44",)


def test_likeness_of_two_units_is_that_of_their_whole_words():
    """The engine tells two units' likeness by cancelling the sub-units they share (and stops as
    soon as it knows enough): the figures equal those counted from every word of the two keys, for every pair of units of a kind near
    each other in the Family Code's 2022 and 2025 texts (the pairs the alignment looks at)."""
    from lawpatch.compare.align import alike, at_most_alike, overlap, sides
    from lawpatch.compare.words import overlap as words_overlap

    family = DATA / "family-code"
    old, new = Law.load(next((family / "laws").glob("*/rus.xml"))), Law.load(family / "family-code-2025.rus.xml")
    os_, ns = sides(old, new, editorial=False)
    by_tag: dict = {}
    for side, law in ((0, old), (1, new)):
        for el in st.iter_units(law.body):
            by_tag.setdefault(st.local(el.tag), ([], []))[side].append(el)
    shared = 0
    for olds, news in by_tag.values():
        for i, o in enumerate(olds):
            for n in news[max(0, i - 3):i + 4]:
                okey, nkey = os_.key(o), ns.key(n)
                whole = words_overlap(okey, nkey)
                assert overlap(os_, ns, o, n) == whole
                for share in (0.3, 0.5, 0.9, 1.0):
                    assert alike(os_, ns, o, n, share) == (whole[0] >= share)
                assert os_.count(o) == len(okey.split()) and ns.count(n) == len(nkey.split())
                counts = len(okey.split()), len(nkey.split())
                assert at_most_alike(os_, ns, o, n) == (2 * min(counts) / sum(counts) if all(counts) else
                                                        float(counts[0] == counts[1]))
                shared += okey != nkey and bool(_subs(os_, o) & _subs(ns, n))
    assert shared > 10      # the cancelling path was taken, not only the whole words


def _subs(side, el) -> set:
    return {(p[0], side.key(p[1])) for p in side.pieces(el) if not isinstance(p, str)}


def _pairs_by_every_likeness(os_, ns, olds, news, orange, nrange):
    """The pairing of a differing run as first written: every candidate's likeness computed from
    the whole words of both keys, then the best first, each kept where it crosses none kept."""
    from lawpatch.compare.align import MATCH, WINDOW
    from lawpatch.compare.words import overlap as words_overlap

    cands = []
    for i in orange:
        k = i - orange.start + nrange.start
        for j in range(max(nrange.start, k - WINDOW), min(nrange.stop, k + WINDOW + 1)):
            otag, ntag = st.local(olds[i].tag), st.local(news[j].tag)
            if otag != ntag and not {otag, ntag} <= {"alinea", "indent", "paragraph", "point"}:
                continue
            okey, nkey = os_.key(olds[i]), ns.key(news[j])
            same_num = st.num_text(olds[i]) == st.num_text(news[j]) and bool(st.num_text(olds[i]))
            same_id = olds[i].get("eId") == news[j].get("eId")
            na, nb = len(okey.split()), len(nkey.split())
            most = 2 * min(na, nb) / (na + nb) if na and nb else (1.0 if na == nb else 0.0)
            if most < MATCH and (otag != ntag or not (same_num or same_id)):
                continue
            sim, contained = words_overlap(okey, nkey)
            if otag != ntag and sim < MATCH:
                continue
            if sim >= MATCH or same_num or same_id:
                sure = sim >= MATCH or (same_num and contained >= MATCH)
                cands.append((not sure, not same_num, -sim, i, j))
    chosen: list = []
    for *_, i, j in sorted(cands):
        if all((i < a) == (j < b) and i != a and j != b for a, b in chosen):
            chosen.append((i, j))
    return sorted(chosen)


def test_pairing_measures_only_what_can_change_it():
    """The pairs of every run of sub-units of the Family Code's units (2022 → 2025, each unit with
    its own and its neighbours' sub-units) are those of measuring every candidate whole."""
    from lawpatch.compare.align import _pair_block, sides

    family = DATA / "family-code"
    old, new = Law.load(next((family / "laws").glob("*/rus.xml"))), Law.load(family / "family-code-2025.rus.xml")
    os_, ns = sides(old, new, editorial=False)
    units = [(old.body, new.body)] + [(o, new.get(o.get("eId"))) for o in st.iter_units(old.body)
                                      if new.index.get(o.get("eId")) is not None]
    runs = 0
    for o, n in units:
        olds, news = os_.children(o), ns.children(n)
        if not olds or not news:
            continue
        for shift in (0, 1):       # the run as aligned, and one unit off
            orange, nrange = range(min(shift, len(olds) - 1), len(olds)), range(len(news))
            assert _pair_block(os_, ns, olds, news, orange, nrange) == \
                _pairs_by_every_likeness(os_, ns, olds, news, orange, nrange)
            runs += 1
    assert runs > 100
