"""The measure of the importer's structure: two imports of one act must agree.

For two redactions of an act (the database's text of one year against the PDF print of another)
and for two formats of one redaction (a Word file and its text), every article whose words are
the same on both sides must have the same units — the same kinds and numbers, i.e. the same eIds —
on both sides. A difference means one side read the structure wrong (a wrapped line taken for an
abzats, two abzats run together, a heading cut), and each is listed with both texts.
"""
from __future__ import annotations

import re

import pytest

from lawpatch import structure as st
from lawpatch.importer import import_file
from lawpatch.structure import A

pytestmark = pytest.mark.slow

CONSTITUTION_KY = {"title": "Кыргыз Республикасынын Конституциясы", "date": "2021-05-05", "number": "constitution"}
# (old, new, overrides, how many articles at least have the same words on both sides)
PAIRS = {
    "family-code 2022 txt / 2025 pdf": ("family-code-2003-201.ru.txt", "orig/family-code-2003-201.ed2025.ru.pdf", {}, 125),
    "civil-code-1 2024 txt / 2025 pdf": ("civil-code-part1-1996-15.ru.txt", "orig/civil-code-part1-1996-15.ed2025.ru.pdf", {}, 395),
    "civil-code-1 ky txt / docx": ("civil-code-part1-1996-15.ky.txt", "orig/civil-code-part1-1996-15.ky.docx", {}, 440),
    "labour-code ky txt / docx": ("labour-code-2004-106.ky.txt", "orig/labour-code-2004-106.ky.docx", {}, 450),
    "tax-code ky txt / docx": ("tax-code-2022-3.ky.txt", "orig/tax-code-2022-3.ky.docx", {}, 480),
    "constitution ky txt / docx": ("constitution-2021.ky.txt", "orig/constitution-2021.ky.docx", CONSTITUTION_KY, 110),
}
_WORD = re.compile(r"\w+")


def article_words(article) -> str:
    """The article's normative words (headings and text, not numbers or editorial notes)."""
    words = []
    for el in article.iter(A + "heading", A + "p"):
        if el.tag == A + "p" and st.is_editorial(el):
            continue
        words += _WORD.findall("".join(el.itertext()).lower())
    return " ".join(words)


def article_units(article) -> list[str]:
    return [el.get("eId") for el in st.iter_units(article) if el is not article]


def disagreements(old, new) -> tuple[int, list[str]]:
    """How many articles have the same words on both sides, and a report of each of those whose
    units differ (both units lists and both texts) or whose number differs («Статья 2331» read
    as 2331 on one side, 233-1 on the other)."""
    theirs = {a.get("eId"): a for a in new.articles()}
    by_words: dict[str, set[str]] = {}
    for a in new.articles():
        by_words.setdefault(article_words(a), set()).add(a.get("eId"))
    same, report = 0, []
    for article in old.articles():
        other = theirs.get(article.get("eId"))
        words = article_words(article)
        if article.get("eId") not in by_words.get(words, {article.get("eId")}):
            report.append(f"== {article.get('eId')} in {old.source} is {' '.join(sorted(by_words[words]))} in "
                          f"{new.source}: " + " ".join(st.unit_lines(article)[:1]))
            continue
        if other is None or words != article_words(other):
            continue
        same += 1
        if article_units(article) != article_units(other):
            report.append("\n".join([
                f"== {article.get('eId')}",
                f"-- {old.source}: {' '.join(article_units(article))}", *st.unit_lines(article),
                f"-- {new.source}: {' '.join(article_units(other))}", *st.unit_lines(other)]))
    return same, report


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_unchanged_articles_have_the_same_units(corpus, name):
    old_name, new_name, overrides, at_least = PAIRS[name]
    old = import_file(corpus / old_name, **overrides).law
    new = import_file(corpus / new_name, **overrides).law
    same, report = disagreements(old, new)
    assert same >= at_least, f"only {same} articles with the same words: the two imports hardly match"
    assert not report, f"{len(report)} of {same} unchanged articles differ in their units:\n" + "\n".join(report)
