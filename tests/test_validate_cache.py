"""``validate`` remembers the findings of a folder by the names and digests of its files: a run
from the cache gives every finding, errors and warnings, as the computation does, named by the
paths of this run; changed bytes, other code, a damaged cache or none means validating again."""
from __future__ import annotations

import shutil

import pytest

from lawpatch import validate
from lawpatch.validate import validate_paths

from .conftest import DATA, LAWS


@pytest.fixture
def counted(monkeypatch, tmp_path):
    """The cache in its own folder, and a count of the laws really validated."""
    monkeypatch.setenv("LAWPATCH_CACHE", str(tmp_path / "cache"))
    calls = []
    real = validate.validate_law

    def validate_law(law, schemas=True):
        calls.append(law.source)
        return real(law, schemas)
    monkeypatch.setattr(validate, "validate_law", validate_law)
    return calls


def computed(monkeypatch, paths) -> list:
    with monkeypatch.context() as m:
        m.setenv("LAWPATCH_CACHE", "off")
        return validate_paths(paths)


def full(findings) -> list:
    """Every field of the findings, ``extra`` too (which equality leaves out)."""
    return [f.as_dict() for f in findings]


@pytest.fixture
def damaged(tmp_path):
    """The sample law with errors and warnings in both texts and a unit in rus.xml only."""
    folder = tmp_path / "laws" / "sample-law"
    shutil.copytree(DATA / "sample-law", folder)
    rus = folder / "rus.xml"
    text = rus.read_text(encoding="utf-8")
    rus.write_text(text.replace('eId="art_4"', 'eId="art_3"', 1).replace("<num>Статья 2.</num>", "<num>Статья 7.</num>", 1),
                   encoding="utf-8")
    return folder


def test_the_cached_findings_are_the_computed_ones(counted, monkeypatch, damaged):
    first = validate_paths([str(damaged)])
    assert {f.severity for f in first} == {"error", "warning"}
    again = validate_paths([str(damaged)])
    assert len(counted) == 2                                   # rus.xml and kir.xml, once
    assert full(again) == full(first) == full(computed(monkeypatch, [str(damaged)]))
    assert len(counted) == 4                                   # the computation really ran


def test_a_folder_of_different_redactions_gives_its_parity_warnings_from_the_cache(counted, monkeypatch):
    folder = str(LAWS / "labour-code")
    first = validate_paths([folder])
    assert any(f.code == "VALIDATE.PARITY" and f.extra for f in first)
    again = validate_paths([folder])
    assert len(counted) == 2
    assert full(again) == full(first) == full(computed(monkeypatch, [folder]))


def test_the_same_texts_elsewhere_are_named_by_their_new_paths(counted, damaged, tmp_path):
    first = validate_paths([str(damaged)])
    moved = tmp_path / "elsewhere" / "sample-law"
    shutil.copytree(damaged, moved)
    again = validate_paths([str(moved)])
    assert len(counted) == 2
    assert full(again) == [{**d, "file": d["file"].replace(str(damaged), str(moved))} for d in full(first)]
    assert all(f.file.startswith(str(moved)) for f in again)


def test_a_changed_text_is_validated_again(counted, damaged):
    before = validate_paths([str(damaged)])
    kir = damaged / "kir.xml"
    kir.write_text(kir.read_text(encoding="utf-8").replace('eId="art_1"', 'eId="art_9"', 1), encoding="utf-8")
    after = validate_paths([str(damaged)])
    assert len(counted) == 4 and full(after) != full(before)
    assert any(f.file == str(kir) and f.code == "VALIDATE.EID_MISMATCH" for f in after)


def test_a_file_that_is_not_xml_is_remembered_as_such(counted, damaged, monkeypatch):
    (damaged / "kir.xml").write_text("<not-closed>", encoding="utf-8")
    first = validate_paths([str(damaged)])
    assert any(f.code == "VALIDATE.NOT_A_LAW" and f.file == str(damaged / "kir.xml") for f in first)
    assert full(validate_paths([str(damaged)])) == full(first) == full(computed(monkeypatch, [str(damaged)]))
    assert len(counted) == 2


def test_a_finding_that_names_its_path_is_never_remembered(counted, damaged, tmp_path):
    (damaged / "kir.xml").write_text("<root/>", encoding="utf-8")
    first = validate_paths([str(damaged)])
    assert any(f.code == "VALIDATE.NOT_A_LAW" and str(damaged) in f.message for f in first)
    assert full(validate_paths([str(damaged)])) == full(first) and len(counted) == 2
    assert not list((tmp_path / "cache").glob("findings/*.json"))


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"version": "x", "data": {"findings": []}}', b'["x"]',
                                    b'{"version": "V", "data": {"findings": [{"code": "X"}]}}',
                                    b'{"version": "V", "data": {"findings": [{"file": 7}]}}'])
def test_a_damaged_or_foreign_cache_means_validating_again(counted, damaged, tmp_path, damage):
    first = validate_paths([str(damaged)])
    (entry,) = (tmp_path / "cache" / "findings").glob("*.json")
    entry.write_bytes(damage.replace(b'"V"', f'"{validate._verdict_version()}"'.encode()))
    assert full(validate_paths([str(damaged)])) == full(first) and len(counted) == 4


def test_other_code_validates_again(counted, damaged, monkeypatch):
    validate_paths([str(damaged)])
    monkeypatch.setattr(validate, "_verdict_version", lambda: "other code")
    validate_paths([str(damaged)])
    assert len(counted) == 4


def test_without_a_cache_every_run_validates(counted, damaged, monkeypatch, tmp_path):
    monkeypatch.setenv("LAWPATCH_CACHE", "off")
    validate_paths([str(damaged)]), validate_paths([str(damaged)])
    assert len(counted) == 4 and not (tmp_path / "cache").exists()
