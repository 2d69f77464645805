"""An op's Russian and Kyrgyz texts compared, for ``check``: the same numbers, dates, amounts,
percentages, references and acts in both (:mod:`.compare`), each text in its language, and the
glossary's terms in both or in neither — a word op that changes «трудящийся-мигрант» in the
Russian text must change «эмгекчи мигрант» in the Kyrgyz one.

The op is read by its fields only (``old``, ``new``, ``anchor``, ``text``, ``heading``: per-language
texts), so that this module needs nothing of the patch package that calls it.
"""
from __future__ import annotations

FIELDS = {"old": "the words to replace", "new": "the new words", "anchor": "the anchor words",
          "text": "the new text", "heading": "the new heading"}


def op_differences(op, glossary=None) -> list[tuple[str, str, str]]:
    """(code, message, hint) of every difference between the op's Russian and Kyrgyz texts.

    >>> from types import SimpleNamespace as Op
    >>> op = Op(new={"rus": "в течение 30 дней", "kir": "15 күндүн ичинде"}, old={}, anchor={}, text={}, heading={})
    >>> [code for code, _, _ in op_differences(op)]
    ['CHECK.PARITY_NUMBER']
    """
    from .compare import differences     # only for an op in both languages: a Russian-only bill's
    from .laws import language_slip       # check imports none of the comparison

    out = []
    for name, what in FIELDS.items():
        texts = getattr(op, name)
        if "rus" not in texts or "kir" not in texts:
            continue
        rus, kir = texts["rus"], texts["kir"]
        hint = f"rus: «{rus[:200]}»; kir: «{kir[:200]}»"
        slip = language_slip(rus, kir)
        if slip:
            out.append(("CHECK.PARITY_LANGUAGE", f"{what}: {slip}", hint))
            continue
        for d in differences(rus, kir):
            out.append((d.check_code, f"{what}: {d.message()}", hint))
        if glossary is not None and len(glossary):
            terms = _terms(rus, kir, glossary)
            if terms:
                out.append(("CHECK.PARITY_TERM", f"{what}: {terms}", hint))
    return out


def _terms(rus: str, kir: str, glossary) -> str:
    """The glossary's terms one text has and the other text lacks the pair of («» where none)."""
    ru, ky = glossary.found(rus, "rus"), glossary.found(kir, "kir")
    sides = [f"«{t.rus[0]}» in rus without «{t.kir[0]}» in kir" for t in sorted(ru - ky, key=lambda t: t.line)]
    sides += [f"«{t.kir[0]}» in kir without «{t.rus[0]}» in rus" for t in sorted(ky - ru, key=lambda t: t.line)]
    return "terms differ: " + "; ".join(sides) if sides else ""
