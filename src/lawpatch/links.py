"""Which treaty articles a law's units carry out: ``laws/<slug>/links.xml`` (schema ``links.xsd``),
keyed by eId beside the law, so that a re-import of the law from the official text keeps them.

``lawpatch apply`` keeps the file in step (:func:`updated`): renumbered units take their new eIds,
repealed and deleted units lose their links, and the units a bill changes gain its ops' reasons.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from . import structure as st
from .errors import Finding, FindingsError
from .law import SIDECARS
from .xmlio import LINKS_NS, XmlError, parse, to_bytes

FILE = SIDECARS[0]      # laws/<slug>/links.xml: law_files leaves it out
L = "{%s}" % LINKS_NS


@dataclass(frozen=True)
class Link:
    """A unit of the law (eId) that carries out a treaty's article."""

    eid: str
    treaty: str
    article: str
    extent: str = "full"         # or "partial"
    note: str = ""
    bill: str = ""               # the bill whose op's reason made it
    line: int | None = None

    @property
    def key(self) -> tuple:
        return (self.eid, self.treaty, self.article)


def load_links(folder: str | Path) -> list[Link]:
    """The links of the law in ``folder`` ([] where it has no links.xml); a file that is not valid
    raises :class:`FindingsError` (``LINKS.XML``, ``LINKS.SCHEMA``) with its lines."""
    from .schemas import schema_findings

    path = Path(folder) / FILE
    if not path.is_file():
        return []
    try:
        tree = parse(path)
    except XmlError as exc:
        raise FindingsError([exc.finding("LINKS.XML")]) from exc
    errors = schema_findings(tree, str(path), "links.xsd", code="LINKS.SCHEMA")
    if errors:
        raise FindingsError(errors)
    return [Link(el.get("eId"), el.get("treaty"), el.get("article"), el.get("extent", "full"),
                 el.get("note") or "", el.get("bill") or "", el.sourceline)
            for el in tree.getroot().iter(L + "link")]


def links_findings(folder: str | Path, law=None, registry=None) -> list[Finding]:
    """Every problem of a law's links.xml: not valid, a unit the law does not have (``LINKS.UNIT``),
    a treaty article the registry does not have (``LINKS.TREATY``)."""
    from .law import Law
    from .treaties import load_registry

    folder = Path(folder)
    try:
        links = load_links(folder)
    except FindingsError as exc:
        return exc.findings
    if not links:
        return []
    law = law or Law.load(folder / "rus.xml" if (folder / "rus.xml").is_file() else folder / "kir.xml")
    registry = registry or load_registry(folder.parent.parent)
    path = str(folder / FILE)
    out = []
    for link in links:
        if link.eid not in law:
            out.append(Finding("LINKS.UNIT", f"no unit {link.eid} in {law.source}", file=path, line=link.line,
                               unit=link.eid, hint=law.nearby_hint(link.eid)))
        problem = registry.problem(link.treaty, link.article)
        if problem:
            out.append(Finding("LINKS.TREATY", problem, file=path, line=link.line, unit=link.eid,
                               hint=registry.hint(link.treaty)))
    return out


def to_xml(links: list[Link]) -> bytes:
    """The file's canonical bytes: links in the law's order is the caller's, kept as given."""
    root = etree.Element(L + "links", nsmap={None: LINKS_NS})
    for link in links:
        attrs = {"eId": link.eid, "treaty": link.treaty, "article": link.article}
        if link.extent != "full":
            attrs["extent"] = link.extent
        if link.note:
            attrs["note"] = link.note
        if link.bill:
            attrs["bill"] = link.bill
        etree.SubElement(root, L + "link", attrs)
    return to_bytes(etree.ElementTree(root))


def updated(links: list[Link], before: dict, new_law, gone: set, added: list[Link]) -> list[Link]:
    """The links after a bill. ``before`` maps the base's eIds to the elements of the tree the
    bill changed in place, so a link follows its unit to the unit's new eId; a unit the bill
    repealed or deleted (``gone``: base eIds) loses its links, and so does one no longer in force;
    a unit restated in its place keeps them. Then the bill's own links (``added``, replacing an
    older link of the same unit and article), in the new law's document order."""
    out: dict[tuple, Link] = {}
    for link in links:
        if link.eid in gone:
            continue
        el = before.get(link.eid)
        if el is not None and _in(el, new_law):
            eid = el.get("eId")
        elif link.eid in new_law.index:    # restated: a new element took its place
            eid = link.eid
        else:
            continue
        if st.is_repealed(new_law.index[eid]):
            continue
        moved = Link(eid, link.treaty, link.article, link.extent, link.note, link.bill)
        out.setdefault(moved.key, moved)
    for link in added:  # the bill brings the unit into line: its link replaces a partial one
        el = new_law.index.get(link.eid)
        if el is not None and not st.is_repealed(el):
            out[link.key] = link
    order = {el.get("eId"): i for i, el in enumerate(new_law.units())}
    return sorted(out.values(), key=lambda k: (order.get(k.eid, len(order)), k.treaty, k.article))


def _in(el, law) -> bool:
    return any(a is law.body for a in el.iterancestors())
