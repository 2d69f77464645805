"""Fuzzing laws and bills: whatever the bill and whatever state the law is in, lawpatch either
refuses with its own error or writes laws that it reads back and that validate; and a bill that
checks clean applies."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as hs
from lxml import etree

from lawpatch import structure as st
from lawpatch.errors import LawpatchError
from lawpatch.law import Law
from lawpatch.patch import apply_bill, check_bill, load_bill, write_applied
from lawpatch.validate import validate_paths
from lawpatch.xmlio import PATCH_NS, to_bytes

from .conftest import DATA

P = "{%s}" % PATCH_NS
A = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
LAWS = {lang: Law.load(DATA / "sample-law" / f"{lang}.xml") for lang in ("rus", "kir")}
EIDS = sorted(LAWS["rus"].index) + ["art_9", "art_1__al_9", "art_3__para_2__point_2__point_в", "chp_1"]
FRAGMENTS = ["Статья 5-1. Новая статья\nТекст новой статьи.", "4. Новая часть.", "1-1) новый пункт;",
             "- новое тире;", "в) новый подпункт.", "Новый абзац.", "2. Вторая часть.\n1) пункт;\n2) пункт.",
             "Глава 2. Новая глава", "Статья 3. Повтор", "3-1. Часть три-один."]
KINDS = ["replace-words", "insert-words", "delete-words", "restate", "restate-heading", "insert", "delete", "repeal",
         "renumber"]
# any text XML 1.0 can hold: no surrogates, control characters or the two non-characters U+FFFE, U+FFFF
ANY_TEXT = hs.text(hs.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
                   min_size=1, max_size=40)


def words_of(lang: str, eid: str) -> list[str]:
    """Runs of one to three words of the unit's text (what a drafter quotes), else a stray word."""
    el = LAWS[lang].index.get(eid)
    words = st.own_text(el).split() if el is not None else []
    runs = [" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)]
    return runs or ["мигрант"]


@hs.composite
def op(draw):
    kind = draw(hs.sampled_from(KINDS))
    el = etree.Element(P + kind)
    at = draw(hs.sampled_from(EIDS))
    if kind == "insert":
        el.set(draw(hs.sampled_from(["after", "before", "at"])), at)
    elif kind != "restate" or draw(hs.integers(0, 4)):
        el.set("at", at)
    langs = draw(hs.sampled_from([("rus",), ("rus",), ("kir",), ("rus", "kir")]))
    if len(langs) == 1:
        el.set("lang", langs[0])
    if kind in ("replace-words", "insert-words", "delete-words") and not draw(hs.integers(0, 3)):
        el.set("occurrence", draw(hs.sampled_from(["1", "2", "all", "999999"])))
    if kind == "renumber":
        el.set("to", draw(hs.sampled_from(["1", "2-1", "5", "а", "9"])))
    fields = {"replace-words": ["old", "new"], "insert-words": [draw(hs.sampled_from(["after", "before"])), "new"],
              "delete-words": ["old"], "restate": ["text"], "restate-heading": ["heading"], "insert": ["text"]}
    for name in fields.get(kind, []):
        for lang in langs:
            if not draw(hs.integers(0, 19)):
                continue  # now and then a text is missing
            if name in ("old", "after", "before"):
                value = draw(hs.one_of(hs.sampled_from(words_of(lang, at)), ANY_TEXT))
            elif name == "text":
                value = draw(hs.one_of(hs.sampled_from(FRAGMENTS), ANY_TEXT))
            else:
                value = draw(hs.one_of(hs.sampled_from(["новые слова", "Заголовок", "ж" * 200]), ANY_TEXT))
            if value.strip():
                etree.SubElement(el, P + name, lang=lang).text = value
    return el


@hs.composite
def bill(draw):
    root = etree.Element(P + "amendment", nsmap={None: PATCH_NS})
    root.set("id", "fuzz")
    root.set("date", draw(hs.sampled_from(["2026-11-20", "2025-07-10", "1999-01-01", "2099-12-31"])))
    if draw(hs.booleans()):
        root.set("number", draw(hs.sampled_from(["150", "1-ж", "12/3"])))
    etree.SubElement(root, P + "title", lang="rus").text = "О внесении изменений"
    law = etree.SubElement(root, P + "law", href="laws/sample-law", base="rus@2025-07-10")
    for el in draw(hs.lists(op(), min_size=1, max_size=4)):
        law.append(el)
    return root


def damage(law_path: Path, how: str) -> None:
    """Put the law file in a state a person or another tool may leave it in."""
    tree = etree.parse(str(law_path))
    body = tree.getroot().find(f"{A}act/{A}body")
    units = [el for el in body.iter() if el.get("eId")]
    if how == "duplicate-eid":
        units[5].set("eId", units[4].get("eId"))
    elif how == "wrong-eid":
        units[3].set("eId", "art_7")
    elif how == "drop-unit":
        units[2].getparent().remove(units[2])
    elif how == "drop-meta":
        meta = tree.getroot().find(f"{A}act/{A}meta")
        meta.remove(meta.find(f"{A}lifecycle"))
    elif how == "num-changed":
        body.find(f".//{A}num").text = "Статья 7."
    law_path.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))


def run_property(tmp: Path, root_el, how: str) -> None:
    repo = tmp / "repo"
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(DATA / "sample-law", repo / "laws" / "sample-law")
    if how != "intact":
        damage(repo / "laws" / "sample-law" / "rus.xml", how)
    path = tmp / "bill.xml"
    path.write_bytes(to_bytes(root_el))
    note(f"law {how}; bill:\n{path.read_text(encoding='utf-8')}")
    try:
        parsed = load_bill(path)
        findings = check_bill(parsed, root=repo)
        applied = apply_bill(parsed, root=repo)
    except LawpatchError:
        return
    assert not [f for f in findings if f.severity == "error"], "apply did what check refused"
    for a in applied:
        Law.from_bytes(a.new.to_bytes())  # reads back
    write_applied(applied)
    errors = [f for f in validate_paths([repo / "laws"]) if f.severity == "error" and f.code != "VALIDATE.PARITY"]
    assert not errors, errors


DAMAGE = ["intact"] * 6 + ["duplicate-eid", "wrong-eid", "drop-unit", "drop-meta", "num-changed"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(root_el=bill(), how=hs.sampled_from(DAMAGE))
def test_only_own_errors_and_only_valid_laws(tmp_path, root_el, how):
    run_property(tmp_path, root_el, how)


@pytest.mark.slow
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(root_el=bill(), how=hs.sampled_from(DAMAGE))
def test_only_own_errors_and_only_valid_laws_many(tmp_path, root_el, how):
    run_property(tmp_path, root_el, how)
