"""``lawpatch export-akn``: a bill as an Akoma Ntoso 3.0 document — the instructions as ``mod`` with
``quotedText``/``quotedStructure``, one ``textualMod`` per op with source, destination, old and new —
valid against the official schema (libxml2 and, independently, xmlschema)."""
from __future__ import annotations

import shutil

import pytest
import xmlschema
from lxml import etree

from lawpatch.build import export_akn
from lawpatch.cli import main
from lawpatch.law import Law
from lawpatch.patch import load_bill
from lawpatch.patch.record import MOD_TYPE
from lawpatch.xmlio import AKN_NS

from .conftest import DATA, LAWS

A = "{%s}" % AKN_NS
OFFICIAL = LAWS.parent.parent / "shared" / "akn" / "akomantoso30.xsd"


@pytest.fixture
def repo(tmp_path, sample_dir):
    root = tmp_path / "repo"
    (root / "laws").mkdir(parents=True)
    shutil.move(str(sample_dir), root / "laws" / "sample-law")
    shutil.copytree(LAWS.parent / "treaties", root / "treaties")
    return root


def _printed(el) -> str:
    """The text of an element as printed: quoted words inside their quotes."""
    out = [el.text or ""]
    for child in el:
        inner = _printed(child)
        if child.tag == A + "quotedText":
            inner = f"{child.get('startQuote', '')}{inner}{child.get('endQuote', '')}"
        out.append(inner + (child.tail or ""))
    return "".join(out)


def exported(root, patch, out, lang="rus"):
    count = export_akn(patch, out, root, lang)
    return count, etree.parse(str(out)).getroot()


def test_every_op_kind_as_a_valid_akn_bill(repo, tmp_path):
    patch = DATA / "patches" / "good" / "every-op.xml"
    bill = load_bill(patch)
    ops = [op for la in bill.laws for op in la.ops if op.applies_to("rus")]
    count, doc = exported(repo, patch, tmp_path / "bill.akn.xml")
    assert count == len(ops)
    mods = doc.findall(f".//{A}activeModifications/{A}textualMod")
    assert sorted(m.get("type") for m in mods) == sorted(MOD_TYPE[op.kind] for op in ops)
    ids = {el.get("eId") for el in doc.iter() if el.get("eId")}
    base = Law.load(repo / "laws" / "sample-law" / "rus.xml")
    for m in mods:
        assert m.find(f"{A}source").get("href")[1:] in ids
        for d in m.findall(f"{A}destination"):
            uri, _, eid = d.get("href").partition("/~")
            assert uri == base.expression_uri and (eid in base.index or eid in ("", "longTitle"))
        for ref in m.findall(f"{A}old") + m.findall(f"{A}new"):
            assert ref.get("href")[1:] in ids
    # the words of a replacement are quoted, its old and new point at them
    by_id = {el.get("eId"): el for el in doc.iter() if el.get("eId")}
    pairs = [(by_id[m.find(f"{A}old").get("href")[1:]].text, by_id[m.find(f"{A}new").get("href")[1:]].text)
             for m in mods if m.get("type") == "substitution" and m.find(f"{A}old") is not None]
    assert ("защиты прав", "защиты всех прав") in pairs
    # new units are a quoted structure of AKN units
    assert doc.findall(f".//{A}quotedStructure/{A}paragraph")
    xmlschema.XMLSchema(str(OFFICIAL)).validate(str(tmp_path / "bill.akn.xml"))


def test_the_family_code_bill_of_law_111(tmp_path):
    root = tmp_path / "fc"
    shutil.copytree(DATA / "family-code" / "laws", root / "laws")
    patch = DATA / "family-code" / "amendments" / "2024-190.xml"
    from lawpatch.patch import write_applied
    from lawpatch.patch.apply import apply_bills

    write_applied(apply_bills([load_bill(patch)], root))      # law 111 amends the text law 190 left
    patch = DATA / "family-code" / "amendments" / "2025-111.xml"
    count, doc = exported(root, patch, tmp_path / "111.akn.xml")
    assert count == len(load_bill(patch).laws[0].ops)
    assert doc[0].tag == A + "act" and doc[0].get("name") == "amendingAct"      # adopted: an act
    assert doc.find(f".//{A}FRBRWork/{A}FRBRuri").get("value") == "/akn/kg/act/2025-06-04/111"
    texts = [_printed(p) for p in doc.iter(A + "p")]
    assert "в пункте 1 после слов «в суд» дополнить словами «или к нотариусу»;" in texts
    xmlschema.XMLSchema(str(OFFICIAL)).validate(str(tmp_path / "111.akn.xml"))


def test_cli_and_a_bill_that_does_not_apply(repo, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["export-akn", str(DATA / "patches" / "good" / "every-op.xml"), "-o", str(tmp_path / "b.xml"),
              "--root", str(repo)])
    assert exc.value.code == 0 and "textual modification(s)" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["export-akn", str(DATA / "patches" / "bad" / "old-words-missing.xml"), "-o", str(tmp_path / "c.xml"),
              "--root", str(repo)])
    assert exc.value.code == 1 and not (tmp_path / "c.xml").exists()


def test_a_single_instruction(repo, tmp_path):
    """One instruction is not numbered: «Внести …» and the instruction are the article's content."""
    from lawpatch.patch.model import Bill, Kind, LawAmendment, Op, Target, Texts
    from lawpatch.patch.write import bill_element
    from lawpatch.xmlio import to_bytes

    op = Op(Kind.DELETE_WORDS, Target(("art_1__al_3",)), old=Texts.of(rus="или выезжающее из нее"), lang="rus")
    bill = Bill(id="one", date="2026-11-20", titles=Texts.of(rus="О внесении изменения"), path="one.xml",
                laws=(LawAmendment("laws/sample-law", "rus@2025-07-10", (op,), 0),))
    (tmp_path / "one.xml").write_bytes(to_bytes(bill_element(bill)))
    count, doc = exported(repo, tmp_path / "one.xml", tmp_path / "one.akn.xml")
    article = doc.find(f".//{A}body/{A}article")
    assert count == 1 and article.find(f"{A}intro") is None
    assert [_printed(p) for p in article.iter(A + "p")][1] == \
        "В абзаце третьем статьи 1 слова «или выезжающее из нее» исключить."
