"""lawpatch validate: the clean sample passes; each kind of damage fails naming file and line."""
import json

import pytest

from lawpatch.cli import main
from lawpatch.law import Law
from lawpatch.validate import validate_law, validate_paths

from .conftest import DATA, LAWS


def run(capsys, *args):
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", *args])
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def damage(sample_dir, old, new, name="rus.xml", count=1):
    path = sample_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_clean_sample_exits_0(capsys):
    code, out, err = run(capsys, str(DATA / "sample-law"))
    assert code == 0
    assert out == ""
    assert "2 file(s): 0 error(s), 0 warning(s)" in err


def test_duplicate_eid_fails_with_file_and_line(sample_dir, capsys):
    path = damage(sample_dir, 'eId="art_4"', 'eId="art_3"')
    code, _, err = run(capsys, str(path))
    assert code == 1
    line = line_of(path, "<num>Статья 4.</num>")
    assert f"{path}:{line}: error: art_3: eId art_3 is used twice" in err
    assert "Duplicate key-sequence ['art_3']" in err  # the official schema agrees


def test_bad_eid_fails_both_in_the_profile_schema_and_the_convention(sample_dir, capsys):
    path = damage(sample_dir, 'eId="art_3__para_2"', 'eId="art_3__par_2"')
    code, _, err = run(capsys, str(path))
    assert code == 1
    line = line_of(path, 'eId="art_3__par_2"')
    assert f"{path}:{line}: error: art_3__par_2: KR profile: Element 'paragraph', attribute 'eId'" in err
    assert "expected art_3__para_2" in err


def test_eid_that_does_not_follow_the_numbers_is_an_error(sample_dir):
    path = damage(sample_dir, 'eId="art_3__para_3"', 'eId="art_3__para_4"')
    findings = validate_law(path)
    assert [(f.code, f.unit) for f in findings] == [("VALIDATE.EID_MISMATCH", "art_3__para_4")]


def test_missing_frbr_uri_fails(sample_dir, capsys):
    path = damage(sample_dir, '<FRBRuri value="/akn/kg/act/2000-07-17/61"/>', "")
    code, _, err = run(capsys, str(path))
    assert code == 1
    line = line_of(path, '<FRBRdate name="Generation" date="2000-07-17"/>')
    assert f"{path}:{line}: error: KR profile: Element 'FRBRdate': This element is not expected. Expected is ( FRBRuri )" in err


@pytest.mark.parametrize("old,new,message", [
    ('language="rus"', 'language="eng"', "The value 'eng' is not an element of the set {'rus', 'kir'}"),
    (' naming="parts"', "", "The attribute 'naming' is required but missing"),
    ('<FRBRuri value="/akn/kg/act/2000-07-17/61"/>', '<FRBRuri value="/akn/ru/act/2000-07-17/61"/>',
     "is not accepted by the pattern"),
])
def test_profile_metadata_rules(sample_dir, old, new, message):
    path = damage(sample_dir, old, new)
    assert any(message in f.message for f in validate_law(path))


def test_foreign_element_in_the_body_is_not_our_vocabulary(sample_dir):
    path = damage(sample_dir, '<article eId="art_5">',
                  '<hcontainer name="x" eId="hc_1"><content><p>x</p></content></hcontainer><article eId="art_5">')
    messages = [f.message for f in validate_law(path) if f.code == "VALIDATE.PROFILE_SCHEMA"]
    assert messages and "Element 'hcontainer': This element is not expected" in messages[0]


def test_malformed_xml_fails_with_line(sample_dir, capsys):
    path = sample_dir / "rus.xml"
    path.write_text("<akomaNtoso>\n<act>\n</akomaNtoso>\n", encoding="utf-8")
    code, _, err = run(capsys, str(path))
    assert code == 1
    assert err.startswith(f"{path}:3: error: not well-formed XML")


def test_kir_with_a_missing_article_breaks_parity(sample_dir, capsys):
    kir = sample_dir / "kir.xml"
    lines = kir.read_text(encoding="utf-8").splitlines(keepends=True)
    start = line_of(kir, '<article eId="art_4"')
    end = line_of(kir, '<article eId="art_5"')
    kir.write_text("".join(lines[:start - 1] + lines[end - 1:]), encoding="utf-8")
    code, _, err = run(capsys, str(sample_dir))
    assert code == 1
    rus = sample_dir / "rus.xml"
    rus_line = line_of(rus, '<article eId="art_4"')
    kir_line = line_of(kir, '<article eId="art_5"')
    assert (f"{rus}:{rus_line}: error: art_4: art_4 is in rus.xml but not at this place in kir.xml "
            f"(kir.xml:{kir_line})") in err



