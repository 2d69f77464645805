"""``lawpatch git-setup``: git diff on a law shows its text, not XML; running it again is harmless."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lawpatch.gitsetup import ATTRIBUTES_LINE, setup

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


def test_setup_is_idempotent(repo):
    (repo / ".gitattributes").write_text("*.docx binary", encoding="utf-8")
    first = setup(repo)
    assert len(first) == 3
    assert setup(repo) == []
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == f"*.docx binary\n{ATTRIBUTES_LINE}\n"
    assert _git(repo, "config", "--get", "diff.lawpatch.textconv").strip() == "lawpatch text"


def test_not_a_repository(tmp_path):
    from lawpatch.errors import UsageError

    with pytest.raises(UsageError, match="not a git repository"):
        setup(tmp_path)
