"""Writing a bill op by op (``lawpatch new`` and ``lawpatch amend``): each op gets the text it
expects at its target (its content anchor), is checked against the laws at once, and the file is
written only when the bill still checks — otherwise it is left as it was."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import Finding, Refusal, UsageError
from ..law import Law
from ..xmlio import PATCH_NS, parse, to_bytes
from . import targets as tg
from .load import load_bill
from .model import Adoption, Bill, LawAmendment, Op, Part, Scope, Target, Texts
from .write import bill_element, law_element, op_element

P = "{%s}" % PATCH_NS
LANGS = ("rus", "kir")


def law_versions(root: Path, href: str) -> dict[str, Path]:
    """``{lang: path}`` of the language versions in ``laws/<slug>``."""
    folder = Path(root) / href
    found = {lang: folder / f"{lang}.xml" for lang in LANGS if (folder / f"{lang}.xml").is_file()}
    if not found:
        raise UsageError(f"{href}: no rus.xml or kir.xml under {folder}")
    return found


def base_of(root: Path, href: str) -> str:
    """The expression a new op is written against: «rus@2025-07-10»."""
    lang, path = next(iter(law_versions(root, href).items()))
    return f"{lang}@{Law.load(path).expression_date}"


def normal_href(href: str) -> str:
    href = href.rstrip("/")
    return href if href.startswith("laws/") else f"laws/{href}"


def new_bill(path: Path, bill_id: str, titles: dict, laws: list[str], date: str, root: Path,
             adoption: Adoption | None = None, publications: dict | None = None) -> Bill:
    """Start a bill naming the laws it amends (each at its current expression, with the publication
    the bill cites where ``publications`` gives one); refuses an existing file."""
    if path.exists():
        raise UsageError(f"{path}: already exists; add ops with `lawpatch amend`")
    publications = {normal_href(h): text for h, text in (publications or {}).items()}
    unknown = set(publications) - {normal_href(h) for h in laws}
    if unknown:
        raise UsageError(f"--publication for {', '.join(sorted(unknown))}: not a law of the bill")
    bill = Bill(id=bill_id, date=date, titles=Texts.of(titles), path=str(path),
                laws=tuple(LawAmendment(normal_href(h), base_of(root, normal_href(h)), (), 0,
                                        publications.get(normal_href(h), "")) for h in laws),
                adoption=adoption)
    _commit(bill_element(bill), path, root, check=False)
    return bill


def expectations(op: Op, root: Path, href: str) -> Texts:
    """The text ``op`` finds at its target in each language version (a unit op's content anchor);
    nothing for ops on the act, its title, several units, or an anchor not yet in the law."""
    if op.target.scope is not Scope.UNITS or op.target.is_many:
        return Texts()
    found = {}
    for lang, path in law_versions(root, href).items():
        if not op.applies_to(lang):
            continue
        law = Law.load(path)
        if op.target.unit not in law:
            if op.position is not None:      # an insert anchored on a unit an earlier insert adds
                return Texts()
            raise Refusal("CHECK.TARGET_MISSING", f"no unit {op.target.unit} in {path}", law.nearby_hint(op.target.unit))
        found[lang] = tg.anchor(law.get(op.target.unit))
    return Texts.of(found)


def amend(path: Path, op: Op, law: str | None, root: Path) -> tuple[Op, list[Finding]]:
    """Add ``op`` to the bill at ``path`` (to ``law``, added to the bill when it is not there yet),
    with its content anchor; the file is written only when the bill checks. Returns the op as
    written and the findings of the check (errors mean nothing was written)."""
    if not path.is_file():
        raise UsageError(f"{path}: no such patch file; start one with `lawpatch new`")
    tree = parse(path)
    laws = tree.getroot().findall(P + "law")
    if law:
        href = normal_href(law)
        chosen = [el for el in laws if el.get("href") == href]
        if not chosen:
            el = law_element(LawAmendment(href, base_of(root, href), (), 0))
            tree.getroot().append(el)
            chosen = [el]
    else:
        chosen = laws
    if len(chosen) != 1:
        raise UsageError(f"{path}: say which law with --law (" + ", ".join(el.get("href") for el in laws) + ")")
    href = chosen[0].get("href")
    op = replace(op, expect=op.expect or expectations(op, root, href))
    chosen[0].append(op_element(op))
    findings = _commit(tree.getroot(), path, root, check=True)
    return op, findings


def _commit(root_el, path: Path, root: Path, check: bool) -> list[Finding]:
    """Write the bill only when it loads and checks: an exclusive temp next to it, check, rename."""
    from .. import storage
    from .apply import check_bill
    from .load import PatchError

    with storage.staged(path, to_bytes(root_el)) as temp:
        findings: list[Finding] = []
        try:
            bill = load_bill(temp.path)
            if check:
                findings = check_bill(bill, root=root)
        except PatchError as exc:
            findings = exc.findings
        findings = [replace(f, file=str(path)) if f.file == str(temp.path) else f for f in findings]
        if any(f.severity == "error" for f in findings):
            temp.discard()
    return findings


def make_op(kind, units: tuple[str, ...], scope: Scope = Scope.UNITS, part: Part = Part.TEXT,
            sentence: int | None = None, through: str | None = None, **fields) -> Op:
    """An op as the command line gives it (``units`` the target eIds; none for the act or its title)."""
    if not units and scope is Scope.UNITS:
        scope = Scope.TITLE
    target = Target(units=units, scope=scope, part=part, sentence=sentence, through=through)
    return Op(kind=kind, target=target, **fields)


def anchor_bill(path: Path, root: Path) -> int:
    """Give every op of the bill that lacks one its content anchor, read from the laws at the bill's
    base (refused when a law has moved on: the text the bill was written against is gone). Returns
    how many ops got one; the file is rewritten only when the bill still checks."""
    from dataclasses import replace as _replace

    bill = load_bill(path)
    laws = []
    added = 0
    for la in bill.laws:
        lang, _, date = la.base.rpartition("@")
        current = base_of(root, la.href)
        if current != la.base:
            raise UsageError(f"{path}:{la.line}: {la.href} is at {current}, not the bill's base {la.base}: "
                             "the text the ops were written against is not here to anchor them")
        ops = []
        for op in la.ops:
            if not op.expect:
                expect = expectations(op, root, la.href)
                added += bool(expect)
                op = _replace(op, expect=expect)
            ops.append(op)
        laws.append(_replace(la, ops=tuple(ops)))
    findings = _commit(bill_element(_replace(bill, laws=tuple(laws))), path, root, check=True)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        from ..errors import FindingsError

        raise FindingsError(errors)
    return added
