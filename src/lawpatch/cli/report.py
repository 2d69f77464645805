"""Printing findings the one way every command does: one per line on stderr (or, with ``--format
json``, a JSON list on stdout: the only output of that mode), then a summary on stderr. Returns the
counts so the command can choose its exit status."""
from __future__ import annotations

import json

import click

from ..errors import Finding


def print_findings(findings: list[Finding], fmt: str, what: str, detail=None) -> tuple[int, int]:
    """Print ``findings`` as text or JSON and «<what>: N error(s), M warning(s)»; return (errors, warnings).
    ``detail(finding)`` gives more lines the text form prints under a finding."""
    if fmt == "json":
        click.echo(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
    elif findings:
        lines = []
        for f in findings:
            lines.append(str(f))
            lines += detail(f) if detail else ()
        click.echo("\n".join(lines), err=True)
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    click.echo(f"{what}: {errors} error(s), {warnings} warning(s)", err=True)
    return errors, warnings
