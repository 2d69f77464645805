"""Shared by the render tests: read DOCX back, hand-built comparisons."""
from __future__ import annotations

from lawpatch.compare.model import LawComparison, Segment, UnitChange

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def change(kind, segments, eid="art_5__para_1", article="art_5", label="Статья 5. Права", reasons=(), citation=""):
    segs = tuple(Segment(op, text) for op, text in segments)
    old = "".join(s.text for s in segs if s.op != "insert")
    new = "".join(s.text for s in segs if s.op != "delete")
    return UnitChange(kind, eid if old else None, eid if new else None, old, new, segs, article, label,
                      citation, tuple(reasons))


CHANGED = change("changed", [("equal", "1. Иностранные граждане "), ("delete", "временно"),
                             ("insert", "постоянно"), ("equal", " проживают в Кыргызской Республике.")],
                 reasons=["МКЗТМ, ст. 4"], citation="часть 1 статьи 5")
INSERTED = change("inserted", [("insert", "3. Новая часть.\n1) первый пункт;")], eid="art_5__para_3",
                  citation="часть 3 статьи 5")
DELETED = change("deleted", [("delete", "2. Старая часть.")], eid="art_5__para_2")
REPEALED = UnitChange("repealed", "art_6", "art_6", "Статья 6. Старое\nТекст статьи.", "Статья 6.",
                      (Segment("delete", "Статья 6. Старое\nТекст статьи."), Segment("insert", "Статья 6.")),
                      "art_6", "Статья 6. Старое")


def comparison(lang="rus", title="О внешней миграции", changes=(CHANGED, INSERTED, DELETED, REPEALED)):
    return LawComparison(lang, title, "/old", "/new", tuple(changes))


def cell_text(cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs)


def marked_runs(cell, strike=None) -> list[str]:
    """Texts of the bold runs of a cell (only struck ones when strike=True, only plain ones when False)."""
    out = []
    for p in cell.paragraphs:
        for r in p.runs:
            if r.bold and (strike is None or bool(r.font.strike) == strike):
                out.append(r.text)
    return out
