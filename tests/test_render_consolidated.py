"""The consolidated text DOCX of a law."""
from __future__ import annotations

import docx
import pytest
from docx.enum.section import WD_ORIENT

from lawpatch.law import Law
from lawpatch.render.consolidated import law_blocks, write_docx


def test_paragraphs_are_the_law_as_printed(sample_dir, tmp_path):
    law = Law.load(sample_dir / "rus.xml")
    out = tmp_path / "law.docx"
    write_docx(law, out)
    doc = docx.Document(str(out))
    blocks = law_blocks(law)
    assert [p.text for p in doc.paragraphs] == [b.text for b in blocks]
    assert blocks[0].text == "ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ"
    assert doc.sections[0].orientation == WD_ORIENT.PORTRAIT
    assert doc.sections[0].page_height > doc.sections[0].page_width


def test_styles_of_articles_notes_and_repealed_units(sample_dir, tmp_path):
    law = Law.load(sample_dir / "rus.xml")
    out = tmp_path / "law.docx"
    write_docx(law, out)
    by_text = {p.text: p for p in docx.Document(str(out)).paragraphs}
    art1 = next(b for b in law_blocks(law) if b.style == "article")
    assert art1.text.startswith("Статья 1.")
    assert all(r.bold for r in by_text[art1.text].runs)
    note = "(Утратила силу в соответствии с Законом КР от 10 июля 2025 года № 137)"
    assert "Статья 4." in by_text
    runs = by_text[note].runs
    assert runs and all(r.italic for r in runs) and runs[0].font.size.pt == 12


def test_title_block(sample_dir):
    law = Law.load(sample_dir / "rus.xml")
    assert [b.text for b in law_blocks(law)[:3]] == ["ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ", "от 17 июля 2000 года № 61",
                                                     "О внешней миграции"]
    ky = law_blocks(Law.load(sample_dir / "kir.xml"))
    assert ky[0].text == "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ"
    assert ky[1].text == "2000-жылдын 17-июлундагы № 61"


def test_a_code_is_headed_by_its_own_name(sample_dir):
    from lawpatch.structure import A

    law = Law.load(sample_dir / "rus.xml")
    law.act.find(f".//{A}FRBRWork/{A}FRBRname").set("value", "Трудовой кодекс Кыргызской Республики")
    assert [b.text for b in law_blocks(law)[:2]] == ["ТРУДОВОЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ",
                                                     "от 17 июля 2000 года № 61"]


def test_deterministic(sample_dir, tmp_path):
    law = Law.load(sample_dir / "rus.xml")
    write_docx(law, tmp_path / "a.docx")
    write_docx(law, tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_committed_templates_are_what_the_script_makes(monkeypatch):
    from pathlib import Path

    from lawpatch.render import docxbase

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for kind in ("table", "law"):
        committed = Path(docxbase.TEMPLATES) / f"{kind}.docx"
        if not committed.is_file():
            pytest.skip(f"{committed} is not here")
        assert docxbase.to_bytes(docxbase.new_template(kind), title="") == committed.read_bytes(), \
            f"{committed} differs from templates/make_templates.py: run the script and commit"
