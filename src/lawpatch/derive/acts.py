"""«По всему тексту Кодекса слова «…» заменить словами «…»»: one instruction for a replacement made
alike in several units and everywhere in the act; «слово «…» в различных падежных формах заменить
словом «…» в соответствующих падежах» where the replacements are the case forms of one.

A replacement qualifies when the same old words become the same new words in at least
:data:`MIN_UNITS` units and every whole-word occurrence of the old words in the act's text (its
headings included, editorial notes not) is one of those changes — or lies in a unit the bill takes
whole (restated, excluded, repealed), where the replacement changes nothing that stays. Case
forms qualify alike: changes in several units that are forms of one word in different cases (the
forms the engine replaces: :func:`lawpatch.patch.words.case_pairs`), each form's every occurrence
one of them. The engine runs such instructions before all others, so the word jobs are planned
afterwards on the text they leave.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from .. import structure as st
from ..patch import words as w
from ..patch.model import ALL, Kind
from .words import WordEdit, apply_edit, hunks, norm, tokens

MIN_UNITS = 2


@lru_cache(maxsize=1024)
def _changes(text: str, new: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, old words, new words) of each change of ``text`` into ``new``, at word bounds
    (asked again for each replacement found, of the texts most of which it left as they were)."""
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
    return tuple(out)


def act_wide(jobs: list, body, taken: set) -> list[WordEdit]:
    """The act-wide replacements among ``jobs`` (:class:`.plan.WordJob`), each as a word edit with
    occurrence «all»; the jobs' texts (``job.current``) are updated as the engine will leave them."""
    for job in jobs:
        job.current = job.old
    found: list[WordEdit] = []
    tried: set = set()
    blocks = _Blocks(body)
    while True:
        counts: Counter = Counter()
        for job in jobs:
            for pair in {(old, new) for _, _, old, new in _changes(job.current, job.new)}:
                counts[pair] += 1
        candidates = [(n, len(p[0]), p) for p, n in counts.items() if n >= MIN_UNITS and p not in tried]
        if not candidates:
            forms = _case_forms(jobs, blocks, taken, tried)
            if forms is None:
                return found
            found.append(forms)
            continue
        _, _, (old, new) = max(candidates)
        tried.add((old, new))
        if _everywhere(old, new, jobs, blocks, taken):
            edit = WordEdit(Kind.REPLACE_WORDS, old=old, new=new, occurrence=ALL) if new else \
                WordEdit(Kind.DELETE_WORDS, old=old, occurrence=ALL)
            for job in jobs:
                if w.find_whole(job.current, old):
                    job.current = apply_edit(job.current, edit)
            found.append(edit)


class _Blocks:
    """The act's normative blocks and headings as (element, text), read only as far as a search
    goes (a candidate is often refused at one of the first blocks) and kept for the next search."""

    def __init__(self, body):
        self._unread = (b for b in body.iter(st.A + "p", st.A + "heading") if not st.is_editorial(b))
        self._read: list = []

    def __iter__(self):
        k = 0
        while True:
            if k == len(self._read):
                block = next(self._unread, None)
                if block is None:
                    return
                self._read.append((block, st.block_text(block)))
            yield self._read[k]
            k += 1


def _case_forms(jobs: list, blocks: _Blocks, taken: set, tried: set) -> WordEdit | None:
    """One «в различных падежных формах» replacement the jobs make everywhere, or None (applied
    to the jobs' texts when found). Morphology is consulted only for changes whose words look
    alike (the same beginnings in different forms), so that most bills never load it."""
    changes = [(job, old, new) for job in jobs for _, _, old, new in _changes(job.current, job.new) if new]
    groups: dict = {}
    for job, old, new in changes:
        if all(word.isalpha() for word in old.split() + new.split()):
            groups.setdefault((tuple(x[:4].lower() for x in old.split()), tuple(x[:3].lower() for x in new.split())),
                              []).append((job, old, new))
    for group in groups.values():
        if len({old.lower() for _, old, _ in group}) < 2 or len({id(j) for j, _, _ in group}) < MIN_UNITS:
            continue
        # each form seen must change wherever it stands before the morphology is worth asking
        if not all(_everywhere(old, new, jobs, blocks, taken, any_case=True) for _, old, new in group):
            continue
        for nominative in _nominatives(group[0][1], group[0][2]):
            if nominative in tried:
                continue
            tried.add(nominative)
            edit = WordEdit(Kind.REPLACE_WORDS, old=nominative[0], new=nominative[1], occurrence=ALL, case_forms=True)
            if _forms_everywhere(edit, jobs, blocks, taken):
                for job in jobs:
                    job.current = apply_edit(job.current, edit)
                return edit
    return None


