"""``lawpatch check`` and ``lawpatch apply``: a bill against the laws it amends."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import UsageError
from .report import print_findings


def _bills(patches):
    from ..patch import load_bill

    for p in patches:
        if not Path(p).is_file():
            raise UsageError(f"{p}: no such patch file")
    return [load_bill(p) for p in patches]


@click.command("check")
@click.argument("patches", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--root", default=".", show_default=True, help="The repository root the laws/<slug> hrefs are relative to.")
def check_cmd(patches, fmt, root):
    """Check patch files against the laws they amend, without changing anything.

    Every refusal is printed as «file:line: error: [op] unit: message» with a hint. Exit status:
    0 when the bills apply (warnings such as a stale base allowed), 1 when refused, 2 on usage errors.
    """
    from ..errors import Finding
    from ..patch import PatchError, check_bill, load_bill

    findings: list[Finding] = []
    for p in patches:
        if not Path(p).is_file():
            raise UsageError(f"{p}: no such patch file")
        try:
            findings += check_bill(load_bill(p), root=root)
        except PatchError as exc:
            findings += exc.findings
    errors, _ = print_findings(findings, fmt, f"{len(patches)} patch(es)")
    return 1 if errors else 0


@click.command("apply")
@click.argument("patches", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option("--root", default=".", show_default=True, help="The repository root the laws/<slug> hrefs are relative to.")
def apply_cmd(patches, dry_run, root):
    """Apply patch files to the laws, one bill after another (a later bill sees the earlier ones).
    All or nothing: on any refusal no law file is written, and a run killed while writing is
    completed by the next one. One writer at a time per repository (the others wait)."""
    import shutil
    from dataclasses import replace

    from .. import storage
    from ..patch import apply_bill, write_applied
    from ..patch.apply import AppliedLaw, PatchRefused

    bills = _bills(patches)
    root_path = Path(root)
    final: dict[Path, AppliedLaw] = {}
    with storage.locked(root_path):
        work = storage.work_dir(root_path)
        try:
            if (root_path / "treaties").is_dir():
                (work / "treaties").symlink_to((root_path / "treaties").resolve())
            for href in sorted({la.href for b in bills for la in b.laws}):
                _copy_law(root_path, work, href)
            for i, bill in enumerate(bills):
                try:
                    applied = apply_bill(bill, root=work)
                except PatchRefused as exc:  # name the real files, not the working copy
                    raise PatchRefused([replace(f, message=f.message.replace(str(work), str(root_path)),
                                                hint=f.hint.replace(str(work), str(root_path)),
                                                file=f.file.replace(str(work), str(root_path)))
                                        for f in exc.findings]) from None
                for a in applied:
                    click.echo(f"{root_path / a.path.relative_to(work)}: {a.old.expression_date} -> "
                               f"{a.new.expression_date}, {len(a.ops)} op(s)")
                    for op in a.ops:
                        click.echo(f"  {bill.path}:{op.line}: {op.kind} {op.at or 'title'}")
                    target = root_path / a.path.relative_to(work)
                    first = final.get(target)
                    final[target] = AppliedLaw(target, first.old if first else a.old, a.new, a.ops, a.reasons)
                if i + 1 < len(bills):
                    write_applied(applied, work)  # into the working copy: the next bill sees it
            if not dry_run:
                write_applied(list(final.values()), root_path)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _copy_law(root: Path, work: Path, href: str) -> None:
    """The law files of ``root/href`` into the working copy: regular files of the repository's
    laws/ only (a law folder symlinked elsewhere is refused, not written through)."""
    from .. import storage
    from ..meta import LANGS
    from ..xmlio import MAX_BYTES

    for lang in LANGS:
        source = root / href / f"{lang}.xml"
        if not source.exists() and not source.is_symlink():
            continue
        if not storage.inside(source, root / "laws"):
            raise storage.StorageError(source, f"outside {root / 'laws'} (through a symlink); a bill amends "
                                               "the repository's own laws")
        data = storage.read_regular(source, MAX_BYTES)
        try:
            storage.write_file(work / href / source.name, data)
        except storage.StorageError as exc:
            raise storage.StorageError(source, f"cannot make the working copy in {work.parent}: "
                                               f"{exc.reason.removeprefix('cannot write: ')}") from exc
