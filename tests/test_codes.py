"""Every finding code the tool reports is registered (lawpatch.codes) and described in the docs."""
from __future__ import annotations

import re

from lawpatch.codes import CODES

from .conftest import ROOT

CODE = re.compile(r'"((?:CHECK|PATCH|VALIDATE|IMPORT|TREATY|CITE|STORAGE|PARITY|REFS|TRACE|DERIVE|PARSE|BILL|BUILD|LINKS|COMPARE)'
                  r'\.[A-Z_]+)"')


def test_every_code_in_the_code_is_registered():
    used = {m.group(1) for path in (ROOT / "src").rglob("*.py") for m in CODE.finditer(path.read_text("utf-8"))}
    assert used - set(CODES) == set()


def test_every_registered_code_is_documented():
    docs = "\n".join(p.read_text("utf-8") for p in (ROOT / "docs").glob("*.md"))
    assert [code for code in CODES if code not in docs] == []
