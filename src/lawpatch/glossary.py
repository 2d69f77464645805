"""The glossary: Russian and Kyrgyz terms that translate each other («налоговый агент» ⇄ «салык
агенти»), read from ``glossary/terms.tsv`` and used by ``parity`` and ``check``.

The file is UTF-8 text, one pair a line, three columns separated by a tab: the Russian term, the
Kyrgyz term, where the pair comes from (``tax-code art_4__para_2__point_9`` or any note). A column
may give variants separated by `` | `` («трудящийся-мигрант | работник-мигрант»). Lines starting
with ``#`` and empty lines are comments; the first line that is not a comment is the header
``rus	kir	source``. Terms are written as in a definition (nominative, lower case); a term is found
in a text in any of its case forms, as the stems of its words (docs/drafting.md, «The glossary»).

:func:`definitions` reads the pairs of a law's definition articles («Основные понятия» ⇄ «Негизги
түшүнүктөр»), unit by unit, to seed or extend the file (``lawpatch glossary``).
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from . import structure as st
from . import vocabulary as voc
from .errors import LawpatchError
from .resources import project_file

HEADER = ("rus", "kir", "source")
FILE = ("glossary", "terms.tsv")


class GlossaryError(LawpatchError):
    """A glossary file that cannot be read: its file and line, and what is wrong."""

    exit_code = 2


class Term(NamedTuple):
    """One pair: the Russian and the Kyrgyz term (each with its variants), and its source."""

    rus: tuple[str, ...]
    kir: tuple[str, ...]
    source: str = ""
    line: int = 0

    def words(self, lang: str) -> tuple[str, ...]:
        return self.rus if lang == "rus" else self.kir


_RU_ENDING = "аеиоуыэюяйь"


_KY_ENDINGS = frozenset(voc.KY_CASE_ENDINGS)
_KY_ENDING_LENGTHS = sorted({len(e) for e in _KY_ENDINGS}, reverse=True)     # the longest ending a word has


def _stem(word: str, lang: str) -> str:
    """The part of a word every case form keeps: RU without its vowel ending, cut to all but two
    letters («трудящийся», «трудящихся» → «трудящи»; «лицо», «лица» → «лиц»); KY without its case
    ending («товарды» → «товар»: «товарларды»), the consonant that alternates («салык» → «салы»: «салыгы») or a final possessive vowel («агенти» →
    «агент»: «агенттеринин»)."""
    if lang == "rus":
        bare = word.rstrip(_RU_ENDING) or word
        return bare if len(bare) <= 5 else bare[:max(5, len(bare) - 2)]
    ending = next((word[-n:] for n in _KY_ENDING_LENGTHS if len(word) - n >= 4 and word[-n:] in _KY_ENDINGS), "")
    if ending and len(word) > 5:                  # «товарды» → «товар»: «товарларды»
        return word[:-len(ending)]
    if len(word) > 4 and word[-1] in "кп":        # «бөлүк» → «бөлүгү», «китеп» → «китеби»
        return word[:-1]
    if len(word) > 5 and word[-1] in "иыуү":      # the possessive of a compound («салык агенти» → «агент»)
        return word[:-1]
    return word


def term_pattern(term: str, lang: str) -> str:
    """A regular expression finding ``term`` in any case form: the stems of its words, in order.

    >>> bool(re.search(term_pattern("налоговый агент", "rus"), "налоговыми агентами", re.I))
    True
    >>> bool(re.search(term_pattern("салык агенти", "kir"), "салык агенттеринин", re.I))
    True
    """
    return r"(?<![\w-])" + r"[\s-]+".join(re.escape(stem) + r"\w*" for stem in _stems(term, lang))


@lru_cache(maxsize=4096)
def _stems(term: str, lang: str) -> tuple[str, ...]:
    """The stems of a term's words, in order."""
    return tuple(_stem(w, lang) for w in re.findall(r"\w+", term.lower()))


_GAP = re.compile(r"[\s-]+")
_WORD = re.compile(r"\w*")


def _is_form(term: str, lang: str, phrase: str) -> bool:
    """Whether ``phrase`` (as :func:`normal` makes it) is ``term`` in a case form: what
    :func:`term_pattern` matches as a whole, told without compiling it (a quoted phrase is asked of
    each term whose first stem begins it, and each compiling cost a fifth of a millisecond).

    >>> _is_form("налоговый агент", "rus", "налоговыми агентами"), _is_form("налоговый агент", "rus", "налоговый агент банка")
    (True, False)
    """
    words, stems = _GAP.split(phrase), _stems(term, lang)
    return len(words) == len(stems) and all(w.startswith(s) and _WORD.fullmatch(w, len(s))
                                            for w, s in zip(words, stems))


def normal(phrase: str) -> str:
    """A term as the glossary keys it: lower case, «е» for «ё», single spaces, no outer punctuation."""
    return " ".join(phrase.lower().replace("ё", "е").strip(" «»\"'.,;:").split())


