"""Two texts of a law aligned unit by unit, the way the comparison and derive pair their units.

Units are aligned level by level: the sub-units of two matched units are aligned as sequences of
their keys (everything a unit says but its own number), so a part inserted in the middle and the
parts renumbered after it are followed through; inside a run that differs, units are paired by
likeness of their words, then by number or eId. Each unit's key and word count are computed once
(:class:`Side`); the articles printed alike in both texts are not walked at all.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from difflib import SequenceMatcher

from lxml import etree

from .. import structure as st
from .words import overlap as words_overlap

_ARTICLE = st.akn("article")
MATCH = 0.5          # least word similarity for two units to be the same unit rewritten
# a block may change form without changing place: an abzats numbered («…» → «1. …»), a dash dropped
INTERCHANGEABLE = frozenset({"alinea", "indent", "paragraph", "point"})
WINDOW = 40          # how far apart (in units) two units of a differing run may still be paired
_ALINEA = st.A + "alinea"


def norm(text: str) -> str:
    """Runs of white space as one space, none at the ends (``str.split`` and ``\\s`` agree on what is white)."""
    return " ".join(text.split())


def _text(el) -> bytes:
    """``"".join(el.itertext())`` in UTF-8, joined by libxml2 (comments and processing instructions
    left out alike): two texts are the same where their bytes are, and only the articles whose
    keys are read are decoded (most lie in chapters printed alike, never walked)."""
    return etree.tostring(el, method="text", encoding="utf-8", with_tail=False)


def sides(old, new, editorial: bool) -> tuple["Side", "Side"]:
    """The two laws' sides, with the articles printed alike in both (their texts, numbers and notes
    included): such an article needs no walk, its text is key enough (most articles of two
    redactions are alike). Each article's text is read once."""
    texts = [{a: _text(a) for a in law.articles()} for law in (old, new)]
    alike = dict.fromkeys(set(texts[0].values()) & set(texts[1].values()))
    return Side(old, editorial, alike, texts[0]), Side(new, editorial, alike, texts[1])


