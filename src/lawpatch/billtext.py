"""The text of the amending law («ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ О внесении изменений …») made from a bill.

A real amending law is executed instruction by instruction, each citing the text as the earlier ones
left it. So is this one: the patch engine runs the bill in the order it is read
(:mod:`lawpatch.patch.order`) and hands each instruction, before it acts, to the wording here, which
cites its units on the law as it then stands («дополнить абзацем четвертым» followed by «абзац
пятый изложить …»). Instructions are nested as KR bills nest them: «1) в статье 112: а) в пункте 2:
- …; - …; б) …». Russian cites the smallest unit first («в абзаце четвертом статьи 16»), Kyrgyz the
largest first as a genitive chain («16-беренесинин төртүнчү абзацында»); the words come from
:mod:`lawpatch.vocabulary`, the wording of each operation follows KR-DRAFTING.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import citations
from . import structure as st
from . import vocabulary as voc
from .actnames import act_kind, act_name
from .dates import date_ky, date_ky_from, date_ru
from .errors import LawpatchError
from .law import Law

LANGS = ("rus", "kir")
NBSP = "\u00a0"

_WORDING = {
    "rus": {"head": "ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ", "draft": "Проект", "article": "Статья {n}.",
            "into": "Внести в {act}{pub} следующие изменения:", "into1": "Внести в {act}{pub} следующее изменение:",
            "sign": "Президент Кыргызской Республики"},
    "kir": {"head": "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ", "draft": "Долбоор", "article": "{n}-берене.",
            "into": "{act}{pub} төмөнкүдөй өзгөртүүлөр киргизилсин:",
            "into1": "{act}{pub} төмөнкүдөй өзгөртүү киргизилсин:",
            "sign": "Кыргыз Республикасынын Президенти"},
}


class BillTextError(LawpatchError):
    """The bill cannot be worded (a language missing, an op the text cannot express)."""


# --- citations relative to a group -----------------------------------------------------------------
def cite(law: Law, eid: str, lang: str, case: str = "nom", within: str | None = None) -> str:
    """The citation of ``eid`` (:func:`lawpatch.citations.cite`); with ``within`` (the unit the
    instruction is grouped under) the part below that unit only: «абзац четвертый» inside «в статье
    16:», KY «төртүнчү абзацында» inside «16-беренеде:»; "" for the unit itself."""
    return citations.cite(law, eid, lang, case, within)


# --- one instruction ---------------------------------------------------------------------------------
@dataclass
class Worded:
    """One instruction as printed: where it acts (its article and the unit inside it it may be
    grouped under) and its wording relative to no group, the article, or that unit."""

    article: object             # the article element the instruction is in (None outside one)
    unit: object                # the article's part (or point) it is in: grouped by identity, not by
    full: str                   # eId, which an earlier instruction may hand to another unit
    in_article: str
    in_unit: str
    header_article: str = ""
    header_unit: str = ""
    header_unit_full: str = ""
    citation: str = ""          # the unit the instruction names first, as printed (nominative): what it acts on
    ops: tuple = ()             # the ops of the instruction
    citations: tuple = ()       # the citation of each op's unit (a renumbering run names several)


class _Wording:
    """The wording of the instructions of one law in one language, made as the engine runs them."""

    def __init__(self, lang: str, where: str):
        self.lang, self.where = lang, where
        self.items: list[Worded] = []

    def __call__(self, instruction, law: Law, lang: str, units: dict) -> None:
        if lang != self.lang:
            return
        from .patch.model import Kind, Position, Scope

        op = instruction.op
        targets = units[op]
        self.others = [units[o][0] for o in instruction.ops[1:]]
        if op.target.scope in (Scope.ACT, Scope.TITLE):
            text = self.word(instruction, law, targets, None)
            self.items.append(Worded(None, None, text, text, text, ops=instruction.ops))
            return
        el = targets[0]
        if op.kind is Kind.INSERT and op.position is not Position.END:
            focus = el.getparent()
        else:
            focus = el
        article = _article_of(focus)
        top = focus    # the article's part (or point…) the instruction is in: its sub-group
        while top is not None and article is not None and top.getparent() is not article:
            top = top.getparent()
        unit = top.get("eId") if top is not None and top is not article and st.is_unit(top) else None
        art = article.get("eId") if article is not None else None
        full = self.word(instruction, law, targets, None)
        in_article = self.word(instruction, law, targets, art) if art else full
        in_unit = self.word(instruction, law, targets, unit) if unit else in_article
        unit_el = top if unit else None
        self.items.append(Worded(article, unit_el, full, in_article, in_unit,
                                 self.header(law, art) if art else "", self.header(law, unit, art) if unit else "",
                                 self.header(law, unit) if unit else "", cite(law, el.get("eId"), self.lang),
                                 instruction.ops, tuple(cite(law, e.get("eId"), self.lang)
                                                        for e in [el, *self.others])))

    def header(self, law: Law, eid: str, within: str | None = None) -> str:
        ref = cite(law, eid, self.lang, "loc", within)
        return f"в {ref}:" if self.lang == "rus" else f"{ref}:"

    # --- the wording of each kind ----------------------------------------------------------------
    def word(self, instruction, law: Law, targets: list, within: str | None) -> str:
        from .patch.model import Kind

        op, lang = instruction.op, self.lang
        ru = lang == "rus"
        if op.kind is Kind.RENUMBER:
            return self.renumber(instruction, law, targets, within)
        if op.kind.is_words:
            return self.words(op, law, targets, within)
        if op.kind is Kind.INSERT:
            return self.insert(op, law, targets[0], within)
        if op.target.scope.value == "title":
            text = self.need(op, "text")
            return (f"наименование изложить в следующей редакции:\n«{text.strip()}»" if ru else
                    f"аталышы төмөнкүдөй редакцияда баяндалсын:\n«{text.strip()}»")
        el = targets[0]
        eid = el.get("eId")
        if op.target.part.value == "sentence":
            sentence = self.sentence(op.target.sentence, law, eid, within, "acc" if ru else "nom")
            if op.kind is Kind.DELETE:
                return f"{sentence} исключить" if ru else f"{sentence} алып салынсын"
            text = self.need(op, "text")
            return (f"{sentence} изложить в следующей редакции: «{text.strip()}»" if ru else
                    f"{sentence} төмөнкүдөй редакцияда баяндалсын: «{text.strip()}»")
        if len(instruction.ops) > 1:      # units that follow each other, excluded or repealed together
            units = self.many(law, [el, *self.others], within, through=False, case="acc")
            if op.kind is Kind.DELETE:
                return f"{units} исключить" if ru else f"{units} алып салынсын"
            return f"{units} {voc.repeal_verb(st.unit_name(el, law.naming), lang, plural=True)}"
        ref = self.ref(law, eid, "acc" if ru else "nom", within)
        if op.kind is Kind.RESTATE:
            text = self.need(op, "text")
            return (f"{ref} изложить в следующей редакции:\n«{text.strip()}»" if ru else
                    f"{ref} төмөнкүдөй редакцияда баяндалсын:\n«{text.strip()}»")
        if op.kind is Kind.RESTATE_HEADING:
            printed = f"{st.num_text(el)} {self.need(op, 'heading')}".strip()
            own = self.ref(law, eid, "gen" if ru else "gen", within, optional=True)
            if ru:
                return f"наименование {own + ' ' if own else ''}изложить в следующей редакции:\n«{printed}»"
            return f"{own + ' ' if own else ''}аталышы төмөнкүдөй редакцияда баяндалсын:\n«{printed}»"
        if op.kind is Kind.DELETE:
            return f"{ref} исключить" if ru else f"{ref} алып салынсын"
        if op.kind is Kind.REPEAL:
            return f"{ref} {voc.repeal_verb(st.unit_name(el, law.naming), lang)}"
        raise BillTextError(f"{self.where}: op {op.kind} at {op.where()} has no wording in the amending law")

    def ref(self, law: Law, eid: str, case: str, within: str | None, optional: bool = False) -> str:
        """The unit's citation inside the group; the whole citation where the group is the unit itself."""
        inner = cite(law, eid, self.lang, case, within)
        return inner or ("" if optional else cite(law, eid, self.lang, case))

    def need(self, op, field: str) -> str:
        value = getattr(op, field)
        text = value.get(self.lang) if value else None
        if text is None:
            raise BillTextError(f"{self.where}: {op.kind} at {op.where()}: no <{field}> text in {self.lang}")
        return text

    def sentence(self, n: int, law: Law, eid: str, within: str | None, case: str) -> str:
        """«второе предложение пункта 1» / KY «1-пунктунун экинчи сүйлөмү»."""
        if self.lang == "rus":
            owner = cite(law, eid, "rus", "gen", within)
            words = f"{voc.ordinal(n, 'rus', case, 'neut')} {voc.noun('предложение', 'rus', case)}"
            return f"{words} {owner}".strip()
        owner = cite(law, eid, "kir", "gen", within)
        return f"{owner} {voc.ordinal(n, 'kir')} {voc.noun('предложение', 'kir', case, possessed=bool(owner))}".strip()

    # --- words -----------------------------------------------------------------------------------
    def words(self, op, law: Law, targets: list, within: str | None) -> str:
        from .patch.model import ALL, Kind, Position

        lang, ru = self.lang, self.lang == "rus"
        place = self.place(op, law, targets, within)
        occurrence = ""
        if op.occurrence not in (None,) and not (op.occurrence == ALL and op.target.is_many):
            occurrence = " " + voc.occurrence_phrase(op.occurrence, lang)
        if op.kind is Kind.REPLACE_WORDS:
            old, new = self.need(op, "old"), self.need(op, "new")
            if _ends_with_mark_change(op, old, new, targets):
                return place + voc.mark_change(old[-1], new[-1], lang)
            if op.case_forms:
                if ru:
                    return (f"{place}{voc.quoted_words(old)} в различных падежных формах{occurrence} заменить "
                            f"{voc.quoted_words(new, case='ins')} в соответствующих падежах")
                return (f"{place}{voc.quoted_words(old, 'kir')} ар кандай жөндөмө формаларында{occurrence} "
                        f"{voc.quoted_words(new, 'kir')} менен тиешелүү жөндөмөлөрдө алмаштырылсын")
            if ru:
                return f"{place}{voc.quoted_words(old)}{occurrence} заменить {voc.quoted_words(new, case='ins')}"
            return f"{place}{voc.quoted_words(old, 'kir')}{occurrence} {voc.quoted_words(new, 'kir')} менен алмаштырылсын"
        if op.kind is Kind.INSERT_WORDS:
            anchor, new = self.need(op, "anchor"), self.need(op, "new")
            after = op.position is Position.AFTER
            if ru:
                where = f"после {voc.quoted_words(anchor, case='gen')}" if after else \
                    f"перед {voc.quoted_words(anchor, case='ins')}"
                return f"{place}{where}{occurrence} дополнить {voc.quoted_words(new.strip(), case='ins')}"
            side = "кийин" if after else "мурда"
            return (f"{place}{voc.quoted_words(anchor, 'kir')}дөн {side}"
                    f"{occurrence} {voc.quoted_words(new.strip(), 'kir')} менен толукталсын")
        old = self.need(op, "old")
        if ru:
            return f"{place}{voc.quoted_words(old)}{occurrence} исключить"
        return f"{place}{voc.quoted_words(old, 'kir')}{occurrence} алып салынсын"

    def place(self, op, law: Law, targets: list, within: str | None) -> str:
        """«в абзаце втором », «в абзацах втором и третьем », «в статьях 336–348 », «по всему тексту
        Кодекса », «в наименовании статьи 86 », «во втором предложении пункта 1 » — or "" where the
        group already says it."""
        from .patch.model import Part, Scope

        lang, ru, t = self.lang, self.lang == "rus", op.target
        if t.scope is Scope.ACT:
            return (f"по всему тексту {act_kind(law.title, 'rus')} " if ru else
                    f"{act_kind(law.title, 'kir')} бүткүл тексти боюнча ")
        if t.scope is Scope.TITLE:
            return (f"в наименовании {act_kind(law.title, 'rus')} " if ru else f"{act_kind(law.title, 'kir')} аталышында ")
        eids = [el.get("eId") for el in targets]
        if t.part is Part.HEADING:
            own = cite(law, eids[0], lang, "gen", within)
            if ru:
                return f"в наименовании {own} ".replace("  ", " ") if own else "в наименовании "
            return f"{own} аталышында " if own else "аталышында "
        if t.part is Part.SENTENCE:
            return self.sentence(t.sentence, law, eids[0], within, "loc") + " " if ru else \
                self.sentence(t.sentence, law, eids[0], within, "loc") + " "
        if len(eids) > 1 or t.through:
            return self.many(law, targets, within, through=bool(t.through)) + " "
        ref = cite(law, eids[0], lang, "loc", within)
        if not ref:
            return ""
        return f"в {ref} " if ru else f"{ref} "

    def many(self, law: Law, els: list, within: str | None, through: bool, case: str = "loc") -> str:
        """«в абзацах втором и третьем», «в абзацах третьем–пятом», «в статьях 336–348»; in another
        case without the preposition («абзацы седьмой–двенадцатый» to exclude). Russian: the plural
        noun, then the numbers or ordinals; Kyrgyz: the numbers, then the noun."""
        name = st.unit_name(els[0], law.naming)
        positional = st.local(els[0].tag) in st.ABZATS_TAGS or st.is_unnumbered_part(els[0])
        parent = els[0].getparent()
        owner = cite(law, parent.get("eId"), self.lang, "gen", within) if st.is_unit(parent) and \
            st.local(els[0].tag) != "article" else ""
        if positional:
            blocks = st.part_blocks(parent)
            values = [blocks.index(e) + 1 for e in els]
            shown = [voc.ordinal(v, self.lang, case, voc.gender(name)) for v in values]
        else:
            shown = [citations._number(e) for e in els]
        joined = _join(shown, self.lang, through or _consecutive(els, positional))
        if self.lang == "rus":
            lead = "в " if case == "loc" else ""
            return f"{lead}{voc.noun(name, 'rus', case, plural=True)} {joined}" + (f" {owner}" if owner else "")
        ky_case = "loc" if case == "loc" else "nom"
        noun = voc.noun(name, "kir", ky_case, plural=True, possessed=bool(owner) or within is not None)
        if positional:
            return (f"{owner} " if owner else "") + f"{joined} {noun}"
        return (f"{owner} " if owner else "") + f"{joined}-{noun}"

    # --- units -----------------------------------------------------------------------------------
    def insert(self, op, law: Law, anchor, within: str | None) -> str:
        from .patch import ops as o
        from .patch.model import Position

        lang, ru = self.lang, self.lang == "rus"
        text = self.need(op, "text")
        parent = anchor if op.position is Position.END else anchor.getparent()
        new = o.fragment(text, lang, law, parent)
        if not new:
            raise BillTextError(f"{self.where}: insert at {op.where()}: the text to insert is empty")
        what = self.new_units(new, parent, anchor, op.position, law)
        quoted = f"«{text.strip()}»"
        numbered = all(_numbered(n) for n in new)
        owner = cite(law, parent.get("eId"), lang, "acc" if ru else "nom", within) if st.is_unit(parent) else ""
        if not owner and st.is_unit(parent) and parent.get("eId") != within:
            owner = cite(law, parent.get("eId"), lang, "acc" if ru else "nom")
        middle = not numbered and op.position is not Position.END and not self._at_end(anchor, op.position)
        if middle:   # «после абзаца третьего дополнить абзацем следующего содержания»
            pos = st.part_blocks(parent).index(anchor) + 1 if anchor in st.part_blocks(parent) else None
            name = st.unit_name(anchor, law.naming) if pos else "абзац"
            after = op.position is Position.AFTER
            kind = "часть" if st.has_unnumbered_parts(parent) else "абзац"
            what = (voc.noun(kind, "rus", "ins", len(new) > 1), voc.noun(kind, "kir", plural=len(new) > 1))
            loc = cite(law, parent.get("eId"), lang, "loc", within) if st.is_unit(parent) else ""
            inner = parent.get("eId") if st.is_unit(parent) else None
            if ru:
                if pos:
                    rel = (f"после {voc.noun(name, 'rus', 'gen')} {voc.ordinal(pos, 'rus', 'gen', voc.gender(name))}"
                           if after else f"перед {voc.noun(name, 'rus', 'ins')} {voc.ordinal(pos, 'rus', 'ins', voc.gender(name))}")
                else:     # next to a numbered unit: «перед статьей 7», «после пункта 3»
                    rel = f"{'после' if after else 'перед'} {cite(law, anchor.get('eId'), 'rus', 'gen' if after else 'ins', inner)}"
                lead = f"в {loc} " if loc else ""
                return f"{lead}{rel} дополнить {what[0]} следующего содержания:\n{quoted}"
            if pos:
                rel = f"{voc.ordinal(pos, 'kir')} {voc.noun(name, 'kir', 'abl', possessed=True)} {'кийин' if after else 'мурда'}"
            else:
                rel = f"{cite(law, anchor.get('eId'), 'kir', 'abl', inner)} {'кийин' if after else 'мурда'}"
            lead = f"{loc} " if loc else ""
            return f"{lead}{rel} төмөнкүдөй мазмундагы {what[1]} менен толукталсын:\n{quoted}"
        if ru:
            return f"{owner + ' ' if owner else ''}дополнить {what[0]} следующего содержания:\n{quoted}".strip()
        return f"{owner + ' ' if owner else ''}төмөнкүдөй мазмундагы {what[1]} менен толукталсын:\n{quoted}"

    @staticmethod
    def _at_end(anchor, position) -> bool:
        from .patch.model import Position

        if position is not Position.AFTER:
            return False
        later = [c for c in anchor.itersiblings() if st.is_unit(c)]
        return not later

    def new_units(self, new: list, parent, anchor, position, law: Law) -> tuple[str, str]:
        """What the inserted text is, as the amending law names it: RU instrumental («частью 4-1»,
        «абзацем вторым», «статьей 5-1», «главой 2-1»), KY nominative («4-1-бөлүк», «экинчи абзац»)."""
        from .patch.model import Position

        first = new[0]
        if _numbered(first):
            name = st.unit_name(first, law.naming, parent)
            numbers = [citations._number(n) for n in new]
            plural = len(new) > 1
            shown = _join(numbers, self.lang, _consecutive(new, False)) if plural else numbers[0]
            lettered = re.fullmatch(r"[^\W\d_]{1,2}", numbers[0] or "")
            if self.lang == "rus":
                shown_ru = " ".join(f'"{x}"' if lettered else x for x in [shown]) if not plural else shown
                return f"{voc.noun(name, 'rus', 'ins', plural)} {shown_ru}", ""
            ky = voc.noun(name, "kir", plural=plural)
            return "", (f'"{shown}" {ky}' if lettered else f"{shown}-{ky}")
        # abzats: their positions once inserted
        blocks = st.part_blocks(parent)
        own = 1 if parent.find(st.A + "content") is not None and st.is_unit(parent) else 0
        if position is Position.END:
            start = len(blocks) + own + 1
        elif anchor in blocks:
            start = blocks.index(anchor) + 1 + (1 if position is Position.AFTER else 0)
        else:
            siblings = list(parent)
            before = siblings[:siblings.index(anchor) + (1 if position is Position.AFTER else 0)]
            start = len([c for c in before if c in blocks]) + 1
        kind = "часть" if st.has_unnumbered_parts(parent) else "абзац"
        count = len(new)
        values = list(range(start, start + count))
        if self.lang == "rus":
            words = [voc.ordinal(v, "rus", "ins", voc.gender(kind)) for v in values]
            return f"{voc.noun(kind, 'rus', 'ins', count > 1)} {_join(words, 'rus', count > 2)}", ""
        words = [voc.ordinal(v, "kir") for v in values]
        return "", f"{_join(words, 'kir', count > 2)} {voc.noun(kind, 'kir', plural=count > 1)}"

    def renumber(self, instruction, law: Law, targets: list, within: str | None) -> str:
        """«пункт 3 считать пунктом 2»; a run: «пункты 3–5 считать соответственно пунктами 2–4»;
        abzats made numbered: «абзацы первый и второй считать соответственно пунктами 1 и 2»."""
        from .patch import ops as o

        ops = instruction.ops
        els = [targets[0]] + self.others
        first = els[0]
        parent = first.getparent()
        positional = st.local(first.tag) in st.ABZATS_TAGS
        name = st.unit_name(first, law.naming)
        if positional:
            tag, fmt = o.numbered_kind(parent)
            probe = first.makeelement(st.A + tag, {})
            probe.append(first.makeelement(st.A + "num", {}))
            probe[0].text = fmt.format(ops[0].to)
            to_name = st.unit_name(probe, law.naming, parent)
            blocks = st.part_blocks(parent)
            olds = [voc.ordinal(blocks.index(e) + 1, self.lang, "acc" if self.lang == "rus" else "nom",
                                voc.gender(name)) for e in els]
        else:
            to_name = name
            olds = [citations._number(e) for e in els]
        news = [op.to for op in ops]
        many = len(ops) > 1
        owner = cite(law, parent.get("eId"), self.lang, "gen", within) if st.is_unit(parent) else ""
        if self.lang == "rus":
            old_words = f"{voc.noun(name, 'rus', 'acc', many)} {_join(olds, 'rus', _consecutive(els, positional))}"
            if not many and not positional:
                old_words = cite(law, first.get("eId"), "rus", "acc", within) or cite(law, first.get("eId"), "rus", "acc")
            elif owner:
                old_words += f" {owner}"
            new_words = f"{voc.noun(to_name, 'rus', 'ins', many)} {_join(news, 'rus', _run_of(news))}"
            return f"{old_words} считать {'соответственно ' if many else ''}{new_words}"
        ky_old = (f"{owner} " if owner else "") + (
            f"{_join(olds, 'kir', _consecutive(els, positional))} {voc.noun(name, 'kir', plural=many, possessed=bool(owner))}"
            if positional else
            f"{_join(olds, 'kir', _consecutive(els, False))}-{voc.noun(name, 'kir', plural=many, possessed=bool(owner))}")
        ky_new = f"{_join(news, 'kir', _run_of(news))}-{voc.noun(to_name, 'kir', plural=many)}"
        return f"{ky_old} {'тиешелүүлүгүнө жараша ' if many else ''}{ky_new} болуп эсептелсин"


