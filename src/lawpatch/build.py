"""Build every document of a bill: check, apply to copies, then render.

Per bill, ``out/<bill-id>/`` receives the consolidated XML and DOCX of each changed law, the
comparison tables (RU, KY), the redlines, the text of the amending law, a draft
справка-обоснование and ``summary.md``.
Each bill's folder is made aside and put in place at once, so an error leaves the previous
outputs as they were; the same inputs give byte-identical files (SOURCE_DATE_EPOCH or the
bill's date is the date written into documents).
"""
from __future__ import annotations

import gc
import os
import shutil
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from . import storage
from .actnames import printed
from .errors import Finding, FindingsError, UsageError

LANG_CHOICES = {"rus": ("rus",), "kir": ("kir",), "both": ("rus", "kir")}
KINDS = ("changed", "inserted", "deleted", "repealed", "heading", "renumbered")


@dataclass
class LawResult:
    """One changed law file: before, after, and what changed."""

    applied: object            # patch.AppliedLaw
    comparison: object         # compare.LawComparison
    slug: str
    lang: str


@dataclass
class BillBuild:
    bill: object
    laws: list[LawResult]
    folder: Path                              # where the files are being written
    wording: object = None                    # billtext.BillWording, collected while applying
    files: list[str] = field(default_factory=list)
    cited_by: list = field(default_factory=list)  # CHECK.CITED_BY: provisions citing changed units
    root: Path = Path(".")                    # the repository (laws/, treaties/)
    missing: list = field(default_factory=list)  # BUILD.LANGUAGE_MISSING allowed: what the package lacks


# --- the steps: each writes its files into the bill's folder and returns their names ---------
def _per_law(b: BillBuild, suffix: str, write) -> list[str]:
    """Write one file per changed law file, ``<slug>.<lang><suffix>``, with ``write(result, path)``."""
    names = []
    for r in b.laws:
        name = f"{r.slug}.{r.lang}{suffix}"
        write(r, b.folder / name)
        names.append(name)
    return names


def _xml(b: BillBuild) -> list[str]:
    from .xmlio import atomic_write_bytes

    return _per_law(b, ".xml", lambda r, path: atomic_write_bytes(path, r.applied.data))


def _docx(b: BillBuild) -> list[str]:
    from .render.consolidated import write_docx

    return _per_law(b, ".docx", lambda r, path: write_docx(r.applied.new, path))


def _table(b: BillBuild) -> list[str]:
    from .render.table import write_table

    names = []
    for lang in _langs(b):
        name = f"table.{lang}.docx"
        write_table([r.comparison for r in b.laws if r.lang == lang], b.folder / name, bill=b.bill)
        names.append(name)
    return names


def _redline(b: BillBuild) -> list[str]:
    """Tracked changes authored by the bill (its id), dated by the bill."""
    from .render.redline import write_redline

    return _per_law(b, ".redline.docx", lambda r, path: write_redline(
        r.comparison, r.applied.old, r.applied.new, path, author=b.bill.id, date=b.bill.date))


def _amending_law(b: BillBuild) -> list[str]:
    from .billtext import write_docx

    names = []
    for lang in _langs(b):
        if not b.bill.titles.get(lang):
            continue  # the bill is not written in this language
        name = f"bill.{lang}.docx"
        write_docx(b.wording.text(lang, [r.applied for r in b.laws]), b.folder / name, date=b.bill.date)
        names.append(name)
    return names


def _justification(b: BillBuild) -> list[str]:
    """The справка-обоснование draft (Russian): seven sections, marked blanks for the drafter."""
    from .render.justification import write_docx

    if "rus" not in _langs(b):
        return []
    write_docx(b, b.folder / "justification.rus.docx", root=b.root)
    return ["justification.rus.docx"]


STEPS = (
    ("consolidated XML", _xml),
    ("consolidated DOCX", _docx),
    ("comparison table", _table),
    ("redline", _redline),
    ("amending law", _amending_law),
    ("справка-обоснование", _justification),
)


