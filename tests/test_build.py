"""``lawpatch build``: a small bill on the sample law, end to end; laws/ untouched; same bytes twice."""
from __future__ import annotations

import shutil
import zipfile

import pytest

from tests.conftest import DATA, snapshot
from lawpatch.errors import FindingsError

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


def test_build_writes_every_output_and_leaves_laws_alone(repo):
    from lawpatch.build import build

    before = snapshot(repo / "laws")
    out = repo / "out"
    (b,) = build([repo / "amendments" / "bill.xml"], out, root=repo)
    assert snapshot(repo / "laws") == before
    folder = out / "2026-test-bill"
    assert b.folder == folder
    assert WORD[1] in (folder / "external-migration.rus.xml").read_text(encoding="utf-8")
    summary = (folder / "summary.md").read_text(encoding="utf-8")
    assert "inserted" not in summary and "- абзац второй статьи 2 (changed)" in summary
    redline = zipfile.ZipFile(folder / "external-migration.rus.redline.docx").read("word/document.xml").decode()
    assert 'w:author="2026-test-bill"' in redline and 'w:date="2026-11-20T00:00:00Z"' in redline
    assert sorted(p.name for p in out.iterdir()) == ["2026-test-bill"]   # no temporary folder left


def test_refused_bill_writes_nothing(repo):
    from lawpatch.build import build

    bill = repo / "amendments" / "bill.xml"
    bill.write_text(bill.read_text(encoding="utf-8").replace("регулирование процессов внешней миграции",
                                                               "регулирование процессов внутренней миграции"),
                    encoding="utf-8")
    before = snapshot(repo / "laws")
    with pytest.raises(FindingsError, match="not found"):
        build([bill], repo / "out", root=repo)
    assert not (repo / "out").exists()
    assert snapshot(repo / "laws") == before


def test_in_place_writes_the_law(repo):
    from lawpatch.build import build

    build([], repo / "out", in_place=True, root=repo)
    assert WORD[1] in (repo / "laws" / "external-migration" / "rus.xml").read_text(encoding="utf-8")


def test_the_command_twice_gives_the_same_bytes(repo, monkeypatch):
    """``lawpatch build -o out`` in the repository: every output in both languages, same bytes twice."""
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
