"""``lawpatch parse-bill``: the patch file of an amending law, read from its Russian text.

The text (``.txt`` or ``.docx``: the wording ``lawpatch bill`` writes, and real KR amending laws)
is read in three steps: the lines into numbered items, quoted new texts joined to their
instructions (:mod:`.lines`); each instruction's wording (:mod:`.wording`); each instruction's
citations on the law as the earlier instructions left it (:mod:`.resolve`). The amended acts are
found in ``laws/`` by their names («Внести в Семейный кодекс Кыргызской Республики …»).

The bill that comes out is checked and applied like any other, and must make the same law as the
instructions read one by one (``PARSE.ORDER`` otherwise). The Kyrgyz text of an amending law is
refused: its wording is not verified in KR texts at hand (KR-DRAFTING.md).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Finding, UsageError
from ..law import Law
from ..patch.model import Adoption, Bill, InForce, LawAmendment, Texts
from .lines import Item, Line, items, read_lines
from .resolve import WorkingLaw, _Stop
from .wording import WordingError, read

_VERBS = re.compile(r"\b(?:заменить|исключить|дополнить|изложить|считать|признать)\b")
_ARTICLE = re.compile(r"^Статья\s+(\d+)\.?\s*(.*)$")
_INTO = re.compile(r"^Внести\s+в\s+(?P<act>.+?)(?:\s+\((?P<pub>[^()]*(?:\([^()]*\)[^()]*)*)\))?"
                   r"(?:\s+от\s+(?P<date>.+?))?\s+следующ(?:ие|ее)\s+(?:изменени|дополнени)[а-яё ]*:?$")


@dataclass
class ReadBill:
    """A bill read from the text of an amending law, and what was found on the way."""

    bill: Bill | None
    findings: list[Finding] = field(default_factory=list)
    read: list[tuple[int, str]] = field(default_factory=list)      # (line, op kind) of each instruction read
    worked: dict[str, Law] = field(default_factory=dict)          # href → the law as the instructions made it

    @property
    def refused(self) -> bool:
        return self.bill is None or any(f.severity == "error" for f in self.findings)


def parse_bill(path: str | os.PathLike, output: str | os.PathLike, root=".", bill_id: str | None = None,
               write: bool = True, force: bool = False) -> ReadBill:
    """The bill in the amending law at ``path``, written to ``output`` (when ``write``) only when
    nothing was refused."""
    path, root = Path(path), Path(root)
    if write and Path(output).exists() and not force:
        raise UsageError(f"{output}: already exists (give --force to replace it)")
    lines = read_lines(path)
    _refuse_kyrgyz(lines, path)
    head, articles = _articles(lines)
    if not articles:
        raise UsageError(f"{path}: no «Статья 1.» with «Внести в …»: not the text of an amending law")
    title, adoption, draft = _head(head)
    result = ReadBill(None)
    bill = Bill(id=bill_id or _id(Path(output), adoption), date=_date(adoption), titles=Texts.of(rus=title or "-"),
                path=str(output), laws=(), adoption=None if draft else adoption)
    laws: list[LawAmendment] = []
    in_force = InForce()
    by_article: dict[int, str] = {}
    for number, body in articles:
        first = body[0].text if body else ""
        if _INTO.match(first):
            la = _amend(body, bill, root, path, result)
            if la is not None:
                laws.append(la)
                by_article[number] = la.href
        elif "вступает в силу" in " ".join(x.text for x in body):
            in_force = _in_force(body, by_article, path, result)
        else:
            result.findings.append(Finding("PARSE.ARTICLE", f"Статья {number}: neither «Внести в …» nor entry "
                                           "into force", file=str(path), line=body[0].no if body else None,
                                           severity="warning", hint="its text is not read into the bill"))
    if not title:
        result.findings.append(Finding("PARSE.TITLE", "the bill's title («О внесении изменений в …») is not found",
                                       file=str(path), line=lines[0].no, severity="warning",
                                       hint="the title goes before «Статья 1.»; the patch file's <title> is «-»"))
    if result.refused and any(f.severity == "error" for f in result.findings):
        return result
    from dataclasses import replace

    result.bill = replace(bill, laws=tuple(laws), in_force=in_force)
    _verify(result, root)
    if write and not result.refused:
        from ..derive import write_bill

        write_bill(result.bill, output)
    return result


# --- the parts of the text ---------------------------------------------------------------------

def _refuse_kyrgyz(lines: list[Line], path: Path) -> None:
    from ..vocabulary import language_of

    sample = " ".join(x.text for x in lines[:60])
    if language_of(sample) == "kir" and not re.search(r"Внести в", sample):
        raise UsageError(f"{path}: the Kyrgyz text of an amending law; parse-bill reads the Russian text only "
                         "(the Kyrgyz wording of amending instructions is not verified in KR texts at hand)")


def _articles(lines: list[Line]) -> tuple[list[Line], list[tuple[int, list[Line]]]]:
    """The lines before «Статья 1.», and each article's lines («Статья 1. Внести …» split)."""
    head: list[Line] = []
    articles: list[tuple[int, list[Line]]] = []
    for line in lines:
        m = _ARTICLE.match(line.text)
        if m:
            articles.append((int(m.group(1)), []))
            if m.group(2):
                articles[-1][1].append(Line(line.no, m.group(2)))
            continue
        if re.match(r"^(?:Президент|Торага)\b", line.text):
            break
        (articles[-1][1] if articles else head).append(line)
    return head, articles