def _langs(b: BillBuild) -> list[str]:
    return sorted({r.lang for r in b.laws}, key=("rus", "kir").index)


# --- the whole build -----------------------------------------------------------------------------
def default_patches(root: str | os.PathLike = ".") -> list[Path]:
    patches = sorted((Path(root) / "amendments").glob("*.xml"))
    if not patches:
        raise UsageError(f"{Path(root) / 'amendments'}: no bills (*.xml) to build")
    return patches


@dataclass(frozen=True)
class Built:
    """One bill's documents, written: its folder, the file names, how many law files it changes,
    what its package lacks (``BUILD.LANGUAGE_MISSING``, built with ``allow_missing``)."""

    bill: str
    folder: Path
    files: tuple[str, ...]
    laws: int
    missing: tuple = ()


def build(patches, out_dir, in_place: bool = False, root: str | os.PathLike = ".",
          langs: tuple[str, ...] = ("rus", "kir"), allow_missing: bool = False, jobs: int | None = 1,
          progress=None) -> list[Built]:
    """Check every bill, then write each bill's documents into ``out_dir/<bill-id>/``.

    Each bill is checked, applied and rendered on its own (in ``jobs`` processes; ``progress(1)``
    as each is done) into a folder aside; only when no bill is refused are the folders put in
    place, so nothing is written when any bill is refused (``FindingsError``). A bill whose law or
    title lacks a language asked for is refused too (``BUILD.LANGUAGE_MISSING``: a package never
    leaves a language out silently), unless ``allow_missing``, and then its summary says what is
    missing. With ``in_place`` the laws under ``root`` are replaced by their amended texts once every
    output is written, all or nothing. The repository is locked meanwhile: no law changes under
    the build.
    """
    with storage.locked(root):
        return _build(patches, out_dir, in_place, root, langs, allow_missing, jobs, progress)


LANGUAGE_NAMES = {"rus": "Russian", "kir": "Kyrgyz"}


def missing_languages(bill, root, langs) -> list[Finding]:
    """What the bill's package would lack in the languages asked: a law without its ``kir.xml``
    (or ``rus.xml``), a bill without its title in the language."""
    out = []
    for lang in langs:
        name = LANGUAGE_NAMES[lang]
        if not bill.titles.get(lang):
            out.append(Finding("BUILD.LANGUAGE_MISSING", f"the bill has no {lang} title: the {name} amending law "
                               "cannot be written", file=bill.path, line=1,
                               hint=f'add <title lang="{lang}">, build with --lang, or --allow-missing-language'))
        for la in bill.laws:
            if not (Path(root) / la.href / f"{lang}.xml").is_file():
                out.append(Finding("BUILD.LANGUAGE_MISSING", f"no {lang}.xml: the {name} package would leave "
                                   "this law out", file=bill.path, line=la.line, unit=la.href,
                                   hint=f"import the law's {name} text into {la.href}/{lang}.xml, build with "
                                        "--lang, or allow a package without it: --allow-missing-language"))
    return out


