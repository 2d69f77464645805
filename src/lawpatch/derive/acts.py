"""«По всему тексту Кодекса слова «…» заменить словами «…»»: one instruction for a replacement made
alike in several units and everywhere in the act.

A replacement qualifies when the same old words become the same new words in at least
:data:`MIN_UNITS` units and every whole-word occurrence of the old words in the act's text (its
headings included, editorial notes not) is one of those changes — or lies in a unit the bill takes
whole (restated, excluded, repealed), where the replacement changes nothing that stays. The
engine runs such instructions before all others, so the word jobs are planned afterwards on the
text they leave.
"""
from __future__ import annotations

from collections import Counter

from .. import structure as st
from ..patch import words as w
from ..patch.model import ALL, Kind
from .words import WordEdit, apply_edit, hunks, norm, tokens

MIN_UNITS = 2


def _changes(text: str, new: str) -> list[tuple[int, int, str, str]]:
    """(start, end, old words, new words) of each change of ``text`` into ``new``, at word bounds."""
    old_toks, new_toks = tokens(text), tokens(norm(new))
    offsets, pos = [], 0
    for t in old_toks:
        offsets.append(pos)
        pos += len(t)
    offsets.append(pos)
    out = []
    for h in hunks(old_toks, new_toks):
        a, b = h.i1, h.i2
        while a < b and old_toks[a].isspace():
            a += 1
        while b > a and old_toks[b - 1].isspace():
            b -= 1
        old = "".join(old_toks[a:b])
        if old and "\n" not in old and "  " not in old:
            out.append((offsets[a], offsets[b], old, norm("".join(new_toks[h.j1:h.j2]))))
    return out


def act_wide(jobs: list, body, taken: set) -> list[WordEdit]:
    """The act-wide replacements among ``jobs`` (:class:`.plan.WordJob`), each as a word edit with
    occurrence «all»; the jobs' texts (``job.current``) are updated as the engine will leave them."""
    for job in jobs:
        job.current = job.old
    found: list[WordEdit] = []
    tried: set = set()
    blocks = None            # the act's blocks and their texts, read once the first candidate comes
    while True:
        counts: Counter = Counter()
        for job in jobs:
            for pair in {(old, new) for _, _, old, new in _changes(job.current, job.new)}:
                counts[pair] += 1
        candidates = [(n, len(p[0]), p) for p, n in counts.items() if n >= MIN_UNITS and p not in tried]
        if not candidates:
            return found
        _, _, (old, new) = max(candidates)
        tried.add((old, new))
        if blocks is None:
            blocks = [(b, st.block_text(b)) for b in body.iter(st.A + "p", st.A + "heading") if not st.is_editorial(b)]
        if _everywhere(old, new, jobs, blocks, taken):
            edit = WordEdit(Kind.REPLACE_WORDS, old=old, new=new, occurrence=ALL) if new else \
                WordEdit(Kind.DELETE_WORDS, old=old, occurrence=ALL)
            for job in jobs:
                if w.find_whole(job.current, old):
                    job.current = apply_edit(job.current, edit)
            found.append(edit)


def _everywhere(old: str, new: str, jobs: list, blocks: list, taken: set) -> bool:
    """Whether each occurrence of ``old`` in the act's ``blocks`` ((element, text) of its
    normative blocks and headings) is a change of it into ``new`` (or lies in a unit taken whole)."""
    by_block = {job.block: job for job in jobs}
    for block, text in blocks:
        job = by_block.get(block)
        if job is not None:
            text = job.current
        if old not in text:
            continue
        spans = w.find_whole(text, old)
        if not spans:
            continue
        if job is None:
            if not _inside_taken(block, taken):
                return False
            continue
        changes = {(a, b): (o, n) for a, b, o, n in _changes(text, job.new)}
        if any(changes.get(span) != (old, new) for span in spans):
            return False
        if not new and w.find_whole(job.new, old):    # words moved, not taken out
            return False
    return True


def _inside_taken(block, taken: set) -> bool:
    return any(a in taken for a in block.iterancestors())