def _head(head: list[Line]) -> tuple[str, Adoption | None, bool]:
    """The title («О внесении изменений …», joined over its lines), the adoption («от 10 мая 2023 года
    № 97») and whether it is a draft («Проект»)."""
    from ..dates import find_dates

    draft = any(x.text.lower() in ("проект", "долбоор") for x in head)
    title_lines: list[str] = []
    adoption = None
    for x in head:
        if title_lines and re.match(r"^(?:Принят|Статья|от\s|\(|г\.)", x.text):
            break
        if x.text.startswith("О ") or (title_lines and not x.text.isupper()):
            title_lines.append(x.text)
    for x in head:
        if re.match(r"^от\s+\d", x.text):
            found = find_dates(x.text)
            if found and found[0][1]:
                adoption = Adoption(found[0][0], found[0][1])
    return " ".join(title_lines), adoption, draft


def _amend(body: list[Line], bill: Bill, root: Path, path: Path, result: ReadBill) -> LawAmendment | None:
    """One article «Внести в … следующие изменения:» and its instructions, on the act in laws/."""
    m = _INTO.match(body[0].text)
    href = _find_act(m.group("act"), root)
    if href is None:
        result.findings.append(Finding("PARSE.UNKNOWN_ACT", f"«{m.group('act')}» is not in {root / 'laws'}",
                                       file=str(path), line=body[0].no,
                                       hint="import the act with `lawpatch import` first (laws/<slug>/rus.xml)"))
        _syntax_only(body[1:], path, result)
        return None
    law_path = root / href / "rus.xml"
    base, work = Law.load(law_path), Law.load(law_path)
    if bill.adoption and base.date and bill.adoption.date < base.date:     # a later act of the same name
        result.findings.append(Finding(
            "PARSE.UNKNOWN_ACT", f"«{m.group('act')}» of {href} was adopted on {base.date}, after this law "
            f"({bill.adoption.date}): the law amends an earlier act of that name, which is not in {root / 'laws'}",
            file=str(path), line=body[0].no, hint="import the act as it stood then with `lawpatch import`"))
        _syntax_only(body[1:], path, result)
        return None
    pub = m.group("pub") or ""
    working = WorkingLaw(base, work, bill, str(path))
    context: list[tuple[int, str]] = []
    try:
        for item in items(body[1:]):
            context = _instruction(item, context, working, path, result)
    except _Stop as stop:
        code, message, line, hint = stop.finding
        result.findings.append(Finding(code, message, file=str(path), line=line, hint=hint))
        return None
    result.worked[href] = work
    return LawAmendment(href, f"rus@{base.expression_date}", tuple(working.ops), 0,
                        publication=pub if pub and pub != base.publication else "")


def _instruction(item: Item, context: list[tuple[int, str]], working: WorkingLaw | None, path: Path,
                 result: ReadBill) -> list[tuple[int, str]]:
    """Read one item: a group («в статье 112:») opens a context; an instruction is run. Returns the
    context for the next item."""
    level = item.level or ((context[-1][0] + 1) if context else 1)
    if item.level:
        context = [c for c in context if c[0] < item.level]
    if item.unclosed:
        stop = _Stop("unclosed")
        stop.finding = ("PARSE.QUOTE", f"the new text of «{item.text}» opens a quote at line {item.block_line} "
                        "that never closes: the text is cut short, or its closing quote is missing",
                        item.block_line, "give the whole text of the amending law; nothing is read from a "
                        "new text that does not end")
        raise stop
    header = re.match(r"^(?:в|во|В|Во)\s+(?P<cite>.+):$", item.text)
    if header and item.block is None and not _VERBS.search(item.text):
        return context + [(level, header.group("cite"))]
    try:
        ins = read(item.text, item.no, item.block)
    except WordingError as exc:
        raise _stop_from(exc) from None
    if working is not None:
        working.run(ins, [c for _, c in context])
    result.read.append((item.no, ins.kind.value))
    return context


def _stop_from(exc: WordingError) -> _Stop:
    stop = _Stop(exc.message)
    stop.finding = (exc.code, exc.message, exc.line, exc.hint)
    return stop


