"""Make git show laws as their text: ``git diff`` on a law prints changed sentences, not XML.

A textconv driver named ``lawpatch`` runs ``lawpatch text`` on each side; ``.gitattributes``
assigns it to the law files. Running the setup again changes nothing.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import LawpatchError, UsageError
from .xmlio import atomic_write_bytes

ATTRIBUTES_LINE = "laws/**/*.xml diff=lawpatch"
CONFIG = (("diff.lawpatch.textconv", "lawpatch text"), ("diff.lawpatch.cachetextconv", "true"))


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
    if ATTRIBUTES_LINE not in text.splitlines():
        if text and not text.endswith("\n"):
            text += "\n"
        atomic_write_bytes(attributes, (text + ATTRIBUTES_LINE + "\n").encode("utf-8"))
        done.append(f"{attributes}: {ATTRIBUTES_LINE}")
    for key, value in CONFIG:
        if _git(repo, "config", "--local", "--get", key) != value:
            _git(repo, "config", "--local", key, value)
            done.append(f"git config {key} \"{value}\"")
    return done
