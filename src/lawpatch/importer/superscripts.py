"""Superscript numbers printed flat, read back as the act numbers them.

An inserted unit is numbered with a superscript («Статья 233¹», «5²»), which the database's plain
text prints flat: «Статья 2331.», «51.». The numbering shows what is meant: «Статья 1931.» right
after «Статья 193.» is article 193-1; «Статья 2331.» … «Статья 23319.» after «Статья 244.» (a
chapter of articles 233-1 to 233-19 placed later) are 233-1 … 233-19, since article 233 exists
and the numbers go on 2332, 2333…; «Статья 2051» in running text is 205-1 where the act has an
article 205-1 and no article 2051. Each number read so is a warning naming its line
(IMPORT.FLAT_SUPERSCRIPT): the words of the law change from «2331» to «233-1».
"""
from __future__ import annotations

import re

from ..errors import Finding
from ..structure import A, clean_number, is_editorial

_NUMBER = re.compile(r"\d+(?:-\d+)*")
_FAR = 50   # a jump in the numbering no act makes (2331 after 244), unlike a unit left out (461 after 459)


def mend_numbers(body, source: str, line_of) -> tuple[list[tuple], list[Finding]]:
    """Mend the flat numbers of units under ``body`` (chapters and articles are numbered across the
    act, parts and points within their unit) and of citations in its text, before eIds are given.
    Returns the units read so — (element, the number before, as printed, as read) — and the
    warnings on citations; ``line_of(element)`` gives an element's source line."""
    flat: list[tuple] = []
    for tag in ("chapter", "article"):
        flat += _mend_sequence(list(body.iter(A + tag)), 2, backward=True)
    for parent in list(body.iter(A + "article", A + "paragraph", A + "point")):
        for tag in ("paragraph", "point"):
            flat += _mend_sequence(parent.findall(A + tag), 1, backward=False)
    return flat, mend_citations(body, source, line_of)


def flat_findings(flat: list[tuple], source: str, line_of) -> list[Finding]:
    """The warnings on the units :func:`mend_numbers` read (once they have their eIds)."""
    return [Finding("IMPORT.FLAT_SUPERSCRIPT", f"number {value} after {after}: read as {official} "
                    f"(a superscript printed flat)", source, line_of(el), el.get("eId"), "warning")
            for el, after, value, official in flat]


def _split(value: str, prev: tuple[int, int], seen: set, max_suffix: int, backward: bool,
           following: str) -> tuple[int, int] | None:
    """How a flat number splits into number and superscript, if the sequence shows it."""
    for k in range(1, max_suffix + 1):
        if len(value) <= k or value[-k] == "0":
            continue
        base, sup = int(value[:-k]), int(value[-k:])
        if prev == (base, sup - 1) or sup == 1 and prev[0] == base and prev[1] == 0:
            return base, sup          # 193 → 1931; 233-1 → 2332
        if (base, sup) in seen:
            return base, sup          # 2-1, 3, 4, then 21: the 2-1 printed again
        if sup == 1 and backward and base in seen and base < prev[0] and following == f"{base}2" \
                and int(value) > prev[0] + _FAR:
            return base, sup          # 244 → 2331, 2332: a run of inserted articles placed later
    return None


def _mend_sequence(units: list, max_suffix: int, backward: bool) -> list[tuple]:
    """Mend one numbered sequence: (element, the number before, as printed, as read)."""
    numbers = []
    for el in units:
        num = el.find(A + "num")
        m = _NUMBER.search(num.text or "") if num is not None else None
        numbers.append((num, m))
    prev: tuple[int, int] = (0, 0)
    seen: set = set()   # the numbers so far: plain ones and (number, superscript) pairs
    mended = []
    for i, (el, (num, m)) in enumerate(zip(units, numbers)):
        if m is None:
            continue
        value = m.group(0)
        if "-" in value:
            parts = [int(p) for p in value.split("-")]
            prev = (parts[0], parts[1])
            seen.update({parts[0], prev})
            continue
        following = next((n[1].group(0) for n in numbers[i + 1:] if n[1] is not None), "")
        split = None
        if prev != (0, 0) and int(value) > prev[0] + 1:
            split = _split(value, prev, seen, max_suffix, backward, following)
        if split:
            official = f"{split[0]}-{split[1]}"
            after = f"{prev[0]}" + (f"-{prev[1]}" if prev[1] else "")
            num.text = num.text[:m.start()] + official + num.text[m.end():]
            mended.append((el, after, value, official))
            prev = split
            seen.add(split)
            continue
        prev = (int(value), 0)
        seen.add(int(value))
    return mended