def _ends_with_mark_change(op, old: str, new: str, targets: list) -> bool:
    """Whether the op only changes the mark that ends its one unit's text («лица.» → «лица;»): worded
    «точку заменить точкой с запятой», as KR bills word it, not as a change of words."""
    from .patch.model import Part, Scope
    from .patch.targets import blocks
    from .patch.words import find_whole

    t = op.target
    if op.case_forms or op.occurrence is not None or t.scope is not Scope.UNITS or t.part is not Part.TEXT \
            or len(targets) != 1 or t.through:
        return False
    if old[:-1] != new[:-1] or not old[:-1].strip() or old[-1] not in voc.MARKS or new[-1] not in voc.MARKS:
        return False
    texts = [st.block_text(b) for b in blocks(targets[0], Part.TEXT)]
    return bool(texts) and texts[-1].rstrip().endswith(old) and sum(len(find_whole(text, old)) for text in texts) == 1


def _numbered(el) -> bool:
    """A unit with a number of its own («3.», «2)», «Статья 5-1.»), not a dash item or an abzats."""
    return st.KINDS[st.local(el.tag)].numbered and bool(st.num_text(el))


def _join(items: list[str], lang: str, run: bool) -> str:
    """«2 и 3», «3–5» (a run of three or more), «2, 4 и 7»; KY «2 жана 3», «3-5»."""
    if len(items) == 1:
        return items[0]
    if run and len(items) > 2:
        return f"{items[0]}–{items[-1]}" if lang == "rus" else f"{items[0]}-{items[-1]}"
    conj = " и " if lang == "rus" else " жана "
    return ", ".join(items[:-1]) + conj + items[-1]


