"""``lawpatch check`` and ``lawpatch apply``: bills against the laws they amend."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import UsageError
from .report import note, print_findings


def _bills(patches):
    from ..patch import load_bill

    for p in patches:
        if not Path(p).is_file():
            raise UsageError(f"{p}: no such patch file")
    return [load_bill(p) for p in patches]


@click.command("check")
@click.argument("patches", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--root", default=".", show_default=True, help="The repository root the laws/<slug> hrefs are relative to.")
def check_cmd(patches, fmt, root):
    """Check bills against the laws they amend, without changing anything; several bills are checked
    on the same base and refused where they meet (a unit both change, one inside a unit the other
    takes whole, a position the other shifts).

    Every refusal goes to stderr as «file:line: error: [op] unit: message» with a hint (``--format
    json``: a JSON list on stdout). Exit status: 0 when the bills apply (warnings allowed), 1 when
    refused, 2 on usage errors.

    Without PATCHES: every amendments/*.xml under --root (none: nothing to check, exit status 0).

    \b
    lawpatch check amendments/2026-icrmw-family.xml
    lawpatch check --format json | jq '.[] | select(.severity == "error")'
    """
    from ..patch import PatchError, check_bills, load_bill

    patches = patches or [str(p) for p in sorted((Path(root) / "amendments").glob("*.xml"))]
    if not patches:
        note(f"{Path(root) / 'amendments'}: no bills to check")
        return 0
    findings, bills = [], []
    for p in patches:
        if not Path(p).is_file():
            raise UsageError(f"{p}: no such patch file")
        try:
            bills.append(load_bill(p))
        except PatchError as exc:
            findings += exc.findings
    found, _ = check_bills(bills, root=root)
    errors, _ = print_findings(findings + found, fmt, f"{len(patches)} patch(es)")
    return 1 if errors else 0


@click.command("apply")
@click.argument("patches", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option("--root", default=".", show_default=True, help="The repository root the laws/<slug> hrefs are relative to.")
def apply_cmd(patches, dry_run, root):
    """Apply bills to the laws, one after another (a later bill sees the earlier ones). All or
    nothing: on any refusal, or where two bills meet, no law file is written, and a run killed
    while writing is completed by the next one. One writer at a time per repository (the others wait).

    \b
    lawpatch apply amendments/2026-icrmw-family.xml --dry-run
    """
    from .. import storage
    from ..patch.apply import apply_bills, write_applied

    bills = _bills(patches)
    with storage.locked(root):
        applied = apply_bills(bills, root=root)
        if not dry_run:
            write_applied(applied, root)
    for a in applied:
        note(f"{a.path}: {a.old_date} -> {a.new.expression_date}, {len(a.ops)} op(s)"
             + (" (dry run: not written)" if dry_run else ""))
    return 0

