"""Words as a KR drafter means them: whole words, spacing that follows the text, and the forms of
a word in every case.

«слово «суд» заменить …» never touches «судом» or «судебный»; a hyphenated compound
(«трудящийся-мигрант») is one word; occurrences are counted in whole words, as a drafter counts
them. New words that begin with punctuation («, сильнодействующими веществами») join the text without
a space before them; words taken out leave no double space and no space before punctuation.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from .. import vocabulary as voc
from ..errors import Refusal

_PUNCT_START = ",.;:)»!?"
# characters a drafter's text may have where the law has another: (theirs, the law's, name)
_LOOKALIKES = [("\u00a0", " ", "NO-BREAK SPACE"), ("\u2013", "-", "EN DASH"), ("\u2014", "-", "EM DASH"),
               ("-", "\u2013", "HYPHEN-MINUS"), ("-", "\u2014", "HYPHEN-MINUS"), ("\u2011", "-", "NON-BREAKING HYPHEN"),
               ("ё", "е", "LETTER IO"), ("\"", "«", "QUOTATION MARK"), ("\"", "»", "QUOTATION MARK"),
               ("«", "\"", "LEFT-POINTING DOUBLE ANGLE QUOTATION MARK"),
               ("»", "\"", "RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK")]


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _joined(text: str, i: int, step: int) -> bool:
    """Whether position ``i`` (just outside a match) continues the word: a letter or digit, or a
    hyphen that joins a letter or digit on its far side («трудящийся-мигрант», «5-1»)."""
    if not 0 <= i < len(text):
        return False
    c = text[i]
    if _is_word_char(c):
        return True
    far = i + step
    return c in "-\u2011" and 0 <= far < len(text) and _is_word_char(text[far])


def find_whole(text: str, words: str, ignore_first_case: bool = False) -> list[tuple[int, int]]:
    """Every whole-word occurrence of ``words`` in ``text`` as (start, end), left to right, not
    overlapping. With ``ignore_first_case`` a capital first letter matches too («Суд» for «суд»).

    >>> find_whole("суд и судом, в суд", "суд")
    [(0, 3), (15, 18)]
    >>> find_whole("трудящийся-мигрант и мигрант", "мигрант")
    [(21, 28)]
    """
    if not words:
        return []
    out: list[tuple[int, int]] = []
    starts_word, ends_word = _is_word_char(words[0]), _is_word_char(words[-1])
    probes = {words}
    if ignore_first_case and words[0].isalpha():
        probes |= {words[0].upper() + words[1:], words[0].lower() + words[1:]}
    hits = sorted({i for p in probes for i in _all(text, p)})
    last_end = -1
    for i in hits:
        end = i + len(words)
        if i < last_end:
            continue
        if starts_word and _joined(text, i - 1, -1):
            continue
        if ends_word and _joined(text, end, 1):
            continue
        out.append((i, end))
        last_end = end
    return out


def _all(text: str, probe: str):
    i = text.find(probe)
    while i >= 0:
        yield i
        i = text.find(probe, i + 1)


def check_words(words: str, what: str = "words") -> None:
    """Refuse words a drafter cannot have meant as typed: spaces at either end."""
    if words != words.strip():
        side = "start" if words[:1].isspace() else "end"
        char = words[0] if side == "start" else words[-1]
        raise Refusal("CHECK.WORDS_SPACING", f"the {what} «{words}» have {_char_name(char)} at the {side}",
                        "quote the words alone: spacing around them follows the text")


def _char_name(c: str) -> str:
    return f"«{c}» ({unicodedata.name(c, 'U+%04X' % ord(c))})" if not c.isspace() or c == "\u00a0" else \
        f"a space ({unicodedata.name(c, 'U+%04X' % ord(c))})"


def why_not_found(text: str, words: str) -> str:
    """A hint for words that are not in ``text``: a look-alike character, a match inside longer
    words only, or "" when neither explains it."""
    for theirs, ours, name in _LOOKALIKES:
        if theirs in words and find_whole(text, words.replace(theirs, ours)):
            law_name = unicodedata.name(ours, "U+%04X" % ord(ours))
            return (f"the words have «{theirs}» ({name}) where the law has «{ours}» ({law_name}); "
                    "type the law's character")
    inside = [m.group(0) for m in re.finditer(r"[\w\-]*" + re.escape(words) + r"[\w\-]*", text)]
    if inside:
        shown = ", ".join(f"«{w}»" for w in dict.fromkeys(inside))
        return (f"«{words}» occurs only inside other words ({shown}): word operations match whole words; "
                'for the other case forms of a word use forms="cases"')
    return ""


# --- spacing -------------------------------------------------------------------------------------

def splice(text: str, start: int, end: int, new: str) -> str:
    """``text[start:end]`` replaced by ``new``: single spaces, none before punctuation.

    >>> splice("в суд, и", 2, 5, "")
    'в, и'
    >>> splice("а суд б", 2, 5, "")
    'а б'
    >>> splice("решения суда или", 8, 12, "суда, приказа")
    'решения суда, приказа или'
    >>> splice("решения суда или", 8, 12, ", приказа")
    'решения, приказа или'
    """
    left, right = text[:start], text[end:]
    if not new:
        if left.endswith(" ") and (right.startswith(" ") or right[:1] in _PUNCT_START or not right):
            left = left.rstrip(" ")
        elif not left and right.startswith(" "):
            right = right.lstrip(" ")
        return left + right
    if new[:1] in _PUNCT_START and left.endswith(" "):    # «суда» → «, нотариуса»: no space before the comma
        left = left.rstrip(" ")
    return left + new + right


def insertion(new: str, after: bool) -> str:
    """The words to put next to an anchor: a space between words, none before punctuation.

    >>> insertion(", а также", True), insertion("или к нотариусу", True), insertion("новые", False)
    (', а также', ' или к нотариусу', 'новые ')
    """
    if after:
        return new if new[:1] in _PUNCT_START + " " else " " + new
    return new if new[-1:] in " («" else new + " "


# --- case forms (Russian) -----------------------------------------------------------------------

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


class FormPair(NamedTuple):
    """One case of a case-forms replacement: the old words in that case → the new words in it (a
    named tuple: a frozen dataclass compiled six methods at import)."""

    case: str
    old: str
    new: str


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


_AGREEING = ("ADJF", "PRTF", "NUMR")


def _nominatives(word: str, pos: tuple[str, ...]) -> list:
    return [p for p in _morph().parse(word) if "nomn" in p.tag and p.tag.POS in pos]


def _phrase_parses(phrase: str) -> list:
    """For each word of the phrase, the parse to inflect it by, or None where it stays as it is.

    The head is the first noun in the nominative; the words before it that agree with it
    (adjectives, participles, numerals) go with it; the words after it depend on it and keep their
    form («органы опеки и попечительства», «члены семьи», «лицо без гражданства»). A hyphenated
    word inflects each part («трудящийся-мигрант» → «трудящегося-мигранта», «работник-мигрант» →
    «работника-мигранта») but the fixed first parts of titles («премьер-министр» → «премьер-министра»)."""
    words = phrase.split()
    heads = [i for i, w in enumerate(words) if _nominatives(w.split("-")[-1], ("NOUN",))]
    if not heads:
        heads = [i for i, w in enumerate(words) if _nominatives(w.split("-")[-1], ("NOUN",) + _AGREEING)]
    if not heads:
        raise Refusal("CHECK.CASE_FORMS", f"«{phrase}» has no word in the nominative to inflect",
                      "give the words in the nominative case («орган», «органы опеки»)")
    h = heads[0]
    head = _nominatives(words[h].split("-")[-1], ("NOUN",) + _AGREEING)[0]
    out: list = []
    for i, w in enumerate(words):
        if i > h:
            out.append(None)
            continue
        parts = []
        pieces = w.split("-")
        for k, part in enumerate(pieces):
            last = k == len(pieces) - 1
            fixed = not last and part.lower() in voc.RU_FIXED_FIRST_PARTS   # «премьер-министра», «вице-президента»
            pos = () if fixed else ("NOUN",) + _AGREEING if i == h else _AGREEING
            cands = _nominatives(part, pos)
            agreeing = [c for c in cands if c.tag.number == head.tag.number] or cands
            parts.append(agreeing[0] if agreeing else None)
        out.append(parts)
    return out


def _phrase_forms(phrase: str, number: str | None = None) -> dict[str, str]:
    """The phrase in each case (:func:`_phrase_parses` says which words inflect); in the number
    given («sing», «plur»), else in the phrase's own.

    >>> _phrase_forms("органы опеки и попечительства")["gent"]
    'органов опеки и попечительства'
    >>> _phrase_forms("трудящийся-мигрант")["datv"], _phrase_forms("иностранный гражданин", "plur")["gent"]
    ('трудящемуся-мигранту', 'иностранных граждан')
    """
    words, parses = phrase.split(), _phrase_parses(phrase)
    animacy = next((p.tag.animacy for ps in parses if ps for p in ps if p is not None and p.tag.POS == "NOUN"), None)
    forms: dict[str, str] = {}
    for case in _CASES:
        out = []
        for w, ps in zip(words, parses):
            if ps is None:
                out.append(w)
                continue
            parts = []
            for part, p in zip(w.split("-"), ps):
                if p is None:
                    parts.append(part)
                    continue
                grammemes = {case} | ({number} if number else set())
                if case == "accs" and p.tag.POS != "NOUN" and animacy:
                    grammemes.add(animacy)
                form = p.inflect(grammemes)
                word = form.word if form else part
                parts.append(_match_case(part, word.replace("ё", "е") if "ё" not in part else word))
            out.append("-".join(parts))
        forms[case] = " ".join(out)
    return forms


def _match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def case_pairs(old: str, new: str) -> list[FormPair]:
    """The old words in every case and the new words in the same case («суд» → «нотариус»: «суда» →
    «нотариуса», «судом» → «нотариусом» …); one pair per distinct old form, the first case kept
    where two cases share a form.

    >>> [(p.old, p.new) for p in case_pairs("суд", "нотариус")][:3]
    [('суд', 'нотариус'), ('суда', 'нотариуса'), ('суду', 'нотариусу')]
    """
    olds, news = _phrase_forms(old), _phrase_forms(new)
    pairs: list[FormPair] = []
    seen: set[str] = set()
    for case in _CASES:
        if olds[case] in seen:
            continue
        seen.add(olds[case])
        pairs.append(FormPair(case, olds[case], news[case]))
    return pairs


def other_number_forms(phrase: str) -> list[str]:
    """The phrase's forms in the other number than its own, those no form of its own number shares
    («мигрант» → «мигранты», «мигрантов», «мигрантам» …): words «в различных падежных формах»
    replaces in the number given only, so the rest is worth a word to the drafter.

    >>> other_number_forms("суд")[:3]
    ['суды', 'судов', 'судам']
    """
    head = next((p for ps in _phrase_parses(phrase) if ps for p in ps
                 if p is not None and p.tag.POS == "NOUN" and p.tag.number), None)
    if head is None or "Pltm" in head.tag or "Sgtm" in head.tag:
        return []
    own = set(_phrase_forms(phrase).values())
    other = _phrase_forms(phrase, "plur" if head.tag.number == "sing" else "sing")
    out: list[str] = []
    for case in _CASES:
        if other[case] not in own and other[case] not in out and other[case] != phrase:
            out.append(other[case])
    return out


def common_stem(forms: list[str]) -> str:
    """The lower-case start every form shares («суд», «суда», «судом» → «суд»): a block without it
    holds none of them.

    >>> common_stem(["Налогоплательщик", "налогоплательщика"])
    'налогоплательщик'
    """
    import os.path

    return os.path.commonprefix([f.lower() for f in forms])


def with_capital(found: str, new: str) -> str:
    """``new`` with the capital letter of the text it replaces («Суд» → «Нотариус»)."""
    return new[:1].upper() + new[1:] if found[:1].isupper() and not new[:1].isupper() else new


def closest(text: str, words: str) -> str:
    """The fragment of ``text`` nearest to ``words`` (diff-match-patch's fuzzy match, widened to
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
