"""Word diff of two unit texts: diff-match-patch on word tokens, never on characters.

Each distinct token (a word, a run of spaces, a punctuation mark) is mapped to one private-use
character, the two strings of such characters are diffed, and the result is mapped back, so a
change is always reported in whole words.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import lazyre

if TYPE_CHECKING:
    from .model import Segment

_TOKEN = lazyre.compile(r"\s+|\w+|[^\w\s]")
# Private-use planes: U+E000–U+F8FF, then planes 15 and 16 — room for any unit's vocabulary.
_PUA = [range(0xE000, 0xF900), range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE)]
_OPS = {0: "equal", -1: "delete", 1: "insert"}


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _code(i: int) -> str:
    for block in _PUA:
        if i < len(block):
            return chr(block[i])
        i -= len(block)
    raise ValueError("too many distinct words for one unit")


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Segments of old → new: equal+delete join to ``old``, equal+insert join to ``new``."""
    # imported here: the alignment reads overlap() alone, not the rows' data classes
    from .model import Segment

    if old == new:
        return (Segment("equal", old),) if old else ()
    from diff_match_patch import diff_match_patch

    old_tokens, new_tokens = tokens(old), tokens(new)
    # a code for each distinct token, in the order of first use (old text first)
    vocab = {tok: _code(i) for i, tok in enumerate(dict.fromkeys(old_tokens + new_tokens))}
    a, b = "".join(map(vocab.__getitem__, old_tokens)), "".join(map(vocab.__getitem__, new_tokens))
    if _too_costly(len(a) + len(b), old, new):
        return (Segment("delete", old), Segment("insert", new))
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0     # no time limit: the same texts always give the same diff
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    back = {ch: tok for tok, ch in vocab.items()}
    segments: list[Segment] = []
    for op, chars in diffs:
        text = "".join(map(back.__getitem__, chars))
        kind = _OPS[op]
        if segments and segments[-1].op == kind:
            segments[-1] = Segment(kind, segments[-1].text + text)
        elif text:
            segments.append(Segment(kind, text))
    return tuple(segments)


# The work a word diff may take: (tokens of both texts) × (tokens that differ, estimated from the
# words they share). Two long texts that share little (two different acts compared, a chapter
# rewritten) cost the diff their product — minutes — and a word diff of them says nothing: they
# are shown whole, old struck and new inserted, as a restatement is. The limit is a count, not a
# time, so the same texts always give the same result.
WORK = 10_000_000


def _too_costly(tokens: int, old: str, new: str) -> bool:
    if tokens * tokens <= WORK:
        return False
    return tokens * tokens * (1 - overlap(old, new)[0]) > WORK


@lru_cache(maxsize=8192)
def _bag(text: str) -> tuple[frozenset, dict, int]:
    """The words of ``text`` as a bag: the distinct words, the counts of those said more than once,
    the number of words."""
    words = text.split()
    counts = Counter(words)
    return frozenset(counts), {w: c for w, c in counts.items() if c > 1}, len(words)


def overlap(old: str, new: str) -> tuple[float, float]:
    """(similarity, containment): words in common over both texts, and over the shorter one.

    >>> overlap("в пункте 2 и в пункте 3", "в пункте 3")
    (0.6, 1.0)
    """
    (a, ma, na), (b, mb, nb) = _bag(old), _bag(new)
    if not na or not nb:
        return (1.0, 1.0) if na == nb else (0.0, 0.0)
    # a word in both counts min(count here, count there) times: once for each word in both, plus
    # the extra times of the words said more than once on both sides
    common = len(a & b) + sum(min(ma[w], mb[w]) - 1 for w in ma.keys() & mb.keys())
    return 2 * common / (na + nb), common / min(na, nb)