def test_texts_of_different_redactions_differ_with_warnings_only(sample_dir, capsys):
    kir = sample_dir / "kir.xml"
    lines = kir.read_text(encoding="utf-8").splitlines(keepends=True)
    start = line_of(kir, '<article eId="art_4"')
    end = line_of(kir, '<article eId="art_5"')
    kir.write_text("".join(lines[:start - 1] + lines[end - 1:]).replace("kir@2025-07-10", "kir@2024-07-23")
                   .replace('<FRBRdate name="Generation" date="2025-07-10"/>\n          <FRBRauthor',
                            '<FRBRdate name="Generation" date="2024-07-23"/>\n          <FRBRauthor', 1),
                   encoding="utf-8")
    code, _, err = run(capsys, str(sample_dir))
    assert code == 0
    kir_line = line_of(kir, '<article eId="art_5"')
    assert ("warning: art_4: art_4 is in rus.xml but not at this place in kir.xml "
            f"(kir.xml:{kir_line}) (different redactions: rus@2025-07-10, kir@2024-07-23)") in err
    code, _, _ = run(capsys, "--strict", str(sample_dir))
    assert code == 1

def test_numbering_gap_is_a_warning_failing_only_with_strict(sample_dir, capsys):
    rus, kir = sample_dir / "rus.xml", sample_dir / "kir.xml"
    damage(sample_dir, "<num>Статья 5.</num>", "<num>Статья 7.</num>")
    damage(sample_dir, 'eId="art_5"', 'eId="art_7"', count=1)
    text = rus.read_text(encoding="utf-8").replace('eId="art_5__', 'eId="art_7__')
    rus.write_text(text, encoding="utf-8")
    kir.unlink()
    code, _, err = run(capsys, str(rus))
    assert code == 0
    assert "warning: art_7: статья 7 после статьи 4: статей 5–6 нет" in err
    assert run(capsys, "--strict", str(rus))[0] == 1


def test_json_output(sample_dir, capsys):
    path = damage(sample_dir, 'eId="art_4"', 'eId="art_3"')
    code, out, _ = run(capsys, "--format", "json", str(path))
    assert code == 1
    findings = json.loads(out)
    codes = {f["code"] for f in findings}
    assert {"VALIDATE.AKN_SCHEMA", "VALIDATE.EID_DUPLICATE"} <= codes
    assert all(f["file"] == str(path) and f["line"] for f in findings)


@pytest.mark.parametrize("args", [["/no/such/law.xml"], ["--format", "yaml", "x.xml"], ["-j", "0", "x.xml"]])
def test_usage_errors_exit_2(capsys, args):
    assert run(capsys, *args)[0] == 2


def test_parallel_and_serial_agree(sample_dir):
    damage(sample_dir, 'eId="art_4"', 'eId="art_3"')
    paths = [str(sample_dir), str(DATA / "sample-law")]
    done = []
    assert validate_paths(paths, jobs=2, progress=done.append) == validate_paths(paths, jobs=1)
    assert done == [2, 2]   # the files done, told as each folder (its rus.xml and kir.xml, their parity) is


def test_a_loaded_law_validates_without_reparsing():
    assert validate_law(Law.load(DATA / "sample-law" / "kir.xml")) == []


@pytest.mark.slow
def test_bundled_laws_pass_both_schemas():
    findings = validate_paths([str(LAWS)], jobs=4)
    schema = [str(f) for f in findings if f.code in ("VALIDATE.AKN_SCHEMA", "VALIDATE.PROFILE_SCHEMA",
                                                     "VALIDATE.NOT_A_LAW", "VALIDATE.EID_MISMATCH")]
    assert schema == []


def test_rus_and_kir_of_different_works_or_languages(sample_dir):
    damage(sample_dir, "/akn/kg/act/2000-07-17/61", "/akn/kg/act/2000-07-17/62", name="kir.xml", count=99)
    damage(sample_dir, 'language="kir"', 'language="rus"', name="kir.xml")
    codes = [f.code for f in validate_paths([str(sample_dir)])]
    assert "VALIDATE.PARITY_WORK" in codes and "VALIDATE.LANGUAGE" in codes


def test_a_gap_in_lettered_subpoints_is_a_warning(sample_dir):
    damage(sample_dir, "<num>б)</num>", "<num>г)</num>")
    path = damage(sample_dir, 'point_б"', 'point_г"')
    findings = validate_law(path)
    assert [(f.code, f.severity, f.message) for f in findings] == [
        ("VALIDATE.NUMBER_GAP", "warning", "подпункт «г» после подпункта «а»: подпунктов «б»–«в» нет")]


def test_an_unnumbered_part_is_a_warning_only_beside_numbered_parts(sample_dir):
    path = damage(sample_dir, '<paragraph eId="art_3__para_3"><num>3.</num>', '<paragraph eId="art_3__para_u1">')
    findings = validate_law(path)
    assert [(f.code, f.unit) for f in findings] == [("VALIDATE.NUMBER_MISSING", "art_3__para_u1")]
