"""``lawpatch build``: a small bill on the sample law, end to end; laws/ untouched; same bytes twice."""
from __future__ import annotations

import shutil
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import DATA, snapshot
from lawpatch.errors import Finding, FindingsError
from lawpatch.law import Law

BILL = DATA / "build" / "bill.xml"
WORD = ("регулирование процессов внешней миграции", "регулирование процессов внешней миграции и защита прав мигрантов")


@pytest.fixture
def repo(tmp_path, sample_dir):
    root = tmp_path / "repo"
    (root / "laws").mkdir(parents=True)
    shutil.move(str(sample_dir), root / "laws" / "external-migration")
    (root / "amendments").mkdir()
    shutil.copy(BILL, root / "amendments" / "bill.xml")
    return root


# --- a stand-in for the patch engine, so that the wiring of build is tested on its own -----------
@dataclass(frozen=True)
class _Bill:
    id: str
    date: str
    path: Path
    titles: dict = field(default_factory=lambda: {"rus": "О внесении изменения"})
    laws: tuple = ()


@dataclass
class _Applied:
    path: Path
    old: Law
    new: Law
    ops: tuple = ()
    reasons: dict = field(default_factory=dict)


def _fake_patch(refuse: bool = False):
    mod = types.ModuleType("lawpatch.patch")
    mod.load_bill = lambda p: _Bill("2026-fake", "2026-11-20", Path(p))

    def check_bill(bill, root="."):
        return [Finding("E-TEST", "the op does not apply", file=str(bill.path), line=5, severity="error")] if refuse else []

    def apply_bill(bill, root="."):
        path = Path(root) / "laws" / "external-migration" / "rus.xml"
        new = Law.from_bytes(path.read_bytes().replace(*(w.encode() for w in WORD)), str(path))
        return [_Applied(path, Law.load(path), new)]

    def write_applied(applied):
        for a in applied:
            a.new.save(a.path)

    mod.check_bill, mod.apply_bill, mod.write_applied = check_bill, apply_bill, write_applied
    return mod


def test_build_writes_every_output_and_leaves_laws_alone(repo, monkeypatch):
    from lawpatch.build import build

    monkeypatch.setitem(sys.modules, "lawpatch.patch", _fake_patch())
    before = snapshot(repo / "laws")
    out = repo / "out"
    (b,) = build([repo / "amendments" / "bill.xml"], out, root=repo)
    assert snapshot(repo / "laws") == before
    folder = out / "2026-fake"
    assert b.folder == folder
    names = sorted(p.name for p in folder.iterdir())
    assert "external-migration.rus.xml" in names and "summary.md" in names
    assert WORD[1] in (folder / "external-migration.rus.xml").read_text(encoding="utf-8")
    summary = (folder / "summary.md").read_text(encoding="utf-8")
    assert "changed: 1" in summary and "абзац второй статьи 2 (changed)" in summary
    assert {"external-migration.rus.docx", "table.rus.docx", "external-migration.rus.redline.docx",
            "bill.rus.docx"} <= set(names)
    first = snapshot(folder)
    build([repo / "amendments" / "bill.xml"], out, root=repo)
    assert snapshot(folder) == first
    assert sorted(p.name for p in out.iterdir()) == ["2026-fake"]   # no temporary folder left


def test_refused_bill_writes_nothing(repo, monkeypatch):
    from lawpatch.build import build

    monkeypatch.setitem(sys.modules, "lawpatch.patch", _fake_patch(refuse=True))
    with pytest.raises(FindingsError, match="does not apply"):
        build([repo / "amendments" / "bill.xml"], repo / "out", root=repo)
    assert not (repo / "out").exists()


def test_in_place_writes_the_law(repo, monkeypatch):
    from lawpatch.build import build

    monkeypatch.setitem(sys.modules, "lawpatch.patch", _fake_patch())
    build([], repo / "out", in_place=True, root=repo)
    assert WORD[1] in (repo / "laws" / "external-migration" / "rus.xml").read_text(encoding="utf-8")


def test_real_bill_end_to_end(repo, monkeypatch):
    """With the patch engine installed: the committed small bill, through the command."""
    from lawpatch.cli import main

    before = snapshot(repo / "laws")
    monkeypatch.chdir(repo)
    for _ in range(2):
        with pytest.raises(SystemExit) as exc:
            main(["build", "-o", "out"])
        assert exc.value.code == 0
        if _ == 0:
            first = snapshot(repo / "out")
    assert snapshot(repo / "out") == first
    assert snapshot(repo / "laws") == before
    names = set(first)
    for lang in ("rus", "kir"):
        assert {f"2026-test-bill/external-migration.{lang}.xml", f"2026-test-bill/external-migration.{lang}.docx",
                f"2026-test-bill/table.{lang}.docx", f"2026-test-bill/external-migration.{lang}.redline.docx",
                f"2026-test-bill/bill.{lang}.docx"} <= names
    summary = first["2026-test-bill/summary.md"].decode()
    assert "## external-migration (rus)" in summary and "- абзац второй статьи 2 (changed)" in summary
    assert "2-беренесинин экинчи абзацы (changed)" in summary
    assert "мигранттардын укуктарын коргоо" in first["2026-test-bill/external-migration.kir.xml"].decode()
