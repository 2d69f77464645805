"""Bad patches: each is refused with its finding (file:line, op, unit, hint), exit status 1,
and every law file byte-identical afterwards."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from lawpatch.cli import main

from .conftest import DATA, snapshot

BAD = sorted((DATA / "patches" / "bad").glob("*.xml"))


@pytest.fixture
def repo(tmp_path):
    shutil.copytree(DATA / "sample-law", tmp_path / "laws" / "sample-law")
    (tmp_path / "laws" / "ru-only").mkdir()
    shutil.copy(DATA / "sample-law" / "rus.xml", tmp_path / "laws" / "ru-only" / "rus.xml")
    return tmp_path


def run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err


def expected(path) -> str:
    return re.search(r"<!-- expect: (\S+) -->", path.read_text(encoding="utf-8")).group(1)


def test_there_are_forty_bad_patches():
    assert len(BAD) >= 40
    assert len({expected(p) for p in BAD}) >= 20


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_check_refuses(path, repo, capsys):
    code, out, err = run(capsys, "check", "--format", "json", "--root", str(repo), str(path))
    assert code == 1, out + err
    findings = json.loads(out)
    errors = [f for f in findings if f["severity"] == "error"]
    assert expected(path) in {f["code"] for f in errors}, findings
    for f in errors:
        assert f["file"] == str(path) and f["message"]
        if f["code"].startswith("CHECK.") and f["code"] not in ("CHECK.UNKNOWN_LAW", "CHECK.STALE_BASE",
                                                                  "CHECK.ALREADY_APPLIED"):
            assert f["line"] and f["op"] and f["unit"], f


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_apply_refuses_and_writes_nothing(path, repo, capsys):
    before = snapshot(repo)
    code, out, err = run(capsys, "apply", "--root", str(repo), str(path))
    assert code == 1, out + err
    assert f"{path}:" in err
    assert snapshot(repo) == before


def test_text_output_names_file_line_op_and_hint(repo, capsys):
    path = DATA / "patches" / "bad" / "old-words-missing.xml"
    code, out, err = run(capsys, "check", "--root", str(repo), str(path))
    assert code == 1 and out == ""      # findings are for people: stderr
    assert f"{path}:7: error: [replace-words] art_2__indent_2: words «защиту прав» not found" in err
    assert "hint: closest text in the unit: «защиты прав" in err


def test_target_missing_hint_lists_siblings(repo, capsys):
    code, _, err = run(capsys, "check", "--root", str(repo), str(DATA / "patches" / "bad" / "target-missing-child.xml"))
    assert code == 1 and "art_3__para_1, art_3__para_2, art_3__para_3" in err


def test_missing_patch_file_is_a_usage_error(repo, capsys):
    code, _, err = run(capsys, "check", "--root", str(repo), str(repo / "nope.xml"))
    assert code == 2 and "no such patch file" in err
