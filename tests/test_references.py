"""References in the bundled laws («статьей 33 настоящего Закона», «статьями 16 и 19 Конституции
Кыргызской Республики», «ушул Кодекстин 83-статьясы»), `lawpatch refs`, and check's warning when a
bill takes away or renumbers a cited unit. The expectations are read from the laws' own text."""
from __future__ import annotations

import json
import shutil
from collections import defaultdict

import pytest

from lawpatch.patch import check_bill, load_bill
from lawpatch.references import WHOLE, Index, refs_to

from .billfiles import write_bill
from .conftest import LAWS, snapshot, run_cli as run


@pytest.fixture(scope="module")
def index():
    return Index(LAWS)


def targets(index, law, eid, lang="rus"):
    return {(t.law, t.eid) for r in index.references if (r.law, r.eid, r.lang) == (law, eid, lang) for t in r.targets}


# Real sentences of the bundled laws and the units they cite.
CASES = [
    # «1) для лиц, указанных в пункте 1 статьи 33 настоящего Закона, …»
    ("external-migration", "art_32__para_u2__point_1", {("external-migration", "art_33__point_1")}),
    # «2) для лиц, указанных в пунктах 2, 3 статьи 33 настоящего Закона, …»: a list
    ("external-migration", "art_32__para_u2__point_2",
     {("external-migration", "art_33__point_2"), ("external-migration", "art_33__point_3")}),
    # «… предусмотренных Законом Кыргызской Республики "О правовом положении иностранных граждан …"»
    ("external-migration", "art_36", {("legal-status-foreign-citizens", WHOLE)}),
    # «… гарантированы статьями 16 и 19 Конституции Кыргызской Республики»: another law
    ("labour-code", "art_20__al_1", {("constitution", "art_16"), ("constitution", "art_19")}),
    # «в пунктах 1, 2, подпункте "а" пункта 3 и пункте 4 статьи 83, пунктах 1, 2, 6 и 7 статьи 88»:
    # each list takes the article that follows it
    ("labour-code", "art_160__point_2",
     {("labour-code", e) for e in ("art_83__point_1", "art_83__point_2", "art_83__point_3__point_а",
                                   "art_83__point_4", "art_88__point_1", "art_88__point_2", "art_88__point_6",
                                   "art_88__point_7")}),
    # «… без соблюдения условий, предусмотренных статьей 13 и частью 1 настоящей статьи»
    ("citizenship", "art_14__para_2", {("citizenship", "art_13"), ("citizenship", "art_14__para_1")}),
    # «пунктами 1-9 части первой настоящей статьи»: a range, in the points after the first abzats
    ("external-migration", "art_46__al_2", {("external-migration", f"art_46__point_{n}") for n in range(1, 10)}),
]


