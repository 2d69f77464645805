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
    All or nothing: on any refusal no law file is written."""
    import shutil
    import tempfile

    from ..patch import apply_bill, write_applied
    from dataclasses import replace

    from ..patch.apply import AppliedLaw, PatchRefused

    bills = _bills(patches)
    root_path = Path(root)
    final: dict[Path, AppliedLaw] = {}
    with tempfile.TemporaryDirectory(prefix="lawpatch-apply-") as tmp:
        work = Path(tmp)
        if (root_path / "treaties").is_dir():
            (work / "treaties").symlink_to((root_path / "treaties").resolve())
        for href in {la.href for b in bills for la in b.laws}:
            if (root_path / href).is_dir():
                shutil.copytree(root_path / href, work / href)
        for i, bill in enumerate(bills):
            try:
                applied = apply_bill(bill, root=work)
            except PatchRefused as exc:  # name the real files, not the working copy
                raise PatchRefused([replace(f, message=f.message.replace(str(work), str(root_path)),
                                            hint=f.hint.replace(str(work), str(root_path)))
                                    for f in exc.findings]) from None
            for a in applied:
                click.echo(f"{root_path / a.path.relative_to(work)}: {a.old.expression_date} -> "
                           f"{a.new.expression_date}, {len(a.ops)} op(s)")
                for op in a.ops:
                    click.echo(f"  {bill.path}:{op.line}: {op.kind} {op.at or 'title'}")
                target = root_path / a.path.relative_to(work)
                first = final.get(target)
                final[target] = AppliedLaw(target, first.old if first else a.old, a.new, a.ops, a.reasons, a.links)
            if i + 1 < len(bills):
                write_applied(applied)  # into the working copy: the next bill sees it
        if not dry_run:
            write_applied(list(final.values()))
    return 0
