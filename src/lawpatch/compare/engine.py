"""Compare two expressions of a law unit by unit.

Units are aligned level by level (:mod:`.align`): the sub-units of two matched units are aligned as sequences of
their texts (so a part inserted in the middle and the parts renumbered after it are followed
through), then by eId where a unit was rewritten. Units left over on both sides with the same
text are matched across the whole law (an article moved to another chapter). Only matched units
whose own text differs are diffed, word by word; a change is reported at the lowest unit it
touches, never again at the article above it.
"""
from __future__ import annotations

from .. import structure as st
from ..dates import date_ky, date_ru, find_dates
from ..errors import LawpatchError
from .align import Side, align, alike, norm, sides
from .model import LawComparison, UnitChange
from .words import word_diff


class _Comparer:
    def __init__(self, old, new, editorial: bool, reasons, describe, progress=None):
        self.old, self.new = sides(old, new, editorial)
        self.reasons = reasons or {}
        self.describe = describe
        self.progress = progress
        self.renumbered: list[tuple[str, str]] = []

    # --- walking -------------------------------------------------------------------------------
    def walk(self, o, n, out: list) -> None:
        """Compare a matched pair; append changes (or placeholders for unmatched units) to out."""
        okey, nkey = self.old.key(o), self.new.key(n)
        onum, nnum = st.num_text(o), st.num_text(n)
        # a number only re-typed («5.» → «5 .») is not a renumbering
        renumbered = onum != nnum and st.clean_number(onum) != st.clean_number(nnum)
        if renumbered:
            self.renumbered.append((o.get("eId"), n.get("eId")))
        if okey == nkey:
            if renumbered:
                out.append(self.change("renumbered", o, n, self.old.lead(o), self.new.lead(n)))
            if self.old.shape(o) != self.new.shape(n):      # the same words, broken into blocks otherwise
                ochildren, nchildren = self.old.children(o), self.new.children(n)
                if ochildren and nchildren and self.old.shape(o)[:2] == self.new.shape(n)[:2] and \
                        self.old.own(o) == self.new.own(n) and \
                        norm(st.heading_text(o)) == norm(st.heading_text(n)):
                    self.walk_children(ochildren, nchildren, out)
                else:
                    out.append(self.change("layout", o, n, self.old.full(o), self.new.full(n)))
            return
        if st.is_repealed(n) and not st.is_repealed(o):
            out.append(self.change("repealed", o, n, self.old.full(o), self.new.full(n)))
            return
        ochildren, nchildren = self.old.children(o), self.new.children(n)
        # a unit restated as a whole («изложить в следующей редакции») is one row: its sub-units
        # appeared or vanished, or it shares less than half of its words with the old text
        restated = bool(ochildren) != bool(nchildren) or \
            (ochildren or nchildren) and not alike(self.old, self.new, o, n)
        if st.is_repealed(o) or restated:
            out.append(self.change("changed", o, n, self.old.full(o), self.new.full(n)))
            return
        own_same = self.old.own(o) == self.new.own(n)
        head_same = st.heading_text(o) == st.heading_text(n)
        if not (own_same and head_same) or renumbered:
            kind = "changed" if not own_same else "heading" if not head_same else "renumbered"
            out.append(self.change(kind, o, n, self.old.lead(o), self.new.lead(n)))
        self.walk_children(ochildren, nchildren, out)

    def walk_children(self, olds: list, news: list, out: list, progress=None) -> None:
        """Compare aligned sub-units run by run. A run of differing units whose words are the
        same on both sides only breaks the text into blocks differently (a reflow): one layout
        row, not a change."""
        run: list[tuple] = []
        pairs = align(self.old, self.new, olds, news) + [(None, None)]
        for done, (a, b) in enumerate(pairs, 1):
            if progress:
                progress(done, len(pairs))
            same = a is not None and b is not None and self.old.key(a) == self.new.key(b)
            if (a is not None or b is not None) and not same:
                run.append((a, b))
                continue
            if run and self.words(run, 0, self.old) != self.words(run, 1, self.new):
                for x, y in run:
                    if x is not None and y is not None:
                        self.walk(x, y, out)
                    else:
                        out.append(("deleted", x) if y is None else ("inserted", y))
            elif run:
                out.append(self.layout(run))
            run = []
            if same:
                self.walk(a, b, out)

    def layout(self, run: list[tuple]) -> UnitChange:
        """One row for a run of blocks split or joined otherwise (the same words)."""
        olds = [x for x, _ in run if x is not None]
        news = [y for _, y in run if y is not None]
        old_text = "\n".join(self.old.full(x) for x in olds)
        new_text = "\n".join(self.new.full(y) for y in news)
        return self.change("layout", olds[0] if olds else None, news[0] if news else None, old_text, new_text)

    @staticmethod
    def words(run: list[tuple], side: int, units: Side) -> str:
        return " ".join(f"{norm(st.num_text(pair[side]))} {units.key(pair[side])}".strip() for pair in run
                        if pair[side] is not None)

    def run(self) -> tuple[list[UnitChange], list[UnitChange]]:
        """(the changes, the layout rows), each in the order of the text."""
        out: list = []
        self.walk_children(st.unit_children(self.old.law.body), st.unit_children(self.new.law.body), out,
                           self.progress)
        layout = [c for c in out if isinstance(c, UnitChange) and c.kind == "layout"]
        return self.settle([c for c in out if not (isinstance(c, UnitChange) and c.kind == "layout")]), layout

    def settle(self, out: list) -> list[UnitChange]:
        """Match leftover units across the law by identical text; the rest are inserted/deleted."""
        deleted: dict[str, list] = {}
        for item in out:
            if isinstance(item, tuple) and item[0] == "deleted":
                deleted.setdefault(self.old.key(item[1]), []).append(item[1])
        result: list[UnitChange] = []
        moved: set = set()
        for item in out:
            if isinstance(item, UnitChange):
                result.append(item)
                continue
            kind, el = item
            if kind == "inserted":
                twins = deleted.get(self.new.key(el))
                if twins:
                    o = twins.pop(0)
                    moved.add(o)
                    sub: list = []
                    self.walk(o, el, sub)
                    result += [c for c in sub if isinstance(c, UnitChange) and c.kind != "layout"]
                    continue
                result.append(self.change("inserted", None, el, "", self.new.full(el)))
            elif el not in moved:
                result.append(self.change("deleted", el, None, self.old.full(el), ""))
        return result

    # --- one change ----------------------------------------------------------------------------
    def change(self, kind: str, o, n, old_text: str, new_text: str) -> UnitChange:
        el, side = (n, self.new) if n is not None else (o, self.old)
        article = next((a for a in _ancestors(el) if st.local(a.tag) == "article"), None)
        label = ""
        if article is not None:
            label = f"{st.num_text(article)} {st.heading_text(article)}".strip()
        segments = word_diff(old_text, new_text) if old_text and new_text else ()
        return UnitChange(
            kind=kind,
            old_eid=o.get("eId") if o is not None else None,
            new_eid=n.get("eId") if n is not None else None,
            old_text=old_text, new_text=new_text, segments=segments,
            article_eid=article.get("eId") if article is not None else None,
            article_label=label,
            citation=_citation(side.law, el.get("eId") or "", side.lang),
            reasons=self.reasons_for(o, n, whole=kind in ("inserted", "deleted", "repealed")),
            unit_name=st.unit_name(el, side.naming),
        )

    def reasons_for(self, o, n, whole: bool = False) -> tuple[str, ...]:
        """The reasons of the ops that made this row: those recorded for the unit itself or for the
        units inside it (never those of a unit above it: a new heading of an article is not the
        reason of a change in its part), told by ``describe``; for two redactions of a law, the
        amending laws its editorial notes name."""
        if self.describe is None:
            return self.amending_acts(o, n)
        found: list = []
        for el in (n, o):
            if el is None:
                continue
            for unit in ([el, *st.iter_units(el)] if whole else [el]):
                for r in self.reasons.get(unit.get("eId"), ()):
                    if r not in found:
                        found.append(r)
        return tuple(self.describe(found)) if found else ()

    def amending_acts(self, o, n) -> tuple[str, ...]:
        """The acts newer than the old redaction that the new text's editorial notes name: the
        unit's own notes, else those anywhere in its article («(В редакции Закона КР от 4 июня
        2025 года № 111)» → «Закон КР от 4 июня 2025 года № 111»)."""
        since = self.old.date or ""
        el = n
        if el is None and o is not None:   # a removed unit: its article in the new text
            article = next((a for a in _ancestors(o) if st.local(a.tag) == "article"), None)
            el = self.new.law.index.get(article.get("eId")) if article is not None else None
        if el is None:
            return ()
        article = next((a for a in _ancestors(el) if st.local(a.tag) == "article"), el)
        for scope in (st.own_paragraphs(el, editorial=True), article.iter(st.A + "p")):
            acts = []
            for p in scope:
                if not st.is_editorial(p):
                    continue
                for date, number, _ in find_dates(st.block_text(p)):
                    act = _act_words(date, number, self.new.lang)
                    if number and date > since and act not in acts:
                        acts.append(act)
            if acts:
                return tuple(acts)
        return ()


