"""Bills for tests: one patch file around a few ops (patch XML), as drafters write them."""
from __future__ import annotations

from pathlib import Path


def bill_xml(ops: str, href: str = "laws/sample-law", base: str = "rus@2025-07-10", bill_id: str = "t",
             date: str = "2026-11-20", titles: tuple[str, ...] = ("О внесении изменений",), extra: str = "",
             more: str = "") -> str:
    """A bill amending ``href`` with ``ops``; ``titles``: the Russian title (and the Kyrgyz one);
    ``extra``: elements before the <law> (<adopted>, <in-force>); ``more``: further <law> blocks."""
    heads = "".join(f'\n  <title lang="{lang}">{t}</title>' for lang, t in zip(("rus", "kir"), titles))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<amendment xmlns="urn:lawpatch:amendment:1" id="{bill_id}" date="{date}">{heads}{extra}
  <law href="{href}" base="{base}">
{ops}
  </law>{more}
</amendment>
"""


def write_bill(path: Path, ops: str, **fields) -> Path:
    """:func:`bill_xml` written to ``path``."""
    path.write_text(bill_xml(ops, **fields), encoding="utf-8")
    return path


def base_of(root: Path, href: str, lang: str = "rus") -> str:
    """«rus@YYYY-MM-DD»: the expression the law at ``root/href`` is at now."""
    from lawpatch.law import Law

    return f"{lang}@{Law.load(Path(root) / href / f'{lang}.xml').expression_date}"
