"""How an act is named in running text: «Закон Кыргызской Республики «О …»», but a code or the
Constitution by its own name («Семейный кодекс Кыргызской Республики»); in Kyrgyz the dative the
amending formula needs («… Мыйзамына», «… Эмгек кодексине»)."""
from __future__ import annotations

SELF_NAMED = ("кодекс", "конституци")     # acts printed and cited under their own name


def is_self_named(title: str) -> bool:
    return any(word in title.lower() for word in SELF_NAMED)


def act_name(title: str, lang: str, case: str = "nom") -> str:
    """The act's name in ``case``: RU nom/acc («в Закон …», «в Конституцию …»), KY nom/dat.

    >>> act_name("О внешней миграции", "rus", "acc")
    'Закон Кыргызской Республики «О внешней миграции»'
    >>> act_name("Семейный кодекс Кыргызской Республики", "rus", "acc")
    'Семейный кодекс Кыргызской Республики'
    >>> act_name("Кыргыз Республикасынын Эмгек кодекси", "kir", "dat")
    'Кыргыз Республикасынын Эмгек кодексине'
    >>> act_name("Тышкы миграция жөнүндө", "kir", "dat")
    '«Тышкы миграция жөнүндө» Кыргыз Республикасынын Мыйзамына'
    """
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