class Side:
    """One law's units with their texts, computed once. ``alike``: the texts of the articles
    printed alike in both laws (see :func:`sides`), each with its number of words once counted
    (by either side); ``texts``: each article's text (:func:`_text`, its UTF-8 bytes)."""

    def __init__(self, law, editorial: bool, alike: dict | None = None, texts: dict | None = None):
        self.law = law
        self.editorial = editorial
        self.alike = alike or {}
        self._texts = texts or {}
        # the metadata each row reads, read once (the law is not changed while it is compared)
        self.lang, self.naming, self.date = law.lang, law.naming, law.expression_date
        self._paras: dict = {}
        self._own: dict = {}
        self._pieces: dict = {}
        self._key: dict = {}
        self._count: dict = {}
        self._words: dict = {}          # the number of words of a unit's own pieces (see pieces)
        self._num: dict = {}
        self._shape: dict = {}
        self._split: dict = {}

    def _parts(self, el) -> tuple:
        """(the absorbed first abzats or None, the sub-units after it), computed once per unit."""
        found = self._split.get(el)
        if found is None:
            subs = st.unit_children(el)
            first = None
            if subs and st.local(subs[0].tag) == "alinea" and not st.num_text(subs[0]) and \
                    not st.heading_text(el) and not st.own_paragraphs(el):
                first = subs[0]
            found = self._split[el] = (first, subs[1:] if first is not None else subs)
        return found

    def absorbed(self, el):
        """The unnumbered first abzats printed on the unit's number line (hierarchical form)."""
        return self._parts(el)[0]

    def children(self, el) -> list:
        return self._parts(el)[1]

    def paragraphs(self, el) -> list:
        """The unit's own blocks (the absorbed abzats's included), computed once per unit."""
        found = self._paras.get(el)
        if found is None:
            first = self.absorbed(el)
            found = self._paras[el] = st.own_paragraphs(first if first is not None else el, self.editorial)
        return found

    def own(self, el) -> str:
        """The unit's own words: heading line aside, its text (absorbed abzats included)."""
        found = self._own.get(el)
        if found is None:
            found = self._own[el] = "\n".join(st.block_text(p) for p in self.paragraphs(el))
        return found

    def printed_alike(self, el) -> bool:
        """Whether ``el`` is an article printed alike in both laws (:func:`sides`): its key is its
        text, marked, and is read only where the alignment compares it."""
        if not self.alike or el.tag != _ARTICLE:
            return False
        text = self._texts.get(el)
        if text is None:
            text = self._texts[el] = _text(el)
        return text in self.alike

    def pieces(self, el) -> tuple:
        """What the unit's key is joined from, in order: strings (its heading and own words, the
        mark of a repeal) and a (number, sub-unit) pair for each sub-unit; an article printed alike
        in both laws is one string. Computed once per unit."""
        found = self._pieces.get(el)
        if found is None:
            if self.printed_alike(el):
                found = self._pieces[el] = ("\x01" + self._texts[el].decode("utf-8"),)
                return found
            words = (st.heading_text(el) + " " + self.own(el)).split()
            found, count = [" ".join(words)], len(words)      # its words counted as they are normalized
            for c in self.children(el):
                words = self.num(c).split()
                found.append((" ".join(words), c))
                count += len(words)
            if st.is_repealed(el):
                found.append("\x00repealed")
                count += 1
            found = self._pieces[el] = tuple(found)
            self._words[el] = count
        return found

    def num(self, el) -> str:
        """The unit's number as printed (:func:`structure.num_text`), read once per unit."""
        found = self._num.get(el)
        if found is None:
            found = self._num[el] = st.num_text(el)
        return found

    def key(self, el) -> str:
        """Everything the unit says except its own number: what alignment compares."""
        found = self._key.get(el)
        if found is None:
            pieces = self.pieces(el)
            if pieces[0].startswith("\x01"):         # an article printed alike in both: its marked text
                found = self._key[el] = pieces[0]
                return found
            parts = []          # a sub-unit's part «number key», the key's ends stripped: one copy of its words
            for p in pieces:
                if isinstance(p, str):
                    parts.append(p)
                    continue
                num, key = p[0], self.key(p[1])
                if num and key:
                    parts += (num, key.rstrip())
                else:
                    parts.append(num or key.strip())
            found = self._key[el] = " ".join(p for p in parts if p)   # the sub-units' keys are normalized
        return found

    def count(self, el) -> int:
        """The number of words of :meth:`key` (``len(key.split())``), summed from the sub-units'."""
        found = self._count.get(el)
        if found is None:
            pieces = self.pieces(el)
            if pieces[0].startswith("\x01"):         # an article printed alike in both: counted once
                text = self._texts[el]
                found = self.alike[text]
                if found is None:
                    found = self.alike[text] = len(pieces[0].split())
            else:      # the words of its own pieces, counted by pieces(), and of its sub-units
                found = self._words[el] + sum(self.count(p[1]) for p in pieces if not isinstance(p, str))
            self._count[el] = found
        return found

    def lead(self, el) -> str:
        """The unit's own lines as printed: number, heading, own text — sub-units left out."""
        num, head, own = st.num_text(el), st.heading_text(el), self.own(el)
        first = f"{num} {head}".strip()
        if head or not own:
            return "\n".join(x for x in (first, own) if x)
        return f"{first} {own}".strip()

    def full(self, el) -> str:
        return "\n".join(st.unit_lines(el, self.editorial))

    def shape(self, el) -> tuple:
        """How the unit's words are broken into blocks: the number of its own blocks and the
        shapes of its sub-units (the key joins the blocks, so it does not see a split or a join)."""
        if el not in self._shape and self.alike and el.tag == _ARTICLE and self.pieces(el)[0].startswith("\x01"):
            self._shape[el] = ("alike",)            # printed alike in both laws: its blocks too
        if el not in self._shape:
            self._shape[el] = (len(self.paragraphs(el)), self.absorbed(el) is not None,
                               tuple(self.shape(c) for c in self.children(el)))
        return self._shape[el]


def at_most_alike(old_side: Side, new_side: Side, o, n) -> float:
    """The most :func:`overlap` can find alike in two units, told by their lengths in words alone."""
    na, nb = old_side.count(o), new_side.count(n)
    return 2 * min(na, nb) / (na + nb) if na and nb else (1.0 if na == nb else 0.0)


def overlap(old_side: Side, new_side: Side, o, n) -> tuple[float, float]:
    """:func:`words.overlap` of the two units' keys: (similarity, containment), the same figures."""
    na, nb = old_side.count(o), new_side.count(n)
    if not na or not nb:
        return (1.0, 1.0) if na == nb else (0.0, 0.0)
    common = _common(old_side, new_side, o, n)
    if common is None:
        return words_overlap(old_side.key(o), new_side.key(n))
    return 2 * common / (na + nb), common / min(na, nb)


