"""The project's schemas read by a second, independent XSD processor (xmlschema, pure Python).

lawpatch validates with libxml2 (lxml) for speed and exact lines; xmlschema here proves the
schemas are well-formed XSD 1.0 and that both processors agree on what is valid, so a libxml2
quirk cannot let an invalid law or bill through.
"""
from __future__ import annotations

import functools

import pytest
import xmlschema

from lawpatch.law import law_files
from lawpatch.schemas import compiled as lxml_schema
from lawpatch.xmlio import XmlError, parse

from .conftest import DATA, LAWS, ROOT

SCHEMAS = ROOT / "schemas"


@functools.lru_cache(maxsize=None)
def xsd(name: str) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / name))


@pytest.mark.parametrize("name", ["kr-profile.xsd", "amendment.xsd", "treaty.xsd", "links.xsd"])
def test_schema_is_valid_xsd(name):
    assert xsd(name).validity == "valid"


@pytest.mark.parametrize("path", sorted(law_files(DATA / "sample-law")) + sorted(law_files(LAWS))[:3],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_laws_valid_for_both_processors(path):
    assert xsd("kr-profile.xsd").is_valid(str(path))


@pytest.mark.parametrize("path", sorted((ROOT / "amendments").glob("*.xml")) + sorted((ROOT / "treaties").glob("*.xml")),
                         ids=lambda p: p.name)
def test_bills_and_treaties_valid_for_both_processors(path):
    name = "amendment.xsd" if path.parent.name == "amendments" else "treaty.xsd"
    assert xsd(name).is_valid(str(path))


@pytest.mark.parametrize("path", sorted(LAWS.glob("*/links.xml")), ids=lambda p: p.parent.name)
def test_links_valid_for_both_processors(path):
    assert xsd("links.xsd").is_valid(str(path))


def _well_formed(path) -> bool:
    try:
        parse(path)
    except XmlError:
        return False
    return True


BAD = [p for p in sorted((DATA / "patches" / "bad").glob("*.xml")) if _well_formed(p)]


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_processors_agree_on_every_bad_patch(path):
    """A bad patch refused by the schema is refused by both; one refused later (by the checks
    against the law) passes both."""
    tree = parse(path)
    assert lxml_schema("amendment.xsd").validate(tree) == xsd("amendment.xsd").is_valid(str(path))
