"""Regenerate the DOCX templates the outputs are built on: ``python templates/make_templates.py``.

table.docx — A4 landscape, Times New Roman 12, page numbers (comparison table);
law.docx   — A4 portrait, Times New Roman 14, page numbers (consolidated text, redline).
A user may replace either file with their own (same styles: Normal, Table Grid) or pass --template.
"""
from __future__ import annotations

from pathlib import Path

from lawpatch.render import docxbase

HERE = Path(__file__).resolve().parent


def main() -> None:
    for kind in ("table", "law"):
        doc = docxbase.new_template(kind)
        docxbase.save(doc, HERE / f"{kind}.docx", title="")
        print(HERE / f"{kind}.docx")


if __name__ == "__main__":
    main()