def _consecutive(els: list, positional: bool) -> bool:
    if len(els) < 3:
        return False
    if positional:
        blocks = st.part_blocks(els[0].getparent())
        idx = [blocks.index(e) for e in els]
        return idx == list(range(idx[0], idx[0] + len(idx)))
    return _run_of([citations._number(e) for e in els])


def _run_of(numbers: list[str]) -> bool:
    return len(numbers) > 2 and all(n.isdigit() for n in numbers) and \
        [int(n) for n in numbers] == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))


def _article_of(el):
    while el is not None and st.is_unit(el):
        if st.local(el.tag) == "article":
            return el
        el = el.getparent()
    return None


# --- layout ---------------------------------------------------------------------------------------
def _same_unit(a: Worded, b: Worded) -> bool:
    """Two instructions inside one unit, cited alike at both (a renumbered unit is another one in the text)."""
    return a.unit is b.unit and a.header_unit_full == b.header_unit_full


def layout(items: list[Worded], lang: str) -> list[str]:
    """The numbered and nested lines: «1) в статье 16:», «а) в пункте 2:», «- …;», «б) …», «2) …».
    Items end with «;», the last with «.»; a single instruction is not numbered."""
    lines: list[str] = []
    groups: list[list[Worded]] = []
    for item in items:
        if groups and item.article is not None and groups[-1][0].article is item.article:
            groups[-1].append(item)
        else:
            groups.append([item])
    for n, group in enumerate(groups, 1):
        if len(group) == 1:
            lines.append(f"{n}) {group[0].full}")
            continue
        if group[0].unit is not None and all(_same_unit(item, group[0]) for item in group):
            # every change is inside one part: «1) в пункте 3 статьи 63: а) …; б) …»
            lines.append(f"{n}) {group[0].header_unit_full}")
            lines += [f"{letter}) {item.in_unit}" for letter, item in zip(voc.LETTERS, group)]
            continue
        lines.append(f"{n}) {group[0].header_article}")
        subs: list[list[Worded]] = []
        for item in group:
            if subs and item.unit is not None and _same_unit(item, subs[-1][0]):
                subs[-1].append(item)
            else:
                subs.append([item])
        for letter, sub in zip(voc.LETTERS, subs):
            if len(sub) == 1:
                lines.append(f"{letter}) {sub[0].in_article}")
                continue
            lines.append(f"{letter}) {sub[0].header_unit}")
            lines += [f"- {item.in_unit}" for item in sub]
    for i, line in enumerate(lines):
        if not line.endswith(":"):
            lines[i] = line + (";" if i < len(lines) - 1 else ".")
    if len(lines) == 1:  # a single instruction is not numbered: «Статью 12 дополнить …»
        text = lines[0].split(") ", 1)[1]
        lines[0] = text[0].upper() + text[1:]
    return lines


