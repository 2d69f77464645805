"""Make git show laws and bills as their text: ``git diff`` on a law prints changed sentences, on a
bill the amending law's wording, not XML.

A textconv driver named ``lawpatch`` runs ``lawpatch text`` on each side of a law, one named
``lawpatch-bill`` runs ``lawpatch bill --textconv`` on a bill (the wording; a bill that cannot be
worded against the laws as they are is listed op by op); ``.gitattributes`` assigns them. Only the
laws' text is cached by git: a bill's wording depends on the laws too. Running the setup again
changes nothing.
"""
from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from .errors import LawpatchError, UsageError
from .xmlio import atomic_write_bytes

ATTRIBUTES_LINE = "laws/**/*.xml diff=lawpatch"
BILLS_LINE = "amendments/*.xml diff=lawpatch-bill"


def config() -> tuple[tuple[str, str], ...]:
    """The git settings. git runs lawpatch by its name where the name is on PATH (the same for
    everyone who clones the repository), else by the Python it is installed in: a lawpatch in a
    virtual environment that is not activated would otherwise leave «git diff» failing."""
    run = "lawpatch" if shutil.which("lawpatch") else f"{shlex.quote(sys.executable)} -m lawpatch"
    return (("diff.lawpatch.textconv", f"{run} text"), ("diff.lawpatch.cachetextconv", "true"),
            ("diff.lawpatch-bill.textconv", f"{run} bill --textconv"))


def _git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise LawpatchError("git is not installed") from exc
    if done.returncode not in (0, 1):
        raise LawpatchError(f"{repo}: git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout.strip()


def repo_root(path: str | Path) -> Path:
    path = Path(path)
    if not path.is_dir():
        raise UsageError(f"{path}: no such folder")
    try:
        done = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=path, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise LawpatchError("git is not installed") from exc
    if done.returncode != 0:
        raise UsageError(f"{path}: not a git repository (run «git init» first)")
    return Path(done.stdout.strip())


def setup(path: str | Path = ".") -> list[str]:
    """Configure the repository at ``path``; returns what was changed (empty when all was set)."""
    repo = repo_root(path)
    done: list[str] = []
    attributes = repo / ".gitattributes"
    text = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    missing = [line for line in (ATTRIBUTES_LINE, BILLS_LINE) if line not in text.splitlines()]
    if missing:
        if text and not text.endswith("\n"):
            text += "\n"
        atomic_write_bytes(attributes, (text + "".join(line + "\n" for line in missing)).encode("utf-8"))
        done += [f"{attributes}: {line}" for line in missing]
    for key, value in config():
        if _git(repo, "config", "--local", "--get", key) != value:
            _git(repo, "config", "--local", key, value)
            done.append(f"git config {key} \"{value}\"")
    return done
