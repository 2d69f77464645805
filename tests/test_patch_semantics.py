"""What KR drafters mean, on real laws: whole words, spacing, look-alike characters, citations of
lists, ranges, headings and sentences, the instruction kinds real bills use, refusals as findings."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from lawpatch import structure as st
from lawpatch.citations import resolve_target
from lawpatch.cli import cli, main
from lawpatch.law import Law
from lawpatch.patch import apply_bill, check_bill, load_bill

from .billfiles import base_of, write_bill
from .conftest import DATA, LAWS, snapshot

FC = DATA / "family-code"


@pytest.fixture
def fc(tmp_path):
    """A repository holding the Family Code (2022), a «points» act."""
    shutil.copytree(FC / "laws", tmp_path / "laws")
    return tmp_path


def bill(root, ops: str, href: str = "laws/family-code", extra: str = "") -> str:
    return str(write_bill(root / "bill.xml", ops, href=href, base=base_of(root, href), extra=extra))


def applied(root, ops: str, href: str = "laws/family-code", extra: str = "") -> Law:
    (a,) = apply_bill(load_bill(bill(root, ops, href, extra)), root=root)
    return a.new


def codes(root, ops: str, href: str = "laws/family-code") -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in check_bill(load_bill(bill(root, ops, href)), root=root)]


def text(law: Law, eid: str) -> str:
    return " ".join(st.block_text(p) for p in law.get(eid).iter(st.A + "p") if not st.is_editorial(p))


# --- 1. words are words ---------------------------------------------------------------------------------
def test_whole_words_only(fc):
    """«суд» never matches inside «судом»: «или к нотариусу» goes after «суд», never «нотариусуом»."""
    law = applied(fc, '<insert-words at="art_112__para_2" cite="пункт 2 статьи 112" occurrence="all">'
                      '<after lang="rus">суд</after><new lang="rus">или к нотариусу</new></insert-words>')
    new = text(law, "art_112__para_2")
    assert "нотариусуом" not in new and "судом установлено" in new
    assert new.count("суд или к нотариусу") == 3


def test_occurrences_count_whole_words(fc):
    """In part 2 of article 112 «суд» occurs three times as a word (and once inside «судом»)."""
    assert ("CHECK.OCCURRENCE", "error") in codes(fc, '<delete-words at="art_112__para_2" occurrence="4">'
                                                      '<old lang="rus">суд</old></delete-words>')
    law = applied(fc, '<replace-words at="art_112__para_2" occurrence="3"><old lang="rus">суд</old>'
                      '<new lang="rus">орган</new></replace-words>')
    assert text(law, "art_112__para_2").endswith("до обращения в орган принимались меры к получению средств на "
                                                 "содержание, но алименты не были получены вследствие уклонения "
                                                 "лица, обязанного уплачивать алименты, от их уплаты.")


def test_spacing_follows_the_text(fc):
    law = applied(fc, '<insert-words at="art_116__para_1"><after lang="rus">решения суда</after>'
                      '<new lang="rus">, нотариального приказа</new></insert-words>'
                      '<delete-words at="art_112__para_2"><old lang="rus">судом</old></delete-words>')
    assert "на основании решения суда, нотариального приказа или нотариально" in text(law, "art_116__para_1")
    assert ", если установлено, что до обращения" in text(law, "art_112__para_2")


@pytest.mark.parametrize("old, named", [
    ("\u00a0на основании решения суда", "NO-BREAK SPACE"),
    ("на основании решения суда ", "a space"),
    ("решения\u00a0суда", "NO-BREAK SPACE"),
])
def test_look_alike_characters_are_named(fc, old, named):
    findings = check_bill(load_bill(bill(fc, f'<delete-words at="art_116__para_1"><old lang="rus">{old}</old>'
                                             '</delete-words>')), root=fc)
    assert [f.severity for f in findings] == ["error"]
    assert named in findings[0].message + findings[0].hint


def test_en_dash_where_the_law_has_a_hyphen(tmp_path):
    shutil.copytree(LAWS / "external-labour-migration", tmp_path / "laws" / "elm")
    findings = check_bill(load_bill(bill(tmp_path, '<delete-words at="art_1" occurrence="1"><old lang="rus">'
                                                  'трудящийся\u2013мигрант</old></delete-words>', "laws/elm")),
                          root=tmp_path)
    assert findings and "EN DASH" in findings[0].hint and "HYPHEN-MINUS" in findings[0].hint


# --- 2. the instruction kinds real bills use ---------------------------------------------------------
@pytest.mark.parametrize("cite, expected", [
    ("наименование статьи 86", {"units": ("art_86",), "part": "heading"}),
    ("второе предложение пункта 1 статьи 85", {"units": ("art_85__para_1",), "part": "sentence", "sentence": 2}),
    ("абзацы второй и третий пункта 2 статьи 125", {"units": ("art_125__para_2__al_2", "art_125__para_2__al_3")}),
    ("в абзацах втором и третьем пункта 2 статьи 125", {"units": ("art_125__para_2__al_2", "art_125__para_2__al_3")}),
    ("абзацы третий–пятый пункта 3 статьи 125", {"units": ("art_125__para_3__al_3",),
                                                 "through": "art_125__para_3__al_5"}),
    ("статьи 85–87", {"units": ("art_85",), "through": "art_87"}),
    ("пункты 1, 2 и 4 статьи 86", {"units": ("art_86__para_1", "art_86__para_2", "art_86__para_4")}),
    ("статья 85¹", {"units": ("art_85-1",)}),
    ("статья 85-1", {"units": ("art_85-1",)}),
])
def test_citations_of_parts_lists_and_ranges(cite, expected):
    law = Law.load(FC / "laws" / "family-code" / "rus.xml")
    got = resolve_target(law, cite)
    assert {k: got[k] for k in expected} == expected
    assert got["through"] == expected.get("through") and got["part"] == expected.get("part", "text")


def test_whole_act_range_list_heading_sentence_apply(fc):
    law = applied(fc, '''
    <replace-words scope="act"><old lang="rus">уполномоченного государственного органа по защите детей</old>
      <new lang="rus">уполномоченного органа по защите детей</new></replace-words>
    <delete-words at="art_86" part="heading"><old lang="rus">в судебном порядке</old></delete-words>
    <delete at="art_39__para_2" sentence="2"/>
    <replace-words at="art_125__para_2__al_2 art_125__para_2__al_3" forms="cases"><old lang="rus">ребенок</old>
      <new lang="rus">подопечный</new></replace-words>''')
    assert text(law, "art_125__para_2__al_2").startswith("по достижении подопечным совершеннолетия")
    assert text(law, "art_125__para_2__al_3").startswith("при усыновлении (удочерении) подопечного,")
    assert st.heading_text(law.get("art_86")) == "Размер алиментов, взыскиваемых на несовершеннолетних детей"
    assert "уполномоченного государственного органа по защите детей" not in "".join(law.body.itertext())
    assert text(law, "art_39__para_2") == "Общее имущество супругов может быть разделено между супругами по их соглашению."


def test_case_forms_are_listed_by_check(fc):
    findings = check_bill(load_bill(bill(fc, '<replace-words at="art_112" forms="cases"><old lang="rus">суд</old>'
                                             '<new lang="rus">нотариус</new></replace-words>')), root=fc)
    forms = [f.message for f in findings if f.code == "CHECK.CASE_FORM"]
    assert "«судом» → «нотариусом»" in forms and "«суд» → «нотариус»" in forms
    assert not [f for f in findings if f.severity == "error"]


def test_kyrgyz_case_forms_must_be_given(tmp_path):
    shutil.copytree(DATA / "sample-law", tmp_path / "laws" / "sample-law")
    ops = ('<replace-words at="art_3" forms="cases"><old lang="rus">мигранты</old><new lang="rus">иностранцы</new>'
           '<old lang="kir">мигранттар</old><new lang="kir">чет элдиктер</new></replace-words>')
    assert ("CHECK.KY_FORMS", "error") in codes(tmp_path, ops, "laws/sample-law")
    given = ops.replace("</replace-words>", '<form lang="kir" old="Мигранттар" new="Чет элдиктер"/></replace-words>')
    assert not [c for c in codes(tmp_path, given, "laws/sample-law") if c[1] == "error"]


def test_exclusion_with_renumbering(fc):
    law = applied(fc, '''<delete at="art_86__para_2"/>
    <renumber at="art_86__para_3" to="2"/><renumber at="art_86__para_4" to="3"/>''')
    assert [st.num_text(c) for c in law.get("art_86") if st.local(c.tag) == "paragraph"] == ["1.", "2.", "3."]


def test_an_abzats_never_between_numbered_parts(fc):
    assert ("CHECK.ABZATS_BETWEEN_PARTS", "error") in codes(
        fc, '<insert after="art_86__para_1"><text lang="rus">Новый абзац.</text></insert>')


# --- 4. what a clerk and the database expect --------------------------------------------------------
def test_repeal_of_a_point_of_a_points_act_is_masculine_everywhere(fc):
    from lawpatch.billtext import bill_text
    from lawpatch.render.inputs import comparison_of

    path = bill(fc, '<repeal at="art_86__para_4"/>', extra='<adopted date="2026-12-01" number="150"/>')
    (a,) = apply_bill(load_bill(path), root=fc)
    notes = [st.block_text(p) for p in a.new.get("art_86__para_4").iter(st.A + "p")]
    assert notes == ["(Утратил силу в соответствии с Законом КР от 1 декабря 2026 года № 150)"]
    assert "Пункт 4 статьи 86 признать утратившим силу." in bill_text(load_bill(path), "rus", root=fc)
    (row,) = comparison_of(a, fc).changes
    assert row.unit_name == "пункт"


def test_adoption_writes_the_database_notes(fc):
    law = applied(fc, '<insert-words at="art_117__para_1"><after lang="rus">соглашением об уплате алиментов</after>'
                      '<new lang="rus">, нотариальным приказом</new></insert-words>',
                  extra='<adopted date="2025-06-04" number="111"/>')
    last = [st.block_text(p) for p in law.get("art_117").iter(st.A + "p")][-1]
    assert last == "(В редакции Законов КР от 17 августа 2020 года № 135, 4 июня 2025 года № 111)"
    title = [st.block_text(p) for p in law.act.find(st.A + "preface").iter(st.A + "p")][-1]
    assert title.endswith("6 июня 2022 года № 41, 4 июня 2025 года № 111)")


def test_a_draft_names_itself(fc):
    law = applied(fc, '<delete-words at="art_112__para_2"><old lang="rus">судом</old></delete-words>')
    assert [st.block_text(p) for p in law.get("art_112").iter(st.A + "p")][-1] == \
        "(В редакции проекта Закона КР «О внесении изменений»)"


def test_multi_law_bills_from_the_command_line(tmp_path):
    for slug in ("external-migration", "citizenship"):
        shutil.copytree(LAWS / slug, tmp_path / "laws" / slug)
    runner = CliRunner()
    patch = str(tmp_path / "b.xml")
    r = runner.invoke(cli, ["new", patch, "--id", "two", "--title-rus", "О внесении изменений", "--root", str(tmp_path),
                            "--law", "laws/external-migration", "--law", "laws/citizenship"])
    assert r.exit_code == 0, r.output
    assert load_bill(patch).laws[1].ops == ()
    r = runner.invoke(cli, ["amend", patch, "repeal", "--law", "laws/citizenship", "--cite", "часть 4 статьи 12",
                            "--root", str(tmp_path)])
    assert r.exit_code == 0, r.output
    bill_ = load_bill(patch)
    assert [la.href for la in bill_.laws] == ["laws/external-migration", "laws/citizenship"]
    assert bill_.laws[1].ops[0].expect.get("rus", "").startswith("4.")


def test_a_bad_fragment_is_one_finding_among_the_others(tmp_path):
    """A text that cannot be read as units does not hide the other findings, and JSON stays JSON."""
    shutil.copytree(DATA / "sample-law", tmp_path / "laws" / "sample-law")
    path = bill(tmp_path, '''<insert after="art_3__para_1" lang="rus"><text lang="rus">(В редакции Закона КР от 1 июля 2025 года № 1)</text></insert>
    <delete-words at="art_5" lang="rus"><old lang="rus">нет таких слов</old></delete-words>''', "laws/sample-law")
    before = snapshot(tmp_path / "laws")
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "json", "--root", str(tmp_path), path])
    assert exc.value.code == 1 and snapshot(tmp_path / "laws") == before


def test_check_json_is_the_only_stdout(tmp_path, capsys):
    shutil.copytree(DATA / "sample-law", tmp_path / "laws" / "sample-law")
    path = bill(tmp_path, '<delete-words at="art_5" lang="rus"><old lang="rus">нет таких слов</old></delete-words>',
                "laws/sample-law")
    with pytest.raises(SystemExit):
        main(["check", "--format", "json", "--root", str(tmp_path), path])
    out = capsys.readouterr()
    assert [f["code"] for f in json.loads(out.out)] == ["CHECK.OLD_WORDS_NOT_FOUND"]
    assert "1 error(s)" in out.err


def test_a_unit_inserted_with_the_words_of_its_neighbour_is_said(tmp_path):
    """An old amending law read again (its definition is in the law since): the insert is no error,
    a law may repeat itself, but the warning names the unit that already says it."""
    href = "laws/external-migration"
    shutil.copytree(LAWS / "external-migration", tmp_path / href)
    law = Law.load(tmp_path / href / "rus.xml")
    words = st.block_text(next(law.get("art_1__al_17").iter(st.A + "p")))

    def warned(text: str) -> list:
        path = write_bill(tmp_path / "b.xml", f'<insert after="art_1__al_14"><text lang="rus">{text}</text></insert>',
                          href=href, base=base_of(tmp_path, href))
        return [f for f in check_bill(load_bill(path), root=tmp_path) if f.code == "CHECK.ALREADY_THERE"]

    (f,) = warned(words)
    assert f.severity == "warning" and "art_1__al_17" in f.message
    assert warned(words + " Иначе.") == []


def test_case_forms_of_a_hyphenated_term_and_the_other_number(tmp_path):
    """«слова «трудящийся-мигрант» в различных падежных формах заменить …» on the real law: every
    singular form goes («трудящегося-мигранта» was never looked for: a hyphenated word declined only
    its last part), the plural forms stay and the warning lists them."""
    from lawpatch.patch.words import find_whole

    href = "laws/external-labour-migration"
    shutil.copytree(LAWS / "external-labour-migration", tmp_path / href)
    path = write_bill(tmp_path / "b.xml", '<replace-words scope="act" forms="cases"><old lang="rus">трудящийся-мигрант'
                      '</old><new lang="rus">работник-мигрант</new></replace-words>', href=href,
                      base=base_of(tmp_path, href))
    bill = load_bill(path)
    warned = [f for f in check_bill(bill, root=tmp_path) if f.code == "CHECK.CASE_NUMBER"]
    assert len(warned) == 1 and "«трудящихся-мигрантов» (" in warned[0].message
    (law,) = apply_bill(bill, tmp_path)
    text = "\n".join(st.block_text(p) for p in law.new.body.iter(st.A + "p"))
    singular = ["трудящийся-мигрант", "трудящегося-мигранта", "трудящемуся-мигранту", "трудящимся-мигрантом",
                "трудящемся-мигранте"]
    assert [f for f in singular if find_whole(text, f, ignore_first_case=True)] == []
    assert find_whole(text, "работника-мигранта") and find_whole(text, "трудящихся-мигрантов")
