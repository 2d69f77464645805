"""A bill runs on laws that validate, and writes only laws that lawpatch reads back and validates."""
from __future__ import annotations

import json

import pytest

from lawpatch.validate import validate_paths

from .conftest import snapshot
from .safety import TWO_FILES, bill_xml, lawpatch, make_repo, write

LAW = "laws/sample-law"


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "repo")


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check_json(capsys, repo, bill) -> tuple[int, list[dict]]:
    code, out, _ = lawpatch(capsys, "check", "--format", "json", "--root", repo, bill)
    return code, json.loads(out)


def test_a_law_with_two_units_of_one_eid_is_refused_before_any_op(repo, tmp_path, capsys):
    """«Статья 3» carries art_2 as well: restate-heading at art_2 could land on either article."""
    rus = repo / LAW / "rus.xml"
    edit(rus, '<article eId="art_3">', '<article eId="art_2">')
    ops = '<restate-heading at="art_2" lang="rus"><heading lang="rus">Задачи</heading></restate-heading>'
    bill = write(tmp_path / "b.xml", bill_xml(ops))
    before = snapshot(repo)
    code, findings = check_json(capsys, repo, bill)
    assert code == 1
    assert {f["code"] for f in findings} >= {"VALIDATE.AKN_SCHEMA", "VALIDATE.EID_DUPLICATE"}
    assert all(f["file"] == str(rus) and f["line"] for f in findings)
    assert not any(f["op"] for f in findings)  # no op ran
    code, _, err = lawpatch(capsys, "apply", "--root", repo, bill)
    assert code == 1 and "rus.xml" in err and snapshot(repo) == before


@pytest.mark.parametrize("missing, says", [
    ('<FRBRdate name="Generation" date="2025-07-10"/>', "FRBRdate"),
    ('<FRBRnumber value="61"/>', "FRBRnumber"),
])
def test_a_law_without_the_metadata_lawpatch_writes_is_refused(repo, tmp_path, capsys, missing, says):
    edit(repo / LAW / "rus.xml", missing, "")
    code, findings = check_json(capsys, repo, write(tmp_path / "b.xml", bill_xml(TWO_FILES)))
    assert code == 1 and any(says in f["message"] for f in findings), findings


def test_a_law_without_a_lifecycle_is_refused_with_the_reason(repo, tmp_path, capsys):
    kir = repo / LAW / "kir.xml"
    text = kir.read_text(encoding="utf-8")
    kir.write_text(text[:text.index("<lifecycle")] + text[text.index("</lifecycle>") + 12:], encoding="utf-8")
    code, findings = check_json(capsys, repo, write(tmp_path / "b.xml", bill_xml(TWO_FILES)))
    assert code == 1
    assert [f["code"] for f in findings] == ["CHECK.LAW_METADATA"] and findings[0]["file"] == str(kir)


def test_a_text_node_lawpatch_could_not_read_back_is_never_written(repo, tmp_path, capsys):
    """Twelve occurrences replaced by 0.9 MB each: an abzats of 11 MB, over libxml2's 10 MB."""
    for lang in ("rus", "kir"):
        edit(repo / LAW / f"{lang}.xml", '<alinea eId="art_1__al_3"><content><p>', '<alinea eId="art_1__al_3"><content><p>'
             + "слово " * 12)
    ops = f'<replace-words at="art_1__al_3" lang="rus" occurrence="all"><old lang="rus">слово</old>' \
          f'<new lang="rus">{"ж" * 450_000}</new></replace-words>'
    bill = write(tmp_path / "b.xml", bill_xml(ops))
    before = snapshot(repo)
    code, findings = check_json(capsys, repo, bill)
    assert code == 1
    assert [f["code"] for f in findings] == ["CHECK.RESULT_INVALID"] and "read back" in findings[0]["message"]
    assert lawpatch(capsys, "apply", "--root", repo, bill)[0] == 1
    assert snapshot(repo) == before


def test_a_gap_in_the_lifecycle_numbering_never_gives_an_invalid_law(repo, tmp_path, capsys):
    """The events are e_1, e_3: the bill's new event is e_4, never a second e_3; the law validates."""
    for lang in ("rus", "kir"):
        edit(repo / LAW / f"{lang}.xml", '<eventRef eId="e_2"', '<eventRef eId="e_3"')
    code, out, err = lawpatch(capsys, "apply", "--root", repo, write(tmp_path / "b.xml", bill_xml(TWO_FILES)))
    assert code == 0, err
    assert not [f for f in validate_paths([repo / "laws"]) if f.severity == "error"]
    assert 'eId="e_4"' in (repo / LAW / "rus.xml").read_text(encoding="utf-8")


def test_every_bundled_law_passes_the_guard():
    """The guard refuses nothing a bundled law is: each validates as the engine requires."""
    from lawpatch.patch import guard

    from .conftest import LAWS

    for folder in sorted(p for p in LAWS.iterdir() if p.is_dir()):
        laws, refused = guard.read_laws(LAWS.parent, f"laws/{folder.name}")
        assert laws and not refused, refused
