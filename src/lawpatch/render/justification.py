"""A draft справка-обоснование (justification note) of a bill, in the seven sections filed with
bills in the Jogorku Kenesh (docs/treaties.md): filled with what lawpatch knows — the bill's
purpose note, its changes, their treaty basis and the Kyrgyz Republic's status under each treaty,
the matrix status of the articles before the bill, the definitions it brings closer to a
treaty's, the provisions that cite the changed units — and marked blanks («[ЗАПОЛНИТЬ: …]»,
highlighted) for what only the drafter can write."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

BLANK = "ЗАПОЛНИТЬ"
SECTIONS = (
    "Цель и задачи",
    "Описательная часть",
    "Прогнозы возможных социальных, экономических, правовых, правозащитных, гендерных, экологических, "
    "коррупционных последствий",
    "Информация о результатах общественного обсуждения",
    "Анализ соответствия проекта законодательству",
    "Информация о необходимости финансирования",
    "Информация об анализе регулятивного воздействия",
)


def _described(c, old) -> str:
    """One change as the descriptive part words it: «абзац второй статьи 5 изменяется», «изменяется
    наименование статьи 16», «вводится абзац десятый статьи 16», «статья 7 признается утратившей силу»."""
    from .. import vocabulary as voc
    from ..citations import CitationError, cite

    what = c.citation or c.eid or "наименование"
    if c.kind == "heading":
        try:
            return f"изменяется наименование {cite(old, c.old_eid, 'rus', 'gen')}"
        except (CitationError, KeyError):  # a unit the citations cannot name: its printed citation stands
            return f"{what}: изменяется наименование"
    if c.kind == "inserted":
        return f"вводится {what}"
    if c.kind == "repealed":
        return f"{what} признается {voc.repealed_as(c.unit_name or 'пункт')}"
    return f"{what} " + {"changed": "изменяется", "deleted": "исключается", "renumbered": "получает новый номер"}[c.kind]


@dataclass(frozen=True)
class Para:
    text: str
    blank: bool = False     # a marked blank the drafter fills in


def blank(what: str) -> Para:
    return Para(f"[{BLANK}: {what}]", blank=True)


def sections(b, root: str | os.PathLike = ".") -> list[tuple[str, list[Para]]]:
    """The seven sections of the bill ``b`` (a build.BillBuild), each a list of paragraphs."""
    from ..actnames import act_name
    from ..treaties import load_registry

    registry = load_registry(root)
    bill = b.bill
    reasons = _reasons(bill)
    basis = [registry.describe(t, arts, "rus") for t, arts in reasons.items()]
    # an instrument the Kyrgyz Republic is not (or not known to be) party to sets a standard, not
    # an obligation
    binding = [registry.describe(t, arts, "rus") for t, arts in reasons.items()
               if t in registry and registry.treaties[t].kr.binding]
    standards = [b for b in basis if b not in binding]
    laws = [r for r in b.laws if r.lang == "rus"]
    acts = sorted({act_name(r.applied.old.title, "rus") for r in laws})

    purpose = [Para(bill.notes["rus"])] if bill.notes.get("rus") else [blank("цель и задачи проекта")]
    if binding:
        purpose.append(Para("Проект разработан в целях приведения законодательства Кыргызской Республики в "
                            "соответствие с международными договорами, участницей которых она является: "
                            + "; ".join(binding) + "."))
    if standards:
        purpose.append(Para("Проект учитывает положения международных договоров, участие Кыргызской Республики "
                            "в которых реестром не подтверждено: " + "; ".join(standards) + "."))

    described = [Para("Проектом предлагается внести изменения в " + ", ".join(acts) + ".")] if acts else []
    for r in laws:
        described.append(Para(f"{act_name(r.applied.old.title, 'rus')}:"))
        for c in r.comparison.changes:
            why = f" (обоснование: {'; '.join(c.reasons)})" if c.reasons else ""
            described.append(Para(f"– {_described(c, r.applied.old)}{why};"))
    notes = [(la, op) for la in bill.laws for op in la.ops if op.note]
    if notes:
        described.append(Para("Пояснения к изменениям:"))
        russian = {r.slug: r.applied.old for r in laws if r.lang == "rus"}
        described += [Para(f"– {_label(russian.get(Path(la.href).name), op)}: {op.note}") for la, op in notes]

    cited = [Para(f"– {f.extra['citation']} (laws/{f.extra['law']}) ссылается на изменяемую норму "
                  f"({f.unit}): «{f.extra['text']}»;") for f in b.cited_by]
    forecasts = [Para("Социальные последствия:"), blank("социальные последствия"),
                 Para("Экономические последствия:"), blank("экономические последствия"),
                 Para("Правовые последствия: принятие проекта изменит " + str(sum(len(r.comparison.changes)
                                                                            for r in laws))
                      + " положений (" + ", ".join(acts) + ")."
                      + (" Положения, ссылающиеся на изменяемые нормы, которые следует привести в соответствие:"
                         if cited else " Положений законов, включенных в репозиторий (laws/), ссылающихся на "
                         "изменяемые нормы, не выявлено."))] + cited
    forecasts.append(Para("Правозащитные последствия:"))
    forecasts += ([Para("Проект направлен на выполнение обязательств Кыргызской Республики по договорам: "
                        + "; ".join(binding) + ".")] if binding else [])
    forecasts += ([Para("Проект приближает законодательство к стандартам: " + "; ".join(standards) + ".")]
                  if standards else []) + [blank("оценка правозащитных последствий")]
    for what in ("гендерные", "экологические", "коррупционные"):
        forecasts += [Para(f"{what.capitalize()} последствия:"), blank(f"{what} последствия")]

    conformity = _conformity(b, registry, reasons, root)
    conformity.append(blank("соответствие Конституции Кыргызской Республики и иным законам"))

    return [
        (SECTIONS[0], purpose),
        (SECTIONS[1], described or [blank("описание проекта")]),
        (SECTIONS[2], forecasts),
        (SECTIONS[3], [blank("сроки и результаты общественного обсуждения проекта, поступившие предложения")]),
        (SECTIONS[4], conformity),
        (SECTIONS[5], [blank("требует ли принятие проекта расходов из республиканского бюджета")]),
        (SECTIONS[6], [blank("нужен, если проект затрагивает предпринимательскую деятельность; иначе — "
                             "указать, что анализ регулятивного воздействия не требуется")]),
    ]


def _reasons(bill) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for la in bill.laws:
        for op in la.ops:
            for r in op.reasons:
                if r.article not in out.setdefault(r.treaty, []):
                    out[r.treaty].append(r.article)
    return out


def _conformity(b, registry, reasons, root) -> list[Para]:
    """Each cited treaty: the Kyrgyz Republic's status; each article: how the laws carried it out
    before the bill; the definitions the bill changes, measured against the treaty's."""
    from ..trace import citation_of, laws_with_links

    out = []
    links = []   # every law of the repository: the Constitution may carry an article a law lacks
    if reasons and (Path(root) / "laws").is_dir():
        for slug, law, law_links in laws_with_links(Path(root) / "laws",
                                                    lambda k: k.article in reasons.get(k.treaty, ())):
            links += [(slug, k, citation_of(law, k.eid) if k.eid in law else k.eid) for k in law_links]
    for treaty_id, articles in reasons.items():
        t = registry.treaties.get(treaty_id)
        if t is None:
            continue
        status = t.kr.describe() + (f" (источник: {t.kr.source})" if t.kr.source else "")
        out.append(Para(f"{t.title()} ({t.adopted[:4]}): статус для Кыргызской Республики — {status}."))
        if not t.kr.binding:
            out.append(blank(f"участие Кыргызской Республики в договоре «{t.title()}» не подтверждено реестром; "
                             "указать основание"))
        for number in articles:
            a = t.articles.get(number)
            if a is None:
                continue
            before = [f"laws/{slug}: {where}" + (" (частично)" if k.extent == "partial" else "")
                      for slug, k, where in links if (k.treaty, k.article) == (treaty_id, number)]
            out.append(Para(f"– ст. {number} ({a.summary.rstrip('.')}): до принятия проекта — "
                            + (", ".join(before) if before else "положения, выполняющего статью, в законах нет")
                            + "."))
    out += _definitions(b, registry)
    return out


