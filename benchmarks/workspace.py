"""The benchmarks' inputs, made once per run in a temporary folder from committed data.

- the real texts of benchmarks/data imported to AKN: the Tax Code (RU, 1.9 MB XML), the Civil Code
  part I in its 2024 and 2025 redactions;
- a repository: a copy of the project's laws/, amendments/ and treaties/, with the Tax Code as
  laws/bench-tax-code and bills on it made from its own text (:func:`make_bill`);
- big inputs: a bill of many ops, a law of many paragraphs, a law with a very wide element.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

PROJECT = Path(__file__).resolve().parents[1]
DATA = PROJECT / "benchmarks" / "data"
TAX = DATA / "tax-code-2022-3.ru.txt"
CIVIL_2024 = DATA / "civil-code-part1-1996-15.ru.txt"
CIVIL_2025 = DATA / "civil-code-part1-1996-15.ed2025.ru.txt"
# a PDF print for the import of a long print: the corpus next to the checkout, where it is
PRINT = PROJECT.parent / "shared" / "corpus" / "orig" / "civil-code-part1-1996-15.ed2025.ru.pdf"
SLUG = "bench-tax-code"
CIVIL = "bench-civil-code"   # the Civil Code part I, 2024, in the repository (derive)
KINDS = ("replace-words", "insert-words", "delete-words", "restate", "repeal", "insert", "heading")


@dataclass
class Workspace:
    folder: Path
    tax: Path            # the Tax Code as AKN
    civil_old: Path      # Civil Code part I, 2024
    civil_new: Path      # the same, 2025
    repo: Path           # laws/, amendments/, treaties/ and laws/bench-tax-code
    law: Path            # repo/laws/bench-tax-code/rus.xml
    bill: Path           # 200 ops of every kind on the Tax Code
    bill_forms: Path     # the same with a replacement in every case form across the code
    bill_text: Path      # the text of that amending law (parse-bill reads it back)
    edited: Path         # the Civil Code part I, 2025, from the PDF print where the corpus has it (derive)
    print_pdf: Path | None


def prepare(folder: Path) -> Workspace:
    from lawpatch.importer import import_file
    from lawpatch.law import Law

    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, src in (("tax.xml", TAX), ("civil-2024.xml", CIVIL_2024), ("civil-2025.xml", CIVIL_2025)):
        out[name] = folder / name
        import_file(src).law.save(out[name])
    repo = folder / "repo"
    for sub in ("laws", "amendments", "treaties"):
        shutil.copytree(PROJECT / sub, repo / sub)
    law_path = repo / "laws" / SLUG / "rus.xml"
    law_path.parent.mkdir(parents=True)
    shutil.copy(out["tax.xml"], law_path)
    (repo / "laws" / CIVIL).mkdir()
    shutil.copy(out["civil-2024.xml"], repo / "laws" / CIVIL / "rus.xml")
    law = Law.load(law_path)
    bill, forms = folder / "bill.xml", folder / "bill-forms.xml"
    bill.write_text(bill_xml(law, make_ops(law, 200)), encoding="utf-8")
    forms.write_text(bill_xml(law, [CASE_FORMS] + make_ops(law, 199)), encoding="utf-8")
    from lawpatch.billtext import bill_text
    from lawpatch.patch import load_bill

    text = folder / "bill.txt"
    text.write_text(bill_text(load_bill(bill), "rus", repo), encoding="utf-8")
    edited = out["civil-2025.xml"]
    if PRINT.is_file():   # the print reads as the database text does; its pdftotext output breaks a division
        edited = folder / "civil-2025-print.xml"
        import_file(PRINT).law.save(edited)
    return Workspace(folder, out["tax.xml"], out["civil-2024.xml"], out["civil-2025.xml"], repo, law_path,
                     bill, forms, text, edited, PRINT if PRINT.is_file() else None)


# --- bills made from a law's own text ------------------------------------------------------------

CASE_FORMS = ('<replace-words scope="act" forms="cases"><old lang="rus">налогоплательщик</old>'
              '<new lang="rus">плательщик налога</new></replace-words>')


def make_ops(law, count: int, per_unit: int = 1) -> list[str]:
    """``count`` ops spread over the law, the kinds in turn, on units of their own (``per_unit``
    > 1: that many word replacements in a unit, each on a word of its own)."""
    from lawpatch import structure as st
    from lawpatch.patch.words import find_whole

    units = [el for el in law.units() if st.own_text(el) and not st.is_repealed(el)]
    wanted = count if per_unit == 1 else -(-count // per_unit)
    step = max(len(units) // wanted, 1)
    ops: list[str] = []
    taken: set = set()
    for i, el in enumerate(units[::step]):
        if len(ops) >= count or any(a in taken for a in el.iterancestors()):
            continue
        eid, text, tag = el.get("eId"), st.own_text(el), st.local(el.tag)
        words = [w for w in dict.fromkeys(re.findall(r"[А-Яа-яЁё]{6,}", text))
                 if len(find_whole(text, w)) == 1 and "налог" not in w.lower() and "плательщик" not in w.lower()]
        kind = KINDS[i % len(KINDS)] if per_unit == 1 else "replace-words"
        made = _op(kind, el, eid, tag, words[:per_unit], taken)
        if made:
            ops += made
            taken.add(el)
    return ops[:count]


def _op(kind, el, eid, tag, words, taken) -> list[str]:
    from lawpatch import structure as st

    if kind in ("replace-words", "insert-words", "delete-words") and words:
        out = []
        for w in map(escape, words):
            out.append({"replace-words": f'<replace-words at="{eid}"><old lang="rus">{w}</old><new lang="rus">{w.upper()}</new></replace-words>',
                        "insert-words": f'<insert-words at="{eid}"><after lang="rus">{w}</after><new lang="rus">и другие</new></insert-words>',
                        "delete-words": f'<delete-words at="{eid}"><old lang="rus">{w}</old></delete-words>'}[kind])
        return out
    if kind == "restate" and el.find(st.A + "content") is not None:
        num = st.num_text(el)
        lead = "- " if tag == "indent" else f"{num} " if num else ""
        return [f'<restate at="{eid}"><text lang="rus">{escape(lead)}Новая редакция.</text></restate>']
    if kind == "repeal" and tag in ("paragraph", "point"):
        return [f'<repeal at="{eid}"/>']
    if kind == "insert" and tag == "alinea":
        return [f'<insert after="{eid}"><text lang="rus">Новый абзац.</text></insert>']
    if kind == "heading":
        article = next((a for a in el.iterancestors() if st.local(a.tag) == "article"), None)
        if article is None or article in taken or not st.heading_text(article):
            return []
        taken.add(article)
        return [f'<restate-heading at="{article.get("eId")}"><heading lang="rus">Новое наименование</heading></restate-heading>']
    return []


def bill_xml(law, ops: list[str], bill_id: str = "bench", slug: str = SLUG, kir: bool = False) -> str:
    title = '<title lang="rus">О внесении изменений</title>' + ('<title lang="kir">Өзгөртүүлөрдү киргизүү '
                                                                 'жөнүндө</title>' if kir else "")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<amendment xmlns="urn:lawpatch:amendment:1" '
            f'id="{bill_id}" date="2026-11-20">{title}'
            f'<law href="laws/{slug}" base="rus@{law.expression_date}">\n' + "\n".join(ops) + "\n</law></amendment>\n")


# --- big inputs -------------------------------------------------------------------------------------

def many_paragraphs(source: Path, paragraphs: int, dest: Path, words: int = 12) -> int:
    """A law of at least ``paragraphs`` text blocks: the articles of ``source`` repeated, numbered on
    («Статья 468.» after «Статья 467.»), in one chapter-less body, each block cut to its first
    ``words`` words (200,000 blocks of the Tax Code's length would pass the 64 MiB bound of a law
    file). Returns the blocks written."""
    from lxml import etree

    from lawpatch import structure as st
    from lawpatch.law import Law

    law = Law.load(source)
    for p in law.body.iter(st.A + "p"):
        text = " ".join("".join(p.itertext()).split()[:words])
        for child in list(p):
            p.remove(child)
        p.text = text
    articles = list(law.articles())
    per_copy = sum(len(list(a.iter(st.A + "p"))) for a in articles)
    body = law.body
    for child in list(body):
        body.remove(child)
    n = 0
    blocks = 0
    while blocks < paragraphs:
        for art in articles:
            n += 1
            copy = etree.fromstring(etree.tostring(art))
            num = copy.find(st.A + "num")
            num.text = f"Статья {n}."
            body.append(copy)
        blocks += per_copy
    law.reindex()
    law.save(dest)
    return blocks


def wide_element(source: Path, attributes: int, dest: Path) -> None:
    """``source`` with ``attributes`` attributes of a foreign namespace on its first article, written
    in reverse order (the canonical order is alphabetical after the known ones)."""
    text = source.read_text(encoding="utf-8")
    extra = " ".join(f"x:a{i:06d}={quoteattr('1')}" for i in range(attributes, 0, -1))
    at = text.index("<article ")
    text = text[:at] + f'<article xmlns:x="urn:bench:wide" {extra} ' + text[at + len("<article "):]
    dest.write_text(text, encoding="utf-8")


# --- a synthetic corpus -------------------------------------------------------------------------------

def synthetic_corpus(dest: Path, acts: int) -> int:
    """``acts`` law folders made from the project's bilingual laws under 1 MB a text (the Constitution,
    the Labour Code: most acts are of their size, not the Tax Code's), copies with a number and title
    of their own, each with a bill of three ops on its own text; returns the bills made."""
    from lawpatch.law import Law

    sources = sorted(p for p in (PROJECT / "laws").iterdir()
                     if all((p / f).is_file() and (p / f).stat().st_size < 1_000_000 for f in ("rus.xml", "kir.xml")))
    laws, amendments = dest / "laws", dest / "amendments"
    amendments.mkdir(parents=True)
    shutil.copytree(PROJECT / "treaties", dest / "treaties")
    made = 0
    for k in range(acts):
        src, slug = sources[k % len(sources)], f"act-{k:05d}"
        pair = {}
        for lang in ("rus", "kir"):
            pair[lang] = law = Law.load(src / f"{lang}.xml")
            _renumber(law, k)
            law.save(laws / slug / f"{lang}.xml")
        ops = _bilingual_ops(pair["rus"], pair["kir"])
        if ops:
            xml = bill_xml(pair["rus"], ops, bill_id=f"bill-{k:05d}", slug=slug, kir=True)
            (amendments / f"{slug}.xml").write_text(xml, encoding="utf-8")
            made += 1
    return made


def _renumber(law, k: int) -> None:
    """The act under a number and title of its own: its work number «N-k» in every FRBR URI, its
    name and long title marked «(k)»."""
    from lawpatch import structure as st

    work = law.work_uri
    number = work.rsplit("/", 1)[-1]
    new = f"{work[: -len(number)]}{number}-{k}"
    for el in law.meta.iter():
        value = el.get("value")
        if value and (value == work or value.startswith(work + "/")):
            el.set("value", new + value[len(work):])
    law.meta.find(f".//{st.A}FRBRnumber").set("value", f"{number}-{k}")
    name = law.meta.find(f".//{st.A}FRBRname")
    name.set("value", f"{name.get('value')} ({k})")
    title = law.act.find(f"{st.A}preface/{st.A}longTitle")
    last = list(title.iter(st.A + "p"))[-1] if title is not None else None
    if last is not None:
        last.text = f"{last.text or ''} ({k})"


def _bilingual_ops(rus, kir) -> list[str]:
    """Three ops each language can carry: a repeal, a deletion and a restated heading."""
    from lawpatch import structure as st

    out = []
    points = [el for el in rus.units() if st.local(el.tag) == "point" and not st.is_repealed(el)
              and el.get("eId") in kir and el.getnext() is not None]
    if len(points) > 10:
        out.append(f'<repeal at="{points[len(points) // 3].get("eId")}"/>')
        out.append(f'<delete at="{points[2 * len(points) // 3].get("eId")}"/>')
    article = next((a for a in rus.articles() if st.heading_text(a) and a.get("eId") in kir
                    and not st.is_repealed(a)), None)
    if article is not None:
        out.append(f'<restate-heading at="{article.get("eId")}"><heading lang="rus">Новое наименование</heading>'
                   f'<heading lang="kir">Жаңы аталышы</heading></restate-heading>')
    return out
