"""The render, redline and table commands; LibreOffice opens what they write."""
from __future__ import annotations

import shutil
import subprocess

import docx
import pytest

from lawpatch.cli import main
from lawpatch.render.labels import TableOptions
from lawpatch.render.table import write_table

from .conftest import DATA
from .render_helpers import comparison


def _run(args):
    with pytest.raises(SystemExit) as exc:
        main(args)
    return exc.value.code


def test_render_and_redline_commands(sample_dir, tmp_path):
    law = str(sample_dir / "rus.xml")
    out = tmp_path / "law.docx"
    assert _run(["render", law, "-o", str(out)]) in (0, None)
    assert docx.Document(str(out)).paragraphs[0].text == "ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ"
    red = tmp_path / "red.docx"
    assert _run(["redline", law, law, "-o", str(red), "--author", "A", "--date", "2025-01-02"]) in (0, None)
    assert red.is_file()


def test_missing_law_is_refused_and_nothing_written(tmp_path, capsys):
    out = tmp_path / "law.docx"
    assert _run(["render", str(tmp_path / "nope.xml"), "-o", str(out)]) == 2
    assert "nope.xml: no such law file" in capsys.readouterr().err
    assert not out.exists()
    assert _run(["table", "a", "b", "c", "-o", str(out)]) == 2
    assert not out.exists()


def test_unwritable_output_is_reported(sample_dir, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert _run(["render", str(sample_dir / "rus.xml"), "-o", str(blocker / "law.docx")]) == 1
    assert "cannot write the document" in capsys.readouterr().err


def test_bad_template_is_refused(sample_dir, tmp_path, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", encoding="utf-8")
    out = tmp_path / "law.docx"
    assert _run(["render", str(sample_dir / "rus.xml"), "-o", str(out), "--template", str(bad)]) == 1
    assert "not a usable DOCX template" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.slow
def test_libreoffice_converts_every_document(sample_dir, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed here")
    from lawpatch.law import Law
    from lawpatch.render.consolidated import write_docx
    from lawpatch.render.redline import write_redline

    law = Law.load(sample_dir / "rus.xml")
    write_table([comparison()], tmp_path / "table.docx", TableOptions(kz_columns=True))
    write_docx(law, tmp_path / "law.docx")
    write_redline(None, law, law, tmp_path / "red.docx", "x", "2025-01-01")
    names = ["table", "law", "red"]
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *(str(tmp_path / f"{n}.docx") for n in names)],
                   check=True, capture_output=True, timeout=180)
    for n in names:
        pdf = tmp_path / f"{n}.pdf"
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


def _bill_repo(sample_dir):
    """A repository with the sample law as laws/external-migration and a one-op bill for it."""
    root = sample_dir.parent / "repo"
    (root / "laws").mkdir(parents=True)
    sample_dir.rename(root / "laws" / "external-migration")
    shutil.copy(DATA / "build" / "bill.xml", root / "bill.xml")
    return root


def test_redline_of_a_bill_writes_one_file_per_law(sample_dir, tmp_path):
    root = _bill_repo(sample_dir)
    out = tmp_path / "out"
    assert _run(["redline", str(root / "bill.xml"), "-o", str(out), "--root", str(root)]) in (0, None)
    for lang in ("rus", "kir"):
        xml = docx.Document(str(out / f"external-migration-{lang}.docx")).element.xml
        assert 'w:author="2026-test-bill"' in xml and 'w:date="2026-11-20T00:00:00Z"' in xml


def test_table_of_a_bill(sample_dir, tmp_path):
    root = _bill_repo(sample_dir)
    out = tmp_path / "t.docx"
    assert _run(["table", str(root / "bill.xml"), "-o", str(out), "--no-reasons", "--root", str(root)]) in (0, None)
    doc = docx.Document(str(out))
    assert doc.paragraphs[1].text.endswith("«О внешней миграции»»")
    assert len(doc.tables[0].columns) == 2