def alike(old_side: Side, new_side: Side, o, n, share: float = MATCH) -> bool:
    """Whether the :func:`overlap` similarity of two units reaches ``share``: told as soon as the
    words their shared sub-units hold are enough (a chapter with one article changed: at once)."""
    na, nb = old_side.count(o), new_side.count(n)
    if not na or not nb:
        return na == nb or share <= 0
    common = _common(old_side, new_side, o, n, lambda c: 2 * c / (na + nb) >= share)
    if common is None:
        return words_overlap(old_side.key(o), new_side.key(n))[0] >= share
    return 2 * common / (na + nb) >= share


def _common(old_side: Side, new_side: Side, o, n, enough=None) -> int | None:
    """The number of words the keys of two units have in common (each word as often as it is in
    both), told without reading the words they say alike: pieces of the keys equal on both sides
    cancel out, the rest is opened level by level, and only the words left are counted. None for
    two units without sub-units that share one (the same number and key) or their own number — two
    leaves, or two units with nothing in common: their words are counted whole, each key's bag of
    words made once (:func:`words.overlap`). With ``enough(common)``, a test on a number of words,
    the words of the pieces cancelled so far are returned as soon as they pass it."""
    opieces, npieces = old_side.pieces(o), new_side.pieces(n)
    osubs = {(p[0], old_side.key(p[1])) for p in opieces if not isinstance(p, str)}
    nsubs = {(p[0], new_side.key(p[1])) for p in npieces if not isinstance(p, str)}
    if not (osubs and nsubs and (osubs & nsubs or st.num_text(o) == st.num_text(n))):
        return None
    cancelled = 0
    more, less = Counter(), Counter()            # the words left on the old side, on the new side
    level = [(p, 1, old_side) for p in opieces] + [(p, -1, new_side) for p in npieces]
    while level:
        net: dict = {}          # piece → [old count − new count, piece, its side, old count, new count]
        for piece, k, side in level:
            ident = piece if isinstance(piece, str) else (piece[0], side.key(piece[1]))
            entry = net.get(ident)
            if entry is None:
                net[ident] = [k, piece, side, max(k, 0), max(-k, 0)]
            else:
                entry[0] += k
                entry[3 if k > 0 else 4] += abs(k)
        level = []
        for k, piece, side, plus, minus in net.values():
            if enough is not None and plus and minus:
                cancelled += min(plus, minus) * (len(piece.split()) if isinstance(piece, str) else
                                                 len(piece[0].split()) + side.count(piece[1]))
            if not k:
                continue
            if isinstance(piece, str):
                words = piece.split()
                for _ in range(abs(k)):
                    (more if k > 0 else less).update(words)
            else:
                level += [(piece[0], k, side)] + [(p, k, side) for p in side.pieces(piece[1])]
        if enough is not None and enough(cancelled):
            return cancelled
    apart = sum(abs(c - less[w]) if w in less else c for w, c in more.items()) + \
        sum(c for w, c in less.items() if w not in more)
    return (old_side.count(o) + new_side.count(n) - apart) // 2


