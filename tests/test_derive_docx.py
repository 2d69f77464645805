"""``lawpatch derive`` from a Word document: the consolidated text ``lawpatch render`` wrote (each
paragraph marked with its unit), edited in Word with Track Changes on (``w:del`` + ``w:ins`` as
Word writes them) and off; a document without the marks is read by aligning its text, with a
warning; another act's document, an empty or corrupt file are refused and nothing is written."""
from __future__ import annotations

import shutil
import zipfile

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from lawpatch.cli import main
from lawpatch.derive import derive
from lawpatch.law import Law
from lawpatch.patch import apply_bill, load_bill
from lawpatch.patch.model import Kind
from lawpatch.render.consolidated import MARK, write_docx
from lawpatch.textrender import law_text

from .conftest import DATA, LAWS, snapshot


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    (root / "laws" / "sample").mkdir(parents=True)
    shutil.copy(DATA / "sample-law" / "rus.xml", root / "laws" / "sample" / "rus.xml")
    (root / "amendments").mkdir()
    return root


def _paragraph(document, start: str):
    return next(p for p in document.paragraphs if p.text.startswith(start))


def tracked_replace(paragraph, old: str, new: str, author: str = "Drafter") -> None:
    """Replace ``old`` by ``new`` in the paragraph as Word does with Track Changes on: the run split,
    the old words in ``w:del/w:r/w:delText``, the new ones in ``w:ins/w:r/w:t``."""
    run = next(r for r in paragraph.runs if old in r.text)
    before, after = run.text.split(old, 1)
    run.text = before
    stamp = {qn("w:author"): author, qn("w:date"): "2026-11-20T10:00:00Z"}
    deleted = OxmlElement("w:del")
    inserted = OxmlElement("w:ins")
    for el, k in ((deleted, "1001"), (inserted, "1002")):
        el.set(qn("w:id"), k)
        for key, value in stamp.items():
            el.set(key, value)
    for holder, tag, text in ((deleted, "w:delText", old), (inserted, "w:t", new)):
        r = OxmlElement("w:r")
        t = OxmlElement(tag)
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        holder.append(r)
    tail = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = after
    tail.append(t)
    run._r.addnext(deleted)
    deleted.addnext(inserted)
    inserted.addnext(tail)


def untracked_replace(paragraph, old: str, new: str) -> None:
    run = next(r for r in paragraph.runs if old in r.text)
    run.text = run.text.replace(old, new, 1)


def edited_document(law_path, out, tracked, untracked):
    write_docx(Law.load(law_path), out)
    document = docx.Document(str(out))
    tracked_replace(_paragraph(document, tracked[0]), *tracked[1:])
    untracked_replace(_paragraph(document, untracked[0]), *untracked[1:])
    document.save(str(out))
    return out


def test_render_marks_each_paragraph_with_its_unit(repo, tmp_path):
    law = Law.load(repo / "laws" / "sample" / "rus.xml")
    write_docx(law, tmp_path / "law.docx")
    with zipfile.ZipFile(tmp_path / "law.docx") as z:
        core = z.read("docProps/core.xml").decode()
    assert law.expression_uri in core
    paragraphs = docx.Document(str(tmp_path / "law.docx")).paragraphs
    marked = [p.text for p in paragraphs if any(b.get(qn("w:name"), "").startswith(MARK)
                                                 for b in p._p.iter(qn("w:bookmarkStart")))]
    unmarked = [p.text for p in paragraphs if p.text not in marked]
    assert unmarked == ["ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ", "от 17 июля 2000 года № 61", "О внешней миграции"]
    assert len(marked) == len(paragraphs) - 3


def test_a_tracked_and_an_untracked_edit_make_exactly_those_ops(repo, tmp_path):
    path = edited_document(repo / "laws" / "sample" / "rus.xml", tmp_path / "edited.docx",
                           ("- обеспечение защиты прав", "защиты", "охраны"),
                           ("3. Ограничения прав", "законом", "федеральным законом"))
    result = derive("laws/sample", path, repo / "amendments" / "bill.xml", root=repo)
    assert not result.refused, result.findings
    assert not [f for f in result.findings if f.code == "DERIVE.MARKS"]
    ops = result.bill.laws[0].ops
    assert [(op.kind, op.target.unit, op.old.get("rus"), op.new.get("rus"), op.anchor.get("rus")) for op in ops] == [
        (Kind.REPLACE_WORDS, "art_2__indent_2", "защиты", "охраны", None),
        (Kind.INSERT_WORDS, "art_3__para_3", None, "федеральным", "устанавливаются")]
    (applied,) = apply_bill(load_bill(repo / "amendments" / "bill.xml"), repo)
    assert "охраны прав мигрантов" in law_text(applied.new)


