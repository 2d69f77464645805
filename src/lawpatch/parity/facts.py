"""What a translation must keep, read from a Russian or a Kyrgyz text: numbers (figures and words),
dates, amounts, percentages, references to units, and the numbers of other acts.

:func:`facts` reads one text into :class:`Fact` values that compare across the languages: «в
течение тридцати дней» and «30 күндүн ичинде» both hold the number 30; «частью 2 статьи 5» and
«5-беренесинин 2-бөлүгү» both hold the references (статья 5) and (часть 2); «от 17 июля 2000 года
№ 61» and «2000-жылдын 17-июлундагы № 61» the date 2000-07-17 and the act № 61. The words come from
:mod:`lawpatch.vocabulary` and :mod:`lawpatch.dates`.

Each figure is read once, as the most specific fact it is part of: a date before a reference, a
reference before a number. Number words that are as often not numbers («один», «бир», «оба») are
*weak*: they may answer a figure in the other text but never make a difference themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import vocabulary as voc
from ..dates import read_dates

KINDS = ("number", "percent", "amount", "date", "reference", "act")


@dataclass(frozen=True)
class Fact:
    """One thing a translation must keep: its kind, a value that compares across the languages,
    and where it is printed in the text."""

    kind: str
    value: object
    start: int
    end: int
    weak: bool = False

    def shown(self) -> str:
        """The value as messages print it: «30», «2000-07-17», «статья 5», «№ 61»."""
        if self.kind == "date":
            y, m, d = self.value
            return f"{y:04d}-{m:02d}-{d:02d}" if y else f"{d:02d}.{m:02d}"
        if self.kind == "reference":
            return f"{self.value[0]} {self.value[1]}"
        if self.kind == "act":
            return f"№ {self.value}"
        if self.kind == "percent":
            return f"{self.value}%"
        return str(self.value)


# --- tokens ----------------------------------------------------------------------------------------

# A figure: «1 000 000» grouped by thin or no-break spaces, or by plain spaces before an amount's word
# («1 000 000 сомов»; a table's row «2710 19 210 0» is four figures); «2,5»; «5-1».
_FIGURE = (r"\d{{1,3}}(?:[\u00a0\u202f]\d{{3}})+(?![\d,.])|\d{{1,3}}(?: \d{{3}})+(?=\s*(?:{amount}))"
           r"|\d+(?:[.,]\d+)?(?:-\d+)*")
_LIST_GAP = {"rus": re.compile(r"\s*(?:,\s*)?(?:(?:и|или|либо|а также)\s+)?|\s*[-–—]\s*"),
             "kir": re.compile(r"\s*-?\s*(?:,\s*)?(?:(?:жана|же|ошондой эле)\s+)?|\s*[-–—]\s*")}
_RANGE_LIMIT = 100


@lru_cache(maxsize=None)
def _token_pattern(lang: str) -> re.Pattern:
    units = [stem for stem, _ in voc.KY_UNIT_STEMS] if lang == "kir" else list(voc.UNIT_ABBREVIATIONS.values())
    return re.compile(
        voc.first_letters(units + ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "№", "N", "I", "V", "X", "L",
                                   "C", "«", '"', "“", "„"]) + "(?:"
        rf"(?P<act>(?:№|N(?=\s*\d))\s*(?P<actno>\d[\w/]*(?:-[\w/]+)*))"
        rf"|(?P<num>{_FIGURE.format(amount=voc.MEASURES['amount'][lang])})(?P<suffix>-?[^\W\d_]+)?"
        rf"|(?<![\w-])(?P<roman>(?-i:[IVXLC]+))(?![\w-])"
        rf"|[«\"“„](?P<letter>[а-яөүң])[»\"”“]"
        rf"|(?P<unit>{voc.unit_word_pattern(lang)}))",
        re.IGNORECASE)


@lru_cache(maxsize=None)
def _measure(lang: str) -> dict[str, re.Pattern]:
    return {kind: re.compile(rf"\s*(?:{by_lang[lang]})", re.IGNORECASE) for kind, by_lang in voc.MEASURES.items()}


@dataclass
class _Token:
    start: int
    end: int
    type: str          # num, word, roman, letter, unit, act
    value: object      # the figure as printed, a Numeral, a Roman value, a letter, a unit name, an act number
    unit: str = ""     # KY: the unit word a figure carries («5-беренеси»)
    used: bool = False


def _tokens(text: str, lang: str, dates: list) -> list[_Token]:
    taken = [(a, b) for a, b, _ in dates]

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    out: list[_Token] = []
    for m in _token_pattern(lang).finditer(text):
        if not free(m.start(), m.end()):
            continue
        if m.group("act"):
            out.append(_Token(m.start(), m.end(), "act", m.group("actno").rstrip(".-/")))
        elif m.group("num"):
            suffix = (m.group("suffix") or "").lstrip("-")
            unit = voc.unit_of_word(suffix, lang) if lang == "kir" and suffix else None
            end = m.end() if unit else m.end("num")
            out.append(_Token(m.start(), end, "num", m.group("num"), unit or ""))
        elif m.group("roman"):
            from ..structure import roman_value

            out.append(_Token(m.start(), m.end(), "roman", roman_value(m.group("roman"))))
        elif m.group("letter"):
            out.append(_Token(m.start(), m.end(), "letter", m.group("letter").lower()))
        else:
            out.append(_Token(m.start(), m.end(), "unit", voc.unit_of_word(m.group("unit").strip(), lang)))
    for n in voc.numerals(text, lang):
        if free(n.start, n.end):
            out.append(_Token(n.start, n.end, "word", n))
    out.sort(key=lambda t: t.start)
    return out


# --- the reading -----------------------------------------------------------------------------------

def facts(text: str, lang: str) -> list[Fact]:
    """Every fact of ``text`` (``lang`` rus or kir), in the order printed.

    >>> [(f.kind, f.shown()) for f in facts("в течение 30 дней со дня вступления в силу Закона от 17 июля 2000 года № 61", "rus")]
    [('number', '30'), ('date', '2000-07-17'), ('act', '№ 61')]
    >>> [f.shown() for f in facts("предусмотренных пунктами 1 и 3 части второй статьи 5-1", "rus")]
    ['пункт 1', 'пункт 3', 'часть 2', 'статья 5-1']
    >>> [f.shown() for f in facts("ушул Кодекстин 5-1-беренесинин экинчи бөлүгүнүн 1 жана 3-пункттарында", "kir")]
    ['статья 5-1', 'часть 2', 'пункт 1', 'пункт 3']
    >>> [(f.kind, f.shown()) for f in facts("в размере 10 процентов, но не менее двух тысяч сомов", "rus")]
    [('percent', '10%'), ('amount', '2000')]
    """
    dates = read_dates(text)
    found = [Fact("date", value, a, b) for a, b, value in dates]
    tokens = _tokens(text, lang, dates)
    found += _references(text, tokens, lang)
    found += _numbers(text, tokens, lang)
    found.sort(key=lambda f: f.start)
    return found


def _joined(text: str, a: _Token, b: _Token, lang: str, first: bool) -> bool:
    """Whether ``b`` follows ``a`` as the next word of a reference (``first``) or of its list."""
    gap = text[a.end:b.start]
    if first:
        return not gap.strip()
    return bool(_LIST_GAP[lang].fullmatch(gap))


def _key(t: _Token, unit: str):
    """The number a token gives a unit of a reference, or None when it cannot number one."""
    if t.type == "num" and not t.unit:
        return _figure(t.value)
    if t.type == "word" and t.value.ordinal:
        return str(t.value.value)
    if t.type == "roman" and t.value and unit in ("раздел", "глава", "часть"):
        return str(t.value)
    if t.type == "letter" and unit in ("подпункт", "пункт"):
        return t.value
    return None


def _reference(unit: str, t: _Token, start: int, end: int, since: str | None = None) -> list[Fact]:
    """The references a token makes: one, or each unit of a range («1-3», or «1–3» after ``since``)."""
    t.used = True
    key = _key(t, unit) if t.type != "num" or not t.unit else _figure(t.value)
    return [Fact("reference", (unit, k), start, end) for k in _expand(key, since)]


def _expand(key: str, since: str | None = None) -> list[str]:
    """«2-4» (or «4» after «2–») is 2, 3, 4; «5-1» is an article's number, not a range."""
    low, _, high = (f"{since}-{key}" if since else key).partition("-")
    if low.isdigit() and high.isdigit() and int(low) < int(high) <= int(low) + _RANGE_LIMIT:
        return [str(n) for n in range(int(low) + (1 if since else 0), int(high) + 1)]
    return [key]


