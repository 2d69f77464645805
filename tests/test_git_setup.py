"""``lawpatch git-setup``: git diff on a law shows its text, not XML; running it again is harmless."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lawpatch.gitsetup import ATTRIBUTES_LINE, BILLS_LINE, setup

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo, *args) -> str:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, check=True,
                          capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path, sample_dir):
    root = tmp_path / "repo"
    (root / "laws").mkdir(parents=True)
    shutil.copytree(sample_dir, root / "laws" / "external-migration")
    _git(root, "init", "-q")
    return root


def test_git_diff_shows_the_changed_text_line(repo):
    if shutil.which("lawpatch", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("the lawpatch command is not installed beside this Python")
    assert setup(repo)
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "law")
    law = repo / "laws" / "external-migration" / "rus.xml"
    law.write_text(law.read_text(encoding="utf-8").replace("регулирование процессов",
                                                           "правовое регулирование процессов"), encoding="utf-8")
    out = _git(repo, "diff")
    assert "+- правовое регулирование процессов внешней миграции;" in out
    assert "<p>" not in out and "eId" not in out
    words = _git(repo, "diff", "--word-diff")
    assert "{+правовое+}" in words


def test_git_diff_of_a_bill_shows_the_amending_law(repo):
    """A bill's diff is the wording of the amending law; once the bill is applied (it can no longer
    be worded against the laws) the diff lists its ops: text, never XML or an error."""
    if shutil.which("lawpatch", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("the lawpatch command is not installed beside this Python")
    from tests.conftest import DATA

    setup(repo)
    (repo / "amendments").mkdir()
    bill = repo / "amendments" / "bill.xml"
    shutil.copy(DATA / "build" / "bill.xml", bill)
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "bill")
    bill.write_text(bill.read_text(encoding="utf-8").replace(" и защита прав мигрантов", " и защита их прав"),
                    encoding="utf-8")
    out = _git(repo, "diff")
    said = "-В абзаце втором статьи 2 после слов «регулирование процессов внешней миграции» дополнить словами"
    assert f"{said} «и защита прав мигрантов»." in out and f"+{said[1:]} «и защита их прав»." in out
    assert "<insert-words" not in out
    _git(repo, "-c", "core.quotepath=off", "stash", "-q")
    subprocess.run([sys.executable, "-m", "lawpatch", "apply", "amendments/bill.xml"], cwd=repo, check=True,
                   capture_output=True)
    out = _git(repo, "show", "HEAD", "--", "amendments/bill.xml")
    assert "+bill 2026-test-bill of 2026-11-20" in out and "+  insert-words art_2__indent_1 (after)" in out


def test_setup_is_idempotent(repo):
    (repo / ".gitattributes").write_text("*.docx binary", encoding="utf-8")
    first = setup(repo)
    assert len(first) == 5   # two attribute lines, three settings
    assert setup(repo) == []
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == f"*.docx binary\n{ATTRIBUTES_LINE}\n{BILLS_LINE}\n"
    assert _git(repo, "config", "--get", "diff.lawpatch.textconv").strip().endswith("lawpatch text")


def test_git_runs_lawpatch_where_it_is_installed(repo, monkeypatch):
    """lawpatch in a virtual environment that is not activated (not on PATH): git runs it by the
    Python it is installed in, and «git diff» shows the law's text."""
    git = shutil.which("git")
    monkeypatch.setenv("PATH", str(Path(git).parent))
    if shutil.which("lawpatch"):
        pytest.skip("lawpatch is installed beside git")
    setup(repo)
    assert _git(repo, "config", "--get", "diff.lawpatch.textconv").strip() == f"{sys.executable} -m lawpatch text"
    env = dict(os.environ, PATH=str(Path(git).parent))
    run = lambda *args: subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo,  # noqa: E731
                                       check=True, capture_output=True, text=True, env=env).stdout
    run("add", ".")
    run("commit", "-q", "-m", "law")
    law = repo / "laws" / "external-migration" / "rus.xml"
    law.write_text(law.read_text(encoding="utf-8").replace("регулирование процессов",
                                                           "правовое регулирование процессов"), encoding="utf-8")
    assert "+- правовое регулирование процессов внешней миграции;" in run("diff")


def test_not_a_repository(tmp_path):
    from lawpatch.errors import UsageError

    with pytest.raises(UsageError, match="not a git repository"):
        setup(tmp_path)