# Citations in the text, Russian («статьей 2051», «статьи 205, 2051 и 206», «частью 21 настоящей
# статьи», «пункта 31 части 2 статьи 5») and Kyrgyz («Кодекстин 2491-беренесине», «430-беренесинин
# 51-бөлүгүндө», «ушул берененин 1 жана 11-бөлүктөрүндө»).
_NUM = r"\d+(?:-\d+)*"
_LIST = rf"{_NUM}(?:(?:\s*,\s*|\s+и\s+|\s+или\s+|\s+жана\s+|\s+же\s+){_NUM})*"
_CITES = [
    (re.compile(rf"\bстать(?:я|и|е|ю|ей|ях|ям|ями)\s+(?P<list>{_LIST})"), False),
    (re.compile(rf"\b(?:част|пункт|подпункт)\w*\s+(?P<list>{_LIST})(?:\s+(?:части|пункта)\s+{_NUM})*"
                rf"(?:\s+(?:настоящей\s+статьи|статьи\s+(?P<art>{_NUM})))?"), True),
    (re.compile(rf"(?<![\w-])(?P<list>{_LIST})-(?:берене|статья)\w*"), False),
    (re.compile(rf"(?:(?P<art>{_NUM})-(?:беренесинин|статьясынын)\s+|ушул\s+(?:берененин|статьянын)\s+)?"
                rf"(?:{_NUM}-(?:бөлүгүнүн|пунктунун)\s+)*(?<![\w-])(?P<list>{_LIST})-(?:бөлүг|пункт)\w*"), True),
]
# a citation of another act: «статьи 2051 Налогового кодекса», «Салык кодексинин 2491-беренесине»
_OTHER_AFTER = re.compile(r"^\s*(?:[А-ЯЁ]\w*\s+)?(?:[Кк]одекс|[Зз]акон|[Кк]онституц|[Уу]каз|[Пп]остановлени)")
_OTHER_BEFORE = re.compile(r"(?:[Кк]одекс|[Мм]ыйзам|[Кк]онституция)\w*\s*$")


def mend_citations(body, source: str, line_of) -> list[Finding]:
    """Flat superscripts in citations of the act's own units («статьей 2051» → «статьей 205-1»,
    «51-бөлүгүндө» → «5-1-бөлүгүндө» where the cited article has a part 5-1 and no part 51)."""
    articles = {clean_number(_num(a)): a for a in body.iter(A + "article")}
    inner: dict = {}   # article → the numbers of its parts and points

    def units_of(article) -> set[str]:
        if article not in inner:
            inner[article] = {clean_number(_num(u)) for u in article.iter(A + "paragraph", A + "point") if _num(u)}
        return inner[article]

    out: list[Finding] = []
    for article in articles.values():
        for p in article.iter(A + "p"):
            if is_editorial(p) or not p.text or not re.search(r"\d{2}", p.text):
                continue
            line = line_of(p)
            text = p.text
            for rx, sub in _CITES:
                def known(m: re.Match, sub=sub) -> set[str]:
                    if not sub:
                        return set(articles)
                    cited = articles.get(m.group("art")) if m.group("art") else article
                    return units_of(cited) if cited is not None else set()
                text = _mend(text, rx, known, out, source, line)
            p.text = text
    return out


def _mend(text: str, rx: re.Pattern, known, out: list[Finding], source: str, line: int | None) -> str:
    def one(m: re.Match) -> str:
        if _OTHER_AFTER.match(text[m.end():m.end() + 60]) and not re.match(r"^\s*настоящ", text[m.end():]) \
                or _OTHER_BEFORE.search(text[max(0, m.start() - 60):m.start()]) \
                and not re.search(r"ушул\s+\S+\s*$", text[max(0, m.start() - 60):m.start()]):
            return m.group(0)
        numbers = known(m)
        start = m.start("list") - m.start()

        def number(n: re.Match) -> str:
            value = n.group(0)
            if "-" in value or value in numbers:
                return value
            reads = [f"{value[:-k]}-{value[-k:]}" for k in (1, 2)
                     if len(value) > k and value[-k] != "0" and f"{value[:-k]}-{value[-k:]}" in numbers]
            if len(reads) != 1:
                return value
            out.append(Finding("IMPORT.FLAT_SUPERSCRIPT", f"«{m.group(0)}»: {value} read as {reads[0]} (a "
                               f"superscript printed flat: the act has {reads[0]}, not {value})", source,
                               line, "", "warning"))
            return reads[0]

        return m.group(0)[:start] + re.sub(_NUM, number, m.group("list")) + m.group(0)[start + len(m.group("list")):]

    return rx.sub(one, text)


def _num(el) -> str:
    num = el.find(A + "num")
    return "".join(num.itertext()).strip() if num is not None else ""