# --- the whole bill ----------------------------------------------------------------------------------
def _into(law: Law, la, lang: str, count: int) -> str:
    src = law.source_info
    missing = set((src.get("missing") or "").split()) if src is not None else set()
    pub = _guillemets(la.publication or law.publication)
    if missing & {"title", "date", "number"} and not pub:
        raise BillTextError(f"{law.source}: the act's {' and '.join(sorted(missing))} are not known (its text gave "
                            "none), so the amending law cannot name it: give them with `lawpatch import --title "
                            "--date --number`, or the act's publication with the bill's <law publication=…>")
    pub = f" ({pub})" if pub else ""
    act = act_name(law.title, lang, "acc" if lang == "rus" else "dat")
    if not pub and law.date and law.number:
        if lang == "rus":
            pub = f" от {date_ru(law.date)} № {law.number}"
        else:  # «Кыргыз Республикасынын 2006-жылдын 13-январындагы № 4 «…» Мыйзамына»
            act = f"Кыргыз Республикасынын {date_ky(law.date)} № {law.number} " + \
                act_name(law.title, lang, "dat").replace("Кыргыз Республикасынын ", "", 1)
    return _WORDING[lang]["into1" if count == 1 else "into"].format(act=act, pub=pub)


def in_force_text(bill, lang: str, article_of: dict[str, int]) -> list[str]:
    """The closing article: on publication, N days after it, a date; deferred articles."""
    f = bill.in_force
    if lang == "rus":
        if f.date:
            lines = [f"Настоящий Закон вступает в силу с {date_ru(f.date)}."]
        elif f.days:
            lines = [f"Настоящий Закон вступает в силу по истечении {voc.cardinal(f.days, 'rus', 'gen')} "
                     f"{'дня' if f.days % 10 == 1 and f.days % 100 != 11 else 'дней'} со дня официального опубликования."]
        else:
            lines = ["Настоящий Закон вступает в силу со дня официального опубликования."]
        if f.deferred:
            lines[0] = lines[0][:-1] + ", за исключением " + ", ".join(
                f"статьи {article_of[h]}" for h, _ in f.deferred if h in article_of) + " настоящего Закона."
        lines += [f"Статья {article_of[h]} настоящего Закона вступает в силу с {date_ru(d)}."
                  for h, d in f.deferred if h in article_of]
        return lines
    if f.date:
        lines = [f"Ушул Мыйзам {date_ky_from(f.date)} тартып күчүнө кирет."]
    elif f.days:
        lines = [f"Ушул Мыйзам расмий жарыяланган күндөн тартып {voc.cardinal(f.days, 'kir')} күн өткөндөн кийин "
                 "күчүнө кирет."]
    else:
        lines = ["Ушул Мыйзам расмий жарыяланган күндөн тартып күчүнө кирет."]
    lines += [f"Ушул Мыйзамдын {article_of[h]}-беренеси {date_ky_from(d)} тартып күчүнө кирет."
              for h, d in f.deferred if h in article_of]
    return lines