@pytest.mark.parametrize("law,eid,expected", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_real_references_resolve_to_their_units(index, law, eid, expected):
    assert targets(index, law, eid) == expected


def test_article_33_of_external_migration_is_cited_five_times():
    result = refs_to(LAWS / "external-migration", "статья 33")
    assert result.eid == "art_33"
    assert [r.eid for r in result.references] == [f"art_32__para_u2__point_{n}" for n in (1, 2)] + [
        "art_32__para_u2__point_3__al_1", "art_32__para_u2__point_4", "art_32__para_u2__point_5"]
    assert result.references[4].text == "пункте 6 статьи 33 настоящего Закона"


def test_a_citation_to_a_unit_the_law_lacks_is_kept_with_its_reason(index):
    # the road traffic law cites «пунктом 3 настоящей статьи» in an article without a point 3
    (ref,) = [r for r in index.references if r.problem and r.law == "road-traffic"]
    assert (ref.law, ref.eid) == ("road-traffic", "art_25__para_1") and not ref.targets
    assert "статья 25 has no пункт 3" in ref.problem


def test_a_flattened_superscript_is_read_as_the_article_it_names(index):
    # the database's export flattened the superscript of «статье 14-2» into «142»; the importer reads it back
    (ref,) = [r for r in index.references if (r.law, r.eid) == ("external-migration", "art_14__indent_9")
              and "14-2" in r.text]
    assert ("external-migration", "art_14-2") in {(t.law, t.eid) for t in ref.targets}


def test_a_database_note_kept_in_the_text_is_not_a_reference(index):
    # «иное гражданство - …; (абзац утратил силу в соответствии с Законом КР от 22 февраля 2023 года № 36)»
    assert not [r for r in index.references if (r.law, r.eid) == ("citizenship", "art_3__al_2")]


def test_a_kyrgyz_citation_of_another_law(index):
    # «… Кыргыз Республикасынын Конституциясынын 16- жана 19-статьяларында кепилденет»
    assert targets(index, "labour-code", "art_20__al_1", "kir") == {("constitution", "art_16"), ("constitution", "art_19")}


def test_kyrgyz_references_agree_with_the_russian_ones(index):
    """The Labour Code is bundled in both languages: the KY text's references («ушул Кодекстин
    83-статьясынын …») name the units the RU text's do."""
    pairs = defaultdict(set)
    for r in index.references:
        if r.law == "labour-code":
            pairs[r.lang] |= {(r.eid, t.eid) for t in r.targets if t.law == "labour-code"}
    assert len(pairs["kir"]) > 50
    agree = pairs["kir"] & pairs["rus"]
    assert len(agree) >= 0.9 * len(pairs["kir"]), sorted(pairs["kir"] - pairs["rus"])


def test_every_bundled_law_is_indexed(index):
    laws = {r.law for r in index.references}
    assert {"external-migration", "external-labour-migration", "citizenship", "labour-code",
            "legal-status-foreign-citizens", "road-traffic"} <= laws
    unresolved = [r for r in index.references if r.problem and r.law != "tax-code"]
    assert len(unresolved) <= 5, [(r.law, r.eid, r.text) for r in unresolved]
    # the Tax Code cites points of an article without its part («пунктах 1-5 настоящей статьи» in an
    # article of parts) and units its redaction no longer has: 40 citations kept with their reasons
    assert len([r for r in index.references if r.problem and r.law == "tax-code"]) <= 45


# --- lawpatch refs ---------------------------------------------------------------------------
def test_refs_cli_text_and_json(capsys):
    code, out, _ = run(capsys, "refs", str(LAWS / "constitution"), "статья 30")
    assert code == 0
    assert out.splitlines()[0] == "статья 30 (art_30) of laws/constitution: cited 1 time(s)"
    assert "labour-code/rus.xml" in out and "«статьей 30 Конституции Кыргызской Республики»" in out
    code, out, _ = run(capsys, "refs", str(LAWS / "external-migration"), "ст. 33", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["eid"] == "art_33" and len(data["references"]) == 5
    assert data["references"][1]["targets"] == [
        {"law": "external-migration", "eid": f"art_33__point_{n}", "act": ""} for n in (2, 3)]


def test_refs_without_citation_lists_what_the_law_cites(capsys):
    code, out, _ = run(capsys, "refs", str(LAWS / "external-migration"))
    assert code == 0
    assert "art_36: «Законом Кыргызской Республики \"О правовом положении" in out
    assert "-> legal-status-foreign-citizens:(the act)" in out
    code, out, _ = run(capsys, "refs", str(LAWS / "road-traffic"))
    assert "resolves to nothing" in out


@pytest.mark.parametrize("args,code,message", [
    (["статья 99"], 1, "the law has no статья 99"),
    (["пункт 9 статьи 33"], 1, "статья 33 has no пункт 9"),
])
def test_refs_refuses_a_citation_that_names_nothing(capsys, args, code, message):
    rc, out, err = run(capsys, "refs", str(LAWS / "external-migration"), *args)
    assert rc == code and message in err and out == ""


def test_refs_of_a_folder_without_a_law_is_a_usage_error(capsys, tmp_path):
    rc, _, err = run(capsys, "refs", str(tmp_path), "статья 1")
    assert rc == 2 and "no rus.xml" in err


# --- check: a change to a cited unit ------------------------------------------------------------
def bill(tmp_path, ops: str):
    root = tmp_path / "repo"
    if not root.exists():
        (root / "laws").mkdir(parents=True)
        for slug in ("external-migration", "legal-status-foreign-citizens"):
            shutil.copytree(LAWS / slug, root / "laws" / slug)
    path = write_bill(root / "bill.xml", ops, href="laws/external-migration", base="rus@2026-04-23", bill_id="refs",
                      titles=("О внесении изменений в Закон Кыргызской Республики «О внешней миграции»",))
    return root, load_bill(path)


def test_check_warns_for_each_provision_citing_a_repealed_unit(tmp_path):
    root, b = bill(tmp_path, '    <repeal at="art_33__point_2"/>')
    before = snapshot(root)
    (f,) = check_bill(b, root=root)
    assert (f.code, f.severity, f.unit, f.line) == ("CHECK.CITED_BY", "warning", "art_33__point_2", 5)
    assert f.message.startswith("пункт 2 части второй статьи 32 (art_32__para_u2__point_2) cites the unit")
    assert "«пунктах 2, 3 статьи 33 настоящего Закона»" in f.message
    assert snapshot(root) == before


def test_no_warning_where_the_bill_amends_the_citing_provision_too(tmp_path):
    root, b = bill(tmp_path, '    <repeal at="art_33__point_2"/>\n    <repeal at="art_32__para_u2__point_2"/>')
    assert [f.code for f in check_bill(b, root=root)] == []


def test_renumbering_and_deleting_warn_too(tmp_path):
    root, b = bill(tmp_path, '    <renumber at="art_33__point_6" to="7"/>')
    assert [(f.code, f.extra["eid"]) for f in check_bill(b, root=root)] == [
        ("CHECK.CITED_BY", "art_32__para_u2__point_5")]


def test_build_summary_lists_the_citing_provisions(tmp_path):
    from lawpatch.build import build

    root, b = bill(tmp_path, '    <repeal at="art_33__point_6"/>')
    (result,) = build([b.path], tmp_path / "out", root=root, langs=("rus",))
    summary = (result.folder / "summary.md").read_text(encoding="utf-8")
    assert "## Provisions that cite the changed units (amend them too)" in summary
    assert "- пункт 5 части второй статьи 32 (art_32__para_u2__point_5) of laws/external-migration cites " \
           "art_33__point_6 (repeal): «пункте 6 статьи 33 настоящего Закона»" in summary


def test_refs_in_the_kyrgyz_text(capsys):
    code, out, _ = run(capsys, "refs", str(LAWS / "labour-code"), "83-берене", "--lang", "kir")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("статья 83 (art_83) of laws/labour-code: cited ")
    assert all("/kir.xml:" in line for line in lines[1:] if line.startswith("  laws/"))
    assert "«ушул Кодекстин 83-статьясынын" in out


def test_deleting_an_abzats_warns_for_citations_of_the_abzats_that_move_up(tmp_path):
    """«части второй настоящей статьи» in article 24 cites its second abzats by position: deleting
    the first makes the cited one the first."""
    root, b = bill(tmp_path, '    <delete at="art_24__al_1"/>')
    (f,) = check_bill(b, root=root)
    assert (f.code, f.unit, f.extra["eid"]) == ("CHECK.CITED_BY", "art_24__al_2", "art_24__al_3")
    assert "moves to another position" in f.message


ROUND_TRIP = [("external-migration", "настоящего Закона", "rus"), ("citizenship", "настоящего Закона", "rus"),
              ("labour-code", "настоящего Кодекса", "rus"), ("labour-code", "ушул Кодекстин", "kir")]
EVERY_LAW = [(slug, "настоящего Закона", "rus") for slug in ("external-migration", "citizenship",
             "external-labour-migration", "legal-status-foreign-citizens", "road-traffic")] + [
    ("labour-code", "настоящего Кодекса", "rus"), ("labour-code", "ушул Кодекстин", "kir"),
    ("constitution", "настоящей Конституции", "rus"), ("constitution", "ушул Конституциянын", "kir")]


@pytest.mark.parametrize("slug,frame,lang", ROUND_TRIP)
def test_every_unit_cited_as_the_project_cites_it_is_read_back(index, slug, frame, lang):
    """Round trip on real laws: each unit's citation as lawpatch writes it (instrumental case in
    Russian, «ушул Кодекстин …» in Kyrgyz), put into a sentence, is read back as that unit."""
    round_trip(index, slug, frame, lang, step=7)  # every 7th unit: all kinds, a quick test


@pytest.mark.slow
@pytest.mark.parametrize("slug,frame,lang", EVERY_LAW)
def test_every_unit_of_every_law_is_read_back(index, slug, frame, lang):
    round_trip(index, slug, frame, lang, step=1)


def round_trip(index, slug, frame, lang, step):
    from lawpatch.citations import CitationError, cite

    law = index.law(slug, lang)
    wrong = []
    eids = [e for e in law.index if "_dup" not in e][::step]
    for eid in eids:
        try:
            citation = cite(law, eid, lang, "ins" if lang == "rus" else "loc")
        except CitationError:
            continue
        text = (f"в соответствии с {citation} {frame}" if lang == "rus" else f"{frame} {citation} каралган")
        found = [t.eid for r in index.read(slug, text, lang=lang) for t in r.targets]
        if found != [eid]:
            wrong.append((eid, text, found))
    assert len(eids) > 20 and not wrong, wrong[:5]