def _syntax_only(body: list[Line], path: Path, result: ReadBill) -> None:
    """Read the wording of an act's instructions without the act: what can be read is reported."""
    context: list[tuple[int, str]] = []
    for item in items(body):
        try:
            context = _instruction(item, context, None, path, result)
        except _Stop as stop:
            code, message, line, hint = stop.finding
            result.findings.append(Finding(code, message, file=str(path), line=line, hint=hint))


def _find_act(name: str, root: Path) -> str | None:
    """laws/<slug> of the act a bill names («Семейный кодекс Кыргызской Республики», «Закон
    Кыргызской Республики «О внешней миграции»»)."""
    from ..actnames import act_name

    want = _norm_name(name)
    for path in sorted((root / "laws").glob("*/rus.xml")):
        title = _title_of(path)
        if title and want in (_norm_name(act_name(title, "rus", "acc")), _norm_name(act_name(title, "rus", "nom")),
                              _norm_name(title)):
            return path.parent.relative_to(root).as_posix()
    return None


def _title_of(path: Path) -> str:
    """The act's name from its metadata (FRBRWork/FRBRname), without reading the whole law."""
    from lxml import etree

    from ..xmlio import AKN_NS

    try:
        for _, el in etree.iterparse(str(path), tag=f"{{{AKN_NS}}}FRBRname", resolve_entities=False,
                                     no_network=True, load_dtd=False):
            if el.getparent() is not None and el.getparent().tag == f"{{{AKN_NS}}}FRBRWork":
                return el.get("value") or ""
    except etree.XMLSyntaxError:
        return ""
    return ""


def _norm_name(name: str) -> str:
    return " ".join(re.sub(r"[«»\"“”„]", "\"", name).lower().replace("ё", "е").split())


def _in_force(body: list[Line], by_article: dict[int, str], path: Path, result: ReadBill) -> InForce:
    """«Настоящий Закон вступает в силу со дня официального опубликования» / «по истечении десяти
    дней …» / «с 1 января 2027 года»; «Статья 2 настоящего Закона вступает в силу с …»."""
    from .. import vocabulary as voc
    from ..dates import DATE_RU, iso_date

    days, date, deferred = 10, None, []
    for x in body:
        t = x.text
        m = re.match(r"^Статья\s+(\d+)\s+настоящего\s+Закона\s+вступает\s+в\s+силу\s+с\s+(.+?)\.?$", t)
        if m:
            d = DATE_RU.search(m.group(2))
            if d and int(m.group(1)) in by_article:
                deferred.append((by_article[int(m.group(1))], iso_date(d)))
            continue
        if "вступает в силу" not in t:
            continue
        if "со дня официального опубликования" in t and "по истечении" not in t:
            days = 0
        m = re.search(r"по\s+истечении\s+(.+?)\s+(?:дня|дней)", t)
        if m:
            words = m.group(1)
            days = int(words) if words.isdigit() else next(
                (n for n in range(1, 367) if voc.cardinal(n, "rus", "gen") == words), None)
            if days is None:
                result.findings.append(Finding("PARSE.WORDING", f"cannot read «{words}» days", file=str(path),
                                               line=x.no))
                days = 10
        d = DATE_RU.search(t.split(", за исключением")[0]) if re.search(r"вступает\s+в\s+силу\s+с\s+\d", t) else None
        if d:
            date, days = iso_date(d), None
    return InForce(days=days, date=date, deferred=tuple(deferred))


def _verify(result: ReadBill, root: Path) -> None:
    """The bill read, checked and applied as a whole, must make the law the instructions made one
    by one."""
    from ..derive.verify import mismatches
    from ..patch.apply import _run, settle

    run = _run(result.bill, root)
    result.findings += run.findings
    if any(f.severity == "error" for f in run.findings):
        return
    for applied in run.applied:
        href = next((h for h in result.worked if Path(applied.path).resolve() == (root / h / "rus.xml").resolve()), None)
        if href is None:
            continue
        settle(result.worked[href])
        for f in mismatches(applied.new, result.worked[href], result.bill.path):
            from dataclasses import replace

            result.findings.append(replace(f, code="PARSE.ORDER", message="read in order and applied as a bill, "
                                           f"the law differs: {f.message}", hint="the instructions are not in the "
                                           "order of the law's text, or cite units the bill renumbers"))


def _id(output: Path, adoption: Adoption | None) -> str:
    stem = re.sub(r"[^a-z0-9-]+", "-", output.stem.lower()).strip("-")
    return stem or (f"law-{adoption.number}" if adoption else "bill")


def _date(adoption: Adoption | None) -> str:
    if adoption is not None:
        return adoption.date
    from datetime import date

    from ..render.docxbase import epoch

    return epoch().date().isoformat() if os.environ.get("SOURCE_DATE_EPOCH") else date.today().isoformat()


__all__ = ["ReadBill", "parse_bill"]
