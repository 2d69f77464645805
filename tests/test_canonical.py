"""The one writer is canonical: every law of laws/ and the sample come back byte-identical
after Law.load + save, so a git diff of a law only ever shows what an edit changed."""
from __future__ import annotations

from pathlib import Path

import pytest

from lawpatch.law import Law, law_files

ROOT = Path(__file__).resolve().parents[1]
FILES = law_files(ROOT / "laws") + sorted((ROOT / "tests" / "data" / "sample-law").glob("*.xml"))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_load_and_save_is_byte_identical(path, tmp_path):
    out = tmp_path / "law.xml"
    Law.load(path).save(out)
    assert out.read_bytes() == path.read_bytes()
