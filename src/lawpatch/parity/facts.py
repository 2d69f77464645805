"""What a translation must keep, read from a Russian or a Kyrgyz text: numbers (figures and words),
dates, amounts, percentages, references to units, and the numbers of other acts.

:func:`facts` reads one text into :class:`Fact` values that compare across the languages: «в
течение тридцати дней» and «30 күндүн ичинде» both hold the number 30; «частью 2 статьи 5» and
«5-беренесинин 2-бөлүгү» both hold the references (статья 5) and (часть 2); «от 17 июля 2000 года
№ 61» and «2000-жылдын 17-июлундагы № 61» the date 2000-07-17 and the act № 61. The words come from
:mod:`lawpatch.vocabulary` and :mod:`lawpatch.dates`.

Each figure is read once, as the most specific fact it is part of: a date before a reference, a
reference before a number. Number words that are as often not numbers («один», «бир», «оба») are
*weak*: they may answer a figure in the other text but never make a difference themselves. Roman
numerals and quoted letters count only as the numbers of units («раздела II», «подпункт «а»»).

A law's units are read together (:func:`facts_of`): one scan of all their text per pattern, the
facts placed back in each unit, so that a code's two texts are read in a fraction of a second.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from .. import vocabulary as voc
from ..dates import date_at, month_after
from ..structure import roman_value

KINDS = ("number", "percent", "amount", "date", "reference", "act")


class Fact(NamedTuple):
    """One thing a translation must keep: its kind, a value that compares across the languages,
    and where it is printed in the text. (A named tuple: a law's texts hold thousands, made four
    times faster than a frozen dataclass.)"""

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
_DIGITS = re.compile(r"\d\d*")     # (not «\d+»: a pattern that begins with a class skips to its next figure at once)
_SEPARATOR = "\n\x00\n"     # between the texts read together: nothing joins across it
_ROMAN = r"(?P<roman>[IVXLC]+)(?![\w-])"
_LETTER = r"[«\"“„](?P<letter>[а-яөүңА-ЯӨҮҢ])[»\"”“]"


@lru_cache(maxsize=None)
def _patterns(lang: str) -> dict[str, re.Pattern]:
    """The patterns of a text in ``lang`` (each compiled costs a fraction of a millisecond: a
    text's reading compiles only its own language's)."""
    measures = voc.MEASURES
    found = {
        "figure": re.compile(rf"(?:{_FIGURE.format(amount=measures['amount'][lang])})(?P<suffix>-?[^\W\d_]+)?",
                             re.IGNORECASE),
        "act": re.compile(r"(?:№|N)\s*$"),
        "number": re.compile(r"\d[\w/]*(?:-[\w/]+)*"),
        "measure": re.compile(rf"\s*(?:(?P<percent>{measures['percent'][lang]})|(?P<amount>{measures['amount'][lang]}))",
                              re.IGNORECASE),
        "scale": re.compile(r"\s*(тыс\.|млн\.?|млрд\.?)"),
    }
    if lang == "rus":           # the unit word, then the Roman numeral or the letter that numbers it
        found["after unit"] = re.compile(rf"\s*(?:{_ROMAN}|{_LETTER})")
        found["more marks"] = re.compile(rf"(?:\s*(?:,\s*)?(?:(?:и|или|либо)\s+)?|\s*[-–—]\s*)(?:{_ROMAN}|{_LETTER})")
    else:                       # the Roman numeral or the letter, then the unit word; a unit word after any number
        found["mark"] = re.compile(rf"(?<![\w-]){_ROMAN}|{_LETTER}")
        found["mark start"] = re.compile(r"[IVXLC«\"“„]")         # where a mark may start: found at once
        found["unit after"] = re.compile(rf"\s*((?:{voc.alternation(stem for stem, _ in voc.KY_UNIT_STEMS)})\w*)")
    return found


class _Token:
    """A word of a fact as scanned: its place, its type (num, word, roman, letter, unit, act), its
    value (the figure as printed, a Numeral, a Roman value, a letter, a unit name, an act number),
    the unit word a Kyrgyz figure carries («5-беренеси»), and whether a fact took it already. (A
    plain class: a dataclass of it cost a millisecond of every start.)"""

    __slots__ = ("start", "end", "type", "value", "unit", "used")

    def __init__(self, start: int, end: int, type: str, value: object, unit: str = ""):
        self.start, self.end, self.type, self.value, self.unit, self.used = start, end, type, value, unit, False


def _scan(text: str, lang: str) -> tuple[list[tuple], list[_Token]]:
    """The dates and the tokens of a text: each figure read once, from where it starts (a date, an
    act's number after «№», a figure with the unit word a Kyrgyz figure carries); the number words;
    the unit words with the Roman numerals and quoted letters that number them."""
    p = _patterns(lang)
    dates: list[tuple] = []
    out: list[_Token] = []
    end = 0
    for m in _DIGITS.finditer(text):      # each figure once, from where it starts
        at = m.start()
        if at < end:
            continue
        date = date_at(text, at)
        if date:
            end = date[0]
            dates.append((at, end, date[1]))
            continue
        before = text[at - 4 if at > 4 else 0:at]
        act = p["act"].search(before) if "№" in before or "N" in before else None
        if act:
            end = p["number"].match(text, at).end()
            out.append(_Token(at - len(before) + act.start(), end, "act", text[at:end].rstrip(".-/")))
            continue
        f = p["figure"].match(text, at)
        suffix = f.group("suffix")
        unit = voc.unit_of_word(suffix.lstrip("-"), lang) if suffix and lang == "kir" else None
        figure_end = f.end() - len(suffix or "")
        end = f.end() if unit else figure_end
        out.append(_Token(at, end, "num", text[at:figure_end], unit or ""))
    low = voc.lower(text).replace("ё", "е")
    for n in voc.numerals(low, lang, lowered=True):
        month = month_after(low, n.end) if n.ordinal and isinstance(n.value, int) and n.value <= 31 else None
        if month:                                         # «первое января»: a date in words
            dates.append((n.start, month[0], (month[2], month[1], n.value)))
            if month[2]:                                  # its year is no figure of its own
                out = [t for t in out if not (t.type == "num" and n.end <= t.start < month[0])]
        else:
            out.append(_Token(n.start, n.end, "word", n))
    if lang == "rus":
        for start, end, unit in voc.unit_words(low):
            out.append(_Token(start, end, "unit", unit))
            mark = p["after unit"].match(text, end)
            while mark:                                      # «разделами XI и XIV», «подпунктах «а» и «б»»
                out.append(_mark(mark))
                mark = p["more marks"].match(text, mark.end())
    else:
        end = 0
        for start in p["mark start"].finditer(text):
            m = p["mark"].match(text, start.start()) if start.start() >= end else None
            if m:
                out.append(_mark(m))
                end = m.end()
        for t in [t for t in out if t.type in ("num", "word", "roman", "letter") and not t.unit]:
            m = p["unit after"].match(low, t.end)
            if m:
                out.append(_Token(m.start(1), m.end(1), "unit", voc.unit_of_word(m.group(1), lang)))
    out.sort(key=lambda t: t.start)
    return dates, out


def _mark(m) -> _Token:
    if m.group("roman"):
        return _Token(m.start("roman"), m.end(), "roman", roman_value(m.group("roman")))
    return _Token(m.start(), m.end(), "letter", m.group("letter").lower())


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
    return facts_of([text], lang)[0]


def facts_of(texts: list[str], lang: str) -> list[list[Fact]]:
    """The facts of many texts (a law's units) at once: one scan of them all, each text's facts
    placed in that text."""
    whole = _SEPARATOR.join(texts)
    starts, at = [], 0
    for t in texts:
        starts.append(at)
        at += len(t) + len(_SEPARATOR)
    dates, tokens = _scan(whole, lang)
    grouped: list[list] = [[] for _ in texts]
    for d in dates:
        grouped[bisect_right(starts, d[0]) - 1].append(d)
    for t in tokens:
        grouped[bisect_right(starts, t.start) - 1].append(t)
    out = []
    for items, shift in zip(grouped, starts):
        if not items:
            out.append([])
            continue
        toks = [t for t in items if type(t) is _Token]
        found = [Fact("date", d[2], d[0] - shift, d[1] - shift) for d in items if type(d) is tuple]
        if toks:
            found += _references(whole, toks, lang, shift) + _numbers(whole, toks, lang, shift)
        found.sort(key=lambda f: f.start)
        out.append(found)
    return out


def _joined(text: str, a: _Token, b: _Token, lang: str, first: bool) -> bool:
    """Whether ``b`` follows ``a`` as the next word of a reference (``first``) or of its list."""
    gap = text[a.end:b.start]
    if first:
        return not gap.strip()
    return bool(_LIST_GAP[lang].fullmatch(gap))


def _key(t: _Token, unit: str):
    """The number a token gives a unit of a reference, or None when it cannot number one."""
    if t.type == "num":
        return None if t.unit else _figure(t.value)
    if t.type == "word":
        return str(t.value.value) if t.value.ordinal else None
    if t.type == "roman":
        return str(t.value) if t.value and unit in ("раздел", "глава", "часть") else None
    if t.type == "letter":
        return t.value if unit in ("подпункт", "пункт") else None
    return None


def _reference(unit: str, t: _Token, start: int, end: int, shift: int, since: str | None = None) -> list[Fact]:
    """The references a token makes: one, or each unit of a range («1-3», or «1–3» after ``since``)."""
    t.used = True
    key = _figure(t.value) if t.type == "num" and t.unit else _key(t, unit)
    if "-" not in key and since is None:
        return [Fact("reference", (unit, key), start - shift, end - shift)]
    return [Fact("reference", (unit, k), start - shift, end - shift) for k in _expand(key, since)]


def _expand(key: str, since: str | None = None) -> list[str]:
    """«2-4» (or «4» after «2–») is 2, 3, 4; «233-19» after «233-17 –» is 233-18, 233-19; «5-1» is an
    article's number, not a range."""
    if since is not None:
        head, _, low = since.rpartition("-")
        head2, _, high = key.rpartition("-")
        if head == head2 and low.isdigit() and high.isdigit() and int(low) < int(high) <= int(low) + _RANGE_LIMIT:
            return [f"{head}-{n}" if head else str(n) for n in range(int(low) + 1, int(high) + 1)]
        return [key]
    low, _, high = key.partition("-")
    if low.isdigit() and high.isdigit() and int(low) < int(high) <= int(low) + _RANGE_LIMIT:
        return [str(n) for n in range(int(low), int(high) + 1)]
    return [key]


def _dash(text: str, a: _Token, b: _Token) -> bool:
    return text[a.end:b.start].strip() in ("-", "–", "—")


def _references(text: str, tokens: list[_Token], lang: str, shift: int) -> list[Fact]:
    out: list[Fact] = []
    for i, t in enumerate(tokens):
        if t.used:
            continue
        if t.type == "num" and t.unit:                       # KY «5-беренеси», «1, 2-пункттары»
            before = _list_before(text, tokens, i, t.unit, lang, shift)
            since = before[-1].value[1] if before and _dash(text, tokens[i - 1], t) else None
            out += before + _reference(t.unit, t, t.start, t.end, shift, since)
        elif t.type == "unit" and t.value:
            after = _list_after(text, tokens, i, t.value, lang, shift) if lang == "rus" else []
            out += after or _list_before(text, tokens, i, t.value, lang, shift)
    return out


def _list_after(text: str, tokens: list[_Token], i: int, unit: str, lang: str, shift: int) -> list[Fact]:
    """«статьями 5 и 6», «части второй», «подпункта «а»»: the unit word, then its numbers."""
    out: list[Fact] = []
    prev = tokens[i]
    for t in tokens[i + 1:]:
        if t.used or _key(t, unit) is None or not _joined(text, prev, t, lang, first=not out):
            break
        since = out[-1].value[1] if out and _dash(text, prev, t) else None
        out += _reference(unit, t, tokens[i].start if not out else t.start, t.end, shift, since)
        prev = t
    return out


def _list_before(text: str, tokens: list[_Token], i: int, unit: str, lang: str, shift: int) -> list[Fact]:
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
        out += _reference(unit, t, t.start, end, shift, since)
    return out


_UNGROUPED = str.maketrans("", "", " \u00a0\u202f")      # the spaces that group a figure's digits


def _figure(printed: str) -> str:
    """A figure as it compares: «1 000» 1000, «2,50» 2.5, «05» 5, «5-1» 5-1."""
    if printed.isdigit():
        return printed.lstrip("0") or "0"
    parts = []
    for part in printed.translate(_UNGROUPED).replace(",", ".").split("-"):
        if "." in part:
            whole, _, frac = part.partition(".")
            frac = frac.rstrip("0")
            parts.append(f"{int(whole or 0)}.{frac}" if frac else str(int(whole or 0)))
        else:
            parts.append(str(int(part)) if part.isdigit() else part)
    return "-".join(parts)


def _shown(value) -> str:
    """A number in words as it compares with figures: 30 «30», 3/2 «1.5», 2/3 «2/3»."""
    if isinstance(value, Fraction) and value.denominator in (2, 4, 5, 8, 10):
        return format(float(value), "g")
    return str(value)


def _numbers(text: str, tokens: list[_Token], lang: str, shift: int) -> list[Fact]:
    out: list[Fact] = []
    p = _patterns(lang)
    for i, t in enumerate(tokens):
        if t.used or t.type not in ("num", "word", "act"):
            continue
        if t.type == "act":
            out.append(Fact("act", t.value, t.start - shift, t.end - shift))
            continue
        end, weak = t.end, False
        if t.type == "num":
            value = _figure(t.value)
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            scale = None
            if nxt is not None and nxt.type == "word" and not nxt.value.ordinal and nxt.value.value >= 1000 \
                    and not text[t.end:nxt.start].strip():
                scale, end = nxt.value.value, nxt.end            # «10 тысяч»
                nxt.used = True
            else:
                m = p["scale"].match(text, t.end)
                if m:
                    scale, end = voc.SCALE_ABBREVIATIONS[m.group(1)], m.end()
            if scale and re.fullmatch(r"\d+(?:\.\d+)?", value):
                number = float(value) * scale
                value = str(int(number)) if number == int(number) else str(number)
        else:
            value, weak = _shown(t.value.value), t.value.weak
        m = p["measure"].match(text, end)
        kind = "number" if m is None else "percent" if m.group("percent") else "amount"
        out.append(Fact(kind, value, t.start - shift, end - shift, weak))
    return out
