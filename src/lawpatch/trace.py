"""Trace a treaty article to the provisions that carry it out (links.xml of every law) and to the
pending ops of the bills in amendments/ that cite it; or a provision to the articles behind it."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import structure as st
from .errors import UsageError
from .law import Law
from .links import Link, load_links
from .treaties import Registry, load_registry


@dataclass(frozen=True)
class Provision:
    """A unit of a law that carries out a treaty article (one link)."""

    law: str
    eid: str
    citation: str
    treaty: str
    article: str
    extent: str
    note: str
    text: str
    relation: str = "self"      # for a unit's trace: self | within (an ancestor's link) | below


@dataclass(frozen=True)
class PendingOp:
    """An op of a bill in amendments/ whose reason cites the article."""

    bill: str
    path: str
    line: int
    kind: str
    law: str
    at: str
    citation: str
    treaty: str
    article: str


class _Answer:
    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class ArticleTrace(_Answer):
    treaty: str
    article: str
    title: str
    summary: str
    tags: tuple
    kr_status: str
    provisions: list[Provision] = field(default_factory=list)
    pending: list[PendingOp] = field(default_factory=list)


@dataclass
class UnitTrace(_Answer):
    law: str
    eid: str
    citation: str
    provisions: list[Provision] = field(default_factory=list)
    pending: list[PendingOp] = field(default_factory=list)


def parse_target(text: str, registry: Registry) -> tuple[str, str]:
    """«icrmw-1990:44» → ("icrmw-1990", "44"); an unknown treaty or article is a clear refusal."""
    m = re.fullmatch(r"\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*:\s*(?:ст\.?\s*|art\.?\s*)?([0-9]+(?:-[0-9]+)?)\s*", text)
    if m is None:
        raise UsageError(f"«{text}» is not TREATY:ARTICLE (e.g. icrmw-1990:44)")
    registry.article(m.group(1), m.group(2))
    return m.group(1), m.group(2)


def _excerpt(el, size: int = 160) -> str:
    text = " ".join(" ".join(st.unit_lines(el)).split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def citation_of(law: Law, eid: str) -> str:
    """The unit's Russian citation; its eId where no citation tells it from a twin."""
    from .citations import CitationError, cite

    try:
        return cite(law, eid)
    except CitationError:
        return eid


def provision_of(law: Law, slug: str, link: Link, relation: str = "self") -> Provision:
    el = law.index.get(link.eid)
    return Provision(slug, link.eid, citation_of(law, link.eid) if el is not None else link.eid, link.treaty,
                     link.article, link.extent, link.note, _excerpt(el) if el is not None else "", relation)


def laws_with_links(laws_dir: Path, wanted):
    """(slug, law, links) for every law folder under ``laws_dir`` that has links ``wanted(link)``
    (only those laws are loaded)."""
    for folder in sorted(p for p in laws_dir.iterdir() if p.is_dir()):
        links = [k for k in load_links(folder) if wanted(k)]
        law_file = folder / "rus.xml" if (folder / "rus.xml").is_file() else folder / "kir.xml"
        if links and law_file.is_file():
            yield folder.name, Law.load(law_file), links


def pending_ops(root: Path):
    """(bill, law amendment, op, reason) for every reason of every bill in ``root/amendments``."""
    from .patch import load_bill

    for path in sorted((root / "amendments").glob("*.xml")):
        bill = load_bill(path)
        for la in bill.laws:
            for op in la.ops:
                for reason in op.reasons:
                    yield bill, la, op, reason


def pending_of(bill, la, op, reason) -> PendingOp:
    return PendingOp(bill.id, str(bill.path), op.line, op.kind.value, Path(la.href).name, op.where(),
                     op.cite or "", reason.treaty, reason.article)


def trace_article(root: str | Path, target: str) -> ArticleTrace:
    """The provisions and pending ops behind ``target`` («icrmw-1990:44»)."""
    root = Path(root)
    registry = load_registry(root)
    treaty_id, number = parse_target(target, registry)
    treaty = registry.treaties[treaty_id]
    article = treaty.articles[number]
    result = ArticleTrace(treaty_id, number, treaty.title(), article.summary, article.tags, treaty.kr.describe())
    if (root / "laws").is_dir():
        for slug, law, links in laws_with_links(root / "laws", lambda k: (k.treaty, k.article) == (treaty_id, number)):
            result.provisions += [provision_of(law, slug, k) for k in links]
    result.pending = [pending_of(*x) for x in pending_ops(root) if (x[3].treaty, x[3].article) == (treaty_id, number)]
    return result


def trace_unit(law_dir: str | Path, citation: str, lang: str = "rus") -> UnitTrace:
    """The treaty articles behind the unit ``citation`` of the law in ``law_dir``: its own links,
    those of the units it sits in, those of the units inside it; and the pending ops on it."""
    from .citations import resolve

    folder = Path(law_dir)
    if not folder.name or folder.name == "..":
        folder = folder.resolve()
    if not (folder / f"{lang}.xml").is_file():
        raise UsageError(f"{folder}: no {lang}.xml here (trace takes a law's folder, laws/<slug>)")
    law = Law.load(folder / f"{lang}.xml")
    eid = resolve(law, citation)
    el = law.get(eid)
    above = {a.get("eId") for a in el.iterancestors() if st.is_unit(a)}
    below = {u.get("eId") for u in st.iter_units(el)} - {eid}
    slug = folder.name
    result = UnitTrace(slug, eid, citation_of(law, eid))
    for link in load_links(folder):
        relation = "self" if link.eid == eid else "within" if link.eid in above else \
            "below" if link.eid in below else None
        if relation:
            result.provisions.append(provision_of(law, slug, link, relation))
    root = folder.parent.parent
    result.pending = [pending_of(*x) for x in pending_ops(root)
                      if Path(x[1].href).name == slug and ({eid} | below) & set(x[2].target.units)]
    return result