class Glossary:
    def __init__(self, terms: list[Term], source: str = ""):
        self.terms = terms
        self.source = source

    def __len__(self) -> int:
        return len(self.terms)

    @cached_property
    def _by_term(self) -> dict[tuple[str, str], Term]:
        return {(lang, normal(v)): t for t in self.terms for lang in ("rus", "kir") for v in t.words(lang)}

    def lookup(self, phrase: str, lang: str) -> Term | None:
        """The pair whose ``lang`` term is ``phrase`` (as quoted in a text), in any case form, or None.

        >>> Glossary([Term(("трудящийся-мигрант",), ("эмгек мигранты",))]).lookup("трудящихся-мигрантов", "rus").kir
        ('эмгек мигранты',)
        """
        key = normal(phrase)
        found = self._by_term.get((lang, key))
        if found is None and len(key) < 120:
            # a case form's first word begins with the stem of the term's first word: the terms to
            # try are those whose first stem is a beginning of the phrase's first word, in order
            first = _GAP.split(key, 1)[0]
            tried = sorted(c for n in range(1, len(first) + 1) for c in self._by_first_stem.get((lang, first[:n]), ()))
            found = next((self.terms[i] for i, v in tried if _is_form(v, lang, key)), None)
        return found

    @cached_property
    def _by_first_stem(self) -> dict[tuple[str, str], list[tuple[int, str]]]:
        """(lang, the stem of a variant's first word) → the variants': (the place of its pair, the variant)."""
        out: dict = {}
        for i, t in enumerate(self.terms):
            for lang in ("rus", "kir"):
                for v in t.words(lang):
                    out.setdefault((lang, _stems(v, lang)[0]), []).append((i, v))
        return out

    def occurs(self, term: Term, text: str, lang: str) -> bool:
        """Whether any variant of the pair's ``lang`` term is in ``text``, in any case form."""
        return any(_compiled(v, lang).search(text) for v in term.words(lang))

    def found(self, text: str, lang: str) -> set[Term]:
        """The pairs whose ``lang`` term is in ``text`` (a short text: an op's words); a term only
        inside a longer one («киреше» in «киреше салыгы») is the longer term's, not its own.

        >>> g = Glossary([Term(("доход",), ("киреше",)), Term(("подоходный налог",), ("киреше салыгы",))])
        >>> [t.rus[0] for t in g.found("киреше салыгын төлөөчүлөр", "kir")]
        ['подоходный налог']
        """
        low = text.lower()
        spans = [(m.start(), m.end(), t) for t in self.terms for v in t.words(lang)
                 if _stems(v, lang)[0] in low for m in _compiled(v, lang).finditer(text)]
        return {t for a, b, t in spans
                if not any(x <= a and b <= y and (y - x) > (b - a) for x, y, _ in spans)}


@lru_cache(maxsize=4096)
def _compiled(term: str, lang: str) -> re.Pattern:
    return re.compile(term_pattern(term, lang), re.IGNORECASE)


def read_glossary(path: str | Path) -> Glossary:
    """Read a glossary file; a line that is not a pair raises :class:`GlossaryError` with its line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"{path}: cannot read the glossary: {exc}") from exc
    terms: list[Term] = []
    header = False
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            if tuple(c.strip() for c in cells) != HEADER:
                raise GlossaryError(f"{path}:{n}: the header is «rus<TAB>kir<TAB>source», not «{line.strip()}»")
            header = True
            continue
        if len(cells) != 3 or not cells[0].strip() or not cells[1].strip():
            raise GlossaryError(f"{path}:{n}: a pair is «russian term<TAB>kyrgyz term<TAB>source» "
                                f"({len(cells)} column(s) here: «{line.strip()[:80]}»)")
        rus, kir = (tuple(normal(v) for v in cell.split("|") if v.strip()) for cell in cells[:2])
        terms.append(Term(rus, kir, cells[2].strip(), n))
    if not header:
        raise GlossaryError(f"{path}: no header «rus<TAB>kir<TAB>source»")
    return Glossary(terms, str(path))


@lru_cache(maxsize=8)
def _load(path: str) -> Glossary:
    return read_glossary(path)


def load_glossary(root=".") -> Glossary:
    """The glossary of the repository at ``root`` (``glossary/terms.tsv``), or the project's own."""
    path = Path(root).joinpath(*FILE)
    return _load(str((path if path.is_file() else project_file(*FILE)).resolve()))


# --- seeding from definition articles ------------------------------------------------------------

_PREPOSITIONS = {"в", "во", "на", "для", "по", "при", "с", "со", "к", "о", "об", "от", "из", "за", "до"}


def defined_term(term: str) -> tuple[str, ...] | None:
    """A defined term fit for a glossary line, with its variants («тарифная ставка (оклад)»: both):
    a few words, no figures, not a phrase opening with a preposition («на земельный участок - …» is
    an item, not a term), no parenthesis left open («… (далее»).

    >>> defined_term("Оплата труда"), defined_term("Тарифная ставка (оклад)"), defined_term("в течение 2 дней")
    (('оплата труда',), ('тарифная ставка', 'оклад'), None)
    """
    m = re.fullmatch(r"([^()]+?)(?:\s*\(([^()]+)\))?", term.strip())
    words = term.split()
    if m is None or not words or len(words) > 6 or re.search(r"\d", term) or words[0].lower() in _PREPOSITIONS:
        return None
    return tuple(normal(v) for v in m.groups() if v)


def definitions(rus, kir) -> list[Term]:
    """The pairs of the definition articles of a law's two texts (:func:`lawpatch.definitions.
    law_definitions` read in each), unit by unit: the same eId defines the pair, in the law's order."""
    from .definitions import law_definitions

    kyrgyz = {d.eid: d for d in law_definitions(kir)}
    out: list[Term] = []
    seen: set = set()
    for d in law_definitions(rus):
        twin = kyrgyz.get(d.eid)
        ru, ky = defined_term(d.term), defined_term(twin.term) if twin else None
        if ru and ky and (ru, ky) not in seen and not st.is_repealed(rus.get(d.eid)):
            seen.add((ru, ky))
            out.append(Term(ru, ky, d.eid))
    return out


def write_lines(terms: list[Term], slug: str) -> list[str]:
    """Glossary lines for ``terms`` found in the law ``slug`` (its definition units as the source)."""
    return ["\t".join((" | ".join(t.rus), " | ".join(t.kir), f"{slug} {t.source}".strip())) for t in terms]
