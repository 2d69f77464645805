"""The redline: accepting every tracked change gives the new text, rejecting every one the old."""
from __future__ import annotations

import copy
import zipfile

from lxml import etree

from lawpatch import structure as st
from lawpatch.law import Law
from lawpatch.render.consolidated import law_blocks
from lawpatch.render.redline import write_redline

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _body(path):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


def _para_mark(p, kind):
    return p.find(f"{W}pPr/{W}rPr/{W}{kind}") is not None


def _resolve(body, accept: bool) -> list[str]:
    """Accept (or reject) every change: drop w:del (w:ins), unwrap the other, drop paragraphs whose
    mark is deleted (inserted); the text of each paragraph left."""
    body = copy.deepcopy(body)
    drop, keep = ("del", "ins") if accept else ("ins", "del")
    out = []
    for p in body.iter(f"{W}p"):
        if _para_mark(p, drop):
            continue
        for el in list(p.iter(f"{W}{drop}")):
            if el.getparent().tag != f"{W}rPr":
                el.getparent().remove(el)
        out.append("".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText")))
    return out


def _edited(law: Law) -> Law:
    new = Law.from_bytes(law.to_bytes())
    p = new.get("art_1__al_2").find(f".//{st.A}p")
    p.text = p.text.replace("принудительное", "вынужденное") + " Новое предложение."
    gone = new.get("art_2")
    gone.getparent().remove(gone)
    al = new.get("art_1__al_3")
    twin = copy.deepcopy(al)
    twin.find(f".//{st.A}p").text = "Совершенно другой абзац о чём-то ином."
    al.addnext(twin)
    new.reindex()
    return new


def test_accept_all_gives_new_text_reject_all_old(sample_dir, tmp_path):
    old = Law.load(sample_dir / "rus.xml")
    new = _edited(old)
    out = tmp_path / "r.docx"
    write_redline(None, old, new, out, "Министерство юстиции", "2025-05-01")
    body = _body(out)
    assert _resolve(body, accept=True) == [b.text for b in law_blocks(new)]
    assert _resolve(body, accept=False) == [b.text for b in law_blocks(old)]


def test_marks_carry_author_date_and_sequential_ids(sample_dir, tmp_path):
    old = Law.load(sample_dir / "rus.xml")
    out = tmp_path / "r.docx"
    write_redline(None, old, _edited(old), out, "Министерство юстиции", "2025-05-01")
    body = _body(out)
    marks = [el for el in body.iter(f"{W}ins", f"{W}del")]
    assert marks
    assert [int(m.get(f"{W}id")) for m in marks] == list(range(1, len(marks) + 1))
    assert {m.get(f"{W}author") for m in marks} == {"Министерство юстиции"}
    assert {m.get(f"{W}date") for m in marks} == {"2025-05-01T00:00:00Z"}
    deleted_words = "".join(t.text for t in body.iter(f"{W}delText"))
    assert "принудительное" in deleted_words
    # whole removed article: its paragraph marks are deleted too
    assert any(_para_mark(p, "del") for p in body.iter(f"{W}p"))
    assert any(_para_mark(p, "ins") for p in body.iter(f"{W}p"))
    assert not any(t.text and "принудительное" in t.text for t in body.iter(f"{W}t"))


def test_same_law_has_no_marks_and_is_deterministic(sample_dir, tmp_path):
    old = Law.load(sample_dir / "rus.xml")
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    write_redline(None, old, old, a, "x", "2025-05-01")
    write_redline(None, old, old, b, "x", "2025-05-01")
    assert a.read_bytes() == b.read_bytes()
    assert next(_body(a).iter(f"{W}ins", f"{W}del"), None) is None
