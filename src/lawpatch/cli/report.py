"""Printing findings the one way every command does: one per line on stderr (or, with ``--format
json``, a JSON list on stdout: the only output of that mode), then a summary on stderr. Returns the
counts so the command can choose its exit status. Notes (what was written, counts) go to stderr
too, unless ``lawpatch --quiet``; with it, findings of severity «info» are left out as well."""
from __future__ import annotations

import click

from ..errors import Finding


def settings() -> dict:
    """The group's options (quiet, verbose, debug) of the command being run."""
    ctx = click.get_current_context(silent=True)
    return (ctx.find_root().obj or {}) if ctx is not None else {}


def note(message: str) -> None:
    """A line for the drafter on stderr (what was written, how many): left out with --quiet."""
    if not settings().get("quiet"):
        click.echo(message, err=True)


def print_findings(findings: list[Finding], fmt: str, what: str, detail=None) -> tuple[int, int]:
    """Print ``findings`` as text or JSON and «<what>: N error(s), M warning(s)»; return (errors, warnings).
    ``detail(finding)`` gives more lines the text form prints under a finding."""
    if fmt == "json":
        import json

        click.echo(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
    elif findings:
        quiet = settings().get("quiet")
        lines = []
        for f in findings:
            if quiet and f.severity == "info":
                continue
            lines.append(str(f))
            lines += detail(f) if detail else ()
        if lines:
            click.echo("\n".join(lines), err=True)
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    note(f"{what}: {errors} error(s), {warnings} warning(s)")
    return errors, warnings
