"""``lawpatch diff``: two files, a file against a git revision, text and JSON output."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from lawpatch.cli import main

WORD = ("регулирование процессов", "правовое регулирование процессов")


def _run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(["diff", *args])
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def _changed_copy(sample_dir, name="new.xml"):
    path = sample_dir / "rus.xml"
    new = sample_dir.parent / name
    new.write_text(path.read_text(encoding="utf-8").replace(*WORD), encoding="utf-8")
    return path, new


def test_two_files_plain_marks(sample_dir, capsys):
    old, new = _changed_copy(sample_dir)
    code, out, err = _run(capsys, str(old), str(new), "--color", "never")
    assert code == 0
    assert "@@ абзац второй статьи 2 (changed)\n- {+правовое +}регулирование процессов внешней миграции;" in out
    assert "1 changed unit(s)" in err


def test_colour_always(sample_dir, capsys):
    old, new = _changed_copy(sample_dir)
    _, out, _ = _run(capsys, str(old), str(new), "--color", "always")
    assert "\x1b[32mправовое \x1b[0m" in out and "{+" not in out


def test_json(sample_dir, capsys):
    old, new = _changed_copy(sample_dir)
    _, out, _ = _run(capsys, str(old), str(new), "--format", "json")
    (law,) = json.loads(out)
    (change,) = law["changes"]
    assert change["new_eid"] == "art_2__indent_1"
    assert {"op": "insert", "text": "правовое "} in change["segments"]


def test_identical_files_no_changes(sample_dir, capsys):
    path = sample_dir / "rus.xml"
    code, out, err = _run(capsys, str(path), str(path))
    assert code == 0 and "@@" not in out and "0 changed unit(s)" in err


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_file_changed_outside_its_text_says_so(sample_dir, capsys, fmt):
    """A file git lists as changed whose text is the same (its metadata, the database's notes): the
    review says why it is listed, not «0 change(s)»."""
    old = sample_dir / "rus.xml"
    new = sample_dir / "meta.xml"
    new.write_text(old.read_text(encoding="utf-8").replace("</meta>", "<!-- reviewed --></meta>", 1), encoding="utf-8")
    code, out, _ = _run(capsys, str(old), str(new), "--format", fmt)
    assert code == 0 and "no change in the text (metadata or the database's notes only" in out
    assert "0 change(s)" not in out


def test_missing_file_is_a_usage_error(sample_dir, capsys):
    code, _, err = _run(capsys, str(sample_dir / "rus.xml"), str(sample_dir / "nope.xml"))
    assert code == 2 and "nope.xml: no such file" in err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_against_a_git_revision(sample_dir, capsys):
    repo = sample_dir

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, check=True,
                       capture_output=True)

    git("init", "-q")
    git("add", "rus.xml")
    git("commit", "-q", "-m", "law")
    law = repo / "rus.xml"
    law.write_text(law.read_text(encoding="utf-8").replace(*WORD), encoding="utf-8")
    code, out, _ = _run(capsys, str(law), "--rev", "HEAD", "--color", "never")
    assert code == 0 and "{+правовое +}" in out
    code, _, err = _run(capsys, str(law), "--rev", "no-such-rev")
    assert code == 2 and "no-such-rev" in err


def test_what_a_bill_does(sample_dir, capsys):
    """``lawpatch diff PATCH``: the bill applied in memory, per law file; nothing written."""
    from tests.conftest import DATA, snapshot

    root = sample_dir.parent / "repo"
    (root / "laws").mkdir(parents=True)
    shutil.move(str(sample_dir), root / "laws" / "external-migration")
    before = snapshot(root)
    code, out, _ = _run(capsys, str(DATA / "build" / "bill.xml"), "--root", str(root), "--color", "never")
    assert code == 0
    assert "@@ абзац второй статьи 2 (changed)\n- регулирование процессов внешней миграции{+ и защита прав мигрантов+};" in out
    assert "@@ 2-беренесинин экинчи абзацы (changed)" in out
    assert snapshot(root) == before


def test_two_folders_pair_files_by_name(sample_dir, tmp_path, capsys):
    new_dir = tmp_path / "new-law"
    shutil.copytree(sample_dir, new_dir)
    law = new_dir / "rus.xml"
    law.write_text(law.read_text(encoding="utf-8").replace(*WORD), encoding="utf-8")
    code, out, err = _run(capsys, str(sample_dir), str(new_dir), "--color", "never")
    assert code == 0
    assert out.count("== ") == 2 and "{+правовое +}" in out
    assert "2 law file(s), 1 changed unit(s)" in err


def test_two_languages_are_not_compared(sample_dir, capsys):
    code, _, err = _run(capsys, str(sample_dir / "rus.xml"), str(sample_dir / "kir.xml"))
    assert code == 2 and "language 'kir' differs" in err
