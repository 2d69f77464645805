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


# --- never a language left out silently ---------------------------------------------------------
@pytest.fixture
def russian_only(repo):
    (repo / "laws" / "external-migration" / "kir.xml").unlink()
    bill = repo / "amendments" / "bill.xml"
    text = bill.read_text(encoding="utf-8")
    for kyrgyz in ('      <after lang="kir">тышкы миграция процесстерин жөнгө салуу</after>\n',
                   '      <new lang="kir"> жана мигранттардын укуктарын коргоо</new>\n'):
        text = text.replace(kyrgyz, "")                                # the op in Russian only
    bill.write_text(text, encoding="utf-8")
    return repo


def test_a_law_without_its_kyrgyz_text_is_refused_by_name(russian_only):
    from lawpatch.build import build

    with pytest.raises(FindingsError) as exc:
        build([russian_only / "amendments" / "bill.xml"], russian_only / "out", root=russian_only)
    (f,) = exc.value.findings
    assert (f.code, f.unit) == ("BUILD.LANGUAGE_MISSING", "laws/external-migration")
    assert f.message == "no kir.xml: the Kyrgyz package would leave this law out" and f.line
    assert not (russian_only / "out").exists()


def test_a_russian_only_package_when_allowed_says_so(russian_only):
    from lawpatch.build import build

    (b,) = build([russian_only / "amendments" / "bill.xml"], russian_only / "out", root=russian_only, allow_missing=True)
    assert not [name for name in b.files if ".kir" in name]
    summary = (b.folder / "summary.md").read_text(encoding="utf-8")
    assert ("## Languages left out (built with --allow-missing-language)\n\n"
            "- laws/external-migration: no kir.xml: the Kyrgyz package would leave this law out") in summary
    (b,) = build([russian_only / "amendments" / "bill.xml"], russian_only / "out2", root=russian_only, langs=("rus",))
    assert not b.missing and "Languages left out" not in (b.folder / "summary.md").read_text(encoding="utf-8")


def test_the_kyrgyz_table_of_a_law_without_its_kyrgyz_text_is_refused(russian_only, capsys):
    from lawpatch.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["table", str(russian_only / "amendments" / "bill.xml"), "-o", str(russian_only / "t.docx"),
              "--lang", "kir", "--root", str(russian_only)])
    assert exc.value.code == 2
    assert "laws/external-migration has no kir.xml: the kir table would leave its rows out" in capsys.readouterr().err
    assert not (russian_only / "t.docx").exists()


def test_diff_and_redline_of_a_bill_show_the_texts_the_law_has(russian_only, capsys):
    """Only a table in a language asked refuses a law without that text; the diff and the redline of
    a bill show every text the amended laws have (the bundled migration laws are Russian only)."""
    from lawpatch.cli import main

    bill, root = str(russian_only / "amendments" / "bill.xml"), str(russian_only)
    with pytest.raises(SystemExit) as exc:
        main(["diff", bill, "--root", root, "--color", "never"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "laws/external-migration/rus.xml (rus)" in out and "(kir)" not in out
    with pytest.raises(SystemExit) as exc:
        main(["redline", bill, "-o", str(russian_only / "red"), "--root", root])
    assert exc.value.code == 0
    assert [p.name for p in (russian_only / "red").iterdir()] == ["external-migration-rus.docx"]


def test_rows_in_one_language_only_are_named():
    from types import SimpleNamespace as NS

    from lawpatch.render.inputs import rows_in_one_language

    row = NS(eid="art_1", kind="changed", citation="статья 1")
    other = NS(eid="art_2", kind="inserted", citation="статья 2")
    assert rows_in_one_language([("x", "rus", NS(changes=[row, other])), ("x", "kir", NS(changes=[row]))]) == [
        "- x: статья 2 (inserted): rus only"]


def test_a_note_in_the_justification_is_labelled_by_the_russian_citation():
    """A bill may cite its units in Kyrgyz; the Russian справка-обоснование cites them in Russian."""
    from types import SimpleNamespace as NS

    from lawpatch.law import Law
    from lawpatch.render.justification import _label

    law = Law.load(DATA / "sample-law" / "rus.xml")
    assert _label(law, NS(at="art_3__para_2", cite="3-беренесинин 2-бөлүгү", kind=NS(value="restate"))) == \
        "часть 2 статьи 3"
    assert _label(law, NS(at="art_3__para_1", cite=None, kind=NS(value="insert"))) == "после части 1 статьи 3"
