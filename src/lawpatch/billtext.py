"""The text of the amending law («ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ О внесении изменений …») made from a bill.

Instructions cite the *base* text of each law, as a real amending law does, and are grouped per
article the way KR drafters write them («1) в статье 5: а) …; б) …;»). Russian is smallest unit
first («в абзаце четвертом статьи 16»), Kyrgyz largest first as a genitive chain
(«16-берененин төртүнчү абзацында»); the wording of each operation follows KR-DRAFTING.md.
"""
from __future__ import annotations

import re
from pathlib import Path

from . import citations
from . import structure as st
from . import vocabulary as voc
from .actnames import act_name
from .dates import date_ky, date_ru
from .errors import LawpatchError
from .law import Law

LANGS = ("rus", "kir")


_WORDING = {
    "rus": {
        "head": "ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ",
        "article": "Статья {n}.",
        "into": "Внести в {act}{pub} следующие изменения:",
        "into1": "Внести в {act}{pub} следующее изменение:",
        "force": "Настоящий Закон вступает в силу по истечении десяти дней со дня официального опубликования.",
        "sign": "Президент Кыргызской Республики",
    },
    "kir": {
        "head": "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ",
        "article": "{n}-берене.",
        "into": "{act}{pub} төмөнкүдөй өзгөртүүлөр киргизилсин:",
        "into1": "{act}{pub} төмөнкүдөй өзгөртүү киргизилсин:",
        "force": "Ушул Мыйзам расмий жарыяланган күндөн тартып он күн өткөндөн кийин күчүнө кирет.",
        "sign": "Кыргыз Республикасынын Президенти",
    },
}


class BillTextError(LawpatchError):
    """The bill cannot be worded (a language missing, an op the text cannot express)."""


# --- units: names, positions, citations relative to an article --------------------------------
def _abzats_position(el) -> int:
    return st.part_blocks(el.getparent()).index(el) + 1


def cite(law: Law, eid: str, lang: str, case: str = "nom", within: str | None = None) -> str:
    """The citation of ``eid`` (:func:`lawpatch.citations.cite`); with ``within`` (an article the
    instruction is grouped under) the part below that article only: «абзац четвертый» inside
    «в статье 16:», KY «төртүнчү абзацында» inside «16-беренеде:»; "" for the article itself."""
    full = citations.cite(law, eid, lang, case)
    if within is None:
        return full
    if eid == within:
        return ""
    if lang == "rus":
        outer = " " + citations.cite(law, within, lang, "gen")
        return full[: -len(outer)] if full.endswith(outer) else full
    # Kyrgyz cites the article first, as one word: «16-беренесинин төртүнчү абзацында»
    head, _, rest = full.partition(" ")
    return rest if rest and head.startswith(within.split("_", 1)[1] + "-") else full


# --- operations --------------------------------------------------------------------------------
def _texts(op, field: str, lang: str) -> str | None:
    """The op's ``field`` text in ``lang`` (fields are {lang: text} maps, or one text)."""
    value = getattr(op, field, None)
    if value is None or isinstance(value, str):
        return value
    return dict(value).get(lang)


def _need(op, field: str, lang: str, where: str) -> str:
    text = _texts(op, field, lang)
    if text is None:
        raise BillTextError(f"{where}: {op.kind} at {_anchor(op)[0]}: no <{field}> text in {lang}")
    return text


def _anchor(op) -> tuple[str, str]:
    """(eId, position) of an op: ``position`` is "after"/"before" a sibling or "at" the unit."""
    for pos in ("after", "before"):
        value = getattr(op, pos, None)
        if isinstance(value, str) and value and op.kind == "insert":
            return value, pos
    position = getattr(op, "position", None) or "at"
    return op.at, position