def _definitions(b, registry) -> list[Para]:
    """«Члены семьи»: the law's definition before and after, against the treaty's (share of words)."""
    from ..definitions import agreement, law_definitions, normal
    from ..trace import citation_of

    terms = list(registry.terms())
    names = [n for _, _, term in terms for n in term.names()]
    out = []
    for r in b.laws:
        if r.lang != "rus":
            continue
        changed = {c.new_eid for c in r.comparison.changes if c.new_eid}
        before = {d.eid: d for d in law_definitions(r.applied.old, names)}
        for d in law_definitions(r.applied.new, names):
            if d.eid not in changed:
                continue
            for t, a, term in terms:
                if normal(d.term) in {normal(n) for n in term.names()}:
                    old = before.get(d.eid)
                    was = f"{round(100 * agreement(term.definition, old.text))} %" if old else "—"
                    now = round(100 * agreement(term.definition, d.text))
                    out.append(Para(f"Понятие «{d.term}» (laws/{r.slug}, {citation_of(r.applied.new, d.eid)}) и "
                                    f"определение статьи {a.number} ({t.title()}): общих слов {now} % "
                                    f"(до проекта — {was})."))
    return out


def write_docx(b, path: str | os.PathLike, root: str | os.PathLike = ".") -> None:
    from docx.enum.text import WD_COLOR_INDEX

    from .docxbase import open_template, run, save

    doc = open_template("law")
    title = b.bill.titles.get("rus") or b.bill.id
    head = doc.add_paragraph()
    head.alignment = 1
    run(head, "СПРАВКА-ОБОСНОВАНИЕ", bold=True)
    sub = doc.add_paragraph()
    sub.alignment = 1
    run(sub, f"к проекту Закона Кыргызской Республики «{title}»", bold=True)
    doc.add_paragraph(f"(черновик, подготовлен lawpatch по законопроекту {b.bill.id}; "
                      f"места, отмеченные [{BLANK}: …], заполняет разработчик)")
    for n, (name, paras) in enumerate(sections(b, root), 1):
        run(doc.add_paragraph(), f"{n}. {name}", bold=True)
        for para in paras:
            p = doc.add_paragraph()
            r = run(p, para.text, italic=para.blank)
            if para.blank:
                r.font.highlight_color = WD_COLOR_INDEX.YELLOW
    sign = doc.add_paragraph()
    run(sign, f"[{BLANK}: должность, Ф.И.О. инициатора]", italic=True).font.highlight_color = WD_COLOR_INDEX.YELLOW
    save(doc, path, date=b.bill.date, title="Справка-обоснование")


def _label(law, op) -> str:
    """The unit an op's note speaks of, cited in Russian on the law before the bill (an op's own
    citation may be Kyrgyz): «часть 1 статьи 197», «после части 1 статьи 185» for an insertion."""
    from ..citations import CitationError, cite

    if law is None or not op.at or op.at not in law:
        return op.cite or op.at or "наименование"
    try:
        if op.kind.value == "insert":
            return f"после {cite(law, op.at, 'rus', 'gen')}"
        return cite(law, op.at, "rus")
    except CitationError:
        return op.at