def _dash(text: str, a: _Token, b: _Token) -> bool:
    return text[a.end:b.start].strip() in ("-", "–", "—")


def _references(text: str, tokens: list[_Token], lang: str) -> list[Fact]:
    out: list[Fact] = []
    for i, t in enumerate(tokens):
        if t.used:
            continue
        if t.type == "num" and t.unit:                       # KY «5-беренеси», «1, 2-пункттары»
            before = _list_before(text, tokens, i, t.unit, lang)
            since = before[-1].value[1] if before and _dash(text, tokens[i - 1], t) else None
            out += before + _reference(t.unit, t, t.start, t.end, since)
        elif t.type == "unit" and t.value:
            after = _list_after(text, tokens, i, t.value, lang) if lang == "rus" else []
            out += after or _list_before(text, tokens, i, t.value, lang)
    return out


def _list_after(text: str, tokens: list[_Token], i: int, unit: str, lang: str) -> list[Fact]:
    """«статьями 5 и 6», «части второй», «подпункта «а»»: the unit word, then its numbers."""
    out, prev = [], tokens[i]
    for t in tokens[i + 1:]:
        if t.used or _key(t, unit) is None or not _joined(text, prev, t, lang, first=not out):
            break
        since = out[-1].value[1] if out and _dash(text, prev, t) else None
        out += _reference(unit, t, tokens[i].start if not out else t.start, t.end, since)
        prev = t
    return out