class BillWording:
    """The amending law's wording, collected while the patch engine runs the bill: pass it as
    ``apply_bill(..., trace=wording)``, then :meth:`text` for each language."""

    def __init__(self, bill, root: str | Path = ".", langs: tuple[str, ...] = LANGS):
        self.bill, self.root = bill, Path(root)
        self.wordings = {(la.href, lang): _Wording(lang, f"{bill.path}:{la.line}") for la in bill.laws for lang in langs}

    def __call__(self, instruction, law, lang, targets) -> None:
        key = (_href(law.source, self.root), lang)
        if key in self.wordings:
            self.wordings[key](instruction, law, lang, targets)

    def text(self, lang: str, applied) -> str:
        """The amending law in ``lang`` as plain text, one paragraph a line."""
        bill = self.bill
        title = bill.titles.get(lang)
        if not title:
            raise BillTextError(f"{bill.path}: the bill has no <title lang=\"{lang}\">")
        olds = {_href(str(a.path), self.root): a.old for a in applied if a.path.stem == lang}
        w = _WORDING[lang]
        out = ([w["draft"], ""] if bill.is_draft else []) + [w["head"], "", title, ""]
        n = 0
        article_of: dict[str, int] = {}
        for la in bill.laws:
            wording = self.wordings.get((la.href, lang))
            if wording is None or not wording.items or la.href not in olds:
                continue
            n += 1
            article_of[la.href] = n
            lines = layout(wording.items, lang)
            count = sum(1 for line in lines if not line.endswith(":"))
            out += [w["article"].format(n=n), _into(olds[la.href], la, lang, count)] + lines + [""]
        out += [w["article"].format(n=n + 1)] + in_force_text(bill, lang, article_of) + ["", w["sign"]]
        return _typeset("\n".join(out) + "\n")