def _nominatives(old: str, new: str) -> list[tuple[str, str]]:
    """(old, new) in the nominative for each case the changed words may stand in, where the
    engine's forms of that pair include this change."""
    from pymorphy3 import MorphAnalyzer

    from ..patch.words import _morph

    morph: MorphAnalyzer = _morph()
    out = []
    for case in ("nomn", "gent", "datv", "accs", "ablt", "loct"):
        pair = []
        for phrase in (old, new):
            words = []
            for word in phrase.split():
                parse = next((p for p in morph.parse(word) if p.tag.case == case and p.tag.number == "sing"), None)
                form = parse.inflect({"nomn"}) if parse is not None else None
                words.append(form.word.replace("ё", "е") if form is not None else word.lower())
            pair.append(" ".join(words))
        try:
            forms = {(p.old, p.new) for p in w.case_pairs(*pair)}
        except Exception:         # noqa: BLE001 — words pymorphy3 cannot inflect: no case forms
            continue
        if (old.lower(), new.lower()) in {(a.lower(), b.lower()) for a, b in forms} and tuple(pair) not in out:
            out.append(tuple(pair))
    return out


def _forms_everywhere(edit: WordEdit, jobs: list, blocks: _Blocks, taken: set) -> bool:
    """Whether the case-forms ``edit`` makes, in each block, exactly the changes of those forms
    the edited text has there (and in at least :data:`MIN_UNITS` blocks)."""
    by_block = {job.block: job for job in jobs}
    pairs = w.case_pairs(edit.old, edit.new)
    forms = {(p.old.lower(), p.new.lower()) for p in pairs}
    hits = 0
    for block, text in blocks:
        job = by_block.get(block)
        if job is not None:
            text = job.current
        low = text.lower()
        if not any(p.old.lower() in low for p in pairs):
            continue
        if not any(w.find_whole(text, p.old, ignore_first_case=True) for p in pairs):
            continue
        if job is None:
            if not _inside_taken(block, taken):
                return False
            continue
        expected = text
        for a, b, old, new in reversed(_changes(text, job.new)):
            if (old.lower(), new.lower()) in forms:
                expected = expected[:a] + new + expected[b:]
        if expected == text or norm(apply_edit(text, edit) or "") != norm(expected):
            return False
        hits += 1
    return hits >= MIN_UNITS


def _everywhere(old: str, new: str, jobs: list, blocks: _Blocks, taken: set, any_case: bool = False) -> bool:
    """Whether each occurrence of ``old`` in the act's ``blocks`` ((element, text) of its
    normative blocks and headings) is a change of it into ``new`` (or lies in a unit taken whole);
    ``any_case``: the first letter's case aside."""
    by_block = {job.block: job for job in jobs}
    fold = (lambda x: x.lower()) if any_case else (lambda x: x)  # noqa: E731
    for block, text in blocks:
        job = by_block.get(block)
        if job is not None:
            text = job.current
        if fold(old) not in fold(text):
            continue
        spans = w.find_whole(text, old, ignore_first_case=any_case)
        if not spans:
            continue
        if job is None:
            if not _inside_taken(block, taken):
                return False
            continue
        changes = {(a, b): (fold(o), fold(n)) for a, b, o, n in _changes(text, job.new)}
        if any(changes.get(span) != (fold(old), fold(new)) for span in spans):
            return False
        if not new and w.find_whole(job.new, old):    # words moved, not taken out
            return False
    return True


def _inside_taken(block, taken: set) -> bool:
    return any(a in taken for a in block.iterancestors())
