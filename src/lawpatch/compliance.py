"""The compliance report's content, as plain data the renderers read: the instruments and the
Kyrgyz Republic's status, the implementation matrix (each obligation, the provisions that carry it
out, the bills that address it), the gaps, and the definitions a treaty and a law both give, side
by side with their word differences (the collisions).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from .actnames import act_name
from .definitions import Piece, agreement, content_words, law_definitions, lemma_diff, normal
from .errors import UsageError
from .law import Law
from .links import load_links
from .trace import PendingOp, Provision, citation_of, pending_of, pending_ops, provision_of
from .treaties import Article, Treaty, load_registry

IMPLEMENTED, PARTIAL, PENDING, GAP = "implemented", "partial", "pending", "gap"
STATUS_RU = {IMPLEMENTED: "выполняется", PARTIAL: "частично", PENDING: "в проекте", GAP: "пробел"}


@dataclass
class Row:
    """One obligation (a treaty article) of the matrix."""

    treaty: Treaty
    article: Article
    provisions: list[Provision] = field(default_factory=list)
    pending: list[PendingOp] = field(default_factory=list)

    @property
    def status(self) -> str:
        if any(p.extent == "full" for p in self.provisions):
            return IMPLEMENTED
        if self.provisions:
            return PARTIAL
        return PENDING if self.pending else GAP


@dataclass
class Collision:
    """A term a treaty and a law both define, and how the two definitions differ."""

    term: str
    treaty: Treaty
    article: Article
    treaty_text: str
    law: str
    law_title: str
    eid: str
    citation: str
    law_term: str
    law_text: str
    treaty_pieces: list[Piece]
    law_pieces: list[Piece]
    agreement: float

    @property
    def missing(self) -> list[str]:
        """Words of the treaty's definition the law's lacks."""
        return content_words(self.treaty_pieces, "delete")

    @property
    def added(self) -> list[str]:
        return content_words(self.law_pieces, "insert")


@dataclass
class Report:
    date: str
    treaties: list[Treaty]
    laws: list[tuple[str, str]]          # (slug, title)
    rows: list[Row]
    collisions: list[Collision]
    scope: str = ""

    @property
    def gaps(self) -> list[Row]:
        return [r for r in self.rows if r.status in (GAP, PENDING)]

    def counts(self) -> dict:
        out = {s: 0 for s in (IMPLEMENTED, PARTIAL, PENDING, GAP)}
        for r in self.rows:
            out[r.status] += 1
        return out


def build_report(root: str | Path = ".", treaty: str | None = None, law: str | None = None) -> Report:
    """The report for the laws under ``root/laws`` (or the one law folder ``law``), the bills in
    ``root/amendments`` and the registry's instruments (or the one instrument ``treaty``)."""
    root = Path(root)
    registry = load_registry(root)
    if treaty is not None:
        if treaty not in registry:
            from .treaties import TreatyError

            raise TreatyError(f"unknown treaty {treaty!r}; {registry.hint(treaty)}")
        treaties = [registry.treaties[treaty]]
    else:
        treaties = sorted(registry.treaties.values(), key=lambda t: (not t.kr.binding, t.adopted))
    folders = _law_folders(root, law)
    laws = {f.name: Law.load(f / "rus.xml") for f in folders}
    rows = {(t.id, a.number): Row(t, a) for t in treaties if t.binding_text
            for a in t.articles.values() if a.obligation}
    for f in folders:
        for link in load_links(f):
            row = rows.get((link.treaty, link.article))
            if row is not None:
                row.provisions.append(provision_of(laws[f.name], f.name, link))
    slugs = set(laws)
    for bill, la, op, reason in pending_ops(root):
        row = rows.get((reason.treaty, reason.article))
        if row is not None and Path(la.href).name in slugs:
            row.pending.append(pending_of(bill, la, op, reason))
    collisions = _collisions(treaties, laws)
    scope = ", ".join(x for x in (f"договор {treaty}" if treaty else "", f"закон laws/{folders[0].name}" if law else "") if x)
    names = {s: act_name(laws[s].title, "rus") for s in laws}
    return Report(_today(), treaties, list(names.items()), list(rows.values()), collisions, scope)


def _law_folders(root: Path, law: str | None) -> list[Path]:
    if law is not None:
        folder = Path(law)
        if not (folder / "rus.xml").is_file():
            raise UsageError(f"{law}: no rus.xml here (--law takes a law's folder, laws/<slug>)")
        return [folder]
    laws_dir = root / "laws"
    if not laws_dir.is_dir():
        raise UsageError(f"{laws_dir}: no such folder (--root is the repository root)")
    return sorted(p for p in laws_dir.iterdir() if (p / "rus.xml").is_file())


def _collisions(treaties: list[Treaty], laws: dict[str, Law]) -> list[Collision]:
    terms = [(t, a, term) for t in treaties for a in t.articles.values() for term in a.terms]
    names = [n for _, _, term in terms for n in term.names()]
    out = []
    for slug, law in laws.items():
        for d in law_definitions(law, names):
            for t, a, term in terms:
                if normal(d.term) not in {normal(n) for n in term.names()}:
                    continue
                left, right = lemma_diff(term.definition, d.text)
                out.append(Collision(term.name, t, a, term.definition, slug, act_name(law.title, "rus"), d.eid,
                                     citation_of(law, d.eid), d.term, d.text, left, right,
                                     agreement(term.definition, d.text)))
    # the instruments binding on the Kyrgyz Republic first, the most different definitions first
    return sorted(out, key=lambda c: (not c.treaty.kr.binding, c.agreement, c.term, c.law))


def _today() -> str:
    """SOURCE_DATE_EPOCH's date where it is set (reproducible reports), else today."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat()
    return datetime.date.today().isoformat()
