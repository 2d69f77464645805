"""Word operations that turn one text into another, as a KR drafter words them.

The old text is diffed with the new one in whole words (a hyphenated compound is one word); each
change becomes «слова «…» заменить словами «…»», «после слов «…» дополнить словами «…»» or «слова
«…» исключить», quoting as few words as make the place unique in the text (else «во втором
случае»; «во всех случаях» where every occurrence changes the same way). Every candidate is tried
with the patch engine's own word functions (:mod:`lawpatch.patch.words`: whole-word matching,
spacing) on the text as the earlier operations left it, and kept only if it gives exactly the
wanted text. A text that would need more than :data:`MAX_EDITS` operations, or whose words change
by more than :data:`MAX_SHARE`, is restated instead (``plan`` returns None).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

from ..patch import words as w
from ..patch.model import ALL, Kind, Position

MAX_EDITS = 3        # more word operations than this in one text: restate it
MAX_SHARE = 0.5      # more than this share of the words of both texts changed: restate it
MAX_CONTEXT = 3      # words of context added on either side to make quoted words unique
MAX_QUOTE = 12       # several changes close together: one replacement quoting up to this many words
SHORT_QUOTE = 6      # … preferred even to two operations when it quotes no more than this

_TOKEN = re.compile(r"\w+(?:[-\u2011]\w+)*|\s+|[^\w\s]")


class WordEdit(NamedTuple):
    """One word operation on one text (the op's target and language are the caller's). A named
    tuple: a frozen dataclass cost most of a millisecond at import (docs/design-notes.md)."""

    kind: Kind
    old: str = ""                    # replace-words, delete-words
    new: str = ""                    # replace-words, insert-words
    anchor: str = ""                 # insert-words
    position: Position | None = None
    occurrence: int | str | None = None
    case_forms: bool = False         # replace-words of every case form of ``old`` (Russian)


def norm(text: str) -> str:
    """A text as compared: runs of white space (no-break spaces, line breaks) as one space."""
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _key(tok: str) -> str:
    return " " if tok.isspace() else tok


def _is_word(tok: str) -> bool:
    return bool(tok) and (tok[0].isalnum() or tok[0] == "_")


class Hunk(NamedTuple):
    """One change between two token lists: old tokens [i1, i2) become new tokens [j1, j2)."""

    i1: int
    i2: int
    j1: int
    j2: int


def hunks(old_toks: list[str], new_toks: list[str]) -> tuple[Hunk, ...]:
    """The changes, those separated by no word merged into one (a drafter quotes «ревизионной
    комиссии (ревизора» whole, not its pieces around the bracket)."""
    return _hunks(tuple(map(_key, old_toks)), tuple(map(_key, new_toks)))


@lru_cache(maxsize=512)
def _opcodes(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[tuple, ...]:
    """The diff of two texts' tokens as compared, made once: a text is diffed again with each
    operation planned on it, by the act-wide search, and to weigh «во всех случаях»."""
    return tuple(SequenceMatcher(None, old, new, autojunk=False).get_opcodes())


@lru_cache(maxsize=512)
def _hunks(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[Hunk, ...]:
    out: list[Hunk] = []
    for op, i1, i2, j1, j2 in _opcodes(old, new):
        if op == "equal":
            continue
        if out and not any(_is_word(t) for t in old[out[-1].i2:i1]):
            out[-1] = Hunk(out[-1].i1, i2, out[-1].j1, j2)
        else:
            out.append(Hunk(i1, i2, j1, j2))
    return tuple(out)


def share_changed(old: str, new: str) -> float:
    """The share of the words of both texts that a diff marks changed (0 … 1)."""
    a, b = tokens(old), tokens(new)
    words = sum(map(_is_word, a)) + sum(map(_is_word, b))
    if not words:
        return 0.0 if norm(old) == norm(new) else 1.0
    changed = sum(sum(map(_is_word, a[h.i1:h.i2])) + sum(map(_is_word, b[h.j1:h.j2])) for h in hunks(a, b))
    return changed / words


# --- the engine's word semantics on one text ---------------------------------------------------

def apply_edit(text: str, e: WordEdit) -> str | None:
    """``text`` after ``e`` as the patch engine makes it (one block), or None where the engine
    refuses (words not found, ambiguous, an occurrence too far)."""
    words = e.anchor if e.kind is Kind.INSERT_WORDS else e.old
    if not words or words != words.strip() or (e.kind is Kind.REPLACE_WORDS and e.old == e.new):
        return None
    if e.case_forms:               # every form, each with the capital of the text it replaces
        spans = sorted((a, b, w.with_capital(text[a:b], pair.new)) for pair in w.case_pairs(e.old, e.new)
                       for a, b in w.find_whole(text, pair.old, ignore_first_case=True))
        for a, b, new in reversed(spans):
            text = w.splice(text, a, b, new)
        return text
    spans = w.find_whole(text, words)
    if not spans:
        return None
    if e.occurrence is None:
        if len(spans) > 1:
            return None
    elif e.occurrence != ALL:
        if e.occurrence > len(spans):
            return None
        spans = [spans[e.occurrence - 1]]
    for a, b in reversed(spans):
        if e.kind is Kind.INSERT_WORDS:
            after = e.position is Position.AFTER
            at = b if after else a
            text = w.splice(text, at, at, w.insertion(e.new, after))
        else:
            text = w.splice(text, a, b, e.new if e.kind is Kind.REPLACE_WORDS else "")
    return text


# --- planning ------------------------------------------------------------------------------------

def plan(old: str, new: str, max_edits: int = MAX_EDITS) -> list[WordEdit] | None:
    """Word operations that make ``old`` read as ``new`` (compared with :func:`norm`), in the order
    they are to run; ``[]`` when nothing changes; None when the text is better restated."""
    if norm(old) == norm(new):
        return []
    if share_changed(old, new) > MAX_SHARE:
        return None
    target = tokens(norm(new))
    edits = _greedy(old, new, target, max_edits)
    if edits is not None and len(edits) == 1:
        return edits
    single = _next_edit(old, target, whole=True)
    if single is None or norm(apply_edit(old, single)) != norm(new):
        return edits
    quoted = sum(map(_is_word, tokens(single.old or single.anchor)))
    if quoted <= SHORT_QUOTE or (quoted <= MAX_QUOTE and (edits is None or len(edits) > 2)):
        return [single]
    return edits


def _greedy(old: str, new: str, target: list[str], max_edits: int) -> list[WordEdit] | None:
    """One operation per change, left to right, each on the text the earlier ones left."""
    edits: list[WordEdit] = []
    current = old
    for _ in range(max_edits):
        edit = _next_edit(current, target)
        if edit is None:
            return None
        current = apply_edit(current, edit)
        edits.append(edit)
        if norm(current) == norm(new):
            return edits
    return None


def _next_edit(current: str, target: list[str], whole: bool = False) -> WordEdit | None:
    """The operation that makes the first change between ``current`` and ``target`` (``whole``:
    all the changes at once, as one replacement): the simplest exact one, or the same words «во
    всех случаях» where every occurrence changes alike."""
    toks = tokens(current)
    found = hunks(toks, target)
    if not found:
        return None
    h = found[0]
    if whole:
        h = Hunk(found[0].i1, found[-1].i2, found[0].j1, found[-1].j2)
    expected = norm("".join(toks[:h.i1] + target[h.j1:h.j2] + toks[h.i2:]))
    best = None
    for context, rank, words, start, edit in _candidates(current, toks, target, h):
        if best is not None and not best[0][0] and not best[0][1] and context > best[0][2]:
            continue        # a plain unique quote with less context is found: this one scores worse
        scored = _scored(current, words, start, edit, context, rank)
        if scored is None:
            continue
        score, edit = scored
        if best is not None and score >= best[0]:
            continue
        result = apply_edit(current, edit)
        if result is None or norm(result) != expected:
            continue
        if edit.occurrence is not None:      # «во всех случаях» reads as well as a unique quote
            every = _every(current, target, edit)
            if every is not None:
                edit, score = every, score[:1] + (False,) + score[2:]
                if best is not None and score >= best[0]:
                    continue
        best = (score, edit)
    return best[1] if best else None


def _distance(text: str, target: list[str]) -> int:
    """How many tokens of ``text`` and ``target`` do not match."""
    a = tuple(map(_key, tokens(norm(text))))
    b = tuple(map(_key, target))
    matched = sum(i2 - i1 for op, i1, i2, _, _ in _opcodes(a, b) if op == "equal")
    return len(a) + len(b) - 2 * matched


def _every(current: str, target: list[str], one: WordEdit) -> WordEdit | None:
    """``one`` (an edit of one occurrence) made «во всех случаях», where each occurrence needs the
    very same change: the distance to the target then falls by that change once per occurrence."""
    every = WordEdit(one.kind, one.old, one.new, one.anchor, one.position, ALL)
    words = one.anchor if one.kind is Kind.INSERT_WORDS else one.old
    count = len(w.find_whole(current, words))
    result = apply_edit(current, every)
    if result is None or count < 2:
        return None
    before = _distance(current, target)
    gain = before - _distance(apply_edit(current, one), target)
    return every if gain > 0 and _distance(result, target) == before - count * gain else None


def _offsets(toks: list[str]) -> list[int]:
    out, pos = [], 0
    for t in toks:
        out.append(pos)
        pos += len(t)
    out.append(pos)
    return out


def _core(toks: list[str], i: int, j: int) -> tuple[int, int]:
    """[i, j) without white space at either end."""
    while i < j and toks[i].isspace():
        i += 1
    while j > i and toks[j - 1].isspace():
        j -= 1
    return i, j


def _plain(text: str) -> bool:
    """Quotable as typed: no line breaks or runs of spaces inside (the law's own layout)."""
    return bool(text) and "\n" not in text and "  " not in text and text == text.strip()


def _word_bounds(toks: list[str], i: int, step: int, count: int) -> int:
    """The token index ``count`` words away from ``i`` (going left with step -1: the start of the
    ``count``-th word before ``i``; right: the end of the ``count``-th word from ``i``)."""
    k = i
    seen = 0
    if step < 0:
        while k > 0 and seen < count:
            k -= 1
            if _is_word(toks[k]):
                seen += 1
        return k if seen == count else -1
    while k < len(toks) and seen < count:
        if _is_word(toks[k]):
            seen += 1
        k += 1
    return k if seen == count else -1


def _occurrence_of(current: str, words: str, start: int):
    """None when ``words`` occur once in ``current``, else the number of the occurrence at
    ``start`` (1-based); False when ``start`` is not a whole-word occurrence."""
    spans = w.find_whole(current, words)
    starts = [a for a, _ in spans]
    if start not in starts:
        return False
    return None if len(spans) == 1 else starts.index(start) + 1


def _candidates(current: str, toks: list[str], target: list[str], h: Hunk):
    """(context, rank, quoted words, their start, edit) for the first change, to be scored by
    :func:`_scored` (its score begins with whether the words are weak and numbered, then the
    ``context``, so that a candidate can be passed over before the text is searched)."""
    off = _offsets(toks)
    a, b = _core(toks, h.i1, h.i2)
    c, d = _core(target, h.j1, h.j2)
    old_core = "".join(toks[a:b])
    new_core = norm("".join(target[c:d]))
    kinds = []
    if old_core and new_core:
        kinds.append("replace")
    elif old_core:
        kinds.append("delete")
    elif new_core:
        kinds.append("insert")
    for kind in kinds:
        if kind == "insert":
            end = a                  # the anchor before: the words that end where the new ones go
            while end > 0 and toks[end - 1].isspace():
                end -= 1
            start = b                # the anchor after
            while start < len(toks) and toks[start].isspace():
                start += 1
            for n in range(1, MAX_CONTEXT + 2):
                left = _word_bounds(toks, end, -1, n)
                if left >= 0 and end > 0 and _is_word(toks[end - 1]):
                    anchor = "".join(toks[left:end])
                    yield n, 0, anchor, off[left], WordEdit(Kind.INSERT_WORDS, anchor=anchor, new=new_core,
                                                            position=Position.AFTER)
                right = _word_bounds(toks, start, 1, n)
                if right >= 0 and start < len(toks) and _is_word(toks[start]):
                    anchor = "".join(toks[start:right])
                    yield n, 1, anchor, off[start], WordEdit(Kind.INSERT_WORDS, anchor=anchor, new=new_core,
                                                             position=Position.BEFORE)
        elif kind == "delete":
            yield 0, 0, old_core, off[a], WordEdit(Kind.DELETE_WORDS, old=old_core)
        else:
            yield 0, 0, old_core, off[a], WordEdit(Kind.REPLACE_WORDS, old=old_core, new=new_core)
    # with words of context on either side, as a replacement
    for left_n in range(0, MAX_CONTEXT + 1):
        for right_n in range(0, MAX_CONTEXT + 1):
            if not left_n and not right_n:
                continue
            lo = _word_bounds(toks, a, -1, left_n) if left_n else a
            hi = _word_bounds(toks, b, 1, right_n) if right_n else b
            if lo < 0 or hi < 0:
                continue
            old = "".join(toks[lo:hi]).strip()
            new = norm("".join(toks[lo:h.i1]) + "".join(target[h.j1:h.j2]) + "".join(toks[h.i2:hi]))
            if not old or old == new:
                continue
            lead = off[lo] + (len(toks[lo]) - len(toks[lo].lstrip()))
            kind = Kind.REPLACE_WORDS if new else Kind.DELETE_WORDS
            yield left_n + right_n, 2, old, lead, WordEdit(kind, old=old, new=new)


def _scored(current: str, words: str, start: int, edit: WordEdit, context: int, rank: int):
    """(score, the edit) — numbered by occurrence where its words occur more than once — or None
    where the words cannot be quoted there. Lower scores read better: words not weak, no
    occurrence number, less context, the plain kind of operation, fewer characters quoted."""
    if not _plain(words):
        return None
    occurrence = _occurrence_of(current, words, start)
    if occurrence is False:
        return None
    if occurrence is not None:
        edit = WordEdit(edit.kind, edit.old, edit.new, edit.anchor, edit.position, occurrence)
    return (_weak(words), occurrence is not None, context, rank, len(words)), edit


# words too common to quote alone: «после слова «с»» tells a reader nothing
_FUNCTION_WORDS = frozenset("в во с со к ко и или а но на по о об от до за из у не ни же ли для при без над под "
                            "как что это его ее их".split())


def _weak(words: str) -> bool:
    found = [t.lower() for t in tokens(words) if _is_word(t)]
    return all(t in _FUNCTION_WORDS or len(t) < 3 for t in found)