def _build(patches, out_dir, in_place: bool, root, langs, allow_missing, jobs, progress) -> list[Built]:
    from .patch import apply_bill, load_bill, write_applied
    from .workers import run_all

    patches = [Path(p) for p in patches] or default_patches(root)
    for p in patches:
        if not p.is_file():
            raise UsageError(f"{p}: no such patch file")
    bills = [load_bill(p) for p in patches]
    seen: dict[str, Path] = {}
    for bill in bills:
        if bill.id in seen:
            raise UsageError(f"{bill.path}: bill id {bill.id!r} is also the id of {seen[bill.id]}")
        seen[bill.id] = bill.path
    missing = {bill.id: missing_languages(bill, root, langs) for bill in bills}
    if not allow_missing and any(missing.values()):
        raise FindingsError([f for fs in missing.values() for f in fs])
    made = not Path(out_dir).exists()
    out = storage.ensure_dir(out_dir)
    storage.clean_leftovers(out)  # a killed build's half-made folders; its moved-aside outputs go back
    done = []
    try:
        with _references_read_once(root, len(patches), jobs):
            done = run_all(_bill_documents, [(str(p), str(root), langs, str(out), tuple(missing[b.id]))
                                             for p, b in zip(patches, bills)], jobs, progress)
            findings = [f for fs, _ in done for f in fs]
            if any(f.severity == "error" for f in findings):
                raise FindingsError(findings)
            applied = [apply_bill(bill, root=root) for bill in bills] if in_place else []
        if in_place:
            _refuse_overlaps(list(zip(bills, applied)))
        results = []
        for _, built in done:
            storage.replace_dir(built.folder, out / built.bill)
            results.append(Built(built.bill, out / built.bill, built.files, built.laws, built.missing))
    except BaseException:
        for _, built in done:
            if built is not None:
                shutil.rmtree(built.folder, ignore_errors=True)
        if made and not any(out.iterdir()):
            out.rmdir()  # a refused build leaves no trace, not even an empty folder
        raise
    if in_place:
        write_applied([a for laws in applied for a in laws], root)
    return results


def _references_read_once(root, bills: int, jobs):
    """Each bill's check looks for the provisions citing what it changes, in an index of laws/:
    with more than one bill, laws/ is read once here (in all cores) for every bill's index, made
    here or in the workers forked here — the build holds the lock, so no law file changes meanwhile."""
    laws = Path(root) / "laws"
    if bills < 2 or not laws.is_dir():
        return nullcontext()
    from .references import pinned

    return pinned(laws, jobs=jobs)


def _bill_documents(job) -> tuple[list, Built | None]:
    """One bill checked, applied and its documents written into a folder aside: (its findings, the
    folder) — no folder when it is refused. A module-level function: it runs in workers."""
    try:
        return _one_bill(*job)
    finally:
        # the bill's laws and documents are cyclic garbage: collected now, before the next bill (the
        # collector's own schedule counts the shared reference index as long-lived and let 200
        # bills' garbage pile up to 490 MB); what was alive before the bills is frozen, so this
        # walks only the bill's own objects
        gc.collect()


def _one_bill(path, root, langs, out, missing) -> tuple[list, Built | None]:
    from .billtext import BillWording
    from .patch import load_bill
    from .patch.apply import run_bill

    bill = load_bill(path)
    wording = BillWording(bill, root, langs)
    findings, laws = run_bill(bill, root=root, trace=wording)
    if any(f.severity == "error" for f in findings):
        return findings, None
    cited = [f for f in findings if f.code == "CHECK.CITED_BY"]
    b = _build_bill(bill, laws, wording, Path(out), langs, root, cited, missing)
    return findings, Built(bill.id, b.folder, tuple(b.files), len(b.laws), tuple(missing))


def _refuse_overlaps(applied) -> None:
    owner: dict[str, str] = {}
    for bill, laws in applied:
        for a in laws:
            key = str(Path(a.path).resolve())
            if key in owner and owner[key] != bill.id:
                raise UsageError(f"{a.path}: amended by both {owner[key]} and {bill.id}; "
                                 "--in-place applies one bill to a law at a time")
            owner[key] = bill.id


