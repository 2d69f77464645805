"""``lawpatch validate``: are these files laws of the KR profile?"""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import UsageError
from .report import print_findings


@click.command("validate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one finding a line; json: a list of findings.")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes to validate several files in (default: up to the CPUs, 1 for a single file).")
def validate_cmd(paths, fmt, strict, jobs):
    """Validate law files or folders (every *.xml below): the official AKN 3.0 schema, the KR
    profile schema, eIds by the naming convention, numbering, and rus/kir parity in a folder.

    Each finding is printed as «file:line: severity: unit: message». Exit status: 0 when there
    is no error (warnings, such as a gap in the numbering, do not fail unless --strict), 1 when
    there are findings that fail, 2 when a path is missing or an option is wrong.

    \b
    lawpatch validate laws/
    lawpatch validate laws/labour-code/kir.xml --format json
    """
    from ..law import law_files
    from ..validate import validate_paths
    from ..workers import default_jobs
    from .progress import bar

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder")
    files = [f for p in paths for f in law_files(p)]
    if not files:
        raise UsageError(f"{', '.join(paths)}: no *.xml law files here")
    if jobs is None:
        jobs = default_jobs(len(files))
    with bar(len(files), "validating") as step:
        findings = validate_paths(paths, jobs=jobs, progress=step)
    errors, warnings = print_findings(findings, fmt, f"{len(files)} file(s)")
    return 1 if errors or (strict and warnings) else 0
