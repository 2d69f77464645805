"""The CI files lawpatch offers a drafting team (templates/ci: GitHub Actions, GitLab CI) do what
they say: their commands, run in a fresh clone of a team's repository whose last commit adds a bill
and changes a law, validate, check, compare the languages, write the review comment and the
documents. Only what needs the hosting service is left out: installing lawpatch (it is installed
here) and posting the comment."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lawpatch.cli import COMMANDS

from .conftest import DATA, ROOT

TEMPLATES = ROOT / "templates" / "ci"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def github_commands(text: str) -> list[str]:
    """The ``run:`` of each step, a block scalar (``run: |``) joined into one script."""
    out, lines = [], text.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"^(\s+)run: (.*)$", line)
        if not m:
            continue
        if m.group(2).strip() != "|":
            out.append(m.group(2))
            continue
        block, indent = [], len(m.group(1))
        for follow in lines[i + 1:]:
            if follow.strip() and len(follow) - len(follow.lstrip()) <= indent:
                break
            block.append(follow.strip())
        out.append("\n".join(block).strip())
    return out


def gitlab_commands(text: str, key: str) -> list[str]:
    """The items of the job's ``script:`` (or ``after_script:``) list."""
    out, lines, inside = [], text.splitlines(), False
    i = 0
    while i < len(lines):
        line = lines[i]
        if re.match(rf"^  {key}:\s*$", line):
            inside = True
        elif inside and re.match(r"^  \S", line):
            break
        elif inside and line.strip().startswith("- "):
            item = line.strip()[2:]
            if item == "|":
                block = []
                while i + 1 < len(lines) and (not lines[i + 1].strip() or lines[i + 1].startswith("      ")):
                    i += 1
                    block.append(lines[i].strip())
                item = "\n".join(block).strip()
            out.append(item)
        i += 1
    return out


def git(cwd, *args) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                          capture_output=True, text=True).stdout.strip()


@pytest.fixture
def team(tmp_path) -> tuple[Path, str]:
    """A fresh clone of a team's repository: a law, the registry; then a commit adding a bill and
    changing a word of the law. Returns the clone and the base commit."""
    origin = tmp_path / "origin"
    shutil.copytree(DATA / "sample-law", origin / "laws" / "external-migration")
    shutil.copytree(ROOT / "treaties", origin / "treaties")
    git(origin, "init", "-q")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "the laws")
    base = git(origin, "rev-parse", "HEAD")
    (origin / "amendments").mkdir()
    shutil.copy(DATA / "build" / "bill.xml", origin / "amendments" / "bill.xml")
    law = origin / "laws" / "external-migration" / "rus.xml"
    law.write_text(law.read_text(encoding="utf-8").replace("предупреждение незаконной миграции",
                                                           "предупреждение и пресечение незаконной миграции"),
                   encoding="utf-8")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "a bill, a word")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(origin), str(clone))
    return clone, base


def run_all(clone: Path, commands: list[str], env: dict) -> None:
    env = {**os.environ, **env, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for command in commands:
        if command.startswith("pip install") or "gh pr comment" in command:
            continue       # the hosting service's part: lawpatch is installed here, nothing is posted
        if "lawpatch parity" in command and "parity" not in COMMANDS:
            continue
        done = subprocess.run(["bash", "-e", "-c", command], cwd=clone, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"


def assert_outputs(clone: Path) -> None:
    comment = (clone / "lawpatch-diff.md").read_text(encoding="utf-8")
    assert "<ins>и пресечение </ins>" in comment                    # the law's change
    assert "<ins> и защита прав мигрантов</ins>" in comment          # what the bill does
    assert (clone / "lawpatch-out" / "2026-test-bill" / "table.rus.docx").is_file()
    assert (clone / "lawpatch-out" / "2026-test-bill" / "bill.kir.docx").is_file()


def test_the_files_list_the_steps_they_promise():
    github = github_commands((TEMPLATES / "github-actions.yml").read_text(encoding="utf-8"))
    gitlab = gitlab_commands((TEMPLATES / "gitlab-ci.yml").read_text(encoding="utf-8"), "script")
    for commands in (github, gitlab):
        joined = "\n".join(commands)
        for step in ("lawpatch validate laws/", "lawpatch check", "lawpatch parity laws/",
                     "--format markdown > lawpatch-diff.md", "lawpatch --quiet build -o lawpatch-out"):
            assert step in joined
    assert "gh pr comment" in "\n".join(github)
    assert "merge_requests/$CI_MERGE_REQUEST_IID/notes" in (TEMPLATES / "gitlab-ci.yml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_github_workflow_in_a_fresh_clone(team):
    clone, base = team
    run_all(clone, github_commands((TEMPLATES / "github-actions.yml").read_text(encoding="utf-8")),
            {"BASE": base, "LAWPATCH": "lawpatch"})
    assert_outputs(clone)


@pytest.mark.slow
def test_the_gitlab_job_in_a_fresh_clone(team):
    clone, base = team
    text = (TEMPLATES / "gitlab-ci.yml").read_text(encoding="utf-8")
    env = {"CI_MERGE_REQUEST_DIFF_BASE_SHA": base, "LAWPATCH": "lawpatch"}
    run_all(clone, gitlab_commands(text, "script"), env)
    run_all(clone, gitlab_commands(text, "after_script"), env)   # no token: posts nothing, fails nothing
    assert_outputs(clone)