def _build_bill(bill, laws, wording, out: Path, langs, root, cited=(), missing=()) -> BillBuild:
    """The documents of one bill, written into a folder aside of ``out/<bill-id>``."""
    from .render.inputs import comparison_of

    results = []
    for a in laws:
        lang = a.new.lang
        if lang in langs:
            results.append(LawResult(a, comparison_of(a, root), Path(a.path).parent.name, lang))
    order = [Path(la.href).name for la in bill.laws]      # the laws in the bill's order
    results.sort(key=lambda r: (order.index(r.slug) if r.slug in order else len(order),
                                ("rus", "kir").index(r.lang) if r.lang in ("rus", "kir") else 2))
    final = out / bill.id
    tmp = storage.aside(final, "new")
    shutil.rmtree(tmp, ignore_errors=True)
    storage.ensure_dir(tmp)
    b = BillBuild(bill, results, tmp, wording, cited_by=list(cited), root=Path(root), missing=list(missing))
    try:
        for _name, step in STEPS:
            b.files += step(b)
        b.files.append("summary.md")
        storage.write_file(tmp / "summary.md", summary(b).encode("utf-8"))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return b


def summary(b: BillBuild) -> str:
    """summary.md: per law and language the count of changes by kind, the citations, the files."""
    titles = b.bill.titles
    out = [f"# {b.bill.id}", ""]
    title = titles.get("rus") or titles.get("kir") or ""
    if title:
        out += [title, ""]
    out += [f"Date: {b.bill.date}", ""]
    for r in b.laws:
        counts = Counter(c.kind for c in r.comparison.changes)
        out += [f"## {r.slug} ({r.lang}): {printed(r.comparison.title, r.lang)}", ""]
        out.append(", ".join(f"{k}: {counts[k]}" for k in KINDS if counts[k]) or "no change")
        out.append("")
        out += [f"- {c.citation or c.eid or 'title'} ({c.kind})" + (f" — {'; '.join(c.reasons)}" if c.reasons else "")
                for c in r.comparison.changes]
        out.append("")
        if r.comparison.layout:     # not changes: blocks split or joined with the same words
            out += [f"Layout (not in the table): {len(r.comparison.layout)} — "
                    + ", ".join(c.citation or c.eid for c in r.comparison.layout), ""]
    if b.missing:
        out += ["## Languages left out (built with --allow-missing-language)", ""]
        out += [f"- {f.unit + ': ' if f.unit else ''}{f.message}" for f in b.missing] + [""]
    from .render.inputs import rows_in_one_language

    one_language = rows_in_one_language([(r.slug, r.lang, r.comparison) for r in b.laws])
    if one_language:
        out += ["## Rows in one language only (an op changes one text and not the other)", ""] + one_language + [""]
    if b.cited_by:
        out += ["## Provisions that cite the changed units (amend them too)", ""]
        out += [f"- {f.extra['citation']} ({f.extra['eid']}) of laws/{f.extra['law']} cites {f.unit} ({f.op}): "
                f"«{f.extra['text']}»" for f in b.cited_by]
        out.append("")
    out += ["## Files", ""] + [f"- {name}" for name in b.files]
    return "\n".join(out) + "\n"


def export_akn(patch: str | os.PathLike, output: str | os.PathLike, root=".", lang: str = "rus") -> int:
    """Write the bill at ``patch`` as an Akoma Ntoso 3.0 document (:mod:`lawpatch.render.akn`),
    valid against the official schema or not at all; returns the number of textual modifications."""
    from lxml import etree

    from .billtext import worded
    from .errors import LawpatchError
    from .patch import load_bill
    from .render.akn import bill_document
    from .validate import official_schema
    from .xmlio import atomic_write_bytes, to_bytes

    if not Path(patch).is_file():
        raise UsageError(f"{patch}: no such patch file")
    bill = load_bill(patch)
    wording, applied = worded(bill, lang, root)
    doc = bill_document(bill, wording, applied, lang)
    tree = etree.ElementTree(doc)
    schema = official_schema()
    if not schema.validate(tree):
        errors = "; ".join(f"line {e.line}: {e.message}" for e in list(schema.error_log)[:5])
        raise LawpatchError(f"{patch}: the AKN document is not valid against the official schema "
                            f"(a lawpatch defect, nothing written): {errors}")
    atomic_write_bytes(output, to_bytes(tree))
    return len(doc.findall(f".//{{{doc.nsmap[None]}}}textualMod"))

