"""Inputs that once ended in a traceback: each is now a clear message, exit status 1 or 2, and
nothing written. One row per input; each row builds its input in a fresh repository."""
from __future__ import annotations

import errno
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from lawpatch import storage

from .conftest import snapshot
from .safety import TWO_FILES, bill_xml, lawpatch, make_repo, no_traceback, write

LAW = "laws/sample-law"


@dataclass
class Case:
    name: str
    make: callable           # (tmp, repo, monkeypatch) -> the command's arguments
    code: int                # the exit status
    says: str                # a piece of the message


def _bill(tmp, text: str) -> Path:
    return write(tmp / "bill.xml", text)


def insert_words_without_new(tmp, repo, mp):
    ops = '<insert-words at="art_1__al_2"><after lang="rus">Выдворение</after><after lang="kir">Чыгарып</after>' \
          '<new lang="kir">жаңы</new></insert-words>'
    return ["apply", "--root", repo, _bill(tmp, bill_xml(ops))]


def occurrence_of_5000_digits(tmp, repo, mp):
    ops = f'<delete-words at="art_1__al_2" lang="rus" occurrence="{"9" * 5000}"><old lang="rus">лиц</old></delete-words>'
    return ["check", "--root", repo, _bill(tmp, bill_xml(ops))]


def law_without_expression_date(tmp, repo, mp):
    path = repo / LAW / "rus.xml"
    path.write_text(path.read_text(encoding="utf-8").replace('<FRBRdate name="Generation" date="2025-07-10"/>', "", 1),
                    encoding="utf-8")
    return ["apply", "--root", repo, _bill(tmp, bill_xml(TWO_FILES))]


def law_without_lifecycle(tmp, repo, mp):
    path = repo / LAW / "kir.xml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("<lifecycle"), text.index("</lifecycle>") + len("</lifecycle>")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return ["table", "--root", repo, _bill(tmp, bill_xml(TWO_FILES)), "-o", tmp / "out" / "t.docx"]


def _pdf(objects: list[bytes]) -> bytes:
    from .test_hostile_inputs import _pdf as pdf

    return pdf(objects)


def pdf_page_that_fails_to_load(tmp, repo, mp):
    path = tmp / "print.pdf"
    path.write_bytes(_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"42"]))
    return ["import", path, "-o", tmp / "out" / "law.xml"]


def text_named_pdf(tmp, repo, mp):
    return ["import", write(tmp / "law.pdf", "Статья 1. Текст\n"), "-o", tmp / "out" / "law.xml"]


def _labels(tmp, data: bytes):
    path = tmp / "labels.json"
    path.write_bytes(data)
    return ["table", "--root", tmp / "repo", _bill(tmp, bill_xml(TWO_FILES)), "-o", tmp / "out" / "t.docx",
            "--labels", path]


def labels_not_json(tmp, repo, mp):
    return _labels(tmp, b'{"absent": ')


def labels_not_utf8(tmp, repo, mp):
    return _labels(tmp, '{"absent": "нет"}'.encode("cp1251"))


def labels_100000_deep(tmp, repo, mp):
    return _labels(tmp, b"[" * 100_000 + b"]" * 100_000)


def labels_with_a_stray_field(tmp, repo, mp):
    return _labels(tmp, json.dumps({"subtitle": "к проекту {bill.__class__}"}).encode())


def full_disk_during_apply(tmp, repo, mp):
    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")
    mp.setattr(storage, "_write_all", full)
    return ["apply", "--root", repo, _bill(tmp, bill_xml(TWO_FILES))]


def source_date_epoch_beyond_docx(tmp, repo, mp):
    mp.setenv("SOURCE_DATE_EPOCH", "5000000000")
    return ["build", "--root", repo, "-o", tmp / "out", _bill(tmp, bill_xml(TWO_FILES))]


def bill_dated_2150(tmp, repo, mp):
    return ["build", "--root", repo, "-o", tmp / "out", _bill(tmp, bill_xml(TWO_FILES, date="2150-01-01"))]


def bill_date_with_a_time_zone(tmp, repo, mp):
    return ["apply", "--root", repo, _bill(tmp, bill_xml(TWO_FILES, date="2026-11-20+05:00"))]


def bill_date_of_five_digits(tmp, repo, mp):
    return ["apply", "--root", repo, _bill(tmp, bill_xml(TWO_FILES, date="10000-01-01"))]


def cp1251_text_file(tmp, repo, mp):
    new = tmp / "new.xml"
    write(new, bill_xml(""))
    text = tmp / "part.txt"
    text.write_bytes("4. Мигранты вправе обжаловать решение.".encode("cp1251"))
    return ["amend", new, "insert", "--after", "art_3__para_3", "--text-file", text, "--root", repo]


