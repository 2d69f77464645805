"""``lawpatch diff``: what changed between two expressions of a law, unit by unit, word by word."""
from __future__ import annotations

import dataclasses
import sys

import click

from .report import note


@click.command("diff")
@click.argument("inputs", nargs=-1)
@click.option("--rev", help="Compare with the files at this git revision (e.g. HEAD, main~3): a folder stands "
                            "for its files changed since; none given, laws/ and amendments/.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]), default="text",
              show_default=True, help="markdown: for a pull request's comment; html: a page.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Deleted words red struck through, inserted green; plain [-old-]{+new+} without.")
@click.option("--editorial", is_flag=True, help="Compare the database's editorial notes too.")
@click.option("--force", is_flag=True, help="Compare two different acts all the same.")
@click.option("--root", default=".", show_default=True, help="Repository root the bill's law paths are under.")
def diff_cmd(inputs, rev, fmt, color, editorial, force, root):
    """Show the changed units with their citations, and the layout rows: blocks split or joined
    otherwise with the same words (not changes: never in the comparison table, but worth a look,
    for an import may have broken a paragraph):

    \b
      lawpatch diff OLD.xml NEW.xml     two law files (or two folders with rus.xml/kir.xml)
      lawpatch diff LAW.xml --rev REV   the file now against the file at a git revision
      lawpatch diff --rev REV           every law changed since REV, and what each changed bill does
      lawpatch diff PATCH.xml           what the bill does (applied in memory, nothing written)

    Exit status 0 (with or without changes); 1 on an error; two files of different acts are
    refused (COMPARE.OTHER_ACT) unless --force.

    \b
    lawpatch diff laws/external-migration/rus.xml --rev main
    lawpatch diff --rev origin/main --format markdown > comment.md
    """
    from ..errors import UsageError
    from ..render import review
    from ..render.inputs import comparisons
    from .progress import counter

    if not inputs and not rev:
        raise UsageError("give OLD NEW, LAW --rev REV, --rev REV, or one patch file")

    with counter("comparing") as step:
        results = comparisons(inputs, rev, root, editorial, force, step)
    if fmt == "json":
        import json

        click.echo(json.dumps([{"path": str(path), **dataclasses.asdict(comp)} for path, comp in results],
                              ensure_ascii=False, indent=1))
    elif fmt == "markdown":
        click.echo(review.markdown(results), nl=False)
    elif fmt == "html":
        click.echo(review.html(results), nl=False)
    else:
        colored = color == "always" or (color == "auto" and sys.stdout.isatty())
        click.echo(review.text(results, colored), nl=False, color=colored)
    total = sum(len(comp.changes) for _, comp in results)
    layout = sum(len(comp.layout) for _, comp in results)
    note(f"{len(results)} law file(s), {total} changed unit(s)"
         + (f", {layout} layout row(s) (blocks split or joined)" if layout else ""))
    return 0