def _list_before(text: str, tokens: list[_Token], i: int, unit: str, lang: str) -> list[Fact]:
    """«втором предложении», KY «экинчи жана үчүнчү бөлүктөрү», «1, 2-пункттары»: the numbers, then
    the unit word (which a KY figure may carry)."""
    items, nxt = [], tokens[i]
    for t in reversed(tokens[:i]):
        first = not items and nxt.type == "unit"
        if t.used or _key(t, unit) is None or not _joined(text, t, nxt, lang, first=first):
            break
        items.append((t, nxt.end if first else t.end))
        nxt = t
    out: list[Fact] = []
    for k, (t, end) in enumerate(reversed(items)):
        since = out[-1].value[1] if out and _dash(text, items[len(items) - k][0], t) else None
        out += _reference(unit, t, t.start, end, since)
    return out


def _figure(printed: str) -> str:
    """A figure as it compares: «1 000» 1000, «2,50» 2.5, «05» 5, «5-1» 5-1."""
    parts = []
    for part in re.sub(r"[ \u00a0\u202f]", "", printed).replace(",", ".").split("-"):
        if "." in part:
            whole, _, frac = part.partition(".")
            frac = frac.rstrip("0")
            parts.append(f"{int(whole or 0)}.{frac}" if frac else str(int(whole or 0)))
        else:
            parts.append(str(int(part)) if part.isdigit() else part)
    return "-".join(parts)


def _numbers(text: str, tokens: list[_Token], lang: str) -> list[Fact]:
    out: list[Fact] = []
    measures = _measure(lang)
    for i, t in enumerate(tokens):
        if t.used or t.type in ("unit", "letter"):
            continue
        if t.type == "act":
            out.append(Fact("act", t.value, t.start, t.end))
            continue
        end, weak = t.end, False
        if t.type == "num":
            value = _figure(t.value)
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            scale = _scale_after(text, t.end)
            if nxt is not None and nxt.type == "word" and not nxt.value.ordinal and nxt.value.value >= 1000 \
                    and not text[t.end:nxt.start].strip():
                scale, end = nxt.value.value, nxt.end            # «10 тысяч»
                nxt.used = True
            elif scale:
                scale, end = scale
            if scale and re.fullmatch(r"\d+(?:\.\d+)?", value):
                number = float(value) * scale
                value = str(int(number)) if number == int(number) else str(number)
        elif t.type == "word":
            value, weak = str(t.value.value), t.value.weak
        else:                                                      # a Roman numeral outside a reference
            value = str(t.value)
        kind = next((k for k, rx in measures.items() if rx.match(text, end)), "number")
        out.append(Fact(kind, value, t.start, end, weak))
    return out


def _scale_after(text: str, at: int):
    """(scale, end) of an abbreviated scale word right after a figure («10 тыс.», «1 млн»), or None."""
    m = re.match(r"\s*(тыс\.|млн\.?|млрд\.?)", text[at:at + 8])
    return (voc.SCALE_ABBREVIATIONS[m.group(1)], at + m.end()) if m else None
