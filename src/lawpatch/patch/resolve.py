"""Finding an op's target on the base text: the unit, and for word ops the exact span."""
from __future__ import annotations

from dataclasses import dataclass

from .. import structure as st
from .ops import OpError


@dataclass
class Span:
    p: object          # the <p> block
    start: int
    end: int


def occurrences(paragraphs, words: str) -> list[Span]:
    out = []
    for p in paragraphs:
        text = st.block_text(p)
        i = text.find(words)
        while i >= 0:
            out.append(Span(p, i, i + len(words)))
            i = text.find(words, i + len(words))
    return out


def closest(text: str, words: str) -> str:
    """The fragment of ``text`` nearest to ``words`` (diff-match-patch fuzzy match, widened to
    whole words), or "" when nothing is near enough to help."""
    if not text or not words:
        return ""
    from difflib import SequenceMatcher

    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Match_Distance = max(len(text), 1000)
    probe = words[: dmp.Match_MaxBits]
    loc = dmp.match_main(text, probe, 0)
    if loc < 0:
        return ""
    start = text.rfind(" ", 0, loc + 1) + 1
    end = text.find(" ", min(loc + len(words), len(text)))
    fragment = text[start: end if end >= 0 else len(text)].strip(" ,;:.")
    return fragment if SequenceMatcher(None, fragment, words).ratio() >= 0.6 else ""


def find_words(el, words: str, occurrence, what: str = "words") -> list[Span]:
    """The span(s) of ``words`` in the unit's normative text — its own blocks and those of its
    sub-units («в части 2 статьи 16 слова … заменить» reaches the part's points too) — never in
    editorial notes."""
    blocks = [p for p in el.iter(st.A + "p")]
    spans = occurrences([p for p in blocks if not st.is_editorial(p)], words)
    if not spans:
        if occurrences([p for p in blocks if st.is_editorial(p)], words):
            raise OpError("CHECK.WORDS_IN_NOTE", f"«{words}» is only inside an editorial note",
                          "word operations never change editorial notes")
        text = "\n".join(st.block_text(p) for p in blocks if not st.is_editorial(p))
        near = closest(text, words)
        hint = f"closest text in the unit: «{near}»" if near else f"the unit's text: «{text[:200]}»"
        raise OpError("CHECK.OLD_WORDS_NOT_FOUND", f"{what} «{words}» not found in the unit's text", hint)
    if occurrence == "all":
        return spans
    if occurrence is None:
        if len(spans) > 1:
            raise OpError("CHECK.WORDS_AMBIGUOUS", f"{what} «{words}» occur {len(spans)} times",
                          'say which with occurrence="N" (or occurrence="all")')
        return spans
    if int(occurrence) > len(spans):
        raise OpError("CHECK.OCCURRENCE", f"{what} «{words}» occur {len(spans)} times, not {occurrence}",
                      f"occurrence is 1..{len(spans)}")
    return [spans[int(occurrence) - 1]]