def test_a_document_without_marks_is_read_by_its_text_with_a_warning(repo, tmp_path):
    document = docx.Document()
    text = law_text(Law.load(repo / "laws" / "sample" / "rus.xml")).replace("[ред.] ", "")
    for line in text.replace("законом.", "конституционным законом.").splitlines():
        if line.strip():
            document.add_paragraph(line)
    document.save(str(tmp_path / "typed.docx"))
    result = derive("laws/sample", tmp_path / "typed.docx", repo / "amendments" / "bill.xml", root=repo)
    assert not result.refused, result.findings
    assert [f.severity for f in result.findings if f.code == "DERIVE.MARKS"] == ["warning"]
    assert [op.kind for op in result.bill.laws[0].ops] == [Kind.INSERT_WORDS]


def test_another_acts_document_empty_or_corrupt_files_are_refused(repo, tmp_path, monkeypatch, capsys):
    write_docx(Law.load(LAWS / "citizenship" / "rus.xml"), tmp_path / "other.docx")
    (tmp_path / "empty.docx").write_bytes(b"")
    (tmp_path / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not a zip archive at all")
    with zipfile.ZipFile(tmp_path / "nodoc.docx", "w") as z:
        z.writestr("hello.txt", "no document here")
    monkeypatch.chdir(repo)
    before = snapshot(repo)
    for name, words in (("other.docx", "another act"), ("empty.docx", "empty"), ("corrupt.docx", "Word document"),
                        ("nodoc.docx", "without word/document.xml")):
        with pytest.raises(SystemExit) as exc:
            main(["derive", "laws/sample", str(tmp_path / name), "-o", "amendments/x.xml"])
        assert exc.value.code == 2, name
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err, (name, err)
    assert snapshot(repo) == before


@pytest.mark.slow
def test_the_family_code_edited_in_word(corpus, tmp_path):
    """The Family Code rendered, one tracked edit and one untracked: the bill makes exactly those."""
    from lawpatch.importer import import_file

    root = tmp_path / "repo"
    (root / "laws" / "family-code").mkdir(parents=True)
    law_path = root / "laws" / "family-code" / "rus.xml"
    import_file(corpus / "family-code-2003-201.ru.txt").law.save(law_path)
    path = edited_document(law_path, tmp_path / "fc.docx",
                           ("1. Лицо, имеющее право на получение алиментов", "в суд", "в суд или к нотариусу"),
                           ("1. Администрация организации, производившая удержание", "решения суда",
                            "решения суда, нотариального приказа"))
    result = derive("laws/family-code", path, root / "amendments.xml", root=root)
    assert not result.refused, result.findings
    ops = result.bill.laws[0].ops
    assert [(op.kind, op.target.unit, op.anchor.get("rus"), op.new.get("rus")) for op in ops] == [
        (Kind.INSERT_WORDS, "art_112__para_1", "суд", "или к нотариусу"),
        (Kind.INSERT_WORDS, "art_116__para_1", "суда", ", нотариального приказа")]


def test_the_marks_pair_a_rewritten_paragraph_with_its_unit(repo, tmp_path):
    """The drafter deletes one definition and rewrites the next through and through: by its mark
    the rewritten paragraph is its own unit restated and the other is excluded — where the text
    alone would pair the rewritten words with the unit that now stands in that place."""
    new_words = "Мигрант означает любое лицо, прибывающее в страну на срок более трех месяцев."

    def edit(paragraphs):
        out = []
        for line in paragraphs:
            if line.startswith("Выдворение - принудительное"):
                continue
            out.append(new_words if line.startswith("Мигрант - лицо") else line)
        return out

    write_docx(Law.load(repo / "laws" / "sample" / "rus.xml"), tmp_path / "marked.docx")
    document = docx.Document(str(tmp_path / "marked.docx"))
    gone = _paragraph(document, "Выдворение - принудительное")
    gone._p.getparent().remove(gone._p)
    rewritten = _paragraph(document, "Мигрант - лицо")
    for run in rewritten.runs[1:]:
        run.text = ""
    rewritten.runs[0].text = new_words
    document.save(str(tmp_path / "marked.docx"))
    result = derive("laws/sample", tmp_path / "marked.docx", repo / "amendments" / "a.xml", root=repo, write=False)
    assert not result.refused, result.findings
    assert sorted((op.kind.value, op.target.unit) for op in result.bill.laws[0].ops) == [
        ("delete", "art_1__al_2"), ("restate", "art_1__al_3")]
    typed = docx.Document()
    text = law_text(Law.load(repo / "laws" / "sample" / "rus.xml")).replace("[ред.] ", "")
    for line in edit([x for x in text.splitlines() if x.strip()]):
        typed.add_paragraph(line)
    typed.save(str(tmp_path / "typed.docx"))
    result = derive("laws/sample", tmp_path / "typed.docx", repo / "amendments" / "b.xml", root=repo, write=False)
    assert not result.refused, result.findings
    assert sorted((op.kind.value, op.target.unit) for op in result.bill.laws[0].ops) == [
        ("delete", "art_1__al_3"), ("restate", "art_1__al_2")]