def bill_text(bill, lang: str = "rus", root: str | Path = ".") -> str:
    """The amending law in ``lang``: the patch engine runs the bill so that each instruction cites
    the text as the earlier ones left it."""
    wording, applied = worded(bill, lang, root)
    return wording.text(lang, applied)


def worded(bill, lang: str = "rus", root: str | Path = ".") -> tuple["BillWording", list]:
    """The bill's instructions worded in ``lang`` as the engine runs them, and the laws it makes
    (``lawpatch bill`` prints them; ``lawpatch export-akn`` marks them up)."""
    from .patch import PatchError
    from .patch.apply import PatchRefused, apply_bill

    if lang not in LANGS:
        raise BillTextError(f"unknown language {lang!r} (rus or kir)")
    if not bill.titles.get(lang):
        raise BillTextError(f"{bill.path}: the bill has no <title lang=\"{lang}\">")
    for la in bill.laws:
        if not (Path(root) / la.href / f"{lang}.xml").is_file():
            raise BillTextError(f"{bill.path}:{la.line}: {la.href} has no {lang}.xml: "
                                f"the {'Kyrgyz' if lang == 'kir' else 'Russian'} text of the bill needs it")
    wording = BillWording(bill, root, (lang,))
    try:
        applied = apply_bill(bill, root, trace=wording)
    except (PatchRefused, PatchError) as exc:
        raise BillTextError(f"{bill.path}: the bill does not apply, so its text cannot be worded:\n{exc}") from None
    return wording, applied


