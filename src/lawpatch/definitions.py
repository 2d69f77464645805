"""The terms a law defines («Трудящийся-мигрант - лицо, …»), and a word diff of two definitions
that matches words by their dictionary form, so that «лиц, состоящих» and «лицо, состоящее»
are the same words in another case, not a change.

A definition is a block «Термин - определение» in an article whose heading speaks of notions or
terms («Основные понятия», «Термины и определения»), or any block that opens with a term the
caller asks for (laws define some terms where they use them: «Лицо без гражданства - …»).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import structure as st
from .compare.words import tokens, word_diff

_HEADING = re.compile(r"(?i)понят|термин|определени|түшүнүк|аныктама")     # «Основные понятия», «Негизги түшүнүктөр»
# «Термин - определение»: a dash between spaces (the term itself may hold hyphens and commas)
_DEFINITION = re.compile(r"^\s*(?P<term>[^\s-][^:;]{0,120}?),?\s+[-–—]\s+(?P<text>\S.*)$", re.S)


@dataclass(frozen=True)
class Definition:
    term: str          # as the law writes it
    text: str          # the definition, without the final «;» or «.»
    eid: str
    line: int


def normal(term: str) -> str:
    """A term compared the way people read it: lower case, «ё» as «е», no quotes, single spaces."""
    return " ".join(re.sub(r"[«»\"“”„]", " ", term).lower().replace("ё", "е").split())


def law_definitions(law, terms=()) -> list[Definition]:
    """Every definition of ``law``: in its articles on notions and terms, and any block opening
    with one of ``terms`` (normalised names)."""
    wanted = {normal(t) for t in terms}
    out = []
    for article in law.articles():
        in_definitions = bool(_HEADING.search(st.heading_text(article)))
        for unit in st.iter_units(article):
            for p in st.own_paragraphs(unit):
                d = _definition(st.block_text(p))
                if d and (in_definitions or normal(d[0]) in wanted):
                    out.append(Definition(d[0], d[1], unit.get("eId"), p.sourceline or unit.sourceline or 0))
    return out


def _definition(text: str) -> tuple[str, str] | None:
    # «В настоящем Законе используются следующие основные понятия: гражданство … - …»
    if ":" in text[:200] and re.search(r"(?i)понят|термин|түшүнүк", text.split(":", 1)[0]):
        text = text.split(":", 1)[1]
    m = _DEFINITION.match(text.strip())
    if m is None:
        return None
    term = m.group("term").strip().strip("«»\"")
    body = re.split(r";\s*\(|\s+\((?:абзац|в редакции)", m.group("text"), maxsplit=1, flags=re.I)[0]
    return term, body.strip().rstrip(";.").strip()


# --- a diff on dictionary forms -----------------------------------------------------------------
@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=None)
def lemma(word: str) -> str:
    """The dictionary form of a Russian word («состоящих» → «состоять»); other tokens as they are."""
    if not re.fullmatch(r"[А-Яа-яЁё]+", word):
        return word.lower()
    return _morph().parse(word.lower())[0].normal_form.replace("ё", "е")


@dataclass(frozen=True)
class Piece:
    op: str      # equal | delete (only in the first text) | insert (only in the second)
    text: str


def lemma_diff(first: str, second: str) -> tuple[list[Piece], list[Piece]]:
    """The two texts as pieces: words the other text lacks (by dictionary form) are ``delete`` in
    the first and ``insert`` in the second; each side keeps its own wording."""
    a, b = tokens(first), tokens(second)
    segments = word_diff(_lemmas(a), _lemmas(b))
    left: list[Piece] = []
    right: list[Piece] = []
    i = j = 0
    for seg in segments:
        n = len(tokens(seg.text))
        if seg.op in ("equal", "delete"):
            _add(left, "equal" if seg.op == "equal" else "delete", "".join(a[i:i + n]))
            i += n
        if seg.op in ("equal", "insert"):
            _add(right, "equal" if seg.op == "equal" else "insert", "".join(b[j:j + n]))
            j += n
    return left, right


def _lemmas(toks: list[str]) -> str:
    return "".join(t if t.isspace() else lemma(t) for t in toks)


def _add(pieces: list[Piece], op: str, text: str) -> None:
    if not text:
        return
    if op != "equal" and text.isspace() or op != "equal" and not re.search(r"\w", text):
        op = "equal"  # spaces and punctuation alone are not a difference in meaning
    if pieces and pieces[-1].op == op:
        pieces[-1] = Piece(op, pieces[-1].text + text)
    else:
        pieces.append(Piece(op, text))


def content_words(pieces: list[Piece], op: str) -> list[str]:
    """The words of ``op`` pieces («delete»: what the other text lacks), in order."""
    return [w for p in pieces if p.op == op for w in re.findall(r"\w+(?:-\w+)*", p.text)]


def agreement(first: str, second: str) -> float:
    """Share of words (by dictionary form, in any order) the two definitions have in common, 0…1."""
    from collections import Counter

    a = Counter(lemma(w) for w in re.findall(r"\w+", first))
    b = Counter(lemma(w) for w in re.findall(r"\w+", second))
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 1.0
