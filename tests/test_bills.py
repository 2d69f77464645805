"""The bills in amendments/: they target real units, quote the real old words, cite treaty
articles, pass the check, apply to a copy of the laws, and the result validates."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawpatch import structure as st
from lawpatch.law import Law
from lawpatch.patch import apply_bill, check_bill, load_bill, write_applied
from lawpatch.xmlio import PATCH_NS, parse

from .conftest import ROOT

BILLS = sorted((ROOT / "amendments").glob("*.xml"))
P = "{%s}" % PATCH_NS
WORD_OPS = {"replace-words": "old", "delete-words": "old", "insert-words": "after"}


def ops_of(path: Path):
    """(law href, op element) of every op in a bill, read straight from its XML."""
    for law in parse(path).getroot().iter(P + "law"):
        for op in law:
            if isinstance(op.tag, str) and op.tag.startswith(P):
                yield law.get("href"), op


def law_at(href: str) -> Law:
    return Law.load(ROOT / href / "rus.xml")


def test_there_are_bills_with_six_op_kinds():
    assert len(BILLS) >= 3
    kinds = {op.tag[len(P):] for path in BILLS for _, op in ops_of(path)}
    assert len(kinds) >= 6, kinds


@pytest.mark.parametrize("path", BILLS, ids=lambda p: p.stem)
def test_bill_has_titles_in_both_languages(path):
    titles = {t.get("lang"): t.text for t in parse(path).getroot().findall(P + "title")}
    assert set(titles) == {"rus", "kir"}
    assert titles["rus"].startswith("О внесении изменений")
    assert "өзгөртүүлөрдү киргизүү жөнүндө" in titles["kir"]


@pytest.mark.parametrize("path", BILLS, ids=lambda p: p.stem)
def test_every_op_targets_a_real_unit_with_treaty_reasons(path):
    for href, op in ops_of(path):
        law = law_at(href)
        target = op.get("at") or op.get("after") or op.get("before")
        assert target in law, f"{path.name}:{op.sourceline}: {target} not in {href}"
        reasons = op.findall(P + "reason")
        assert reasons and all(r.get("treaty") and r.get("article") for r in reasons), op.sourceline


@pytest.mark.parametrize("path", BILLS, ids=lambda p: p.stem)
def test_old_words_are_quoted_exactly_once(path):
    for href, op in ops_of(path):
        field = WORD_OPS.get(op.tag[len(P):])
        if field is None:
            continue
        law = law_at(href)
        text = st.own_text(law.get(op.get("at")))
        for words in op.findall(P + field):
            assert text.count(words.text) == 1, f"{path.name}:{words.sourceline}: «{words.text}»"


@pytest.mark.parametrize("path", BILLS, ids=lambda p: p.stem)
def test_citations_in_words_name_the_target(path):
    from lawpatch.citations import resolve

    for href, op in ops_of(path):
        if op.get("cite"):
            assert resolve(law_at(href), op.get("cite")) == op.get("at"), f"{path.name}:{op.sourceline}"


# --- check, apply, validate, amending law ----------------------------------------------------------
@pytest.fixture
def repo(tmp_path) -> Path:
    """A copy of the laws and bills to apply to."""
    shutil.copytree(ROOT / "laws", tmp_path / "laws")
    shutil.copytree(ROOT / "amendments", tmp_path / "amendments")
    return tmp_path


@pytest.mark.parametrize("path", BILLS, ids=lambda p: p.stem)
def test_bill_checks_applies_and_validates(path, repo):
    from lawpatch.validate import validate_paths

    bill = load_bill(repo / "amendments" / path.name)
    errors = [f for f in check_bill(bill, root=repo) if f.severity == "error"]
    assert not errors, "\n".join(map(str, errors))
    applied = apply_bill(bill, root=repo)
    write_applied(applied)
    findings = validate_paths([str(a.path) for a in applied])
    assert not [f for f in findings if f.severity == "error"], "\n".join(map(str, findings))


@pytest.mark.parametrize("path", BILLS, ids=lambda p: p.stem)
def test_bill_text_quotes_the_old_words(path):
    from lawpatch.billtext import bill_text

    text = bill_text(load_bill(path), "rus", root=ROOT)
    assert text.startswith("Проект\n\nЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ")
    for _, op in ops_of(path):
        field = WORD_OPS.get(op.tag[len(P):])
        for words in op.findall(P + field) if field else ():
            assert f"«{words.text}»" in text