def _ancestors(el):
    while el is not None:
        yield el
        el = el.getparent()


def _act_words(date: str, number: str, lang: str) -> str:
    if lang == "kir":
        return f"КР {date_ky(date)} № {number} Мыйзамы"
    return f"Закон КР от {date_ru(date)} № {number}"


def _citation(law, eid: str, lang: str) -> str:
    """The unit's citation in the law's language; its eId while citations cannot say it."""
    if not eid:
        return ""
    from ..citations import cite

    try:
        return cite(law, eid, lang or "rus")
    except (LawpatchError, KeyError, ValueError):
        return eid


def compare(old, new, reasons=None, describe=None, editorial: bool = False, progress=None) -> LawComparison:
    """All changes from ``old`` to ``new`` (two expressions of one law in one language).

    ``reasons`` maps a new-or-old eId to the reasons of the ops that changed that very unit (from
    ``patch.apply_bill``); ``describe(reasons)`` gives the lines a row prints for them (the caller
    knows the treaties; the comparison does not). ``editorial=True`` compares the database's
    editorial notes too. ``progress(done, total)`` is called as the units of the top level are compared.
    """
    comparer = _Comparer(old, new, editorial, reasons, describe, progress)
    changes, layout = comparer.run()
    if old.long_title != new.long_title:   # the act's name as printed
        changes.insert(0, UnitChange("heading", None, None, old.long_title, new.long_title,
                                     word_diff(old.long_title, new.long_title)))
    return LawComparison(
        lang=new.lang or old.lang,
        title=new.title or old.title,
        old_expression=old.expression_uri,
        new_expression=new.expression_uri,
        changes=tuple(changes),
        renumbered=tuple(comparer.renumbered),
        layout=tuple(layout),
    )

