"""``lawpatch compliance``: the report on how the laws carry out the treaties (HTML or DOCX)."""
from __future__ import annotations

import click

from .report import note


@click.command("compliance")
@click.option("--treaty", help="Only this instrument of the registry (its id, e.g. icrmw-1990).")
@click.option("--law", "law", metavar="laws/<slug>", help="Only this law.")
@click.option("-o", "--out", "out", required=True, type=click.Path(dir_okay=False),
              help="report.html (a self-contained page) or report.docx.")
@click.option("--root", default=".", show_default=True, help="Repository root (laws/, amendments/, treaties/).")
def compliance_cmd(treaty, law, out, root):
    """The implementation matrix (each treaty obligation, the provisions that carry it out —
    laws/*/links.xml — and the bills in amendments/ that address it), the gaps, and every term a
    treaty and a law both define, side by side with the words that differ.

    Nothing is written when the registry, a links.xml or a bill cannot be read.

    \b
    lawpatch compliance -o report.html
    lawpatch compliance --treaty icrmw-1990 --law laws/external-migration -o icrmw.docx
    """
    from ..compliance import build_report
    from ..render.compliance import write_report

    report = build_report(root, treaty=treaty, law=law)
    write_report(report, out)
    counts = report.counts()
    note(f"{out}: {len(report.rows)} obligation(s): " + ", ".join(f"{k} {v}" for k, v in counts.items())
         + f"; {len(report.collisions)} definition(s) compared")
    return 0
