"""Every text of the shared corpus, imported: it passes the profile (both schemas, eIds by the
convention, no errors) and every unit's citation resolves back to it (RU and KY)."""
from __future__ import annotations

import pytest

from lawpatch.importer import import_file
from lawpatch.validate import validate_law

from .test_citations import round_trip_failures
from .test_import_corpus import CASES

pytestmark = pytest.mark.slow

TEXTS = sorted(name for name in CASES if name.endswith(".txt") and not name.startswith("fragments/"))


@pytest.mark.parametrize("name", TEXTS)
def test_imported_corpus_text_is_a_valid_law_and_citable(corpus, name):
    law = import_file(corpus / name).law
    errors = [str(f) for f in validate_law(law) if f.severity == "error"]
    assert errors == []
    assert round_trip_failures(law) == []
