"""From two texts of a law to the changes a KR drafter writes, unit by unit.

The units of the old and the new text are aligned level by level (the comparison engine's
alignment: by text, then by number); then, for each pair:

- a new number is a renumbering («пункты 3–5 считать соответственно пунктами 2–4»; an abzats
  that took a number: «абзацы первый и второй считать соответственно пунктами 1 и 2»);
- a unit that now reads «Утратила силу» is repealed; a unit gone from the text is excluded; a new
  one is inserted after the unit it follows (or before the first, or at the end of its parent);
- a heading or a text whose words changed is a *word job*, planned later into word operations
  or a restatement (:mod:`.words`, :mod:`.acts`);
- a unit with sub-units whose words mostly changed, or whose form changed in a way no operation
  expresses, is restated whole; where even its restatement would not read back as the new text
  (the fragment parser would build other units), its parent is restated, up to the article.

Units that can be placed nowhere are findings (``DERIVE.UNPLACED``), never dropped.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from .. import structure as st
from ..compare.align import Side, align, alike, sides
from ..errors import Finding, Refusal
from ..patch import ops as pops
from ..patch.model import Kind, Part, Position
from .words import norm


@dataclass
class Item:
    """One planned change: a unit op ready to be built, or a word job (``job`` set)."""

    kind: Kind | None
    eid: str                       # the target (the anchor of an insert) on the old text
    position: Position | None = None
    text: str = ""                 # restate, insert
    heading: str = ""              # restate-heading
    to: str | None = None          # renumber
    part: Part = Part.TEXT
    job: "WordJob | None" = None
    layout: bool = False           # made only because blocks were split or joined (same words)
    where: str = ""                # the new text's unit, for messages


@dataclass
class WordJob:
    """A block of text whose words changed: the old block (an lxml ``<p>`` or ``<heading>``), its
    unit's eId and part, the new text; ``fallback`` restates what the words cannot say, where
    ``reads`` (asked once, by :attr:`restatement`) finds that its text reads back as the unit."""

    eid: str
    part: Part
    block: object
    old: str
    new: str
    fallback: Item | None
    covers: tuple = ()             # other items the fallback makes needless (a heading job)
    reads: Callable[[], bool] | None = None

    @cached_property
    def restatement(self) -> Item | None:
        """The fallback, if it may be used: the fragment parser reads its text only for the jobs
        whose words cannot say the change (most can)."""
        return self.fallback if self.fallback is not None and (self.reads is None or self.reads()) else None


class Plan:
    """The planner's result: the items in the order of the text, the findings, and the old units
    restated, deleted or repealed whole."""

    def __init__(self):
        self.items: list[Item] = []
        self.findings: list[Finding] = []
        self.taken: set = set()


def _lines(el) -> str:
    return "\n".join(st.unit_lines(el))


def _shape(el) -> list[tuple]:
    """What a unit is, for comparing a parsed text with the unit it should make."""
    return [(st.local(u.tag), norm(st.num_text(u)), norm(st.heading_text(u)), norm(st.own_text(u)),
             st.is_repealed(u)) for u in [el, *st.iter_units(el)]]


def _unit_number(el) -> str:
    return _clean_number(st.num_text(el))


def _clean_number(num: str) -> str:
    return st.clean_number(num) if num else ""


class Planner:
    """The walk over two texts of one law in one language (``old``: the law in laws/, ``new``: the
    edited text)."""

    def __init__(self, old, new, lang: str, titles: bool = True, pins: dict | None = None):
        self.old, self.new, self.lang, self.titles = old, new, lang, titles
        self.pins = pins or {}         # an edited unit → the law's unit its Word paragraph marks
        self.os, self.ns = sides(old, new, False)
        self.plan = Plan()

    def run(self) -> Plan:
        titles = [law.act.find(f"{st.A}preface/{st.A}longTitle") for law in (self.old, self.new)]
        if self.titles and all(t is not None for t in titles) and \
                norm(self.old.long_title) != norm(self.new.long_title):
            self.plan.items.append(Item(Kind.RESTATE, "", text=norm(self.new.long_title), where="the title"))
        self.plan.items += self.children(self.old.body, self.new.body, st.unit_children(self.old.body),
                                         st.unit_children(self.new.body), top=True)
        return self.plan

    def unplaced(self, el, why: str) -> None:
        eid = el.get("eId") or "body"
        self.plan.findings.append(Finding(
            "DERIVE.UNPLACED", f"{why}: {norm(_lines(el))[:200] if st.is_unit(el) else ''}".rstrip(": "),
            unit=eid, hint="edit the law so that each unit keeps its form, or restate the article by hand"))

    # --- a list of sibling units ------------------------------------------------------------
    def children(self, oparent, nparent, olds: list, news: list, top: bool = False) -> list[Item] | None:
        """Items for two aligned lists of siblings, or None when they cannot be expressed (the
        parent is then restated). At the ``top`` of the act, where there is no parent to restate,
        what cannot be expressed is a finding naming the unit, and the rest goes on."""

        def failed(el, why: str) -> bool:
            if top:
                self.unplaced(el, why)
            return not top
        out: list[Item] = []
        pairs = self.align(olds, news)
        layout = self._layout_runs(pairs)
        last_alive = None          # the last old sibling still in the text: new units go after it
        pending: list = []
        k = 0
        while k < len(pairs):
            run = layout.get(k)
            if run is not None:    # blocks split or joined: restate them in order, the rest in or out
                made = self.relayout(pairs[k:run], oparent, last_alive)
                if made is None:
                    if failed(next(p[1] or p[0] for p in pairs[k:run]), "blocks split or joined cannot be placed"):
                        return None
                    k = run
                    continue
                items, alive = made
                out += items
                last_alive = alive if alive is not None else last_alive
                k = run
                continue
            o, n = pairs[k]
            k += 1
            if o is None:
                pending.append(n)
                continue
            if pending:
                made = self.insert(pending, oparent, last_alive, o, False)
                if made is None and failed(pending[0], "a new unit that cannot be inserted where it stands"):
                    return None
                out += made or []
                pending = []
            if n is None:
                out.append(Item(Kind.DELETE, o.get("eId"), where=o.get("eId")))
                self.plan.taken.add(o)
                continue
            made = self.unit(o, n)
            if made is None:
                made = self.restate(o, n)
                if made is None and failed(n, "a unit whose change no op can say, nor its restatement"):
                    return None
            out += made or []
            last_alive = o
        if pending:
            made = self.insert(pending, oparent, last_alive, None, False)
            if made is None and failed(pending[0], "a new unit that cannot be inserted where it stands"):
                return None
            out += made or []
        return out

    def relayout(self, run: list, oparent, last_alive):
        """A run of blocks with the same words split or joined otherwise: the old blocks restated
        one by one as the new ones read, those left over excluded, the new ones left over inserted
        after the last. Returns (items, the last old block still in the text) or None."""
        olds = [o for o, _ in run if o is not None]
        news = [n for _, n in run if n is not None]
        out: list[Item] = []
        alive = None
        for o, n in zip(olds, news):
            if self.same(o, n):
                alive = o
                continue
            made = self.restate(o, n)
            if made is None:
                return None
            out += made
            alive = o
        for o in olds[len(news):]:
            out.append(Item(Kind.DELETE, o.get("eId"), where=o.get("eId")))
            self.plan.taken.add(o)
        rest = news[len(olds):]
        if rest:
            before = None if alive is not None or last_alive is not None else \
                next((o for o, _ in run if o is not None), None)
            made = self.insert(rest, oparent, alive if alive is not None else last_alive, before, True)
            if made is None:
                return None
            out += made
        for item in out:
            item.layout = True
        return out, alive

    def align(self, olds: list, news: list) -> list[tuple]:
        """The comparison's alignment, keeping the pairs a Word document's marks give (in order)
        and aligning by text only between them."""
        pinned: list[tuple[int, int]] = []
        if self.pins:
            where = {el: i for i, el in enumerate(olds)}
            for j, n in enumerate(news):
                i = where.get(self.pins.get(n))
                if i is not None and (not pinned or i > pinned[-1][0]):
                    pinned.append((i, j))
        if not pinned:
            return align(self.os, self.ns, olds, news)
        out: list[tuple] = []
        i0 = j0 = 0
        for i, j in pinned + [(len(olds), len(news))]:
            out += align(self.os, self.ns, olds[i0:i], news[j0:j])
            if i < len(olds):
                out.append((olds[i], news[j]))
            i0, j0 = i + 1, j + 1
        return out

    def _layout_runs(self, pairs: list) -> dict[int, int]:
        """Runs of pairs with a unit on one side only, among differing units whose words are the
        same on both sides — blocks split or joined, no word changed (``lawpatch diff`` shows
        them as layout rows): {start: end} of each run."""
        runs: dict[int, int] = {}
        start = None
        for k, (a, b) in enumerate(pairs + [(None, None)]):
            same = a is not None and b is not None and self.same(a, b)
            if k < len(pairs) and not same:
                start = k if start is None else start
                continue
            if start is not None and any(x is None or y is None for x, y in pairs[start:k]):
                words = [" ".join(f"{norm(st.num_text(p[s]))} {self.side(s).key(p[s])}".strip()
                                  for p in pairs[start:k] if p[s] is not None) for s in (0, 1)]
                if norm(words[0]) == norm(words[1]):
                    runs[start] = k
            start = None
        return runs

    def side(self, s: int) -> Side:
        return self.os if s == 0 else self.ns

    def same(self, a, b) -> bool:
        """Whether two units say the same in the same blocks: the comparison's key (the words,
        the sub-units' numbers) and shape (how the words are broken into blocks), the heading, the
        number, the kind and the repeal — each computed once per unit."""
        ka = self.os.key(a)
        if ka.startswith("\x01") and ka == self.ns.key(b):     # an article printed alike in both
            return True
        return ka == self.ns.key(b) and self.os.shape(a) == self.ns.shape(b) and \
            a.tag == b.tag and self._same_number(a, b) and st.is_repealed(a) == st.is_repealed(b) and \
            norm(st.heading_text(a)) == norm(st.heading_text(b))

    def _same_number(self, a, b) -> bool:
        """``_unit_number(a) == _unit_number(b)``, told at once where both are printed alike."""
        oprinted, nprinted = self.os.num(a), self.ns.num(b)
        return oprinted == nprinted or _clean_number(oprinted) == _clean_number(nprinted)

    # --- one matched pair -------------------------------------------------------------------
    def unit(self, o, n) -> list[Item] | None:
        """Items for a matched pair of units, or None when only restating it says the change."""
        eid = o.get("eId")
        out: list[Item] = []
        otag, ntag = st.local(o.tag), st.local(n.tag)
        oprinted, nprinted = self.os.num(o), self.ns.num(n)    # numbers printed alike are one number
        if otag != ntag:
            nnum = _clean_number(nprinted)
            made_numbered = otag in st.ABZATS_TAGS and nnum and not oprinted
            if not made_numbered or ntag != _numbered_tag(o.getparent()):
                return None if otag not in st.ABZATS_TAGS or ntag not in st.ABZATS_TAGS else self.restate(o, n)
            out.append(Item(Kind.RENUMBER, eid, to=nnum, where=n.get("eId")))
        elif oprinted != nprinted:
            onum, nnum = _clean_number(oprinted), _clean_number(nprinted)
            if onum != nnum:
                if not onum or not nnum or not _renumberable(nnum):
                    return None
                out.append(Item(Kind.RENUMBER, eid, to=nnum, where=n.get("eId")))
        if st.is_repealed(n):
            if st.is_repealed(o):
                return out
            heading = self.heading(o, n) if st.heading_text(n) else []
            if heading is False:
                return None
            self.plan.taken.add(o)
            return out + heading + [Item(Kind.REPEAL, eid, where=n.get("eId"))]
        if st.is_repealed(o):
            return None
        if self.os.key(o) == self.ns.key(n) and self.os.shape(o) == self.ns.shape(n) and \
                norm(st.heading_text(o)) == norm(st.heading_text(n)) and st.is_repealed(o) == st.is_repealed(n):
            return out
        ochildren, nchildren = st.unit_children(o), st.unit_children(n)
        if ochildren and nchildren and otag not in st.CONTAINER_TAGS and \
                not alike(self.os, self.ns, o, n):     # a chapter is never restated whole
            return None
        heading = self.heading(o, n)
        if heading is False:
            return None
        own_o, own_n = _own_block(o), _own_block(n)
        if not ochildren and not nchildren:                       # two leaves
            if own_o is None or own_n is None:
                return None
            text = self.text_job(o, n, own_o, norm(st.block_text(own_n)), heading)
            return out + heading + text
        if not ochildren:                                         # a leaf that got sub-units
            first = nchildren[0]
            if own_o is None or not _is_lead(first):
                return None
            text = self.text_job(o, n, own_o, norm(st.own_text(first)), heading)
            more = self.insert(nchildren[1:], o, None, None, False)
            if more is None:
                return None
            return out + heading + text + more
        if not nchildren:                                         # sub-units gone but one
            first = ochildren[0]
            if own_n is None or not _is_lead(first) or _own_block(first) is None:
                return None
            text = self.text_job(first, n, _own_block(first), norm(st.block_text(own_n)), [])
            for c in ochildren[1:]:
                self.plan.taken.add(c)
            return out + heading + text + [Item(Kind.DELETE, c.get("eId"), where=c.get("eId")) for c in ochildren[1:]]
        if own_o is not None or own_n is not None:                # own text beside sub-units: not the profile's
            return None
        inner = self.children(o, n, ochildren, nchildren)
        if inner is None:
            return None
        return out + heading + inner

    def heading(self, o, n) -> list[Item] | bool:
        """A word job on the heading, [] when it is the same; False when a heading appeared or
        went (the unit is restated)."""
        oh, nh = st.heading_text(o), st.heading_text(n)
        if norm(oh) == norm(nh):
            return []
        if not oh or not nh:
            return False
        block = o.find(st.A + "heading")
        fallback = Item(Kind.RESTATE_HEADING, o.get("eId"), heading=norm(nh), where=n.get("eId"))
        return [Item(None, o.get("eId"), part=Part.HEADING, where=n.get("eId"),
                     job=WordJob(o.get("eId"), Part.HEADING, block, st.block_text(block), norm(nh), fallback))]

    def text_job(self, target, n, block, new_text: str, heading: list[Item]) -> list[Item]:
        """A word job on a unit's one block of text. Its fallback restates the block: a leaf
        whole (its heading with it, so the heading's own job is then needless), the first abzats
        alone, or a leaf that got sub-units as its new first block (they are inserted after)."""
        old_text = st.block_text(block)
        if norm(old_text) == new_text:
            return []
        if st.unit_children(n):
            text, covers = _restate_lead(target, new_text), tuple(heading)
        elif st.local(target.tag) != st.local(n.tag):
            text, covers = new_text, ()
        else:
            text, covers = _lines(n), tuple(heading)
        fallback = Item(Kind.RESTATE, target.get("eId"), text=text, where=n.get("eId"))
        return [Item(None, target.get("eId"), where=n.get("eId"),
                     job=WordJob(target.get("eId"), Part.TEXT, block, old_text, new_text, fallback, covers,
                                 reads=lambda: self._reads_as_text(text, target)))]

    def _reads_as_text(self, text: str, target) -> bool:
        """Whether restating ``target`` with ``text`` gives one unit of its kind (or its body)."""
        try:
            made = pops.fragment(text, self.lang, self.old, target.getparent())
        except Refusal:
            return False
        return len(made) == 1 and (st.local(made[0].tag) == st.local(target.tag) or st.local(made[0].tag) == "alinea")

    # --- whole units ------------------------------------------------------------------------
    def restate(self, o, n) -> list[Item] | None:
        """Restate ``o`` as ``n`` reads, when the fragment parser reads the text back as ``n``."""
        text = _lines(n)
        if not self._reads_as(text, o.getparent(), [n]):
            return None
        self.plan.taken.add(o)
        out = []
        onum, nnum = _unit_number(o), _unit_number(n)
        if onum and nnum and onum != nnum and st.local(o.tag) == st.local(n.tag) and _renumberable(nnum):
            out.append(Item(Kind.RENUMBER, o.get("eId"), to=nnum, where=n.get("eId")))
        return out + [Item(Kind.RESTATE, o.get("eId"), text=text, where=n.get("eId"))]

    def insert(self, news: list, parent, after, before, layout: bool) -> list[Item] | None:
        """One insert of a run of new siblings: after the last old sibling still in the text, else
        before the next one, else at the end of the parent."""
        if not news:
            return []
        for n in news:
            prev = next((p for p in n.itersiblings(preceding=True) if p.tag == n.tag and st.num_text(p)), None)
            number = _unit_number(n)
            if number and st.KINDS[st.local(n.tag)].numbered and \
                    not pops.sequence_ok(_unit_number(prev) if prev is not None else None, number):
                self.plan.findings.append(Finding(
                    "DERIVE.NUMBER", f"the edited text numbers a {st.local(n.tag)} «{st.num_text(n)}» after "
                    f"«{st.num_text(prev) if prev is not None else 'the start'}»: no bill inserts that number, so "
                    f"the unit around it is restated", unit=n.get("eId"), severity="warning",
                    hint=f"check the edited text: «{norm(' '.join(st.unit_lines(n)))[:120]}»"))
                return None
        text = "\n".join(_lines(n) for n in news)
        if after is not None:
            anchor, position, context = after, Position.AFTER, after.getparent()
        elif before is not None:
            anchor, position, context = before, Position.BEFORE, before.getparent()
        else:
            anchor, position, context = parent, Position.END, parent
        if not self._reads_as(text, context, news):
            return None
        if anchor is self.old.body or not st.is_unit(anchor):
            self.unplaced(news[0], "a new unit with nothing before, after or around it in the law")
            return []
        return [Item(Kind.INSERT, anchor.get("eId"), position=position, text=text, layout=layout,
                     where=news[0].get("eId"))]

    def _reads_as(self, text: str, context, units: list) -> bool:
        try:
            made = pops.fragment(text, self.lang, self.old, context)
        except Refusal:
            return False
        return len(made) == len(units) and all(_shape(a) == _shape(b) for a, b in zip(made, units))


def _own_block(el):
    """The one normative text block of a leaf unit (``<content><p>``), else None."""
    paras = st.own_paragraphs(el)
    return paras[0] if len(paras) == 1 and el.find(st.A + "content") is not None else None


def _is_lead(el) -> bool:
    """An unnumbered abzats: the first block of a unit in the hierarchical form."""
    return st.local(el.tag) == "alinea" and not st.num_text(el) and not st.unit_children(el)


def _restate_lead(target, text: str) -> str:
    """A leaf's text restated with its number and heading (a new first block under sub-units)."""
    head = " ".join(x for x in (st.num_text(target), st.heading_text(target)) if x)
    if st.heading_text(target):
        return f"{head}\n{text}"
    return f"{head} {text}".strip()


def _numbered_tag(parent) -> str | None:
    try:
        return pops.numbered_kind(parent)[0]
    except Refusal:
        return None


def _renumberable(number: str) -> bool:
    import re

    return bool(re.fullmatch(r"[0-9]{1,4}(?:-[0-9]{1,4})*|[а-яё]", number))
