"""How an act is named in running text: «Закон Кыргызской Республики «О …»», but a code or the
Constitution by its own name («Семейный кодекс Кыргызской Республики»); in Kyrgyz the dative the
amending formula needs («… Мыйзамына», «… Эмгек кодексине»)."""
from __future__ import annotations

import re

from . import lazyre

SELF_NAMED = ("кодекс", "конституци")     # acts printed and cited under their own name


def is_self_named(title: str) -> bool:
    return any(word in title.lower() for word in SELF_NAMED)


_KY_CODE = lazyre.compile(r"^(Кыргыз Республикасынын\s+)(\w)", re.I)


def printed(title: str, lang: str) -> str:
    """The act's name with the capitals KR texts print it with: a Kyrgyz code's own name after
    «Кыргыз Республикасынын» («… Эмгек кодекси», «… Салык кодекси», «… Конституциясы»); a title
    read from a print in capitals comes in lower case.

    >>> printed("Кыргыз Республикасынын эмгек кодекси", "kir"), printed("кыргыз республикасынын конституциясы", "kir")
    ('Кыргыз Республикасынын Эмгек кодекси', 'Кыргыз Республикасынын Конституциясы')
    """
    if lang == "kir" and is_self_named(title):
        return _KY_CODE.sub(lambda m: "Кыргыз Республикасынын " + m.group(2).upper(), title.strip(), count=1)
    return title


def act_name(title: str, lang: str, case: str = "nom") -> str:
    """The act's name in ``case``, as printed: RU nom/acc («в Закон …», «в Конституцию …»), KY
    nom/dat.

    >>> act_name("О внешней миграции", "rus", "acc")
    'Закон Кыргызской Республики «О внешней миграции»'
    >>> act_name("Семейный кодекс Кыргызской Республики", "rus", "acc")
    'Семейный кодекс Кыргызской Республики'
    >>> act_name("Кыргыз Республикасынын эмгек кодекси", "kir", "dat")
    'Кыргыз Республикасынын Эмгек кодексине'
    >>> act_name("Кыргыз Республикасынын Конституциясы", "kir", "dat")
    'Кыргыз Республикасынын Конституциясына'
    >>> act_name("Тышкы миграция жөнүндө", "kir", "dat")
    '«Тышкы миграция жөнүндө» Кыргыз Республикасынын Мыйзамына'
    """
    title = printed(title, lang)
    if lang == "kir":
        if is_self_named(title):
            if case != "dat":
                return title
            for ending, dative in (("кодекси", "кодексине"), ("Конституциясы", "Конституциясына")):
                if title.endswith(ending):
                    return title[: -len(ending)] + dative
            return title
        return f"«{title}» Кыргыз Республикасынын {'Мыйзамына' if case == 'dat' else 'Мыйзамы'}"
    if is_self_named(title):
        if case == "acc" and title.startswith("Конституция"):
            return "Конституцию" + title[len("Конституция"):]
        return title
    return f"Закон Кыргызской Республики «{title}»"


# --- an act named in running text -------------------------------------------------------------
# «Закона Кыргызской Республики «О …»», «Трудового кодекса Кыргызской Республики», «Конституцией
# Кыргызской Республики», «Кодекса Кыргызской Республики о правонарушениях»: the word that names the
# kind of act in any case, then «Кыргызской Республики» (or «КР»).
ACT_WORD = re.compile(r"(?:(?P<adj>[А-ЯЁ][а-яё]+(?:-[а-яё]+)?)\s+)?(?P<kind>[Зз]акон|[Кк]одекс|Конституци)"
                      r"(?:ами|ах|ов|ом|ей|а|у|е|ы|я|и|ю)?\s+(?:Кыргызской\s+Республики|КР)\b")
# «ушул Мыйзамдын», «ушул Кодекстин», «ушул Конституциянын»: the act naming itself in Kyrgyz
KY_ACT_STEMS = ("мыйзам", "кодекс", "конституц")
# «Кыргыз Республикасынын Конституциясынын», «Кыргыз Республикасынын Эмгек кодексинин»: another act
KY_ACT_WORD = re.compile(r"Кыргыз\s+Республикасынын\s+(?:(?P<adj>[А-ЯӨҮҢа-яөүң]+)\s+)?"
                         r"(?P<kind>[Кк]онституция|[Кк]одекс)[а-яөүң]*", re.I)
_ADJ_ENDINGS = ("ого", "его", "ому", "ему", "ой", "ый", "ий", "ым", "им", "ом", "ем", "ая", "яя", "ую", "юю",
                "ое", "ее")


def _stem(adjective: str) -> str:
    """«Трудового» and «Трудовой» → «трудов»: an adjective without its case ending."""
    word = adjective.lower()
    for ending in _ADJ_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[«»\"“”„]", " ", text).lower().replace("ё", "е").split())


def ky_act_key(text: str) -> str | None:
    """The key of a Constitution or a code named in Kyrgyz (title or running text), or None.

    >>> ky_act_key("Кыргыз Республикасынын Конституциясынын"), ky_act_key("Кыргыз Республикасынын эмгек кодекси")
    ('конституция', 'кодекс-ky:эмгек')
    """
    m = KY_ACT_WORD.match(text.strip())
    if m is None:
        return None
    if m.group("kind").lower() == "конституция":
        return "конституция"
    return "кодекс-ky:" + (m.group("adj") or "").lower()


def act_key(title: str) -> str:
    """One key for an act however it is named: its title, or its name in any case in running text.

    >>> act_key("О внешней миграции"), act_key("Трудового кодекса Кыргызской Республики")
    ('закон:о внешней миграции', 'кодекс:трудов')
    >>> act_key("Трудовой кодекс Кыргызской Республики"), act_key("Конституцией Кыргызской Республики")
    ('кодекс:трудов', 'конституция')
    >>> act_key("Кодекс Кыргызской Республики о правонарушениях")
    'кодекс:о правонарушениях'
    """
    m = ACT_WORD.match(title.strip())
    if m is None:
        return "закон:" + _plain(title)
    if m.group("kind") == "Конституци":
        return "конституция"
    if m.group("kind").lower() == "кодекс":
        if m.group("adj") and m.group("adj").lower() not in ("настоящего", "настоящий", "настоящим", "настоящему"):
            return "кодекс:" + _stem(m.group("adj"))
        return "кодекс:" + _plain(title[m.end():])
    return "закон:" + _plain(title[m.end():])


def act_kind(title: str, lang: str, case: str = "gen") -> str:
    """The act as «настоящий …» names it: «Кодекса», «Закона», «Конституции» (gen); KY «Кодекстин»,
    «Мыйзамдын», «Конституциянын».

    >>> act_kind("Семейный кодекс Кыргызской Республики", "rus"), act_kind("О внешней миграции", "kir")
    ('Кодекса', 'Мыйзамдын')
    """
    low = title.lower()
    kind = "code" if "кодекс" in low else "constitution" if "конституци" in low else "law"
    forms = {"rus": {"code": {"nom": "Кодекс", "gen": "Кодекса"}, "law": {"nom": "Закон", "gen": "Закона"},
                     "constitution": {"nom": "Конституция", "gen": "Конституции"}},
             "kir": {"code": {"nom": "Кодекс", "gen": "Кодекстин"}, "law": {"nom": "Мыйзам", "gen": "Мыйзамдын"},
                     "constitution": {"nom": "Конституция", "gen": "Конституциянын"}}}
    return forms[lang][kind][case]
