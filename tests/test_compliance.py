"""lawpatch compliance: the matrix, the gaps and the definition collisions of the bundled laws and
bills, as a self-contained HTML page (rendered in headless Chromium) and a DOCX."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from lawpatch.compliance import GAP, IMPLEMENTED, PARTIAL, PENDING, build_report
from lawpatch.render.compliance import html

from .conftest import LAWS, ROOT, snapshot, run_cli as run


@pytest.fixture(scope="module")
def report():
    return build_report(ROOT)


def row(report, treaty, article):
    return next(r for r in report.rows if (r.treaty.id, r.article.number) == (treaty, article))


def test_the_matrix_of_the_bundled_laws(report):
    assert row(report, "icrmw-1990", "23").status == IMPLEMENTED
    assert row(report, "icrmw-1990", "47").status == PARTIAL
    # the Constitution bars only the extradition of those granted political asylum; a bill is pending
    nonrefoulement = row(report, "refugees-1951", "33")
    assert nonrefoulement.status == PARTIAL and [p.eid for p in nonrefoulement.provisions] == ["art_52__para_2__al_2"]
    assert {op.bill for op in nonrefoulement.pending} == {"2026-refugees-statelessness"}
    # within the external migration law alone, non-refoulement is only in the bill
    assert row(build_report(ROOT, law=str(LAWS / "external-migration")), "refugees-1951", "33").status == PENDING
    assert row(report, "icrmw-1990", "29").status == GAP
    # definitions and scope are not obligations; a compact's objectives are not either
    assert not any(r.article.number == "2" and r.treaty.id == "icrmw-1990" for r in report.rows)
    assert not any(r.treaty.id == "gcm-2018" for r in report.rows)
    assert set(report.counts()) == {IMPLEMENTED, PARTIAL, PENDING, GAP} and len(report.gaps) > 10


def test_collisions_of_the_migrant_worker_and_the_stateless_person(report):
    found = {(c.term, c.treaty.id, c.law, c.eid): c for c in report.collisions}
    worker = found[("трудящийся-мигрант", "icrmw-1990", "external-labour-migration", "art_1__al_1")]
    assert {"будет", "оплачиваемой"} <= set(worker.missing)  # «занималось»: «занимающееся» in another form
    assert {"урегулированный", "статус"} <= set(worker.added)
    assert ("апатрид", "statelessness-1954", "legal-status-foreign-citizens", "art_1-1__al_4") in found
    family = found[("члены семьи", "icrmw-1990", "external-labour-migration", "art_1__al_12")]
    assert "эквивалентную" in family.missing and family.agreement < 0.7
    # «лиц, состоящих в браке» and «лицо, состоящее в браке»: the same words in another case
    assert "состоящее" not in family.added
    # the binding instruments come first
    assert report.collisions[0].treaty.kr.binding


def test_a_pending_bill_is_named_by_its_citation_and_what_it_does(report):
    from lawpatch.render.compliance import _pending_text

    assert _pending_text(row(report, "icrmw-1990", "47")) == [
        "2026-icrmw-family: статья 23 — исключение слов (laws/external-labour-migration, строка 29)"]


def test_the_html_is_self_contained(report):
    page = html(report)
    assert not re.search(r"<script|<link|\bsrc=|url\(|@import", page)
    assert page.count("<tr class=") == len(report.rows)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless Chromium (Debian package chromium) is not installed")
def test_the_matrix_renders_in_headless_chromium(tmp_path, capsys):
    out = tmp_path / "report.html"
    code, _, err = run(capsys, "compliance", "--root", str(ROOT), "-o", str(out))
    assert code == 0, err
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(["chromium", *flags, "--dump-dom", out.as_uri()], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    rows = re.findall(r'<tr class="(implemented|partial|pending|gap)">', dom)
    assert len(rows) == len(build_report(ROOT).rows) and set(rows) >= {"implemented", "partial", "gap"}
    assert 'id="definitions"' in dom and "<del>" in dom and "<ins>" in dom
    shot = tmp_path / "matrix.png"
    subprocess.run(["chromium", *flags, f"--screenshot={shot}", "--window-size=1280,2000", out.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


def test_the_docx_has_the_four_parts_with_marked_differences(tmp_path, capsys):
    import docx

    out = tmp_path / "report.docx"
    code, stdout, stderr = run(capsys, "compliance", "--root", str(ROOT), "--treaty", "icrmw-1990", "-o", str(out))
    assert code == 0 and stdout == "" and "16 obligation(s)" in stderr   # the report is the file; notes on stderr
    doc = docx.Document(str(out))
    assert len(doc.tables) == 3  # instruments, matrix, definitions; the gaps are a numbered list
    definitions = doc.tables[2]
    assert definitions.rows[0].cells[0].text == "Понятие"
    struck = [r.text for c in definitions.columns[1].cells for p in c.paragraphs for r in p.runs if r.font.strike]
    assert any("будет заниматься" in t for t in struck)


def test_the_same_inputs_give_the_same_bytes(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    for name in ("a", "b"):
        for suffix in (".html", ".docx"):
            assert run(capsys, "compliance", "--root", str(ROOT), "-o", str(tmp_path / f"{name}{suffix}"))[0] == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    assert "Дата: 2026-01-01" in (tmp_path / "a.html").read_text(encoding="utf-8")


def test_one_law(capsys, tmp_path):
    out = tmp_path / "r.html"
    code, stdout, _ = run(capsys, "compliance", "--root", str(ROOT), "--law", str(LAWS / "citizenship"), "-o", str(out))
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert "laws/citizenship:" in page and "laws/external-migration:" not in page


@pytest.mark.parametrize("args,code,message", [
    (["--treaty", "nope"], 1, "unknown treaty 'nope'"),
    (["--law", "laws/nowhere"], 2, "no rus.xml here"),
])
def test_bad_input_writes_nothing(capsys, tmp_path, args, code, message):
    out = tmp_path / "r.html"
    rc, _, err = run(capsys, "compliance", "--root", str(ROOT), *args, "-o", str(out))
    assert rc == code and message in err and not out.exists()


def test_a_wrong_suffix_and_a_broken_links_file_write_nothing(capsys, tmp_path):
    rc, _, err = run(capsys, "compliance", "--root", str(ROOT), "-o", str(tmp_path / "r.pdf"))
    assert rc == 2 and "written as .html or .docx" in err and not (tmp_path / "r.pdf").exists()
    root = tmp_path / "repo"
    shutil.copytree(LAWS / "citizenship", root / "laws" / "citizenship")
    (root / "laws/citizenship/links.xml").write_text("<links", encoding="utf-8")
    before = snapshot(root)
    rc, _, err = run(capsys, "compliance", "--root", str(root), "-o", str(root / "r.html"))
    assert rc == 1 and "links.xml:1" in err
    assert snapshot(root) == before