def _new_unit(text: str, anchor_el, position: str, law: Law, lang: str) -> tuple[str, str]:
    """What an inserted text is, in the instrumental (RU) / nominative (KY): («частью 4-1», kind)."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    m = re.match(r"^Статья\s+(\d+(?:-\d+)*)\.", first) or re.match(r"^(\d+(?:-\d+)*)-берене\.", first)
    if m:
        return (f"статьей {m.group(1)}", "статья") if lang == "rus" else (f"{m.group(1)}-берене", "берене")
    m = re.match(r"^(\d+(?:-\d+)*)\.\s", first)
    if m:
        name = "часть" if law.naming == "parts" else "пункт"
        return (f"{voc.noun(name, 'rus', 'ins')} {m.group(1)}", name) if lang == "rus" else (f"{m.group(1)}-{voc.noun(name, 'kir')}", name)
    m = re.match(r"^(\d+(?:-\d+)*)\)\s", first)
    if m:
        name = "пункт" if law.naming == "parts" else "подпункт"
        return (f"{voc.noun(name, 'rus', 'ins')} {m.group(1)}", name) if lang == "rus" else (f"{m.group(1)}-{voc.noun(name, 'kir')}", name)
    m = re.match(r"^([а-яё](?:-\d+)?)\)\s", first)
    if m:
        return (f'подпунктом "{m.group(1)}"', "подпункт") if lang == "rus" else (f'"{m.group(1)}" пунктча', "пунктча")
    # an abzats: its position once inserted
    if position == "at":
        pos = len(st.part_blocks(anchor_el)) + 1
    elif anchor_el in st.part_blocks(anchor_el.getparent()):
        pos = _abzats_position(anchor_el) + (1 if position == "after" else 0)
    else:
        siblings = list(anchor_el.getparent())
        before = siblings[:siblings.index(anchor_el) + (1 if position == "after" else 0)]
        blocks = st.part_blocks(anchor_el.getparent())
        pos = len([c for c in before if c in blocks]) + 1
    parent = anchor_el if position == "at" else anchor_el.getparent()
    if st.has_unnumbered_parts(parent):  # beside unnumbered parts a new block is a «часть» too
        if lang == "rus":
            return f"частью {citations.ordinal(pos, 'rus', 'ins', 'femn')}", "часть"
        return f"{citations.ordinal(pos, 'kir')} бөлүк", "часть"
    if lang == "rus":
        return f"абзацем {citations.ordinal(pos, 'rus', 'ins')}", "абзац"
    return f"{citations.ordinal(pos, 'kir')} абзац", "абзац"


def _quoted(text: str) -> str:
    return "«" + text.strip() + "»"


def _instruction(op, law: Law, lang: str, within: str | None, where: str) -> str:
    """The wording of one op; ``within`` is the article the instruction is grouped under (or None)."""
    eid, position = _anchor(op)
    el = law.get(eid)

    def t(case: str, unit: str = eid) -> str:
        # Kyrgyz instructions name the unit in the nominative: «3-берене күчүн жоготту деп таанылсын»
        return cite(law, unit, lang, "nom" if lang == "kir" and case == "acc" else case, within)

    def loc_prefix(unit: str = eid) -> str:
        ref = t("loc", unit)
        if lang == "rus":
            return f"в {ref} " if ref else ""
        return f"{ref} " if ref else ""

    kind = op.kind
    ru = lang == "rus"
    if kind == "replace-words":
        old, new = _need(op, "old", lang, where), _need(op, "new", lang, where)
        if ru:
            return f"{loc_prefix()}{voc.quoted_words(old, lang, 'nom')} заменить {voc.quoted_words(new, lang, 'ins')}"
        return f"{loc_prefix()}{voc.quoted_words(old, lang, 'nom')} {voc.quoted_words(new, lang, 'nom')} менен алмаштырылсын"
    if kind == "insert-words":
        new = _need(op, "new", lang, where)
        after, before = _texts(op, "after", lang), _texts(op, "before", lang)
        if after is None and before is None:
            raise BillTextError(f"{where}: insert-words at {eid}: no <after> or <before> words in {lang}")
        if ru:
            anchor = f"после {voc.quoted_words(after, lang, 'gen')}" if after is not None else f"перед {voc.quoted_words(before, lang, 'ins')}"
            return f"{loc_prefix()}{anchor} дополнить {voc.quoted_words(new, lang, 'ins')}"
        anchor = f"{voc.quoted_words(after, lang, 'nom')}дөн кийин" if after is not None else f"{voc.quoted_words(before, lang, 'nom')}дөн мурда"
        return f"{loc_prefix()}{anchor} {voc.quoted_words(new, lang, 'nom')} менен толукталсын"
    if kind == "delete-words":
        old = _need(op, "old", lang, where)
        return f"{loc_prefix()}{voc.quoted_words(old, lang, 'nom')} " + ("исключить" if ru else "алып салынсын")
    if kind == "restate":
        text = _need(op, "text", lang, where)
        ref = t("acc") or (cite(law, eid, lang, "acc") if ru else cite(law, eid, lang, "nom"))
        verb = "изложить в следующей редакции:" if ru else "төмөнкүдөй редакцияда баяндалсын:"
        return f"{ref} {verb}\n{_quoted(text)}"
    if kind == "restate-heading":
        heading = _need(op, "heading", lang, where)
        printed = f"{st.num_text(el)} {heading}".strip()
        ref = t("gen")
        if ru:
            return f"наименование {ref + ' ' if ref else ''}изложить в следующей редакции:\n{_quoted(printed)}".replace("  ", " ")
        return f"{ref + ' ' if ref else ''}аталышы төмөнкүдөй редакцияда баяндалсын:\n{_quoted(printed)}"
    if kind == "insert":
        text = _need(op, "text", lang, where)
        parent = el if position == "at" else el.getparent()
        what, _ = _new_unit(text, el, position, law, lang)
        pref = cite(law, parent.get("eId"), lang, "acc" if ru else "nom", within) if st.is_unit(parent) else ""
        if ru:
            lead = f"{pref} дополнить" if pref else "дополнить"
            return f"{lead} {what} следующего содержания:\n{_quoted(text)}"
        lead = f"{pref} " if pref else ""
        return f"{lead}төмөнкүдөй мазмундагы {what} менен толукталсын:\n{_quoted(text)}"
    if kind in ("delete", "repeal"):
        ref = t("acc") or cite(law, eid, lang, "acc" if ru else "nom")
        if not ru:
            return f"{ref} " + ("алып салынсын" if kind == "delete" else "күчүн жоготту деп таанылсын")
        if kind == "delete":
            return f"{ref} исключить"
        name = st.unit_name(el, law.naming)
        return f"{ref} {voc.repeal_verb(name)}"
    if kind == "renumber":
        new_num = getattr(op, "to", None) or _texts(op, "new", lang)
        if not new_num:
            raise BillTextError(f"{where}: renumber at {eid}: no new number")
        name = st.unit_name(el, law.naming)
        if ru:
            return f"{t('acc') or cite(law, eid, lang, 'acc')} считать {voc.noun(name, 'rus', 'ins')} {new_num}"
        return f"{t('acc') or cite(law, eid, lang, 'nom')} {new_num}-{voc.noun(name, 'kir')} болуп эсептелсин"
    raise BillTextError(f"{where}: op {kind} at {eid} has no wording in the amending law")


def _group_header(law: Law, art: str, lang: str) -> str:
    return f"в {cite(law, art, lang, 'loc')}:" if lang == "rus" else f"{cite(law, art, lang, 'loc')}:"


def _article_of(law: Law, eid: str) -> str | None:
    el = law.get(eid)
    while el is not None and st.is_unit(el):
        if st.local(el.tag) == "article":
            return el.get("eId")
        el = el.getparent()
    return None


def _title_instruction(op, lang: str, where: str) -> str:
    text = _need(op, "text", lang, where)
    verb = "наименование изложить в следующей редакции:" if lang == "rus" else \
        "аталышы төмөнкүдөй редакцияда баяндалсын:"
    return f"{verb}\n{_quoted(text)}"


def _text_position(op, law: Law, order: dict) -> float:
    """Where an op acts in the text, so instructions follow the law's order: an insert at the end
    of a unit or after it comes after everything in that unit, one before it just before it."""
    eid, position = _anchor(op)
    if op.kind != "insert" or position == "before":
        return order.get(eid, 0) - (0.5 if position == "before" else 0)
    last = max((order.get(u.get("eId"), 0) for u in st.iter_units(law.get(eid))), default=order.get(eid, 0))
    return last + 0.5


def law_instructions(law: Law, ops, lang: str, where: str = "") -> list[str]:
    """The numbered instructions for one law: «1) в статье 16:», «а) …;», «2) …». The last ends with «.»."""
    order = {el.get("eId"): i for i, el in enumerate(law.units())}
    groups: dict[str, list] = {}
    lines: list[str] = []
    for op in ops:
        if getattr(op, "lang", None) not in (None, lang):
            continue
        if op.kind == "restate" and not op.at:  # the act's title comes first, as in the act
            lines.append(f"{len(lines) + 1}) {_title_instruction(op, lang, where)}")
            continue
        eid, _ = _anchor(op)
        law.get(eid)
        groups.setdefault(_article_of(law, eid) or eid, []).append(op)
    for n, (art, group_ops) in enumerate(sorted(groups.items(), key=lambda g: order.get(g[0], 0)), len(lines) + 1):
        group_ops.sort(key=lambda op: _text_position(op, law, order))
        if len(group_ops) == 1:
            lines.append(f"{n}) {_instruction(group_ops[0], law, lang, None, where)}")
            continue
        lines.append(f"{n}) {_group_header(law, art, lang)}")
        for letter, op in zip(voc.LETTERS, group_ops):
            lines.append(f"{letter}) {_instruction(op, law, lang, art, where)}")
    for i, line in enumerate(lines):
        if not line.endswith(":"):
            lines[i] = line + (";" if i < len(lines) - 1 else ".")
    if len(lines) == 1:  # a single instruction is not numbered: «Статью 12 дополнить …»
        text = lines[0].split(") ", 1)[1]
        lines[0] = text[0].upper() + text[1:]
    return lines



def _into(law: Law, lang: str, count: int) -> str:
    pub = f" ({law.publication})" if law.publication else ""
    act = act_name(law.title, lang, "acc" if lang == "rus" else "dat")
    if not pub and law.date and law.number:
        if lang == "rus":
            pub = f" от {date_ru(law.date)} № {law.number}"
        else:  # «Кыргыз Республикасынын 2006-жылдын 13-январындагы № 4 «…» Мыйзамына»
            act = f"Кыргыз Республикасынын {date_ky(law.date)} № {law.number} " + \
                act_name(law.title, lang, "dat").replace("Кыргыз Республикасынын ", "", 1)
    return _WORDING[lang]["into1" if count == 1 else "into"].format(act=act, pub=pub)


def load_laws(bill, lang: str, root: str | Path = ".") -> dict[str, Law]:
    """The base law of each ``<law href>`` in ``lang`` (``laws/<slug>/<lang>.xml`` under ``root``)."""
    laws = {}
    for la in bill.laws:
        path = Path(root) / la.href / f"{lang}.xml"
        if not path.is_file():
            raise BillTextError(f"{bill.path}:{la.line}: {la.href} has no {lang}.xml: "
                                f"the {'Kyrgyz' if lang == 'kir' else 'Russian'} text of the bill needs it")
        laws[la.href] = Law.load(path)
    return laws


def bill_text(bill, lang: str = "rus", laws: dict[str, Law] | None = None, root: str | Path = ".") -> str:
    """The amending law in ``lang`` as plain text, one paragraph a line."""
    if lang not in LANGS:
        raise BillTextError(f"unknown language {lang!r} (rus or kir)")
    title = dict(bill.titles).get(lang)
    if not title:
        raise BillTextError(f"{bill.path}: the bill has no <title lang=\"{lang}\">")
    laws = laws if laws is not None else load_laws(bill, lang, root)
    w = _WORDING[lang]
    out = [w["head"], "", title, ""]
    n = 0
    for la in bill.laws:
        law = laws[la.href]
        lines = law_instructions(law, la.ops, lang, where=f"{bill.path}:{la.line}")
        if not lines:
            continue
        n += 1
        count = sum(1 for line in lines if not line.endswith(":"))
        out += [w["article"].format(n=n), _into(law, lang, count)] + lines + [""]
    out += [w["article"].format(n=n + 1), w["force"], "", w["sign"]]
    return "\n".join(out) + "\n"


def write_docx(text: str, path: str | Path, date: str | None = None) -> None:
    """The amending law as a Word document on the ``law`` template: the title block centred and bold."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    from .render import docxbase

    doc = docxbase.open_template("law")
    lines = text.rstrip("\n").split("\n")
    for i, line in enumerate(lines):
        p = doc.add_paragraph()
        heading = i < 3 or bool(re.match(r"^(Статья \d+\.|\d+-берене\.)$", line)) or i == len(lines) - 1
        docxbase.run(p, line, bold=heading)
        if i < 3:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1.25)
    docxbase.save(doc, path, date=date, title=lines[2] if len(lines) > 2 else "")