def align(old_side: Side, new_side: Side, olds: list, news: list):
    """Pairs of sub-units, in order, with the unmatched ones: a list of (old|None, new|None)."""
    okeys = [old_side.key(e) for e in olds]
    nkeys = [new_side.key(e) for e in news]
    pairs: list[tuple[int, int]] = []
    sm = SequenceMatcher(None, okeys, nkeys, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            pairs += [(i1 + k, j1 + k) for k in range(i2 - i1)]
        elif op == "replace":
            pairs += _pair_block(old_side, new_side, olds, news, range(i1, i2), range(j1, j2))
    out: list[tuple] = []
    i = j = 0
    for oi, nj in pairs:
        out += [(olds[k], None) for k in range(i, oi)]
        out += [(None, news[k]) for k in range(j, nj)]
        out.append((olds[oi], news[nj]))
        i, j = oi + 1, nj + 1
    out += [(olds[k], None) for k in range(i, len(olds))]
    out += [(None, news[k]) for k in range(j, len(news))]
    return out


def _pair_block(old_side, new_side, olds, news, orange, nrange) -> list[tuple[int, int]]:
    """Inside a run that differs: pair units by similar text, then same number; keep order.

    Candidates are taken best first — sure pairs with the same number, then sure pairs by text
    alone, then the unsure — each kept where it crosses none kept before. A pair of different
    numbers that the sure same-number pairs already cross can never be kept: its likeness is not
    computed (of two long runs of chapters, only the chapters with their own numbers are read).
    Nor is the likeness of the sure same-number pairs where none crosses another: all are kept,
    in whatever order they come, so it is enough to know that they are sure."""
    if len(orange) == len(nrange) == 1 and _paired_alone(olds[orange.start], news[nrange.start]):
        return [(orange.start, nrange.start)]
    cands, numbered, later = [], [], []
    for i in orange:
        k = i - orange.start + nrange.start           # look only near the same place: linear, not n×m
        for j in range(max(nrange.start, k - WINDOW), min(nrange.stop, k + WINDOW + 1)):
            otag, ntag = st.local(olds[i].tag), st.local(news[j].tag)
            if otag != ntag and not {otag, ntag} <= INTERCHANGEABLE:
                continue
            same_num = st.num_text(olds[i]) == st.num_text(news[j]) and bool(st.num_text(olds[i]))
            same_id = olds[i].get("eId") == news[j].get("eId")
            if at_most_alike(old_side, new_side, olds[i], news[j]) < MATCH and \
                    (otag != ntag or not (same_num or same_id)):
                continue    # too different in length to be alike, and nothing else pairs them
            (numbered if same_num else later).append((i, j, otag == ntag, same_id))
    sure = []
    for i, j, same_tag, same_id in numbered:
        if _sure(old_side, new_side, olds[i], news[j], same_tag):
            sure.append((i, j, same_tag))
        elif same_tag:        # unsure: its likeness orders it among the others
            _candidate(cands, old_side, new_side, olds, news, i, j, same_tag, True, same_id)
    if all(a[0] < b[0] and a[1] < b[1] for a, b in zip(sure, sure[1:])):
        cands += [(False, False, 0.0, i, j) for i, j, _ in sure]        # all kept: their order is moot
    else:
        for i, j, same_tag in sure:
            _candidate(cands, old_side, new_side, olds, news, i, j, same_tag, True, False)
    first = _Chosen()
    for sure_by_number in sorted(c for c in cands if not c[0] and not c[1]):
        first.take(*sure_by_number[-2:])
    for i, j, same_tag, same_id in later:
        if first.fits(i, j):
            _candidate(cands, old_side, new_side, olds, news, i, j, same_tag, False, same_id)
    chosen = _Chosen()
    for *_, i, j in sorted(cands):
        chosen.take(i, j)
    return chosen.pairs


def _paired_alone(o, n) -> bool:
    """Whether two units that differ, alone in their run, are a pair whatever their likeness: of
    one kind, with the same number or eId, they are the run's only candidate (sure or not, it is
    kept), so their words need not be read — a division of a code with one article changed is
    paired without counting the words of the whole code."""
    if st.local(o.tag) != st.local(n.tag):
        return False
    return st.num_text(o) == st.num_text(n) and bool(st.num_text(o)) or o.get("eId") == n.get("eId")


def _sure(old_side: Side, new_side: Side, o, n, same_tag: bool) -> bool:
    """Whether two units of the same number are a sure pair: alike (:data:`MATCH`), or of the same
    kind with one text mostly inside the other — told as soon as the shared words are enough."""
    na, nb = old_side.count(o), new_side.count(n)
    if not na or not nb:
        return na == nb

    def enough(common: int) -> bool:
        return 2 * common / (na + nb) >= MATCH or (same_tag and common / min(na, nb) >= MATCH)

    common = _common(old_side, new_side, o, n, enough)
    if common is None:
        sim, contained = words_overlap(old_side.key(o), new_side.key(n))
        return sim >= MATCH or (same_tag and contained >= MATCH)
    return enough(common)


def _candidate(cands, old_side, new_side, olds, news, i, j, same_tag, same_num, same_id) -> None:
    """Add the pair (i, j) to ``cands`` as (unsure, other number, −likeness, i, j), if it is one."""
    sim, contained = overlap(old_side, new_side, olds[i], news[j])
    if not same_tag and sim < MATCH:
        return
    if sim >= MATCH or same_num or same_id:
        # sure: alike, or the same number with one text mostly inside the other
        sure = sim >= MATCH or (same_num and contained >= MATCH)
        cands.append((not sure, not same_num, -sim, i, j))


class _Chosen:
    """Pairs (i, j) kept in order: none shares a unit with another or crosses it."""

    def __init__(self):
        self.pairs: list[tuple[int, int]] = []      # sorted: both i and j grow

    def fits(self, i: int, j: int) -> bool:
        k = bisect_left(self.pairs, (i,))
        if k < len(self.pairs) and (self.pairs[k][0] == i or self.pairs[k][1] <= j):
            return False
        return not (k and self.pairs[k - 1][1] >= j)

    def take(self, i: int, j: int) -> None:
        if self.fits(i, j):
            insort(self.pairs, (i, j))