CASES = [
    Case("insert-words-without-new", insert_words_without_new, 1, "no <new> text in rus"),
    Case("occurrence-of-5000-digits", occurrence_of_5000_digits, 1, "not valid against amendment.xsd"),
    Case("law-without-expression-date", law_without_expression_date, 1, "FRBRdate"),
    Case("law-without-lifecycle", law_without_lifecycle, 1, "the law has no lifecycle"),
    Case("pdf-page-that-fails-to-load", pdf_page_that_fails_to_load, 1, "page 1 of the PDF cannot be read"),
    Case("text-named-pdf", text_named_pdf, 1, "named .pdf but not a PDF"),
    Case("labels-not-json", labels_not_json, 1, "not valid JSON"),
    Case("labels-not-utf8", labels_not_utf8, 1, "not UTF-8"),
    Case("labels-100000-deep", labels_100000_deep, 1, "nested too deeply"),
    Case("labels-with-a-stray-field", labels_with_a_stray_field, 1, "is not a field of this label"),
    Case("full-disk-during-apply", full_disk_during_apply, 1, "the disk is full"),
    Case("source-date-epoch-beyond-docx", source_date_epoch_beyond_docx, 1, "SOURCE_DATE_EPOCH=5000000000"),
    Case("bill-dated-2150", bill_dated_2150, 1, "the year must be between 1900 and 2107"),
    Case("bill-date-with-a-time-zone", bill_date_with_a_time_zone, 1, "not valid against amendment.xsd"),
    Case("bill-date-of-five-digits", bill_date_of_five_digits, 1, "not valid against amendment.xsd"),
    Case("cp1251-text-file", cp1251_text_file, 2, "not UTF-8 text"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_clear_refusal_and_nothing_written(case, tmp_path, monkeypatch, capsys):
    repo = make_repo(tmp_path / "repo")
    args = case.make(tmp_path, repo, monkeypatch)
    before = snapshot(tmp_path)
    code, out, err = lawpatch(capsys, *args)
    assert code == case.code, out + err
    assert case.says in out + err and no_traceback(out + err)
    assert snapshot(tmp_path) == before
    assert not (tmp_path / "out").exists()


# --- a folder that cannot be written -----------------------------------------------------------------------
@pytest.fixture
def read_only(tmp_path):
    """A folder and a function that seals it: then nothing in it can be written (a read-only mount
    for root, whom permissions do not stop; folders without write permission for anyone else)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        def seal():
            for d in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
                d.chmod(0o555)
        yield folder, seal
        for d in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
            d.chmod(0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("running as root without the right to mount a read-only folder")
    try:
        yield folder, lambda: subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    finally:
        subprocess.run(["umount", str(folder)], check=True)


READ_ONLY = {
    "build": lambda ro, repo, bill: ["build", "--root", repo, "-o", ro / "out", bill],
    "redline": lambda ro, repo, bill: ["redline", "--root", repo, bill, "-o", ro / "redlines"],
    "bill": lambda ro, repo, bill: ["bill", "--root", repo, bill, "-o", ro / "bill.docx"],
    "new": lambda ro, repo, bill: ["new", ro / "new.xml", "--id", "n", "--title-rus", "О", "--law", LAW,
                                   "--root", repo],
    "apply": lambda ro, repo, bill: ["apply", "--root", repo, bill],
}


@pytest.mark.parametrize("command", READ_ONLY)
def test_a_read_only_output_folder_is_a_clear_refusal(command, read_only, tmp_path, capsys):
    ro, seal = read_only
    repo = make_repo(ro / "repo" if command == "apply" else tmp_path / "repo")  # apply: a read-only repository
    bill = _bill(tmp_path, bill_xml(TWO_FILES))
    seal()
    before = snapshot(ro)
    code, out, err = lawpatch(capsys, *READ_ONLY[command](ro, repo, bill))
    assert code == 1, out + err
    assert ("cannot" in err or "outside" in err) and no_traceback(out + err)
    assert snapshot(ro) == before


# --- Kyrgyz numeric citations ------------------------------------------------------------------------------------
@pytest.mark.parametrize("citation", ["1-беренесинин 3-абзацы", "1-берененин 3-абзацы", "1 беренесинин 3 абзацы"])
def test_a_kyrgyz_numeric_abzats_citation_resolves(citation, tmp_path, capsys):
    repo = make_repo(tmp_path / "repo")
    code, out, err = lawpatch(capsys, "show", repo / LAW, citation)
    assert code == 0, err
    assert "eId: art_1__al_3" in out


def test_a_kyrgyz_abzats_that_is_not_a_count_is_refused(tmp_path, capsys):
    repo = make_repo(tmp_path / "repo")
    code, out, err = lawpatch(capsys, "show", repo / LAW, "1-беренесинин 3-1-абзацы")
    assert code == 1 and "an abzats is counted" in err and no_traceback(err)