def bill_or_listing(path, lang: str = "rus", root: str | Path = ".") -> str:
    """The amending law of the bill at ``path``, or, where it cannot be worded against the laws as
    they are (already applied, an old version, a law missing), its ops listed (git's textconv of
    ``amendments/*.xml``: it never fails); a file that is no bill at all is shown as its XML."""
    from .patch import load_bill
    from .patch.listing import listing

    try:
        bill = load_bill(path)
    except LawpatchError:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    try:
        return bill_text(bill, lang, root)
    except LawpatchError as exc:
        return listing(bill, why=str(exc).splitlines()[0])


def _href(source: str, root) -> str:
    p = Path(source).resolve()
    try:
        rel = p.relative_to(Path(root).resolve())
    except ValueError:
        return ""
    return str(rel.parent)


def _guillemets(text: str) -> str:
    """«…» for the straight quotes of a publication the database prints («газета "Эркин-Тоо"»).

    >>> _guillemets('газета "Эркин-Тоо" от 20 января 2006 года № 4')
    'газета «Эркин-Тоо» от 20 января 2006 года № 4'
    """
    return re.sub(r'"([^"]*)"', r"«\1»", text or "")


def _typeset(text: str) -> str:
    """KR typesetting: a no-break space after «№»."""
    return re.sub(r"№ ?(?=\S)", "№" + NBSP, text)


def write_docx(text: str, path: str | Path, date: str | None = None) -> None:
    """The amending law as a Word document on the ``law`` template: «Проект» at the right, the
    title block centred and bold."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    from .render import docxbase

    doc = docxbase.open_template("law")
    lines = text.rstrip("\n").split("\n")
    draft = lines[0] in (_WORDING["rus"]["draft"], _WORDING["kir"]["draft"])
    head = 4 if draft else 2
    for i, line in enumerate(lines):
        p = doc.add_paragraph()
        heading = i <= head or bool(re.match(r"^(Статья \d+\.|\d+-берене\.)$", line)) or i == len(lines) - 1
        docxbase.run(p, line, bold=heading and not (draft and i == 0))
        if draft and i == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif i <= head:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1.25)
    docxbase.save(doc, path, date=date, title=lines[head] if len(lines) > head else "")
